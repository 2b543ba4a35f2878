// run

// fmt recovers a panic in a String or Error method it calls, as gc's fmt
// does: %!verb(PANIC=Name method: value), or <nil> for a nil pointer
// receiver; the method's own deferred calls run first.
package main

import (
	"errors"
	"fmt"
)

type bad int

func (b bad) String() string {
	if b > 0 {
		panic(fmt.Sprintf("bad %d", int(b)))
	}
	return "fine"
}

type E struct{ msg string }

func (e *E) Error() string { return e.msg }

type errBad struct{}

func (errBad) Error() string { panic(errors.New("inner")) }

type ptrS struct{ n int }

func (p *ptrS) String() string { return fmt.Sprint("ptrS", p.n) }

type withDefer int

func (w withDefer) String() string {
	defer fmt.Print("deferred ran; ")
	panic(int(w))
}

func main() {
	fmt.Println(bad(0), bad(1))
	fmt.Printf("%s|%v|%d|%q|%x\n", bad(2), bad(3), bad(4), bad(5), bad(6))
	fmt.Printf("%8s|%-8v|\n", bad(7), bad(0))
	var e *E
	fmt.Println(e)
	fmt.Println(errBad{})
	fmt.Printf("%v\n", []bad{0, 1, 2})
	fmt.Printf("%+v\n", struct{ A, B bad }{1, 0})
	var p *ptrS
	fmt.Println(p)
	fmt.Println(withDefer(9))
	s := fmt.Sprint(bad(1))
	fmt.Println(len(s))
	err := fmt.Errorf("wrap %w", errBad{})
	fmt.Println(err)
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		panic(bad(3))
	}()
}
