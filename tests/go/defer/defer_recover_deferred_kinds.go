// run

// `defer recover()` inside deferred functions of every defer kind (open-coded,
// stack records, heap records), in deferred methods and method values, with
// no panic, twice, and under a second panic raised by a sibling defer.
package main

type T struct{ name string }

func (t T) M() {
	defer recover()
	println("M", t.name)
}

func many() {
	defer func() { println("many outer", recover() != nil) }()
	defer func() {
		defer println("d1")
		defer println("d2")
		defer println("d3")
		defer println("d4")
		defer println("d5")
		defer println("d6")
		defer println("d7")
		defer println("d8")
		defer recover()
		defer println("d9")
	}()
	panic("many")
}

func method() {
	defer func() { println("method outer", recover() != nil) }()
	defer T{"a"}.M()
	panic("method")
}

func methodValue() {
	defer func() { println("methodValue outer", recover() != nil) }()
	f := T{"b"}.M
	defer f()
	panic("methodValue")
}

func noPanic() {
	defer func() { println("noPanic outer", recover() == nil) }()
	defer func() {
		defer recover()
	}()
}

func twice() {
	defer func() { println("twice outer", recover() != nil) }()
	defer func() {
		defer recover()
		defer recover()
	}()
	panic("twice")
}

func repanic() {
	defer func() { println("repanic outer", recover().(string)) }()
	defer func() {
		defer recover()
		defer func() { panic("second") }()
	}()
	panic("first")
}

func main() {
	many()
	method()
	methodValue()
	noPanic()
	twice()
	repanic()
	println("done")
}
