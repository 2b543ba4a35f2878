// Locations: UTC, fixed zones, zones of the system's zone database
// (LoadLocation), and Local, the zone the TZ variable or /etc/localtime
// names — all as gc finds and reads them on Linux.
//
// A Location is a list of zones (an abbreviation, an offset, whether it is
// daylight saving time) and the instants at which the zone in use changes
// (transitions, in Unix seconds, ascending), read from a TZif file
// (tzfile.go); after the last transition a POSIX TZ rule from the file's
// footer (tzrule.go) may take over. A Location never changes once made,
// except Local, which is filled in once (sync.Once) the first time it is
// asked anything, so any goroutine may read any Location.
//
// Where the zone database is searched (gc's order): for LoadLocation, the
// directory named by ZONEINFO, then /usr/share/zoneinfo/,
// /usr/share/lib/zoneinfo/, /usr/lib/locale/TZ/ and /etc/zoneinfo; for
// Local, TZ unset means /etc/localtime (named "Local"), TZ empty or "UTC"
// means UTC, TZ=":/path" or "/path" that file (named by the path, "Local"
// for /etc/localtime), and any other TZ a zone name looked up in the
// system directories. A Local that cannot be loaded is UTC, named "UTC".
// Not read, unlike gc: zip files (a ZONEINFO ending in ".zip", and gc's
// last resort $GOROOT/lib/time/zoneinfo.zip).

package time

import (
	"errors"
	"sync"
)

// A Location maps instants to the zone in use there.
type Location struct {
	name  string
	zones []zone
	tx    []zoneTrans // ascending; never empty when zones is not
	// extend: the TZif footer, a POSIX TZ rule for the instants after the
	// last transition; rule is it parsed (rule.ok false when it is empty
	// or does not parse, and then the last transition's zone goes on).
	extend string
	rule   tzRule
}

// A zone: its abbreviation ("CET"), offset in seconds east of UTC, and
// whether it is daylight saving time.
type zone struct {
	name   string
	offset int
	isDST  bool
}

// A zoneTrans: from Unix second when on, zones[index] is in use.
type zoneTrans struct {
	when  int64
	index uint8
}

// alpha and omega: the first and last Unix seconds, the bounds of a zone
// in use since always or for ever.
const (
	alpha = -1 << 63
	omega = 1<<63 - 1
)

var utcLoc = Location{name: "UTC"}

// localLoc is filled in by initLocal, once, before anything reads it.
var localLoc Location
var localOnce sync.Once

// UTC: Coordinated Universal Time.
var UTC *Location = &utcLoc

// Local: the system's local time zone (see the top of this file).
var Local *Location = &localLoc

// get: l itself, UTC for nil, and for Local the loaded local zone.
func (l *Location) get() *Location {
	if l == nil {
		return &utcLoc
	}
	if l == &localLoc {
		localOnce.Do(initLocal)
	}
	return l
}

// String: the Location's name: "UTC", a FixedZone's name, LoadLocation's
// argument; Local's is "Local", or what TZ names (see the top of this file).
func (l *Location) String() string { return l.get().name }

// The unnamed fixed zones of whole hours from -12 to +14 are made once and
// shared, as in gc (so that equal Times compare equal with ==).
var hourZones []*Location
var hourZonesOnce sync.Once

// FixedZone: a Location whose zone is always name, offset seconds east of
// UTC.
func FixedZone(name string, offset int) *Location {
	hour := offset / 3600
	if name == "" && hour*3600 == offset && -12 <= hour && hour <= 14 {
		hourZonesOnce.Do(func() {
			zs := make([]*Location, 27)
			for i := range zs {
				zs[i] = fixedZone("", (i-12)*3600)
			}
			hourZones = zs
		})
		return hourZones[hour+12]
	}
	return fixedZone(name, offset)
}

func fixedZone(name string, offset int) *Location {
	return &Location{
		name:  name,
		zones: []zone{{name: name, offset: offset}},
		tx:    []zoneTrans{{when: alpha}},
	}
}

// lookup: the zone in use at Unix second sec in l (nil is UTC), and the
// instants [start, end) around sec in which it stays in use — exact near
// a transition; for a footer rule's standard time, possibly just the UTC
// year's bounds (Date, the one caller that uses them, needs no more).
func (l *Location) lookup(sec int64) (name string, offset int, start, end int64, isDST bool) {
	l = l.get()
	if len(l.zones) == 0 {
		return "UTC", 0, alpha, omega, false
	}
	if len(l.tx) == 0 || sec < l.tx[0].when {
		z := &l.zones[l.firstZone()]
		end = omega
		if len(l.tx) > 0 {
			end = l.tx[0].when
		}
		return z.name, z.offset, alpha, end, z.isDST
	}
	// The last transition at or before sec: tx[lo].when <= sec, and sec
	// is before tx[hi] (hi == len means after all of them).
	lo, hi := 0, len(l.tx)
	for hi-lo > 1 {
		m := int(uint(lo+hi) >> 1)
		if sec < l.tx[m].when {
			hi = m
		} else {
			lo = m
		}
	}
	z := &l.zones[l.tx[lo].index]
	start, end = l.tx[lo].when, omega
	if hi < len(l.tx) {
		end = l.tx[hi].when
	}
	if lo == len(l.tx)-1 && l.rule.ok {
		return l.rule.at(start, sec)
	}
	return z.name, z.offset, start, end, z.isDST
}

// firstZone: the zone in use before the first transition: the first zone,
// if no transition uses it; else, when the first transition goes to
// daylight saving time, the nearest standard zone listed before that
// one; else the first standard zone; else the first zone.
func (l *Location) firstZone() int {
	used := false
	for _, t := range l.tx {
		if t.index == 0 {
			used = true
			break
		}
	}
	if !used {
		return 0
	}
	if len(l.tx) > 0 && l.zones[l.tx[0].index].isDST {
		for i := int(l.tx[0].index) - 1; i >= 0; i-- {
			if !l.zones[i].isDST {
				return i
			}
		}
	}
	for i := range l.zones {
		if !l.zones[i].isDST {
			return i
		}
	}
	return 0
}

// errLocation: LoadLocation's answer to a name that cannot be a zone's.
var errLocation = errors.New("time: invalid location name")

// The directories of the system's zone database, in gc's order.
var platformZoneSources = []string{
	"/usr/share/zoneinfo/",
	"/usr/share/lib/zoneinfo/",
	"/usr/lib/locale/TZ/",
	"/etc/zoneinfo",
}

// zoneinfoDir: $ZONEINFO, read once (by the first LoadLocation).
var zoneinfoDir string
var zoneinfoOnce sync.Once

// LoadLocation: the Location named name: UTC for "" and "UTC", Local for
// "Local", else the zone file of that name in the zone database (the
// directory $ZONEINFO first). The errors are gc's: "time: invalid
// location name" for a name with ".." or a leading slash, the system's
// error for a file that cannot be read (other than a missing one),
// "malformed time zone information", and "unknown time zone NAME".
func LoadLocation(name string) (*Location, error) {
	if name == "" || name == "UTC" {
		return UTC, nil
	}
	if name == "Local" {
		return Local, nil
	}
	if containsDotDot(name) || name[0] == '/' || name[0] == '\\' {
		return nil, errLocation
	}
	zoneinfoOnce.Do(func() { zoneinfoDir, _ = getenv("ZONEINFO") })
	var firstErr error
	if zoneinfoDir != "" {
		data, err := readZoneFile(zoneinfoDir, name)
		if err == nil {
			if z, err := LoadLocationFromTZData(name, []byte(data)); err == nil {
				return z, nil
			}
			// gc keeps no error for a malformed file here.
		} else if err != errNoEntry {
			firstErr = err
		}
	}
	z, err := loadLocation(name, platformZoneSources)
	if err == nil {
		return z, nil
	}
	if firstErr == nil {
		firstErr = err
	}
	return nil, firstErr
}

func containsDotDot(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '.' && s[i+1] == '.' {
			return true
		}
	}
	return false
}

// loadLocation: the zone name from the first of the directories sources
// ("" for a name that is a path) where it reads and parses; else the
// first error other than a missing file, or "unknown time zone NAME".
func loadLocation(name string, sources []string) (*Location, error) {
	var firstErr error
	for _, dir := range sources {
		data, err := readZoneFile(dir, name)
		if err == nil {
			var z *Location
			if z, err = LoadLocationFromTZData(name, []byte(data)); err == nil {
				return z, nil
			}
		}
		if firstErr == nil && err != errNoEntry {
			firstErr = err
		}
	}
	if firstErr != nil {
		return nil, firstErr
	}
	return nil, errors.New("unknown time zone " + name)
}

// initLocal fills in localLoc from TZ (see the top of this file).
func initLocal() {
	tz, set := getenv("TZ")
	switch {
	case !set:
		if z, err := loadLocation("localtime", []string{"/etc"}); err == nil {
			localLoc = *z
			localLoc.name = "Local"
			return
		}
	case tz != "":
		if tz[0] == ':' {
			tz = tz[1:]
		}
		if tz != "" && tz[0] == '/' {
			if z, err := loadLocation(tz, []string{""}); err == nil {
				localLoc = *z
				localLoc.name = tz
				if tz == "/etc/localtime" {
					localLoc.name = "Local"
				}
				return
			}
		} else if tz != "" && tz != "UTC" {
			if z, err := loadLocation(tz, platformZoneSources); err == nil {
				localLoc = *z
				return
			}
		}
	}
	localLoc.name = "UTC"
}

func getenv(key string) (value string, found bool)

// Zone: the abbreviated name and the offset in seconds east of UTC of
// t's zone.
func (t Time) Zone() (name string, offset int) {
	name, offset, _, _, _ = t.loc.lookup(t.Unix())
	return
}

// ZoneBounds: the instants, in t's Location, at which the zone in use at
// t began and ends; the zero Time for a zone in use since always or for
// ever.
func (t Time) ZoneBounds() (start, end Time) {
	_, _, s, e, _ := t.loc.lookup(t.Unix())
	if s != alpha {
		start = Unix(s, 0)
		start.setLoc(t.loc)
	}
	if e != omega {
		end = Unix(e, 0)
		end.setLoc(t.loc)
	}
	return
}

// IsDST reports whether t's zone is daylight saving time.
func (t Time) IsDST() bool {
	_, _, _, _, dst := t.loc.lookup(t.Unix())
	return dst
}

// setLoc gives t the Location loc (nil for UTC) and drops its monotonic
// reading.
func (t *Time) setLoc(loc *Location) {
	if loc == &utcLoc {
		loc = nil
	}
	t.loc, t.mono = loc, 0
}
