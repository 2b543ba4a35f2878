package p

// Two imports may not declare the same name in a file.
import "unsafe"
import unsafe "unsafe"

var _ = unsafe.Sizeof(0)
