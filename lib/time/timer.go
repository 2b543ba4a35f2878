package time

// Timers and tickers. The runtime keeps the deadlines
// (crates/runtime/src/sched.rs) and, when one passes, runs the timer's
// function, which must not block: a non-blocking send of the current time
// on a channel with room for one value (so a slow receiver misses ticks,
// as in gc), or starting an AfterFunc's function in a goroutine of its own.

func startTimer(d, period int64, f func()) uint64
func stopTimer(id uint64) bool
func resetTimer(id uint64, d int64, f func(), period int64) bool

// A Timer sends the time on C once, when it expires (or calls the function
// of AfterFunc, with C nil).
type Timer struct {
	C      <-chan Time
	id     uint64
	f      func()
	period int64
}

// sendTime returns the function that sends the current time on c without
// waiting.
func sendTime(c chan Time) func() {
	return func() {
		select {
		case c <- Now():
		default:
		}
	}
}

// NewTimer: a Timer that sends the time on its channel after at least d.
func NewTimer(d Duration) *Timer {
	c := make(chan Time, 1)
	t := &Timer{C: c, f: sendTime(c)}
	t.id = startTimer(int64(d), 0, t.f)
	return t
}

// After: the channel of a new Timer of d.
func After(d Duration) <-chan Time { return NewTimer(d).C }

// AfterFunc calls f in its own goroutine after at least d.
func AfterFunc(d Duration, f func()) *Timer {
	t := &Timer{f: func() { go f() }}
	t.id = startTimer(int64(d), 0, t.f)
	return t
}

// Stop prevents t from firing; it reports whether that stopped it (false
// when it had already expired or been stopped). C is not closed.
func (t *Timer) Stop() bool {
	if t.f == nil {
		panic("time: Stop called on uninitialized Timer")
	}
	return stopTimer(t.id)
}

// Reset makes t expire after d; it reports whether t was active.
func (t *Timer) Reset(d Duration) bool {
	if t.f == nil {
		panic("time: Reset called on uninitialized Timer")
	}
	return resetTimer(t.id, int64(d), t.f, t.period)
}

// A Ticker sends the time on C every period (dropping ticks a slow
// receiver has not taken).
type Ticker struct {
	C  <-chan Time
	id uint64
	f  func()
}

// NewTicker: a Ticker of period d (which must be positive).
func NewTicker(d Duration) *Ticker {
	if d <= 0 {
		panic("non-positive interval for NewTicker")
	}
	c := make(chan Time, 1)
	t := &Ticker{C: c, f: sendTime(c)}
	t.id = startTimer(int64(d), int64(d), t.f)
	return t
}

// Stop turns t off; C is not closed.
func (t *Ticker) Stop() { stopTimer(t.id) }

// Reset stops t and makes it tick every d from now.
func (t *Ticker) Reset(d Duration) {
	if d <= 0 {
		panic("non-positive interval for Ticker.Reset")
	}
	resetTimer(t.id, int64(d), t.f, int64(d))
}

// Tick: the channel of a new Ticker of d, or nil for d <= 0.
func Tick(d Duration) <-chan Time {
	if d <= 0 {
		return nil
	}
	return NewTicker(d).C
}
