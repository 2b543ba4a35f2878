// run

// container/heap (a priority queue over a fixed-size store, since the
// program avoids append) and container/list.
package main

import (
	"container/heap"
	"container/list"
	"strconv"
)

type pq struct {
	keys [64]int
	vals [64]string
	n    int
}

func (h *pq) Len() int           { return h.n }
func (h *pq) Less(i, j int) bool { return h.keys[i] < h.keys[j] }
func (h *pq) Swap(i, j int) {
	h.keys[i], h.keys[j] = h.keys[j], h.keys[i]
	h.vals[i], h.vals[j] = h.vals[j], h.vals[i]
}
func (h *pq) Push(x any) {
	h.keys[h.n] = x.(int)
	h.vals[h.n] = "v" + strconv.Itoa(x.(int))
	h.n++
}
func (h *pq) Pop() any {
	h.n--
	return h.vals[h.n]
}

func dump(h *pq) {
	for i := 0; i < h.n; i++ {
		print(h.keys[i], " ")
	}
	println()
}

func show(l *list.List) {
	print(l.Len(), ": ")
	for e := l.Front(); e != nil; e = e.Next() {
		print(e.Value.(int), " ")
	}
	print("| ")
	for e := l.Back(); e != nil; e = e.Prev() {
		print(e.Value.(int), " ")
	}
	println()
}

func main() {
	h := new(pq)
	for _, k := range []int{5, 3, 9, 1, 5, 7, 2, 8, 3, 3, 0, 6} {
		h.keys[h.n] = k
		h.vals[h.n] = "init" + strconv.Itoa(k)
		h.n++
	}
	heap.Init(h)
	dump(h)
	heap.Push(h, 4)
	heap.Push(h, -1)
	dump(h)
	println(heap.Remove(h, 3).(string), heap.Remove(h, h.n-1).(string))
	dump(h)
	h.keys[2] = 100
	heap.Fix(h, 2)
	h.keys[h.n-1] = -5
	heap.Fix(h, h.n-1)
	dump(h)
	for h.n > 0 {
		print(heap.Pop(h).(string), " ")
	}
	println()

	var l list.List
	show(&l)
	e4 := l.PushBack(4)
	e1 := l.PushFront(1)
	l.InsertBefore(3, e4)
	l.InsertAfter(2, e1)
	show(&l)
	l.MoveToBack(e1)
	l.MoveToFront(e4)
	show(&l)
	l.MoveBefore(e1, e4)
	l.MoveAfter(e4, l.Back())
	show(&l)
	println(l.Remove(e1).(int), l.Remove(e1).(int), e1.Next() == nil)
	show(&l)
	other := list.New()
	other.PushBack(10)
	other.PushBack(20)
	l.PushBackList(other)
	l.PushFrontList(other)
	l.PushBackList(&l)
	show(&l)
	println(l.InsertBefore(99, e1) == nil, l.Front().Prev() == nil, l.Back().Next() == nil)
	l.Init()
	show(&l)
}
