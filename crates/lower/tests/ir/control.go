// Control flow: switch with and without fallthrough, labeled loops, goto,
// range over a string, multi-value returns and assignments.

package main

func pair() (int, string) { return 1, "a" }

func sum(xs ...int) (t int) {
	for _, x := range xs {
		t += x
	}
	return
}

func main() {
	n := 2
	switch n {
	case 1, 2:
		println("small")
		fallthrough
	case 3:
		println("three")
	default:
		println("other")
	}
	switch {
	case n > 1:
		println("big")
	}
outer:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			if j == i {
				continue outer
			}
			if i == 2 {
				break outer
			}
		}
	}
	k := 0
loop:
	k++
	if k < 3 {
		goto loop
	}
	for i, r := range "hé" {
		println(i, r)
	}
	a, s := pair()
	a, n = n, a
	println(a, s, sum(1, 2), sum())
}
