// Package atomic: atomic memory operations. deft runs one goroutine, so
// plain loads and stores are atomic.
package atomic

// AddInt32 adds delta to *addr and returns the new value.
func AddInt32(addr *int32, delta int32) int32 { *addr += delta; return *addr }

// AddInt64 adds delta to *addr and returns the new value.
func AddInt64(addr *int64, delta int64) int64 { *addr += delta; return *addr }

// AddUint32 adds delta to *addr and returns the new value.
func AddUint32(addr *uint32, delta uint32) uint32 { *addr += delta; return *addr }

// AddUint64 adds delta to *addr and returns the new value.
func AddUint64(addr *uint64, delta uint64) uint64 { *addr += delta; return *addr }

// AddUintptr adds delta to *addr and returns the new value.
func AddUintptr(addr *uintptr, delta uintptr) uintptr { *addr += delta; return *addr }

// LoadInt32 returns *addr.
func LoadInt32(addr *int32) int32 { return *addr }

// LoadInt64 returns *addr.
func LoadInt64(addr *int64) int64 { return *addr }

// LoadUint32 returns *addr.
func LoadUint32(addr *uint32) uint32 { return *addr }

// LoadUint64 returns *addr.
func LoadUint64(addr *uint64) uint64 { return *addr }

// LoadUintptr returns *addr.
func LoadUintptr(addr *uintptr) uintptr { return *addr }

// StoreInt32 sets *addr to val.
func StoreInt32(addr *int32, val int32) { *addr = val }

// StoreInt64 sets *addr to val.
func StoreInt64(addr *int64, val int64) { *addr = val }

// StoreUint32 sets *addr to val.
func StoreUint32(addr *uint32, val uint32) { *addr = val }

// StoreUint64 sets *addr to val.
func StoreUint64(addr *uint64, val uint64) { *addr = val }

// StoreUintptr sets *addr to val.
func StoreUintptr(addr *uintptr, val uintptr) { *addr = val }

// SwapInt32 sets *addr to new and returns the old value.
func SwapInt32(addr *int32, new int32) (old int32) { old, *addr = *addr, new; return }

// SwapInt64 sets *addr to new and returns the old value.
func SwapInt64(addr *int64, new int64) (old int64) { old, *addr = *addr, new; return }

// SwapUint32 sets *addr to new and returns the old value.
func SwapUint32(addr *uint32, new uint32) (old uint32) { old, *addr = *addr, new; return }

// SwapUint64 sets *addr to new and returns the old value.
func SwapUint64(addr *uint64, new uint64) (old uint64) { old, *addr = *addr, new; return }

// CompareAndSwapInt32 sets *addr to new if it is old, and reports whether.
func CompareAndSwapInt32(addr *int32, old, new int32) bool {
	if *addr != old {
		return false
	}
	*addr = new
	return true
}

// CompareAndSwapInt64 sets *addr to new if it is old, and reports whether.
func CompareAndSwapInt64(addr *int64, old, new int64) bool {
	if *addr != old {
		return false
	}
	*addr = new
	return true
}

// CompareAndSwapUint32 sets *addr to new if it is old, and reports whether.
func CompareAndSwapUint32(addr *uint32, old, new uint32) bool {
	if *addr != old {
		return false
	}
	*addr = new
	return true
}

// CompareAndSwapUint64 sets *addr to new if it is old, and reports whether.
func CompareAndSwapUint64(addr *uint64, old, new uint64) bool {
	if *addr != old {
		return false
	}
	*addr = new
	return true
}

// Int32 is an atomic int32.
type Int32 struct{ v int32 }

// Load returns the value.
func (x *Int32) Load() int32 { return x.v }

// Store sets the value.
func (x *Int32) Store(v int32) { x.v = v }

// Add adds delta and returns the new value.
func (x *Int32) Add(delta int32) int32 { x.v += delta; return x.v }

// Int64 is an atomic int64.
type Int64 struct{ v int64 }

// Load returns the value.
func (x *Int64) Load() int64 { return x.v }

// Store sets the value.
func (x *Int64) Store(v int64) { x.v = v }

// Add adds delta and returns the new value.
func (x *Int64) Add(delta int64) int64 { x.v += delta; return x.v }

// Value holds a value of one consistent type.
type Value struct {
	v any
}

// Load returns the value stored (nil before any Store).
func (v *Value) Load() any { return v.v }

// Store sets the value; nil, or a different concrete type than before,
// panics as in gc.
func (v *Value) Store(val any) {
	if val == nil {
		panic("sync/atomic: store of nil value into Value")
	}
	if v.v != nil && !sameType(v.v, val) {
		panic("sync/atomic: store of inconsistently typed value into Value")
	}
	v.v = val
}

// Swap stores new and returns the previous value (nil before any Store),
// with Store's checks.
func (v *Value) Swap(new any) (old any) {
	if new == nil {
		panic("sync/atomic: swap of nil value into Value")
	}
	if v.v != nil && !sameType(v.v, new) {
		panic("sync/atomic: swap of inconsistently typed value into Value")
	}
	old, v.v = v.v, new
	return old
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
	if v.v == nil {
		if old != nil {
			return false
		}
		v.v = new
		return true
	}
	if !sameType(v.v, new) {
		panic("sync/atomic: compare and swap of inconsistently typed value into Value")
	}
	if v.v != old {
		return false
	}
	v.v = new
	return true
}

func sameType(a, b any) bool
