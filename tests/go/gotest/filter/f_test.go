// -run with levels and alternation, -count: which tests and subtests run.
package filter

import "testing"

func TestTop(t *testing.T) { t.Log("top") }

func TestTopper(t *testing.T) { t.Log("topper") }

func TestOther(t *testing.T) { t.Fatal("not selected") }

func TestSub(t *testing.T) {
	for _, n := range []string{"a", "b", "c", "ab"} {
		t.Run(n, func(t *testing.T) { t.Log("sub", n) })
	}
}
