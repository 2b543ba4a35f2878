package main

import (
	"fmt"

	"example.com/queue"
	"example.com/stack"
)

func main() {
	var s stack.Stack
	var q queue.Queue
	for i := 1; i <= 3; i++ {
		s.Push(i * 10)
		q.Put(i)
	}
	fmt.Println(s.Pop(), s.Pop(), q.Get(), q.Get(), s.Len(), q.Len(), stack.Origin, queue.Origin())
}
