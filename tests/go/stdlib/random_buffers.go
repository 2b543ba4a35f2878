// run

// A fixed random sequence of bytes.Buffer and strings.Builder operations;
// lengths, capacities and contents must follow gc step by step.
package main

import (
	"bytes"
	"strconv"
	"strings"
)

var seed uint64 = 0x9E3779B97F4A7C15

func next() uint64 {
	seed ^= seed << 13
	seed ^= seed >> 7
	seed ^= seed << 17
	return seed
}

func main() {
	var b bytes.Buffer
	var sb strings.Builder
	p := []byte("0123456789abcdefghij")
	for i := 0; i < 6000; i++ {
		switch next() % 10 {
		case 0, 1:
			s := strings.Repeat("x", int(next()%100))
			b.WriteString(s)
			sb.WriteString(s)
		case 2:
			b.WriteByte(byte(next()))
			sb.WriteByte('b')
		case 3:
			b.WriteRune(rune(next() % 0x11000))
			sb.WriteRune(rune(next() % 0x11000))
		case 4:
			n, _ := b.Read(p[:next()%20])
			print(n, " ")
		case 5:
			b.Next(int(next() % 50))
		case 6:
			if next()%10 == 0 {
				b.Truncate(b.Len() / 2)
			}
		case 7:
			b.Grow(int(next() % 300))
			if next()%50 == 0 {
				sb.Grow(int(next() % 300))
			}
		case 8:
			s, err := b.ReadString('x')
			print(len(s), err == nil, " ")
		case 9:
			if next()%30 == 0 {
				b.Reset()
			}
			b.ReadRune()
			b.UnreadRune()
		}
		if i%50 == 0 {
			println(i, b.Len(), b.Cap(), sb.Len(), sb.Cap(), len(b.String()), strconv.Quote(string(b.Bytes()[:b.Len()%7])))
		}
	}
}
