// POSIX TZ rules, the footer of a TZif file: the zone in use after the
// file's last transition, for ever.
//
// A rule is "STD offset [DST [offset] [,start[/time],end[/time]]]":
//
//   - a name is three or more characters other than digits, ',', '+' and
//     '-', or anything in angle brackets ("<+0530>" is named "+0530");
//   - an offset is [+-]hh[:mm[:ss]], hours up to 167, the time to ADD to
//     local time to get UTC (so "EST5" is five hours west); DST's
//     defaults to one hour ahead of STD;
//   - a date is Jn (day n of the year, 1 to 365, February 29 never
//     counted), n (day n, 0 to 365, counting February 29) or Mm.w.d (day d
//     of week w of month m: Sunday is 0, week 5 the month's last such
//     day); time is an offset-like local time of day, 02:00 by default, and
//     may be negative or beyond 24 hours. Without dates, the rule is
//     ",M3.2.0,M11.1.0".
//
// What gc does with them, and so deft: the year a rule is evaluated in is
// sec's UTC year; the DST period is [start, end) of that year, unless end
// comes before start (southern hemisphere), when the two swap roles; a
// rule that does not parse is ignored (the last transition's zone goes
// on).

package time

// A tzRule: a parsed footer; ok is false for "" and what does not parse.
type tzRule struct {
	ok                   bool
	stdName, dstName     string
	stdOffset, dstOffset int // seconds east of UTC
	hasDST               bool
	start, end           ruleDate
}

// A ruleDate: when in its year a DST period begins or ends.
type ruleDate struct {
	kind byte // 'J' (day, 1-365, no leap day), 'D' (day, 0-365), 'M' (mon.week.day)
	day  int
	week int
	mon  int
	time int // seconds after local midnight
}

// parseTZRule parses s; the zero tzRule (ok false) if it is not a rule.
func parseTZRule(s string) tzRule {
	var r tzRule
	var ok bool
	if r.stdName, s, ok = ruleName(s); !ok {
		return tzRule{}
	}
	if r.stdOffset, s, ok = ruleOffset(s); !ok {
		return tzRule{}
	}
	r.stdOffset = -r.stdOffset
	if s == "" || s[0] == ',' {
		r.ok = true
		return r
	}
	if r.dstName, s, ok = ruleName(s); !ok {
		return tzRule{}
	}
	if s == "" || s[0] == ',' {
		r.dstOffset = r.stdOffset + 3600
	} else {
		if r.dstOffset, s, ok = ruleOffset(s); !ok {
			return tzRule{}
		}
		r.dstOffset = -r.dstOffset
	}
	if s == "" {
		s = ",M3.2.0,M11.1.0"
	}
	// ';' is tzcode's (and gc's) alternative to POSIX's ','.
	if s[0] != ',' && s[0] != ';' {
		return tzRule{}
	}
	if r.start, s, ok = ruleDateOf(s[1:]); !ok || s == "" || s[0] != ',' {
		return tzRule{}
	}
	if r.end, s, ok = ruleDateOf(s[1:]); !ok || s != "" {
		return tzRule{}
	}
	r.hasDST, r.ok = true, true
	return r
}

// ruleName: a zone name at the start of s, and the rest.
func ruleName(s string) (name, rest string, ok bool) {
	if s == "" {
		return "", "", false
	}
	if s[0] == '<' {
		for i := 1; i < len(s); i++ {
			if s[i] == '>' {
				return s[1:i], s[i+1:], true
			}
		}
		return "", "", false
	}
	i := 0
	for i < len(s) && !(s[i] >= '0' && s[i] <= '9' || s[i] == ',' || s[i] == '-' || s[i] == '+') {
		i++
	}
	if i < 3 {
		return "", "", false
	}
	return s[:i], s[i:], true
}

// ruleOffset: [+-]hh[:mm[:ss]] at the start of s, in seconds, and the rest.
func ruleOffset(s string) (secs int, rest string, ok bool) {
	neg := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		s = s[1:]
	}
	h, s, ok := ruleNum(s, 0, 24*7)
	if !ok {
		return 0, "", false
	}
	secs = h * 3600
	for _, unit := range []int{60, 1} {
		if s == "" || s[0] != ':' {
			break
		}
		var v int
		if v, s, ok = ruleNum(s[1:], 0, 59); !ok {
			return 0, "", false
		}
		secs += v * unit
	}
	if neg {
		secs = -secs
	}
	return secs, s, true
}

// ruleNum: a decimal number in [min, max] at the start of s, and the rest.
func ruleNum(s string, min, max int) (n int, rest string, ok bool) {
	i := 0
	for ; i < len(s) && '0' <= s[i] && s[i] <= '9'; i++ {
		n = n*10 + int(s[i]-'0')
		if n > max {
			return 0, "", false
		}
	}
	if i == 0 || n < min {
		return 0, "", false
	}
	return n, s[i:], true
}

// ruleDateOf: a date[/time] at the start of s, and the rest.
func ruleDateOf(s string) (d ruleDate, rest string, ok bool) {
	switch {
	case s == "":
		return d, "", false
	case s[0] == 'J':
		d.kind = 'J'
		d.day, s, ok = ruleNum(s[1:], 1, 365)
	case s[0] == 'M':
		d.kind = 'M'
		if d.mon, s, ok = ruleNum(s[1:], 1, 12); !ok || s == "" || s[0] != '.' {
			return d, "", false
		}
		if d.week, s, ok = ruleNum(s[1:], 1, 5); !ok || s == "" || s[0] != '.' {
			return d, "", false
		}
		d.day, s, ok = ruleNum(s[1:], 0, 6)
	default:
		d.kind = 'D'
		d.day, s, ok = ruleNum(s, 0, 365)
	}
	if !ok {
		return d, "", false
	}
	d.time = 2 * 3600
	if s != "" && s[0] == '/' {
		if d.time, s, ok = ruleOffset(s[1:]); !ok {
			return d, "", false
		}
	}
	return d, s, true
}

// at: the zone the rule gives at Unix second sec, as lookup reports it;
// lastTx is the file's last transition, the start of a zone without DST.
func (r *tzRule) at(lastTx, sec int64) (name string, offset int, start, end int64, isDST bool) {
	if !r.hasDST {
		return r.stdName, r.stdOffset, lastTx, omega, false
	}
	// sec's UTC year, and sec's second in it. (gc computes the second of
	// the day with Go's truncated remainder, so before 1970 the year is
	// shifted by a day; deft does the same.)
	days := floorDiv(sec+unixToInternal, secondsPerDay)
	year, _, _ := civil(days)
	yday := days - daysFrom(int64(year), January, 1)
	ysec := yday*secondsPerDay + sec%secondsPerDay
	ystart := sec - ysec

	stdName, dstName := r.stdName, r.dstName
	stdOffset, dstOffset := r.stdOffset, r.dstOffset
	stdDST, dstDST := false, true
	from := int64(r.start.secondInYear(year, stdOffset))
	to := int64(r.end.secondInYear(year, dstOffset))
	if to < from {
		from, to = to, from
		stdName, dstName = dstName, stdName
		stdOffset, dstOffset = dstOffset, stdOffset
		stdDST, dstDST = dstDST, stdDST
	}
	switch {
	case ysec < from:
		return stdName, stdOffset, ystart, ystart + from, stdDST
	case ysec >= to:
		return stdName, stdOffset, ystart + to, ystart + 365*secondsPerDay, stdDST
	}
	return dstName, dstOffset, ystart + from, ystart + to, dstDST
}

// secondInYear: the second of the UTC year at which d falls in year, on
// a clock offset seconds east of UTC.
func (d *ruleDate) secondInYear(year int, offset int) int {
	jan1 := daysFrom(int64(year), January, 1)
	leap := daysFrom(int64(year), March, 1)-daysFrom(int64(year), February, 1) == 29
	var day int
	switch d.kind {
	case 'J':
		day = d.day - 1
		if leap && d.day >= 60 {
			day++
		}
	case 'D':
		day = d.day
	default:
		first := daysFrom(int64(year), Month(d.mon), 1)
		next := daysFrom(int64(year), Month(d.mon)+1, 1)
		if d.mon == 12 {
			next = daysFrom(int64(year)+1, January, 1)
		}
		// January 1, year 1 (day 0) was a Monday.
		dow := int((first + 1) % 7)
		if dow < 0 {
			dow += 7
		}
		dom := d.day - dow // day of the month, from 0, of the first such weekday
		if dom < 0 {
			dom += 7
		}
		for w := 1; w < d.week && dom+7 < int(next-first); w++ {
			dom += 7
		}
		day = int(first-jan1) + dom
	}
	return day*secondsPerDay + d.time - offset
}
