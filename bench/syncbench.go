// syncbench: uncontended costs of sync and sync/atomic, each case printing
// "NAME ns/op" (issue 12: each at most gc's): atomic.AddInt64 and the
// atomic.Int64 method, a CompareAndSwap, an atomic load, Mutex
// Lock+Unlock, RWMutex RLock+RUnlock, WaitGroup Add+Done, Once.Do after
// the first call. Every loop keeps its result live so that no compiler
// can drop the work.
package main

import (
	"fmt"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

var sink int64

func measure(name string, n int, f func(n int)) {
	start := time.Now()
	f(n)
	el := time.Since(start)
	fmt.Printf("%-20s %8.2f ns/op\n", name, float64(el.Nanoseconds())/float64(n))
}

func atomicAdd(n int) {
	var x int64
	for i := 0; i < n; i++ {
		atomic.AddInt64(&x, 1)
	}
	sink += x
}

func atomicMethod(n int) {
	var x atomic.Int64
	for i := 0; i < n; i++ {
		x.Add(1)
	}
	sink += x.Load()
}

func atomicCAS(n int) {
	var x int64
	for i := 0; i < n; i++ {
		atomic.CompareAndSwapInt64(&x, int64(i), int64(i+1))
	}
	sink += x
}

func atomicLoad(n int) {
	var x int64 = 3
	s := int64(0)
	for i := 0; i < n; i++ {
		s += atomic.LoadInt64(&x)
	}
	sink += s
}

func mutex(n int) {
	var mu sync.Mutex
	c := 0
	for i := 0; i < n; i++ {
		mu.Lock()
		c++
		mu.Unlock()
	}
	sink += int64(c)
}

func rwmutex(n int) {
	var rw sync.RWMutex
	c := 0
	for i := 0; i < n; i++ {
		rw.RLock()
		c++
		rw.RUnlock()
	}
	sink += int64(c)
}

func waitgroup(n int) {
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		wg.Done()
	}
	wg.Wait()
}

func once(n int) {
	var o sync.Once
	c := 0
	for i := 0; i < n; i++ {
		o.Do(func() { c++ })
	}
	sink += int64(c)
}

func main() {
	n := 20000000
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	measure("atomic-add", n, atomicAdd)
	measure("atomic-int64-add", n, atomicMethod)
	measure("atomic-cas", n, atomicCAS)
	measure("atomic-load", n, atomicLoad)
	measure("mutex-lock-unlock", n, mutex)
	measure("rwmutex-rlock", n, rwmutex)
	measure("waitgroup-add-done", n, waitgroup)
	measure("once-do", n, once)
	if sink == 0 {
		fmt.Println("unreachable")
	}
}
