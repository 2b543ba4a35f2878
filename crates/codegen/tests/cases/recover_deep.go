package main

func deep(d int) {
	if d == 0 {
		panic("deep")
	}
	defer println("unwinding", d)
	deep(d - 1)
}

func top() (ok bool) {
	defer func() {
		ok = recover() != nil
	}()
	deep(3)
	return false
}

func main() {
	println(top())
	println(top())
}
