// Package parse reads tokens, and panics on a bad one.
package parse

import "fmt"

type SyntaxError struct {
	Pos  int
	What string
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("%d: unexpected %s", e.Pos, e.What) }

type Parser struct {
	src string
	pos int
}

func New(src string) *Parser { return &Parser{src: src} }

// Next returns the next token; it panics with a *SyntaxError on a
// character it does not know, and with a string at the end.
func (p *Parser) Next() string {
	for p.pos < len(p.src) && p.src[p.pos] == ' ' {
		p.pos++
	}
	if p.pos == len(p.src) {
		panic("end of input")
	}
	c := p.src[p.pos]
	check := func() {
		if c != '+' && c != '*' && (c < '0' || c > '9') {
			panic(&SyntaxError{p.pos, string(c)})
		}
	}
	check()
	p.pos++
	return string(c)
}

// MustNext is Next.
func (p *Parser) MustNext() string { return p.Next() }
