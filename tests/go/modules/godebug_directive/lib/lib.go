package lib

// Catch runs f and returns what recover returns.
func Catch(f func()) (r any) {
	defer func() { r = recover() }()
	f()
	return "no panic"
}
