// run

// Package log without the clock: prefixes, Lshortfile and Lmsgprefix,
// a Logger on stdout, and Fatalf's exit status.
package main

import (
	"log"
	"os"
)

func helper() {
	log.Output(2, "reported at the caller's line")
}

func main() {
	log.SetFlags(0)
	log.Println("hello", 3, []string{"a"})
	log.Printf("x=%d", 5)
	log.SetPrefix("pre: ")
	log.Print("a", "b")
	log.SetFlags(log.Lshortfile | log.Lmsgprefix)
	log.Print("short file")
	helper()
	l := log.New(os.Stdout, "[out] ", 0)
	l.Println("to stdout")
	defer func() {
		r := recover()
		log.SetFlags(0)
		log.Println("recovered:", r)
		log.Fatalf("fatal %s", "err")
	}()
	log.Panicf("panic %d", 7)
}
