// Benchmarks with a fixed iteration count: the header lines, the name
// with -GOMAXPROCS, sub-benchmarks, b.Loop, ReportAllocs (figures are
// normalized: only names and units are compared).
package bench

import (
	"strings"
	"testing"
)

var sink string

func BenchmarkRepeat(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sink = strings.Repeat("x", 10)
	}
}

func BenchmarkLoop(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sink = strings.Repeat("y", 100)
	}
}

func BenchmarkSizes(b *testing.B) {
	for _, n := range []int{1, 1000} {
		b.Run(strings.Repeat("n", 1)+string(rune('0'+n%10)), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				sink = strings.Repeat("z", n)
			}
		})
	}
}

func TestNotRun(t *testing.T) {
	t.Fatal("-run=^$ selects no test")
}
