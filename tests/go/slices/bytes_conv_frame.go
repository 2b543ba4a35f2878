// run

// Conversions between strings and byte slices whose results stay in the
// frame use a buffer there when they fit, as gc's: a []byte's capacity is
// then the buffer's 32 bytes, zero beyond the string; results that escape
// (stored in globals, appended to a slice) are copies of their own.

package main

import (
	"fmt"
	"strconv"
	"testing"
)

var keep []byte
var keeps string

func main() {
	s := "hello"
	b := []byte(s)
	fmt.Println(len(b), cap(b), string(b[:cap(b)][5:7]) == "\x00\x00")
	b = append(b, " world"...)
	fmt.Println(string(b))
	long := "this string is longer than thirty-two bytes, surely"
	c := []byte(long)
	fmt.Println(len(c), cap(c) >= len(c))
	keep = []byte(s)
	keeps = string(c[:4])
	c[0] = 'X'
	fmt.Println(string(keep), keeps, string(c[:4]))
	n := testing.AllocsPerRun(100, func() {
		x := []byte("a12")
		x[0] = 'z'
		v, _ := strconv.Atoi(string(x[1:]))
		_ = v
	})
	fmt.Println(n)
	var strs []string
	for i := 0; i < 3; i++ {
		bs := []byte{byte('a' + i)}
		strs = append(strs, string(bs))
	}
	fmt.Println(strs)
	for i := 0; i < 3; i++ {
		t := string([]byte{byte('a' + i)})
		fmt.Print(t)
	}
	fmt.Println()
}
