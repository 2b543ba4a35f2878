// Defer-heavy code without the time package: three million calls of small
// functions with open-coded defers, a defer in a loop, and a recovered
// panic every thousand calls. Timed as a whole process.
package main

var sink int

func work(n int) { sink += n }

func open(n int) {
	defer work(n)
	if n&1 == 0 {
		defer work(1)
	}
}

func looped(n int) {
	for i := 0; i < 2; i++ {
		defer work(i)
	}
}

func recovered(n int) (r int) {
	defer func() {
		if recover() != nil {
			r = -1
		}
	}()
	if n%1000 == 0 {
		panic(n)
	}
	return n
}

func main() {
	for i := 0; i < 3000000; i++ {
		open(i)
		recovered(i)
		if i%4 == 0 {
			looped(i)
		}
	}
	println(sink)
}
