package main

func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

func apply(f func(int) int, v int) int { return f(v) }

func main() {
	c := counter()
	c()
	c()
	println(c())
	k := 10
	println(apply(func(v int) int { return v * k }, 4))
	s := ""
	for i := 0; i < 3; i++ {
		s = s + "ab"[i%2:i%2+1]
	}
	println(s, s < "abb", s == "aba", s[1])
}
