// A test that panics, in package list mode: the test and its parent are
// reported failed, then the panic ends the test binary.
package panicky

import "testing"

func TestFirst(t *testing.T) {
	t.Log("first passes")
}

func TestPanics(t *testing.T) {
	t.Run("inner", func(t *testing.T) {
		t.Log("about to panic")
		var m map[string]int
		m["x"] = 1
	})
}

func TestNeverRuns(t *testing.T) {
	t.Log("not reached")
}
