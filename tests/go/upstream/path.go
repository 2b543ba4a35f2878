// run

// Package path from Go's own source, which reaches internal/bytealg (its
// assembly functions are the runtime's) and internal/cpu.
package main

import (
	"fmt"
	"path"
)

func main() {
	for _, p := range []string{"a/b/../c/./d.go", "/x//y/", "", "../../z", "/.."} {
		fmt.Printf("%q -> %q base %q dir %q ext %q abs %v\n", p, path.Clean(p), path.Base(p), path.Dir(p), path.Ext(p), path.IsAbs(p))
	}
	fmt.Println(path.Join("a", "", "b/", "../c"), path.Join())
	dir, file := path.Split("static/css/site.css")
	fmt.Println(dir, file)
	for _, pat := range []string{"*.go", "a?c", "[a-c]*", "x/*/z", "[!a]b", "a[", "\\*"} {
		for _, name := range []string{"main.go", "abc", "cab", "x/y/z", "bb", "*"} {
			ok, err := path.Match(pat, name)
			if ok || err != nil {
				fmt.Println(pat, name, ok, err)
			}
		}
	}
}
