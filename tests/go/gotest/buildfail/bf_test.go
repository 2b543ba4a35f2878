// A test file that does not compile: go test reports the errors and
// FAIL ... [build failed].
package bf

import "testing"

func TestF(t *testing.T) {
	var s string = F()
	_ = s
}
