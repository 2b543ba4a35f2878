// errorcheck

// Unexported names of another package of the module cannot be used: a
// function, a struct field, a method and a type. gc names the package by
// its package name (shapes) where the import path is example.com/unexported/geo.

module example.com/unexported

go 1.27
