// run

// A deadlock with goroutines blocked in each sync primitive: the report
// names what each waits for (gc 1.27's wait reasons: sync.Mutex.Lock,
// sync.RWMutex.RLock, sync.RWMutex.Lock, sync.Cond.Wait,
// sync.WaitGroup.Wait).

package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	var mu sync.Mutex
	var rw sync.RWMutex
	var wg sync.WaitGroup
	cond := sync.NewCond(&sync.Mutex{})
	mu.Lock()
	rw.Lock()
	go func() { mu.Lock() }()
	go func() { rw.RLock() }()
	go func() { rw.Lock() }()
	go func() {
		cond.L.Lock()
		cond.Wait()
	}()
	for i := 0; i < 4; i++ {
		runtime.Gosched()
	}
	fmt.Println("waiting")
	wg.Add(1)
	wg.Wait()
}
