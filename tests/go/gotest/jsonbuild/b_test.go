// go test -json of a package that does not build: its diagnostics as
// build-output events, build-fail, then the package's events with the
// FailedBuild field.
package jsonbuild

import "testing"

func TestX(t *testing.T) {
	var s string = 1
	_ = s
}
