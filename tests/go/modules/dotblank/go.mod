// run

// Dot, blank and renamed imports across a module's packages: a dot import
// puts a package's exported names in the file's scope, a blank import runs
// only the package's initialization (plugins registering themselves), and
// a renamed import gives the package a local name.

module example.com/dotblank

go 1.27
