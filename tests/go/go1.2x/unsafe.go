// run

// unsafe.String, unsafe.StringData, unsafe.SliceData (Go 1.20) and
// unsafe.Add, unsafe.Slice (Go 1.17), with the runtime checks of gc 1.27:
// a negative or too large length, a nil pointer with a length.

package main

import (
	"fmt"
	"unsafe"
)

func try(name string, f func()) {
	defer func() {
		r := recover()
		if err, ok := r.(error); ok {
			fmt.Println(name, "panics:", err)
			return
		}
		fmt.Println(name, "ok")
	}()
	f()
}

type header struct {
	a, b int32
	c    int64
}

func main() {
	b := []byte("hello, world")
	s := unsafe.String(&b[0], 5)
	fmt.Println(s, len(s))
	fmt.Println(unsafe.String(&b[7], len(b)-7))
	fmt.Println(unsafe.String(nil, 0) == "", len(unsafe.String(&b[0], 0)))

	str := "abcdef"
	p := unsafe.StringData(str)
	fmt.Println(*p, string(*(*byte)(unsafe.Add(unsafe.Pointer(p), 3))))
	fmt.Println(unsafe.String(unsafe.StringData(str[2:]), 3))

	nums := []int64{10, 20, 30, 40}
	d := unsafe.SliceData(nums)
	fmt.Println(*d, d == &nums[0])
	var nilSlice []int64
	fmt.Println(unsafe.SliceData(nilSlice) == nil)
	fmt.Println(unsafe.SliceData(nums[2:]) == &nums[2])

	// unsafe.Slice over an array, and round trips.
	arr := [5]int32{1, 2, 3, 4, 5}
	sl := unsafe.Slice(&arr[1], 3)
	fmt.Println(sl, len(sl), cap(sl))
	sl[0] = 20
	fmt.Println(arr)
	var n8 int8 = 2
	fmt.Println(unsafe.Slice(&arr[0], n8), unsafe.Slice(&arr[0], uint16(1)))
	fmt.Println(unsafe.Slice((*int)(nil), 0) == nil)
	back := unsafe.Slice(unsafe.SliceData(nums), len(nums))
	fmt.Println(back)

	// unsafe.Add: any integer offset, negative too.
	h := header{1, 2, 3}
	pc := (*int64)(unsafe.Add(unsafe.Pointer(&h), unsafe.Offsetof(h.c)))
	fmt.Println(*pc)
	pb := (*int32)(unsafe.Add(unsafe.Pointer(pc), -4))
	fmt.Println(*pb)
	var off int16 = 4
	fmt.Println(*(*int32)(unsafe.Add(unsafe.Pointer(&h), off)))

	var x int
	try("Slice negative", func() { n := -1; _ = unsafe.Slice(&x, n) })
	try("Slice nil", func() { n := 1; _ = unsafe.Slice((*int)(nil), n) })
	try("Slice nil huge", func() { n := 1 << 45; _ = unsafe.Slice((*[1 << 20]byte)(nil), n) })
	try("Slice too long", func() { n := 1 << 62; _ = unsafe.Slice(&x, n) })
	try("Slice unsigned", func() { n := uint64(1) << 63; _ = unsafe.Slice(&b[0], n) })
	try("Slice long but fits", func() { n := 1 << 20; _ = unsafe.Slice(&b[0], n) })
	try("String negative", func() { n := -1; _ = unsafe.String(&b[0], n) })
	try("String nil", func() { n := 1; _ = unsafe.String(nil, n) })
	try("String too long", func() { n := uint64(1) << 63; _ = unsafe.String(&b[0], n) })
	try("String nil zero", func() { n := 0; _ = unsafe.String(nil, n) })
	var zs struct{}
	try("Slice zero-size", func() { n := 1 << 40; fmt.Println(len(unsafe.Slice(&zs, n))) })
}
