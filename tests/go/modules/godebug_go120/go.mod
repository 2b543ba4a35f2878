// run

// GODEBUG defaults follow the main module's go version: under go 1.20,
// panic(nil) is a plain nil panic (panicnil=1, changed in 1.21), so
// recover() returns nil; an unrecovered one prints "panic: nil" with the
// [recovered]-free header of gc 1.27.

module example.com/godebug120

go 1.20
