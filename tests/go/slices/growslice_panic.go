// run

// append's growslice error, recovered, then unrecovered in a deferred call.

package main

func main() {
	defer func() {
		println("recovered:", recover().(error).Error())
		z := make([]struct{}, 1<<62)
		z = append(z, z...)
	}()
	s := make([]struct{}, 1<<62)
	s = append(s, s...)
	println(len(s), cap(s))
	s = append(s, s...)
	println(len(s))
}
