// run

// A stack overflow through a call both compilers inline (g into f): the
// trace counts and shows each inlined call as a frame of its own,
// `main.g(...)` without an offset, within gc's 50 innermost and 50
// outermost frames.

package main

var sink int

func f(n int) int { return g(n+1) + 1 }

func g(n int) int { return f(n) + sink }

func main() { println(f(0)) }
