// run

// sync.Map and sync.Pool used by many goroutines at once: disjoint and
// shared keys, LoadOrStore races with one winner per key, CompareAndSwap
// counters, Range after the writers are done; a Pool whose objects are
// never handed to two goroutines at once.

package main

import (
	"fmt"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
)

type buf struct {
	owner int32
	data  []byte
}

func main() {
	var m sync.Map
	var wg sync.WaitGroup
	var winners int64
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 500; i++ {
				m.Store(fmt.Sprint("own-", g, "-", i), i)
				if _, loaded := m.LoadOrStore(i, g); !loaded {
					atomic.AddInt64(&winners, 1)
				}
				for {
					v, _ := m.LoadOrStore("counter", 0)
					if m.CompareAndSwap("counter", v, v.(int)+1) {
						break
					}
				}
				if i%50 == 0 {
					runtime.Gosched()
				}
			}
		}(g)
	}
	wg.Wait()
	own, shared := 0, 0
	m.Range(func(k, v any) bool {
		switch k.(type) {
		case string:
			own++
		case int:
			shared++
		}
		return true
	})
	c, _ := m.Load("counter")
	fmt.Println("own keys", own-1, "shared keys", shared, "winners", winners, "counter", c)
	v, loaded := m.LoadAndDelete("counter")
	_, still := m.Load("counter")
	fmt.Println("deleted", v, loaded, still, m.CompareAndDelete(3, -1))

	var made int64
	pool := sync.Pool{New: func() any {
		atomic.AddInt64(&made, 1)
		return &buf{data: make([]byte, 0, 64)}
	}}
	var bad int64
	var lens []int
	var lensMu sync.Mutex
	var wg2 sync.WaitGroup
	for g := 1; g <= 8; g++ {
		wg2.Add(1)
		go func(g int32) {
			defer wg2.Done()
			total := 0
			for i := 0; i < 2000; i++ {
				b := pool.Get().(*buf)
				if !atomic.CompareAndSwapInt32(&b.owner, 0, g) {
					atomic.AddInt64(&bad, 1)
				}
				b.data = append(b.data[:0], byte(g), byte(i))
				if i%100 == 0 {
					runtime.Gosched()
				}
				if b.data[0] != byte(g) {
					atomic.AddInt64(&bad, 1)
				}
				total += len(b.data)
				atomic.StoreInt32(&b.owner, 0)
				pool.Put(b)
			}
			lensMu.Lock()
			lens = append(lens, total)
			lensMu.Unlock()
		}(int32(g))
	}
	wg2.Wait()
	sort.Ints(lens)
	fmt.Println("pool: shared objects", bad, "New called:", made > 0, lens)
}
