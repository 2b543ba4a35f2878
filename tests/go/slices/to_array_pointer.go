// run

// Converting a slice to a pointer to an array (Go 1.17): shares the
// backing array; a slice shorter than the array panics.

package main

type Buf [4]byte

func try(n int) {
	defer func() {
		if r := recover(); r != nil {
			println(r.(error).Error())
		}
	}()
	s := make([]byte, n, 8)
	p := (*Buf)(s)
	p[0] = 'x'
	println("ok", n, s[0], len(p))
}

func main() {
	try(4)
	try(6)
	try(3)
	var nilS []int
	println((*[0]int)(nilS) == nil, (*[0]int)([]int{}) != nil)
	s := []int{1, 2, 3, 4, 5}
	p := (*[3]int)(s[2:])
	p[2] = 50
	println(s[4])
	q := (*[2]int)(s[1:2])
	println(q[0])
}
