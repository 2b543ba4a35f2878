// run

// A panic inside a third-party module (from the module cache the harness
// builds from _deps/): the traceback names its functions by full import
// path, example.com/parse.(*Parser).Next.func1, and its files by their
// place in the module cache. A recovered panic's value prints its type
// with the package name: *parse.SyntaxError.

module example.com/thirdpartypanic

go 1.27

require example.com/parse v1.0.0
