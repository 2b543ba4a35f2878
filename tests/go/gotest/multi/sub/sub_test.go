package sub

import "testing"

func TestFail(t *testing.T) {
	t.Log("shown: the package failed")
	t.Fail()
}
