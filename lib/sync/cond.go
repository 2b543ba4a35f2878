// Cond, Pool and Map.

package sync

import (
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
// One object is kept apart, in a slot taken and refilled by one atomic
// operation each (a Pool's objects are nearly always of one type: fmt's
// printers, a package's buffers): its two words are the dynamic type the
// slot holds (set by the first Put, then never changed) and the data word,
// the value itself, as an interface holds it. The others wait in a list
// under the mutex.
type Pool struct {
	typ   unsafe.Pointer
	word  unsafe.Pointer
	mu    Mutex
	items []any
	New   func() any
}

// eface is the layout of an interface value: its type's descriptor and its
// data word.
type eface struct {
	typ  unsafe.Pointer
	word unsafe.Pointer
}

// Get takes an object from the pool (the slot's, else the last one put),
// else calls New.
func (p *Pool) Get() any {
	if w := atomic.SwapPointer(&p.word, nil); w != nil {
		var x any
		(*eface)(unsafe.Pointer(&x)).typ = atomic.LoadPointer(&p.typ)
		(*eface)(unsafe.Pointer(&x)).word = w
		return x
	}
	p.mu.Lock()
	if n := len(p.items); n > 0 {
		x := p.items[n-1]
		p.items[n-1] = nil
		p.items = p.items[:n-1]
		p.mu.Unlock()
		return x
	}
	p.mu.Unlock()
	if p.New != nil {
		return p.New()
	}
	return nil
}

// Put adds x to the pool (nil is ignored).
func (p *Pool) Put(x any) {
	if x == nil {
		return
	}
	t := (*eface)(unsafe.Pointer(&x)).typ
	if atomic.LoadPointer(&p.typ) == t || atomic.CompareAndSwapPointer(&p.typ, nil, t) {
		if atomic.CompareAndSwapPointer(&p.word, nil, (*eface)(unsafe.Pointer(&x)).word) {
			return
		}
	}
	p.mu.Lock()
	p.items = append(p.items, x)
	p.mu.Unlock()
}
