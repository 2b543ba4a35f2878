// run

// Which methods a program can call through method tables: deft compiles a
// table entry's method only when something can look it up to call it (an
// interface call or method value of its name, the printing of a panic
// value, reflect's method lookups), as gc's linker keeps only those. Each
// way of reaching a method that no direct call reaches is exercised here.
package main

import (
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"
)

type Temp float64

func (t Temp) String() string     { return fmt.Sprintf("%.1f°C", float64(t)) }
func (t Temp) Fahrenheit() float64 { return float64(t)*9/5 + 32 }
func (t *Temp) Warm(d float64)     { *t += Temp(d) }

// Shouter is only ever called through a method value of an interface.
type Shouter interface{ Shout(s string) string }

type loud struct{ n int }

func (l loud) Shout(s string) string { return strings.Repeat(strings.ToUpper(s), l.n) }
func (l loud) Whisper() string       { return "psst" }

// byLen is sorted through sort.Interface: Len, Less and Swap are only
// called inside package sort.
type byLen []string

func (b byLen) Len() int           { return len(b) }
func (b byLen) Less(i, j int) bool { return len(b[i]) < len(b[j]) }
func (b byLen) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

// notFound is an error whose Is method only errors.Is calls.
type notFound struct{ what string }

func (e *notFound) Error() string        { return e.what + " not found" }
func (e *notFound) Is(target error) bool { return target == errMissing }

var errMissing = errors.New("missing")

// Formatted implements fmt.Formatter and fmt.GoStringer.
type Formatted struct{ a, b int }

func (f Formatted) Format(s fmt.State, verb rune) { fmt.Fprintf(s, "<%c %d/%d>", verb, f.a, f.b) }

type Code int

func (c Code) GoString() string { return fmt.Sprintf("Code(%d)", int(c)) }

// Panicky's Error is only called by the runtime printing a panic value
// that a recover then takes: the program prints the recovered value.
type Panicky struct{ msg string }

func (p Panicky) Error() string { return "panicky: " + p.msg }

// hidden's methods are reached only through reflect.
type hidden struct{ x int }

func (h hidden) Double() int             { return 2 * h.x }
func (h hidden) Add(y int) int           { return h.x + y }
func (h *hidden) Set(x int)              { h.x = x }
func (h hidden) Describe(p string) string { return p + fmt.Sprint(h.x) }

func main() {
	t := Temp(21.5)
	fmt.Println(t, any(t).(interface{ Fahrenheit() float64 }).Fahrenheit())
	var w interface{ Warm(float64) } = &t
	w.Warm(1.25)
	fmt.Println(t)

	var s Shouter = loud{2}
	shout := s.Shout
	fmt.Println(shout("hey"))
	_, whispers := s.(interface{ Whisper() string })
	fmt.Println("loud whispers:", whispers)

	words := byLen{"ccc", "a", "bb", "dddd"}
	sort.Sort(words)
	fmt.Println(words)

	err := fmt.Errorf("lookup: %w", &notFound{"key"})
	fmt.Println(err, errors.Is(err, errMissing))
	var nf *notFound
	fmt.Println(errors.As(err, &nf), nf.what)

	fmt.Printf("%v %d %#v\n", Formatted{1, 2}, Formatted{3, 4}, Code(7))

	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		panic(Panicky{"boom"})
	}()

	h := &hidden{x: 5}
	v := reflect.ValueOf(h)
	v.MethodByName("Set").Call([]reflect.Value{reflect.ValueOf(20)})
	fmt.Println(v.Elem().MethodByName("Double").Call(nil)[0].Int())
	m, ok := reflect.TypeOf(*h).MethodByName("Add")
	fmt.Println(ok, m.Name, m.Type, m.Func.Call([]reflect.Value{reflect.ValueOf(*h), reflect.ValueOf(3)})[0].Int())
	for i := 0; i < v.NumMethod(); i++ {
		fmt.Println(i, v.Type().Method(i).Name)
	}
	fmt.Println(v.Elem().Method(1).Call([]reflect.Value{reflect.ValueOf("x=")})[0])
}
