// Package sync: mutual exclusion, one-time initialisation, wait groups,
// condition variables and pools. deft's implementation: goroutines switch
// only inside runtime calls (one OS thread), so the state below needs no
// atomics; a goroutine that must wait parks on a runtime semaphore, and
// whoever releases it hands the lock (or the wake-up) over directly.
package sync

// Locker: something that can be locked and unlocked.
type Locker interface {
	Lock()
	Unlock()
}

func fatal(msg, status string)

// runtime_Semacquire waits until *s > 0, then decrements it.
func runtime_Semacquire(s *uint32)

// runtime_Semrelease increments *s and wakes one goroutine waiting on it.
func runtime_Semrelease(s *uint32)

// Mutex: a mutual exclusion lock; the zero value is unlocked.
type Mutex struct {
	locked  bool
	waiters int
	sema    uint32
}

// Lock locks m, waiting while another goroutine holds it.
func (m *Mutex) Lock() {
	if !m.locked {
		m.locked = true
		return
	}
	m.waiters++
	// Unlock hands the lock over: it is ours when the wait ends.
	runtime_Semacquire(&m.sema)
}

// TryLock locks m if it is unlocked and reports whether it did.
func (m *Mutex) TryLock() bool {
	if m.locked {
		return false
	}
	m.locked = true
	return true
}

// Unlock unlocks m (passing it to the longest waiter, if any); unlocking
// an unlocked mutex is a fatal error.
func (m *Mutex) Unlock() {
	if !m.locked {
		fatal("sync: unlock of unlocked mutex", "running")
	}
	if m.waiters > 0 {
		m.waiters--
		runtime_Semrelease(&m.sema)
		return
	}
	m.locked = false
}

// RWMutex: a reader/writer lock; the zero value is unlocked. A waiting
// writer keeps new readers out, so that writers are not starved.
type RWMutex struct {
	writer         bool
	readers        int
	writersWaiting int
	readersWaiting int
	writerSem      uint32
	readerSem      uint32
}

// Lock locks rw for writing, waiting for the readers and any writer.
func (rw *RWMutex) Lock() {
	if !rw.writer && rw.readers == 0 {
		rw.writer = true
		return
	}
	rw.writersWaiting++
	runtime_Semacquire(&rw.writerSem)
}

// Unlock unlocks rw for writing: the waiting readers go first, else one
// waiting writer.
func (rw *RWMutex) Unlock() {
	if !rw.writer {
		fatal("sync: Unlock of unlocked RWMutex", "running")
	}
	rw.writer = false
	if rw.readersWaiting > 0 {
		n := rw.readersWaiting
		rw.readersWaiting = 0
		rw.readers += n
		for ; n > 0; n-- {
			runtime_Semrelease(&rw.readerSem)
		}
		return
	}
	rw.wakeWriter()
}

// wakeWriter hands rw to a waiting writer, if there is one.
func (rw *RWMutex) wakeWriter() {
	if rw.writersWaiting > 0 {
		rw.writersWaiting--
		rw.writer = true
		runtime_Semrelease(&rw.writerSem)
	}
}

// RLock locks rw for reading.
func (rw *RWMutex) RLock() {
	if !rw.writer && rw.writersWaiting == 0 {
		rw.readers++
		return
	}
	rw.readersWaiting++
	runtime_Semacquire(&rw.readerSem)
}

// RUnlock undoes one RLock.
func (rw *RWMutex) RUnlock() {
	if rw.readers == 0 {
		fatal("sync: RUnlock of unlocked RWMutex", "running")
	}
	rw.readers--
	if rw.readers == 0 {
		rw.wakeWriter()
	}
}

// TryLock locks rw for writing if it is free.
func (rw *RWMutex) TryLock() bool {
	if rw.writer || rw.readers > 0 {
		return false
	}
	rw.writer = true
	return true
}

// TryRLock locks rw for reading if no writer holds it or waits for it.
func (rw *RWMutex) TryRLock() bool {
	if rw.writer || rw.writersWaiting > 0 {
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
	m    Mutex
}

// Do calls f if no call of Do on o has started before. A concurrent Do
// waits until f has returned (or panicked: o is done all the same).
func (o *Once) Do(f func()) {
	if o.done {
		return
	}
	o.m.Lock()
	defer o.m.Unlock()
	if !o.done {
		defer o.finish()
		f()
	}
}

func (o *Once) finish() { o.done = true }

// WaitGroup waits for a count of tasks to reach zero.
type WaitGroup struct {
	n       int
	waiters int
	sema    uint32
}

// Add adds delta to the count; a negative count panics. At zero, every
// waiting goroutine is released.
func (wg *WaitGroup) Add(delta int) {
	wg.n += delta
	if wg.n < 0 {
		panic("sync: negative WaitGroup counter")
	}
	if wg.n > 0 {
		return
	}
	for ; wg.waiters > 0; wg.waiters-- {
		runtime_Semrelease(&wg.sema)
	}
}

// Done decrements the count.
func (wg *WaitGroup) Done() { wg.Add(-1) }

// Wait returns when the count is zero.
func (wg *WaitGroup) Wait() {
	if wg.n == 0 {
		return
	}
	wg.waiters++
	runtime_Semacquire(&wg.sema)
}

// Cond: a condition variable; L is held when calling Wait.
type Cond struct {
	L       Locker
	waiters int
	sema    uint32
}

// NewCond: a Cond with Locker l.
func NewCond(l Locker) *Cond { return &Cond{L: l} }

// Wait unlocks c.L, waits for Signal or Broadcast, and locks c.L again.
func (c *Cond) Wait() {
	c.waiters++
	c.L.Unlock()
	runtime_Semacquire(&c.sema)
	c.L.Lock()
}

// Signal wakes one goroutine waiting on c, if any.
func (c *Cond) Signal() {
	if c.waiters > 0 {
		c.waiters--
		runtime_Semrelease(&c.sema)
	}
}

// Broadcast wakes every goroutine waiting on c.
func (c *Cond) Broadcast() {
	for ; c.waiters > 0; c.waiters-- {
		runtime_Semrelease(&c.sema)
	}
}

// Map: a map safe for concurrent use (any keys and values); the zero value
// is empty.
type Map struct {
	mu Mutex
	m  map[any]any
}

// Load: the value stored for key, and whether there is one.
func (m *Map) Load(key any) (value any, ok bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	value, ok = m.m[key]
	return
}

// Store sets the value for key.
func (m *Map) Store(key, value any) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.m == nil {
		m.m = map[any]any{}
	}
	m.m[key] = value
}

// LoadOrStore returns the value stored for key if there is one (loaded),
// else stores value and returns it.
func (m *Map) LoadOrStore(key, value any) (actual any, loaded bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if v, ok := m.m[key]; ok {
		return v, true
	}
	if m.m == nil {
		m.m = map[any]any{}
	}
	m.m[key] = value
	return value, false
}

// LoadAndDelete deletes key, returning its value if there was one.
func (m *Map) LoadAndDelete(key any) (value any, loaded bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	value, loaded = m.m[key]
	delete(m.m, key)
	return
}

// Delete deletes key.
func (m *Map) Delete(key any) { m.LoadAndDelete(key) }

// Range calls f for each key and value until f returns false. The entries
// are taken at the start (in the map's random order); f may change m.
func (m *Map) Range(f func(key, value any) bool) {
	m.mu.Lock()
	keys := make([]any, 0, len(m.m))
	values := make([]any, 0, len(m.m))
	for k, v := range m.m {
		keys = append(keys, k)
		values = append(values, v)
	}
	m.mu.Unlock()
	for i, k := range keys {
		if !f(k, values[i]) {
			return
		}
	}
}

// Pool: a set of temporary objects to reuse; New, if set, makes one when
// the pool is empty.
type Pool struct {
	items []any
	New   func() any
}

// Get takes an object from the pool (the last one put), else calls New.
func (p *Pool) Get() any {
	if n := len(p.items); n > 0 {
		x := p.items[n-1]
		p.items = p.items[:n-1]
		return x
	}
	if p.New != nil {
		return p.New()
	}
	return nil
}

// Put adds x to the pool (nil is ignored).
func (p *Pool) Put(x any) {
	if x != nil {
		p.items = append(p.items, x)
	}
}
