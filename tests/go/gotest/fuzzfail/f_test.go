// Failing fuzz targets: a seed whose call fails is reported under its
// target; subtests and t.Parallel inside the fuzz function; a panicking
// fuzz function ends the binary with go test's report.
package fuzzfail

import "testing"

func FuzzFails(f *testing.F) {
	f.Add(1, "a")
	f.Add(2, "bb")
	f.Fuzz(func(t *testing.T, n int, s string) {
		if n == 2 {
			t.Errorf("n=%d s=%q", n, s)
		}
	})
}

func FuzzSubtests(f *testing.F) {
	f.Add(uint8(1))
	f.Fuzz(func(t *testing.T, b byte) {
		t.Run("inner", func(t *testing.T) { t.Log("b =", b) })
		t.Parallel()
	})
}

func FuzzPanics(f *testing.F) {
	f.Add("x")
	f.Fuzz(func(t *testing.T, s string) { panic("boom " + s) })
}
