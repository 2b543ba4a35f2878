// Failing tests in local directory mode: the log of each failed test
// below its --- FAIL line, subtests indented, helpers' call sites.
package fail

import "testing"

func check(t *testing.T, got, want int) {
	t.Helper()
	if got != want {
		t.Errorf("got %d, want %d", got, want)
	}
}

func TestPasses(t *testing.T) {
	t.Log("hidden")
}

func TestError(t *testing.T) {
	t.Log("before")
	t.Error("first failure")
	t.Errorf("second: %v", []int{1, 2})
	t.Log("after: the test goes on")
}

func TestFatal(t *testing.T) {
	defer func() { t.Log("deferred log runs") }()
	t.Fatal("stop here")
	t.Log("not reached")
}

func TestHelper(t *testing.T) {
	check(t, 1, 1)
	check(t, 1, 2)
}

func TestSub(t *testing.T) {
	t.Run("ok", func(t *testing.T) { t.Log("passing subtest: hidden") })
	t.Run("bad", func(t *testing.T) {
		t.Log("multi\nline\nlog")
		t.FailNow()
	})
	if t.Failed() {
		t.Log("parent sees the failure")
	}
}
