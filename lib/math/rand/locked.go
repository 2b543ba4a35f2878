// The generator behind the top-level functions.

package rand

import "sync"

// lockedSource is the top-level functions' source: every goroutine draws
// from it, and library code may be preempted anywhere, so each use holds
// its lock. It also keeps the top-level Read's leftover bytes, under the
// same lock.
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
