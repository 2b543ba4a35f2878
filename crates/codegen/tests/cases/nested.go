package main

func helper() interface{} { return recover() }

func f() {
	defer func() {
		println("helper got nil:", helper() == nil)
		r := recover()
		println("outer recovered:", r.(string))
	}()
	defer func() {
		panic("second")
	}()
	panic("first")
}

func main() {
	f()
	println("done")
}
