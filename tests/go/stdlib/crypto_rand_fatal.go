// run

// crypto/rand.Read with a Reader that fails is gc's fatal error (the
// runtime's hook behind crypto/rand.fatal), not a panic: recover cannot
// stop it, and the exit status is 2.
package main

import (
	"crypto/rand"
	"errors"
	"fmt"
)

type broken struct{}

func (broken) Read([]byte) (int, error) { return 0, errors.New("no entropy here") }

func main() {
	rand.Reader = broken{}
	defer func() { fmt.Println("recovered:", recover()) }()
	b := make([]byte, 8)
	rand.Read(b)
	fmt.Println("unreachable")
}
