// gcstress: allocates about 20 GB in short-lived slices, strings, maps and
// closures while keeping about 10 MB live (a ring of retained objects that
// is slowly replaced). Prints a checksum. Measures the collector: compare
// time and peak RSS against gc.
package main

import "fmt"

type rec struct {
	buf  []byte
	name string
	m    map[int]int
	f    func() int
	next *rec
}

const ringSize = 4096 // retained records: ~10 MB live in total

const gcTotal = 20 << 30 // bytes allocated in all

func main() {
	ring := make([]*rec, ringSize)
	sum := 0
	total := 0
	for i := 0; total < gcTotal; i++ {
		// Short-lived garbage.
		b := make([]byte, 1024+i%2048)
		b[i%len(b)] = byte(i)
		sum += int(b[i%len(b)])
		total += len(b)
		s := fmt.Sprint(i)
		t := s + "-" + s
		sum += len(t)
		total += 2 * len(t)
		ints := make([]int, 64)
		for j := range ints {
			ints[j] = i + j
		}
		sum += ints[63] & 0xff
		total += 64 * 8
		k := i
		f := func() int { return k * 2 }
		sum += f() & 1
		total += 16
		if i%16 == 0 {
			m := make(map[int]int)
			for j := 0; j < 8; j++ {
				m[j] = i + j
			}
			sum += m[7] & 0xff
			total += 8 * 64
		}
		// Replace one retained record every few iterations.
		if i%8 == 0 {
			r := &rec{buf: make([]byte, 2048), name: t, f: f}
			r.buf[0] = byte(i)
			r.m = map[int]int{i: i}
			slot := (i / 8) % ringSize
			if old := ring[slot]; old != nil {
				old.next = nil // drop the link before the record dies
			}
			r.next = ring[(slot+1)%ringSize]
			if r.next != nil {
				r.next.next = nil // links never chain: the live set stays bounded
			}
			ring[slot] = r
			total += 2048 + 200
		}
	}
	live := 0
	for _, r := range ring {
		if r != nil {
			live += len(r.buf) + len(r.name) + r.f()&1 + len(r.m)
		}
	}
	fmt.Println(sum, live)
}
