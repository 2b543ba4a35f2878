// run

// Labeled break and continue out of nested loops and switches, and goto
// forward and backward.
package main

func find(target int) (int, int) {
	var ri, rj int = -1, -1
outer:
	for i := 0; i < 10; i++ {
		for j := 0; j < 10; j++ {
			if i*j == target {
				ri, rj = i, j
				break outer
			}
		}
	}
	return ri, rj
}

func main() {
	println(find(42))
	println(find(97))
	count := 0
rows:
	for i := 0; i < 5; i++ {
		for j := 0; j < 5; j++ {
			if j > i {
				continue rows
			}
			count++
		}
	}
	println(count)
	i := 0
loop:
	if i < 4 {
		print(i, " ")
		i++
		goto loop
	}
	println()
	goto skip
skip:
	println("skipped")
sw:
	for k := 0; k < 3; k++ {
		switch k {
		case 1:
			break sw
		default:
			println("k", k)
		}
	}
	n := 0
again:
	n++
	switch {
	case n < 3:
		goto again
	}
	println(n)
}
