package greet

import "strings"

func Hello(n int) string { return "hello" + strings.Repeat("!", n) }
