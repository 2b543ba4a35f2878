// run

// Slices and the slice builtins in deferred calls: defer copy in a loop,
// append to a result in a deferred closure, a bounds panic in a defer's
// arguments.

package main

func show(s []int) {
	print(len(s), " ", cap(s), ":")
	for _, v := range s {
		print(" ", v)
	}
	println()
}

func f() (r []int) {
	defer func() {
		r = append(r, 99)
	}()
	r = make([]int, 2, 2)
	return r
}

func g() {
	dst := make([]int, 3)
	for i := 0; i < 3; i++ {
		defer copy(dst[i:], []int{i + 10, i + 20})
	}
	defer show(dst)
	defer func() { show(dst) }()
}

func h() {
	defer func() {
		r := recover()
		println("h recovered:", r.(error).Error())
	}()
	a := [3]int{1, 2, 3}
	i := 4
	defer show(a[:i])
	println("not reached")
}

func main() {
	show(f())
	g()
	h()
	s := []int{1, 2, 3}
	defer show(append(s[:1], 5))
	defer show(s)
	s[2] = 7
}
