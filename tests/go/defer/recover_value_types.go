// run

// recover returns exactly the value passed to panic, for values of
// several types, compared through the empty interface.
package main

type Code int
type Label string

func catch(f func()) (r interface{}) {
	defer func() { r = recover() }()
	f()
	return nil
}

func main() {
	println(catch(func() { panic(7) }) == 7)
	println(catch(func() { panic(7) }) == int64(7))
	println(catch(func() { panic(Code(7)) }) == Code(7))
	println(catch(func() { panic("s") }) == "s")
	println(catch(func() { panic(Label("s")) }) == "s")
	println(catch(func() { panic(Label("s")) }) == Label("s"))
	println(catch(func() { panic(2.5) }) == 2.5)
	println(catch(func() { panic(true) }) == true)
	println(catch(func() { panic(uint8(255)) }) == uint8(255))
	println(catch(func() {}) == nil)
	v := catch(func() { panic(42) })
	n, ok := v.(int)
	println(n, ok)
	s, ok := v.(string)
	println(s == "", ok)
}
