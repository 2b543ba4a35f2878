// run

// A godebug block in go.mod sets the program's default (panicnil=1 on a
// go 1.27 module); a go 1.27 module without it gets *runtime.PanicNilError
// (see godebug_directive for the directive form).

module example.com/godebuggomod

go 1.27

godebug (
	panicnil=1
)
