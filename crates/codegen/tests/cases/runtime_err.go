package main

func div(a, b int) int { return a / b }

func safe(a, b int) (q int, failed bool) {
	defer func() {
		if recover() != nil {
			failed = true
		}
	}()
	return div(a, b), false
}

func main() {
	println(safe(7, 2))
	println(safe(7, 0))
	defer func() {
		r := recover()
		panic(r)
	}()
	var s []int
	i := 5
	println(s[i])
}
