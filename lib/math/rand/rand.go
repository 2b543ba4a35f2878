// Package rand: pseudo-random numbers with gc's generator and
// derivations, so that a program prints the same numbers under deft as
// under gc for the same seed. deft's implementation.
//
// The top-level functions behave as Go 1.27's (locked.go): they draw from
// the runtime's random generator, unpredictable from run to run, and Seed
// does nothing, unless GODEBUG says randautoseed=0 (start seeded with 1,
// as before Go 1.20) or randseednop=0 (Seed switches them to a seeded
// generator, as before Go 1.24).
//
// The source is an additive lagged Fibonacci generator, x[n] = x[n-607] +
// x[n-273] (mod 2^64), whose state a seed fills from a Park-Miller
// sequence xored with the `cooked` table. Not here yet: NormFloat64,
// ExpFloat64 and Zipf (they need gc's ziggurat tables).
package rand

const (
	rngLen   = 607
	rngTap   = 273
	int32max = 1<<31 - 1
	int63max = 1<<63 - 1
)

// A Source produces uniformly distributed non-negative int64 values.
type Source interface {
	Int63() int64
	Seed(seed int64)
}

// A Source64 also produces uniformly distributed uint64 values.
type Source64 interface {
	Source
	Uint64() uint64
}

// rngSource is the generator: the 607 words of state and the two indices
// that walk it backwards.
type rngSource struct {
	tap  int
	feed int
	vec  [rngLen]int64
}

// parkMiller is one step of the minimal standard generator
// x = 48271·x mod (2^31 − 1), by Schrage's method (no overflow).
func parkMiller(x int32) int32 {
	const a, q, r = 48271, 44488, 3399
	hi, lo := x/q, x%q
	x = a*lo - r*hi
	if x < 0 {
		x += int32max
	}
	return x
}

// Seed fills the state from seed (taken modulo 2^31 − 1; 0 is replaced by
// a fixed value, since Park-Miller would stay at 0).
func (s *rngSource) Seed(seed int64) {
	s.tap = 0
	s.feed = rngLen - rngTap
	seed %= int32max
	if seed < 0 {
		seed += int32max
	}
	if seed == 0 {
		seed = 89482311
	}
	x := int32(seed)
	// The first 20 outputs are discarded; each word takes three more.
	for i := -20; i < rngLen; i++ {
		x = parkMiller(x)
		if i < 0 {
			continue
		}
		u := int64(x) << 40
		x = parkMiller(x)
		u ^= int64(x) << 20
		x = parkMiller(x)
		u ^= int64(x)
		s.vec[i] = u ^ cooked[i]
	}
}

// Uint64: the next 64 bits.
func (s *rngSource) Uint64() uint64 {
	s.tap--
	if s.tap < 0 {
		s.tap += rngLen
	}
	s.feed--
	if s.feed < 0 {
		s.feed += rngLen
	}
	x := s.vec[s.feed] + s.vec[s.tap]
	s.vec[s.feed] = x
	return uint64(x)
}

// Int63: the next 63 bits.
func (s *rngSource) Int63() int64 { return int64(s.Uint64() & int63max) }

// NewSource: a generator seeded with seed.
func NewSource(seed int64) Source {
	s := &rngSource{}
	s.Seed(seed)
	return s
}

// A Rand derives numbers of every shape from a Source.
type Rand struct {
	src Source
	s64 Source64

	// Read's leftover: bytes of val not handed out yet.
	readVal int64
	readPos int
}

// New: a Rand drawing from src.
func New(src Source) *Rand {
	s64, _ := src.(Source64)
	return &Rand{src: src, s64: s64}
}

// Seed reseeds the source (and forgets Read's leftover bytes).
func (r *Rand) Seed(seed int64) {
	r.src.Seed(seed)
	r.readPos = 0
}

func (r *Rand) Int63() int64   { return r.src.Int63() }
func (r *Rand) Uint32() uint32 { return uint32(r.Int63() >> 31) }
func (r *Rand) Int31() int32   { return int32(r.Int63() >> 32) }

// Int: a non-negative int (63 bits).
func (r *Rand) Int() int {
	u := uint(r.Int63())
	return int(u << 1 >> 1)
}

// Uint64: 64 bits, from the source directly when it can give them.
func (r *Rand) Uint64() uint64 {
	if r.s64 != nil {
		return r.s64.Uint64()
	}
	return uint64(r.Int63())>>31 | uint64(r.Int63())<<32
}

// Int63n: uniform in [0, n), by rejecting the values of the last partial
// run of n (a power of two is a mask).
func (r *Rand) Int63n(n int64) int64 {
	if n <= 0 {
		panic("invalid argument to Int63n")
	}
	if n&(n-1) == 0 {
		return r.Int63() & (n - 1)
	}
	limit := int64(int63max - (1<<63)%uint64(n))
	v := r.Int63()
	for v > limit {
		v = r.Int63()
	}
	return v % n
}

// Int31n: Int63n for 31 bits.
func (r *Rand) Int31n(n int32) int32 {
	if n <= 0 {
		panic("invalid argument to Int31n")
	}
	if n&(n-1) == 0 {
		return r.Int31() & (n - 1)
	}
	limit := int32(int32max - (1<<31)%uint32(n))
	v := r.Int31()
	for v > limit {
		v = r.Int31()
	}
	return v % n
}

// int31n: uniform in [0, n) by multiplying a 32-bit value by n and keeping
// the high half, rejecting the few low halves that would bias it (what
// Shuffle uses).
func (r *Rand) int31n(n int32) int32 {
	v := r.Uint32()
	prod := uint64(v) * uint64(n)
	low := uint32(prod)
	if low < uint32(n) {
		thresh := uint32(-n) % uint32(n)
		for low < thresh {
			v = r.Uint32()
			prod = uint64(v) * uint64(n)
			low = uint32(prod)
		}
	}
	return int32(prod >> 32)
}

// Intn: uniform in [0, n).
func (r *Rand) Intn(n int) int {
	if n <= 0 {
		panic("invalid argument to Intn")
	}
	if n <= int32max {
		return int(r.Int31n(int32(n)))
	}
	return int(r.Int63n(int64(n)))
}

// Float64: uniform in [0, 1).
func (r *Rand) Float64() float64 {
	for {
		// 1 comes out when the int63 rounds up to 2^63: drawn again.
		if f := float64(r.Int63()) / (1 << 63); f != 1 {
			return f
		}
	}
}

// Float32: uniform in [0, 1).
func (r *Rand) Float32() float32 {
	for {
		if f := float32(r.Float64()); f != 1 {
			return f
		}
	}
}

// Perm: a random permutation of 0..n-1.
func (r *Rand) Perm(n int) []int {
	m := make([]int, n)
	for i := 0; i < n; i++ {
		j := r.Intn(i + 1)
		m[i] = m[j]
		m[j] = i
	}
	return m
}

// Shuffle: a Fisher-Yates shuffle of n elements through swap.
func (r *Rand) Shuffle(n int, swap func(i, j int)) {
	if n < 0 {
		panic("invalid argument to Shuffle")
	}
	i := n - 1
	for ; i > int32max-1; i-- {
		swap(i, int(r.Int63n(int64(i+1))))
	}
	for ; i > 0; i-- {
		swap(i, int(r.int31n(int32(i+1))))
	}
}

// Read fills p with random bytes, seven from each Int63 (the leftover of
// one call is used by the next). It never fails.
func (r *Rand) Read(p []byte) (n int, err error) {
	switch src := r.src.(type) {
	case *lockedSource:
		return src.read(p), nil
	case *runtimeSource:
		return src.read(p), nil
	}
	return readInto(p, r.src, &r.readPos, &r.readVal), nil
}

// readInto fills p from src, seven bytes per Int63, starting with the pos
// bytes left in *val.
func readInto(p []byte, src Source, pos *int, val *int64) int {
	for n := range p {
		if *pos == 0 {
			*val = src.Int63()
			*pos = 7
		}
		p[n] = byte(*val)
		*val >>= 8
		*pos--
	}
	return len(p)
}

func Int63() int64                      { return globalRand().Int63() }
func Uint32() uint32                    { return globalRand().Uint32() }
func Uint64() uint64                    { return globalRand().Uint64() }
func Int31() int32                      { return globalRand().Int31() }
func Int() int                          { return globalRand().Int() }
func Int63n(n int64) int64              { return globalRand().Int63n(n) }
func Int31n(n int32) int32              { return globalRand().Int31n(n) }
func Intn(n int) int                    { return globalRand().Intn(n) }
func Float64() float64                  { return globalRand().Float64() }
func Float32() float32                  { return globalRand().Float32() }
func Perm(n int) []int                  { return globalRand().Perm(n) }
func Shuffle(n int, swap func(i, j int)) { globalRand().Shuffle(n, swap) }
func Read(p []byte) (n int, err error)  { return globalRand().Read(p) }
