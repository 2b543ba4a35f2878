// Generic code against gc 1.27.3 (issue 15): Max and Sum over []int and
// []float64, a binary-heap priority queue of a struct ordered by its Less
// method, and slices.Sort of a million ints. gc compiles one body per GC
// shape and passes a dictionary (a method of a type argument is an
// indirect call through it); deft compiles one body per type argument.
package genbench

import (
	"slices"
	"testing"
)

type Number interface {
	~int | ~int64 | ~float64
}

func Max[T Number](s []T) T {
	m := s[0]
	for _, v := range s[1:] {
		if v > m {
			m = v
		}
	}
	return m
}

func Sum[T Number](s []T) T {
	var total T
	for _, v := range s {
		total += v
	}
	return total
}

// Lesser is the order of a priority queue's items.
type Lesser[T any] interface {
	Less(T) bool
}

// Heap is a binary min-heap.
type Heap[T Lesser[T]] struct {
	items []T
}

func (h *Heap[T]) Push(x T) {
	h.items = append(h.items, x)
	i := len(h.items) - 1
	for i > 0 {
		parent := (i - 1) / 2
		if !h.items[i].Less(h.items[parent]) {
			break
		}
		h.items[i], h.items[parent] = h.items[parent], h.items[i]
		i = parent
	}
}

func (h *Heap[T]) Pop() T {
	top := h.items[0]
	last := len(h.items) - 1
	h.items[0] = h.items[last]
	h.items = h.items[:last]
	i := 0
	for {
		l, r, min := 2*i+1, 2*i+2, i
		if l < last && h.items[l].Less(h.items[min]) {
			min = l
		}
		if r < last && h.items[r].Less(h.items[min]) {
			min = r
		}
		if min == i {
			return top
		}
		h.items[i], h.items[min] = h.items[min], h.items[i]
		i = min
	}
}

func (h *Heap[T]) Len() int { return len(h.items) }

// Task is a priority queue item: by priority, then by id.
type Task struct {
	Priority int
	ID       int
	Name     string
}

func (a Task) Less(b Task) bool {
	if a.Priority != b.Priority {
		return a.Priority < b.Priority
	}
	return a.ID < b.ID
}

// pseudoRandom fills n values from a fixed linear congruential sequence.
func pseudoRandom(n int) []int {
	s := make([]int, n)
	x := uint64(88172645463325252)
	for i := range s {
		x = x*6364136223846793005 + 1442695040888963407
		s[i] = int(x >> 33)
	}
	return s
}

var sinkInt int
var sinkFloat float64

func BenchmarkMaxInts(b *testing.B) {
	s := pseudoRandom(4096)
	for b.Loop() {
		sinkInt = Max(s)
	}
}

func BenchmarkSumInts(b *testing.B) {
	s := pseudoRandom(4096)
	for b.Loop() {
		sinkInt = Sum(s)
	}
}

func floats(n int) []float64 {
	s := make([]float64, n)
	for i, v := range pseudoRandom(n) {
		s[i] = float64(v%100000) / 7
	}
	return s
}

func BenchmarkMaxFloats(b *testing.B) {
	s := floats(4096)
	for b.Loop() {
		sinkFloat = Max(s)
	}
}

func BenchmarkSumFloats(b *testing.B) {
	s := floats(4096)
	for b.Loop() {
		sinkFloat = Sum(s)
	}
}

func BenchmarkHeapQueue(b *testing.B) {
	prios := pseudoRandom(1024)
	for b.Loop() {
		var h Heap[Task]
		for i, p := range prios {
			h.Push(Task{Priority: p % 97, ID: i, Name: "task"})
		}
		for h.Len() > 0 {
			sinkInt += h.Pop().ID
		}
	}
}

func BenchmarkSlicesSort1M(b *testing.B) {
	data := pseudoRandom(1 << 20)
	s := make([]int, len(data))
	for b.Loop() {
		copy(s, data)
		slices.Sort(s)
	}
}

// The benchmarks' functions compute what they should (a benchmark of
// wrong code measures nothing).
func TestGenerics(t *testing.T) {
	s := []int{3, 9, 2, 7}
	if Max(s) != 9 || Sum(s) != 21 || Max([]float64{1.5, -2, 0.25}) != 1.5 {
		t.Fatal("Max or Sum")
	}
	var h Heap[Task]
	for i, p := range []int{5, 1, 4, 1, 3} {
		h.Push(Task{Priority: p, ID: i})
	}
	var order []int
	for h.Len() > 0 {
		order = append(order, h.Pop().ID)
	}
	if !slices.Equal(order, []int{1, 3, 4, 2, 0}) {
		t.Fatalf("heap order %v", order)
	}
	data := pseudoRandom(1000)
	slices.Sort(data)
	if !slices.IsSorted(data) {
		t.Fatal("not sorted")
	}
}
