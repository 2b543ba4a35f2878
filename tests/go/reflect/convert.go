// run

// Value.Convert and CanConvert between numeric kinds, strings, byte and
// rune slices, defined types, slices to arrays and array pointers, and
// interfaces.
package main

import (
	"fmt"
	"reflect"
)

type Celsius float64
type ID int32
type Bytes []byte
type Shower interface{ Show() string }
type Named string

func (n Named) Show() string { return "named:" + string(n) }

func main() {
	conv := func(x any, to any) {
		v := reflect.ValueOf(x)
		t := reflect.TypeOf(to)
		if !v.CanConvert(t) {
			fmt.Printf("%T -> %v: cannot\n", x, t)
			return
		}
		r := v.Convert(t)
		fmt.Printf("%T(%v) -> %v: %v (%v)\n", x, x, t, r.Interface(), r.Kind())
	}
	conv(3.99, int(0))
	conv(-3.99, int8(0))
	conv(300, uint8(0))
	conv(-1, uint32(0))
	conv(int64(1)<<40, int32(0))
	conv(uint64(1)<<63, int64(0))
	conv(7, float32(0))
	conv(uint(9), 0.0)
	conv(1.5, Celsius(0))
	conv(Celsius(2.5), 0.0)
	conv(float32(0.1), 0.0)
	conv(65, "")
	conv(ID(0x4e16), "")
	conv(-1, "")
	conv("héllo", []byte(nil))
	conv("héllo", []rune(nil))
	conv([]byte("bytes"), "")
	conv([]rune{'r', 'ü'}, "")
	conv("x", Bytes(nil))
	conv(Bytes("y"), "")
	conv(1+2i, complex64(0))
	conv([]int{1, 2, 3}, [2]int{})
	conv([]int{1, 2, 3}, [4]int{})
	conv([]int{1, 2, 3}, (*[3]int)(nil))
	conv(Named("n"), (*Shower)(nil))
	conv(Named("n"), "")
	conv("s", Named(""))
	conv(1.5, "")
	conv("s", 0)
	conv([]int{}, []int64{})

	sh := reflect.TypeOf((*Shower)(nil)).Elem()
	r := reflect.ValueOf(Named("z")).Convert(sh)
	fmt.Println(r.Kind(), r.Type(), r.Elem().Type(), r.Interface().(Shower).Show())
	p := reflect.ValueOf([]int{4, 5}).Convert(reflect.TypeOf((*[2]int)(nil)))
	p.Elem().Index(0).SetInt(40)
	fmt.Println(p.Elem().Interface())
}
