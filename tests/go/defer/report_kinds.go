// run
// deft-flags: -gcflags=-d=defer

// -d=defer reports the strategy chosen for each defer statement: open-coded
// where possible, stack-allocated records in a function that also defers in
// a loop, heap-allocated records in loops (including backward goto loops).
package main

var sink int

func work(n int) { sink += n }

func openCoded() {
	defer work(1)
	defer func() { work(2) }()
}

func withLoop(n int) {
	defer work(3)
	for i := 0; i < n; i++ {
		defer work(i)
	}
	defer work(4)
}

func gotoLoop() {
	i := 0
top:
	if i < 2 {
		defer work(i)
		i++
		goto top
	}
}

func forwardGoto(b bool) {
	if b {
		goto done
	}
	defer work(5)
done:
	work(6)
}

func conditional(n int) {
	if n > 0 {
		defer work(7)
	}
	switch n {
	case 1:
		defer work(8)
	}
}

func main() {
	openCoded()
	withLoop(3)
	gotoLoop()
	forwardGoto(false)
	conditional(1)
	println(sink)
}
