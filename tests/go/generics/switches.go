// run

// Type switches and conversions on type parameters, resolved per instance;
// comparable and == on T; zero values; constraint methods called on T.
package main

import (
	"fmt"
	"strconv"
)

type Num interface {
	~int | ~int32 | ~uint8 | ~float64
}

func Kind[T any](v T) string {
	switch x := any(v).(type) {
	case int:
		return "int " + strconv.Itoa(x)
	case string:
		return "string " + strconv.Quote(x)
	case []T:
		return "slice of T"
	case fmt.Stringer:
		return "Stringer " + x.String()
	case nil:
		return "nil"
	}
	return fmt.Sprintf("other %T", v)
}

func IsZero[T comparable](v T) bool {
	var zero T
	return v == zero
}

func Equal[T comparable](a, b T) bool { return a == b }

func Count[T comparable](xs []T, v T) (n int) {
	for _, x := range xs {
		if x == v {
			n++
		}
	}
	return
}

func Scale[T Num](x T, f float64) T { return T(float64(x) * f) }

func ToString[T ~string | ~[]byte](x T) string { return string(x) }

func Bytes[T ~string](x T) []byte { return []byte(x) }

type ID int

func (i ID) String() string { return "ID#" + strconv.Itoa(int(i)) }

type Named interface {
	comparable
	String() string
}

func Names[T Named](xs ...T) (out []string) {
	for _, x := range xs {
		if x != xs[0] || len(out) == 0 {
			out = append(out, x.String())
		}
	}
	return
}

type Label string

type Point struct{ X, Y int }

func main() {
	fmt.Println(Kind(3), Kind("q"), Kind(ID(7)), Kind(2.5), Kind([]int{}), Kind[error](nil))
	fmt.Println(IsZero(0), IsZero("x"), IsZero(Point{}), IsZero(&Point{}), IsZero[any](nil), IsZero[any](0))
	fmt.Println(Equal(1, 1), Equal("a", "b"), Equal(Point{1, 2}, Point{1, 2}), Equal[any](1, 1.0))
	fmt.Println(Count([]string{"a", "b", "a"}, "a"), Count([]Point{{1, 1}, {2, 2}}, Point{2, 2}))
	fmt.Println(Scale(10, 1.5), Scale[uint8](100, 3.1), Scale(int32(-7), 0.5), Scale(2.0, 0.25))
	fmt.Println(ToString("s"), ToString([]byte("bytes")), ToString(Label("lbl")), Bytes(Label("ab")))
	fmt.Println(Names(ID(1), ID(2), ID(1)))
	defer func() { fmt.Println("recovered:", recover()) }()
	fmt.Println(Equal[any]([]int{}, 1))
	fmt.Println(Equal[any]([]int{}, []int{}))
}
