// Mutex: a lock word and a semaphore that parks its waiters.

package sync

import "sync/atomic"

// The lock word of a Mutex: bit 0 is set while it is held, the bits above
// count goroutines that have decided to wait (and will wait on the
// semaphore, if they are not there yet).
const (
	mutexLocked      = 1
	mutexWaiterShift = 1
	mutexWaiter      = 1 << mutexWaiterShift
)

// Mutex: a mutual exclusion lock; the zero value is unlocked.
type Mutex struct {
	state int32
	sema  uint32
}

// Lock is one compare-and-swap of the state and Unlock one atomic add,
// each calling its slow path when that does not settle it: codegen
// compiles direct calls of them to just that (crates/codegen/src/
// intrinsics.rs, FAST_PATHS), as gc's inliner does. Keep them, the state's place (the first field) and its values
// (0 unlocked, mutexLocked held without waiters) in step with that table.

// Lock locks m, waiting while another goroutine holds it.
func (m *Mutex) Lock() {
	if atomic.CompareAndSwapInt32(&m.state, 0, mutexLocked) {
		return
	}
	m.lockSlow()
}

// lockSlow takes m if it is free, else counts itself as a waiter and
// parks. Unlock hands a held mutex straight to a counted waiter (the word
// stays locked), so when the wait ends the mutex is ours: no goroutine can
// overtake a waiter for ever.
func (m *Mutex) lockSlow() {
	for {
		old := atomic.LoadInt32(&m.state)
		if old&mutexLocked == 0 {
			if atomic.CompareAndSwapInt32(&m.state, old, old|mutexLocked) {
				return
			}
			continue
		}
		if atomic.CompareAndSwapInt32(&m.state, old, old+mutexWaiter) {
			runtime_SemacquireMutex(&m.sema)
			return
		}
	}
}

// TryLock locks m if it is unlocked and reports whether it did.
func (m *Mutex) TryLock() bool {
	old := atomic.LoadInt32(&m.state)
	return old&mutexLocked == 0 && atomic.CompareAndSwapInt32(&m.state, old, old|mutexLocked)
}

// Unlock unlocks m, handing it to a waiter if there is one; unlocking
// an unlocked mutex is a fatal error.
func (m *Mutex) Unlock() {
	if new := atomic.AddInt32(&m.state, -mutexLocked); new != 0 {
		m.unlockSlow(new)
	}
}

// unlockSlow: releasing m left state new, not 0: m was not locked, or
// goroutines wait for it.
func (m *Mutex) unlockSlow(new int32) {
	if (new+mutexLocked)&mutexLocked == 0 {
		fatal("sync: unlock of unlocked mutex", "running")
	}
	for {
		old := atomic.LoadInt32(&m.state)
		if old&mutexLocked != 0 || old == 0 {
			// Taken meanwhile (its Unlock will hand it over), or nobody
			// waits any more.
			return
		}
		// Locked again for one counted waiter, whose wait now ends with
		// the lock.
		if atomic.CompareAndSwapInt32(&m.state, old, old-mutexWaiter+mutexLocked) {
			runtime_Semrelease(&m.sema)
			return
		}
	}
}
