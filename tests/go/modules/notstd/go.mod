// errorcheck

// Imports that name no package: "strngs" (no dot in its first element,
// so it would be in the standard library, and is not), and
// "container/stack" (a directory of the standard library that does not
// exist).

module example.com/notstd

go 1.27
