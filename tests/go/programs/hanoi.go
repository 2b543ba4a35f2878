// run

// Towers of Hanoi: the move list for 4 disks, and move counts for more,
// with the moves collected by a closure.
package main

func hanoi(n int, from, to, via string, move func(int, string, string)) {
	if n == 0 {
		return
	}
	hanoi(n-1, from, via, to, move)
	move(n, from, to)
	hanoi(n-1, via, to, from, move)
}

func main() {
	hanoi(4, "A", "C", "B", func(d int, f, t string) {
		println("disk", d, f, "->", t)
	})
	for n := 1; n <= 20; n += 3 {
		count := 0
		hanoi(n, "x", "y", "z", func(int, string, string) { count++ })
		println(n, count)
	}
}
