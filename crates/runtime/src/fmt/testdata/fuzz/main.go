// Command fuzz prints ../../testdata/fuzz.txt, random formatting cases
// with gc 1.27's results, one a line, fields separated by spaces:
//
//	ff  BITS FMT PREC VALUEBITS HEX(result)      strconv.FormatFloat
//	fmt KIND VALUE HEX(format) HEX(result)       Sprintf(format, value)
//
// where KIND is i (int; VALUE decimal), f (float64; VALUE its bits in hex),
// s (string; VALUE hex) or c (VALUE indexes composites below, which
// tests_fuzz.rs builds alike). Run from this directory:
//
//	go run main.go > ../fuzz.txt
package main

import (
	"encoding/hex"
	"fmt"
	"math"
	"math/rand"
	"strconv"
	"strings"
)

// randFloat draws from all magnitudes, with short decimals and exact ties
// mixed in.
func randFloat(r *rand.Rand) float64 {
	switch r.Intn(5) {
	case 0:
		return math.Float64frombits(r.Uint64())
	case 1:
		return float64(r.Intn(100000)) / math.Pow10(r.Intn(8))
	case 2:
		return (float64(r.Intn(2000)) + 0.5) / math.Pow(2, float64(r.Intn(6)))
	case 3:
		return float64(float32(r.NormFloat64() * math.Pow10(r.Intn(40)-20)))
	default:
		return r.NormFloat64() * math.Pow10(r.Intn(600)-300)
	}
}

func randFormat(r *rand.Rand, verbs string) string {
	var b strings.Builder
	b.WriteByte('%')
	for _, f := range "+-# 0" {
		if r.Intn(4) == 0 {
			b.WriteRune(f)
		}
	}
	if r.Intn(2) == 0 {
		fmt.Fprint(&b, r.Intn(25))
	}
	if r.Intn(2) == 0 {
		b.WriteByte('.')
		if r.Intn(6) != 0 {
			fmt.Fprint(&b, r.Intn(20))
		}
	}
	b.WriteByte(verbs[r.Intn(len(verbs))])
	return b.String()
}

type T struct {
	A int
	B string
}

type W struct {
	X interface{}
	E error
}

type S int

func (s S) String() string { return fmt.Sprintf("S%d", int(s)) }

type E int

func (e E) Error() string  { return fmt.Sprintf("err%d", int(e)) }
func (e E) String() string { return fmt.Sprintf("str%d", int(e)) }

type V struct {
	Pub  S
	priv S
}

// composites are operands whose Rust twins tests_fuzz.rs builds in the
// same order.
var composites = []interface{}{
	T{-3, "a b"},
	[]int{1, -20, 300},
	[]string{"x", "", "h\u00e9"},
	[]byte("hi\x00\xff"),
	W{X: 2.5},
	W{},
	[3]int{7, 8, 9},
	&T{1, "p"},
	(*int)(nil),
	[]interface{}{1, "a", nil, T{2, "q"}},
	[]float64{0.1, -2, 1e21},
	complex(1.5, -2),
	true,
	uint8(200),
	int8(-5),
	float32(0.3),
	S(5),
	E(7),
	V{1, 2},
	[]S{1, 2},
	W{S(3), E(4)},
	(*S)(nil),
	map[string]int{"b": 2, "a": 1},
	map[int]S{3: 1, -1: 2},
}

func h(s string) string {
	if s == "" {
		return "-"
	}
	return hex.EncodeToString([]byte(s))
}

func main() {
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 1500; i++ {
		v := randFloat(r)
		bits := []int{32, 64, 64}[r.Intn(3)]
		f := "eEfgGbxX"[r.Intn(8)]
		prec := r.Intn(25) - 5
		if prec < -1 {
			prec = -1
		}
		fmt.Printf("ff %d %c %d %x %s\n", bits, f, prec, math.Float64bits(v), h(strconv.FormatFloat(v, f, prec, bits)))
	}
	for i := 0; i < 800; i++ {
		n := r.Int63n(1<<40) - 1<<39
		if r.Intn(3) == 0 {
			n = int64(r.Intn(300) - 150)
		}
		format := randFormat(r, "vdbxXoOcqU")
		fmt.Printf("fmt i %d %s %s\n", n, h(format), h(fmt.Sprintf(format, int(n))))
	}
	for i := 0; i < 800; i++ {
		v := randFloat(r)
		format := randFormat(r, "vfFeEgGxX")
		fmt.Printf("fmt f %x %s %s\n", math.Float64bits(v), h(format), h(fmt.Sprintf(format, v)))
	}
	for i := 0; i < 1200; i++ {
		k := r.Intn(len(composites))
		format := randFormat(r, "vdsqxXfegtcTwU")
		fmt.Printf("fmt c %d %s %s\n", k, h(format), h(fmt.Sprintf(format, composites[k])))
	}
	words := []string{"", "a", "héllo", "tab\there", "\xff\x00z", "日本語", "quote\"d", "`back`", "\u2028x"}
	for i := 0; i < 400; i++ {
		s := words[r.Intn(len(words))]
		format := randFormat(r, "vsqxX")
		fmt.Printf("fmt s %s %s %s\n", h(s), h(format), h(fmt.Sprintf(format, s)))
	}
}
