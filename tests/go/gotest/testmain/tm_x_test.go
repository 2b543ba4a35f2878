package tm_test

import (
	"testing"

	"example.com/tm"
)

func TestExternal(t *testing.T) {
	if got := tm.Greeting(); got != "hello, world" {
		t.Errorf("Greeting() = %q", got)
	}
	t.Log(tm.Greeting())
}
