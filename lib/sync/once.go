// Once, and WaitGroup: a counter and its waiters in one atomic word.

package sync

import "sync/atomic"

// Once runs a function at most once.
type Once struct {
	done uint32 // set, atomically, once f has returned or panicked
	m    Mutex
}

// Do calls f if no call of Do on o has started before. A concurrent Do
// waits until f has returned (or panicked: o is done all the same).
func (o *Once) Do(f func()) {
	if atomic.LoadUint32(&o.done) == 0 {
		o.doSlow(f)
	}
}

func (o *Once) doSlow(f func()) {
	o.m.Lock()
	defer o.m.Unlock()
	if o.done == 0 {
		defer atomic.StoreUint32(&o.done, 1)
		f()
	}
}

// WaitGroup waits for a count of tasks to reach zero.
//
// state holds the count in its high 32 bits and the number of waiting
// goroutines in its low 32, so that Add sees both in one atomic step.
type WaitGroup struct {
	state uint64
	sema  uint32
}

// Add adds delta to the count; a negative count panics. At zero, every
// waiting goroutine is released.
func (wg *WaitGroup) Add(delta int) {
	state := atomic.AddUint64(&wg.state, uint64(delta)<<32)
	if uint32(state) == 0 && int32(state>>32) >= 0 {
		return // nobody waits: nothing to check or release
	}
	wg.settle(state, delta)
}

// Done decrements the count: Add(-1), spelled out so that it is one call
// (gc inlines Done into its caller).
func (wg *WaitGroup) Done() {
	state := atomic.AddUint64(&wg.state, ^uint64(1<<32-1))
	if uint32(state) == 0 && int32(state>>32) >= 0 {
		return
	}
	wg.settle(state, -1)
}

// settle checks the state an Add of delta left, with waiters or a
// negative count, and releases the waiters when the count is zero.
func (wg *WaitGroup) settle(state uint64, delta int) {
	v := int32(state >> 32)
	w := uint32(state)
	if v < 0 {
		panic("sync: negative WaitGroup counter")
	}
	if w != 0 && delta > 0 && v == int32(delta) {
		panic("sync: WaitGroup misuse: Add called concurrently with Wait")
	}
	if v > 0 {
		return
	}
	// The count is zero and w goroutines wait: nothing may change the
	// word now (an Add or Wait here is a misuse), so reset it and release
	// them.
	if atomic.LoadUint64(&wg.state) != state {
		panic("sync: WaitGroup misuse: Add called concurrently with Wait")
	}
	atomic.StoreUint64(&wg.state, 0)
	for ; w != 0; w-- {
		runtime_Semrelease(&wg.sema)
	}
}

// Go calls f in a new goroutine, counted in wg until f returns.
func (wg *WaitGroup) Go(f func()) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		f()
	}()
}

// Wait returns when the count is zero.
func (wg *WaitGroup) Wait() {
	for {
		state := atomic.LoadUint64(&wg.state)
		if state>>32 == 0 {
			return
		}
		if atomic.CompareAndSwapUint64(&wg.state, state, state+1) {
			runtime_SemacquireWaitGroup(&wg.sema)
			if atomic.LoadUint64(&wg.state) != 0 {
				panic("sync: WaitGroup is reused before previous Wait has returned")
			}
			return
		}
	}
}
