// RWMutex: a reader count that a writer drives negative.

package sync

import (
	"sync/atomic"
	_ "unsafe" // for go:linkname
)

// More readers than this at once is not supported (gc's limit too).
const rwmutexMaxReaders = 1 << 30

// RWMutex: a reader/writer lock; the zero value is unlocked. A writer
// that wants the lock keeps new readers out, so writers are not starved.
//
// readerCount counts the readers holding or waiting for the lock; a
// writer subtracts rwmutexMaxReaders from it, which tells arriving
// readers to wait, and learns from the result how many readers it must
// wait for (readerWait, counted down by their RUnlock).
type RWMutex struct {
	w           Mutex
	writerSem   uint32
	readerSem   uint32
	readerCount int32
	readerWait  int32
}

// RLock locks rw for reading.
func (rw *RWMutex) RLock() {
	if atomic.AddInt32(&rw.readerCount, 1) < 0 {
		// A writer holds the lock or waits for it: its Unlock wakes us.
		runtime_SemacquireRWMutexR(&rw.readerSem)
	}
}

// TryRLock locks rw for reading if no writer holds it or waits for it.
func (rw *RWMutex) TryRLock() bool {
	for {
		c := atomic.LoadInt32(&rw.readerCount)
		if c < 0 {
			return false
		}
		if atomic.CompareAndSwapInt32(&rw.readerCount, c, c+1) {
			return true
		}
	}
}

// RUnlock undoes one RLock.
func (rw *RWMutex) RUnlock() {
	if r := atomic.AddInt32(&rw.readerCount, -1); r < 0 {
		rw.rUnlockSlow(r)
	}
}

// rUnlockSlow: a writer is waiting (or rw was not read-locked at all);
// the last reader it waits for lets it in.
func (rw *RWMutex) rUnlockSlow(r int32) {
	if r+1 == 0 || r+1 == -rwmutexMaxReaders {
		fatal("sync: RUnlock of unlocked RWMutex", "running")
	}
	if atomic.AddInt32(&rw.readerWait, -1) == 0 {
		runtime_Semrelease(&rw.writerSem)
	}
}

// Lock locks rw for writing, waiting for the readers and any writer.
func (rw *RWMutex) Lock() {
	rw.w.Lock()
	r := atomic.AddInt32(&rw.readerCount, -rwmutexMaxReaders) + rwmutexMaxReaders
	if r != 0 && atomic.AddInt32(&rw.readerWait, r) != 0 {
		runtime_SemacquireRWMutex(&rw.writerSem)
	}
}

// TryLock locks rw for writing if it is free.
func (rw *RWMutex) TryLock() bool {
	if !rw.w.TryLock() {
		return false
	}
	if !atomic.CompareAndSwapInt32(&rw.readerCount, 0, -rwmutexMaxReaders) {
		rw.w.Unlock()
		return false
	}
	return true
}

// Unlock unlocks rw for writing: the readers that arrived meanwhile go
// first, then the next writer.
func (rw *RWMutex) Unlock() {
	r := atomic.AddInt32(&rw.readerCount, rwmutexMaxReaders)
	if r >= rwmutexMaxReaders {
		fatal("sync: Unlock of unlocked RWMutex", "running")
	}
	for ; r > 0; r-- {
		runtime_Semrelease(&rw.readerSem)
	}
	rw.w.Unlock()
}

// RLocker: a Locker whose Lock and Unlock are rw's RLock and RUnlock.
func (rw *RWMutex) RLocker() Locker { return (*rlocker)(rw) }

type rlocker RWMutex

func (r *rlocker) Lock()   { (*RWMutex)(r).RLock() }
func (r *rlocker) Unlock() { (*RWMutex)(r).RUnlock() }

// syscall_hasWaitingReaders reports whether a goroutine waits to lock rw
// for reading while a writer holds it (package syscall's fork lock lets
// such readers in; gc defines it here for syscall, as deft does).
//
//go:linkname syscall_hasWaitingReaders syscall.hasWaitingReaders
func syscall_hasWaitingReaders(rw *RWMutex) bool {
	r := atomic.LoadInt32(&rw.readerCount)
	return r < 0 && r+rwmutexMaxReaders > 0
}
