// run
// deft-test: -count=1 -v ./...

// Each package's test binary runs in the package's own directory, as the
// go command runs it: tests find their testdata/ there.

module example.com/testdatadir

go 1.27
