// run

// Fields looked up by name: direct fields, promoted ones through embedded
// structs and pointers, ambiguous names at one depth, missing names, the
// calls FieldByNameFunc makes, and a non-struct type's panic.

package main

import (
	"fmt"
	"reflect"
)

type A struct{ X, Y int }
type B struct{ Y, Z int }
type C struct {
	A
	*B
	Name string
	Z    string
}
type D struct {
	A
	B
}

func main() {
	for _, t := range []reflect.Type{reflect.TypeOf(C{}), reflect.TypeOf(D{}), reflect.TypeOf(A{})} {
		for _, n := range []string{"X", "Y", "Z", "Name", "A", "B", "nope", ""} {
			f, ok := t.FieldByName(n)
			fmt.Println(t, n, ok, f.Name, f.Index, f.Type)
		}
	}
	calls := 0
	f, ok := reflect.TypeOf(C{}).FieldByNameFunc(func(s string) bool { calls++; return s == "X" })
	fmt.Println(f.Name, f.Index, ok, calls)
	defer func() { fmt.Println(recover()) }()
	reflect.TypeOf(3).FieldByName("X")
}
