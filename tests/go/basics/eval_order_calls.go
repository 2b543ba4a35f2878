// run

package main

var g4 int32 = 8

func f0(n int) int32 {
	if n <= 0 {
		return 0
	}
	g4 *= f0(n - 1)
	return -12
}

var a int = 1

func f() int { a = 10; return 2 }

var arr [3]int

func h() int { arr[0] = 100; return 0 }

func main() {
	println(f0(2), g4)
	a = 1
	println(a + f())
	a = 1
	println(f() + a)
	a = 1
	a += f()
	println(a)
	a = 1
	println(a*3 - f())
	arr[0] = 5
	arr[h()] = arr[0] + 1
	println(arr[0])
	b := 1
	k := func() int { b = 7; return 3 }
	println(b + k())
	c := 1
	p := &c
	m := func() int { c = 9; return 4 }
	println(*p + m())
	println(int64(a) + int64(len("xy")))
}

func g(x, y int) int { return x*1000 + y }

func init() {
	a = 1
	println(g(a, f()))
	a = 1
	println(g(f(), a))
}
