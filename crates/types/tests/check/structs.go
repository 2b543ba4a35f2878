package main
type P struct{ X, Y int }
type Q struct{ P; Z int }
func main() {
	q := Q{P{1, 2}, 3}
	_ = q.X + q.P.Y + q.Z
	_ = P{1}
	_ = P{1, 2, 3}
	_ = P{X: 1, W: 2}
	_ = P{X: 1, X: 2}
	_ = &P{}
	pp := &q
	pp.X = 3
	var a [3]int
	a[5] = 1
	_ = a[1:2]
	m := map[string]P{}
	m["a"].X = 1
}
