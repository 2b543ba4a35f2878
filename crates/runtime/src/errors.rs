//! Runtime errors: the values behind `panic: runtime error: …`.
//!
//! A failed check in generated code (division by zero, nil dereference,
//! index or slice bounds, failed type assertion, nil map write, …) becomes
//! a Go panic whose value is a `runtime.Error`. The panic engine builds that
//! value from a [`RuntimeError`] with [`runtime_error_eface`]; `recover()`
//! hands it to Go code; printing it, or calling its `Error` method, gives
//! exactly gc 1.19's text.
//!
//! # Dynamic types
//! gc uses five types for these values, and `fmt.Printf("%T", recover())`
//! shows them; deft keeps the same names (checked with gc 1.27.3):
//!
//! | type (`%T`)                   | data word points to             | `Error()`                       |
//! |-------------------------------|---------------------------------|---------------------------------|
//! | `runtime.errorString`         | a [`GoString`] (the detail)     | `runtime error: ` + detail      |
//! | `runtime.plainError`          | a [`GoString`]                  | the string alone                |
//! | `maps.unhashableTypeError`    | a [`GoString`] (the whole text) | the string alone                |
//! | `runtime.boundsError`         | a [`BoundsError`]               | see [`BoundsError`]             |
//! | `*runtime.TypeAssertionError` | is the pointer to a [`TypeAssertionError`] | `interface conversion: …` |
//! | `*runtime.PanicNilError`      | any non-nil pointer (the struct has no data) | `runtime error: panic called with nil argument` |
//!
//! The last is the value of `panic(nil)` since Go 1.21 ([`panic_nil_eface`]).
//! All six have the methods `Error() string` and `RuntimeError()`, so they
//! satisfy `runtime.Error`. Their [`TypeDesc`]s are statics of this module;
//! a value is recognised as a runtime error by the identity of its type
//! descriptor. The method code addresses in those descriptors are
//! `extern "C"` functions taking the data word; a Go call of `Error`
//! reaches [`crate::iface::deft_runtime_error_method`] instead, which also
//! takes the closure context first, as Go methods do.
//!
//! Which runtime error is which kind (all checked with gc 1.27.3):
//! `errorString`: integer divide by zero, nil dereference (and nil func
//! call), negative shift amount, `makeslice: len/cap out of range`,
//! `growslice: len out of range`, `unsafe.Slice: …`, `hash of unhashable
//! type T`, `comparing uncomparable type T`. `plainError`: `assignment to
//! entry in nil map`, `close of closed channel`, `close of nil channel`,
//! `send on closed channel`, `makechan: size out of range`.
//! `maps.unhashableTypeError`: `hash of unhashable type: T`, from reading
//! or deleting an unhashable key in a nil or empty map.

use crate::abi::{Eface, GoString, Kind, MethodDesc, TYPE_FLAG_NAMED, TypeDesc};
use crate::alloc::deft_alloc;
use crate::print::{ByteSink, fmt_int, fmt_uint};
use crate::strings::new_string;

/// Which bounds check failed, as gc's `boundsErrorCode`. The compiler
/// picks the code; the names say which check produced it.
#[repr(u8)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoundsCode {
    /// `s[x]` with `x` outside `0 <= x < len(s)` (also arrays and strings).
    Index = 0,
    /// `s[?:x]` with `x > len(s)`, for strings and arrays (or pointers to
    /// arrays), whose capacity is their length.
    SliceAlen = 1,
    /// `s[?:x]` with `x > cap(s)`, for slices.
    SliceAcap = 2,
    /// `s[x:y]` with `x > y` (the high bound `y` passed: for `s[x:]` it is
    /// `len(s)`), once the high bound is known to be in range.
    SliceB = 3,
    /// `s[?:?:x]` with `x > len` (arrays).
    Slice3Alen = 4,
    /// `s[?:?:x]` with `x > cap(s)` (slices).
    Slice3Acap = 5,
    /// `s[?:x:y]` with `x > y`.
    Slice3B = 6,
    /// `s[x:y:?]` with `x > y`.
    Slice3C = 7,
    /// `(*[x]T)(s)` or `[x]T(s)` with `len(s) < x`: `x` is the array
    /// length, `y` the slice length.
    Convert = 8,
}

impl BoundsCode {
    /// The code with number `n`, if there is one.
    pub fn from_u8(n: u8) -> Option<BoundsCode> {
        use BoundsCode::*;
        [Index, SliceAlen, SliceAcap, SliceB, Slice3Alen, Slice3Acap, Slice3B, Slice3C, Convert]
            .get(n as usize)
            .copied()
    }
}

/// Bit of a packed bounds code word (see [`BoundsError::from_packed`])
/// saying that `x` is signed.
pub const BOUNDS_SIGNED: u64 = 1 << 8;

/// A failed bounds check: the value of gc's `runtime.boundsError`.
///
/// `x` is the offending index or bound, `y` the length, capacity or other
/// bound it was checked against. `signed` says whether `x` had a signed
/// type: a negative signed `x` gets a message without `y`, and an unsigned
/// `x` prints as unsigned (`[9223372036854775808]`).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BoundsError {
    /// The failing index or bound (reinterpreted as `u64` when `!signed`).
    pub x: i64,
    /// The length, capacity or bound it was checked against.
    pub y: i64,
    /// Whether `x` came from a signed integer type.
    pub signed: bool,
    /// Which check failed.
    pub code: BoundsCode,
}

impl BoundsError {
    /// Unpacks the arguments a bounds-failure entry point receives from
    /// generated code: `x`, `y`, and a code word whose low byte is the
    /// [`BoundsCode`] and whose [`BOUNDS_SIGNED`] bit says `x` is signed.
    /// `None` for an unknown code.
    pub fn from_packed(x: i64, y: i64, code: u64) -> Option<BoundsError> {
        let kind = BoundsCode::from_u8((code & 0xff) as u8)?;
        Some(BoundsError { x, y, signed: code & BOUNDS_SIGNED != 0, code: kind })
    }
}

/// One part of a bounds message.
enum Piece {
    Text(&'static str),
    X,
    Y,
}

/// The message of [`BoundsCode::Convert`] (gc 1.20+ names both conversions).
const CONVERT_ARRAY: &[Piece] = &[
    Piece::Text("cannot convert slice with length "),
    Piece::Y,
    Piece::Text(" to array or pointer to array with length "),
    Piece::X,
];

impl BoundsError {
    /// The message template, as gc 1.19 words it.
    fn template(&self) -> &'static [Piece] {
        use BoundsCode::*;
        use Piece::{Text as T, X, Y};
        const OOR: &str = "slice bounds out of range [";
        if self.signed && self.x < 0 {
            // A negative index: no need to show what it was checked against.
            return match self.code {
                Index => &[T("index out of range ["), X, T("]")],
                SliceAlen | SliceAcap => &[T(OOR), T(":"), X, T("]")],
                SliceB => &[T(OOR), X, T(":]")],
                Slice3Alen | Slice3Acap => &[T(OOR), T("::"), X, T("]")],
                Slice3B => &[T(OOR), T(":"), X, T(":]")],
                Slice3C => &[T(OOR), X, T("::]")],
                Convert => CONVERT_ARRAY,
            };
        }
        match self.code {
            Index => &[T("index out of range ["), X, T("] with length "), Y],
            SliceAlen => &[T(OOR), T(":"), X, T("] with length "), Y],
            SliceAcap => &[T(OOR), T(":"), X, T("] with capacity "), Y],
            SliceB => &[T(OOR), X, T(":"), Y, T("]")],
            Slice3Alen => &[T(OOR), T("::"), X, T("] with length "), Y],
            Slice3Acap => &[T(OOR), T("::"), X, T("] with capacity "), Y],
            Slice3B => &[T(OOR), T(":"), X, T(":"), Y, T("]")],
            Slice3C => &[T(OOR), X, T(":"), Y, T(":]")],
            Convert => CONVERT_ARRAY,
        }
    }

    /// Writes the message without the `runtime error: ` prefix, e.g.
    /// `index out of range [5] with length 3`.
    pub fn write_detail(&self, out: &mut impl ByteSink) {
        for piece in self.template() {
            match piece {
                Piece::Text(t) => out.put(t.as_bytes()),
                Piece::X if self.signed => fmt_int(out, self.x),
                Piece::X => fmt_uint(out, self.x as u64),
                Piece::Y => fmt_int(out, self.y),
            }
        }
    }
}

/// A failed type assertion or conversion to an interface: the value of
/// gc's `*runtime.TypeAssertionError`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct TypeAssertionError {
    /// The static type of the operand, or null when it is an empty
    /// interface asserted to a non-empty one (gc then says `interface`).
    pub interface: *const TypeDesc,
    /// The operand's dynamic type, or null when the operand is nil.
    pub concrete: *const TypeDesc,
    /// The type asserted.
    pub asserted: *const TypeDesc,
    /// For an assertion to an interface type, the first method (by name)
    /// `concrete` lacks; empty otherwise.
    pub missing_method: GoString,
}

/// Appends a type's name as gc prints it (`main.T`, `[]int`).
fn put_type_name(out: &mut impl ByteSink, ty: *const TypeDesc) {
    // SAFETY: type descriptors are static data that live forever, and
    // their names are valid Go strings.
    out.put(unsafe { (*ty).name.bytes() });
}

/// Whether two type descriptors have the same name.
fn same_name(a: *const TypeDesc, b: *const TypeDesc) -> bool {
    // SAFETY: as in `put_type_name`.
    unsafe { (*a).name.bytes() == (*b).name.bytes() }
}

impl TypeAssertionError {
    /// Writes the whole message, e.g.
    /// `interface conversion: interface {} is string, not int`.
    pub fn write_message(&self, out: &mut impl ByteSink) {
        out.put(b"interface conversion: ");
        if !self.missing_method_name().is_empty() {
            put_type_name(out, self.concrete);
            out.put(b" is not ");
            put_type_name(out, self.asserted);
            out.put(b": missing method ");
            out.put(self.missing_method_name());
            return;
        }
        if self.interface.is_null() {
            out.put(b"interface");
        } else {
            put_type_name(out, self.interface);
        }
        out.put(b" is ");
        if self.concrete.is_null() {
            out.put(b"nil");
        } else {
            put_type_name(out, self.concrete);
        }
        out.put(b", not ");
        put_type_name(out, self.asserted);
        if !self.concrete.is_null() && same_name(self.concrete, self.asserted) {
            // FIXME: gc says "(types from different packages)" when the
            // package paths differ; descriptors carry no package path yet
            // and deft compiles only package main.
            out.put(b" (types from different scopes)");
        }
    }

    fn missing_method_name(&self) -> &[u8] {
        // SAFETY: `missing_method` is a valid Go string (runtime-made or
        // static).
        unsafe { self.missing_method.bytes() }
    }
}

/// Every runtime error deft raises, with the numbers and types its message
/// needs.
#[derive(Clone, Copy, Debug)]
pub enum RuntimeError {
    /// `integer divide by zero` (also `%`).
    DivideByZero,
    /// `integer overflow`: a quotient of `math/bits.Div` that does not fit
    /// (upstream `math/bits` panics with it through `runtime.overflowError`).
    Overflow,
    /// `invalid memory address or nil pointer dereference`, also for a call
    /// of a nil func value.
    NilDeref,
    /// `negative shift amount`.
    NegativeShift,
    /// `makeslice: len out of range`.
    MakeSliceLen,
    /// `makeslice: cap out of range`.
    MakeSliceCap,
    /// `growslice: len out of range` (an `append` too large).
    GrowSliceLen,
    /// `unsafe.Slice: ptr is nil and len is not zero`.
    UnsafeSliceNilPtr,
    /// `unsafe.Slice: len out of range`.
    UnsafeSliceLen,
    /// `unsafe.String: ptr is nil and len is not zero`.
    UnsafeStringNilPtr,
    /// `unsafe.String: len out of range`.
    UnsafeStringLen,
    /// `hash of unhashable type T`: a map key or interface hashed whose
    /// dynamic type cannot be hashed.
    Unhashable(*const TypeDesc),
    /// `hash of unhashable type: T` (no `runtime error: ` prefix, type
    /// `maps.unhashableTypeError`): the same fault found by gc's check of
    /// a key read from or deleted in a nil or empty map, which hashes
    /// nothing.
    UnhashableKey(*const TypeDesc),
    /// `comparing uncomparable type T`: `==` on interfaces holding it.
    Uncomparable(*const TypeDesc),
    /// `assignment to entry in nil map`.
    NilMapWrite,
    /// `close of closed channel`.
    CloseOfClosedChannel,
    /// `close of nil channel`.
    CloseOfNilChannel,
    /// `send on closed channel`.
    SendOnClosedChannel,
    /// `makechan: size out of range`.
    MakeChanSize,
    /// A range-over-func iterator called the loop body in state `.0`
    /// (0 done, 2 panicked, 3 exhausted) or returned normally after the
    /// body panicked (4): gc's `range function ...` errors.
    RangeState(u8),
    /// `value method main.T.M called using nil *T pointer`: a value method
    /// called through a nil pointer in an interface (gc's `panicwrap`);
    /// the receiver type `T` and the method name.
    NilValueReceiver(*const TypeDesc, GoString),
    /// Index, slice bounds and slice-to-array-pointer conversion failures.
    Bounds(BoundsError),
    /// A failed type assertion.
    TypeAssertion(TypeAssertionError),
}

impl RuntimeError {
    /// Whether gc makes this error a `runtime.plainError` (no
    /// `runtime error: ` prefix) rather than a `runtime.errorString`; only
    /// meaningful for the variants other than `Bounds` and `TypeAssertion`.
    fn is_plain(&self) -> bool {
        use RuntimeError::*;
        matches!(
            self,
            NilMapWrite
                | CloseOfClosedChannel
                | CloseOfNilChannel
                | SendOnClosedChannel
                | MakeChanSize
                | NilValueReceiver(..)
                | UnhashableKey(_)
        )
    }

    /// The fixed text of an `errorString` or `plainError`, and the type
    /// whose name follows it, if any.
    fn text(&self) -> (&'static str, *const TypeDesc) {
        use RuntimeError::*;
        let fixed = match *self {
            DivideByZero => "integer divide by zero",
            Overflow => "integer overflow",
            NilDeref => "invalid memory address or nil pointer dereference",
            NegativeShift => "negative shift amount",
            MakeSliceLen => "makeslice: len out of range",
            MakeSliceCap => "makeslice: cap out of range",
            GrowSliceLen => "growslice: len out of range",
            UnsafeSliceNilPtr => "unsafe.Slice: ptr is nil and len is not zero",
            UnsafeSliceLen => "unsafe.Slice: len out of range",
            UnsafeStringNilPtr => "unsafe.String: ptr is nil and len is not zero",
            UnsafeStringLen => "unsafe.String: len out of range",
            Unhashable(t) => return ("hash of unhashable type ", t),
            UnhashableKey(t) => return ("hash of unhashable type: ", t),
            Uncomparable(t) => return ("comparing uncomparable type ", t),
            NilMapWrite => "assignment to entry in nil map",
            CloseOfClosedChannel => "close of closed channel",
            CloseOfNilChannel => "close of nil channel",
            SendOnClosedChannel => "send on closed channel",
            MakeChanSize => "makechan: size out of range",
            RangeState(0) => "range function continued iteration after function for loop body returned false",
            RangeState(2) => "range function continued iteration after loop body panic",
            RangeState(3) => "range function continued iteration after whole loop exit",
            RangeState(_) => "range function recovered a loop body panic and did not resume panicking",
            // Dynamic text: see `write_text`; non-null type for `text_string`.
            NilValueReceiver(t, _) => return ("", t),
            Bounds(_) | TypeAssertion(_) => "",
        };
        (fixed, std::ptr::null())
    }

    /// Writes the `errorString`/`plainError` text (without prefix).
    fn write_text(&self, out: &mut impl ByteSink) {
        if let RuntimeError::NilValueReceiver(t, method) = *self {
            // SAFETY: the compiler passes a valid descriptor and method name.
            let (name, method) = unsafe {
                (
                    crate::strings::go_bytes((*t).name.ptr, (*t).name.len),
                    crate::strings::go_bytes(method.ptr, method.len),
                )
            };
            // gc names the wrapper's receiver as its traceback does: an
            // instance's type arguments are `[...]`.
            let (base, args): (&[u8], &[u8]) = match name.iter().position(|&b| b == b'[') {
                Some(i) => (&name[..i], b"[...]"),
                None => (name, b""),
            };
            let short = base.rsplit(|&b| b == b'.').next().unwrap_or(base);
            for part in
                [&b"value method "[..], base, args, b".", method, b" called using nil *", short, args, b" pointer"]
            {
                out.put(part);
            }
            return;
        }
        let (fixed, ty) = self.text();
        out.put(fixed.as_bytes());
        if !ty.is_null() {
            put_type_name(out, ty);
        }
    }

    /// Writes the error's `Error()` text, e.g.
    /// `runtime error: index out of range [5] with length 3`; this is also
    /// what `panic: ` is followed by when it is not recovered.
    pub fn message(&self, out: &mut impl ByteSink) {
        match self {
            RuntimeError::Bounds(b) => {
                out.put(RUNTIME_ERROR_PREFIX);
                b.write_detail(out);
            }
            RuntimeError::TypeAssertion(t) => t.write_message(out),
            _ => {
                if !self.is_plain() {
                    out.put(RUNTIME_ERROR_PREFIX);
                }
                self.write_text(out);
            }
        }
    }

    /// Whether gc prints the `[signal SIGSEGV: …]` line after an
    /// unrecovered panic with this error (a nil dereference, which gc
    /// detects by the fault).
    pub fn is_nil_deref(&self) -> bool {
        matches!(self, RuntimeError::NilDeref)
    }
}

const RUNTIME_ERROR_PREFIX: &[u8] = b"runtime error: ";

/// A `TypeDesc` in a `static`: descriptors hold raw pointers, which are
/// not `Sync` by themselves.
#[repr(transparent)]
pub struct StaticType(pub TypeDesc);

// SAFETY: the descriptor and everything it points to is immutable static
// data.
unsafe impl Sync for StaticType {}

/// Methods in a `static`, as [`StaticType`].
#[repr(transparent)]
struct StaticMethods<const N: usize>([MethodDesc; N]);

// SAFETY: immutable static data (names and code addresses).
unsafe impl<const N: usize> Sync for StaticMethods<N> {}

const fn runtime_type(
    name: &'static str,
    kind: Kind,
    size: usize,
    flags: u8,
    elem: *const TypeDesc,
    methods: &'static [MethodDesc],
) -> TypeDesc {
    TypeDesc {
        flags,
        elem,
        // Fields are deliberately not described: the values are opaque to
        // Go code, which reaches them only through their methods.
        methods: methods.as_ptr(),
        nmethods: methods.len(),
        ..TypeDesc::bare(name, kind, size)
    }
}

/// Method table of a runtime error type: `Error` then `RuntimeError`
/// (sorted by name).
const fn error_methods(error: extern "C" fn(*const u8) -> GoString) -> [MethodDesc; 2] {
    [
        MethodDesc {
            name: GoString::from_static(b"Error"),
            sig: GoString::from_static(b""),
            code: error as *const u8,
            mtyp: std::ptr::null(),
            glue: std::ptr::null(),
            ftyp: std::ptr::null(),
            func: std::ptr::null(),
        },
        MethodDesc {
            name: GoString::from_static(b"RuntimeError"),
            sig: GoString::from_static(b""),
            code: deft_runtime_error_marker as *const u8,
            mtyp: std::ptr::null(),
            glue: std::ptr::null(),
            ftyp: std::ptr::null(),
            func: std::ptr::null(),
        },
    ]
}

static ERROR_STRING_METHODS: StaticMethods<2> = StaticMethods(error_methods(error_string_error));
static PLAIN_ERROR_METHODS: StaticMethods<2> = StaticMethods(error_methods(plain_error_error));
static BOUNDS_ERROR_METHODS: StaticMethods<2> = StaticMethods(error_methods(bounds_error_error));
static TYPE_ASSERTION_METHODS: StaticMethods<2> = StaticMethods(error_methods(type_assertion_error_error));
static PANIC_NIL_METHODS: StaticMethods<2> = StaticMethods(error_methods(panic_nil_error_error));

/// `runtime.errorString`.
pub static ERROR_STRING_TYPE: StaticType = StaticType(runtime_type(
    "runtime.errorString",
    Kind::String,
    16,
    TYPE_FLAG_NAMED,
    std::ptr::null(),
    &ERROR_STRING_METHODS.0,
));

/// `runtime.plainError`.
pub static PLAIN_ERROR_TYPE: StaticType = StaticType(runtime_type(
    "runtime.plainError",
    Kind::String,
    16,
    TYPE_FLAG_NAMED,
    std::ptr::null(),
    &PLAIN_ERROR_METHODS.0,
));

/// `maps.unhashableTypeError` (internal/runtime/maps): laid out and
/// printed as a `plainError`.
pub static UNHASHABLE_KEY_TYPE: StaticType = StaticType(runtime_type(
    "maps.unhashableTypeError",
    Kind::String,
    16,
    TYPE_FLAG_NAMED,
    std::ptr::null(),
    &PLAIN_ERROR_METHODS.0,
));

/// `runtime.boundsError`.
pub static BOUNDS_ERROR_TYPE: StaticType = StaticType(runtime_type(
    "runtime.boundsError",
    Kind::Struct,
    std::mem::size_of::<BoundsError>(),
    TYPE_FLAG_NAMED,
    std::ptr::null(),
    &BOUNDS_ERROR_METHODS.0,
));

/// `runtime.TypeAssertionError` (the element of the pointer type that
/// runtime errors use; it has no methods of its own).
pub static TYPE_ASSERTION_ELEM_TYPE: StaticType = StaticType(runtime_type(
    "runtime.TypeAssertionError",
    Kind::Struct,
    std::mem::size_of::<TypeAssertionError>(),
    TYPE_FLAG_NAMED,
    std::ptr::null(),
    &[],
));

/// `*runtime.TypeAssertionError`.
pub static TYPE_ASSERTION_ERROR_TYPE: StaticType = StaticType(runtime_type(
    "*runtime.TypeAssertionError",
    Kind::Pointer,
    8,
    0,
    &TYPE_ASSERTION_ELEM_TYPE.0,
    &TYPE_ASSERTION_METHODS.0,
));

/// `runtime.PanicNilError` (an empty struct: the element of the pointer
/// type `panic(nil)` raises).
pub static PANIC_NIL_ELEM_TYPE: StaticType =
    StaticType(runtime_type("runtime.PanicNilError", Kind::Struct, 0, TYPE_FLAG_NAMED, std::ptr::null(), &[]));

/// `*runtime.PanicNilError`.
pub static PANIC_NIL_ERROR_TYPE: StaticType = StaticType(runtime_type(
    "*runtime.PanicNilError",
    Kind::Pointer,
    8,
    0,
    &PANIC_NIL_ELEM_TYPE.0,
    &PANIC_NIL_METHODS.0,
));

/// The text of a `*runtime.PanicNilError`.
const PANIC_NIL_TEXT: &[u8] = b"runtime error: panic called with nil argument";

/// What `panic(nil)` raises since Go 1.21: a `*runtime.PanicNilError`,
/// so that `recover()` tells it from no panic. (The pointer only needs to
/// be non-nil: the struct has no fields, as gc's `new` of it returns its
/// zero-size base address.)
pub fn panic_nil_eface() -> Eface {
    Eface { ty: &PANIC_NIL_ERROR_TYPE.0, data: (&raw const PANIC_NIL_ELEM_TYPE).cast() }
}

/// Which runtime error type `ty` is, if any.
fn shape_of_type(ty: *const TypeDesc) -> Option<TypeShape> {
    let is = |s: &StaticType| std::ptr::eq(ty, &s.0);
    if is(&ERROR_STRING_TYPE) {
        Some(TypeShape::ErrorString)
    } else if is(&PLAIN_ERROR_TYPE) || is(&UNHASHABLE_KEY_TYPE) {
        Some(TypeShape::PlainError)
    } else if is(&BOUNDS_ERROR_TYPE) {
        Some(TypeShape::Bounds)
    } else if is(&TYPE_ASSERTION_ERROR_TYPE) {
        Some(TypeShape::TypeAssertion)
    } else if is(&PANIC_NIL_ERROR_TYPE) {
        Some(TypeShape::PanicNil)
    } else {
        None
    }
}

/// Which layout a runtime error type has (`maps.unhashableTypeError` is
/// laid out as a `plainError`).
#[derive(Clone, Copy)]
enum TypeShape {
    ErrorString,
    PlainError,
    Bounds,
    TypeAssertion,
    PanicNil,
}

/// Whether `ty` is the dynamic type of a runtime error value.
pub fn is_runtime_error_type(ty: *const TypeDesc) -> bool {
    shape_of_type(ty).is_some()
}

/// Copies `v` to a fresh heap block and returns its address.
fn box_value<T: Copy>(v: T) -> *const u8 {
    let p = deft_alloc(std::mem::size_of::<T>(), std::mem::align_of::<T>()).cast::<T>();
    // SAFETY: `p` is a fresh block sized and aligned for a `T`.
    unsafe { p.write(v) };
    p.cast()
}

/// Makes the Go value of `err`: an interface holding one of the five
/// runtime error types, ready to be the value of a panic. Allocates on the
/// Go heap.
pub fn runtime_error_eface(err: RuntimeError) -> Eface {
    let (ty, data) = match err {
        RuntimeError::Bounds(b) => (&BOUNDS_ERROR_TYPE, box_value(b)),
        RuntimeError::TypeAssertion(t) => (&TYPE_ASSERTION_ERROR_TYPE, box_value(t)),
        RuntimeError::UnhashableKey(_) => (&UNHASHABLE_KEY_TYPE, box_value(text_string(&err))),
        _ if err.is_plain() => (&PLAIN_ERROR_TYPE, text_box(&err)),
        _ => (&ERROR_STRING_TYPE, text_box(&err)),
    };
    Eface { ty: &ty.0, data }
}

/// The data word of an `errorString`/`plainError`: for a fixed text one
/// static box per text, as gc's runtime raises those errors from package
/// variables (so that two such panics are the very same value, which
/// matters to `[recovered, repanicked]`); else a fresh heap box.
fn text_box(err: &RuntimeError) -> *const u8 {
    static BOXES: std::sync::Mutex<Vec<(&'static str, usize)>> = std::sync::Mutex::new(Vec::new());
    match err.text() {
        (fixed, ty) if ty.is_null() => {
            let mut boxes = BOXES.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            let addr = match boxes.iter().find(|(t, _)| *t == fixed) {
                Some(&(_, addr)) => addr,
                None => {
                    // Leaked once per distinct text: the runtime's own statics.
                    let boxed: &'static GoString = Box::leak(Box::new(GoString::from_static(fixed.as_bytes())));
                    let addr = std::ptr::from_ref(boxed) as usize;
                    boxes.push((fixed, addr));
                    addr
                }
            };
            addr as *const u8
        }
        _ => box_value(text_string(err)),
    }
}

/// The detail string of an `errorString`/`plainError`, as a Go string
/// (static when the text is fixed).
fn text_string(err: &RuntimeError) -> GoString {
    match err.text() {
        (fixed, ty) if ty.is_null() => GoString::from_static(fixed.as_bytes()),
        _ => {
            let mut text = Vec::new();
            err.write_text(&mut text);
            new_string(&text)
        }
    }
}

/// Writes the `Error()` text of `v` if it holds a runtime error (of the
/// five types above) and returns true; otherwise writes nothing and
/// returns false.
pub fn write_error_text(v: Eface, out: &mut impl ByteSink) -> bool {
    let Some(shape) = shape_of_type(v.ty) else {
        return false;
    };
    // SAFETY: `v.ty` is one of our runtime error types, so its data word
    // was made by `runtime_error_eface` and points at the matching value.
    unsafe { write_error_data(shape, v.data, out) };
    true
}

/// Writes the `Error()` text of the runtime error value at `data`.
///
/// # Safety
/// `data` must be the data word of a runtime error value of type `shape`.
unsafe fn write_error_data(shape: TypeShape, data: *const u8, out: &mut impl ByteSink) {
    // SAFETY: the caller guarantees `data` points at the value `shape`
    // describes, built by `runtime_error_eface`.
    unsafe {
        match shape {
            TypeShape::ErrorString => {
                out.put(RUNTIME_ERROR_PREFIX);
                out.put((*data.cast::<GoString>()).bytes());
            }
            TypeShape::PlainError => out.put((*data.cast::<GoString>()).bytes()),
            TypeShape::Bounds => {
                out.put(RUNTIME_ERROR_PREFIX);
                (*data.cast::<BoundsError>()).write_detail(out);
            }
            TypeShape::TypeAssertion => (*data.cast::<TypeAssertionError>()).write_message(out),
            TypeShape::PanicNil => out.put(PANIC_NIL_TEXT),
        }
    }
}

/// The `Error()` text of `v` if it holds a runtime error; `None` for any
/// other value (whose `Error`, if any, is Go code the caller must run).
pub fn error_text(v: Eface) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    write_error_text(v, &mut out).then_some(out)
}

/// Builds the Go string result of an `Error` method.
fn error_method(shape: TypeShape, data: *const u8) -> GoString {
    let mut text = Vec::new();
    // SAFETY: each method is reached only through the method table of the
    // type `shape` names, so `data` is a value of that type.
    unsafe { write_error_data(shape, data, &mut text) };
    new_string(&text)
}

extern "C" fn error_string_error(data: *const u8) -> GoString {
    error_method(TypeShape::ErrorString, data)
}

extern "C" fn plain_error_error(data: *const u8) -> GoString {
    error_method(TypeShape::PlainError, data)
}

extern "C" fn bounds_error_error(data: *const u8) -> GoString {
    error_method(TypeShape::Bounds, data)
}

extern "C" fn type_assertion_error_error(data: *const u8) -> GoString {
    error_method(TypeShape::TypeAssertion, data)
}

extern "C" fn panic_nil_error_error(data: *const u8) -> GoString {
    error_method(TypeShape::PanicNil, data)
}

/// The code of the `RuntimeError()` marker method of every runtime error
/// type; generated code reaches it only through an interface method call
/// on a `runtime.Error`. Returns nothing and does nothing.
#[unsafe(no_mangle)]
pub extern "C" fn deft_runtime_error_marker(_data: *const u8) {}
