// go test ./... over a module: one line per package in order (ok, FAIL
// with the failing test's report, ? for no test files, [build failed]
// with the diagnostics on standard error), a final FAIL, exit status 1.
package multi

import "testing"

func TestPass(t *testing.T) { t.Log("not shown: the package passed") }
