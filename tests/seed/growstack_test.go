package runtime_test

import "runtime"

// growStackIter recurses n levels deep, each level handing the next a
// pointer to a local of its own, which the next one sets to its n+1: the
// stack grows (gc then copies it, moving every frame and adjusting the
// pointers into it; deft's stacks are large and never move), and a
// collection runs at the deepest level with every frame live. A level that
// does not find its local as expected panics. defer_test.go's
// TestDeferForFuncWithNoExit calls it to check that a variable captured by
// a deferred closure is still the one the function updates afterwards.
// (Go's runtime tests keep theirs in stack_test.go; this one is deft's.)
func growStackIter(p *int, n int) {
	*p = n + 1
	if n == 0 {
		runtime.GC()
		return
	}
	var below int
	growStackIter(&below, n-1)
	if below != n {
		panic("stack is corrupted")
	}
}
