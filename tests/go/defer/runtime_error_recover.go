// run

// Run-time errors are ordinary panics: recover returns a runtime.Error
// whose Error method gives gc's text.
package main

type stringer interface{ Error() string }

func describe(f func()) {
	defer func() {
		r := recover()
		if e, ok := r.(stringer); ok {
			println("recovered:", e.Error())
		} else {
			println("recovered non-error")
		}
	}()
	f()
}

func main() {
	zero := 0
	describe(func() { println(10 / zero) })
	describe(func() { println(10 % zero) })
	describe(func() { s := "abc"; println(s[zero+5]) })
	describe(func() { s := "abc"; println(s[2:zero+9]) })
	describe(func() { var f func(); f() })
	describe(func() { panic("plain string") })
	println("survived")
}
