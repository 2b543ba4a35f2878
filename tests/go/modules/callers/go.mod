// run

// Function names as the runtime reports them: runtime.Caller with
// runtime.FuncForPC, and runtime.Callers with CallersFrames, name
// functions of the module's packages by full import path (methods,
// closures, a package named differently from its directory) and package
// main's as main.*. File names are printed from their directory on.

module example.com/callers

go 1.27
