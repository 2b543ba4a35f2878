// Value: an interface value loaded and stored atomically.
//
// A Value points at an immutable box holding the interface value; every
// change publishes a new box with one pointer compare-and-swap, so a Load
// sees a whole value and two racing first stores of different types
// cannot both succeed (the loser retries, sees the winner's type, and
// panics as gc does).

package atomic

import "unsafe"

// Value holds a value of one consistent type; the zero value holds nil.
type Value struct {
	box unsafe.Pointer // *boxed, nil before the first store
}

// boxed is the interface value a Value points at; never changed once
// published.
type boxed struct{ v any }

func (v *Value) current() *boxed { return (*boxed)(LoadPointer(&v.box)) }

// publish replaces box old with one holding x, reporting whether v still
// held old.
func (v *Value) publish(old *boxed, x any) bool {
	return CompareAndSwapPointer(&v.box, unsafe.Pointer(old), unsafe.Pointer(&boxed{x}))
}

// Load returns the value stored (nil before any Store).
func (v *Value) Load() (val any) {
	if b := v.current(); b != nil {
		return b.v
	}
	return nil
}

// Store sets the value; nil, or a different concrete type than before,
// panics as in gc.
func (v *Value) Store(val any) {
	if val == nil {
		panic("sync/atomic: store of nil value into Value")
	}
	for {
		old := v.current()
		if old != nil && !sameType(old.v, val) {
			panic("sync/atomic: store of inconsistently typed value into Value")
		}
		if v.publish(old, val) {
			return
		}
	}
}

// Swap stores new and returns the previous value (nil before any Store),
// with Store's checks.
func (v *Value) Swap(new any) (old any) {
	if new == nil {
		panic("sync/atomic: swap of nil value into Value")
	}
	for {
		prev := v.current()
		if prev != nil && !sameType(prev.v, new) {
			panic("sync/atomic: swap of inconsistently typed value into Value")
		}
		if v.publish(prev, new) {
			if prev == nil {
				return nil
			}
			return prev.v
		}
	}
}

// CompareAndSwap stores new if the value is old, and reports whether it
// did; old and new must have the type of the values stored.
func (v *Value) CompareAndSwap(old, new any) (swapped bool) {
	if new == nil {
		panic("sync/atomic: compare and swap of nil value into Value")
	}
	if old != nil && !sameType(old, new) {
		panic("sync/atomic: compare and swap of inconsistently typed values")
	}
	for {
		cur := v.current()
		if cur == nil {
			if old != nil {
				return false
			}
		} else {
			if !sameType(cur.v, new) {
				panic("sync/atomic: compare and swap of inconsistently typed value into Value")
			}
			if cur.v != old {
				return false
			}
		}
		if v.publish(cur, new) {
			return true
		}
	}
}

func sameType(a, b any) bool
