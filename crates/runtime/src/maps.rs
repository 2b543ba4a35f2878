//! Go maps: a hash table keyed by raw key bytes, read through the key's
//! type descriptor.
//!
//! # Layout
//! A map value is a pointer to a [`Table`] (null is the nil map). Its first
//! word is the number of live entries, so `len(m)` is one load in generated
//! code. Entries live in insertion order in two parallel arrays: `hashes`
//! (the entry's hash with bit 0 set, or 0 for a deleted entry) and
//! `entries` (key then value, copied by size from the descriptors, side by
//! side so that a lookup touches one cache line for both). An
//! open-addressing `index` of `u64`s finds them (linear probing): 0 is
//! empty, [`TOMB`] deleted, otherwise the hash's top 32 bits above entry
//! number + 1, so a probe rejects other keys without touching the entries.
//! All memory comes from [`deft_alloc`], so a future collector sees it;
//! nothing is allocated per operation.
//!
//! # Invariants
//! * `count <= used <= cap`; entries are only appended (`used` grows) until
//!   the table is rebuilt, and a deleted entry is never reused.
//! * The index holds exactly `used` non-empty slots and `used <= 3/4` of its
//!   size, so every probe sequence meets an empty slot.
//! * A rebuild (growth, or compaction of deleted entries) always moves the
//!   entries into *fresh* arrays and leaves the old ones untouched: an
//!   iterator that started before keeps a consistent snapshot.
//!
//! # Hashing
//! Keys are hashed by kind with a per-process random seed: plain memory for
//! integers, booleans, pointers and channels; the contents of strings;
//! floats with `+0 == -0` and a fresh random hash for each NaN (a NaN key is
//! never equal to anything, so each NaN insert adds an entry, as in Go);
//! arrays and structs element by element (padding ignored); interfaces by
//! dynamic type and value, panicking `hash of unhashable type T` on a
//! slice, map or func. The common key shapes are classified once when the
//! map is made ([`KeyClass`]) so they skip the descriptor walk.
//!
//! # Iteration
//! An iterator ([`Iter`], in the ranging function's frame) snapshots the
//! entry arrays and their length and visits the entries from a random start
//! position, wrapping around, like gc's randomized order. While the table
//! has not been rebuilt, a deleted entry reads 0 in `hashes` and is skipped
//! and values are read in place. After a rebuild, each snapshot key is
//! looked up again in the live table, so an entry deleted since is not
//! produced and the current value is. Entries added during the loop land
//! beyond the snapshot and are not produced (the spec allows either). Each
//! entry is produced at most once. (A future collector must treat the
//! iterator's words in the frame as roots: they keep the snapshot alive.)

use std::cell::Cell;
use std::hash::{BuildHasher, Hasher};
use std::ptr::{copy_nonoverlapping, null, null_mut, write_bytes};

use crate::abi::{Eface, GoString, Kind, TypeDesc};
use crate::alloc::deft_alloc;
use crate::errors::RuntimeError;
use crate::frames::Frame;
use crate::iface::{direct, eq_at};
use crate::panic::{entry_shim, panic_runtime_error};

/// Index slot of a deleted entry.
const TOMB: u64 = u64::MAX;

/// The index slot of entry `e` whose key hashes to `h`.
#[inline]
fn slot_word(h: u64, e: usize) -> u64 {
    (h & !0xffff_ffff) | (e as u64 + 1)
}

/// Words of an [`Iter`]: generated code reserves this much frame space
/// (8-byte aligned) for each `range` over a map.
pub const ITER_WORDS: usize = 8;

/// How a table hashes and compares its keys, decided once at `make`.
#[derive(Clone, Copy, PartialEq, Eq)]
#[repr(usize)]
enum KeyClass {
    /// Plain memory of `ksize` bytes (integers, bools, pointers, chans).
    Mem,
    /// A string.
    Str,
    /// Anything else: walk the key's descriptor.
    Generic,
}

/// A map's header. `count` must stay the first field (see the module doc).
#[repr(C)]
pub struct Table {
    count: usize,
    used: usize,
    cap: usize,
    mask: usize,
    index: *mut u64,
    hashes: *mut u64,
    entries: *mut u8,
    key: *const TypeDesc,
    ksize: usize,
    /// Offset of the value in an entry.
    voff: usize,
    /// Bytes per entry.
    stride: usize,
    /// Neither keys nor values hold pointers: entries are allocated noscan.
    noptr: bool,
    class: KeyClass,
    seed: u64,
}

/// The state of one `range` loop over a map; lives in the Go frame.
/// `key`/`val` (the first two words) point at the current entry after a
/// successful [`deft_mapiternext`].
#[repr(C)]
pub struct Iter {
    key: *const u8,
    val: *const u8,
    table: *mut Table,
    hashes: *const u64,
    entries: *const u8,
    n: usize,
    start: usize,
    pos: usize,
}

const _: () = assert!(std::mem::size_of::<Iter>() == ITER_WORDS * 8);

// ---------------------------------------------------------------------------
// Randomness and hashing
// ---------------------------------------------------------------------------

thread_local! {
    /// State of a wyrand generator seeded from the OS at first use.
    static RNG: Cell<u64> = Cell::new(std::collections::hash_map::RandomState::new().build_hasher().finish() | 1);
}

/// A fresh random number (hash seeds, NaN hashes, iteration starts, and
/// math/rand's top-level functions).
pub(crate) fn rand() -> u64 {
    RNG.with(|r| {
        let s = r.get().wrapping_add(0xa076_1d64_78bd_642f);
        r.set(s);
        mix(s, s ^ 0xe703_7ed1_a0b4_28db)
    })
}

/// Folds the full 128-bit product of `a` and `b` to 64 bits (wyhash's mum).
#[inline]
fn mix(a: u64, b: u64) -> u64 {
    let r = (a as u128).wrapping_mul(b as u128);
    (r as u64) ^ ((r >> 64) as u64)
}

const P0: u64 = 0xa076_1d64_78bd_642f;
const P1: u64 = 0xe703_7ed1_a0b4_28db;
const P2: u64 = 0x8ebc_6af0_9c88_c6e3;

/// Hashes `len` bytes at `p` (wyhash's scheme): up to 16 bytes are read
/// as at most four overlapping words from both ends, with no loop and no
/// copy (map keys are mostly short strings); longer inputs 16 bytes per
/// round, the last 16 read from the end.
///
/// # Safety
/// `p` is readable for `len` bytes.
#[inline]
unsafe fn hash_bytes(p: *const u8, len: usize, seed: u64) -> u64 {
    // SAFETY (the reads below): every offset read is within `len` bytes.
    let r8 = |at: usize| unsafe { p.add(at).cast::<u64>().read_unaligned() };
    let r4 = |at: usize| u64::from(unsafe { p.add(at).cast::<u32>().read_unaligned() });
    let r1 = |at: usize| u64::from(unsafe { *p.add(at) });
    let mut seed = seed ^ P0;
    let (a, b) = if len <= 16 {
        if len >= 4 {
            // The second word of each pair starts 4 bytes in (from its end)
            // when there are 8 or more bytes, else it repeats the first.
            let q = (len >> 3) << 2;
            ((r4(0) << 32) | r4(q), (r4(len - 4) << 32) | r4(len - 4 - q))
        } else if len > 0 {
            ((r1(0) << 16) | (r1(len >> 1) << 8) | r1(len - 1), 0)
        } else {
            (0, 0)
        }
    } else {
        let mut i = 0;
        while len - i > 16 {
            seed = mix(r8(i) ^ P1, r8(i + 8) ^ seed);
            i += 16;
        }
        (r8(len - 16), r8(len - 8))
    };
    let r = u128::from(a ^ P1).wrapping_mul(u128::from(b ^ seed));
    mix(r as u64 ^ P0 ^ len as u64, (r >> 64) as u64 ^ P1)
}

/// Hashes a float's value: `+0` and `-0` alike, each NaN differently.
fn hash_float(f: f64, seed: u64) -> u64 {
    if f.is_nan() {
        return rand();
    }
    let bits = if f == 0.0 { 0 } else { f.to_bits() };
    mix(seed ^ bits, P1)
}

/// Hashes the value of type `ty` at `p`; `Err(t)` names an unhashable
/// dynamic type met inside an interface.
///
/// # Safety
/// `p` points to a value of `ty`.
unsafe fn hash_at(ty: &TypeDesc, p: *const u8, seed: u64) -> Result<u64, *const TypeDesc> {
    const STRING: u8 = Kind::String as u8;
    const F32: u8 = Kind::Float32 as u8;
    const F64: u8 = Kind::Float64 as u8;
    const C64: u8 = Kind::Complex64 as u8;
    const C128: u8 = Kind::Complex128 as u8;
    const IFACE: u8 = Kind::Interface as u8;
    const ARRAY: u8 = Kind::Array as u8;
    const STRUCT: u8 = Kind::Struct as u8;
    const SLICE: u8 = Kind::Slice as u8;
    const MAP: u8 = Kind::Map as u8;
    const FUNC: u8 = Kind::Func as u8;
    // SAFETY: by the precondition, `p` holds a value of `ty`.
    unsafe {
        Ok(match ty.kind {
            STRING => {
                let s = *p.cast::<GoString>();
                hash_bytes(s.ptr, s.len, seed)
            }
            F32 => hash_float(*p.cast::<f32>() as f64, seed),
            F64 => hash_float(*p.cast::<f64>(), seed),
            C64 => {
                let c = *p.cast::<[f32; 2]>();
                hash_float(c[1] as f64, hash_float(c[0] as f64, seed))
            }
            C128 => {
                let c = *p.cast::<[f64; 2]>();
                hash_float(c[1], hash_float(c[0], seed))
            }
            IFACE => hash_iface(*p.cast::<Eface>(), seed)?,
            SLICE | MAP | FUNC => return Err(ty),
            ARRAY if !ty.elem.is_null() => {
                let e = &*ty.elem;
                let mut h = seed;
                for i in 0..ty.len {
                    h = hash_at(e, p.add(i * e.size), h)?;
                }
                h
            }
            STRUCT if ty.nfields > 0 => {
                let mut h = seed;
                for f in std::slice::from_raw_parts(ty.fields, ty.nfields).iter().filter(|f| !f.is_blank()) {
                    h = hash_at(&*f.ty, p.add(f.offset), h)?;
                }
                h
            }
            _ => hash_bytes(p, ty.size, seed),
        })
    }
}

/// Hashes an interface value by dynamic type and value.
///
/// # Safety
/// `v` is a valid interface value.
unsafe fn hash_iface(v: Eface, seed: u64) -> Result<u64, *const TypeDesc> {
    // SAFETY: a non-null type of a valid interface value is a valid descriptor.
    let Some(t) = (unsafe { v.ty.as_ref() }) else {
        return Ok(mix(seed, P2));
    };
    let seed = mix(seed ^ v.ty as u64, P0);
    if matches!(t.kind, k if k == Kind::Map as u8 || k == Kind::Func as u8) {
        return Err(t);
    }
    if direct(t.kind) {
        return Ok(mix(seed ^ v.data as u64, P1));
    }
    // SAFETY: the data word points to a value of `t`.
    // gc names the dynamic type itself when a part of it (not behind a
    // further interface) cannot be hashed: `hash of unhashable type main.T`
    // for a struct with a slice field.
    unsafe { hash_at(t, v.data, seed) }.map_err(|inner| if has_unhashable_part(t) { v.ty } else { inner })
}

/// Whether a value of `t` has a slice, map or func in it, other than
/// inside an interface.
fn has_unhashable_part(t: &TypeDesc) -> bool {
    const STRUCT: u8 = Kind::Struct as u8;
    const ARRAY: u8 = Kind::Array as u8;
    match t.kind {
        k if k == Kind::Slice as u8 || k == Kind::Map as u8 || k == Kind::Func as u8 => true,
        // SAFETY: array descriptors have an element type.
        ARRAY => unsafe { t.elem.as_ref() }.is_some_and(has_unhashable_part),
        STRUCT if t.nfields > 0 => {
            // SAFETY: struct descriptors have `nfields` fields.
            let fields = unsafe { std::slice::from_raw_parts(t.fields, t.nfields) };
            // SAFETY: field types are valid descriptors.
            fields.iter().any(|f| unsafe { f.ty.as_ref() }.is_some_and(has_unhashable_part))
        }
        _ => false,
    }
}

// ---------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------

/// Allocates `n` zeroed elements of `size` bytes (8-byte aligned), never
/// scanned by the collector if `noscan`.
fn alloc_array(n: usize, size: usize, noscan: bool) -> *mut u8 {
    let bytes = n.checked_mul(size).unwrap_or_else(|| crate::proc::throw("runtime: map too large"));
    deft_alloc(bytes, if noscan { 8 | crate::alloc::NOSCAN } else { 8 })
}

impl Table {
    /// A new empty table for map type `desc`, with room for `hint` entries.
    ///
    /// # Safety
    /// `desc` is a map type descriptor.
    unsafe fn new(desc: &TypeDesc, hint: usize) -> *mut Table {
        // SAFETY: a map descriptor has key and element descriptors.
        let (key, val) = unsafe { (&*desc.key, &*desc.elem) };
        let class = match key.kind {
            k if k == Kind::String as u8 => KeyClass::Str,
            k if k <= Kind::Uintptr as u8 || k == Kind::Pointer as u8 || k == Kind::Chan as u8 => KeyClass::Mem,
            k if k == Kind::UnsafePointer as u8 => KeyClass::Mem,
            _ => KeyClass::Generic,
        };
        let voff = key.size.next_multiple_of(val.align.max(1) as usize);
        let stride = (voff + val.size).next_multiple_of(key.align.max(val.align).max(1) as usize);
        let t = deft_alloc(std::mem::size_of::<Table>(), 8).cast::<Table>();
        let table = Table {
            count: 0,
            used: 0,
            cap: 0,
            mask: 0,
            index: null_mut(),
            hashes: null_mut(),
            entries: null_mut(),
            key,
            ksize: key.size,
            voff,
            stride,
            noptr: (key.flags & val.flags & crate::abi::TYPE_FLAG_NOPTR) != 0,
            class,
            seed: rand(),
        };
        // SAFETY: `t` is a fresh block sized and aligned for a `Table`.
        unsafe { t.write(table) };
        if hint > 0 {
            // SAFETY: `t` was just initialised.
            unsafe { (*t).rebuild((hint * 4 / 3 + 1).next_power_of_two()) };
        }
        t
    }

    /// Hashes key `k`; `Err` names an unhashable dynamic type.
    ///
    /// # Safety
    /// `k` points to a key of this table's key type.
    #[inline]
    unsafe fn hash(&self, k: *const u8) -> Result<u64, *const TypeDesc> {
        // SAFETY: by the precondition.
        unsafe {
            match self.class {
                KeyClass::Mem if self.ksize == 8 => Ok(mix(self.seed ^ k.cast::<u64>().read(), P1)),
                KeyClass::Mem => Ok(hash_bytes(k, self.ksize, self.seed)),
                KeyClass::Str => {
                    let s = *k.cast::<GoString>();
                    Ok(hash_bytes(s.ptr, s.len, self.seed))
                }
                KeyClass::Generic => hash_at(&*self.key, k, self.seed),
            }
        }
    }

    /// Whether keys `a` and `b` are equal.
    ///
    /// # Safety
    /// Both point to keys of this table's key type.
    #[inline]
    unsafe fn eq(&self, a: *const u8, b: *const u8) -> bool {
        // SAFETY: by the precondition.
        unsafe {
            match self.class {
                KeyClass::Mem if self.ksize == 8 => a.cast::<u64>().read() == b.cast::<u64>().read(),
                KeyClass::Mem => crate::strings::bytes_equal(a, b, self.ksize),
                KeyClass::Str => {
                    let (x, y) = (*a.cast::<GoString>(), *b.cast::<GoString>());
                    x.len == y.len && crate::strings::bytes_equal(x.ptr, y.ptr, x.len)
                }
                KeyClass::Generic => eq_at(&*self.key, a, b).unwrap_or(false),
            }
        }
    }

    /// Probes for key `k` with hash `h`: `Ok(entry)` if present, otherwise
    /// `Err(slot)`, the empty index slot where it would go.
    ///
    /// # Safety
    /// The table has an index (`cap > 0`); `k` points to a key.
    #[inline]
    unsafe fn probe(&self, k: *const u8, h: u64) -> Result<usize, usize> {
        // SAFETY: by the precondition.
        unsafe { self.probe_slot(k, h) }.map(|(_, e)| e)
    }

    /// As [`Self::probe`], with the index slot of a present key too.
    ///
    /// # Safety
    /// As [`Self::probe`].
    #[inline]
    unsafe fn probe_slot(&self, k: *const u8, h: u64) -> Result<(usize, usize), usize> {
        let mut i = (h >> 1) as usize & self.mask;
        loop {
            // SAFETY: `i <= mask` indexes the index; entry numbers in it are `< used`.
            unsafe {
                match *self.index.add(i) {
                    0 => return Err(i),
                    TOMB => {}
                    s if (s ^ h) >> 32 == 0 => {
                        let e = (s & 0xffff_ffff) as usize - 1;
                        if self.eq(self.key(e), k) {
                            return Ok((i, e));
                        }
                    }
                    _ => {}
                }
            }
            i = (i + 1) & self.mask;
        }
    }

    /// The entry holding key `k`, if any.
    ///
    /// # Safety
    /// `k` points to a key that hashes without error.
    unsafe fn find(&self, k: *const u8, h: u64) -> Option<usize> {
        // SAFETY: by the precondition; an empty table has no index to probe.
        (self.count > 0).then(|| unsafe { self.probe(k, h) }.ok()).flatten()
    }

    /// Address of entry `e`'s key.
    fn key(&self, e: usize) -> *mut u8 {
        self.entries.wrapping_add(e * self.stride)
    }

    /// Address of entry `e`'s value.
    fn val(&self, e: usize) -> *mut u8 {
        self.entries.wrapping_add(e * self.stride + self.voff)
    }

    /// Moves the live entries into fresh arrays for an index of `slots`
    /// (a power of two, at least 8 is used), holding 3/4 as many entries
    /// (see the invariants: old arrays are left untouched).
    ///
    /// # Safety
    /// The table is valid and its live entries fit.
    unsafe fn rebuild(&mut self, slots: usize) {
        let slots = slots.max(8);
        let cap = slots / 4 * 3;
        // The index and the hashes, both plain words, share one block.
        let index = alloc_array(slots + cap, 8, true).cast::<u64>();
        // SAFETY: the block holds `slots + cap` words.
        let hashes = unsafe { index.add(slots) };
        let entries = alloc_array(cap, self.stride, self.noptr);
        let mut n = 0;
        for e in 0..self.used {
            // SAFETY: `e < used <= cap` of the old arrays; `n < count <= cap` of
            // the new ones; the index has free slots (`count <= 3/4 slots`).
            unsafe {
                let tag = *self.hashes.add(e);
                if tag == 0 {
                    continue;
                }
                *hashes.add(n) = tag;
                copy_nonoverlapping(self.key(e), entries.add(n * self.stride), self.stride);
                let mut i = (tag >> 1) as usize & (slots - 1);
                while *index.add(i) != 0 {
                    i = (i + 1) & (slots - 1);
                }
                *index.add(i) = slot_word(tag, n);
            }
            n += 1;
        }
        (self.index, self.hashes, self.entries) = (index, hashes, entries);
        (self.used, self.cap, self.mask) = (n, cap, slots - 1);
    }

    /// The value slot for key `k`, inserting a zero value if absent.
    ///
    /// # Safety
    /// `k` points to a key hashing to `h`.
    unsafe fn insert(&mut self, k: *const u8, h: u64) -> *mut u8 {
        if self.cap > 0 {
            // SAFETY: the table has an index.
            if let Ok(e) = unsafe { self.probe(k, h) } {
                return self.val(e);
            }
        }
        if self.used == self.cap {
            // Full: compact in place when at least half the entries are
            // deleted, else double. Either way at least cap/2 inserts
            // follow before the next rebuild, so rebuilds are amortised O(1).
            let slots = if self.count * 2 <= self.cap { self.mask + 1 } else { (self.mask + 1) * 2 };
            // SAFETY: the table is valid; the live entries fit either size.
            unsafe { self.rebuild(slots) };
        }
        // SAFETY: there is an index now and `used < cap`; the slot found is empty.
        unsafe {
            let Err(slot) = self.probe(k, h) else { unreachable!("key appeared during a rebuild") };
            let e = self.used;
            *self.index.add(slot) = slot_word(h, e);
            *self.hashes.add(e) = h | 1;
            copy_nonoverlapping(k, self.key(e), self.ksize);
            self.used += 1;
            self.count += 1;
            self.val(e)
        }
    }

    /// Deletes key `k` if present.
    ///
    /// # Safety
    /// `k` points to a key hashing to `h`.
    unsafe fn remove(&mut self, k: *const u8, h: u64) {
        if self.count == 0 {
            return;
        }
        // SAFETY: the table has an index; the deleted entry's memory is
        // cleared so it keeps nothing alive.
        unsafe {
            if let Ok((i, e)) = self.probe_slot(k, h) {
                *self.index.add(i) = TOMB;
                *self.hashes.add(e) = 0;
                write_bytes(self.key(e), 0, self.stride);
                self.count -= 1;
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Entry points
// ---------------------------------------------------------------------------

/// Bytes of zeros that reads of absent keys point into.
const ZERO_SIZE: usize = 1024;
static ZERO: [u8; ZERO_SIZE] = [0; ZERO_SIZE];

/// A readable zero value of `size` bytes (never written).
fn zero_value(size: usize) -> *const u8 {
    if size <= ZERO_SIZE { ZERO.as_ptr() } else { deft_alloc(size, 8) }
}

/// Hashes `key` for map type `desc`'s table `m` (or, for a nil map, as a
/// table would), raising `hash of unhashable type T` from `origin`. For a
/// read or a delete (`lookup`) in a nil or empty map, gc hashes nothing
/// but checks the key, and the error is then `hash of unhashable type: T`
/// ([`RuntimeError::UnhashableKey`]).
///
/// # Safety
/// `desc` is a map descriptor, `m` null or its table, `key` a key.
unsafe fn hash_or_panic(desc: &TypeDesc, m: *const Table, key: *const u8, lookup: bool, origin: Frame) -> u64 {
    // SAFETY: by the precondition.
    let (h, empty) = unsafe {
        match m.as_ref() {
            Some(t) => (t.hash(key), t.count == 0),
            None => (hash_at(&*desc.key, key, 0), true),
        }
    };
    h.unwrap_or_else(|t| {
        let err = if lookup && empty { RuntimeError::UnhashableKey(t) } else { RuntimeError::Unhashable(t) };
        panic_runtime_error(err, origin)
    })
}

/// The compiler emits a call to this for `make(map[K]V, hint)` (hint 0
/// without one) and map composite literals: a new empty map for map type
/// `desc`. A negative or huge hint is ignored, as gc does.
///
/// # Safety
/// `desc` is a map type descriptor.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn deft_makemap(desc: *const TypeDesc, hint: isize) -> *mut Table {
    let hint = if (0..=1 << 30).contains(&hint) { hint as usize } else { 0 };
    // SAFETY: by the precondition.
    unsafe { Table::new(&*desc, hint) }
}

entry_shim!(
    /// The compiler emits a call to this to read `m[key]`: returns the
    /// value's address, or that of a zero value when absent or `m` is nil.
    /// Panics when the key's dynamic type is unhashable.
    deft_mapaccess1(usize, usize, usize) -> *const u8 => mapaccess1_entry, pc: "rcx", fp: "r8"
);
entry_shim!(
    /// The compiler emits a call to this for `v, ok := m[key]`: the value's
    /// address, or null when absent. Panics like [`deft_mapaccess1`].
    deft_mapaccess2(usize, usize, usize) -> *const u8 => mapaccess2_entry, pc: "rcx", fp: "r8"
);
entry_shim!(
    /// The compiler emits a call to this for `m[key] = v` (and `op=`, `++`)
    /// once the value is computed: returns the address to store it at,
    /// inserting the key with a zero value if absent. Panics on a nil map
    /// (`assignment to entry in nil map`) or an unhashable key.
    deft_mapassign(usize, usize, usize) -> *mut u8 => mapassign_entry, pc: "rcx", fp: "r8"
);
entry_shim!(
    /// The compiler emits a call to this for `delete(m, key)`; nothing
    /// happens for a nil map or an absent key. Panics on an unhashable key.
    deft_mapdelete(usize, usize, usize) -> () => mapdelete_entry, pc: "rcx", fp: "r8"
);

/// The entry of key `key` in map `m`, if any.
///
/// # Safety
/// As [`deft_mapaccess1`]: `desc` is the map's type descriptor.
unsafe fn lookup(desc: usize, m: usize, key: usize, origin: Frame) -> Option<*const u8> {
    let (desc, t, key) = (desc as *const TypeDesc, m as *const Table, key as *const u8);
    // SAFETY: by the precondition.
    unsafe {
        let h = hash_or_panic(&*desc, t, key, true, origin);
        let t = t.as_ref()?;
        t.find(key, h).map(|e| t.val(e).cast_const())
    }
}

unsafe extern "C" fn mapaccess1_entry(desc: usize, m: usize, key: usize, pc: usize, fp: usize) -> *const u8 {
    // SAFETY: called by the shim with the compiler's arguments.
    unsafe {
        let v = lookup(desc, m, key, Frame { pc, fp });
        v.unwrap_or_else(|| zero_value((*(*(desc as *const TypeDesc)).elem).size))
    }
}

unsafe extern "C" fn mapaccess2_entry(desc: usize, m: usize, key: usize, pc: usize, fp: usize) -> *const u8 {
    // SAFETY: called by the shim with the compiler's arguments.
    unsafe { lookup(desc, m, key, Frame { pc, fp }).unwrap_or(null()) }
}

unsafe extern "C" fn mapassign_entry(desc: usize, m: usize, key: usize, pc: usize, fp: usize) -> *mut u8 {
    let origin = Frame { pc, fp };
    let Some(t) = (unsafe { (m as *mut Table).as_mut() }) else {
        panic_runtime_error(RuntimeError::NilMapWrite, origin)
    };
    // SAFETY: called by the shim with the compiler's arguments.
    unsafe {
        let h = hash_or_panic(&*(desc as *const TypeDesc), t, key as *const u8, false, origin);
        t.insert(key as *const u8, h)
    }
}

unsafe extern "C" fn mapdelete_entry(desc: usize, m: usize, key: usize, pc: usize, fp: usize) {
    // SAFETY: called by the shim with the compiler's arguments.
    unsafe {
        let h = hash_or_panic(&*(desc as *const TypeDesc), m as *const Table, key as *const u8, true, Frame { pc, fp });
        if let Some(t) = (m as *mut Table).as_mut() {
            t.remove(key as *const u8, h);
        }
    }
}

/// The compiler emits a call to this when a `range` loop over map `m`
/// starts: fills the frame's iterator `it` ([`ITER_WORDS`] words) with a
/// snapshot of the entries and a random start position.
///
/// # Safety
/// `m` is null or a table; `it` is writable for an [`Iter`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn deft_mapiterinit(m: *mut Table, it: *mut Iter) {
    // SAFETY: by the precondition.
    let iter = match unsafe { m.as_ref() } {
        Some(t) if t.count > 0 => Iter {
            key: null(),
            val: null(),
            table: m,
            hashes: t.hashes,
            entries: t.entries,
            n: t.used,
            start: (rand() % t.used as u64) as usize,
            pos: 0,
        },
        _ => Iter { key: null(), val: null(), table: m, hashes: null(), entries: null(), n: 0, start: 0, pos: 0 },
    };
    // SAFETY: by the precondition.
    unsafe { it.write(iter) };
}

/// The compiler emits a call to this at the top of each iteration of a
/// `range` loop over a map: advances `it` to the next entry (setting its
/// key and value pointers) and returns true, or returns false when done.
///
/// # Safety
/// `it` was filled by [`deft_mapiterinit`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn deft_mapiternext(it: *mut Iter) -> bool {
    // SAFETY: by the precondition, the snapshot arrays hold `n` entries.
    unsafe {
        let it = &mut *it;
        while it.pos < it.n {
            let mut e = it.start + it.pos;
            if e >= it.n {
                e -= it.n;
            }
            it.pos += 1;
            let tag = *it.hashes.add(e);
            if tag == 0 {
                continue;
            }
            let t = &*it.table;
            let k = it.entries.add(e * t.stride);
            if it.hashes == t.hashes.cast_const() {
                (it.key, it.val) = (k, k.add(t.voff));
                return true;
            }
            // Rebuilt since the loop started: the live table decides.
            if !t.eq(k, k) {
                // A NaN key cannot be looked up (nor deleted).
                (it.key, it.val) = (k, k.add(t.voff));
                return true;
            }
            if let Some(e2) = t.find(k, tag) {
                (it.key, it.val) = (t.key(e2), t.val(e2));
                return true;
            }
        }
        false
    }
}

/// The compiler emits a call to this for `clear(m)`: deletes every entry
/// of map `m` (null for a nil map: nothing to do), NaN keys included,
/// which no lookup can reach. Each entry is deleted in place as `delete`
/// would (its hash zeroed, its index slot a tombstone, its bytes cleared),
/// so a `range` loop running over the map produces no entry afterwards and
/// the next growth compacts the table.
///
/// # Safety
/// `m` is null or a map value made by [`deft_makemap`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn deft_mapclear(m: *mut Table) {
    // SAFETY: by the precondition.
    let Some(t) = (unsafe { m.as_mut() }) else { return };
    if t.count == 0 {
        return;
    }
    // SAFETY: `used` entries and `mask + 1` index slots exist; a live slot
    // becomes a tombstone, so the number of non-empty slots is unchanged.
    unsafe {
        for e in 0..t.used {
            if *t.hashes.add(e) != 0 {
                *t.hashes.add(e) = 0;
                write_bytes(t.key(e), 0, t.stride);
            }
        }
        for i in 0..=t.mask {
            let slot = t.index.add(i);
            if *slot != 0 {
                *slot = TOMB;
            }
        }
    }
    t.count = 0;
}

/// The live entries of map `m` (null for a nil map) as (key address, value
/// address) pairs in table order, for runtime code that prints maps (fmt
/// sorts them itself). The addresses are only current until the map is next
/// modified, and the returned Vec is not scanned by the collector: the
/// caller keeps a pointer into the entries array where the collector sees
/// it (its stack) while it uses them.
///
/// # Safety
/// `m` is null or a map value made by [`deft_makemap`].
pub unsafe fn map_entries(m: *const u8) -> Vec<(*const u8, *const u8)> {
    // SAFETY: by the precondition.
    let Some(t) = (unsafe { m.cast::<Table>().as_ref() }) else {
        return Vec::new();
    };
    (0..t.used)
        // SAFETY: `e < used` indexes the entry arrays.
        .filter(|&e| unsafe { *t.hashes.add(e) } != 0)
        .map(|e| (t.key(e).cast_const(), t.val(e).cast_const()))
        .collect()
}

/// The address of the value of key `key` in map `m` (null for a nil
/// map), if present: a lookup that never panics, for runtime code that
/// compares maps (`reflect.DeepEqual`). A key whose dynamic type is
/// unhashable is absent. Allocates nothing.
///
/// # Safety
/// `m` is null or a map value made by [`deft_makemap`]; `key` points to a
/// value of its key type.
pub unsafe fn map_find(m: *const u8, key: *const u8) -> Option<*const u8> {
    // SAFETY: by the precondition.
    unsafe {
        let t = m.cast::<Table>().as_ref()?;
        let h = t.hash(key).ok()?;
        t.find(key, h).map(|e| t.val(e).cast_const())
    }
}

/// A new map of map type `desc` holding the entries of `m` (null for a
/// nil map: an empty map), keys and values copied as assignment copies
/// them; the copy has a seed of its own, so its keys are hashed again.
/// Behind `maps.Clone` (see `library::maps`).
///
/// # Safety
/// `desc` is a map type descriptor and `m` null or a map of that type.
pub unsafe fn map_clone(desc: &TypeDesc, m: *const u8) -> *mut u8 {
    // SAFETY: by the precondition.
    unsafe {
        let count = m.cast::<Table>().as_ref().map_or(0, |t| t.count);
        let copy = Table::new(desc, count);
        // Entries are read after the allocations above: `m` stays reachable
        // from the caller, and a rebuild never changes its arrays in place.
        let Some(src) = m.cast::<Table>().as_ref() else { return copy.cast() };
        let vsize = (*desc.elem).size;
        for e in (0..src.used).filter(|&e| *src.hashes.add(e) != 0) {
            let k = src.key(e);
            // Keys already in a map are hashable.
            let h = (*copy).hash(k).unwrap_or_default();
            let v = (*copy).insert(k, h);
            copy_nonoverlapping(src.val(e), v, vsize);
        }
        copy.cast()
    }
}

/// The number of entries of map `m` (null for a nil map).
///
/// # Safety
/// `m` is null or a map value made by [`deft_makemap`].
pub unsafe fn map_len(m: *const u8) -> usize {
    // SAFETY: by the precondition.
    unsafe { m.cast::<Table>().as_ref() }.map_or(0, |t| t.count)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn desc(kind: Kind, size: usize) -> TypeDesc {
        TypeDesc::bare("", kind, size)
    }

    /// Every byte of inputs of every length around the word reads takes
    /// part in the hash and in equality: changing any one byte changes the
    /// hash and makes the inputs unequal (bytes past the length do
    /// neither).
    #[test]
    fn hashing_and_equality_read_every_byte() {
        let base: Vec<u8> = (0..64u8).map(|i| i.wrapping_mul(37)).collect();
        for len in 0..40 {
            let mut other = base.clone();
            other[len] ^= 0xff;
            // SAFETY: both buffers hold 64 bytes.
            unsafe {
                let h = hash_bytes(base.as_ptr(), len, 7);
                assert_eq!(h, hash_bytes(other.as_ptr(), len, 7), "len {len}: byte past the end");
                assert!(crate::strings::bytes_equal(base.as_ptr(), other.as_ptr(), len));
                for at in 0..len {
                    let mut changed = base.clone();
                    changed[at] ^= 0x10;
                    assert_ne!(h, hash_bytes(changed.as_ptr(), len, 7), "len {len}, byte {at}");
                    assert!(!crate::strings::bytes_equal(base.as_ptr(), changed.as_ptr(), len), "len {len}, byte {at}");
                }
                assert_ne!(h, hash_bytes(base.as_ptr(), len, 8), "len {len}: the seed");
            }
        }
    }

    /// A `map[K]int` table for key descriptor `k` (leaked: tests only).
    fn table(k: TypeDesc, hint: usize) -> &'static mut Table {
        let int: &'static TypeDesc = Box::leak(Box::new(desc(Kind::Int, 8)));
        let mut m = desc(Kind::Map, 8);
        (m.key, m.elem) = (Box::leak(Box::new(k)), int);
        // SAFETY: `m` is a map descriptor.
        unsafe { &mut *Table::new(Box::leak(Box::new(m)), hint) }
    }

    fn put(t: &mut Table, k: i64, v: i64) {
        // SAFETY: `k` is an int key, the value slot an int.
        unsafe {
            let h = t.hash((&raw const k).cast()).unwrap();
            *t.insert((&raw const k).cast(), h).cast::<i64>() = v;
        }
    }

    fn get(t: &Table, k: i64) -> Option<i64> {
        // SAFETY: as in `put`.
        unsafe {
            let h = t.hash((&raw const k).cast()).unwrap();
            t.find((&raw const k).cast(), h).map(|e| *t.val(e).cast::<i64>())
        }
    }

    fn del(t: &mut Table, k: i64) {
        // SAFETY: as in `put`.
        unsafe {
            let h = t.hash((&raw const k).cast()).unwrap();
            t.remove((&raw const k).cast(), h);
        }
    }

    /// Runs a range loop, calling `body` with each key; returns the keys.
    fn range(t: &mut Table, mut body: impl FnMut(&mut Table, i64)) -> Vec<i64> {
        let mut it = std::mem::MaybeUninit::<Iter>::uninit();
        let mut seen = Vec::new();
        // SAFETY: `it` is filled by init before next reads it.
        unsafe {
            deft_mapiterinit(t, it.as_mut_ptr());
            while deft_mapiternext(it.as_mut_ptr()) {
                let k = *(*it.as_ptr()).key.cast::<i64>();
                seen.push(k);
                body(t, k);
            }
        }
        seen
    }

    #[test]
    fn insert_lookup_delete_grow() {
        let t = table(desc(Kind::Int, 8), 0);
        for i in 0..10_000 {
            put(t, i, i * 3);
        }
        assert_eq!(t.count, 10_000);
        for i in (0..10_000).step_by(2) {
            del(t, i);
        }
        assert_eq!(t.count, 5_000);
        for i in 0..10_000 {
            assert_eq!(get(t, i), (i % 2 == 1).then_some(i * 3), "key {i}");
        }
        put(t, 1, 7);
        assert_eq!((get(t, 1), t.count), (Some(7), 5_000));
    }

    #[test]
    fn churn_keeps_size_bounded() {
        let t = table(desc(Kind::Int, 8), 4);
        for i in 0..100_000 {
            put(t, i, i);
            del(t, i);
        }
        assert_eq!(t.count, 0);
        assert!(t.cap <= 12, "cap {} after churn", t.cap);
    }

    #[test]
    fn string_keys() {
        let mut m = desc(Kind::Map, 8);
        let (sd, int) = (Box::leak(Box::new(desc(Kind::String, 16))), Box::leak(Box::new(desc(Kind::Int, 8))));
        (m.key, m.elem) = (sd, int);
        // SAFETY: map descriptor; keys are Go strings over live Rust strings.
        unsafe {
            let t = &mut *Table::new(&m, 0);
            let words: Vec<String> = (0..500).map(|i| format!("word{i}")).collect();
            for w in words.iter().chain(&words) {
                let s = GoString { ptr: w.as_ptr(), len: w.len() };
                let h = t.hash((&raw const s).cast()).unwrap();
                *t.insert((&raw const s).cast(), h).cast::<i64>() += 1;
            }
            assert_eq!(t.count, 500);
            assert!(map_entries((t as *const Table).cast()).iter().all(|&(_, v)| *v.cast::<i64>() == 2));
        }
    }

    #[test]
    fn float_keys_zero_and_nan() {
        let t = table(desc(Kind::Float64, 8), 0);
        let put_f = |t: &mut Table, f: f64| unsafe {
            let h = t.hash((&raw const f).cast()).unwrap();
            *t.insert((&raw const f).cast(), h).cast::<i64>() += 1;
        };
        put_f(t, 0.0);
        put_f(t, -0.0);
        put_f(t, f64::NAN);
        put_f(t, f64::NAN);
        assert_eq!(t.count, 3);
    }

    #[test]
    fn iterate_while_deleting_and_growing() {
        let t = table(desc(Kind::Int, 8), 0);
        for i in 0..100 {
            put(t, i, i);
        }
        // Deleting a not-yet-reached entry hides it; growing mid-loop
        // neither repeats nor resurrects entries.
        let seen = range(t, |t, k| {
            del(t, k ^ 1);
            for j in 0..50 {
                put(t, 1000 + k * 100 + j, 0);
            }
        });
        let mut sorted = seen.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), seen.len(), "an entry was produced twice");
        assert!(seen.iter().all(|&k| k < 1000), "an entry added during the loop was produced");
        assert!(seen.iter().all(|&k| !seen.contains(&(k ^ 1))), "a deleted entry was produced: {seen:?}");
        assert_eq!(seen.len(), 50);
    }

    #[test]
    fn iterate_while_compacting() {
        // A full table (48 of 48) with half its entries deleted: the first
        // insertion in the loop compacts it at the same size.
        let t = table(desc(Kind::Int, 8), 0);
        for i in 0..48 {
            put(t, i, i);
        }
        for i in 24..48 {
            del(t, i);
        }
        assert_eq!((t.used, t.cap), (48, 48));
        let mut next = 1000;
        let seen = range(t, |t, k| {
            del(t, k);
            put(t, next, 0);
            next += 1;
        });
        let mut sorted = seen.clone();
        sorted.sort();
        assert_eq!(sorted, (0..24).collect::<Vec<_>>());
        assert_eq!((t.count, t.cap), (24, 48), "compacted, not grown");
    }

    #[test]
    fn iteration_order_varies() {
        let t = table(desc(Kind::Int, 8), 0);
        for i in 0..20 {
            put(t, i, i);
        }
        let first = range(t, |_, _| {});
        assert!((0..100).any(|_| range(t, |_, _| {}) != first));
    }
}
