// run

// Indexing a string out of range panics with gc's exact message.
package main

func at(s string, i int) byte { return s[i] }

func main() {
	println(at("abc", 2))
	println(at("abc", 5))
}
