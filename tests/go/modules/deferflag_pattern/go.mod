// run
// deft-flags: -gcflags=example.com/deferflagpattern/...=-d=defer

// -gcflags=PATTERN=-d=defer: every package of the module matches, so the
// report covers lib (lib/lib.go, compiled first) and main (./main.go),
// not the standard library.

module example.com/deferflagpattern

go 1.27
