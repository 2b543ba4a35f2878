// run

// An unrecovered panic deep in the module's packages: the traceback names
// every function by its package's full import path (a method with a
// pointer receiver, a closure, a deferred call, a package whose name is
// not its last path element) and every file by its path in the module.
// A deferred function in another package recovers a runtime error first
// and panics again with a value of its own type.

module example.com/panictrace

go 1.27
