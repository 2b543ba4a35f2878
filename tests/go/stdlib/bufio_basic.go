// run

// Package bufio: Scanner (lines, words, runes, a custom split), Reader
// (ReadString, ReadRune, ReadLine, ReadByte) and a flushed Writer.
package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

func main() {
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	sc := bufio.NewScanner(strings.NewReader("first line\r\n\nthird\nno newline"))
	for n := 1; sc.Scan(); n++ {
		fmt.Fprintf(w, "%d: %q\n", n, sc.Text())
	}
	fmt.Fprintln(w, "err:", sc.Err())
	for _, split := range []bufio.SplitFunc{bufio.ScanWords, bufio.ScanRunes} {
		ws := bufio.NewScanner(strings.NewReader(" one  twö\tthree\n"))
		ws.Split(split)
		var toks []string
		for ws.Scan() {
			toks = append(toks, ws.Text())
		}
		fmt.Fprintf(w, "%q\n", toks)
	}
	commas := bufio.NewScanner(strings.NewReader("a,b,,c"))
	commas.Split(func(data []byte, atEOF bool) (int, []byte, error) {
		for i, c := range data {
			if c == ',' {
				return i + 1, data[:i], nil
			}
		}
		if atEOF && len(data) > 0 {
			return len(data), data, nil
		}
		return 0, nil, nil
	})
	for commas.Scan() {
		fmt.Fprintf(w, "[%s]", commas.Text())
	}
	fmt.Fprintln(w)
	r := bufio.NewReaderSize(strings.NewReader("héllo\nworld\r\nx"), 16)
	line, err := r.ReadString('\n')
	fmt.Fprintf(w, "%q %v\n", line, err)
	rn, size, _ := r.ReadRune()
	b, _ := r.ReadByte()
	fmt.Fprintln(w, rn, size, b)
	l, prefix, err := r.ReadLine()
	fmt.Fprintf(w, "%q %v %v\n", l, prefix, err)
	rest, err := r.ReadString('\n')
	fmt.Fprintf(w, "%q %v\n", rest, err)
	_, err = r.ReadByte()
	fmt.Fprintln(w, err, w.Buffered() > 0)
}
