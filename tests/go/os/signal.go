// run

// os/signal: signals sent to the process itself reach the channels
// Notify registered (from another goroutine too), Ignore and Ignored,
// Stop and Reset.

package main

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGUSR1, syscall.SIGHUP)
	syscall.Kill(os.Getpid(), syscall.SIGUSR1)
	fmt.Println("got", <-c)
	syscall.Kill(os.Getpid(), syscall.SIGHUP)
	fmt.Println("got", <-c)
	fmt.Println(signal.Ignored(syscall.SIGUSR2))
	signal.Ignore(syscall.SIGUSR2)
	fmt.Println(signal.Ignored(syscall.SIGUSR2))
	syscall.Kill(os.Getpid(), syscall.SIGUSR2)
	signal.Stop(c)
	signal.Reset(syscall.SIGUSR1)
	d := make(chan os.Signal, 1)
	signal.Notify(d, os.Interrupt)
	go func() {
		time.Sleep(20 * time.Millisecond)
		syscall.Kill(os.Getpid(), syscall.SIGINT)
	}()
	select {
	case s := <-d:
		fmt.Println("interrupted:", s)
	case <-time.After(2 * time.Second):
		fmt.Println("no signal")
	}
	signal.Reset()
	fmt.Println("reset")
}
