// Pointer[T]: an atomic *T, on the pointer intrinsics.

package atomic

import "unsafe"

// Pointer is a *T whose every access is atomic; the zero value is nil.
type Pointer[T any] struct {
	// Makes Pointer[A] and Pointer[B] inconvertible, as in gc.
	_ [0]*T
	v unsafe.Pointer
}

// Load atomically loads x.
func (x *Pointer[T]) Load() *T { return (*T)(LoadPointer(&x.v)) }

// Store atomically stores val into x.
func (x *Pointer[T]) Store(val *T) { StorePointer(&x.v, unsafe.Pointer(val)) }

// Swap atomically stores new into x and returns the previous value.
func (x *Pointer[T]) Swap(new *T) (old *T) { return (*T)(SwapPointer(&x.v, unsafe.Pointer(new))) }

// CompareAndSwap atomically stores new into x if it holds old, and reports whether it did.
func (x *Pointer[T]) CompareAndSwap(old, new *T) (swapped bool) {
	return CompareAndSwapPointer(&x.v, unsafe.Pointer(old), unsafe.Pointer(new))
}
