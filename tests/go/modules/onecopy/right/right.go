package right

import "example.com/onecopy/counter"

func Bump() { counter.Bump(); counter.Bump() }

func Seen() int { return counter.N }
