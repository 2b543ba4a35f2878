// run

// Whether a field or method name is exported decides what reflect lets a
// program read: upper-case letters beyond ASCII export a name too, other
// letters and '_' do not.

package main

import (
	"fmt"
	"reflect"
)

type T struct {
	A  int
	b  int
	Ä  int
	ä  int
	Σx int
	_x int
	ǅ  int // title case: not upper case, so not exported
	Z9 int
	z  int
}

func (T) Éclair() {}
func (T) éclair() {}
func (T) M()      {}

func main() {
	v := reflect.ValueOf(&T{1, 2, 3, 4, 5, 6, 7, 8, 9}).Elem()
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		fmt.Printf("%s exported=%v pkgpath=%q canset=%v caninterface=%v\n",
			f.Name, f.IsExported(), f.PkgPath, v.Field(i).CanSet(), v.Field(i).CanInterface())
	}
	fmt.Println("methods", t.NumMethod())
	for i := 0; i < t.NumMethod(); i++ {
		fmt.Println(t.Method(i).Name)
	}
	_, ok := t.MethodByName("éclair")
	fmt.Println("éclair found", ok)
	var empty string
	fmt.Println(empty == "", "" == empty, t.Name() != "", t.Field(0).Name == "")
}
