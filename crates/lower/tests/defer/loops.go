// defer-check

// Defers in loops make every defer of the function use a record:
// heap-allocated in the loop, stack-allocated outside.

package main

var glob = 3

func loopBefore() {
	for i := 0; i < 10; i++ {
		println("loop")
	}
	defer func() {
		println("defer")
	}()
}

func inLoopThenAfter() {
	for {
		defer func() {
			println("defer1")
		}()
		if glob > 2 {
			break
		}
	}
	defer func() {
		println("defer2")
	}()
}

func beforeThenInLoop() {
	defer func() {
		println("defer2")
	}()
	for {
		defer func() {
			println("defer1")
		}()
		if glob > 2 {
			break
		}
	}
}

func inRange(s string) {
	for i := range s {
		defer println(i)
	}
	defer println("after")
}

func inRangeSlice(xs []int) {
	defer println("before")
	for _, x := range xs {
		if x > 1 {
			defer println(x)
		}
	}
}

func nestedLoops() {
	for i := 0; i < 2; i++ {
		for j := 0; j < 2; j++ {
			defer println(i, j)
		}
	}
}

func loopInSwitch(n int) {
	switch n {
	case 1:
		for i := 0; i < n; i++ {
			defer println(i)
		}
	default:
		defer println("default")
	}
}

func closureInLoop() {
	for i := 0; i < 3; i++ {
		func() {
			defer println(i)
		}()
	}
	defer println("outer")
}

func loopInClosure() {
	defer println("outer")
	f := func() {
		for i := 0; i < 3; i++ {
			defer println(i)
		}
	}
	f()
}

func labeledLoop() {
outer:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			if j == 1 {
				continue outer
			}
			defer println(i, j)
		}
	}
}

func main() {
	loopBefore()
	inLoopThenAfter()
	beforeThenInLoop()
	inRange("ab")
	inRangeSlice([]int{1, 2, 3})
	nestedLoops()
	loopInSwitch(1)
	closureInLoop()
	loopInClosure()
	labeledLoop()
}
