// go test -json in local directory mode: the test binary's output as the
// go command's JSON events (run, output of type frame or error, pause,
// cont, pass, fail, skip), subtests reported as they end, a marker byte
// in a test's log escaped, an example, then `exit status 1` and the
// verdict.
package json

import (
	"fmt"
	"testing"
)

func TestA(t *testing.T) {
	t.Log("hello\x16 there <&>")
	fmt.Println("printed")
	t.Run("sub", func(t *testing.T) {
		t.Error("bad\nsecond line")
		t.Log("after")
	})
	t.Run("ok", func(t *testing.T) {
		t.Run("deeper", func(t *testing.T) {})
	})
}

func TestP(t *testing.T) {
	t.Parallel()
	t.Log("parallel")
}

func TestSkip(t *testing.T) { t.Skip("skipped") }

func Example() {
	fmt.Println("x")
	// Output: x
}
