// Package sync: mutual exclusion and one-time initialisation. deft's
// implementation for its single goroutine: nothing else can ever release
// a lock the goroutine waits for, so waiting is gc's deadlock error.
package sync

// Locker: something that can be locked and unlocked.
type Locker interface {
	Lock()
	Unlock()
}

func fatal(msg, status string)

func deadlock() { fatal("all goroutines are asleep - deadlock!", "semacquire") }

// Mutex: a mutual exclusion lock; the zero value is unlocked.
type Mutex struct {
	locked bool
}

// Lock locks m (waiting for ever if it is locked: a deadlock).
func (m *Mutex) Lock() {
	if m.locked {
		deadlock()
	}
	m.locked = true
}

// TryLock locks m if it is unlocked and reports whether it did.
func (m *Mutex) TryLock() bool {
	if m.locked {
		return false
	}
	m.locked = true
	return true
}

// Unlock unlocks m; unlocking an unlocked mutex is a fatal error.
func (m *Mutex) Unlock() {
	if !m.locked {
		fatal("sync: unlock of unlocked mutex", "running")
	}
	m.locked = false
}

// RWMutex: a reader/writer lock; the zero value is unlocked.
type RWMutex struct {
	writer  bool
	readers int
}

// Lock locks rw for writing.
func (rw *RWMutex) Lock() {
	if rw.writer || rw.readers > 0 {
		deadlock()
	}
	rw.writer = true
}

// Unlock unlocks rw for writing.
func (rw *RWMutex) Unlock() {
	if !rw.writer {
		fatal("sync: Unlock of unlocked RWMutex", "running")
	}
	rw.writer = false
}

// RLock locks rw for reading.
func (rw *RWMutex) RLock() {
	if rw.writer {
		deadlock()
	}
	rw.readers++
}

// RUnlock undoes one RLock.
func (rw *RWMutex) RUnlock() {
	if rw.readers == 0 {
		fatal("sync: RUnlock of unlocked RWMutex", "running")
	}
	rw.readers--
}

// TryLock locks rw for writing if it is free.
func (rw *RWMutex) TryLock() bool {
	if rw.writer || rw.readers > 0 {
		return false
	}
	rw.writer = true
	return true
}

// TryRLock locks rw for reading if no writer holds it.
func (rw *RWMutex) TryRLock() bool {
	if rw.writer {
		return false
	}
	rw.readers++
	return true
}

// RLocker: a Locker whose Lock and Unlock are rw's RLock and RUnlock.
func (rw *RWMutex) RLocker() Locker { return (*rlocker)(rw) }

type rlocker RWMutex

func (r *rlocker) Lock()   { (*RWMutex)(r).RLock() }
func (r *rlocker) Unlock() { (*RWMutex)(r).RUnlock() }

// Once runs a function at most once.
type Once struct {
	done bool
}

// Do calls f if no call of Do on o has started before (even one that
// panicked).
func (o *Once) Do(f func()) {
	if o.done {
		return
	}
	o.done = true
	f()
}

// WaitGroup waits for a count of tasks to reach zero.
type WaitGroup struct {
	n int
}

// Add adds delta to the count; a negative count panics.
func (wg *WaitGroup) Add(delta int) {
	wg.n += delta
	if wg.n < 0 {
		panic("sync: negative WaitGroup counter")
	}
}

// Done decrements the count.
func (wg *WaitGroup) Done() { wg.Add(-1) }

// Wait returns when the count is zero (for ever otherwise: a deadlock).
func (wg *WaitGroup) Wait() {
	if wg.n > 0 {
		deadlock()
	}
}
