// run

// An unrecovered panic whose value's String method panics itself: gc stops
// with "fatal error: panic while printing panic value", naming the inner
// value when it is a string.
package main

type bad int

func (b bad) String() string { panic("inner") }

func main() {
	panic(bad(3))
}
