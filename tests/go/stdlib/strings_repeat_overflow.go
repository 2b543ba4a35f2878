// run

// strings.Repeat and bytes.Repeat of a count whose result cannot be
// allocated panic with gc's runtime error (upstream's Builder.Grow asks
// internal/bytealg.MakeNoZero for the bytes), or with their own message
// when the length overflows; the panics are recovered.
package main

import (
	"bytes"
	"fmt"
	"strings"
)

const maxInt = int(^uint(0) >> 1)

func try(what string, f func()) {
	defer func() { fmt.Printf("%s: %v\n", what, recover()) }()
	f()
}

func main() {
	try("strings maxInt", func() { _ = strings.Repeat("-", maxInt) })
	try("bytes maxInt", func() { _ = bytes.Repeat([]byte("-"), maxInt) })
	try("strings overflow", func() { _ = strings.Repeat("ab", maxInt) })
	try("bytes overflow", func() { _ = bytes.Repeat([]byte("ab"), maxInt) })
	try("strings empty", func() { fmt.Println(len(strings.Repeat("", maxInt))) })
	try("strings small", func() { fmt.Println(strings.Repeat("ab", 3)) })
}
