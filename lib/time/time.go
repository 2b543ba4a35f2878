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

// Add: t plus d (its monotonic reading too, when it has one).
func (t Time) Add(d Duration) Time {
	if t.mono != 0 {
		t.mono += int64(d)
	}
	t.wall += int64(d)
	return t
}

// Before reports whether t is before u (by the monotonic readings when
// both have one).
func (t Time) Before(u Time) bool {
	if t.mono != 0 && u.mono != 0 {
		return t.mono < u.mono
	}
	return t.wall < u.wall
}

// After reports whether t is after u.
func (t Time) After(u Time) bool { return u.Before(t) }

// Equal reports whether t and u are the same instant.
func (t Time) Equal(u Time) bool { return !t.Before(u) && !u.Before(t) }

// IsZero reports whether t is the zero Time.
func (t Time) IsZero() bool { return t.wall == 0 && t.mono == 0 }

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

// String formats d as gc does: "1h2m3.5s", "1.5ms", "2µs", "0s" — the
// largest units first, seconds with the fraction (trailing zeros dropped),
// and below a second the largest unit that keeps the value at least 1.
func (d Duration) String() string {
	if d == 0 {
		return "0s"
	}
	neg := d < 0
	u := uint64(d)
	if neg {
		u = -u
	}
	var s string
	if u < uint64(Second) {
		switch {
		case u < uint64(Microsecond):
			s = itoa(u) + "ns"
		case u < uint64(Millisecond):
			s = fraction(u, 3) + "µs"
		default:
			s = fraction(u, 6) + "ms"
		}
	} else {
		s = fraction(u%uint64(Minute), 9) + "s"
		u /= uint64(Minute)
		if u > 0 {
			s = itoa(u%60) + "m" + s
			u /= 60
			if u > 0 {
				s = itoa(u) + "h" + s
			}
		}
	}
	if neg {
		return "-" + s
	}
	return s
}

// fraction prints v / 10^digits with the fractional digits that are not
// trailing zeros.
func fraction(v uint64, digits int) string {
	p := uint64(1)
	for i := 0; i < digits; i++ {
		p *= 10
	}
	whole, frac := itoa(v/p), v%p
	if frac == 0 {
		return whole
	}
	f := itoa(frac)
	for len(f) < digits {
		f = "0" + f
	}
	end := len(f)
	for f[end-1] == '0' {
		end--
	}
	return whole + "." + f[:end]
}

func itoa(v uint64) string {
	if v == 0 {
		return "0"
	}
	var buf [20]byte
	i := len(buf)
	for v > 0 {
		i--
		buf[i] = byte('0' + v%10)
		v /= 10
	}
	return string(buf[i:])
}
