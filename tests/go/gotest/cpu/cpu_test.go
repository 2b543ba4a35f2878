// -cpu: every test runs once per value, every benchmark too, named with
// the value (none for 1); B.RunParallel shares b.N iterations among its
// goroutines (B.SetParallelism of them per GOMAXPROCS).
package cpu

import (
	"sync/atomic"
	"testing"
)

var runs int

func TestCounted(t *testing.T) {
	runs++
	t.Log("run", runs)
}

func BenchmarkParallel(b *testing.B) {
	var total atomic.Int64
	b.SetParallelism(3)
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			total.Add(1)
		}
	})
	if total.Load() != int64(b.N) {
		b.Fatalf("%d iterations, b.N = %d", total.Load(), b.N)
	}
}

func BenchmarkLoop(b *testing.B) {
	for b.Loop() {
	}
	b.ReportMetric(42, "things/op")
}
