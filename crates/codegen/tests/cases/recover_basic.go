package main

func g() int {
	panic("boom")
}

func f() (r int) {
	defer func() {
		e := recover()
		println("recovered:", e.(string))
		r = 42
	}()
	r = 1
	g()
	return 7
}

func main() {
	println(f())
	println(recover() == nil)
}
