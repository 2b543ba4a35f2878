// Package atomic: atomic memory operations, sequentially consistent as
// Go's memory model asks.
//
// Every function below calls itself: a direct call of one of them is
// compiled to the machine instruction (codegen's intrinsics), the call in
// its own body included, so the body is that instruction and not a
// recursion. The methods of the integer types are intrinsics too (their
// word is the struct's only field, at offset 0); their bodies are kept
// for method values and interfaces.
package atomic

import "unsafe"

// SwapInt32 atomically stores new into *addr and returns the previous value.
func SwapInt32(addr *int32, new int32) (old int32) { return SwapInt32(addr, new) }

// CompareAndSwapInt32 atomically stores new into *addr if it holds old, and reports whether it did.
func CompareAndSwapInt32(addr *int32, old, new int32) (swapped bool) { return CompareAndSwapInt32(addr, old, new) }

// AddInt32 atomically adds delta to *addr and returns the new value.
func AddInt32(addr *int32, delta int32) (new int32) { return AddInt32(addr, delta) }

// AndInt32 atomically ands *addr with mask and returns the old value.
func AndInt32(addr *int32, mask int32) (old int32) { return AndInt32(addr, mask) }

// OrInt32 atomically ors *addr with mask and returns the old value.
func OrInt32(addr *int32, mask int32) (old int32) { return OrInt32(addr, mask) }

// LoadInt32 atomically loads *addr.
func LoadInt32(addr *int32) (val int32) { return LoadInt32(addr) }

// StoreInt32 atomically stores val into *addr.
func StoreInt32(addr *int32, val int32) { StoreInt32(addr, val) }

// SwapInt64 atomically stores new into *addr and returns the previous value.
func SwapInt64(addr *int64, new int64) (old int64) { return SwapInt64(addr, new) }

// CompareAndSwapInt64 atomically stores new into *addr if it holds old, and reports whether it did.
func CompareAndSwapInt64(addr *int64, old, new int64) (swapped bool) { return CompareAndSwapInt64(addr, old, new) }

// AddInt64 atomically adds delta to *addr and returns the new value.
func AddInt64(addr *int64, delta int64) (new int64) { return AddInt64(addr, delta) }

// AndInt64 atomically ands *addr with mask and returns the old value.
func AndInt64(addr *int64, mask int64) (old int64) { return AndInt64(addr, mask) }

// OrInt64 atomically ors *addr with mask and returns the old value.
func OrInt64(addr *int64, mask int64) (old int64) { return OrInt64(addr, mask) }

// LoadInt64 atomically loads *addr.
func LoadInt64(addr *int64) (val int64) { return LoadInt64(addr) }

// StoreInt64 atomically stores val into *addr.
func StoreInt64(addr *int64, val int64) { StoreInt64(addr, val) }

// SwapUint32 atomically stores new into *addr and returns the previous value.
func SwapUint32(addr *uint32, new uint32) (old uint32) { return SwapUint32(addr, new) }

// CompareAndSwapUint32 atomically stores new into *addr if it holds old, and reports whether it did.
func CompareAndSwapUint32(addr *uint32, old, new uint32) (swapped bool) { return CompareAndSwapUint32(addr, old, new) }

// AddUint32 atomically adds delta to *addr and returns the new value.
func AddUint32(addr *uint32, delta uint32) (new uint32) { return AddUint32(addr, delta) }

// AndUint32 atomically ands *addr with mask and returns the old value.
func AndUint32(addr *uint32, mask uint32) (old uint32) { return AndUint32(addr, mask) }

// OrUint32 atomically ors *addr with mask and returns the old value.
func OrUint32(addr *uint32, mask uint32) (old uint32) { return OrUint32(addr, mask) }

// LoadUint32 atomically loads *addr.
func LoadUint32(addr *uint32) (val uint32) { return LoadUint32(addr) }

// StoreUint32 atomically stores val into *addr.
func StoreUint32(addr *uint32, val uint32) { StoreUint32(addr, val) }

// SwapUint64 atomically stores new into *addr and returns the previous value.
func SwapUint64(addr *uint64, new uint64) (old uint64) { return SwapUint64(addr, new) }

// CompareAndSwapUint64 atomically stores new into *addr if it holds old, and reports whether it did.
func CompareAndSwapUint64(addr *uint64, old, new uint64) (swapped bool) { return CompareAndSwapUint64(addr, old, new) }

// AddUint64 atomically adds delta to *addr and returns the new value.
func AddUint64(addr *uint64, delta uint64) (new uint64) { return AddUint64(addr, delta) }

// AndUint64 atomically ands *addr with mask and returns the old value.
func AndUint64(addr *uint64, mask uint64) (old uint64) { return AndUint64(addr, mask) }

// OrUint64 atomically ors *addr with mask and returns the old value.
func OrUint64(addr *uint64, mask uint64) (old uint64) { return OrUint64(addr, mask) }

// LoadUint64 atomically loads *addr.
func LoadUint64(addr *uint64) (val uint64) { return LoadUint64(addr) }

// StoreUint64 atomically stores val into *addr.
func StoreUint64(addr *uint64, val uint64) { StoreUint64(addr, val) }

// SwapUintptr atomically stores new into *addr and returns the previous value.
func SwapUintptr(addr *uintptr, new uintptr) (old uintptr) { return SwapUintptr(addr, new) }

// CompareAndSwapUintptr atomically stores new into *addr if it holds old, and reports whether it did.
func CompareAndSwapUintptr(addr *uintptr, old, new uintptr) (swapped bool) { return CompareAndSwapUintptr(addr, old, new) }

// AddUintptr atomically adds delta to *addr and returns the new value.
func AddUintptr(addr *uintptr, delta uintptr) (new uintptr) { return AddUintptr(addr, delta) }

// AndUintptr atomically ands *addr with mask and returns the old value.
func AndUintptr(addr *uintptr, mask uintptr) (old uintptr) { return AndUintptr(addr, mask) }

// OrUintptr atomically ors *addr with mask and returns the old value.
func OrUintptr(addr *uintptr, mask uintptr) (old uintptr) { return OrUintptr(addr, mask) }

// LoadUintptr atomically loads *addr.
func LoadUintptr(addr *uintptr) (val uintptr) { return LoadUintptr(addr) }

// StoreUintptr atomically stores val into *addr.
func StoreUintptr(addr *uintptr, val uintptr) { StoreUintptr(addr, val) }

// SwapPointer atomically stores new into *addr and returns the previous value.
func SwapPointer(addr *unsafe.Pointer, new unsafe.Pointer) (old unsafe.Pointer) { return SwapPointer(addr, new) }

// CompareAndSwapPointer atomically stores new into *addr if it holds old, and reports whether it did.
func CompareAndSwapPointer(addr *unsafe.Pointer, old, new unsafe.Pointer) (swapped bool) { return CompareAndSwapPointer(addr, old, new) }

// LoadPointer atomically loads *addr.
func LoadPointer(addr *unsafe.Pointer) (val unsafe.Pointer) { return LoadPointer(addr) }

// StorePointer atomically stores val into *addr.
func StorePointer(addr *unsafe.Pointer, val unsafe.Pointer) { StorePointer(addr, val) }

