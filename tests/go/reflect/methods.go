// run

// Method sets through reflect: NumMethod, Method and MethodByName list
// the exported methods sorted by name (pointer receivers only for the
// pointer type, promoted ones included), with the method expression's
// type; an interface type lists its methods without a receiver.
package main

import (
	"fmt"
	"reflect"
)

type Counter struct{ n int }

func (c Counter) Value() int                 { return c.n }
func (c *Counter) Add(d int) *Counter         { c.n += d; return c }
func (c Counter) Format(verb string, args ...any) string { return verb }
func (c Counter) hidden()                     {}
func (c *Counter) Reset()                     { c.n = 0 }

type Wrapper struct {
	Counter
	Label string
}

func (w Wrapper) Describe() (string, error) { return w.Label, nil }

type Doer interface {
	Do(x int) (int, error)
	Alpha()
	Zed(...string) bool
}

func list(t reflect.Type) {
	fmt.Println(t, "NumMethod", t.NumMethod())
	for i := 0; i < t.NumMethod(); i++ {
		m := t.Method(i)
		fmt.Printf("  %d %s %v pkg=%q exported=%v\n", m.Index, m.Name, m.Type, m.PkgPath, m.IsExported())
	}
}

func main() {
	list(reflect.TypeOf(Counter{}))
	list(reflect.TypeOf(&Counter{}))
	list(reflect.TypeOf(Wrapper{}))
	list(reflect.TypeOf(&Wrapper{}))
	list(reflect.TypeOf((*Doer)(nil)).Elem())
	list(reflect.TypeOf(0))
	for _, name := range []string{"Add", "Value", "hidden", "Nope", "Describe"} {
		m, ok := reflect.TypeOf(&Wrapper{}).MethodByName(name)
		fmt.Println(name, ok, m.Name, m.Index, m.Type)
	}
	ft := reflect.TypeOf(&Counter{}).Method(1).Type
	fmt.Println(ft.NumIn(), ft.In(0), ft.IsVariadic(), ft.In(ft.NumIn()-1))
	fmt.Println(reflect.ValueOf(Counter{}).NumMethod(), reflect.ValueOf(&Counter{}).NumMethod())
}
