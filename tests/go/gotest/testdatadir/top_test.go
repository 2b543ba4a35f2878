package top

import (
	"os"
	"testing"
)

func TestData(t *testing.T) {
	b, err := os.ReadFile("testdata/x.txt")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%q", b)
}
