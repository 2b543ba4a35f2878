package sub

import "testing"

func TestFail(t *testing.T) {
	t.Fatalf("failed: %d", 42)
}
