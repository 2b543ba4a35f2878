// Package unique: canonical handles of comparable values. deft's overlay:
// upstream's finds each type's map, hashes keys and clones values through
// internal/abi's view of gc's type descriptors (a map type's hasher, a
// struct's fields), which deft's descriptors are not.
//
// The canonical copies are found through one map keyed by the value and
// its type (a nil *T, so that equal values of different types stay
// apart). An entry refers to its copy weakly, and a cleanup deletes the
// entry once the copy is unreachable, as upstream's weak map does: a
// value no handle refers to any more may be made anew. The map is behind
// a mutex, so Make is safe for concurrent use.
package unique

import (
	"runtime"
	"sync"
	"unsafe"
	"weak"
)

// Handle is a globally unique identity for some value of type T: two
// handles are equal exactly when the values they were made from are.
type Handle[T comparable] struct {
	value *T
}

// Value returns a shallow copy of the value the handle was made from.
func (h Handle[T]) Value() T {
	return *h.value
}

// zero is what every handle of a zero-size type points to.
var zero uintptr

var (
	mu sync.Mutex
	// canon maps (nil *T, value) to a weak.Pointer[T] to the value's
	// canonical copy.
	canon = map[[2]any]any{}
)

// Make returns the handle of value.
func Make[T comparable](value T) Handle[T] {
	if unsafe.Sizeof(value) == 0 {
		return Handle[T]{(*T)(unsafe.Pointer(&zero))}
	}
	key := [2]any{(*T)(nil), value}
	mu.Lock()
	defer mu.Unlock()
	if w, ok := canon[key]; ok {
		if p := w.(weak.Pointer[T]).Value(); p != nil {
			return Handle[T]{p}
		}
	}
	p := new(T)
	*p = value
	canon[key] = weak.Make(p)
	runtime.AddCleanup(p, forget[T], key)
	return Handle[T]{p}
}

// forget deletes the entry of key once its copy is unreachable (unless a
// new copy took its place meanwhile).
func forget[T comparable](key [2]any) {
	mu.Lock()
	defer mu.Unlock()
	if w, ok := canon[key]; ok && w.(weak.Pointer[T]).Value() == nil {
		delete(canon, key)
	}
}
