// run

// Files through upstream package os: writing, appending, reading, seeking,
// stat and lstat, errors as *fs.PathError with gc's texts, directories
// made and removed, renames, symlinks, temporary files and directories,
// fs.FS over a directory, and filepath's walks and globs.

package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

func main() {
	dir, err := os.MkdirTemp("", "osfiles-*")
	if err != nil {
		fmt.Println("MkdirTemp:", err)
		return
	}
	defer os.RemoveAll(dir)
	name := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(name, []byte("hello\nworld\n"), 0o644); err != nil {
		fmt.Println("WriteFile:", err)
	}
	b, err := os.ReadFile(name)
	fmt.Printf("%q %v\n", b, err)
	f, err := os.OpenFile(name, os.O_APPEND|os.O_WRONLY, 0)
	fmt.Println(err)
	n, err := f.WriteString("more\n")
	fmt.Println(n, err, f.Close())
	fi, err := os.Stat(name)
	fmt.Println(fi.Name(), fi.Size(), fi.Mode(), fi.IsDir(), err)
	_, err = os.Stat(filepath.Join(dir, "missing"))
	var pe *fs.PathError
	fmt.Println(strings.ReplaceAll(err.Error(), dir, "DIR"), errors.Is(err, fs.ErrNotExist), os.IsNotExist(err), errors.As(err, &pe))
	_, err = os.Open(filepath.Join(dir, "missing"))
	fmt.Println(strings.ReplaceAll(err.Error(), dir, "DIR"))
	if err := os.MkdirAll(filepath.Join(dir, "x", "y", "z"), 0o755); err != nil {
		fmt.Println(err)
	}
	os.WriteFile(filepath.Join(dir, "x", "y", "b.txt"), []byte("b"), 0o600)
	os.WriteFile(filepath.Join(dir, "x", "c.txt"), []byte("cc"), 0o600)
	entries, err := os.ReadDir(dir)
	for _, e := range entries {
		fmt.Println(e.Name(), e.IsDir(), e.Type())
	}
	var walked []string
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		rel, _ := filepath.Rel(dir, path)
		walked = append(walked, rel)
		return nil
	})
	fmt.Println(walked)
	filepath.Walk(dir, func(path string, info os.FileInfo, err error) error {
		rel, _ := filepath.Rel(dir, path)
		fmt.Println("walk", rel, info.IsDir(), info.Size())
		return nil
	})
	matches, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	for i := range matches {
		matches[i] = filepath.Base(matches[i])
	}
	sort.Strings(matches)
	fmt.Println(matches)
	tf, err := os.CreateTemp(dir, "tmp-*.dat")
	fmt.Println(err, strings.HasPrefix(filepath.Base(tf.Name()), "tmp-"), strings.HasSuffix(tf.Name(), ".dat"))
	tf.Write([]byte("0123456789"))
	tf.Seek(3, io.SeekStart)
	buf := make([]byte, 4)
	n, err = tf.Read(buf)
	fmt.Println(n, err, string(buf))
	n, err = tf.ReadAt(buf, 8)
	fmt.Println(n, err, string(buf[:n]))
	tf.Close()
	_, err = tf.Write([]byte("x"))
	fmt.Println(strings.ReplaceAll(err.Error(), tf.Name(), "TMPFILE"))
	err = os.Remove(filepath.Join(dir, "x"))
	fmt.Println(strings.ReplaceAll(err.Error(), dir, "DIR"))
	fmt.Println(os.Rename(name, filepath.Join(dir, "renamed.txt")))
	_, err = os.Lstat(name)
	fmt.Println(os.IsNotExist(err))
	fmt.Println(os.Symlink("renamed.txt", filepath.Join(dir, "link")))
	l, err := os.Readlink(filepath.Join(dir, "link"))
	fmt.Println(l, err)
	li, _ := os.Lstat(filepath.Join(dir, "link"))
	fmt.Println(li.Mode()&fs.ModeSymlink != 0)
	fmt.Println(os.RemoveAll(dir))
	_, err = os.Stat(dir)
	fmt.Println(os.IsNotExist(err))
	fsys := os.DirFS("/etc")
	_, err = fs.Stat(fsys, "hostname")
	fmt.Println(err)
}
