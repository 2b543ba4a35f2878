// run

// switch: expression switches with lists, tagless switches, init
// statements, fallthrough, default in the middle, break inside switch.
package main

func classify(n int) string {
	switch {
	case n < 0:
		return "negative"
	case n == 0:
		return "zero"
	case n%2 == 0:
		return "even"
	default:
		return "odd"
	}
}

func fall(n int) {
	switch n {
	case 0:
		print("zero ")
		fallthrough
	case 1:
		print("one ")
		fallthrough
	default:
		print("default ")
	case 2:
		print("two ")
	}
	println()
}

func vowel(r rune) bool {
	switch r {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

func main() {
	for i := -1; i < 4; i++ {
		println(i, classify(i))
	}
	fall(0)
	fall(1)
	fall(2)
	fall(3)
	n := 0
	for _, r := range "education" {
		if vowel(r) {
			n++
		}
	}
	println(n)
	switch x := 5; x * 2 {
	case 10:
		println("ten")
		if x > 0 {
			break
		}
		println("unreachable")
	case 11:
		println("eleven")
	}
	switch s := "go"; s + "lang" {
	case "golang":
		println("yes")
	}
	switch {
	}
	switch probe(1) {
	case probe(0), probe(1), probe(2):
		println("matched")
	case probe(3):
		println("no")
	}
}

func probe(n int) int {
	print("probe", n, " ")
	return n
}
