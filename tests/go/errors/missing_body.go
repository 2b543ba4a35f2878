// errorcheck

// A function declared without a body: gc reports it when building a
// program (not in compile-only mode).
package main
func f()
func main() {}
