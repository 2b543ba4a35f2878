// The external test package imports an internal package of the tree of
// the package under test: allowed, as go test loads its imports on behalf
// of that package, from its directory.
package xtestinternal_test

import (
	"fmt"
	"testing"

	"example.com/xtestinternal"
	"example.com/xtestinternal/internal/helper"
)

func TestTwice(t *testing.T) {
	if got := helper.Twice(xtestinternal.Three()); got != 6 {
		t.Fatalf("got %d", got)
	}
}

func ExampleThree() {
	fmt.Println(helper.Twice(xtestinternal.Three()))
	// Output: 6
}
