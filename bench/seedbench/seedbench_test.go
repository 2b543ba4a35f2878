// Package seedbench holds the seed's headline benchmarks, the figures by
// which Go's open-coded defer change was judged (BenchmarkDefer,
// BenchmarkDefer10, BenchmarkDeferMany and BenchmarkPanicRecover of the
// runtime's tests), written for deft after their shape: each loops over
// deferred calls of a closure that takes three arguments and checks
// recover(). scripts/bench-seed runs them under `go test -bench` and
// `deft test -bench` in one run and prints the two side by side.
package seedbench

import "testing"

// oneDefer defers one call of a closure: the open-coded case.
func oneDefer() {
	defer func(a, b, c int) {
		if r := recover(); r != nil || a != 1 || b != 2 || c != 3 {
			panic("seedbench: deferred call saw a panic or wrong arguments")
		}
	}(1, 2, 3)
}

// tenDefers defers ten calls from a loop, which no compiler open-codes.
func tenDefers() {
	for k := 0; k < 10; k++ {
		defer func(a, b, c int) {
			if r := recover(); r != nil || a != 1 || b != 2 || c != 3 {
				panic("seedbench: deferred call saw a panic or wrong arguments")
			}
		}(1, 2, 3)
	}
}

// recovered defers a closure that must recover, then panics.
func recovered() {
	defer func(a, b, c int) {
		if recover() == nil {
			panic("seedbench: nothing to recover")
		}
	}(1, 2, 3)
	panic("seedbench")
}

// BenchmarkDefer: b.N calls of a function with one open-coded defer.
func BenchmarkDefer(b *testing.B) {
	for n := 0; n < b.N; n++ {
		oneDefer()
	}
}

// BenchmarkDefer10: b.N deferred calls, ten per call of a function that
// defers in a loop.
func BenchmarkDefer10(b *testing.B) {
	for n := 0; n < b.N/10; n++ {
		tenDefers()
	}
}

// BenchmarkDeferMany: b.N deferred calls piled up in the benchmark
// function's own frame, all run when it returns.
func BenchmarkDeferMany(b *testing.B) {
	for n := 0; n < b.N; n++ {
		defer func(a, b, c int) {
			if r := recover(); r != nil || a != 1 || b != 2 || c != 3 {
				panic("seedbench: deferred call saw a panic or wrong arguments")
			}
		}(1, 2, 3)
	}
}

// BenchmarkPanicRecover: b.N panics, each recovered by a deferred call in
// the panicking function.
func BenchmarkPanicRecover(b *testing.B) {
	for n := 0; n < b.N; n++ {
		recovered()
	}
}
