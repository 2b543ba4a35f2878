//go:build go1.19 && !go1.90

package main

func g() {
	println(min(1, 2))
}
