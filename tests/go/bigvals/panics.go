// run

// Out-of-range indexing of large arrays, in locals, fields and results.
package main

import "fmt"

type S struct {
	pad [90]int
	a   [100]string
}

func get() [100]int {
	var a [100]int
	a[99] = 9
	return a
}

func try(name string, f func()) {
	defer func() {
		fmt.Println(name, recover())
	}()
	f()
}

func main() {
	var s S
	i := 100
	try("field", func() { s.a[i] = "x" })
	try("read", func() { fmt.Println(s.pad[i-10+i]) })
	try("result", func() { fmt.Println(get()[i-1], get()[i]) })
	var p *S
	try("nil", func() { fmt.Println(p.a[0]) })
	try("nil copy", func() { t := *p; fmt.Println(t.a[0]) })
	var arr [200]byte
	n := -1
	try("negative", func() { arr[n+0] = 1 })
	s.a[i-1] = "last"
	fmt.Println(s.a[99])
	var big [1 << 17]int
	big[1<<17-1] = 3
	c := big
	c[0] = 1
	fmt.Println(big[1<<17-1], big[0], c[0], c[1<<17-1])
	var arr2 [1000]int
	arr2[i*20] = 1
}
