// run

// sort.Sort and sort.Slice on inputs full of equal keys, in many shapes
// and sizes (insertion sort, median of three, ninther, pattern breaking,
// equal-element partitioning, the heap sort fallback): the order of equal
// elements must be gc's.
package main

import (
	"sort"
	"strconv"
	"strings"
)

type arr struct {
	k  [700]int
	id [700]int
	n  int
}

func (a *arr) Len() int           { return a.n }
func (a *arr) Less(i, j int) bool { return a.k[i] < a.k[j] }
func (a *arr) Swap(i, j int) {
	a.k[i], a.k[j] = a.k[j], a.k[i]
	a.id[i], a.id[j] = a.id[j], a.id[i]
}

var seed uint32 = 7

func rnd(n int) int {
	seed = seed*1664525 + 1013904223
	return int(seed>>8) % n
}

func key(shape, i, n, m int) int {
	switch shape {
	case 0:
		return rnd(m)
	case 1:
		return i / 3
	case 2:
		return (n - i) / 2
	case 3:
		return i % m
	case 4:
		return 5
	case 5:
		if i%17 == 0 {
			return rnd(m)
		}
		return i
	case 6:
		if i < n/2 {
			return i
		}
		return n - i
	}
	return (i * 7919) % (m + 1)
}

func main() {
	sizes := []int{0, 1, 2, 5, 12, 13, 20, 49, 50, 51, 64, 100, 127, 200, 333, 500, 699}
	total := 0
	for shape := 0; shape < 8; shape++ {
		for _, n := range sizes {
			for _, m := range []int{2, 5, 50} {
				a := new(arr)
				a.n = n
				for i := 0; i < n; i++ {
					a.k[i] = key(shape, i, n, m)
					a.id[i] = i
				}
				sort.Sort(a)
				h := 0
				for i := 0; i < n; i++ {
					h = (h*31 + a.id[i]) % 1000000007
					if i > 0 && a.k[i] < a.k[i-1] {
						println("unsorted", shape, n, m)
					}
				}
				total = (total + h) % 1000000007
				print(h, " ")

				if n == 0 {
					continue
				}
				s := strings.Split(strings.Repeat(",", n-1), ",")
				for i := range s {
					s[i] = strconv.Itoa(key(shape, i, n, m)) + ":" + strconv.Itoa(i)
				}
				k := func(i int) int { v, _ := strconv.Atoi(s[i][:strings.IndexByte(s[i], ':')]); return v }
				sort.Slice(s, func(i, j int) bool { return k(i) < k(j) })
				println(strings.Join(s[:n/10+1], ","))
			}
		}
		println()
	}
	println(total)
}
