// run

// Upstream fmt (Go's own source, over deft's reflect) in the corners deft's
// former formatting engine lacked: scanning (Sscanf, Sscan, Sscanln, Fscan),
// Formatter with its flags and width, GoStringer, State.Write, %w wrapping
// several errors, Append*, maps sorted by key, and panics in String
// methods caught as gc's fmt catches them.
package main

import (
	"errors"
	"fmt"
	"strings"
)

type money struct {
	units int
	cur   string
}

func (m money) Format(s fmt.State, verb rune) {
	w, hasW := s.Width()
	p, hasP := s.Precision()
	fmt.Fprintf(s, "[%c w=%d/%v p=%d/%v +%v -%v #%v]%d %s", verb, w, hasW, p, hasP, s.Flag('+'), s.Flag('-'), s.Flag('#'), m.units, m.cur)
}

type id int

func (i id) GoString() string { return fmt.Sprintf("id#%d", int(i)) }

type bad struct{}

func (bad) String() string { panic("no string for you") }

type nilStringer struct{ s string }

func (n *nilStringer) String() string { return n.s }

func main() {
	var name string
	var age int
	var ratio float64
	n, err := fmt.Sscanf("alice 42 0.75", "%s %d %g", &name, &age, &ratio)
	fmt.Println(n, err, name, age, ratio)
	var a, b int
	var word string
	n, err = fmt.Sscan("7 8\nnine", &a, &b, &word)
	fmt.Println(n, err, a, b, word)
	n, err = fmt.Sscanln("1 2\n3", &a, &b)
	fmt.Println(n, err, a, b)
	_, err = fmt.Sscanf("x", "%d", &a)
	fmt.Println(err)
	r := strings.NewReader("10 20 30")
	sum := 0
	for {
		var v int
		if _, err := fmt.Fscan(r, &v); err != nil {
			fmt.Println("end:", err)
			break
		}
		sum += v
	}
	fmt.Println("sum", sum)

	fmt.Printf("%v|%+8.2x|%-#q\n", money{5, "EUR"}, money{6, "USD"}, money{7, "GBP"})
	fmt.Printf("%#v %v %#v\n", id(3), id(4), []id{1, 2})
	fmt.Printf("%v %s\n", bad{}, &bad{})
	var ns *nilStringer
	fmt.Printf("%v %s\n", ns, &nilStringer{"set"})

	e1, e2 := errors.New("first"), errors.New("second")
	werr := fmt.Errorf("both: %w and %w", e1, e2)
	fmt.Println(werr, errors.Is(werr, e1), errors.Is(werr, e2), errors.Unwrap(werr) == nil)
	fmt.Println(string(fmt.Appendf([]byte("x="), "%03d", 7)), string(fmt.Appendln(nil, "a", 1)), string(fmt.Append(nil, 1, 2, "s")))

	m := map[string][]int{"b": {2}, "a": {1, 1}, "c": nil}
	fmt.Printf("%v %d\n", m, map[int]bool{3: true, 1: false, 2: true})
	fmt.Printf("%T %T %T\n", m, werr, money{})
	fmt.Printf("%08.3f|%-8v|%+d|%x|%X|%o|%b|%U|%c\n", 3.14159, "left", 5, "hi", []byte{1, 171}, 64, 5, 0x1F600, 'é')
	fmt.Printf("%!|%z|%d\n", 1)
}
