// run

// A program that allocates far more than it keeps: the heap stays small.
package main

import (
	"fmt"
	"runtime"
)

func main() {
	total := 0
	keep := make([][]int, 16)
	for i := 0; i < 4000; i++ {
		s := make([]int, 8192) // 64 KB each, 256 MB in all
		s[i%len(s)] = i
		total += s[i%len(s)]
		keep[i%16] = s
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Println(total, len(keep))
	fmt.Println("collected:", m.NumGC > 0)
	fmt.Println("heap under 64 MB:", m.HeapAlloc < 64<<20)
	fmt.Println("freed most objects:", m.Frees > m.Mallocs/2)
}
