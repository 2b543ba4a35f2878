package main

// When recover returns nil: not panicking, called from a function the
// deferred function calls, called on the normal exit path inside a
// deferred call, after the panic was already recovered; panic(nil).

func helper() interface{} { return recover() }

func viaHelper() (r string) {
	defer func() {
		if helper() != nil {
			r = "helper recovered (wrong)"
		}
		if v := recover(); v != nil {
			r = "direct: " + v.(string)
		}
	}()
	panic("p1")
}

func normalExitInDefer() {
	defer func() {
		println("outer recover:", recover().(string))
	}()
	defer func() {
		func() {
			defer func() {
				println("inner defer recover is nil:", recover() == nil)
			}()
		}()
	}()
	panic("p2")
}

func twice() {
	defer func() {
		println("second recover is nil:", recover() == nil)
	}()
	defer func() {
		println("first recover:", recover().(string))
	}()
	panic("p3")
}

func nilPanic() {
	defer func() {
		r := recover()
		println("panic(nil) recovers nil:", r == nil)
	}()
	panic(nil)
}

func main() {
	println(recover() == nil)
	println(viaHelper())
	normalExitInDefer()
	twice()
	nilPanic()
	println("end")
}
