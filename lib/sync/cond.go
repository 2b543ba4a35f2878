// Cond, Pool and Map.

package sync

import (
	"runtime"
	"sync/atomic"
	"unsafe"
)

// notifyList: the tickets of a Cond's waiters (the runtime's NotifyList).
type notifyList struct {
	wait   uint32 // the next ticket to hand out
	notify uint32 // the next ticket to wake
}

func runtime_notifyListWait(l *notifyList, t uint32)
func runtime_notifyListNotifyOne(l *notifyList)
func runtime_notifyListNotifyAll(l *notifyList)

// Cond: a condition variable; L is held when calling Wait.
type Cond struct {
	L      Locker
	notify notifyList
}

// NewCond: a Cond with Locker l.
func NewCond(l Locker) *Cond { return &Cond{L: l} }

// Wait unlocks c.L, waits for Signal or Broadcast, and locks c.L again.
// The ticket is taken before unlocking, so a Signal sent after that wakes
// this goroutine or an earlier one, never a later one.
func (c *Cond) Wait() {
	t := atomic.AddUint32(&c.notify.wait, 1) - 1
	c.L.Unlock()
	runtime_notifyListWait(&c.notify, t)
	c.L.Lock()
}

// Signal wakes one goroutine waiting on c, if any.
func (c *Cond) Signal() { runtime_notifyListNotifyOne(&c.notify) }

// Broadcast wakes every goroutine waiting on c.
func (c *Cond) Broadcast() { runtime_notifyListNotifyAll(&c.notify) }

// Pool: a set of temporary objects to reuse; New, if set, makes one when
// the pool is empty.
//
// As in gc, each processor (each thread running Go code) has a private
// slot of its own, which only its own code touches, so it needs no atomic
// operation (a locked exchange and compare-and-swap per Printf were a
// third of fmt's time): the runtime takes an object from the calling
// processor's slot or puts one in it (runtime_poolTake, runtime_poolOffer),
// where no preemption can come between reading and writing it. The other
// objects wait in a list under the mutex.
type Pool struct {
	// The runtime reads these two first fields (runtime::library::sync).
	local     unsafe.Pointer // *[localSize]poolLocal
	localSize uintptr        // stored after local
	mu        Mutex
	items     []any
	New       func() any
}

// poolLocal is a processor's slot, padded so that two processors' slots
// do not share a cache line.
type poolLocal struct {
	private any
	_       [48]byte
}

// runtime_poolTake empties the calling processor's slot of p.local and
// returns what it held (nil without a slot for the processor yet).
func runtime_poolTake(p *Pool) any

// runtime_poolOffer puts x in the calling processor's slot of p.local if
// the slot is empty, and reports whether it did.
func runtime_poolOffer(p *Pool, x any) bool

// Get takes an object from the pool (this processor's slot, else the last
// one put in the list), else calls New.
func (p *Pool) Get() any {
	if x := runtime_poolTake(p); x != nil {
		return x
	}
	var x any
	p.mu.Lock()
	if n := len(p.items); n > 0 {
		x = p.items[n-1]
		p.items[n-1] = nil
		p.items = p.items[:n-1]
	}
	p.mu.Unlock()
	if x == nil && p.New != nil {
		return p.New()
	}
	return x
}

// Put adds x to the pool (nil is ignored): into this processor's slot if
// it is empty, else to the list.
func (p *Pool) Put(x any) {
	if x == nil || runtime_poolOffer(p, x) {
		return
	}
	p.mu.Lock()
	if p.localSize == 0 {
		slots := make([]poolLocal, runtime.NumCPU())
		atomic.StorePointer(&p.local, unsafe.Pointer(&slots[0]))
		atomic.StoreUintptr(&p.localSize, uintptr(len(slots)))
	}
	p.items = append(p.items, x)
	p.mu.Unlock()
}
