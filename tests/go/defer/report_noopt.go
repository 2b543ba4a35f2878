// run
// deft-flags: -gcflags='-N -d=defer'

// With -N (no optimisation) gc open-codes no defer at all; the report
// says so, and behaviour is unchanged.
package main

func f() (s string) {
	defer func() { s += "a" }()
	defer func() {
		if recover() != nil {
			s += "r"
		}
	}()
	panic("p")
}

func g() {
	for i := 0; i < 2; i++ {
		defer println("loop", i)
	}
}

func main() {
	println(f())
	g()
}
