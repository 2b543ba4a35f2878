package p

// A `:=` with a type switch guard but a left side that is not one name is
// no guard: as a switch condition it is a syntax error, and the checker
// (which reports non-names) never runs.
func f(x interface{}) {
	switch main() := x.(type) {
	}
	switch a, b := x.(type) {
	}
	_ = x.y := 1
}
