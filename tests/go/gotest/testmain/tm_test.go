package tm

import (
	"fmt"
	"os"
	"testing"
)

func TestMain(m *testing.M) {
	fmt.Println("TestMain: setup")
	setup = "world"
	code := m.Run()
	fmt.Println("TestMain: code", code)
	os.Exit(code)
}

func TestInternal(t *testing.T) {
	if internalOnly() != 42 {
		t.Fatal("internal")
	}
}
