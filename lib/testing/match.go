package testing

// Selecting tests by -test.run, -test.bench and -test.skip, and naming
// subtests, as gc does: a pattern is split at unbracketed, unparenthesized
// `/` into one regular expression per level of the name (`TestX/sub`), and
// at such `|` into alternatives; a subtest's name has its spaces turned
// into underscores and is made unique with `#01`, `#02`, ...
//
// deft has no regexp package yet: regexp.go matches the subset of Go's
// syntax such patterns use, and a pattern beyond it is refused as
// unsupported rather than misread.

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
)

// matcher decides which tests run and names subtests.
type matcher struct {
	filter   filterMatch
	skip     filterMatch
	mu       sync.Mutex
	subNames map[string]int32
}

// filterMatch: a split pattern.
type filterMatch interface {
	// matches reports whether the name's elements match, and whether
	// only partially (the pattern has more levels than the name).
	matches(name []string) (ok, partial bool)
}

// simpleMatch: one pattern per level of the name.
type simpleMatch []string

// alternationMatch: patterns of which one must match.
type alternationMatch []filterMatch

func newMatcher(patterns, flagName, skips string) *matcher {
	var filter, skip filterMatch
	if patterns == "" {
		filter = simpleMatch{}
	} else {
		filter = splitRegexp(patterns)
	}
	if skips == "" {
		skip = alternationMatch{}
	} else {
		skip = splitRegexp(skips)
	}
	return &matcher{filter: filter, skip: skip, subNames: map[string]int32{}}
}

// verifyPattern checks every element of a -test.run (-bench, -skip)
// pattern; it reports a bad or unsupported one as gc's testing reports a
// bad one, and returns it.
func verifyPattern(flagName, pattern string) error {
	if pattern == "" {
		return nil
	}
	var check func(m filterMatch, prefix string) error
	check = func(m filterMatch, prefix string) error {
		switch m := m.(type) {
		case simpleMatch:
			for i, s := range m {
				m[i] = rewrite(s)
			}
			for i, s := range m {
				if _, err := compileRegexp(s); err != nil {
					if u, ok := err.(*unsupportedError); ok {
						fmt.Fprintf(os.Stderr, "testing: deft does not support -%s pattern %q yet (%s)\n", strings.TrimPrefix(flagName, "-test."), pattern, u.what)
					} else {
						fmt.Fprintf(os.Stderr, "testing: invalid regexp for %selement %d of %s (%q): %s\n", prefix, i, flagName, s, err)
					}
					return err
				}
			}
		case alternationMatch:
			for i, m := range m {
				if err := check(m, "alternation "+strconv.Itoa(i)+" of "); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return check(splitRegexp(pattern), "")
}

// fullName: the name of subtest subname of c (c nil or the root: a
// top-level test, named as declared), whether it runs, and whether the
// pattern only partially matched.
func (m *matcher) fullName(c *common, subname string) (name string, ok, partial bool) {
	name = subname
	m.mu.Lock()
	defer m.mu.Unlock()
	if c != nil && c.level > 0 {
		name = m.unique(c.name, rewrite(subname))
	}
	elem := strings.Split(name, "/")
	ok, partial = m.filter.matches(elem)
	if !ok {
		return name, false, false
	}
	skip, partialSkip := m.skip.matches(elem)
	if skip && !partialSkip {
		return name, false, false
	}
	return name, ok, partial
}

func (m simpleMatch) matches(name []string) (ok, partial bool) {
	for i, s := range name {
		if i >= len(m) {
			break
		}
		if !matchString(m[i], s) {
			return false, false
		}
	}
	return true, len(name) < len(m)
}

func (m alternationMatch) matches(name []string) (ok, partial bool) {
	for _, m := range m {
		if ok, partial = m.matches(name); ok {
			return ok, partial
		}
	}
	return false, false
}

// splitRegexp splits a pattern at its top-level `/` and `|`.
func splitRegexp(s string) filterMatch {
	a := make(simpleMatch, 0, strings.Count(s, "/"))
	b := make(alternationMatch, 0, strings.Count(s, "|"))
	brackets, parens := 0, 0
	for i := 0; i < len(s); {
		switch s[i] {
		case '[':
			brackets++
		case ']':
			if brackets--; brackets < 0 {
				brackets = 0
			}
		case '(':
			if brackets == 0 {
				parens++
			}
		case ')':
			if brackets == 0 {
				parens--
			}
		case '\\':
			i++
		case '/', '|':
			if brackets == 0 && parens == 0 {
				a = append(a, s[:i])
				if s[i] == '|' {
					b = append(b, a)
					a = make(simpleMatch, 0, len(a))
				}
				s = s[i+1:]
				i = 0
				continue
			}
		}
		i++
	}
	a = append(a, s)
	if len(b) == 0 {
		return a
	}
	return append(b, a)
}

// unique: parent/subname, or with the smallest `#NN` suffix that makes
// it a name not given before.
func (m *matcher) unique(parent, subname string) string {
	base := parent + "/" + subname
	for {
		n := m.subNames[base]
		if n < 0 {
			panic("subtest count overflow")
		}
		m.subNames[base] = n + 1
		if n == 0 && subname != "" {
			prefix, nn := parseSubtestNumber(base)
			if len(prefix) < len(base) && nn < m.subNames[prefix] {
				// base looks like a generated name that is still to come.
				continue
			}
			return base
		}
		name := fmt.Sprintf("%s#%02d", base, n)
		if m.subNames[name] != 0 {
			continue
		}
		return name
	}
}

// parseSubtestNumber splits a name ending in `#NN` into its prefix and
// number (the name itself and 0 when it has none).
func parseSubtestNumber(s string) (prefix string, nn int32) {
	i := strings.LastIndex(s, "#")
	if i < 0 {
		return s, 0
	}
	prefix, suffix := s[:i], s[i+1:]
	if len(suffix) < 2 || (len(suffix) > 2 && suffix[0] == '0') {
		return s, 0
	}
	if suffix == "00" && !strings.HasSuffix(prefix, "/") {
		return s, 0
	}
	n, err := strconv.ParseInt(suffix, 10, 32)
	if err != nil || n < 0 {
		return s, 0
	}
	return prefix, int32(n)
}

// rewrite: a subtest name with spaces as underscores and unprintable
// runes quoted.
func rewrite(s string) string {
	b := []byte{}
	for _, r := range s {
		switch {
		case isSpace(r):
			b = append(b, '_')
		case !strconv.IsPrint(r):
			q := strconv.QuoteRune(r)
			b = append(b, q[1:len(q)-1]...)
		default:
			b = append(b, string(r)...)
		}
	}
	return string(b)
}

func isSpace(r rune) bool {
	if r < 0x2000 {
		switch r {
		case '\t', '\n', '\v', '\f', '\r', ' ', 0x85, 0xA0, 0x1680:
			return true
		}
		return false
	}
	if r <= 0x200a {
		return true
	}
	switch r {
	case 0x2028, 0x2029, 0x202f, 0x205f, 0x3000:
		return true
	}
	return false
}

// The compiled patterns, by text (patterns are few and reused for every
// test name).
var (
	regexpMu    sync.Mutex
	regexpCache = map[string]*regexp{}
)

// matchString reports whether pattern (checked by verifyPattern) matches
// somewhere in s.
func matchString(pattern, s string) bool {
	regexpMu.Lock()
	re := regexpCache[pattern]
	if re == nil {
		var err error
		re, err = compileRegexp(pattern)
		if err != nil {
			regexpMu.Unlock()
			return false
		}
		regexpCache[pattern] = re
	}
	regexpMu.Unlock()
	return re.matchString(s)
}
