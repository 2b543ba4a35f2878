// The calendar and formatting: Month and Weekday, the civil date of an
// instant (proleptic Gregorian, as gc) in its Location (zoneinfo.go), Date,
// and Format with gc's reference-time layouts.

package time

// A Month of the year (January = 1).
type Month int

const (
	January Month = 1 + iota
	February
	March
	April
	May
	June
	July
	August
	September
	October
	November
	December
)

var longMonthNames = []string{
	"January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December",
}

// String: the month's English name; "%!Month(13)" out of range.
func (m Month) String() string {
	if January <= m && m <= December {
		return longMonthNames[m-1]
	}
	return "%!Month(" + itoa(uint64(m)) + ")"
}

// A Weekday (Sunday = 0).
type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	Wednesday
	Thursday
	Friday
	Saturday
)

var longDayNames = []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}

// String: the day's English name; "%!Weekday(7)" out of range.
func (d Weekday) String() string {
	if Sunday <= d && d <= Saturday {
		return longDayNames[d]
	}
	return "%!Weekday(" + itoa(uint64(d)) + ")"
}

// floorDiv: a / b rounded toward minus infinity (b > 0).
func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b < 0 {
		q--
	}
	return q
}

// The civil calendar counts days from March 1 of year 0 in 400-year eras
// of 146097 days, so that the leap day ends each year; dayShift moves the
// origin to January 1 of year 1 (306 days later), the zero Time's day.
const (
	daysPer400Years = 146097
	dayShift        = 306
)

// civil: the date of the day `days` days after January 1, year 1.
func civil(days int64) (year int, month Month, day int) {
	z := days + dayShift
	era := floorDiv(z, daysPer400Years)
	doe := z - era*daysPer400Years                         // day of the era, [0, 146096]
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365 // year of the era, [0, 399]
	doy := doe - (365*yoe + yoe/4 - yoe/100)               // day of the year from March 1, [0, 365]
	mp := (5*doy + 2) / 153                                // month from March, [0, 11]
	day = int(doy - (153*mp+2)/5 + 1)
	year = int(yoe + era*400)
	if mp < 10 {
		month = Month(mp + 3)
	} else {
		month = Month(mp - 9)
		year++
	}
	return
}

// daysFrom: the day number (from January 1, year 1) of year-month-day,
// month in [1, 12] and day in [1, 31] (a day past the month's end counts on).
func daysFrom(year int64, month Month, day int64) int64 {
	if month <= February {
		year--
	}
	era := floorDiv(year, 400)
	yoe := year - era*400
	mp := int64(month) - 3
	if month <= February {
		mp = int64(month) + 9
	}
	doy := (153*mp+2)/5 + day - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*daysPer400Years + doe - dayShift
}

// abs: t's seconds since January 1, year 1 on the clock of its zone, and
// the zone.
func (t Time) abs() (sec int64, zone string, offset int) {
	zone, offset, _, _, _ = t.loc.lookup(t.Unix())
	return t.sec + int64(offset), zone, offset
}

// days: t's day number and second of the day on its zone's clock.
func (t Time) days() (days int64, secOfDay int) {
	sec, _, _ := t.abs()
	days = floorDiv(sec, secondsPerDay)
	return days, int(sec - days*secondsPerDay)
}

// Date: t's year, month and day in its Location.
func (t Time) Date() (year int, month Month, day int) {
	days, _ := t.days()
	return civil(days)
}

// Year, Month, Day: t's date in its Location.
func (t Time) Year() int {
	y, _, _ := t.Date()
	return y
}

func (t Time) Month() Month {
	_, m, _ := t.Date()
	return m
}

func (t Time) Day() int {
	_, _, d := t.Date()
	return d
}

// Weekday: t's day of the week (January 1, year 1 was a Monday).
func (t Time) Weekday() Weekday {
	days, _ := t.days()
	w := (days + 1) % 7
	if w < 0 {
		w += 7
	}
	return Weekday(w)
}

// YearDay: t's day of the year, [1, 365] ([1, 366] in leap years).
func (t Time) YearDay() int {
	days, _ := t.days()
	y, _, _ := civil(days)
	return int(days-daysFrom(int64(y), January, 1)) + 1
}

// ISOWeek: t's ISO 8601 year and week number (weeks start on Monday; week
// 1 holds the year's first Thursday).
func (t Time) ISOWeek() (year, week int) {
	days, _ := t.days()
	monday0 := (days%7 + 7) % 7 // days since Monday
	thursday := days - monday0 + 3
	y, _, _ := civil(thursday)
	return y, int(thursday-daysFrom(int64(y), January, 1))/7 + 1
}

// Clock: t's hour, minute and second in its Location.
func (t Time) Clock() (hour, min, sec int) {
	_, s := t.days()
	return s / 3600, s % 3600 / 60, s % 60
}

// Hour, Minute, Second: t's clock in its Location.
func (t Time) Hour() int {
	h, _, _ := t.Clock()
	return h
}

func (t Time) Minute() int {
	_, m, _ := t.Clock()
	return m
}

func (t Time) Second() int {
	_, _, s := t.Clock()
	return s
}

// norm: hi and lo with lo brought into [0, base) and the excess carried
// into hi.
func norm(hi, lo, base int64) (int64, int64) {
	if lo < 0 || lo >= base {
		q := floorDiv(lo, base)
		hi += q
		lo -= q * base
	}
	return hi, lo
}

// Date: the instant of year-month-day hour:min:sec.nsec on loc's clock.
// Out-of-range values carry over (October 32 is November 1, minute 60 the
// next hour). loc must not be nil.
func Date(year int, month Month, day, hour, min, sec, nsec int, loc *Location) Time {
	if loc == nil {
		panic("time: missing Location in call to Date")
	}
	y, m := norm(int64(year), int64(month)-1, 12)
	s, ns := norm(int64(sec), int64(nsec), 1e9)
	mi, s := norm(int64(min), s, 60)
	h, mi := norm(int64(hour), mi, 60)
	d, h := norm(int64(day), h, 24)
	days := daysFrom(y, Month(m+1), 1) + d - 1
	unix := days*secondsPerDay + h*3600 + mi*60 + s - unixToInternal
	// The offset in use at the instant that is the clock time in UTC is
	// right unless a transition lies between that instant and the result;
	// then the result's own offset is (gc's rule, which for a clock time
	// that a transition skips or repeats picks one of the two offsets).
	_, offset, start, end, _ := loc.lookup(unix)
	if offset != 0 {
		utc := unix - int64(offset)
		if utc < start || utc >= end {
			_, offset, _, _, _ = loc.lookup(utc)
		}
		unix -= int64(offset)
	}
	t := Time{sec: unix + unixToInternal, nsec: ns}
	t.setLoc(loc)
	return t
}

// Layouts: gc's, written with the reference time Mon Jan 2 15:04:05 MST
// 2006 (see Format).
const (
	Layout      = "01/02 03:04:05PM '06 -0700"
	ANSIC       = "Mon Jan _2 15:04:05 2006"
	UnixDate    = "Mon Jan _2 15:04:05 MST 2006"
	RubyDate    = "Mon Jan 02 15:04:05 -0700 2006"
	RFC822      = "02 Jan 06 15:04 MST"
	RFC822Z     = "02 Jan 06 15:04 -0700"
	RFC850      = "Monday, 02-Jan-06 15:04:05 MST"
	RFC1123     = "Mon, 02 Jan 2006 15:04:05 MST"
	RFC1123Z    = "Mon, 02 Jan 2006 15:04:05 -0700"
	RFC3339     = "2006-01-02T15:04:05Z07:00"
	RFC3339Nano = "2006-01-02T15:04:05.999999999Z07:00"
	Kitchen     = "3:04PM"
	Stamp       = "Jan _2 15:04:05"
	StampMilli  = "Jan _2 15:04:05.000"
	StampMicro  = "Jan _2 15:04:05.000000"
	StampNano   = "Jan _2 15:04:05.000000000"
	DateTime    = "2006-01-02 15:04:05"
	DateOnly    = "2006-01-02"
	TimeOnly    = "15:04:05"
)

// The elements of a layout (gc's reference-time tokens).
const (
	stdNone                  = iota
	stdLongMonth             // "January"
	stdMonth                 // "Jan"
	stdNumMonth              // "1"
	stdZeroMonth             // "01"
	stdLongWeekDay           // "Monday"
	stdWeekDay               // "Mon"
	stdDay                   // "2"
	stdUnderDay              // "_2"
	stdZeroDay               // "02"
	stdUnderYearDay          // "__2"
	stdZeroYearDay           // "002"
	stdHour                  // "15"
	stdHour12                // "3"
	stdZeroHour12            // "03"
	stdMinute                // "4"
	stdZeroMinute            // "04"
	stdSecond                // "5"
	stdZeroSecond            // "05"
	stdLongYear              // "2006"
	stdYear                  // "06"
	stdPM                    // "PM"
	stdpm                    // "pm"
	stdTZ                    // "MST"
	stdISO8601TZ             // "Z0700"
	stdISO8601SecondsTZ      // "Z070000"
	stdISO8601ShortTZ        // "Z07"
	stdISO8601ColonTZ        // "Z07:00"
	stdISO8601ColonSecondsTZ // "Z07:00:00"
	stdNumTZ                 // "-0700"
	stdNumSecondsTz          // "-070000"
	stdNumShortTZ            // "-07"
	stdNumColonTZ            // "-07:00"
	stdNumColonSecondsTZ     // "-07:00:00"
	stdFracSecond0           // ".0", ".00", ... (digits kept)
	stdFracSecond9           // ".9", ".99", ... (trailing zeros dropped)
)

// zoneTokens: the time-zone tokens starting with '-' or 'Z' (after the
// 'Z' or '-'), longest first where one is a prefix of another.
var zoneTokens = []struct {
	text     string
	iso, num int
}{
	{"070000", stdISO8601SecondsTZ, stdNumSecondsTz},
	{"07:00:00", stdISO8601ColonSecondsTZ, stdNumColonSecondsTZ},
	{"0700", stdISO8601TZ, stdNumTZ},
	{"07:00", stdISO8601ColonTZ, stdNumColonTZ},
	{"07", stdISO8601ShortTZ, stdNumShortTZ},
}

func hasPrefixAt(s string, i int, p string) bool {
	return len(s)-i >= len(p) && s[i:i+len(p)] == p
}

// nextToken finds the first token of layout: the literal text before it,
// the token, its length, and for fractional seconds the digit count and
// separator.
func nextToken(layout string) (prefix string, std, size, digits int, sep byte) {
	for i := 0; i < len(layout); i++ {
		std, size = stdNone, 0
		switch c := layout[i]; c {
		case 'J':
			if hasPrefixAt(layout, i, "January") {
				std, size = stdLongMonth, 7
			} else if hasPrefixAt(layout, i, "Jan") {
				std, size = stdMonth, 3
			}
		case 'M':
			if hasPrefixAt(layout, i, "Monday") {
				std, size = stdLongWeekDay, 6
			} else if hasPrefixAt(layout, i, "Mon") {
				std, size = stdWeekDay, 3
			} else if hasPrefixAt(layout, i, "MST") {
				std, size = stdTZ, 3
			}
		case '0':
			if hasPrefixAt(layout, i, "002") {
				std, size = stdZeroYearDay, 3
			} else if i+1 < len(layout) && '1' <= layout[i+1] && layout[i+1] <= '6' {
				std = []int{stdZeroMonth, stdZeroDay, stdZeroHour12, stdZeroMinute, stdZeroSecond, stdYear}[layout[i+1]-'1']
				size = 2
			}
		case '1':
			if hasPrefixAt(layout, i, "15") {
				std, size = stdHour, 2
			} else {
				std, size = stdNumMonth, 1
			}
		case '2':
			if hasPrefixAt(layout, i, "2006") {
				std, size = stdLongYear, 4
			} else {
				std, size = stdDay, 1
			}
		case '_':
			// "_2006" is a literal '_' and a year.
			if hasPrefixAt(layout, i, "_2") && !hasPrefixAt(layout, i, "_2006") {
				std, size = stdUnderDay, 2
			} else if hasPrefixAt(layout, i, "__2") {
				std, size = stdUnderYearDay, 3
			}
		case '3':
			std, size = stdHour12, 1
		case '4':
			std, size = stdMinute, 1
		case '5':
			std, size = stdSecond, 1
		case 'P':
			if hasPrefixAt(layout, i, "PM") {
				std, size = stdPM, 2
			}
		case 'p':
			if hasPrefixAt(layout, i, "pm") {
				std, size = stdpm, 2
			}
		case '-', 'Z':
			for _, z := range zoneTokens {
				if hasPrefixAt(layout, i+1, z.text) {
					std, size = z.num, 1+len(z.text)
					if c == 'Z' {
						std = z.iso
					}
					break
				}
			}
		case '.', ',':
			// A run of 0s or 9s after a separator, not followed by a digit.
			if i+1 < len(layout) && (layout[i+1] == '0' || layout[i+1] == '9') {
				d := layout[i+1]
				j := i + 1
				for j < len(layout) && layout[j] == d {
					j++
				}
				if j == len(layout) || layout[j] < '0' || layout[j] > '9' {
					std, size, digits, sep = stdFracSecond0, j-i, j-i-1, c
					if d == '9' {
						std = stdFracSecond9
					}
				}
			}
		}
		if std != stdNone {
			return layout[:i], std, size, digits, sep
		}
	}
	return layout, stdNone, 0, 0, 0
}

// appendInt appends x in decimal, zero-padded to width digits (after a
// '-' for a negative x).
func appendInt(b []byte, x int, width int) []byte {
	u := uint64(x)
	if x < 0 {
		b = append(b, '-')
		u = uint64(-x)
	}
	s := itoa(u)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// appendFrac appends the nanoseconds as a fraction of digits digits after
// sep; with trim, trailing zeros are dropped, and all of it when zero.
func appendFrac(b []byte, nsec int, digits int, sep byte, trim bool) []byte {
	var buf [9]byte
	u := nsec
	for i := len(buf) - 1; i >= 0; i-- {
		buf[i] = byte('0' + u%10)
		u /= 10
	}
	if digits > 9 {
		digits = 9
	}
	if trim {
		for digits > 0 && buf[digits-1] == '0' {
			digits--
		}
		if digits == 0 {
			return b
		}
	}
	b = append(b, sep)
	return append(b, buf[:digits]...)
}

// Format: t written after layout, which shows how the reference time Mon
// Jan 2 15:04:05 MST 2006 (Unix time 1136239445, zone -0700) would be
// written; everything that is not a token is copied.
func (t Time) Format(layout string) string {
	return string(t.AppendFormat(make([]byte, 0, len(layout)+10), layout))
}

// AppendFormat is Format appending to b.
func (t Time) AppendFormat(b []byte, layout string) []byte {
	sec, zone, offset := t.abs()
	days := floorDiv(sec, secondsPerDay)
	secOfDay := int(sec - days*secondsPerDay)
	year, month, day := civil(days)
	hour, min, s := secOfDay/3600, secOfDay%3600/60, secOfDay%60
	for layout != "" {
		prefix, std, size, digits, sep := nextToken(layout)
		b = append(b, prefix...)
		if std == stdNone {
			break
		}
		layout = layout[len(prefix)+size:]
		switch std {
		case stdYear:
			y := year
			if y < 0 {
				y = -y
			}
			b = appendInt(b, y%100, 2)
		case stdLongYear:
			b = appendInt(b, year, 4)
		case stdMonth:
			b = append(b, month.String()[:3]...)
		case stdLongMonth:
			b = append(b, month.String()...)
		case stdNumMonth:
			b = appendInt(b, int(month), 0)
		case stdZeroMonth:
			b = appendInt(b, int(month), 2)
		case stdWeekDay:
			b = append(b, t.Weekday().String()[:3]...)
		case stdLongWeekDay:
			b = append(b, t.Weekday().String()...)
		case stdDay:
			b = appendInt(b, day, 0)
		case stdUnderDay:
			if day < 10 {
				b = append(b, ' ')
			}
			b = appendInt(b, day, 0)
		case stdZeroDay:
			b = appendInt(b, day, 2)
		case stdUnderYearDay, stdZeroYearDay:
			yday := int(days-daysFrom(int64(year), January, 1)) + 1
			if std == stdZeroYearDay {
				b = appendInt(b, yday, 3)
				break
			}
			if yday < 100 {
				b = append(b, ' ')
				if yday < 10 {
					b = append(b, ' ')
				}
			}
			b = appendInt(b, yday, 0)
		case stdHour:
			b = appendInt(b, hour, 2)
		case stdHour12, stdZeroHour12:
			hr := hour % 12
			if hr == 0 {
				hr = 12
			}
			if std == stdZeroHour12 {
				b = appendInt(b, hr, 2)
			} else {
				b = appendInt(b, hr, 0)
			}
		case stdMinute:
			b = appendInt(b, min, 0)
		case stdZeroMinute:
			b = appendInt(b, min, 2)
		case stdSecond:
			b = appendInt(b, s, 0)
		case stdZeroSecond:
			b = appendInt(b, s, 2)
		case stdPM, stdpm:
			pm := hour >= 12
			switch {
			case std == stdPM && pm:
				b = append(b, "PM"...)
			case std == stdPM:
				b = append(b, "AM"...)
			case pm:
				b = append(b, "pm"...)
			default:
				b = append(b, "am"...)
			}
		case stdTZ:
			if zone != "" {
				b = append(b, zone...)
				break
			}
			// An unnamed zone is written as its offset, -0700 style.
			b = appendOffset(b, offset, true, false, false)
		case stdFracSecond0, stdFracSecond9:
			b = appendFrac(b, int(t.nsec), digits, sep, std == stdFracSecond9)
		default: // the numeric zones
			iso := std <= stdISO8601ColonSecondsTZ
			if iso && offset == 0 {
				b = append(b, 'Z')
				break
			}
			colon := std == stdISO8601ColonTZ || std == stdNumColonTZ ||
				std == stdISO8601ColonSecondsTZ || std == stdNumColonSecondsTZ
			short := std == stdISO8601ShortTZ || std == stdNumShortTZ
			secs := std == stdISO8601SecondsTZ || std == stdNumSecondsTz ||
				std == stdISO8601ColonSecondsTZ || std == stdNumColonSecondsTZ
			b = appendOffset(b, offset, !short, colon, secs)
		}
	}
	return b
}

// appendOffset writes a zone offset as ±hh, then (with minutes) [:]mm,
// then (with seconds) [:]ss. The sign is that of the offset in whole
// minutes, truncated, and the seconds are negated with it: an offset of
// -52 s is "+0000", "+00:00:-52" (gc's output, for a zone of local mean
// time such as Africa/Accra's before 1918).
func appendOffset(b []byte, offset int, minutes, colon, seconds bool) []byte {
	m, s := offset/60, offset%60
	if m < 0 {
		b = append(b, '-')
		m, s = -m, -s
	} else {
		b = append(b, '+')
	}
	b = appendInt(b, m/60, 2)
	if minutes {
		if colon {
			b = append(b, ':')
		}
		b = appendInt(b, m%60, 2)
	}
	if seconds {
		if colon {
			b = append(b, ':')
		}
		b = appendInt(b, s, 2)
	}
	return b
}

// String: t as "2006-01-02 15:04:05.999999999 -0700 MST", followed, for a
// time with a monotonic reading, by " m=±s.nnnnnnnnn" (that reading in
// seconds).
func (t Time) String() string {
	b := t.AppendFormat(nil, "2006-01-02 15:04:05.999999999 -0700 MST")
	if t.mono != 0 {
		m := uint64(t.mono)
		sign := byte('+')
		if t.mono < 0 {
			sign = '-'
			m = -m
		}
		b = append(b, " m="...)
		b = append(b, sign)
		b = append(b, itoa(m/1e9)...)
		b = appendFrac(b, int(m%1e9), 9, '.', false)
	}
	return string(b)
}

// GoString: t as the Go expression that makes it (fmt's %#v), e.g.
// time.Date(2009, time.November, 10, 23, 0, 0, 0, time.UTC).
func (t Time) GoString() string {
	year, month, day := t.Date()
	hour, min, sec := t.Clock()
	b := []byte("time.Date(")
	b = appendInt(b, year, 0)
	if January <= month && month <= December {
		b = append(b, ", time."...)
		b = append(b, month.String()...)
	} else {
		b = append(b, ", "...)
		b = appendInt(b, int(month), 0)
	}
	for _, v := range []int{day, hour, min, sec, int(t.nsec)} {
		b = append(b, ", "...)
		b = appendInt(b, v, 0)
	}
	b = append(b, ", "...)
	switch loc := t.Location(); loc {
	case UTC, nil:
		b = append(b, "time.UTC"...)
	case Local:
		b = append(b, "time.Local"...)
	default:
		b = append(b, "time.Location("...)
		b = append(b, quote(loc.name)...)
		b = append(b, ')')
	}
	return string(append(b, ')'))
}

// quote: s in double quotes as gc's time package quotes names and
// durations in its errors: '"' and '\\' escaped, and every byte below
// ' ' or outside ASCII as \xNN.
func quote(s string) string {
	const hex = "0123456789abcdef"
	b := []byte{'"'}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c < ' ' || c >= 0x80:
			b = append(b, '\\', 'x', hex[c>>4], hex[c&15])
		default:
			b = append(b, c)
		}
	}
	return string(append(b, '"'))
}
