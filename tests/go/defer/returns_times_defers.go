// run

// Many return statements times several defers exceeds gc's open-coding
// limit (returns*defers > 15); every exit still runs every defer.
package main

func classify(n int) (s string) {
	defer func() { s = "<" + s }()
	defer func() { s += ">" }()
	defer func() {
		if recover() != nil {
			s = "panicked"
		}
	}()
	defer func() { s += "." }()
	switch {
	case n < 0:
		return "neg"
	case n == 0:
		return "zero"
	case n == 1:
		return "one"
	case n == 2:
		return "two"
	case n == 3:
		panic(n)
	case n < 10:
		return "small"
	}
	return "big"
}

func main() {
	for i := -1; i < 12; i += 2 {
		println(i, classify(i))
	}
	println(classify(0), classify(2), classify(3))
}
