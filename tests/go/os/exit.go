// run

// os.Exit from a deferred call ends the process at once, with the status
// given and without running the other deferred calls; what was written to
// os.Stdout and os.Stderr before is there.

package main

import (
	"fmt"
	"os"
)

func main() {
	defer fmt.Println("never printed")
	defer func() {
		fmt.Fprintln(os.Stderr, "exiting with 3")
		os.Exit(3)
	}()
	fmt.Fprint(os.Stdout, "partial line, no newline")
	n, err := os.Stdout.Write([]byte("\nwritten\n"))
	fmt.Println(n, err)
	_, err = os.Stdin.Write([]byte("x"))
	fmt.Println(err)
	f := os.NewFile(1, "dup of stdout")
	fmt.Fprintln(f, "through NewFile(1)", f.Name(), f.Fd())
}
