package left

import "example.com/onecopy/counter"

func Bump() { counter.Bump() }

func Seen() int { return counter.N }

func Same(p *int) bool { return p == counter.Addr() }
