// run

// A value method called through a nil pointer in the places gc goes
// through the wrapper (*T).M, which panics with "value method main.T.M
// called using nil *T pointer" instead of faulting on the dereference: a
// method expression (*T).M, and the method of a type parameter whose type
// argument is *T — called directly, or bound as a method value (which
// binds the nil pointer and panics only when called), also for a method of
// a generic type (gc names it main.Box[...].Get); the last one is
// unrecovered. A direct call on a nil *T still faults. (deft-fuzz found
// the type-parameter case.)
package main

type Shower interface{ Show() string }

type P struct{ a int }

func (p P) Show() string { return "P" }

type Box[T any] struct{ v T }

func (b Box[T]) Get() T { return b.v }

type Getter[T any] interface{ Get() T }

func show[T Shower](x T) string { return x.Show() }

func bind[T Shower](x T) func() string {
	f := x.Show
	println("bound")
	return f
}

func get[T any, G Getter[T]](g G) T { return g.Get() }

func try(name string, f func()) {
	defer func() { println(name, recover().(error).Error()) }()
	f()
}

func main() {
	var np *P
	var nb *Box[int]
	try("direct", func() { println(np.Show()) })
	try("method expression", func() { println((*P).Show(np)) })
	try("type parameter", func() { println(show(np)) })
	try("generic receiver", func() { println(get[int](nb)) })
	try("method value", func() { println(bind(np)()) })
	println(show(&P{}), get[int](&Box[int]{7}))
	show(np)
}
