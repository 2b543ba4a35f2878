// run

// Counters updated by many goroutines at once with every atomic type of
// sync/atomic, functions and methods; a spin lock made of a Bool and of a
// CompareAndSwap; a Value that always holds a consistent pair. Every count
// must be exact, whatever the preemption points.

package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"unsafe"
)

const (
	workers = 8
	rounds  = 200000
)

type pair struct{ a, b int }

func main() {
	var (
		i32  int32
		i64  int64
		u32  uint32
		u64  uint64
		uptr uintptr
		ti32 atomic.Int32
		ti64 atomic.Int64
		tu32 atomic.Uint32
		tu64 atomic.Uint64
		tupt atomic.Uintptr
		cas  int64 // incremented by CompareAndSwap loops
		bits atomic.Uint64
		spin atomic.Bool
		lock int32
		guarded1, guarded2 int // changed only under spin, resp. lock
		val  atomic.Value
		swaps atomic.Int64
		ptr  unsafe.Pointer
	)
	val.Store(pair{0, 0})
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < rounds; i++ {
				atomic.AddInt32(&i32, 1)
				atomic.AddInt64(&i64, 2)
				atomic.AddUint32(&u32, 3)
				atomic.AddUint64(&u64, 4)
				atomic.AddUintptr(&uptr, 5)
				ti32.Add(1)
				ti64.Add(-1)
				tu32.Add(2)
				tu64.Add(3)
				tupt.Add(4)
				for {
					old := atomic.LoadInt64(&cas)
					if atomic.CompareAndSwapInt64(&cas, old, old+1) {
						break
					}
				}
				bits.Or(1 << uint(w))
				if i%64 == 0 {
					for !spin.CompareAndSwap(false, true) {
						runtime.Gosched()
					}
					g := guarded1
					runtime.Gosched()
					guarded1 = g + 1
					spin.Store(false)

					for !atomic.CompareAndSwapInt32(&lock, 0, 1) {
						runtime.Gosched()
					}
					guarded2++
					atomic.StoreInt32(&lock, 0)
				}
				if i%1000 == 0 {
					p := val.Load().(pair)
					if p.a != p.b {
						panic("torn Value")
					}
					val.Store(pair{p.a + 1, p.a + 1})
					if old := atomic.SwapPointer(&ptr, unsafe.Pointer(&p)); old != nil {
						swaps.Add(1)
					}
				}
			}
		}(w)
	}
	wg.Wait()
	fmt.Println("int32", i32, "int64", i64, "uint32", u32, "uint64", u64, "uintptr", uptr)
	fmt.Println("Int32", ti32.Load(), "Int64", ti64.Load(), "Uint32", tu32.Load(), "Uint64", tu64.Load(), "Uintptr", tupt.Load())
	fmt.Println("cas", cas, "bits", bits.Load(), "spin", guarded1, "lock", guarded2, "swaps", swaps.Load())
	p := val.Load().(pair)
	fmt.Println("value consistent:", p.a == p.b, p.a > 0)
	before := bits.And(0xf0)
	fmt.Println("and", before, bits.Load(), tu32.CompareAndSwap(2*workers*rounds, 7), tu32.Swap(9), tu32.Load())
}
