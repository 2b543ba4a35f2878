// -failfast stops after the first failing test; -short is seen by tests.
package failfast

import "testing"

func TestShort(t *testing.T) {
	if !testing.Short() {
		t.Fatal("-short not seen")
	}
}

func TestFails(t *testing.T) { t.Error("first failure") }

func TestAfter(t *testing.T) { t.Error("not run with -failfast") }
