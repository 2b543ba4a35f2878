package main
type T struct{ a int; b string }
func (t T) Get() int { return t.a }
func (t *T) Set(v int) { t.a = v }
type I interface{ Get() int; Set(int) }
func main() {
	var t T
	t.Set(1)
	_ = t.Get()
	var i I = t
	var j I = &t
	_ = j
	T{}.Set(2)
	_ = t.c
	_ = t.get
	f := t.Get
	g := (*T).Set
	_, _ = f, g
	_ = i
}
