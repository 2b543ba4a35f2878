// errorcheck

// Receivers that are not local defined types, reported at the base type.
package main

import (
	"strings"
	"unsafe"
)

type P *int
type I interface{}

func (p P) m()                 {}
func (i I) n()                 {}
func (x *[]int) o()            {}
func (u unsafe.Pointer) q()    {}
func (s (*strings.Reader)) r() {}

type T struct{}

func (T) dup()  {}
func (*T) dup() {}

func main() {}
