// run

// Pointer flow (codegen/leaks.rs): slice literals, variadic arguments and
// local arrays whose addresses cannot outlive their function live in its
// frame; those that can must not. Each case checks its values after other
// calls have reused the stack.

package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// clobber writes over the stack below its caller.
func clobber(n int) int {
	var junk [64]int
	for i := range junk {
		junk[i] = n*1000 + i
	}
	if n == 0 {
		return junk[7]
	}
	return clobber(n-1) + junk[n%64]
}

// bytes.NewBuffer keeps its argument: the array must outlive the frame.
func kept() *bytes.Buffer {
	var buf [16]byte
	copy(buf[:], "kept bytes")
	return bytes.NewBuffer(buf[:10])
}

// bytes.TrimSpace returns part of its argument.
func trimmed() []byte {
	var buf [16]byte
	copy(buf[:], "  trimmed  ")
	return bytes.TrimSpace(buf[:11])
}

// append may return its first operand's array.
func appended() []int {
	return append([]int{1, 2, 3, 4}[:2], 9)
}

var saved []any

// A user function's parameter is assumed to leak.
func keep(xs ...any) { saved = xs }

var global []string

// A local slice stored in a global.
func stored() {
	s := []string{"g1", "g2"}
	global = s[:1]
}

// strconv.AppendInt's result aliases its first operand: a local array
// sliced in a loop, kept across iterations.
func digits() [][]byte {
	var out [][]byte
	for i := 0; i < 3; i++ {
		var buf [8]byte
		b := strconv.AppendInt(buf[:0], int64(100+i), 10)
		out = append(out, b)
	}
	return out
}

// A variadic call in a loop: one frame slot, every call sees its own values.
func joined() string {
	var parts []string
	for i := 0; i < 4; i++ {
		parts = append(parts, fmt.Sprint(i, "-", i*i))
	}
	return strings.Join(parts, ",")
}

// A slice literal flowing through locals to calls that do not keep it.
func sorted() []int {
	s := []int{5, 3, 9, 1}
	t := s[1:]
	slices.Sort(t)
	return slices.Clone(s)
}

// Recursion: each activation's variadic arguments are its own.
func nested(n int) string {
	if n == 0 {
		return "."
	}
	return fmt.Sprint("(", n, nested(n-1), ")")
}

// A goroutine's arguments outlive the statement.
func spawned() string {
	var wg sync.WaitGroup
	var mu sync.Mutex
	var got []string
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(xs ...int) {
			defer wg.Done()
			clobber(3)
			mu.Lock()
			got = append(got, fmt.Sprint(xs))
			mu.Unlock()
		}(i, i+1)
	}
	wg.Wait()
	slices.Sort(got)
	return strings.Join(got, " ")
}

// Deferred calls evaluate their arguments at the defer statement.
func deferred() (out string) {
	var b strings.Builder
	defer func() { out = b.String() }()
	defer fmt.Fprint(&b, "d", []int{7, 8}, "|")
	clobber(5)
	fmt.Fprint(&b, "first|")
	return ""
}

// A panic value made from a slice literal.
func panicked() (msg string) {
	defer func() { msg = fmt.Sprint(recover()) }()
	xs := []string{"p", "q"}
	panic(xs)
}

// errors.Join keeps its errors (not the slice).
func joinedErrs() error {
	return errors.Join([]error{errors.New("e1"), errors.New("e2")}...)
}

// A local array passed by address to a library method that keeps it.
func buffered() string {
	var arr [32]byte
	var b bytes.Buffer
	b.Write(arr[:4])
	b.WriteString("buffered")
	return b.String()
}

func main() {
	b := kept()
	tr := trimmed()
	ap := appended()
	keep(1, "two", 3.0)
	stored()
	ds := digits()
	clobber(20)
	fmt.Println(b.String(), string(tr), ap, saved, global)
	for _, d := range ds {
		fmt.Print(string(d), " ")
	}
	fmt.Println()
	fmt.Println(joined(), sorted(), nested(4))
	fmt.Println(spawned())
	fmt.Println(deferred(), panicked(), joinedErrs())
	fmt.Println(len(buffered()), strings.TrimLeft(buffered(), "\x00"))
	fmt.Fprintln(os.Stdout, "done", clobber(2) > 0)
}
