// Cond, Pool and Map.

package sync

import "sync/atomic"

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
type Pool struct {
	mu    Mutex
	items []any
	New   func() any
}

// Get takes an object from the pool (the last one put), else calls New.
func (p *Pool) Get() any {
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
	p.mu.Lock()
	p.items = append(p.items, x)
	p.mu.Unlock()
}
