// T.Setenv (restored after the test and its subtests; refused with
// t.Parallel), T.TempDir (numbered directories in one named after the
// test, removed afterwards), T.Chdir (restored, $PWD too) and
// testing.AllocsPerRun.
package env

import (
	"os"
	"strings"
	"testing"
)

const key = "DEFT_GOTEST_ENV"

func TestSetenv(t *testing.T) {
	t.Setenv(key, "outer")
	if v := os.Getenv(key); v != "outer" {
		t.Fatalf("Getenv = %q", v)
	}
	t.Run("sub", func(t *testing.T) {
		t.Setenv(key, "inner")
		t.Log("in sub:", os.Getenv(key))
	})
	t.Log("after sub:", os.Getenv(key))
}

func TestSetenvRestored(t *testing.T) {
	v, ok := os.LookupEnv(key)
	t.Logf("after the test: %q %v", v, ok)
}

func TestSetenvParallel(t *testing.T) {
	t.Parallel()
	defer func() {
		t.Log("recovered:", recover())
	}()
	t.Setenv(key, "x")
}

var lastDir string

func TestTempDir(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	t.Log(strings.HasSuffix(a, "/001"), strings.HasSuffix(b, "/002"), strings.Contains(a, "/TestTempDir"))
	if err := os.Mkdir(a, 0o700); !os.IsExist(err) {
		t.Errorf("Mkdir of an existing directory: %v", err)
	}
	t.Run("sub/x", func(t *testing.T) {
		d := t.TempDir()
		t.Log(strings.Contains(d, "/TestTempDirsubx"), strings.HasSuffix(d, "/001"))
	})
	lastDir = a
}

func TestTempDirRemoved(t *testing.T) {
	// The directory is gone: it can be made again.
	if err := os.Mkdir(strings.TrimSuffix(lastDir, "/001"), 0o700); err != nil {
		t.Fatal(err)
	}
	os.RemoveAll(strings.TrimSuffix(lastDir, "/001"))
	t.Log("removed")
}

func TestAllocs(t *testing.T) {
	var n int
	var sink *[64]byte
	t.Log(testing.AllocsPerRun(100, func() { n++ }))
	t.Log(testing.AllocsPerRun(100, func() { sink = new([64]byte) }))
	_ = sink
}


func TestChdir(t *testing.T) {
	before, _ := os.Getwd()
	t.Run("sub", func(t *testing.T) {
		dir := t.TempDir()
		t.Chdir(dir)
		wd, _ := os.Getwd()
		t.Log(strings.HasSuffix(wd, "/001"), os.Getenv("PWD") == wd)
		t.Chdir("..")
		wd, _ = os.Getwd()
		t.Log(strings.Contains(wd, "/TestChdirsub"), os.Getenv("PWD") == wd)
	})
	after, _ := os.Getwd()
	t.Log("restored:", before == after)
	if err := os.Chdir("/does/not/exist"); err != nil {
		t.Log(err)
	}
}
