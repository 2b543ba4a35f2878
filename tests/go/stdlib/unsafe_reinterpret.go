// run

// A variable reinterpreted in place, `*(*T)(unsafe.Pointer(&x))` (how
// reflect and sync read an interface value's two words): its address is
// dereferenced at once and goes nowhere, so it stays in the frame (no
// allocation, as under gc), reads and writes through it are the
// variable's; taking the address of such a place takes the variable's
// address, which then outlives the call.
package main

import (
	"fmt"
	"runtime"
	"unsafe"
)

type eface struct {
	typ  unsafe.Pointer
	word unsafe.Pointer
}

type pair struct{ a, b int64 }

//go:noinline
func typeWord(i any) unsafe.Pointer { return (*eface)(unsafe.Pointer(&i)).typ }

//go:noinline
func swapWords(i any) any {
	var out any
	(*eface)(unsafe.Pointer(&out)).typ = (*eface)(unsafe.Pointer(&i)).typ
	(*eface)(unsafe.Pointer(&out)).word = (*eface)(unsafe.Pointer(&i)).word
	return out
}

//go:noinline
func bits(f float64) uint64 { return *(*uint64)(unsafe.Pointer(&f)) }

//go:noinline
func setHigh(x [2]int64) [2]int64 {
	(*pair)(unsafe.Pointer(&x)).b = 99
	return x
}

//go:noinline
func fieldAddr(x [2]int64) *int64 { return &(*pair)(unsafe.Pointer(&x)).b }

func mallocs(f func()) uint64 {
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	f()
	runtime.ReadMemStats(&m1)
	return m1.Mallocs - m0.Mallocs
}

var sink any

func main() {
	p := &pair{1, 2}
	var k any = p
	fmt.Println(typeWord(k) == typeWord(&pair{}), typeWord(k) == typeWord(1))
	fmt.Println(swapWords(k).(*pair) == p, swapWords("str"), swapWords(2.5))
	fmt.Printf("%#x\n", bits(1.5))
	fmt.Println(setHigh([2]int64{1, 2}))
	q := fieldAddr([2]int64{7, 8})
	runtime.GC()
	fmt.Println(*q)

	fmt.Println("allocations reading the type word:", mallocs(func() {
		for i := 0; i < 100; i++ {
			sink = typeWord(k)
		}
	}))
	fmt.Println("allocations keeping a field's address:", mallocs(func() {
		for i := 0; i < 100; i++ {
			sink = fieldAddr([2]int64{int64(i), 1})
		}
	}) >= 100)
}
