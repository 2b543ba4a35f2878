// errorcheck

// An import cycle between packages of the module: a imports b, b imports
// c, c imports a. The go command refuses it before compiling anything and
// prints the chain of imports, each with the file that imports.

module example.com/cycle

go 1.27
