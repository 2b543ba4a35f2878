// run

// Packages sync and sync/atomic on deft's single goroutine: locks, Once,
// WaitGroup, atomics and atomic.Value; then a WaitGroup that can never
// finish is gc's deadlock.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type counter struct {
	mu sync.Mutex
	n  map[string]int
}

func (c *counter) inc(k string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n[k]++
}

func main() {
	c := counter{n: map[string]int{}}
	for _, k := range []string{"a", "b", "a"} {
		c.inc(k)
	}
	fmt.Println(c.n, c.mu.TryLock(), c.mu.TryLock())
	c.mu.Unlock()
	var rw sync.RWMutex
	rw.RLock()
	rw.RLock()
	fmt.Println(rw.TryLock(), rw.TryRLock())
	rw.RUnlock()
	rw.RUnlock()
	rw.RUnlock()
	rw.Lock()
	fmt.Println(rw.TryRLock())
	rw.Unlock()
	var once sync.Once
	for i := 0; i < 3; i++ {
		once.Do(func() { fmt.Println("once", i) })
	}
	var n int64
	atomic.AddInt64(&n, 5)
	fmt.Println(atomic.LoadInt64(&n), atomic.CompareAndSwapInt64(&n, 5, 7), atomic.CompareAndSwapInt64(&n, 5, 9), n)
	var u uint32
	fmt.Println(atomic.SwapUint32(&u, 3), u)
	var v atomic.Value
	fmt.Println(v.Load())
	v.Store("x")
	fmt.Println(v.Load())
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		v.Store(1)
	}()
	var wg sync.WaitGroup
	wg.Add(2)
	wg.Done()
	wg.Done()
	wg.Wait()
	fmt.Println("waited")
	wg.Add(1)
	wg.Wait()
}
