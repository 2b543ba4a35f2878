// run

// Mutex and RWMutex under contention: writers change several fields that
// must stay equal, yielding in the middle; readers check them under
// RLock; TryLock and TryRLock only ever succeed on a free lock. Also Once
// raced by many goroutines whose function is slow.

package main

import (
	"fmt"
	"runtime"
	"sync"
)

type state struct {
	a, b, c int
}

func spin(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		s += i ^ (s >> 3)
	}
	return s
}

func main() {
	var (
		mu      sync.Mutex
		counter int
		rw      sync.RWMutex
		st      state
		reads   int64
		readMu  sync.Mutex
		wg      sync.WaitGroup
	)
	for w := 0; w < 6; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < 3000; i++ {
				mu.Lock()
				v := counter
				if i%7 == w {
					runtime.Gosched()
				}
				spin(20)
				counter = v + 1
				mu.Unlock()

				if i%3 == 0 {
					rw.Lock()
					x := st.a
					st.a = x + 1
					runtime.Gosched()
					st.b = x + 1
					spin(30)
					st.c = x + 1
					rw.Unlock()
				} else {
					rw.RLock()
					s := st
					spin(10)
					if s != st || s.a != s.b || s.b != s.c {
						panic(fmt.Sprint("torn read ", s, st))
					}
					rw.RUnlock()
					readMu.Lock()
					reads++
					readMu.Unlock()
				}
			}
		}(w)
	}
	// Try-locks race with everything above.
	tries := 0
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < 2000; i++ {
			if mu.TryLock() {
				counter += 0
				mu.Unlock()
			}
			if rw.TryRLock() {
				if st.a != st.c {
					panic("TryRLock while a writer holds the lock")
				}
				rw.RUnlock()
			}
			if rw.TryLock() {
				tries++
				rw.Unlock()
			}
			runtime.Gosched()
		}
	}()
	wg.Wait()
	fmt.Println("counter", counter, "state", st, "reads", reads, "try-locks succeeded at least once:", tries > 0)

	var once sync.Once
	calls, seen := 0, 0
	var seenMu sync.Mutex
	var wg2 sync.WaitGroup
	for g := 0; g < 50; g++ {
		wg2.Add(1)
		go func() {
			defer wg2.Done()
			once.Do(func() {
				spin(200000)
				calls++
			})
			seenMu.Lock()
			seen += calls
			seenMu.Unlock()
		}()
	}
	wg2.Wait()
	fmt.Println("once: calls", calls, "seen", seen)
}
