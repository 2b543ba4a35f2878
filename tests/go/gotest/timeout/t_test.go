// A test that runs past -timeout: the binary panics with the running
// tests and every goroutine's trace.
package timeout

import (
	"testing"
	"time"
)

func TestQuick(t *testing.T) {}

func TestSlow(t *testing.T) {
	time.Sleep(5 * time.Second)
}
