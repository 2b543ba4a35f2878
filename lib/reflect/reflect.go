// Package reflect: deft's implementation holds DeepEqual alone so far;
// every other name of Go's package is reported at compile time as not
// supported yet. DeepEqual is the runtime's
// (crates/runtime/src/library/reflect.rs), reading values through their
// type descriptors.
package reflect

// DeepEqual reports whether x and y are "deeply equal", by gc's rules:
// values of identical types whose arrays, structs (every field), slices
// and maps (both nil or both not, the same length, equal elements or
// entries), pointers (equal, or to deeply equal values) and interfaces
// (deeply equal dynamic values) are deeply equal, funcs only when both
// are nil, other values when ==; a reference cycle met again counts as
// equal.
func DeepEqual(x, y any) bool
