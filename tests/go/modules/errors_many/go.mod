// errorcheck

// Errors in several packages: the go command loads the whole import
// graph and reports every failing package once, imports before their
// importers, each error with the shortest chain of imports that reaches
// it: a module nothing provides (imported twice), a use of an internal
// package (reached through main -> b, not main -> a -> b), files of two
// packages in one directory (whose own imports still load), and an
// import of a program.

module example.com/errmany

go 1.22
