// errorcheck

// An import of a package of the main module whose directory does not
// exist (example.com/missingpkg/util; the module has utils/), from a
// package other than main.

module example.com/missingpkg

go 1.27
