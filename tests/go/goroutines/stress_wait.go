// run

// WaitGroup with many adders (a tree of goroutines, each adding its
// children before it is done) and several goroutines waiting at once;
// Cond as a bounded queue's two conditions (Signal) and as a barrier
// reused round after round (Broadcast).

package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

func tree(wg *sync.WaitGroup, depth int, leaves *int64) {
	defer wg.Done()
	if depth == 0 {
		atomic.AddInt64(leaves, 1)
		return
	}
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go tree(wg, depth-1, leaves)
	}
}

type queue struct {
	mu             sync.Mutex
	notEmpty       *sync.Cond
	notFull        *sync.Cond
	items          []int
	capacity       int
}

func newQueue(capacity int) *queue {
	q := &queue{capacity: capacity}
	q.notEmpty = sync.NewCond(&q.mu)
	q.notFull = sync.NewCond(&q.mu)
	return q
}

func (q *queue) put(x int) {
	q.mu.Lock()
	for len(q.items) == q.capacity {
		q.notFull.Wait()
	}
	q.items = append(q.items, x)
	q.notEmpty.Signal()
	q.mu.Unlock()
}

func (q *queue) get() int {
	q.mu.Lock()
	for len(q.items) == 0 {
		q.notEmpty.Wait()
	}
	x := q.items[0]
	q.items = q.items[1:]
	q.notFull.Signal()
	q.mu.Unlock()
	return x
}

type barrier struct {
	mu      sync.Mutex
	cond    *sync.Cond
	n, seen int
	round   int
}

func (b *barrier) await() {
	b.mu.Lock()
	r := b.round
	b.seen++
	if b.seen == b.n {
		b.seen = 0
		b.round++
		b.cond.Broadcast()
	} else {
		for r == b.round {
			b.cond.Wait()
		}
	}
	b.mu.Unlock()
}

func main() {
	var wg sync.WaitGroup
	var leaves int64
	wg.Add(1)
	go tree(&wg, 7, &leaves)
	var waiters sync.WaitGroup
	var sawAll int32
	for i := 0; i < 5; i++ {
		waiters.Add(1)
		go func() {
			defer waiters.Done()
			wg.Wait()
			if atomic.LoadInt64(&leaves) == 3*3*3*3*3*3*3 {
				atomic.AddInt32(&sawAll, 1)
			}
		}()
	}
	wg.Wait()
	waiters.Wait()
	fmt.Println("leaves", leaves, "waiters that saw them all", sawAll)

	var wg3 sync.WaitGroup
	total := int64(0)
	for i := 1; i <= 100; i++ {
		i := i
		wg3.Go(func() { atomic.AddInt64(&total, int64(i)) })
	}
	wg3.Wait()
	fmt.Println("WaitGroup.Go total", total)

	q := newQueue(4)
	var sum int64
	var consumers sync.WaitGroup
	for c := 0; c < 4; c++ {
		consumers.Add(1)
		go func() {
			defer consumers.Done()
			for {
				x := q.get()
				if x < 0 {
					return
				}
				atomic.AddInt64(&sum, int64(x))
			}
		}()
	}
	var producers sync.WaitGroup
	for p := 0; p < 3; p++ {
		producers.Add(1)
		go func(p int) {
			defer producers.Done()
			for i := 1; i <= 2000; i++ {
				q.put(i)
				if i%100 == p {
					runtime.Gosched()
				}
			}
		}(p)
	}
	producers.Wait()
	for c := 0; c < 4; c++ {
		q.put(-1)
	}
	consumers.Wait()
	fmt.Println("queue sum", sum, "left", len(q.items))

	b := &barrier{n: 6}
	b.cond = sync.NewCond(&b.mu)
	var phases [6][50]int
	var members sync.WaitGroup
	for m := 0; m < 6; m++ {
		members.Add(1)
		go func(m int) {
			defer members.Done()
			for r := 0; r < 50; r++ {
				phases[m][r] = b.round
				b.await()
			}
		}(m)
	}
	members.Wait()
	ok := true
	for m := range phases {
		for r, got := range phases[m] {
			ok = ok && got == r
		}
	}
	fmt.Println("barrier rounds", b.round, "every member saw every round in order:", ok)
}
