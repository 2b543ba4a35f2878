package testing

// What a test changes of the process and has undone when it ends:
// environment variables (Setenv), the working directory (Chdir) and
// temporary directories (TempDir), each undone by a Cleanup, as gc's
// testing does.
//
// Setenv and Chdir change the whole process, so a test that called one
// may not be parallel, nor have a parallel parent (denyParallel; the
// panic message is gc's). A test's temporary directories are numbered 001, 002, ...
// inside one directory named after the test, made on the first call and
// removed with everything in it when the test is over.

import (
	"fmt"
	"os"
	"strings"
	"unicode"
)

const parallelConflict = `testing: test using t.Setenv, t.Chdir, or cryptotest.SetGlobalRandom can not use t.Parallel`

// checkParallel panics if t or a parent of it is parallel, and keeps t
// from becoming so: t is about to change the whole process.
func (t *T) checkParallel() {
	for c := &t.common; c != nil; c = c.parent {
		if c.isParallel {
			panic(parallelConflict)
		}
	}
	t.denyParallel = true
}

// checkParallel is what testing/cryptotest.SetGlobalRandom, which
// changes the whole process's randomness, pulls by `//go:linkname` as
// testing.checkParallel: t.checkParallel.
func checkParallel(t *T) {
	t.checkParallel()
}

// Setenv sets environment variable key to value for the rest of the test
// (os.Setenv) and restores it afterwards.
func (t *T) Setenv(key, value string) {
	t.checkParallel()
	t.common.Setenv(key, value)
}

// Setenv is T.Setenv for benchmarks (which never run in parallel).
func (c *common) Setenv(key, value string) {
	prevValue, ok := os.LookupEnv(key)
	if err := os.Setenv(key, value); err != nil {
		c.Fatalf("cannot set environment variable: %v", err)
	}
	if ok {
		c.Cleanup(func() { os.Setenv(key, prevValue) })
	} else {
		c.Cleanup(func() { os.Unsetenv(key) })
	}
}

// Chdir makes dir the working directory for the rest of the test (and
// $PWD its absolute path), and restores both afterwards. It may not be
// used in parallel tests.
func (t *T) Chdir(dir string) {
	t.checkParallel()
	t.common.Chdir(dir)
}

// Chdir is T.Chdir for benchmarks.
func (c *common) Chdir(dir string) {
	// gc holds a descriptor of the old directory; deft its path.
	oldwd, err := os.Getwd()
	if err != nil {
		c.Fatal(err)
	}
	if err := os.Chdir(dir); err != nil {
		c.Fatal(err)
	}
	if !strings.HasPrefix(dir, "/") {
		dir, err = os.Getwd()
		if err != nil {
			c.Fatal(err)
		}
	}
	c.Setenv("PWD", dir)
	c.Cleanup(func() {
		if err := os.Chdir(oldwd); err != nil {
			panic("testing.Chdir: " + err.Error())
		}
	})
}

// TempDir returns a new temporary directory, removed when the test and
// its subtests are over.
func (c *common) TempDir() string {
	dir, err := c.makeTempDir()
	if err != nil {
		c.Fatalf("TempDir: %v", err)
	}
	return dir
}

func (c *common) makeTempDir() (string, error) {
	c.tempDirMu.Lock()
	if c.tempDir == "" && c.tempDirErr == nil {
		// Named after the test: at most 64 bytes of its name, without
		// the characters that are path separators or glob patterns.
		pattern := c.Name()
		pattern = pattern[:min(len(pattern), 64)]
		pattern = strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsNumber(r) || strings.ContainsRune("!#$%&()+,-.=@^_{}~ ", r) {
				return r
			}
			return -1
		}, pattern)
		c.tempDir, c.tempDirErr = os.MkdirTemp(os.Getenv("GOTMPDIR"), pattern)
		if c.tempDirErr == nil {
			dir := c.tempDir
			c.Cleanup(func() {
				if err := os.RemoveAll(dir); err != nil {
					c.Errorf("TempDir RemoveAll cleanup: %v", err)
				}
			})
		}
	}
	if c.tempDirErr == nil {
		c.tempDirSeq++
	}
	seq, parent, err := c.tempDirSeq, c.tempDir, c.tempDirErr
	c.tempDirMu.Unlock()
	if err != nil {
		return "", err
	}
	dir := fmt.Sprintf("%s%c%03d", parent, os.PathSeparator, seq)
	if err := os.Mkdir(dir, 0o777); err != nil {
		return "", err
	}
	return dir, nil
}
