// errorcheck

// Values that are not iterators, and iteration variables an iterator
// does not have, with gc 1.27's errors.

package main

func main() {
	var f1 func(int)
	for range f1 {
	}
	var f2 func(func(int, int, int) bool)
	for range f2 {
	}
	var f3 func(func(int))
	for range f3 {
	}
	var f4 func(func(int) bool) int
	for range f4 {
	}
	var f5 func(func(int) bool)
	for x, y := range f5 {
		_, _ = x, y
	}
	var f6 func(func() bool)
	for x := range f6 {
		_ = x
	}
	var f8 func(func(...int) bool)
	for range f8 {
	}
	var f9 func(func(int) (bool, bool))
	for range f9 {
	}
}
