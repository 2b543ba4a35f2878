// Package quote is a third-party module.
package quote

import "example.org/strutil"

func Go() string { return "Don't communicate by sharing memory, share memory by communicating." }

func Shout() string { return strutil.Upper(Go()) }

// Loop shows the language version of this module (go 1.21 in its go.mod):
// one loop variable shared by every iteration.
func Loop() string {
	var fs []func() byte
	for i := 0; i < 3; i++ {
		fs = append(fs, func() byte { return byte('0' + i) })
	}
	var b []byte
	for _, f := range fs {
		b = append(b, f())
	}
	return string(b)
}
