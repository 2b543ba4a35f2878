// run

// reflect.Type of every kind: Kind, Name, PkgPath, String, Size, Align,
// Bits, Elem, Key, Len, ChanDir, the func accessors, Comparable, and the
// relations Implements, AssignableTo, ConvertibleTo; TypeOf, TypeFor and
// the identity of types reached by different paths.
package main

import (
	"errors"
	"fmt"
	"reflect"
	"unsafe"
)

type Celsius float64
type MyInt int64
type Names []string
type Point struct {
	X, Y int
}
type Shape interface {
	Area() float64
	Name() string
}
type Square struct{ side float64 }

func (s Square) Area() float64 { return s.side * s.side }
func (s Square) Name() string   { return "square" }

type Stringer interface{ String() string }

func (p *Point) String() string { return fmt.Sprint(p.X, ",", p.Y) }

func show(t reflect.Type) {
	fmt.Printf("%-28s kind=%-14v name=%q pkg=%q size=%d align=%d comparable=%v\n",
		t.String(), t.Kind(), t.Name(), t.PkgPath(), t.Size(), t.Align(), t.Comparable())
}

func main() {
	var e error = errors.New("x")
	values := []any{
		true, 1, int8(1), int16(1), int32(1), int64(1), uint(1), uint8(1), uint16(1), uint32(1), uint64(1), uintptr(1),
		float32(1), 1.5, complex64(1), 2i, "s", unsafe.Pointer(nil),
		[3]int{}, []string{}, map[string]int{}, make(chan int), make(<-chan bool), make(chan<- string),
		func(int, ...string) (bool, error) { return false, nil }, &Point{}, Point{}, Celsius(1), MyInt(2), Names{},
		struct {
			A int
			b string
		}{}, e, Square{}, new(Shape), new(any),
	}
	for _, v := range values {
		show(reflect.TypeOf(v))
	}

	fmt.Println(reflect.TypeOf(nil) == nil)
	for _, v := range []any{1, int8(1), uint16(1), float32(1), 1.5, complex64(1), 2i} {
		fmt.Println(reflect.TypeOf(v), reflect.TypeOf(v).Bits())
	}

	m := reflect.TypeOf(map[string][]*Point{})
	fmt.Println(m.Key(), m.Elem(), m.Elem().Elem(), m.Elem().Elem().Elem(), m.Elem().Elem().Elem().Name())
	a := reflect.TypeOf([4][2]byte{})
	fmt.Println(a.Len(), a.Elem(), a.Elem().Len(), a.Elem().Elem(), a.Elem().Elem().Kind())
	for _, c := range []any{make(chan int), make(<-chan int), make(chan<- int)} {
		t := reflect.TypeOf(c)
		fmt.Println(t, t.ChanDir(), t.Elem())
	}

	f := reflect.TypeOf(fmt.Sprintf)
	fmt.Println(f, f.NumIn(), f.In(0), f.In(1), f.IsVariadic(), f.NumOut(), f.Out(0))
	g := reflect.TypeOf(func(a, b int, c []string) (x, y float64, err error) { return })
	fmt.Println(g, g.NumIn(), g.IsVariadic(), g.NumOut())
	for i := 0; i < g.NumIn(); i++ {
		fmt.Print(g.In(i), " ")
	}
	for i := 0; i < g.NumOut(); i++ {
		fmt.Print(g.Out(i), " ")
	}
	fmt.Println()

	shape := reflect.TypeOf((*Shape)(nil)).Elem()
	stringer := reflect.TypeOf((*Stringer)(nil)).Elem()
	errT := reflect.TypeOf((*error)(nil)).Elem()
	fmt.Println(shape, shape.Kind(), shape.Name(), shape.PkgPath(), shape.NumMethod())
	fmt.Println(reflect.TypeOf(Square{}).Implements(shape), reflect.TypeOf(&Square{}).Implements(shape), reflect.TypeOf(Point{}).Implements(shape))
	fmt.Println(reflect.TypeOf(Point{}).Implements(stringer), reflect.TypeOf(&Point{}).Implements(stringer))
	fmt.Println(reflect.TypeOf(e).Implements(errT), reflect.TypeOf(1).Implements(errT), errT.Implements(errT))
	fmt.Println(reflect.TypeOf(Square{}).AssignableTo(shape), reflect.TypeOf(1).AssignableTo(reflect.TypeOf(MyInt(0))))
	fmt.Println(reflect.TypeOf([]string{}).AssignableTo(reflect.TypeOf(Names{})), reflect.TypeOf(Names{}).AssignableTo(reflect.TypeOf([]string{})))
	fmt.Println(reflect.TypeOf(1).ConvertibleTo(reflect.TypeOf(MyInt(0))), reflect.TypeOf(1).ConvertibleTo(reflect.TypeOf("")),
		reflect.TypeOf("").ConvertibleTo(reflect.TypeOf([]byte{})), reflect.TypeOf(1.5).ConvertibleTo(reflect.TypeOf("")),
		reflect.TypeOf([]int{}).ConvertibleTo(reflect.TypeOf([4]int{})), reflect.TypeOf(Point{}).ConvertibleTo(reflect.TypeOf(struct{ X, Y int }{})))

	fmt.Println(reflect.TypeFor[int](), reflect.TypeFor[Shape](), reflect.TypeFor[error](), reflect.TypeFor[[]Point]())
	fmt.Println(reflect.TypeFor[int]() == reflect.TypeOf(0), reflect.TypeFor[error]() == errT)
	p := reflect.TypeOf(Point{})
	fmt.Println(reflect.PointerTo(p) == reflect.TypeOf(&Point{}), reflect.PointerTo(p), reflect.PointerTo(reflect.PointerTo(p)))
	fmt.Println(reflect.PointerTo(reflect.TypeOf(Celsius(0))), reflect.PointerTo(reflect.TypeOf(Celsius(0))) == reflect.PointerTo(reflect.TypeOf(Celsius(0))))
	fmt.Println(reflect.SliceOf(p), reflect.MapOf(reflect.TypeOf(""), p), reflect.ArrayOf(3, p), reflect.ChanOf(reflect.RecvDir, p), reflect.ChanOf(reflect.BothDir, reflect.ChanOf(reflect.RecvDir, p)))
	fmt.Println(reflect.FuncOf([]reflect.Type{reflect.TypeOf(0), reflect.TypeOf([]string{})}, []reflect.Type{errT}, true))
	fmt.Println(reflect.TypeOf([]int{}) == reflect.TypeOf([]int(nil)), reflect.TypeOf(1) == reflect.TypeOf(MyInt(1)))
	fmt.Println(reflect.Int, reflect.Pointer, reflect.Ptr, reflect.UnsafePointer, reflect.Kind(99), reflect.RecvDir, reflect.SendDir, reflect.BothDir)
}
