// run

// os.Pipe through the netpoller: a read deadline that passes, a read
// that waits for a writer goroutine, a Close that wakes a blocked reader,
// and a write larger than the pipe buffer drained by another goroutine.

package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"time"
)

func main() {
	r, w, err := os.Pipe()
	fmt.Println(err)
	r.SetReadDeadline(time.Now().Add(100 * time.Millisecond))
	buf := make([]byte, 10)
	start := time.Now()
	_, err = r.Read(buf)
	fmt.Println(err, errors.Is(err, os.ErrDeadlineExceeded), time.Since(start) >= 100*time.Millisecond)
	r.SetReadDeadline(time.Time{})
	go func() {
		time.Sleep(50 * time.Millisecond)
		w.Write([]byte("hello"))
		w.Close()
	}()
	b, err := io.ReadAll(r)
	fmt.Printf("%q %v\n", b, err)
	r2, w2, _ := os.Pipe()
	done := make(chan error)
	go func() {
		_, err := r2.Read(buf)
		done <- err
	}()
	time.Sleep(20 * time.Millisecond)
	r2.Close()
	fmt.Println(<-done)
	w2.Close()
	// A big write into a pipe another goroutine drains.
	r3, w3, _ := os.Pipe()
	go func() {
		w3.Write(make([]byte, 1<<20))
		w3.Close()
	}()
	all, err := io.ReadAll(r3)
	fmt.Println(len(all), err)
}
