// Package nt has no test files, nor has nt/lib; nt/tested has.
package nt

func F() int { return 1 }
