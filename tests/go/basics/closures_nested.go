// run

// Closures inside closures, capturing from several enclosing levels,
// recursion through captured func variables, and closures as arguments.
package main

func apply(n int, f func(int) int) int {
	for i := 0; i < n; i++ {
		f(i)
	}
	return f(-1)
}

func main() {
	level1 := 1
	f := func() func() int {
		level2 := 10
		return func() int {
			level1++
			level2++
			return level1*100 + level2
		}
	}
	g := f()
	h := f()
	println(g(), g(), h(), level1)
	sum := 0
	r := apply(5, func(x int) int {
		if x >= 0 {
			sum += x
		}
		return sum
	})
	println(r)
	var even, odd func(int) bool
	even = func(n int) bool {
		if n == 0 {
			return true
		}
		return odd(n - 1)
	}
	odd = func(n int) bool {
		if n == 0 {
			return false
		}
		return even(n - 1)
	}
	println(even(10), odd(7), even(3))
	mk := func(tag string) func(string) string {
		return func(s string) string { return tag + "(" + s + ")" }
	}
	b := mk("b")
	i := mk("i")
	println(b(i("x")))
	x := 0
	func() {
		func() {
			func() { x += 3 }()
		}()
	}()
	println(x)
}
