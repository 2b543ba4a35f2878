package tested

import "testing"

func TestH(t *testing.T) {
	if H() != 3 {
		t.Fatal("H")
	}
}
