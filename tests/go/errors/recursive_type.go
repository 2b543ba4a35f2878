// errorcheck

// Types that contain themselves through aliases or interface embeddings.
package main

type I interface{ I }

type X = Y
type Y = X

type J1 = interface{ J2 }
type J2 interface {
	J1
	M()
}

type C = D
type D C

func main() {
	type T = T
	type S = []S
	var x X
	var s S
	var t T
	println(x, s, t)
}
