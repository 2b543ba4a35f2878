// The generators behind the top-level functions.

package rand

import (
	"sync"
	"sync/atomic"
)

// godebug: the value the GODEBUG environment variable gives setting name
// (its last occurrence), "" when it gives none (crates/runtime/src/library/rand.rs).
func godebug(name string) string

// runtimeRand: 64 random bits from the runtime's generator, seeded from the
// operating system (crates/runtime/src/library/rand.rs).
func runtimeRand() uint64

// globalRandGenerator holds the top-level functions' *Rand, made at their
// first call (when GODEBUG is read), replaced by Seed under randseednop=0.
var globalRandGenerator atomic.Value

// globalRand: the generator of the top-level functions. Unless GODEBUG
// says randautoseed=0 it draws from the runtime's generator, which no seed
// controls (Go 1.20 and later); with it, from gc's generator seeded with 1.
func globalRand() *Rand {
	if r, ok := globalRandGenerator.Load().(*Rand); ok {
		return r
	}
	var r *Rand
	if godebug("randautoseed") == "0" {
		r = New(&lockedSource{src: NewSource(1).(*rngSource)})
	} else {
		src := &runtimeSource{}
		r = &Rand{src: src, s64: src}
	}
	if !globalRandGenerator.CompareAndSwap(nil, r) {
		// Another goroutine's first call won.
		return globalRandGenerator.Load().(*Rand)
	}
	return r
}

// Seed does nothing (Go 1.24 and later) unless GODEBUG says randseednop=0;
// then it seeds the top-level functions' generator, which from then on is
// gc's generator with that seed (Go 1.20 to 1.23).
func Seed(seed int64) {
	if godebug("randseednop") != "0" {
		return
	}
	for {
		orig, _ := globalRandGenerator.Load().(*Rand)
		if orig != nil {
			if ls, ok := orig.src.(*lockedSource); ok {
				ls.Seed(seed)
				return
			}
		}
		r := New(&lockedSource{src: NewSource(seed).(*rngSource)})
		var old any
		if orig != nil {
			old = orig
		}
		if globalRandGenerator.CompareAndSwap(old, r) {
			return
		}
	}
}

// runtimeSource draws from the runtime's generator. Seed is never called
// on it (the top-level Seed replaces the whole generator). It keeps the
// top-level Read's leftover bytes under its lock.
type runtimeSource struct {
	mu      sync.Mutex
	readVal int64
	readPos int
}

func (*runtimeSource) Int63() int64 { return int64(runtimeRand() & int63max) }

func (*runtimeSource) Uint64() uint64 { return runtimeRand() }

func (*runtimeSource) Seed(int64) {
	panic("internal error: call to runtimeSource.Seed")
}

func (s *runtimeSource) read(p []byte) (n int) {
	s.mu.Lock()
	n = readInto(p, s, &s.readPos, &s.readVal)
	s.mu.Unlock()
	return
}

// lockedSource is gc's generator behind the top-level functions when
// GODEBUG asks for a seeded one: every goroutine draws from it, and library
// code may be preempted anywhere, so each use holds its lock. It also
// keeps the top-level Read's leftover bytes, under the same lock.
type lockedSource struct {
	mu      sync.Mutex
	src     *rngSource
	readVal int64
	readPos int
}

func (s *lockedSource) Int63() (n int64) {
	s.mu.Lock()
	n = s.src.Int63()
	s.mu.Unlock()
	return
}

func (s *lockedSource) Uint64() (n uint64) {
	s.mu.Lock()
	n = s.src.Uint64()
	s.mu.Unlock()
	return
}

func (s *lockedSource) Seed(seed int64) {
	s.mu.Lock()
	s.src.Seed(seed)
	s.readPos = 0
	s.mu.Unlock()
}

func (s *lockedSource) read(p []byte) (n int) {
	s.mu.Lock()
	n = readInto(p, s.src, &s.readPos, &s.readVal)
	s.mu.Unlock()
	return
}
