//! The runtime hooks of package reflect (`lib/reflect`, Go code reading the
//! type descriptors of [`crate::abi`] through `unsafe`): what reflect
//! cannot do in Go because the runtime is involved, as gc's reflect reaches
//! gc's runtime through `//go:linkname`.
//!
//! * memory: [`unsafe_new`], [`unsafe_new_array`] (zeroed, and `NOSCAN` for
//!   pointer-free types, as the compiler allocates), [`typedmemmove`] (a
//!   plain copy: the collector is non-moving and has no write barriers);
//! * maps: the compiler's own entry points (`deft_makemap`,
//!   `deft_mapaccess2`, `deft_mapassign`, `deft_mapdelete`,
//!   `deft_mapiterinit`, `deft_mapiternext`) are bound directly in the
//!   table of [`super`];
//! * slices: `deft_growslice`, for `Append` and `Grow` (gc's capacities);
//! * channels: the compiler's entry points (`deft_makechan`,
//!   `deft_chansend`, `deft_chanrecv`, `deft_closechan`, `deft_select`,
//!   `deft_chanlen`, `deft_chancap`), which park the goroutine as a
//!   channel operation in Go code does;
//! * descriptors of types the program never names ([`ptr_to`],
//!   [`slice_of`], [`map_of`], [`array_of`], [`chan_of`], [`func_of`],
//!   [`struct_of`]), made once and
//!   kept for the life of the process in one table guarded by a mutex
//!   (goroutines may run on several threads), so that asking twice gives
//!   the same descriptor and `==` on `reflect.Type` stays identity. A
//!   type the program has is never made again: the compiler gives the
//!   runtime the list of the program's descriptors
//!   ([`register_typelinks`], gc's typelinks), with which the table
//!   starts, and links `*T` to `T` ([`TypeDesc::ptr_to_this`]).
//!
//! Made descriptors are leaked Rust memory, never collected; they point
//! only at other descriptors and at leaked names, never into the Go heap.

use std::collections::HashMap;
use std::sync::Mutex;

use crate::abi::{
    FieldDesc, GoString, Kind, MethodDesc, TYPE_FLAG_NAMED, TYPE_FLAG_NOPTR, TYPE_FLAG_VARIADIC, TypeDesc,
};
use crate::alloc::{NOSCAN, deft_alloc};
use crate::iface::direct;

/// The alignment argument [`deft_alloc`] takes for values of `t`.
fn alloc_align(t: &TypeDesc) -> usize {
    usize::from(t.align.max(1)) | if t.flags & TYPE_FLAG_NOPTR != 0 { NOSCAN } else { 0 }
}

/// `func unsafe_New(t *abiType) unsafe.Pointer`: a new zeroed value of
/// type `t` on the heap.
///
/// # Safety
/// `t` is a valid descriptor.
pub unsafe extern "C" fn unsafe_new(t: *const TypeDesc) -> *mut u8 {
    // SAFETY: by the precondition.
    let t = unsafe { &*t };
    deft_alloc(t.size, alloc_align(t))
}

/// `func unsafe_NewArray(t *abiType, n int) unsafe.Pointer`: a new zeroed
/// array of `n` values of type `t` (`n` is not negative: reflect checks).
///
/// # Safety
/// `t` is a valid descriptor.
pub unsafe extern "C" fn unsafe_new_array(t: *const TypeDesc, n: usize) -> *mut u8 {
    // SAFETY: by the precondition.
    let t = unsafe { &*t };
    let size = t.size.checked_mul(n).unwrap_or_else(|| crate::proc::throw("runtime: out of memory"));
    deft_alloc(size, alloc_align(t))
}

/// `func typedmemmove(t *abiType, dst, src unsafe.Pointer)`: copies a value
/// of type `t` (the two may overlap).
///
/// # Safety
/// `dst` and `src` each hold a value of `t`.
pub unsafe extern "C" fn typedmemmove(t: *const TypeDesc, dst: *mut u8, src: *const u8) {
    // SAFETY: by the precondition.
    unsafe { std::ptr::copy(src, dst, (*t).size) }
}

/// What a made descriptor is made of: its kind and the addresses of the
/// descriptors (and the length or direction) it is built from.
#[derive(Clone, PartialEq, Eq, Hash)]
enum Made {
    Pointer(usize),
    Slice(usize),
    Map(usize, usize),
    Array(usize, usize),
    Chan(u8, usize),
    /// Parameters then results, the number of parameters, variadic.
    Func(Vec<usize>, usize, bool),
    /// The name (field names, types and tags as gc prints them) and the
    /// fields' types.
    Struct(String, Vec<usize>),
}

/// Every composite type without a name the program has or reflect made,
/// by what it is made of (addresses of the program's static descriptors
/// and of leaked ones).
static MADE: Mutex<Option<HashMap<Made, usize>>> = Mutex::new(None);

/// The program's descriptors, as registered: (address of the table,
/// length).
static TYPELINKS: Mutex<(usize, usize)> = Mutex::new((0, 0));

/// The compiler's code (JIT) or `deft_main` (executables) calls this
/// before the program runs, for a program that uses reflect, with the
/// table of every type descriptor the program has.
///
/// # Safety
/// `table` holds `len` valid descriptors, static for the process's life.
pub unsafe fn register_typelinks(table: *const *const TypeDesc, len: usize) {
    *TYPELINKS.lock().unwrap_or_else(|e| e.into_inner()) = (table as usize, len);
}

/// What descriptor `t` of the program is made of, when it is a composite
/// type without a name (what reflect's constructors make).
fn made_of(t: &TypeDesc) -> Option<Made> {
    if t.flags & TYPE_FLAG_NAMED != 0 {
        return None;
    }
    let (elem, key) = (t.elem as usize, t.key as usize);
    Some(match t.kind {
        k if k == Kind::Pointer as u8 => Made::Pointer(elem),
        k if k == Kind::Slice as u8 => Made::Slice(elem),
        k if k == Kind::Map as u8 => Made::Map(key, elem),
        k if k == Kind::Array as u8 => Made::Array(t.len, elem),
        k if k == Kind::Chan as u8 => Made::Chan(t.chan_dir, elem),
        k if k == Kind::Struct as u8 => {
            // SAFETY: a struct descriptor's `fields` holds `nfields` fields.
            let fs = if t.nfields == 0 { &[][..] } else { unsafe { std::slice::from_raw_parts(t.fields, t.nfields) } };
            Made::Struct(name(t), fs.iter().map(|f| f.ty as usize).collect())
        }
        k if k == Kind::Func as u8 => {
            let n = t.len + t.nout;
            // SAFETY: a func descriptor's `params` holds `len + nout` descriptors.
            let all = if n == 0 { &[][..] } else { unsafe { std::slice::from_raw_parts(t.params, n) } };
            Made::Func(all.iter().map(|&p| p as usize).collect(), t.len, t.flags & TYPE_FLAG_VARIADIC != 0)
        }
        _ => return None,
    })
}

/// The table of [`MADE`] as it starts: the program's descriptors.
fn program_types() -> HashMap<Made, usize> {
    let (table, len) = *TYPELINKS.lock().unwrap_or_else(|e| e.into_inner());
    let mut map = HashMap::new();
    if table != 0 {
        // SAFETY: registered by the compiler's code: `len` valid descriptors.
        let descs = unsafe { std::slice::from_raw_parts(table as *const *const TypeDesc, len) };
        for &d in descs {
            // SAFETY: as above.
            if let Some(key) = made_of(unsafe { &*d }) {
                map.entry(key).or_insert(d as usize);
            }
        }
    }
    map
}

/// The descriptor for `key`: the program's, or the one made by `make` the
/// first time.
fn made(key: Made, make: impl FnOnce() -> TypeDesc) -> *const TypeDesc {
    let mut table = MADE.lock().unwrap_or_else(|e| e.into_inner());
    let map = table.get_or_insert_with(program_types);
    let addr = *map.entry(key).or_insert_with(|| Box::leak(Box::new(make())) as *const TypeDesc as usize);
    addr as *const TypeDesc
}

/// A leaked Go string of `s`.
fn leaked(s: String) -> GoString {
    let b: &'static [u8] = Box::leak(s.into_bytes().into_boxed_slice());
    GoString::from_static(b)
}

/// The name of descriptor `t`.
fn name(t: &TypeDesc) -> String {
    // SAFETY: a descriptor's name is a valid string.
    String::from_utf8_lossy(unsafe { t.name.bytes() }).into_owned()
}

/// A made descriptor of `kind` named `name`, `size` bytes aligned as a
/// word, holding pointers.
fn composite(kind: Kind, name: String, size: usize) -> TypeDesc {
    TypeDesc { name: leaked(name), ..TypeDesc::bare("", kind, size) }
}

/// `func ptrTo(t *abiType) *abiType`: the descriptor of `*t`. Its method
/// table is `t`'s when `t`'s values are boxed behind the data word (the
/// same code then serves `*t`, whose data word is that pointer), without
/// method expressions (`Method.Func`); the pointer-receiver methods of a
/// type whose pointer type the program never names are not listed.
///
/// # Safety
/// `t` is a valid descriptor.
pub unsafe extern "C" fn ptr_to(t: *const TypeDesc) -> *const TypeDesc {
    // SAFETY: by the precondition.
    let e = unsafe { &*t };
    if !e.ptr_to_this.is_null() {
        return e.ptr_to_this;
    }
    made(Made::Pointer(t as usize), || {
        let mut d = composite(Kind::Pointer, format!("*{}", name(e)), 8);
        d.elem = t;
        if !direct(e.kind) && e.nmethods > 0 {
            // SAFETY: a descriptor's `methods` holds `nmethods` entries.
            let ms = unsafe { std::slice::from_raw_parts(e.methods, e.nmethods) };
            // The method expressions of `t`'s table take a `t`, not a `*t`:
            // `*t`'s are left out (reflect then gives the type alone).
            let copies: Vec<MethodDesc> =
                ms.iter().map(|m| MethodDesc { ftyp: std::ptr::null(), func: std::ptr::null(), ..*m }).collect();
            d.nmethods = copies.len();
            d.methods = Box::leak(copies.into_boxed_slice()).as_ptr();
        }
        d
    })
}

/// `func sliceOf(t *abiType) *abiType`: the descriptor of `[]t`.
///
/// # Safety
/// `t` is a valid descriptor.
pub unsafe extern "C" fn slice_of(t: *const TypeDesc) -> *const TypeDesc {
    // SAFETY: by the precondition.
    let e = unsafe { &*t };
    made(Made::Slice(t as usize), || TypeDesc { elem: t, ..composite(Kind::Slice, format!("[]{}", name(e)), 24) })
}

/// `func mapOf(k, v *abiType) *abiType`: the descriptor of `map[k]v`
/// (reflect has checked that `k` is comparable).
///
/// # Safety
/// `k` and `v` are valid descriptors.
pub unsafe extern "C" fn map_of(k: *const TypeDesc, v: *const TypeDesc) -> *const TypeDesc {
    // SAFETY: by the precondition.
    let (kd, vd) = unsafe { (&*k, &*v) };
    made(Made::Map(k as usize, v as usize), || TypeDesc {
        key: k,
        elem: v,
        ..composite(Kind::Map, format!("map[{}]{}", name(kd), name(vd)), 8)
    })
}

/// `func arrayOf(n int, t *abiType) *abiType`: the descriptor of `[n]t`
/// (reflect has checked that the size fits).
///
/// # Safety
/// `t` is a valid descriptor.
pub unsafe extern "C" fn array_of(n: usize, t: *const TypeDesc) -> *const TypeDesc {
    // SAFETY: by the precondition.
    let e = unsafe { &*t };
    made(Made::Array(n, t as usize), || TypeDesc {
        elem: t,
        len: n,
        align: e.align,
        flags: if e.flags & TYPE_FLAG_NOPTR != 0 || n == 0 { TYPE_FLAG_NOPTR } else { 0 },
        ..composite(Kind::Array, format!("[{n}]{}", name(e)), e.size * n)
    })
}

/// `func chanOf(dir int, t *abiType) *abiType`: the descriptor of a
/// channel of `t` with direction `dir` (reflect's `ChanDir`: 1 receive,
/// 2 send, 3 both), named as gc names it (`chan (<-chan int)` where the
/// element is a receive-only channel).
///
/// # Safety
/// `t` is a valid descriptor.
pub unsafe extern "C" fn chan_of(dir: usize, t: *const TypeDesc) -> *const TypeDesc {
    // SAFETY: by the precondition.
    let e = unsafe { &*t };
    let dir = dir as u8;
    made(Made::Chan(dir, t as usize), || {
        let elem = name(e);
        let name = match dir {
            1 => format!("<-chan {elem}"),
            2 => format!("chan<- {elem}"),
            _ if elem.starts_with("<-chan") => format!("chan ({elem})"),
            _ => format!("chan {elem}"),
        };
        TypeDesc { elem: t, chan_dir: dir, ..composite(Kind::Chan, name, 8) }
    })
}

/// `func funcOf(in, out []*abiType, variadic bool) *abiType`: the
/// descriptor of the func type with these parameters and results (with
/// `variadic`, the last parameter is a slice type, written `...E`).
///
/// # Safety
/// `ins` and `outs` hold `nin` and `nout` valid descriptors.
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn func_of(
    ins: *const *const TypeDesc,
    nin: usize,
    _in_cap: usize,
    outs: *const *const TypeDesc,
    nout: usize,
    _out_cap: usize,
    variadic: bool,
) -> *const TypeDesc {
    // SAFETY: by the precondition.
    let (ins, outs) = unsafe {
        (
            if nin == 0 { &[][..] } else { std::slice::from_raw_parts(ins, nin) },
            if nout == 0 { &[][..] } else { std::slice::from_raw_parts(outs, nout) },
        )
    };
    let all: Vec<*const TypeDesc> = ins.iter().chain(outs).copied().collect();
    let key = Made::Func(all.iter().map(|&t| t as usize).collect(), nin, variadic);
    made(key, || {
        // SAFETY: by the precondition.
        let names: Vec<String> = all.iter().map(|&t| name(unsafe { &*t })).collect();
        let mut params: Vec<String> = names[..nin].to_vec();
        if variadic && let Some(last) = params.last_mut() {
            *last = format!("...{}", last.strip_prefix("[]").unwrap_or(last));
        }
        let results = match &names[nin..] {
            [] => String::new(),
            [r] => format!(" {r}"),
            rs => format!(" ({})", rs.join(", ")),
        };
        let mut d = composite(Kind::Func, format!("func({}){results}", params.join(", ")), 8);
        d.len = nin;
        d.nout = nout;
        d.key = all.first().copied().filter(|_| nin > 0).unwrap_or(std::ptr::null());
        d.flags = if variadic { TYPE_FLAG_VARIADIC } else { 0 };
        if !all.is_empty() {
            d.params = Box::leak(all.clone().into_boxed_slice()).as_ptr();
        }
        d
    })
}

/// What reflect's `StructOf` asks for (`structSpec` in lib/reflect's
/// structof.go, field for field): the type's name as gc prints it, its
/// layout, and its fields (names, tags and types; offsets computed).
#[repr(C)]
pub struct StructSpec {
    name: GoString,
    size: usize,
    align: usize,
    noptr: bool,
    pkg_path: GoString,
    fields: crate::abi::GoSlice,
}

/// A leaked copy of Go string `s` (the Go heap's may be collected).
///
/// # Safety
/// `s` is a valid Go string.
unsafe fn leaked_copy(s: GoString) -> GoString {
    // SAFETY: by the precondition.
    leaked(String::from_utf8_lossy(unsafe { s.bytes() }).into_owned())
}

/// `func structOf(spec *structSpec) *abiType`: the descriptor of the
/// struct type `spec` describes (reflect has checked the fields and laid
/// them out), the program's own when it has that type.
///
/// # Safety
/// `spec` is a valid spec whose `fields` are `FieldDesc`s of valid types.
pub unsafe extern "C" fn struct_of(spec: *const StructSpec) -> *const TypeDesc {
    // SAFETY: by the precondition.
    let (spec, fields) = unsafe {
        let spec = &*spec;
        let f = spec.fields;
        (spec, if f.len == 0 { &[][..] } else { std::slice::from_raw_parts(f.ptr.cast::<FieldDesc>(), f.len) })
    };
    // SAFETY: the spec's strings are valid.
    let name = String::from_utf8_lossy(unsafe { spec.name.bytes() }).into_owned();
    let key = Made::Struct(name.clone(), fields.iter().map(|f| f.ty as usize).collect());
    made(key, || {
        let copies: Vec<FieldDesc> = fields
            .iter()
            // SAFETY: the fields' strings are valid.
            .map(|f| unsafe {
                FieldDesc {
                    name: leaked_copy(f.name),
                    ty: f.ty,
                    offset: f.offset,
                    tag: leaked_copy(f.tag),
                    embedded: f.embedded,
                }
            })
            .collect();
        let mut d = composite(Kind::Struct, name, spec.size);
        d.align = spec.align as u8;
        d.flags = if spec.noptr { TYPE_FLAG_NOPTR } else { 0 };
        // SAFETY: the spec's strings are valid.
        d.pkg_path = unsafe { leaked_copy(spec.pkg_path) };
        d.nfields = copies.len();
        if !copies.is_empty() {
            d.fields = Box::leak(copies.into_boxed_slice()).as_ptr();
        }
        d
    })
}
