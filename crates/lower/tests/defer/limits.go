// defer-check

// The size limits: at most 8 open-coded defers (gc's one-byte deferBits),
// and returns × defers at most 15. Only explicit returns count; returns of
// closures belong to the closures.

package main

func eight() {
	defer println(1)
	defer println(2)
	defer println(3)
	defer println(4)
	defer println(5)
	defer println(6)
	defer println(7)
	defer println(8)
}

func nine() {
	defer println(1)
	defer println(2)
	defer println(3)
	defer println(4)
	defer println(5)
	defer println(6)
	defer println(7)
	defer println(8)
	defer println(9)
}

func fiveTimesThree(x int) int {
	defer println("a")
	defer println("b")
	defer println("c")
	if x == 1 {
		return 1
	}
	if x == 2 {
		return 2
	}
	if x == 3 {
		return 3
	}
	if x == 4 {
		return 4
	}
	return 5
}

func sixTimesThree(x int) int {
	defer println("a")
	defer println("b")
	defer println("c")
	if x == 1 {
		return 1
	}
	if x == 2 {
		return 2
	}
	if x == 3 {
		return 3
	}
	if x == 4 {
		return 4
	}
	if x == 5 {
		return 5
	}
	return 6
}

func implicitReturnNotCounted(x int) {
	defer println("a")
	defer println("b")
	defer println("c")
	defer println("d")
	defer println("e")
	if x == 1 {
		return
	}
	if x == 2 {
		return
	}
	if x == 3 {
		return
	}
}

func sixteen(x int) {
	defer println("a")
	defer println("b")
	defer println("c")
	defer println("d")
	if x == 1 {
		return
	}
	if x == 2 {
		return
	}
	if x == 3 {
		return
	}
	if x == 4 {
		return
	}
}

func closureReturnsDoNotCount(x int) int {
	defer println("a")
	defer println("b")
	defer println("c")
	f := func() int {
		if x > 1 {
			return 1
		}
		if x > 2 {
			return 2
		}
		return 3
	}
	if x == 0 {
		return f()
	}
	return 0
}

func returnsInSwitch(x int) int {
	defer println("a")
	defer println("b")
	switch x {
	case 1:
		return 1
	case 2:
		return 2
	case 3:
		return 3
	case 4:
		return 4
	case 5:
		return 5
	case 6:
		return 6
	case 7:
		return 7
	}
	return 0
}

func main() {
	eight()
	nine()
	fiveTimesThree(1)
	sixTimesThree(1)
	implicitReturnNotCounted(1)
	sixteen(1)
	closureReturnsDoNotCount(1)
	returnsInSwitch(1)
}
