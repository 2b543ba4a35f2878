package bad

import "testing"

func TestX(t *testing.T) {
	var n int = "not an int"
	_ = n
}
