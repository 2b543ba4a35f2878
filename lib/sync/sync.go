// Package sync: mutual exclusion, one-time initialisation, wait groups,
// condition variables, pools and a concurrent map.
//
// Goroutines may be preempted anywhere in this code, and later may run on
// several threads: every word shared between goroutines changes only
// through sync/atomic (compiled to hardware atomics) or inside the
// runtime (semaphores and notify lists), never by a plain read-modify-
// write. A goroutine that must wait parks on a runtime semaphore.
package sync

// Locker: something that can be locked and unlocked.
type Locker interface {
	Lock()
	Unlock()
}

// fatal is gc's unrecoverable `fatal error: msg` with the running
// goroutine's trace (status: what its header says).
func fatal(msg, status string)

// runtime_SemacquireX wait until *s > 0, then decrement it; a goroutine
// that waits shows what it waits for in tracebacks (sync.Mutex.Lock, ...).
func runtime_SemacquireMutex(s *uint32)
func runtime_SemacquireRWMutex(s *uint32)
func runtime_SemacquireRWMutexR(s *uint32)
func runtime_SemacquireWaitGroup(s *uint32)

// runtime_Semrelease increments *s and wakes one goroutine waiting on it.
func runtime_Semrelease(s *uint32)
