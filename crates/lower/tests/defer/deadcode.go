// defer-check

// Dead code. gc's deadcode pass removes constant-false branches (their
// defers are neither counted nor reported), and SSA construction never
// reaches code after return/panic/goto/break/continue until the next label
// (such defers are counted, but not reported).

package main

var glob = 3

const debug = false

func constFalse() {
	if false {
		defer println("dead")
	}
	defer println("live")
}

func constName() {
	if debug {
		defer println("dead")
	}
	defer println("live")
}

func constAndAnd() {
	if false && glob > 1 {
		defer println("dead")
	}
	if true || glob > 1 {
		defer println("live 1")
	} else {
		defer println("dead")
	}
	defer println("live 2")
}

func cutAfterTrueReturn() {
	if true {
		defer println("live")
		return
	}
	defer println("dead")
}

func noCutBeforeLabel() {
	if true {
		return
	}
l:
	defer println("after label")
	if glob > 100 {
		goto l
	}
}

func afterReturn() {
	defer println("x")
	return
	defer println("unreached")
}

func afterPanic() {
	defer println("x")
	panic("p")
	defer println("unreached")
}

func afterBothBranchesReturn() {
	if glob > 1 {
		return
	} else {
		return
	}
	defer println("reached: the if's end block exists")
}

func afterInfiniteLoop() {
	for {
		return
	}
	defer println("reached: the loop's end block exists")
}

func afterGotoInBlock() {
	{
		return
	}
	defer println("unreached")
	{
	l:
		defer println("in loop")
		glob--
		if glob > 0 {
			goto l
		}
	}
}

func unreachedCounts(x int) int {
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
	return 4
	defer println("d: counted, so 4 returns x 4 defers is too many")
	panic("unreachable")
}

func constSwitch() {
	switch 2 {
	case 1:
		defer println("c1")
	case 2:
		defer println("c2")
	}
	switch {
	case glob > 1:
		defer println("c3")
	case false:
		defer println("c4")
	}
	switch {
	case false:
		defer println("c5")
	default:
		defer println("c6")
	}
	switch 3 {
	case 1:
		defer println("c7")
	case 2:
		defer println("c8")
	}
	switch 1 {
	case 1:
		defer println("c9")
		fallthrough
	case 2:
		defer println("c10")
	}
}

func forFalseAlone() {
	for false {
		defer println("y")
	}
}

func forFalseWithOthers() {
	glob++
	for false {
		defer println("y")
	}
}

func deadClosures() {
	if false {
		func() { defer println("never compiled") }()
	}
	return
	func() { defer println("compiled although unreachable") }()
}

func afterBreak() {
	for i := 0; i < 3; i++ {
		break
		defer println("unreached")
	}
	defer println("after")
}

func main() {
	constFalse()
	constName()
	constAndAnd()
	cutAfterTrueReturn()
	noCutBeforeLabel()
	afterReturn()
	afterBothBranchesReturn()
	afterInfiniteLoop()
	unreachedCounts(0)
	constSwitch()
	forFalseAlone()
	forFalseWithOthers()
	deadClosures()
	afterBreak()
	afterGotoInBlock()
	afterPanic()
}
