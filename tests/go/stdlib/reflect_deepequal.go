// run

// reflect.DeepEqual over every kind of value: gc's rules for nil against
// empty, NaN, pointers, interfaces, funcs, maps, blank fields and cycles.
package main

import (
	"fmt"
	"math"
	"reflect"
	"unsafe"
)

type Point struct {
	X, Y int
}

type withBlank struct {
	A int
	_ int
	B string
}

type node struct {
	val  int
	next *node
}

type tree struct {
	kids []*tree
	name string
}

type MyInt int

type stringer interface{ String() string }

func (m MyInt) String() string { return fmt.Sprint(int(m)) }

type cyc []any

type recMap map[string]recMap

var n int

func check(name string, x, y any) {
	fmt.Printf("%-28s %v\n", name, reflect.DeepEqual(x, y))
}

func main() {
	nan := math.NaN()
	f := func() {}
	ch := make(chan int)
	ch2 := make(chan int)
	a, b := 1, 1

	check("nil nil", nil, nil)
	check("nil 0", nil, 0)
	check("0 nil", 0, nil)
	check("int int", 3, 3)
	check("int int differ", 3, 4)
	check("int int64", 3, int64(3))
	check("MyInt int", MyInt(3), 3)
	check("MyInt MyInt", MyInt(3), MyInt(3))
	check("string", "abc", "abc")
	check("string differ", "abc", "abd")
	check("bool", true, true)
	check("float", 1.5, 1.5)
	check("NaN", nan, nan)
	check("-0 +0", math.Copysign(0, -1), 0.0)
	check("float32", float32(0.1), float32(0.1))
	check("complex", complex(1, 2), complex(1, 2))
	check("complex NaN", complex(nan, 0), complex(nan, 0))
	check("uint8", uint8(200), uint8(200))
	check("uintptr", uintptr(7), uintptr(7))

	check("[]int", []int{1, 2, 3}, []int{1, 2, 3})
	check("[]int differ", []int{1, 2, 3}, []int{1, 2, 4})
	check("[]int len", []int{1, 2}, []int{1, 2, 3})
	check("[]int nil empty", []int(nil), []int{})
	check("[]int empty empty", []int{}, make([]int, 0, 5))
	check("[]int nil nil", []int(nil), []int(nil))
	check("[]int []int64", []int{1}, []int64{1})
	check("[]string", []string{"a", "b"}, []string{"a", "b"})
	check("[]string differ", []string{"a", "b"}, []string{"a", "c"})
	check("[]byte", []byte("hello"), []byte("hello"))
	check("[]byte differ", []byte("hello"), []byte("hellO"))
	check("[]byte nil empty", []byte(nil), []byte{})
	check("[]float NaN", []float64{nan}, []float64{nan})
	s := []float64{nan}
	check("[]float NaN same", s, s)
	check("[][]int", [][]int{{1}, {2, 3}}, [][]int{{1}, {2, 3}})
	check("[][]int nil inner", [][]int{nil}, [][]int{{}})

	check("array", [3]int{1, 2, 3}, [3]int{1, 2, 3})
	check("array differ", [3]int{1, 2, 3}, [3]int{1, 2, 0})
	check("array NaN", [1]float64{nan}, [1]float64{nan})
	check("empty array", [0]int{}, [0]int{})

	check("struct", Point{1, 2}, Point{1, 2})
	check("struct differ", Point{1, 2}, Point{2, 1})
	check("struct ptr", &Point{1, 2}, &Point{1, 2})
	check("struct ptr differ", &Point{1, 2}, &Point{1, 3})
	check("empty struct", struct{}{}, struct{}{})
	var wb1, wb2 withBlank
	wb1.A, wb2.A = 1, 1
	*(*int)(unsafe.Add(unsafe.Pointer(&wb2), unsafe.Sizeof(int(0)))) = 9
	check("blank field", wb1, wb2)
	check("blank field ==", wb1 == wb2, true)

	check("ptr same", &a, &a)
	check("ptr equal pointees", &a, &b)
	b = 2
	check("ptr differ pointees", &a, &b)
	var np *int
	check("nil ptr nil ptr", np, (*int)(nil))
	check("nil ptr ptr", np, &a)
	check("ptr ptr nil", &a, np)
	pp1, pp2 := &a, &a
	check("ptr ptr", &pp1, &pp2)

	check("map", map[string]int{"a": 1, "b": 2}, map[string]int{"b": 2, "a": 1})
	check("map differ value", map[string]int{"a": 1}, map[string]int{"a": 2})
	check("map differ key", map[string]int{"a": 1}, map[string]int{"b": 1})
	check("map len", map[string]int{"a": 1}, map[string]int{"a": 1, "b": 2})
	check("map nil empty", map[string]int(nil), map[string]int{})
	check("map nil nil", map[string]int(nil), map[string]int(nil))
	mn := map[float64]int{nan: 1}
	check("map NaN key", mn, map[float64]int{nan: 1})
	check("map NaN key same", mn, mn)
	check("map NaN value", map[int]float64{1: nan}, map[int]float64{1: nan})
	check("map any keys", map[any]int{1: 1, "x": 2, Point{1, 2}: 3}, map[any]int{"x": 2, Point{1, 2}: 3, 1: 1})
	check("map of slices", map[int][]int{1: {1}}, map[int][]int{1: {1}})
	check("map zero value", map[int]int{1: 0}, map[int]int{2: 0})

	check("func nil nil", (func())(nil), (func())(nil))
	check("func f f", f, f)
	check("func nil f", (func())(nil), f)
	check("chan", ch, ch)
	check("chan differ", ch, ch2)
	check("chan nil", (chan int)(nil), (chan int)(nil))
	check("unsafe ptr", unsafe.Pointer(&a), unsafe.Pointer(&a))
	check("unsafe ptr differ", unsafe.Pointer(&a), unsafe.Pointer(&b))

	check("[]any", []any{1, "a", nil}, []any{1, "a", nil})
	check("[]any differ type", []any{1}, []any{int64(1)})
	check("[]any nil elem", []any{nil}, []any{0})
	check("[]any ptrs", []any{&Point{1, 2}}, []any{&Point{1, 2}})
	check("[]stringer", []stringer{MyInt(1)}, []stringer{MyInt(1)})
	check("[]stringer nil", []stringer{nil}, []stringer{MyInt(0)})
	check("[]error", []error{fmt.Errorf("x")}, []error{fmt.Errorf("x")})
	check("struct of any", struct{ V any }{[]int{1}}, struct{ V any }{[]int{1}})
	check("struct of func", struct{ F func() }{}, struct{ F func() }{})
	check("struct of func set", struct{ F func() }{f}, struct{ F func() }{f})

	l1 := &node{1, &node{2, nil}}
	l2 := &node{1, &node{2, nil}}
	check("list", l1, l2)
	l2.next.val = 3
	check("list differ", l1, l2)
	c1 := &node{1, nil}
	c1.next = c1
	c2 := &node{1, nil}
	c2.next = c2
	check("cycle", c1, c2)
	c3 := &node{1, &node{1, nil}}
	c3.next.next = c3
	check("cycle of two vs one", c1, c3)
	c4 := &node{2, nil}
	c4.next = c4
	check("cycle differ", c1, c4)

	t1 := &tree{name: "root"}
	t1.kids = []*tree{t1, {name: "leaf"}}
	t2 := &tree{name: "root"}
	t2.kids = []*tree{t2, {name: "leaf"}}
	check("tree cycle", t1, t2)
	t2.kids[1].name = "leaf2"
	check("tree cycle differ", t1, t2)

	x1 := cyc{nil}
	x1[0] = x1
	x2 := cyc{nil}
	x2[0] = x2
	check("slice cycle", x1, x2)
	r1 := recMap{}
	r1["self"] = r1
	r2 := recMap{}
	r2["self"] = r2
	check("map cycle", r1, r2)
	r3 := recMap{"self": recMap{}}
	check("map cycle vs not", r1, r3)

	var e1, e2 any = &a, &a
	check("ptr to any", &e1, &e2)
	check("big array", [300]int{299: n}, [300]int{})
	check("struct array", [2]Point{{1, 2}, {3, 4}}, [2]Point{{1, 2}, {3, 4}})
	check("nested", map[string][]map[int]string{"k": {{1: "a"}}}, map[string][]map[int]string{"k": {{1: "a"}}})
}
