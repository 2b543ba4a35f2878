// run

// Scenario of Go issue 45062: an open-coded defer of a method call through
// an interface, with several arguments, run by the panic machinery after
// a later defer recovered; the arguments must arrive as evaluated.
package main

type Recorder int

func (r *Recorder) Record(a, b, c int, s string) {
	println("method got", a, b, c, s, int(*r))
}

type Valuer int

func (v Valuer) Record(a, b, c int, s string) {
	println("value method got", a, b, c, s, int(v))
}

type recorder interface {
	Record(a, b, c int, s string)
}

var rec Recorder = 42
var iface recorder = &rec

func f(x, y, z int) {
	defer iface.Record(x, y, z, "iface")
	defer Valuer(7).Record(z, y, x, "value")
	defer rec.Record(x*10, y*10, z*10, "direct")
	defer func() { println("recovered:", recover().(string)) }()
	panic("XXX")
}

func main() {
	f(-1, -2, -3)
	println("done")
}
