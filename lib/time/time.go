// Package time: clocks, durations, the calendar and formatting
// (format.go), and time zones: UTC, fixed zones, the system's zone
// database and the local zone (zoneinfo.go, tzfile.go, tzrule.go). deft's
// implementation; bodyless functions are implemented by the runtime
// (crates/runtime/src/library/time.rs).
package time

import "errors"

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

// A Time is an instant with nanosecond precision, and the Location that
// its calendar methods and Format use; times from Now also carry a
// monotonic clock reading, which Sub, Before, After and Equal prefer (as
// in gc) and which Round, Truncate, UTC, In and Local drop.
//
// The zero Time is January 1, year 1, 00:00:00 UTC (IsZero). Invariant:
// 0 <= nsec < 1e9.
type Time struct {
	sec  int64     // seconds since January 1, year 1, 00:00:00 UTC
	nsec int64     // nanoseconds within that second
	mono int64     // monotonic reading in nanoseconds; 0 when absent
	loc  *Location // nil for UTC
}

// unixToInternal: seconds from January 1, year 1 to the Unix epoch
// (719162 days).
const unixToInternal int64 = 719162 * secondsPerDay

const secondsPerDay = 86400

func now() (wall int64, mono int64)

// Now: the current instant, in the Local location, with a monotonic
// clock reading.
func Now() Time {
	w, m := now()
	t := Unix(0, w)
	t.mono = m
	return t
}

// Unix: the instant sec seconds and nsec nanoseconds (either may be out
// of range or negative) after the Unix epoch, in the Local location.
func Unix(sec int64, nsec int64) Time {
	if nsec < 0 || nsec >= 1e9 {
		sec += nsec / 1e9
		nsec %= 1e9
		if nsec < 0 {
			nsec += 1e9
			sec--
		}
	}
	return Time{sec: sec + unixToInternal, nsec: nsec, loc: Local}
}

// UnixMilli, UnixMicro: the instant msec milliseconds (usec
// microseconds) after the Unix epoch, in the Local location.
func UnixMilli(msec int64) Time { return Unix(msec/1e3, (msec%1e3)*1e6) }
func UnixMicro(usec int64) Time { return Unix(usec/1e6, (usec%1e6)*1e3) }

// Since: how long ago t was (monotonic when t has a reading).
func Since(t Time) Duration { return Now().Sub(t) }

// Until: how long until t.
func Until(t Time) Duration { return t.Sub(Now()) }

const (
	minDuration Duration = -1 << 63
	maxDuration Duration = 1<<63 - 1
)

// Sub: t minus u (by the monotonic readings when both have one); beyond
// what a Duration holds it is the largest or smallest Duration.
func (t Time) Sub(u Time) Duration {
	if t.mono != 0 && u.mono != 0 {
		return Duration(t.mono - u.mono)
	}
	d := Duration(t.sec-u.sec)*Second + Duration(t.nsec-u.nsec)
	switch {
	case u.Add(d).Equal(t):
		return d
	case t.Before(u):
		return minDuration
	default:
		return maxDuration
	}
}

// Add: t plus d (its monotonic reading too, unless that overflows).
func (t Time) Add(d Duration) Time {
	dsec := int64(d / 1e9)
	nsec := t.nsec + int64(d%1e9)
	if nsec >= 1e9 {
		dsec++
		nsec -= 1e9
	} else if nsec < 0 {
		dsec--
		nsec += 1e9
	}
	t.sec += dsec
	t.nsec = nsec
	if t.mono != 0 {
		m := t.mono + int64(d)
		if d < 0 && m > t.mono || d > 0 && m < t.mono || m == 0 {
			t.mono = 0
		} else {
			t.mono = m
		}
	}
	return t
}

// AddDate: the time years, months and days later (normalized as Date
// does: October 32 is November 1), same clock time, same Location.
func (t Time) AddDate(years int, months int, days int) Time {
	year, month, day := t.Date()
	hour, min, sec := t.Clock()
	return Date(year+years, month+Month(months), day+days, hour, min, sec, int(t.nsec), t.Location())
}

// Before reports whether t is before u (by the monotonic readings when
// both have one).
func (t Time) Before(u Time) bool {
	if t.mono != 0 && u.mono != 0 {
		return t.mono < u.mono
	}
	return t.sec < u.sec || t.sec == u.sec && t.nsec < u.nsec
}

// After reports whether t is after u.
func (t Time) After(u Time) bool { return u.Before(t) }

// Equal reports whether t and u are the same instant (whatever their
// Locations).
func (t Time) Equal(u Time) bool { return !t.Before(u) && !u.Before(t) }

// Compare: -1, 0 or +1 as t is before, equal to or after u.
func (t Time) Compare(u Time) int {
	switch {
	case t.Before(u):
		return -1
	case u.Before(t):
		return +1
	}
	return 0
}

// IsZero reports whether t is the zero Time, January 1, year 1, 00:00:00 UTC.
func (t Time) IsZero() bool { return t.sec == 0 && t.nsec == 0 }

// Unix, UnixMilli, UnixMicro, UnixNano: t since the Unix epoch, in whole
// seconds, milliseconds, microseconds or nanoseconds (rounded down).
func (t Time) Unix() int64      { return t.sec - unixToInternal }
func (t Time) UnixMilli() int64 { return t.Unix()*1e3 + t.nsec/1e6 }
func (t Time) UnixMicro() int64 { return t.Unix()*1e6 + t.nsec/1e3 }
func (t Time) UnixNano() int64  { return t.Unix()*1e9 + t.nsec }

// Nanosecond: the nanoseconds within t's second, [0, 999999999].
func (t Time) Nanosecond() int { return int(t.nsec) }

// UTC, Local, In: t in another Location (dropping the monotonic reading).
func (t Time) UTC() Time {
	t.setLoc(&utcLoc)
	return t
}

func (t Time) Local() Time {
	t.setLoc(Local)
	return t
}

func (t Time) In(loc *Location) Time {
	if loc == nil {
		panic("time: missing Location in call to Time.In")
	}
	t.setLoc(loc)
	return t
}

// Location: t's Location (UTC for the zero Time).
func (t Time) Location() *Location {
	if t.loc == nil {
		return UTC
	}
	return t.loc
}

// Truncate: t rounded down to a multiple of d since the zero Time (d <= 0
// leaves it), without the monotonic reading.
func (t Time) Truncate(d Duration) Time {
	t.mono = 0
	if d <= 0 {
		return t
	}
	return t.Add(-t.since0Mod(d))
}

// Round: t rounded to the nearest multiple of d since the zero Time,
// halves up (d <= 0 leaves it), without the monotonic reading.
func (t Time) Round(d Duration) Time {
	t.mono = 0
	if d <= 0 {
		return t
	}
	r := t.since0Mod(d)
	if uint64(r)+uint64(r) < uint64(d) {
		return t.Add(-r)
	}
	return t.Add(d - r)
}

// since0Mod: (t - zero Time) mod d, in [0, d), for d > 0. The elapsed
// nanoseconds do not fit in 64 bits, so it works on (sec, nsec): sec*1e9
// mod d is computed by doubling, which never overflows (operands < d <
// 2^63).
func (t Time) since0Mod(d Duration) Duration {
	m := uint64(d)
	s := t.sec % int64(m)
	if s < 0 {
		s += int64(m)
	}
	r := mulMod(uint64(s), 1e9, m)
	r = addMod(r, uint64(t.nsec)%m, m)
	return Duration(r)
}

// addMod: (a + b) mod m for a, b < m < 2^63 (no overflow).
func addMod(a, b, m uint64) uint64 {
	if a >= m-b {
		return a - (m - b)
	}
	return a + b
}

// mulMod: a*b mod m for a < m < 2^63, by binary multiplication.
func mulMod(a, b, m uint64) uint64 {
	var r uint64
	for b > 0 {
		if b&1 != 0 {
			r = addMod(r, a, m)
		}
		a = addMod(a, a, m)
		b >>= 1
	}
	return r
}

// Hours, Minutes: d in (fractional) hours or minutes.
func (d Duration) Hours() float64 {
	h := d / Hour
	return float64(h) + float64(d%Hour)/(60*60*1e9)
}

func (d Duration) Minutes() float64 {
	m := d / Minute
	return float64(m) + float64(d%Minute)/(60*1e9)
}

// Truncate: d rounded toward zero to a multiple of m (m <= 0 leaves it).
func (d Duration) Truncate(m Duration) Duration {
	if m <= 0 {
		return d
	}
	return d - d%m
}

// Round: d rounded to the nearest multiple of m, halves away from zero,
// saturating at the largest or smallest Duration (m <= 0 leaves it).
func (d Duration) Round(m Duration) Duration {
	if m <= 0 {
		return d
	}
	r := d % m
	if d < 0 {
		r = -r
		if uint64(r)+uint64(r) < uint64(m) {
			return d + r
		}
		if d1 := d - m + r; d1 < d {
			return d1
		}
		return minDuration
	}
	if uint64(r)+uint64(r) < uint64(m) {
		return d - r
	}
	if d1 := d + m - r; d1 > d {
		return d1
	}
	return maxDuration
}

// Abs: |d|, the largest Duration for the smallest.
func (d Duration) Abs() Duration {
	switch {
	case d >= 0:
		return d
	case d == minDuration:
		return maxDuration
	}
	return -d
}

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

// ParseDuration reads a duration as gc does: an optional sign, then one
// or more decimal numbers, each with an optional fraction and a unit
// ("ns", "us" or "µs" (either mu), "ms", "s", "m", "h"): "300ms",
// "-1.5h", "2h45m". "0" needs no unit. Errors are gc's wordings; a
// value beyond the range of Duration is invalid.
func ParseDuration(s string) (Duration, error) {
	orig := s
	invalid := errors.New("time: invalid duration " + quote(orig))
	neg := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-'
		s = s[1:]
	}
	if s == "0" {
		return 0, nil
	}
	if s == "" {
		return 0, invalid
	}
	const limit = 1 << 63 // the magnitude of the most negative Duration
	var total uint64
	for s != "" {
		if s[0] != '.' && (s[0] < '0' || s[0] > '9') {
			return 0, invalid
		}
		whole, rest, ok := durationInt(s)
		if !ok {
			return 0, invalid
		}
		hasWhole := len(rest) != len(s)
		s = rest
		var frac uint64
		scale, hasFrac := 1.0, false
		if s != "" && s[0] == '.' {
			s = s[1:]
			frac, scale, rest = durationFraction(s)
			hasFrac = len(rest) != len(s)
			s = rest
		}
		if !hasWhole && !hasFrac {
			return 0, invalid
		}
		i := 0
		for i < len(s) && s[i] != '.' && (s[i] < '0' || s[i] > '9') {
			i++
		}
		if i == 0 {
			return 0, errors.New("time: missing unit in duration " + quote(orig))
		}
		unit, known := durationUnit(s[:i])
		if !known {
			return 0, errors.New("time: unknown unit " + quote(s[:i]) + " in duration " + quote(orig))
		}
		s = s[i:]
		if whole > limit/unit {
			return 0, invalid
		}
		v := whole * unit
		if frac > 0 {
			// The fraction's share of the unit, rounded down through
			// float64 as gc computes it.
			v += uint64(float64(frac) * (float64(unit) / scale))
			if v > limit {
				return 0, invalid
			}
		}
		total += v
		if total > limit {
			return 0, invalid
		}
	}
	if neg {
		return -Duration(total), nil
	}
	if total > limit-1 {
		return 0, invalid
	}
	return Duration(total), nil
}

// durationUnit: the nanoseconds of a unit of ParseDuration.
func durationUnit(u string) (uint64, bool) {
	switch u {
	case "ns":
		return uint64(Nanosecond), true
	case "us", "\u00b5s", "\u03bcs":
		return uint64(Microsecond), true
	case "ms":
		return uint64(Millisecond), true
	case "s":
		return uint64(Second), true
	case "m":
		return uint64(Minute), true
	case "h":
		return uint64(Hour), true
	}
	return 0, false
}

// durationInt reads the leading decimal digits of s (none is 0); not ok
// when their value exceeds 1<<63.
func durationInt(s string) (x uint64, rest string, ok bool) {
	i := 0
	for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		if x > (1<<63)/10 {
			return 0, "", false
		}
		x = x*10 + uint64(s[i]-'0')
		if x > 1<<63 {
			return 0, "", false
		}
	}
	return x, s[i:], true
}

// durationFraction reads the leading decimal digits of s as a fraction
// x/scale; digits past what fits in int64 are read and ignored.
func durationFraction(s string) (x uint64, scale float64, rest string) {
	scale = 1
	full := false
	i := 0
	for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		if full {
			continue
		}
		if x > (1<<63-1)/10 {
			full = true
			continue
		}
		y := x*10 + uint64(s[i]-'0')
		if y > 1<<63 {
			full = true
			continue
		}
		x = y
		scale *= 10
	}
	return x, scale, s[i:]
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
