// Package time: clocks and durations. deft's implementation; bodyless
// functions are implemented by the runtime
// (crates/runtime/src/library/time.rs).
package time

// Duration: a span of time in nanoseconds.
type Duration int64

// Units.
const (
	Nanosecond  Duration = 1
	Microsecond          = 1000 * Nanosecond
	Millisecond          = 1000 * Microsecond
	Second               = 1000 * Millisecond
	Minute               = 60 * Second
	Hour                 = 60 * Minute
)

// A Time is an instant: a wall-clock reading and, for times from Now, a
// monotonic clock reading used to measure durations.
type Time struct {
	wall int64 // nanoseconds since the Unix epoch
	mono int64 // monotonic nanoseconds; 0 when absent
}

func now() (wall int64, mono int64)

// Now: the current instant.
func Now() Time {
	w, m := now()
	return Time{w, m}
}

// Since: how long ago t was (monotonic when t has a reading).
func Since(t Time) Duration { return Now().Sub(t) }

// Sub: t minus u.
func (t Time) Sub(u Time) Duration {
	if t.mono != 0 && u.mono != 0 {
		return Duration(t.mono - u.mono)
	}
	return Duration(t.wall - u.wall)
}

// UnixNano: nanoseconds since the Unix epoch.
func (t Time) UnixNano() int64 { return t.wall }

// Unix: whole seconds since the Unix epoch.
func (t Time) Unix() int64 { return t.wall / 1e9 }

// Nanoseconds: d in whole nanoseconds.
func (d Duration) Nanoseconds() int64 { return int64(d) }

// Microseconds: d in whole microseconds.
func (d Duration) Microseconds() int64 { return int64(d) / 1e3 }

// Milliseconds: d in whole milliseconds.
func (d Duration) Milliseconds() int64 { return int64(d) / 1e6 }

// Seconds: d in (fractional) seconds.
func (d Duration) Seconds() float64 {
	sec := d / Second
	nsec := d % Second
	return float64(sec) + float64(nsec)/1e9
}

func sleep(ns int64)

// Sleep pauses the program for at least d.
func Sleep(d Duration) {
	if d > 0 {
		sleep(int64(d))
	}
}
