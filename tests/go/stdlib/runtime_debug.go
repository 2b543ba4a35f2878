// run

// runtime/debug: SetGCPercent and SetMaxStack return the previous setting;
// Stack gives the calling goroutine's traceback as gc formats it, with the
// panic frame when called from a deferred call of a panic.

package main

import (
	"fmt"
	"runtime/debug"
	"strings"
)

type W struct{ a []int }

func (w W) Get(i int) int { return w.a[i] }

func show(s string) {
	for _, l := range strings.Split(s, "\n") {
		if i := strings.Index(l, " +0x"); i >= 0 {
			l = l[:i]
		}
		if j := strings.LastIndex(l, "/"); j >= 0 && strings.HasPrefix(l, "\t") {
			l = "\t" + l[j+1:]
		}
		if strings.HasPrefix(l, "panic(") {
			l = "panic(...)"
		}
		fmt.Println(l)
	}
}

func inner() {
	show(string(debug.Stack()))
}

func main() {
	fmt.Println(debug.SetGCPercent(50), debug.SetGCPercent(-1), debug.SetGCPercent(100))
	fmt.Println(debug.SetMaxStack(1<<20), debug.SetMaxStack(1<<30))
	inner()
	defer func() {
		recover()
		show(string(debug.Stack()))
	}()
	w := W{[]int{1}}
	_ = w.Get(3)
}
