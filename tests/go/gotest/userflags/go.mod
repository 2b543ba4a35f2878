// run
// deft-test: -v -run=TestA|TestB -count=1 -args -update -name=x rest

// A test package with flags of its own, parsed with the testing flags by
// flag.Parse in TestMain (go test's flags and the words after -args in one
// command line; flag.Lookup sees the testing flags).
module example.com/userflags

go 1.27
