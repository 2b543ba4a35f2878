// run

// A deferred function recovers and panics again with the same value; the
// program dies showing the first panic as recovered.
package main

func inner() {
	defer func() {
		r := recover()
		println("recovered, re-panicking")
		panic(r)
	}()
	panic("original")
}

func main() {
	defer println("main deferred runs")
	inner()
}
