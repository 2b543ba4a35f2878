// run

// errors and fmt.Errorf as Go 1.20 and later: Join, Errorf with several
// %w (Unwrap() []error), Is and As walking such trees depth first, Is with
// an uncomparable target, As(nil, nil), ErrUnsupported, %w outside Errorf.

package main

import (
	"errors"
	"fmt"
	"io"
	"os"
)

type MyErr struct{ code int }

func (e MyErr) Error() string { return fmt.Sprint("code ", e.code) }

type SliceErr []int

func (e SliceErr) Error() string { return "slice" }

func main() {
	e1 := errors.New("one")
	e2 := fmt.Errorf("two: %w", io.EOF)
	j := errors.Join(e1, nil, e2)
	fmt.Printf("%q %T\n", j.Error(), j)
	fmt.Println(errors.Is(j, io.EOF), errors.Is(j, e1), errors.Is(j, os.ErrNotExist), errors.Unwrap(j) == nil)
	fmt.Println(errors.Join() == nil, errors.Join(nil, nil) == nil)
	m := fmt.Errorf("a %w b %w c %w", e1, 5, MyErr{3})
	fmt.Printf("%v %T\n", m, m)
	var me MyErr
	fmt.Println(errors.As(m, &me), me.code, errors.Is(m, e1), errors.Is(m, MyErr{3}), errors.Is(m, MyErr{4}))
	fmt.Println(errors.Unwrap(m) == nil)
	r := fmt.Errorf("%[2]w %[1]w %[2]w", e1, e2)
	fmt.Println(r, r.(interface{ Unwrap() []error }).Unwrap())
	s := fmt.Errorf("%w", nil)
	fmt.Printf("%v %T %v\n", s, s, errors.Unwrap(s))
	fmt.Println(errors.Is(SliceErr{1}, SliceErr{1}))
	var se SliceErr
	fmt.Println(errors.As(fmt.Errorf("x %w", SliceErr{2}), &se), se)
	fmt.Println(errors.As(nil, nil))
	fmt.Println(errors.Is(errors.ErrUnsupported, errors.ErrUnsupported), errors.ErrUnsupported)
	fmt.Println(fmt.Sprintf("%w|%#w", e1, e1))
	fmt.Printf("%+v|%v\n", errors.Join(e1), fmt.Errorf("%w %w", e1, e1))
}
