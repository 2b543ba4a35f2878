package vm

import "fmt"

// Fault is the panic value of a machine that failed.
type Fault struct {
	Op    int
	Cause any
}

func (f *Fault) Error() string { return fmt.Sprintf("fault at op %d: %v", f.Op, f.Cause) }

func guard(op int) {
	if r := recover(); r != nil {
		panic(&Fault{op, r})
	}
}
