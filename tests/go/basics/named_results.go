// run

// Named results: zero values, bare returns, results modified after
// assignment, shadowing in inner scopes.
package main

func parse(s string) (n int, ok bool) {
	if len(s) == 0 {
		return
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	ok = true
	return
}

func split(sum int) (x, y int) {
	x = sum * 4 / 9
	y = sum - x
	return
}

func shadow() (v int) {
	v = 1
	{
		v := 2
		v++
	}
	return v * 10
}

func override() (s string) {
	s = "named"
	return "explicit"
}

func main() {
	println(parse("12345"))
	println(parse(""))
	println(parse("12a"))
	println(split(17))
	println(shadow())
	println(override())
}
