// defer-check

// Open-coded defers in their ordinary forms: static calls, closures,
// methods, builtins, func values; and functions with several defers.

package main

type T struct{ n int }

func (t T) show()   { println(t.n) }
func (t *T) bump()  { t.n++ }
func say(s string)  { println(s) }
func two(a, b int)  { println(a, b) }
func nothing()      {}
func res() int      { return 1 }

var fv = func() {}

func static() {
	defer nothing()
	defer say("a")
	defer two(1, 2)
	defer res()
}

func closures(x int) (r int) {
	defer func() { r += x }()
	defer func(v int) { println(v) }(x)
	return x * 2
}

func methods() {
	var t T
	defer t.show()
	defer t.bump()
	p := &t
	defer p.bump()
	defer p.show()
}

func builtins() {
	defer println("bye")
	defer print(1, 2)
	defer recover()
	defer panic("boom")
}

func values() {
	f := say
	defer f("v")
	defer fv()
	var g func()
	defer g()
}

func recovering() (err string) {
	defer func() {
		if r := recover(); r != nil {
			err = r.(string)
		}
	}()
	panic("oops")
}

func main() {
	static()
	println(closures(2))
	methods()
	values()
	println(recovering())
	builtins()
}
