// defer-check -l

// Loops made with goto. gc calls a label "looping" when a goto to it
// follows it in the function; from that label to the end of its block
// everything counts as inside a loop, even code after the last goto.
// (Recorded with -l: with inlining, gc also sees the labels of inlined
// callees; deft does not inline.)

package main

var glob = 3

func deferBeforeLoop() {
	defer func() {
		println("defer")
	}()
label:
	println("goto loop")
	if glob > 2 {
		goto label
	}
}

func deferInLoop() {
label:
	println("goto loop")
	defer func() {
		println("defer")
	}()
	if glob > 2 {
		goto label
	}
}

func deferAfterLoop() {
label:
	println("goto loop")
	if glob > 2 {
		goto label
	}
	defer func() {
		println("defer")
	}()
}

func forwardGoto() {
	goto done
done:
	defer println("forward")
}

func forwardThenBack() {
	if glob > 5 {
		goto l
	}
l:
	glob--
	defer println("x")
	if glob > 2 {
		goto l
	}
}

func labelInBranch() {
	if glob > 0 {
	l:
		glob--
		if glob > 1 {
			goto l
		}
	}
	defer println("after the if")
}

func labelInBlock() {
	{
	l:
		glob--
		if glob > 1 {
			goto l
		}
	}
	defer println("after the block")
}

func labeledForWithGoto() {
l:
	for glob > 0 {
		glob--
		if glob == 5 {
			goto l
		}
	}
	defer println("after")
}

func gotoInClosure() {
l:
	glob--
	func() {
		goto l
	l:
		println()
	}()
	if glob > 10 {
		goto l
	}
	defer println("y")
}

func unusedLabelIsNotALoop() {
	goto l
l:
	for i := 0; i < 1; i++ {
		break l
	}
	defer println("z")
}

func main() {
	deferBeforeLoop()
	deferInLoop()
	deferAfterLoop()
	forwardGoto()
	forwardThenBack()
	labelInBranch()
	labelInBlock()
	labeledForWithGoto()
	gotoInClosure()
	unusedLabelIsNotALoop()
}
