package testing

// A small regular-expression matcher for test-selection patterns: the
// part of Go's RE2 syntax that such patterns use, matched as Go's
// regexp.MatchString does (anywhere in the name, leftmost-first
// alternation; a test name has no newline, so the flags that change
// `^`, `$` and `.` at newlines cannot matter).
//
// Supported: literals, `.`, `^`, `$`, `|`, groups `(...)`, `(?:...)`,
// `(?P<name>...)`, `(?<name>...)`; repetition `*`, `+`, `?`, `{n}`,
// `{n,}`, `{n,m}` and their lazy forms; classes `[a-z0-9_]`, `[^...]`;
// escapes of punctuation, `\t\n\r\f\v`, `\d\D\w\W\s\S`. Anything else
// (flags such as `(?i)`, `\b`, Unicode and POSIX classes) is an
// unsupportedError. Malformed patterns get Go's error messages.
//
// Matching backtracks; the patterns and names are short.

type regexp struct {
	alts [][]reNode
}

const (
	reLit = iota
	reAny
	reClass
	reGroup
	reBegin
	reEnd
)

type reNode struct {
	kind   int
	r      rune
	ranges []rune // reClass: lo, hi pairs
	neg    bool
	alts   [][]reNode // reGroup
	min    int
	max    int // -1: no bound
	lazy   bool
}

// unsupportedError: valid syntax deft's matcher does not implement.
type unsupportedError struct{ what string }

func (e *unsupportedError) Error() string { return "deft does not support " + e.what + " in patterns yet" }

// syntaxError: Go's `error parsing regexp: CODE: `EXPR``.
type syntaxError struct{ code, expr string }

func (e *syntaxError) Error() string { return "error parsing regexp: " + e.code + ": `" + e.expr + "`" }

type reParser struct {
	src   []rune
	pos   int
	whole string
	depth int
}

func compileRegexp(s string) (*regexp, error) {
	p := &reParser{src: []rune(s), whole: s}
	alts, err := p.alternation()
	if err != nil {
		return nil, err
	}
	if p.pos < len(p.src) {
		// Only an unmatched ')' stops the top level early.
		return nil, &syntaxError{"unexpected )", s}
	}
	return &regexp{alts}, nil
}

func (p *reParser) more() bool { return p.pos < len(p.src) }
func (p *reParser) peek() rune { return p.src[p.pos] }

func (p *reParser) alternation() ([][]reNode, error) {
	var alts [][]reNode
	for {
		seq, err := p.sequence()
		if err != nil {
			return nil, err
		}
		alts = append(alts, seq)
		if p.more() && p.peek() == '|' {
			p.pos++
			continue
		}
		return alts, nil
	}
}

func (p *reParser) sequence() ([]reNode, error) {
	var seq []reNode
	for p.more() {
		c := p.peek()
		if c == '|' || c == ')' {
			break
		}
		switch c {
		case '*', '+', '?':
			if len(seq) == 0 {
				return nil, &syntaxError{"missing argument to repetition operator", string(c)}
			}
			if err := p.repeat(&seq[len(seq)-1]); err != nil {
				return nil, err
			}
			continue
		case '{':
			if len(seq) > 0 {
				if ok, err := p.braces(&seq[len(seq)-1]); err != nil {
					return nil, err
				} else if ok {
					continue
				}
			}
		}
		n, err := p.atom()
		if err != nil {
			return nil, err
		}
		seq = append(seq, n)
	}
	return seq, nil
}

// repeat applies `*`, `+` or `?` (and a `?` making it lazy) to n.
func (p *reParser) repeat(n *reNode) error {
	start := p.pos
	c := p.src[p.pos]
	p.pos++
	if n.min != 1 || n.max != 1 {
		return &syntaxError{"invalid nested repetition operator", string(p.src[start-1 : p.pos])}
	}
	switch c {
	case '*':
		n.min, n.max = 0, -1
	case '+':
		n.min, n.max = 1, -1
	case '?':
		n.min, n.max = 0, 1
	}
	if p.more() && p.peek() == '?' {
		n.lazy = true
		p.pos++
	}
	return nil
}

// braces applies `{n}`, `{n,}` or `{n,m}` to n; false when the brace
// does not start a repetition (it is then a literal).
func (p *reParser) braces(n *reNode) (bool, error) {
	i := p.pos + 1
	num := func() (int, bool) {
		start := i
		v := 0
		for i < len(p.src) && p.src[i] >= '0' && p.src[i] <= '9' {
			v = v*10 + int(p.src[i]-'0')
			if v > 1000 {
				v = 1001
			}
			i++
		}
		return v, i > start
	}
	lo, ok := num()
	if !ok {
		return false, nil
	}
	hi := lo
	if i < len(p.src) && p.src[i] == ',' {
		i++
		if i < len(p.src) && p.src[i] == '}' {
			hi = -1
		} else if hi, ok = num(); !ok {
			return false, nil
		}
	}
	if i >= len(p.src) || p.src[i] != '}' {
		return false, nil
	}
	text := string(p.src[p.pos : i+1])
	if lo > 1000 || hi > 1000 || (hi >= 0 && hi < lo) {
		return false, &syntaxError{"invalid repeat count", text}
	}
	if n.min != 1 || n.max != 1 {
		return false, &syntaxError{"invalid nested repetition operator", text}
	}
	p.pos = i + 1
	n.min, n.max = lo, hi
	if p.more() && p.peek() == '?' {
		n.lazy = true
		p.pos++
	}
	return true, nil
}

func (p *reParser) atom() (reNode, error) {
	c := p.src[p.pos]
	p.pos++
	one := reNode{min: 1, max: 1}
	switch c {
	case '.':
		one.kind = reAny
	case '^':
		one.kind = reBegin
	case '$':
		one.kind = reEnd
	case '(':
		if p.more() && p.peek() == '?' {
			rest := string(p.src[p.pos:])
			switch {
			case len(rest) >= 2 && rest[:2] == "?:":
				p.pos += 2
			case len(rest) >= 3 && (rest[:3] == "?P<" || rest[:2] == "?<"):
				for p.more() && p.peek() != '>' {
					p.pos++
				}
				if !p.more() {
					return one, &syntaxError{"invalid named capture", p.whole}
				}
				p.pos++
			default:
				return one, &unsupportedError{"flags (?...)"}
			}
		}
		p.depth++
		alts, err := p.alternation()
		if err != nil {
			return one, err
		}
		if !p.more() || p.peek() != ')' {
			return one, &syntaxError{"missing closing )", p.whole}
		}
		p.pos++
		p.depth--
		one.kind = reGroup
		one.alts = alts
	case '[':
		return p.class()
	case '\\':
		return p.escape(false)
	default:
		one.kind = reLit
		one.r = c
	}
	return one, nil
}

// escape parses what follows a backslash: a literal or a class.
func (p *reParser) escape(inClass bool) (reNode, error) {
	one := reNode{kind: reLit, min: 1, max: 1}
	if !p.more() {
		return one, &syntaxError{"trailing backslash at end of expression", ""}
	}
	c := p.src[p.pos]
	p.pos++
	switch c {
	case 't':
		one.r = '\t'
	case 'n':
		one.r = '\n'
	case 'r':
		one.r = '\r'
	case 'f':
		one.r = '\f'
	case 'v':
		one.r = '\v'
	case 'a':
		one.r = 7
	case 'd', 'D':
		one.kind, one.ranges, one.neg = reClass, []rune{'0', '9'}, c == 'D'
	case 'w', 'W':
		one.kind, one.ranges, one.neg = reClass, []rune{'0', '9', 'A', 'Z', '_', '_', 'a', 'z'}, c == 'W'
	case 's', 'S':
		one.kind, one.ranges, one.neg = reClass, []rune{'\t', '\n', '\f', '\r', ' ', ' '}, c == 'S'
	case 'b', 'B', 'A', 'z', 'p', 'P', 'Q', 'x', 'C':
		return one, &unsupportedError{"\\" + string(c)}
	default:
		if c < 0x80 && !('0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			one.r = c
		} else {
			return one, &syntaxError{"invalid escape sequence", "\\" + string(c)}
		}
	}
	return one, nil
}

func (p *reParser) class() (reNode, error) {
	start := p.pos - 1
	one := reNode{kind: reClass, min: 1, max: 1}
	if p.more() && p.peek() == '^' {
		one.neg = true
		p.pos++
	}
	first := true
	for {
		if !p.more() {
			return one, &syntaxError{"missing closing ]", string(p.src[start:])}
		}
		c := p.peek()
		if c == ']' && !first {
			p.pos++
			break
		}
		first = false
		if c == '[' && p.pos+1 < len(p.src) && p.src[p.pos+1] == ':' {
			return one, &unsupportedError{"POSIX classes [:...:]"}
		}
		lo, err := p.classChar(&one)
		if err != nil {
			return one, err
		}
		if lo < 0 {
			continue
		}
		hi := lo
		if p.pos+1 < len(p.src) && p.peek() == '-' && p.src[p.pos+1] != ']' {
			p.pos++
			if hi, err = p.classChar(&one); err != nil {
				return one, err
			}
			if hi < 0 || hi < lo {
				return one, &syntaxError{"invalid character class range", string(p.src[start:p.pos])}
			}
		}
		one.ranges = append(one.ranges, lo, hi)
	}
	return one, nil
}

// classChar: the next character of a class, or -1 when it was an escape
// class (\d ...) whose ranges were added to one.
func (p *reParser) classChar(one *reNode) (rune, error) {
	c := p.src[p.pos]
	p.pos++
	if c != '\\' {
		return c, nil
	}
	n, err := p.escape(true)
	if err != nil {
		return 0, err
	}
	if n.kind == reLit {
		return n.r, nil
	}
	if n.neg {
		return 0, &unsupportedError{"negated escapes in classes"}
	}
	one.ranges = append(one.ranges, n.ranges...)
	return -1, nil
}

// matchString reports whether re matches somewhere in s.
func (re *regexp) matchString(s string) bool {
	in := []rune(s)
	for start := 0; start <= len(in); start++ {
		if matchAlts(re.alts, in, start, func(int) bool { return true }) {
			return true
		}
	}
	return false
}

func matchAlts(alts [][]reNode, in []rune, pos int, k func(int) bool) bool {
	for _, seq := range alts {
		if matchSeq(seq, in, pos, k) {
			return true
		}
	}
	return false
}

func matchSeq(seq []reNode, in []rune, pos int, k func(int) bool) bool {
	if len(seq) == 0 {
		return k(pos)
	}
	rest := seq[1:]
	return matchRepeat(&seq[0], 0, in, pos, func(p int) bool { return matchSeq(rest, in, p, k) })
}

// matchRepeat matches node n, already matched count times up to pos.
func matchRepeat(n *reNode, count int, in []rune, pos int, k func(int) bool) bool {
	canStop := count >= n.min
	canGo := n.max < 0 || count < n.max
	if n.lazy && canStop && k(pos) {
		return true
	}
	if canGo && matchOne(n, in, pos, func(p int) bool {
		if p == pos && canStop {
			return false // an empty iteration changes nothing
		}
		return matchRepeat(n, count+1, in, p, k)
	}) {
		return true
	}
	return !n.lazy && canStop && k(pos)
}

func matchOne(n *reNode, in []rune, pos int, k func(int) bool) bool {
	switch n.kind {
	case reLit:
		return pos < len(in) && in[pos] == n.r && k(pos+1)
	case reAny:
		return pos < len(in) && in[pos] != '\n' && k(pos+1)
	case reClass:
		return pos < len(in) && n.inClass(in[pos]) && k(pos+1)
	case reBegin:
		return pos == 0 && k(pos)
	case reEnd:
		return pos == len(in) && k(pos)
	case reGroup:
		return matchAlts(n.alts, in, pos, k)
	}
	return false
}

func (n *reNode) inClass(r rune) bool {
	in := false
	for i := 0; i+1 < len(n.ranges); i += 2 {
		if n.ranges[i] <= r && r <= n.ranges[i+1] {
			in = true
			break
		}
	}
	return in != n.neg
}
