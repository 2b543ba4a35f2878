package lib

import "fmt"

func Work(n int) (r int) {
	defer func() { r *= 2 }()
	for i := 0; i < n; i++ {
		defer func() { r += i }()
	}
	defer fmt.Print("")
	return n
}
