// A package with test files only, run with -v: RUN/PASS/SKIP lines,
// logs as they come, subtests and their names, Cleanup order.
package verbose

import (
	"fmt"
	"testing"
)

func TestLogs(t *testing.T) {
	t.Log("one", 2, 3.5)
	t.Logf("formatted %q", "x")
	t.Log("two\nlines")
	t.Cleanup(func() { t.Log("cleanup 1") })
	t.Cleanup(func() { t.Log("cleanup 2") })
}

func TestSubtests(t *testing.T) {
	for _, name := range []string{"a", "b c", "a", ""} {
		t.Run(name, func(t *testing.T) {
			t.Log("running", t.Name())
		})
	}
	t.Run("nested", func(t *testing.T) {
		t.Run("inner", func(t *testing.T) {
			t.Log("deep")
		})
		t.Log("after inner")
	})
}

func TestSkip(t *testing.T) {
	t.Skip("not today")
	t.Log("never")
}

func TestSkipf(t *testing.T) {
	if testing.Short() {
		t.Skipf("short mode %d", 1)
	}
	fmt.Println("printed by the test, verbose:", testing.Verbose())
}
