// The start-up benchmark: the smallest program, println only. Timed as a
// whole process (`deft run hello.go` against `go run hello.go`).
package main

func main() {
	println("hello, world")
}
