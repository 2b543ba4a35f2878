// run

// A global whose initializer takes a pointer type's value before that
// type's methods are declared: the dynamic method table must still list
// them (deft once built *T's table when lowering the global).
package main

type File struct {
	fd   int
	name string
}

var Stdout = &File{1, "/dev/stdout"}

var pair = [2]*File{Stdout, {2, "/dev/stderr"}}

func (f *File) Name() string { return f.name }

func (f File) Fd() int { return f.fd }

type named interface{ Name() string }

type fder interface{ Fd() int }

func main() {
	var n named = Stdout
	println(n.Name())
	var d fder = pair[1]
	println(d.Fd())
	var v fder = *pair[0]
	println(v.Fd())
}
