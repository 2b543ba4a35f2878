// run

// Generic types: a linked list, a stack, a pair, a map-based set; methods
// with value and pointer receivers, interfaces satisfied by instances,
// method values and expressions, %T and %v of instances.
package main

import (
	"fmt"
	"strings"
)

type List[T any] struct {
	head *node[T]
	size int
}

type node[T any] struct {
	val  T
	next *node[T]
}

func (l *List[T]) Push(v T) {
	l.head = &node[T]{v, l.head}
	l.size++
}

func (l *List[T]) Each(f func(T)) {
	for n := l.head; n != nil; n = n.next {
		f(n.val)
	}
}

func (l List[T]) Len() int { return l.size }

func (l *List[T]) String() string {
	var parts []string
	l.Each(func(v T) { parts = append(parts, fmt.Sprint(v)) })
	return "[" + strings.Join(parts, " ") + "]"
}

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }

func (s *Stack[T]) Pop() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) Swap() Pair[string, K] { return Pair[string, K]{fmt.Sprint(p.Val), p.Key} }

func MakePair[K comparable, V any](k K, v V) Pair[K, V] { return Pair[K, V]{k, v} }

type Set[T comparable] map[T]struct{}

func (s Set[T]) Add(vs ...T) {
	for _, v := range vs {
		s[v] = struct{}{}
	}
}

func (s Set[T]) Has(v T) bool {
	_, ok := s[v]
	return ok
}

type Lener interface{ Len() int }

type Tree[T interface{ ~int | ~string }] struct {
	Left, Right *Tree[T]
	Val         T
}

func (t *Tree[T]) Insert(v T) *Tree[T] {
	if t == nil {
		return &Tree[T]{Val: v}
	}
	if v < t.Val {
		t.Left = t.Left.Insert(v)
	} else {
		t.Right = t.Right.Insert(v)
	}
	return t
}

func (t *Tree[T]) Walk(f func(T)) {
	if t == nil {
		return
	}
	t.Left.Walk(f)
	f(t.Val)
	t.Right.Walk(f)
}

type Num int

func main() {
	var l List[int]
	for i := range 4 {
		l.Push(i * 10)
	}
	fmt.Println(l.Len(), l.String())
	var ls List[string]
	ls.Push("x")
	ls.Push("y")
	fmt.Println(&ls, ls.Len())

	var lener Lener = l
	fmt.Println(lener.Len())
	var str fmt.Stringer = &ls
	fmt.Println(str)
	fmt.Println(&l)
	lener = &ls
	fmt.Println(lener.Len())

	s := &Stack[Pair[string, int]]{}
	s.Push(MakePair("a", 1))
	s.Push(MakePair("b", 2))
	v, ok := s.Pop()
	fmt.Println(v, ok, v.Swap(), v.Swap().Swap())
	s.Pop()
	v, ok = s.Pop()
	fmt.Printf("%+v %v\n", v, ok)

	set := Set[string]{}
	set.Add("go", "rust", "go")
	fmt.Println(len(set), set.Has("go"), set.Has("c"))
	nums := make(Set[Num])
	nums.Add(1, 2, 3)
	fmt.Println(len(nums), nums.Has(2))

	var t *Tree[int]
	for _, x := range []int{5, 3, 8, 1, 4, 9} {
		t = t.Insert(x)
	}
	t.Walk(func(x int) { fmt.Print(x, " ") })
	fmt.Println()
	var ts *Tree[string]
	for _, w := range strings.Fields("the quick brown fox") {
		ts = ts.Insert(w)
	}
	ts.Walk(func(x string) { fmt.Print(x, " ") })
	fmt.Println()

	push := l.Push
	push(99)
	length := List[int].Len
	each := (*List[int]).Each
	fmt.Println(length(l))
	each(&l, func(i int) { fmt.Print(i, ";") })
	fmt.Println()

	fmt.Printf("%T %T %T %T\n", l, &ls, s, *s)
	fmt.Printf("%T %T %T\n", set, t, MakePair(Num(1), []error{}))
	fmt.Printf("%v %+v\n", MakePair("k", 2.5), MakePair(1, MakePair(true, "x")))
	var anyv any = MakePair(1, "a")
	switch p := anyv.(type) {
	case Pair[int, int]:
		fmt.Println("int pair", p)
	case Pair[int, string]:
		fmt.Println("int-string pair", p.Key, p.Val)
	}
	fmt.Println(anyv == any(Pair[int, string]{1, "a"}), anyv == any(Pair[int, string]{2, "a"}))
}
