// run

// runtime.GC and runtime.ReadMemStats: a forced collection is counted,
// and the statistics move the way gc's do.
package main

import (
	"fmt"
	"runtime"
)

var sink []*[64]byte

func main() {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for i := 0; i < 1000; i++ {
		sink = append(sink, new([64]byte))
	}
	sink = nil
	runtime.GC()
	runtime.ReadMemStats(&after)
	fmt.Println("NumGC increased:", after.NumGC > before.NumGC)
	fmt.Println("NumForcedGC increased:", after.NumForcedGC > before.NumForcedGC)
	fmt.Println("TotalAlloc grew by at least 64000:", after.TotalAlloc-before.TotalAlloc >= 64000)
	fmt.Println("Mallocs grew by at least 1000:", after.Mallocs-before.Mallocs >= 1000)
	fmt.Println("Frees <= Mallocs:", after.Frees <= after.Mallocs)
	fmt.Println("HeapObjects == Mallocs-Frees:", after.HeapObjects == after.Mallocs-after.Frees)
	fmt.Println("HeapAlloc <= Sys:", after.HeapAlloc <= after.Sys)
	fmt.Println("EnableGC:", after.EnableGC)
}
