//! Value layouts shared by generated code and the runtime.
//!
//! Generated code builds these exact shapes; the runtime reads them. Any
//! change here is a change to the compiler↔runtime contract and must be
//! mirrored in `codegen`.
//!
//! * `string`  = [`GoString`] (pointer, length) — two machine words.
//! * `[]T`     = [`GoSlice`] (pointer, length, capacity).
//! * every interface value, empty or not, = [`Eface`] (type descriptor,
//!   data word); there are no itabs. The data word is the value itself for
//!   pointer-shaped types (pointers, maps, chans, funcs) and otherwise a
//!   pointer to a heap copy of the value. Converting between interface
//!   types copies both words unchanged.
//! * a method of a dynamic type is found by name in its descriptor's sorted
//!   [`MethodDesc`] table (`crate::iface::deft_ifacemethod`) and called with
//!   the Go convention: closure context = the type
//!   descriptor, receiver = the data word, then the arguments. An interface
//!   type's own descriptor lists its methods' names with null code.
//! * a func value is a pointer to a closure object whose first word is the
//!   code address; captured cells follow.
//! * a type is described by a static [`TypeDesc`] emitted by the compiler
//!   (or, for a type the program never names, made once by the runtime for
//!   package reflect, `crate::library::reflect`). Package reflect is Go
//!   code reading these structures through `unsafe`: `lib/reflect/abi.go`
//!   mirrors [`TypeDesc`], [`FieldDesc`] and [`MethodDesc`] field for field,
//!   and must change with them.

/// A Go string.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct GoString {
    /// First byte (may be dangling when `len == 0`).
    pub ptr: *const u8,
    /// Length in bytes.
    pub len: usize,
}

/// A Go slice.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct GoSlice {
    /// First element.
    pub ptr: *mut u8,
    /// Number of elements.
    pub len: usize,
    /// Capacity in elements.
    pub cap: usize,
}

/// An empty interface value; `ty` null means nil.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct Eface {
    /// The dynamic type, or null.
    pub ty: *const TypeDesc,
    /// The value (pointer-shaped types) or a pointer to it.
    pub data: *const u8,
}

impl Eface {
    /// Whether `other` is this very interface value: the same two words
    /// (not Go's `==`, which compares the values they hold).
    pub fn same_words(self, other: Eface) -> bool {
        std::ptr::eq(self.ty, other.ty) && std::ptr::eq(self.data, other.data)
    }
}

/// Kinds of types, numbered as Go's `reflect.Kind`.
#[repr(u8)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Kind {
    Invalid = 0,
    Bool = 1,
    Int = 2,
    Int8 = 3,
    Int16 = 4,
    Int32 = 5,
    Int64 = 6,
    Uint = 7,
    Uint8 = 8,
    Uint16 = 9,
    Uint32 = 10,
    Uint64 = 11,
    Uintptr = 12,
    Float32 = 13,
    Float64 = 14,
    Complex64 = 15,
    Complex128 = 16,
    Array = 17,
    Chan = 18,
    Func = 19,
    Interface = 20,
    Map = 21,
    Pointer = 22,
    Slice = 23,
    String = 24,
    Struct = 25,
    UnsafePointer = 26,
}

/// `TypeDesc::flags` bit: a defined (named) type, printed `main.T(5)` in panics.
pub const TYPE_FLAG_NAMED: u8 = 1;

/// `TypeDesc::flags` bit: values of the type hold no pointers (the
/// collector need not scan memory holding only such values).
pub const TYPE_FLAG_NOPTR: u8 = 2;

/// `TypeDesc::flags` bit of a func type: its results come back in at most
/// two registers (none is passed through a result area), so the runtime
/// can call such a function through its trampoline and ignore them.
pub const TYPE_FLAG_REGISTER_RESULTS: u8 = 4;

/// `TypeDesc::flags` bit of a func type: its last parameter is variadic
/// (`...T`, described as `[]T`).
pub const TYPE_FLAG_VARIADIC: u8 = 8;

/// A method of a type, for dynamic dispatch and for calling `Error()` /
/// `String()` when printing panic values.
#[repr(C)]
#[derive(Debug)]
pub struct MethodDesc {
    /// Method name.
    pub name: GoString,
    /// Its type without the receiver, as gc writes it (`func(int) string`),
    /// which must match too for a type to implement an interface; empty
    /// (matches any) for the runtime's own methods.
    pub sig: GoString,
    /// Code address of the method taking the data word as receiver
    /// (a pointer-receiver wrapper for value types boxed behind a pointer);
    /// null in an interface type's table. Go convention, except for the
    /// runtime error types' SysV methods (see [`crate::errors`]).
    pub code: *const u8,
    /// The method's func type without its receiver (reflect's
    /// `Method.Type` of an interface type, and of a method value); null
    /// for the runtime's own methods.
    pub mtyp: *const TypeDesc,
    /// When the program uses reflect, the code of the method-value glue
    /// for this method's signature: a closure object `[glue, type
    /// descriptor, data word, code]` is then a func value of type `mtyp`
    /// that calls `code(type descriptor, data word, args...)` (codegen's
    /// `iface` glue); null otherwise.
    pub glue: *const u8,
    /// With reflect, the func type of the method expression `T.M` (the
    /// receiver first), else null.
    pub ftyp: *const TypeDesc,
    /// With reflect, the method expression `T.M` as a func value of type
    /// `ftyp` (a static closure object), else null.
    pub func: *const u8,
}

impl MethodDesc {
    /// Whether this is method `name() string` (`Error`, `String`,
    /// `GoString`: the methods fmt and the panic printer call).
    pub fn is_text_method(&self, name: &[u8]) -> bool {
        // SAFETY: names and signatures in descriptors are valid Go strings.
        let (n, sig) = unsafe { (self.name.bytes(), self.sig.bytes()) };
        n == name && (sig.is_empty() || sig == b"func() string")
    }
}

/// A struct field.
#[repr(C)]
#[derive(Debug)]
pub struct FieldDesc {
    /// Field name.
    pub name: GoString,
    /// Field type.
    pub ty: *const TypeDesc,
    /// Byte offset in the struct.
    pub offset: usize,
    /// The field's tag (empty when it has none).
    pub tag: GoString,
    /// Whether it is an embedded field (its name is its type's).
    pub embedded: usize,
}

impl FieldDesc {
    /// Whether this is a blank (`_`) field, which `==` and hashing skip.
    pub fn is_blank(&self) -> bool {
        self.name.len == 1 && !self.name.ptr.is_null() && {
            // SAFETY: a field name is a valid string of `len` bytes.
            unsafe { *self.name.ptr == b'_' }
        }
    }
}

/// A runtime type descriptor, emitted by the compiler as static data.
#[repr(C)]
#[derive(Debug)]
pub struct TypeDesc {
    /// Size of a value in bytes.
    pub size: usize,
    /// [`Kind`] as a byte.
    pub kind: u8,
    /// Alignment in bytes.
    pub align: u8,
    /// `TYPE_FLAG_*` bits.
    pub flags: u8,
    /// A channel type's direction as reflect's `ChanDir`: 1 receive only,
    /// 2 send only, 3 both; 0 for other types.
    pub chan_dir: u8,
    /// A hash of the type's link name, which the compiler writes into its
    /// own descriptors (`codegen::program::type_hash`): a type switch over
    /// many types picks the one or few candidates to compare by it (gc's
    /// `typeswitch`). Descriptors the runtime makes have 0, which is
    /// harmless: a switch confirms the candidates by identity, and no case
    /// type's descriptor is made at run time.
    pub hash: u32,
    /// The type as gc prints it: `main.T`, `[]int`, `*main.T`.
    pub name: GoString,
    /// Element type (pointer, slice, array, chan, map value), or null.
    pub elem: *const TypeDesc,
    /// Key type of a map (or the first parameter's type of a func), or null.
    pub key: *const TypeDesc,
    /// Array length (or the number of parameters of a func).
    pub len: usize,
    /// Struct fields.
    pub fields: *const FieldDesc,
    /// Number of struct fields.
    pub nfields: usize,
    /// Methods, sorted by name.
    pub methods: *const MethodDesc,
    /// Number of methods.
    pub nmethods: usize,
    /// The import path of a defined type's package; for a struct type, of
    /// the package its unexported fields belong to (as far as the compiler
    /// knows it: the first defined type over it); empty otherwise.
    pub pkg_path: GoString,
    /// A func type's parameter types (`len` of them) then its result types
    /// (`nout`); null when it has neither.
    pub params: *const *const TypeDesc,
    /// Number of results of a func type.
    pub nout: usize,
    /// The descriptor of `*T` when the program has that type and uses
    /// reflect (so that reflect's `PointerTo` gives the program's own
    /// descriptor, and `==` on types stays identity), else null.
    pub ptr_to_this: *const TypeDesc,
    /// A func type's call adapter, as a func value (a closure object)
    /// of Go type `func(fn, frame unsafe.Pointer)`: calls `fn` (a value of
    /// this type) with the arguments in `*frame` and stores its results
    /// there; null when the program does not use reflect.
    pub call: *const u8,
    /// The struct type of a call adapter's frame: the parameters, then the
    /// results, as fields.
    pub call_frame: *const TypeDesc,
    /// A func type's `MakeFunc` stub, as a static func value `[code]`
    /// whose code, with one captured word (reflect's description of the
    /// function made) after it in a closure object, is a function of this
    /// type; null without reflect.
    pub make_func: *const u8,
}

impl TypeDesc {
    /// A descriptor of `kind` and `size` (8-aligned) named `name`, with
    /// nothing else: what the runtime's own descriptors start from.
    pub const fn bare(name: &'static str, kind: Kind, size: usize) -> TypeDesc {
        TypeDesc {
            size,
            kind: kind as u8,
            align: 8,
            flags: 0,
            chan_dir: 0,
            hash: 0,
            name: GoString::from_static(name.as_bytes()),
            elem: std::ptr::null(),
            key: std::ptr::null(),
            len: 0,
            fields: std::ptr::null(),
            nfields: 0,
            methods: std::ptr::null(),
            nmethods: 0,
            pkg_path: GoString::from_static(b""),
            params: std::ptr::null(),
            nout: 0,
            ptr_to_this: std::ptr::null(),
            call: std::ptr::null(),
            call_frame: std::ptr::null(),
            make_func: std::ptr::null(),
        }
    }
}
