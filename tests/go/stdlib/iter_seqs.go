// run

// The iterator functions of strings and bytes (Lines, SplitSeq,
// SplitAfterSeq, FieldsSeq, FieldsFuncSeq: deft's packages, returning
// iter.Seq from Go's own package iter) and sync/atomic's Pointer[T].
package main

import (
	"bytes"
	"fmt"
	"strings"
	"sync/atomic"
)

type node struct{ v int }

func main() {
	for _, s := range []string{"", "a", "a\nb", "a\nb\n", "\n\n"} {
		fmt.Printf("%q:", s)
		for l := range strings.Lines(s) {
			fmt.Printf(" %q", l)
		}
		for l := range bytes.Lines([]byte(s)) {
			fmt.Printf(" %q/%d", l, cap(l))
		}
		fmt.Println()
	}
	for _, c := range [][2]string{{"a,b,,c", ","}, {"", ","}, {"abc", ""}, {"", ""}, {"x\xffy", ""}, {"a--b--", "--"}} {
		var got, after []string
		for p := range strings.SplitSeq(c[0], c[1]) {
			got = append(got, p)
		}
		for p := range strings.SplitAfterSeq(c[0], c[1]) {
			after = append(after, p)
		}
		var bgot []string
		for p := range bytes.SplitSeq([]byte(c[0]), []byte(c[1])) {
			bgot = append(bgot, fmt.Sprintf("%s/%d", p, cap(p)))
		}
		for p := range bytes.SplitAfterSeq([]byte(c[0]), []byte(c[1])) {
			bgot = append(bgot, fmt.Sprintf("%s/%d", p, cap(p)))
		}
		fmt.Printf("%q %q %q\n", got, after, bgot)
	}
	for _, s := range []string{"  a b\t\nc  ", "", "   ", "x\xff\u00a0y", "one"} {
		var f, bf []string
		for w := range strings.FieldsSeq(s) {
			f = append(f, w)
		}
		for w := range bytes.FieldsSeq([]byte(s)) {
			bf = append(bf, fmt.Sprintf("%s/%d", w, cap(w)))
		}
		for w := range strings.FieldsFuncSeq(s, func(r rune) bool { return r == 'x' || r == ' ' }) {
			f = append(f, "|"+w)
		}
		for w := range bytes.FieldsFuncSeq([]byte(s), func(r rune) bool { return r == 'b' || r == 0xfffd }) {
			bf = append(bf, "|"+string(w))
		}
		fmt.Printf("%q %q\n", f, bf)
	}
	for l := range strings.Lines("stop\nhere\nnot\n") {
		if l == "here\n" {
			break
		}
		fmt.Print(l)
	}
	var p atomic.Pointer[node]
	fmt.Println(p.Load() == nil)
	a, b := &node{1}, &node{2}
	p.Store(a)
	fmt.Println(p.Load().v, p.CompareAndSwap(b, b), p.CompareAndSwap(a, b), p.Load().v)
	fmt.Println(p.Swap(a).v, p.Load().v)
	var q atomic.Pointer[int]
	fmt.Println(q.Swap(new(int)) == nil)
}
