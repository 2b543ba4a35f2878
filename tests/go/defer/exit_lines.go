// run

// The line a frame shows while its exit code runs its deferred calls: the
// return statement taken, or the closing brace for the implicit return;
// with open-coded defers and with records (a defer in a loop).

package main

import "fmt"

type T struct{ n int }

func (t *T) close() {
	if t.n > 2 {
		panic(fmt.Sprint("close ", t.n))
	}
}

func f() {
	defer func() {
		panic("x")
	}()
	println("hi")
}

func h(n int) (r int) {
	t := &T{n}
	defer t.close()
	for i := 0; i < n; i++ {
		defer func(i int) {
			r += i
		}(i)
	}
	if n > 10 {
		return
	}
	r = n
	return r
}

func k(n int) {
	t := &T{n}
	defer t.close()
	if n > 3 {
		return
	}
}

func main() {
	defer func() {
		fmt.Println(recover())
		defer func() {
			fmt.Println(recover())
			defer func() {
				fmt.Println(recover())
				k(4)
			}()
			h(11)
		}()
		h(3)
	}()
	f()
}
