// Package time's timers. gc's runtime pushes newTimer, stopTimer and
// resetTimer to upstream package time by //go:linkname; deft's pushes
// them too, over the scheduler's timers (crates/runtime/src/sched.rs),
// which keep every timer's state: when it fires, its function runs on a
// goroutine of the runtime's, and Stop and Reset give a timer's channel
// Go 1.23's guarantees (no stale value received after them).

package runtime

import "unsafe"

// timeTimer is the layout of package time's Timer and Ticker (the
// channel C, which package time sets, and the init flag) followed by
// deft's part: the runtime's id of the timer, the function it calls when
// it fires and the channel that function sends on (nil for AfterFunc's).
// newTimer writes them before the timer is shared and nothing writes them
// after, so goroutines share a timer through the runtime only.
type timeTimer struct {
	c    unsafe.Pointer
	init bool
	id   uint64
	fire func(late int64)
	ch   unsafe.Pointer
}

//go:linkname newTimer time.newTimer
func newTimer(when, period int64, f func(arg any, seq uintptr, late int64), arg any, c unsafe.Pointer) *timeTimer {
	fire := func(late int64) { f(arg, 0, late) }
	return &timeTimer{init: true, id: timerNew(when, period, fire, c), fire: fire, ch: c}
}

//go:linkname stopTimer time.stopTimer
func stopTimer(t *timeTimer) bool { return timerStop(t.id, t.ch) }

//go:linkname resetTimer time.resetTimer
func resetTimer(t *timeTimer, when, period int64) bool {
	return timerReset(t.id, when, period, t.fire, t.ch)
}

// timerNew arms a new timer to call fire at when (a runtimeNano reading,
// as time computes it), then every period ns if period > 0, and returns
// its id.
func timerNew(when, period int64, fire func(late int64), c unsafe.Pointer) uint64

// timerStop disarms timer id and reports whether it was pending.
func timerStop(id uint64, c unsafe.Pointer) bool

// timerReset is timerStop, then arms timer id again as timerNew does.
func timerReset(id uint64, when, period int64, fire func(late int64), c unsafe.Pointer) bool

// haveHighResSleep: whether sleeps are as precise as the clock (gc's
// flag, false on some Windows systems; time's tests pull it by
// //go:linkname).
var haveHighResSleep = true
