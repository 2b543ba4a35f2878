// Reading zone files: the TZif format (RFC 8536) of the zone database,
// versions 1 to 3.
//
// A TZif file is a header ("TZif", a version byte, 15 reserved bytes, six
// big-endian 32-bit counts: UT/local indicators, standard/wall indicators,
// leap seconds, transitions, zone types, abbreviation bytes) and a data
// block (the transition times, one zone-type index per transition, the
// zone types as a 32-bit offset, a DST byte and an abbreviation index, the
// NUL-terminated abbreviations, the leap-second records, the indicators).
// Version 2 and 3 files repeat header and block with 64-bit times, then
// end in a footer: a POSIX TZ rule between newlines, for the instants
// after the last transition (tzrule.go). deft reads the 64-bit block when
// there is one (gc does), and ignores leap seconds and the indicators
// (they matter only to POSIX TZ strings without rules, which gc ignores).

package time

import "errors"

// readFile: the file's contents, or its errno (the runtime's, at most
// maxFileSize + 1 bytes).
func readFile(name string) (data string, errno int)

// maxFileSize: the longest zone file read (gc's limit).
const maxFileSize = 10 << 20

// An errnoError is a failed system call's error, printed as gc's syscall
// package prints it.
type errnoError int

// errNoEntry: ENOENT, which the searches of the zone database pass over.
const errNoEntry errnoError = 2

var errnoText = []string{
	2:  "no such file or directory",
	5:  "input/output error",
	6:  "no such device or address",
	13: "permission denied",
	19: "no such device",
	20: "not a directory",
	21: "is a directory",
	22: "invalid argument",
	23: "too many open files in system",
	24: "too many open files",
	36: "file name too long",
	40: "too many levels of symbolic links",
}

func (e errnoError) Error() string {
	if 0 <= e && int(e) < len(errnoText) && errnoText[e] != "" {
		return errnoText[e]
	}
	if e < 0 {
		return "errno -" + itoa(uint64(-e))
	}
	return "errno " + itoa(uint64(e))
}

// readZoneFile: the contents of zone file name in directory dir ("" for
// a name that is a path).
func readZoneFile(dir, name string) (string, error) {
	if dir != "" {
		name = dir + "/" + name
	}
	data, errno := readFile(name)
	if errno != 0 {
		return "", errnoError(errno)
	}
	if len(data) > maxFileSize {
		return "", errors.New("time: file " + name + " is too large")
	}
	return data, nil
}

// errBadData: what a file that is not a TZif file gets.
var errBadData = errors.New("malformed time zone information")

// tzReader takes fields off the front of a TZif file; reading past the
// end sets bad and reads nothing more.
type tzReader struct {
	s   string
	bad bool
}

func (r *tzReader) bytes(n int) string {
	if n < 0 || n > len(r.s) {
		r.s, r.bad = "", true
		return ""
	}
	b := r.s[:n]
	r.s = r.s[n:]
	return b
}

func (r *tzReader) uint32() (uint32, bool) {
	b := r.bytes(4)
	if len(b) < 4 {
		return 0, false
	}
	return uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3]), true
}

func (r *tzReader) uint64() (uint64, bool) {
	hi, ok1 := r.uint32()
	lo, ok2 := r.uint32()
	return uint64(hi)<<32 | uint64(lo), ok1 && ok2
}

// The counts of a TZif header, in file order.
const (
	nUTLocal = iota
	nStdWall
	nLeap
	nTime
	nType
	nChar
)

func (r *tzReader) counts() (n [6]int, ok bool) {
	for i := range n {
		c, ok := r.uint32()
		if !ok {
			return n, false
		}
		n[i] = int(c)
	}
	return n, true
}

// LoadLocationFromTZData: the Location named name described by data, a
// TZif file; "malformed time zone information" if it is not one.
func LoadLocationFromTZData(name string, data []byte) (*Location, error) {
	r := &tzReader{s: string(data)}
	if r.bytes(4) != "TZif" {
		return nil, errBadData
	}
	head := r.bytes(16)
	if len(head) != 16 {
		return nil, errBadData
	}
	version := 0
	switch head[0] {
	case 0:
		version = 1
	case '2':
		version = 2
	case '3':
		version = 3
	default:
		return nil, errBadData
	}
	n, ok := r.counts()
	if !ok {
		return nil, errBadData
	}
	timeSize := 4
	if version > 1 {
		// Skip the 32-bit block and the second header's magic and
		// version; read its counts.
		r.bytes(n[nTime]*5 + n[nType]*6 + n[nChar] + n[nLeap]*8 + n[nStdWall] + n[nUTLocal] + 20)
		if n, ok = r.counts(); !ok {
			return nil, errBadData
		}
		timeSize = 8
	}
	times := &tzReader{s: r.bytes(n[nTime] * timeSize)}
	indices := r.bytes(n[nTime])
	types := &tzReader{s: r.bytes(n[nType] * 6)}
	abbrevs := r.bytes(n[nChar])
	r.bytes(n[nLeap] * (timeSize + 4))
	r.bytes(n[nStdWall])
	r.bytes(n[nUTLocal])
	if r.bad {
		return nil, errBadData
	}
	var extend string
	if rest := r.s; len(rest) > 2 && rest[0] == '\n' && rest[len(rest)-1] == '\n' {
		extend = rest[1 : len(rest)-1]
	}

	if n[nType] == 0 {
		return nil, errBadData
	}
	zones := make([]zone, n[nType])
	for i := range zones {
		off, _ := types.uint32()
		b := types.bytes(2)
		if int(b[1]) >= len(abbrevs) {
			return nil, errBadData
		}
		abbr := abbrevs[b[1]:]
		for j := 0; j < len(abbr); j++ {
			if abbr[j] == 0 {
				abbr = abbr[:j]
				break
			}
		}
		zones[i] = zone{name: abbr, offset: int(int32(off)), isDST: b[0] != 0}
	}
	tx := make([]zoneTrans, n[nTime])
	for i := range tx {
		var when int64
		if timeSize == 4 {
			w, _ := times.uint32()
			when = int64(int32(w))
		} else {
			w, _ := times.uint64()
			when = int64(w)
		}
		if int(indices[i]) >= len(zones) {
			return nil, errBadData
		}
		tx[i] = zoneTrans{when: when, index: indices[i]}
	}
	if len(tx) == 0 {
		// A zone without transitions (Etc/GMT+3) has its first zone
		// always.
		tx = append(tx, zoneTrans{when: alpha})
	}
	return &Location{name: name, zones: zones, tx: tx, extend: extend, rule: parseTZRule(extend)}, nil
}
