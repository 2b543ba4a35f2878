// errorcheck

// go and defer need a function call: the type checker says so in gc 1.27.
package main

func main() {
	var x struct{ y func() }
	var a []int
	go x.y
	defer a[0]
	defer (recover())
}
