// run

// sync with goroutines: a Mutex-protected counter, WaitGroup, RWMutex,
// Once, Cond and runtime.Gosched / NumGoroutine (racy under gc: only
// bounds are checked).

package main

import (
	"fmt"
	"runtime"
	"sync"
)

type counter struct {
	mu sync.Mutex
	n  map[string]int
}

func (c *counter) inc(k string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v := c.n[k]
	runtime.Gosched() // another goroutine runs while the lock is held
	c.n[k] = v + 1
}

func main() {
	c := counter{n: map[string]int{}}
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			c.inc([]string{"a", "b"}[i%2])
		}(i)
	}
	if n := runtime.NumGoroutine(); n < 2 || n > 21 {
		fmt.Println("NumGoroutine before Wait:", n)
	}
	wg.Wait()
	fmt.Println(c.n)

	var once sync.Once
	var rw sync.RWMutex
	shared := 0
	var wg2 sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg2.Add(2)
		go func() {
			defer wg2.Done()
			once.Do(func() { fmt.Println("once") })
			rw.Lock()
			shared++
			runtime.Gosched()
			rw.Unlock()
		}()
		go func() {
			defer wg2.Done()
			rw.RLock()
			_ = shared
			runtime.Gosched()
			rw.RUnlock()
		}()
	}
	wg2.Wait()
	fmt.Println("shared", shared)

	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	ready := false
	done := make(chan string)
	for i := 0; i < 3; i++ {
		go func(i int) {
			mu.Lock()
			for !ready {
				cond.Wait()
			}
			mu.Unlock()
			done <- "woken"
		}(i)
	}
	runtime.Gosched()
	mu.Lock()
	ready = true
	cond.Broadcast()
	mu.Unlock()
	for i := 0; i < 3; i++ {
		fmt.Println(<-done)
	}
}
