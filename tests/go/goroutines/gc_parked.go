// run

// Objects reachable only from the stacks of parked goroutines, from
// values in channel buffers and from a goroutine's unstarted arguments
// survive collections while other goroutines allocate.

package main

import (
	"fmt"
	"runtime"
	"sort"
	"strings"
)

type node struct {
	next *node
	val  string
}

func chain(n int, tag string) *node {
	var h *node
	for i := 0; i < n; i++ {
		h = &node{h, fmt.Sprint(tag, i)}
	}
	return h
}

func sum(h *node) int {
	n := 0
	for ; h != nil; h = h.next {
		n += len(h.val)
	}
	return n
}

func holder(id int, in <-chan int, out chan<- string) {
	mine := chain(200, strings.Repeat("h", id+1))
	for range in {
		out <- fmt.Sprint(id, ":", sum(mine))
	}
}

func main() {
	var ins [4]chan int
	out := make(chan string, 16)
	for i := range ins {
		ins[i] = make(chan int)
		go holder(i, ins[i], out)
	}
	buffered := make(chan *node, 8)
	for i := 0; i < 8; i++ {
		buffered <- chain(50, "b")
	}
	for round := 0; round < 3; round++ {
		garbage := 0
		for i := 0; i < 2000; i++ {
			garbage += len(chain(10, "g").val)
		}
		runtime.GC()
		for _, in := range ins {
			in <- round
		}
		res := []string{}
		for i := 0; i < 4; i++ {
			res = append(res, <-out)
		}
		sort.Strings(res)
		fmt.Println(round, garbage, res)
	}
	total := 0
	for i := 0; i < 8; i++ {
		total += sum(<-buffered)
	}
	fmt.Println("buffered", total)
	for _, in := range ins {
		close(in)
	}
}
