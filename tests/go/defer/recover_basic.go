// run

// recover in a deferred closure stops a panic; the function returns
// normally with the named results the deferred call set.
package main

func safeDiv(a, b int) (q int, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			q, ok = -1, false
		}
	}()
	return a / b, true
}

func try(f func()) (caught bool) {
	defer func() {
		caught = recover() != nil
	}()
	f()
	return false
}

func main() {
	println(safeDiv(7, 2))
	println(safeDiv(7, 0))
	println(try(func() { panic("boom") }))
	println(try(func() {}))
	println(try(func() { var s string; _ = s[3] }))
	println("main continues")
}
