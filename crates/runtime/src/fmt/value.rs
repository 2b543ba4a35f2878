//! Values reached through type descriptors: reading scalars, finding
//! `Error`/`String` methods, and walking composites (`printValue`).
//!
//! A [`Value`] is a type descriptor and the address of a value of that
//! type. An interface's data word is the value itself for pointer-shaped
//! kinds and a pointer to it otherwise ([`crate::abi`]), so a value read
//! out of an interface is addressed at its data word or at what the data
//! word points to accordingly.

use super::Printer;
use super::sort::sort_entries;
use crate::abi::{Eface, FieldDesc, GoSlice, GoString, Kind, TYPE_FLAG_NAMED, TypeDesc};
use crate::strings::go_bytes;

/// A value: its type (null for a nil interface) and address.
#[derive(Clone, Copy)]
pub(super) struct Value {
    pub ty: *const TypeDesc,
    pub p: *const u8,
    /// Reached without crossing an unexported struct field, so its
    /// methods may be called (reflect's `CanInterface`).
    pub exported: bool,
}

/// The kind byte of `ty` as a [`Kind`] (`Invalid` for unknown bytes).
pub(super) fn kind_of(ty: &TypeDesc) -> Kind {
    const KINDS: [Kind; 27] = [
        Kind::Invalid,
        Kind::Bool,
        Kind::Int,
        Kind::Int8,
        Kind::Int16,
        Kind::Int32,
        Kind::Int64,
        Kind::Uint,
        Kind::Uint8,
        Kind::Uint16,
        Kind::Uint32,
        Kind::Uint64,
        Kind::Uintptr,
        Kind::Float32,
        Kind::Float64,
        Kind::Complex64,
        Kind::Complex128,
        Kind::Array,
        Kind::Chan,
        Kind::Func,
        Kind::Interface,
        Kind::Map,
        Kind::Pointer,
        Kind::Slice,
        Kind::String,
        Kind::Struct,
        Kind::UnsafePointer,
    ];
    KINDS.get(usize::from(ty.kind)).copied().unwrap_or(Kind::Invalid)
}

/// A Go string's bytes.
pub(super) fn str_bytes<'a>(s: GoString) -> &'a [u8] {
    // SAFETY: strings built by generated code or the runtime are valid
    // and never freed while reachable.
    unsafe { go_bytes(s.ptr, s.len) }
}

/// The entries (key address, value address) of map `m`, in any order.
fn map_entries_of(m: *const u8) -> Vec<(*const u8, *const u8)> {
    #[cfg(test)]
    if let Some(entries) = super::tests::fake_map_entries(m) {
        return entries;
    }
    // SAFETY: `m` is the data word of an interface holding a map value (or
    // a map field or element), so null or made by the map runtime.
    unsafe { crate::maps::map_entries(m) }
}

impl Value {
    /// The value held by interface value `e` (nil: a null type).
    ///
    /// # Safety
    /// `e` points to a valid interface value that outlives the result.
    pub(super) unsafe fn from_eface(e: *const Eface) -> Value {
        // SAFETY: by the precondition.
        let (ty, data) = unsafe { ((*e).ty, (*e).data) };
        // SAFETY: a non-null dynamic type is a valid descriptor.
        let direct = unsafe { ty.as_ref() }.is_some_and(|t| crate::iface::direct(t.kind));
        let p = if direct {
            // SAFETY: the data word is the value itself; address it.
            unsafe { &raw const (*e).data }.cast()
        } else {
            data
        };
        Value { ty, p, exported: true }
    }

    /// Whether this is a `reflect.Value` (`lib/reflect/value.go`'s struct
    /// of type descriptor, pointer and flag).
    pub(super) fn is_reflect_value(&self) -> bool {
        self.ty().is_some_and(|t| {
            // SAFETY: a descriptor's strings are valid.
            let (name, pkg) = unsafe { (t.name.bytes(), t.pkg_path.bytes()) };
            name == b"reflect.Value" && pkg == b"reflect" && t.kind == Kind::Struct as u8 && t.size == 24
        })
    }

    /// The value a `reflect.Value` holds: its type, and the address of its
    /// value (the pointer word itself with reflect's `flagIndir`, 1 << 7,
    /// else the address of that word, which holds the value of a pointer-
    /// shaped type); methods callable unless a read-only flag is set
    /// (`flagStickyRO | flagEmbedRO`, 3 << 5). The flag bits are
    /// lib/reflect's and must change with them.
    pub(super) fn reflect_value_held(&self) -> Value {
        let [ty, ptr, flag] = self.read::<[usize; 3]>();
        let p = if flag & (1 << 7) != 0 { ptr as *const u8 } else { self.p.wrapping_add(8) };
        Value { ty: ty as *const TypeDesc, p, exported: flag & (3 << 5) == 0 }
    }

    /// The descriptor, `None` for a nil interface.
    pub(super) fn ty<'a>(&self) -> Option<&'a TypeDesc> {
        // SAFETY: descriptors are static and valid.
        unsafe { self.ty.as_ref() }
    }

    pub(super) fn kind(&self) -> Kind {
        self.ty().map_or(Kind::Invalid, kind_of)
    }

    fn at(&self, ty: *const TypeDesc, offset: usize) -> Value {
        Value { ty, p: self.p.wrapping_add(offset), exported: self.exported }
    }

    /// Reads the `T` at the value's address.
    pub(super) fn read<T: Copy>(&self) -> T {
        // SAFETY: `p` addresses a value of the descriptor's type, of which
        // the caller reads a matching `T`.
        unsafe { self.p.cast::<T>().read_unaligned() }
    }

    /// The type name as `%T` prints it.
    pub(super) fn type_name<'a>(&self) -> &'a [u8] {
        self.ty().map_or(&b"<nil>"[..], |t| str_bytes(t.name))
    }

    /// A signed integer kind's value.
    pub(super) fn int(&self) -> i64 {
        match self.kind() {
            Kind::Int8 => i64::from(self.read::<i8>()),
            Kind::Int16 => i64::from(self.read::<i16>()),
            Kind::Int32 => i64::from(self.read::<i32>()),
            _ => self.read::<i64>(),
        }
    }

    /// An unsigned integer kind's value.
    pub(super) fn uint(&self) -> u64 {
        match self.kind() {
            Kind::Uint8 => u64::from(self.read::<u8>()),
            Kind::Uint16 => u64::from(self.read::<u16>()),
            Kind::Uint32 => u64::from(self.read::<u32>()),
            _ => self.read::<u64>(),
        }
    }

    /// As `intFromArg` accepts a `*` width: any integer fitting an `int`.
    pub(super) fn as_int(&self) -> Option<i64> {
        match self.kind() {
            Kind::Int | Kind::Int8 | Kind::Int16 | Kind::Int32 | Kind::Int64 => Some(self.int()),
            Kind::Uint | Kind::Uint8 | Kind::Uint16 | Kind::Uint32 | Kind::Uint64 | Kind::Uintptr => {
                i64::try_from(self.uint()).ok()
            }
            _ => None,
        }
    }

    pub(super) fn is_string(&self) -> bool {
        self.kind() == Kind::String
    }

    /// The fields of a struct type.
    pub(super) fn fields<'a>(&self) -> &'a [FieldDesc] {
        match self.ty() {
            // SAFETY: the table holds `nfields` entries.
            Some(t) if t.nfields > 0 => unsafe { std::slice::from_raw_parts(t.fields, t.nfields) },
            _ => &[],
        }
    }

    /// The code of method `name` of the value's type, if it has one.
    /// The code of method `name() string` of the value's type.
    fn method(&self, name: &[u8]) -> Option<*const u8> {
        // SAFETY: descriptors are valid.
        let code = unsafe { crate::iface::text_method(self.ty, name) };
        (!code.is_null()).then_some(code)
    }

    /// Calls the `… () string` method at `code` on the value; a panic in
    /// it comes back as its value (gc's fmt recovers it).
    fn call_text(&self, code: *const u8) -> Result<Vec<u8>, Eface> {
        let t = self.ty().expect("typed");
        // The receiver is the interface data word: the value for direct
        // kinds, a pointer to it otherwise.
        let recv = if crate::iface::direct(t.kind) { self.read::<*const u8>() } else { self.p };
        crate::entry::call_text_method_catching(code, t, recv).map(|s| str_bytes(s).to_vec())
    }

    /// Whether the value is a nil pointer.
    fn is_nil_pointer(&self) -> bool {
        self.ty().is_some_and(|t| kind_of(t) == Kind::Pointer) && self.pointer() == 0
    }

    /// Whether method `name` is a value method reached through a nil
    /// pointer: calling it would dereference nil, which gc's fmt turns
    /// into `<nil>`.
    fn nil_receiver(&self, name: &[u8]) -> bool {
        let Some(t) = self.ty() else {
            return false;
        };
        self.is_nil_pointer() && {
            // SAFETY: a pointer type's element type is null or valid.
            !unsafe { crate::iface::lookup(t.elem, name) }.is_null()
        }
    }

    /// Whether the value has one of the unnamed types gc's fmt prints
    /// without a method lookup: booleans, numbers, `string`, `[]byte`.
    fn is_plain_basic(&self) -> bool {
        let Some(t) = self.ty() else {
            return false;
        };
        let scalar = (Kind::Bool as u8..=Kind::Complex128 as u8).contains(&t.kind) || kind_of(t) == Kind::String;
        t.flags & TYPE_FLAG_NAMED == 0 && (scalar || str_bytes(t.name) == b"[]uint8")
    }

    /// The pointer a pointer-shaped value holds.
    pub(super) fn pointer(&self) -> u64 {
        self.read::<usize>() as u64
    }

    /// The elements of an array or slice: (element type, first, count).
    pub(super) fn elems(&self) -> (*const TypeDesc, *const u8, usize) {
        let t = self.ty().expect("typed");
        if kind_of(t) == Kind::Slice {
            let s = self.read::<GoSlice>();
            (t.elem, s.ptr, s.len)
        } else {
            (t.elem, self.p, t.len)
        }
    }

    pub(super) fn elem_at(&self, ety: *const TypeDesc, base: *const u8, i: usize) -> Value {
        // SAFETY: element types are valid descriptors.
        let size = unsafe { (*ety).size };
        Value { ty: ety, p: base.wrapping_add(i * size), exported: self.exported }
    }
}

/// Whether a struct field name is exported (starts with an upper-case
/// letter).
fn is_exported(name: &[u8]) -> bool {
    std::str::from_utf8(name).ok().and_then(|s| s.chars().next()).is_some_and(char::is_uppercase)
}

impl Printer {
    /// Under verbs that print text, prints the `Error()` or `String()`
    /// result (or `GoString()` under `%#v`) when the value has one. `%w`
    /// (only in `Errorf`, of an error) prints as `%v`.
    pub(super) fn handle_methods(&mut self, v: Value, mut verb: u8) -> bool {
        if self.erroring || !v.exported {
            return false;
        }
        if verb == b'w' {
            if v.is_plain_basic() {
                // gc formats these without looking for methods: the
                // verb is just bad.
                return false;
            }
            if v.method(b"Error").is_none() || !self.wrap_errs {
                self.bad_verb(v);
                return true;
            }
            verb = b'v';
        }
        let names: &[&[u8]] = if self.f.sharp_v {
            &[b"GoString"]
        } else if b"vsxXq".contains(&verb) {
            &[b"Error", b"String"]
        } else {
            &[]
        };
        let Some((name, code)) = names.iter().find_map(|n| Some((*n, v.method(n)?))) else {
            return false;
        };
        if v.nil_receiver(name) {
            // Unpadded, as gc writes it when the call panics.
            self.buf.extend_from_slice(b"<nil>");
            return true;
        }
        let text = match v.call_text(code) {
            Ok(text) => text,
            Err(value) => {
                self.method_panicked(&v, name, verb, value);
                return true;
            }
        };
        if self.f.sharp_v {
            // GoString's result prints unadorned.
            self.fmt_s(&text);
        } else {
            self.fmt_string(&text, verb);
        }
        true
    }

    /// gc's `catchPanic`: method `name` of `v` panicked with `value` while
    /// printing under `verb`. A nil pointer prints as `<nil>`; otherwise
    /// `%!verb(PANIC=Name method: value)`, the value printed with `%v` and
    /// no flags.
    fn method_panicked(&mut self, v: &Value, name: &[u8], verb: u8, value: Eface) {
        if v.is_nil_pointer() {
            self.buf.extend_from_slice(b"<nil>");
            return;
        }
        let (flags, outer_verb) = (std::mem::take(&mut self.f), self.verb);
        self.buf.extend_from_slice(b"%!");
        self.push_verb(u32::from(verb));
        self.buf.extend_from_slice(b"(PANIC=");
        self.buf.extend_from_slice(name);
        self.buf.extend_from_slice(b" method: ");
        // SAFETY: a recovered panic value is a valid interface value.
        let pv = unsafe { Value::from_eface(&value) };
        self.print_arg(pv, u32::from(b'v'));
        self.buf.push(b')');
        (self.f, self.verb) = (flags, outer_verb);
    }

    /// `%!verb(type=value)`: the operand's verb does not apply to `v`.
    pub(super) fn bad_verb(&mut self, v: Value) {
        self.erroring = true;
        self.buf.extend_from_slice(b"%!");
        self.push_verb(self.verb);
        self.buf.push(b'(');
        if v.ty.is_null() {
            self.buf.extend_from_slice(b"<nil>");
        } else {
            self.buf.extend_from_slice(v.type_name());
            self.buf.push(b'=');
            self.print_value(v, b'v', 0);
        }
        self.buf.push(b')');
        self.erroring = false;
    }

    /// `printValue`: `v` under `verb`, `depth` levels inside the operand.
    pub(super) fn print_value(&mut self, v: Value, verb: u8, depth: usize) {
        if depth > 0 && self.handle_methods(v, verb) {
            return;
        }
        match v.kind() {
            Kind::Invalid if depth == 0 => self.buf.extend_from_slice(b"<invalid reflect.Value>"),
            Kind::Invalid if verb == b'v' => self.buf.extend_from_slice(b"<nil>"),
            Kind::Invalid => self.bad_verb(v),
            Kind::Bool if verb == b't' || verb == b'v' => self.fmt_bool(v.read::<u8>() != 0),
            Kind::Bool => self.bad_verb(v),
            Kind::Int | Kind::Int8 | Kind::Int16 | Kind::Int32 | Kind::Int64 => {
                self.fmt_int_verb(v, v.int() as u64, true, verb)
            }
            Kind::Uint | Kind::Uint8 | Kind::Uint16 | Kind::Uint32 | Kind::Uint64 | Kind::Uintptr => {
                self.fmt_int_verb(v, v.uint(), false, verb)
            }
            Kind::Float32 => self.fmt_float_verb(v, f64::from(v.read::<f32>()), 32, verb),
            Kind::Float64 => self.fmt_float_verb(v, v.read::<f64>(), 64, verb),
            Kind::Complex64 => {
                let [re, im] = v.read::<[f32; 2]>();
                self.fmt_complex(v, [f64::from(re), f64::from(im)], 32, verb)
            }
            Kind::Complex128 => self.fmt_complex(v, v.read::<[f64; 2]>(), 64, verb),
            Kind::String => self.fmt_string_verb(v, str_bytes(v.read::<GoString>()), verb),
            Kind::Map => self.print_map(v, verb, depth),
            Kind::Struct => self.print_struct(v, verb, depth),
            Kind::Interface => self.print_interface(v, verb, depth),
            Kind::Array | Kind::Slice => self.print_list(v, verb, depth),
            Kind::Pointer => self.print_pointer(v, verb, depth),
            Kind::Chan | Kind::Func | Kind::UnsafePointer => self.fmt_pointer(v, verb),
        }
    }

    /// An integer under `verb`.
    fn fmt_int_verb(&mut self, v: Value, u: u64, signed: bool, verb: u8) {
        match verb {
            b'v' if self.f.sharp_v && !signed => self.fmt_0x64(u, true),
            b'v' | b'd' => self.fmt_integer(u, 10, signed, verb, false),
            b'b' => self.fmt_integer(u, 2, signed, verb, false),
            b'o' | b'O' => self.fmt_integer(u, 8, signed, verb, false),
            b'x' => self.fmt_integer(u, 16, signed, verb, false),
            b'X' => self.fmt_integer(u, 16, signed, verb, true),
            b'c' => self.fmt_c(u),
            b'q' => self.fmt_qc(u),
            b'U' => self.fmt_unicode(u),
            _ => self.bad_verb(v),
        }
    }

    /// A float of `bits` under `verb`.
    fn fmt_float_verb(&mut self, v: Value, x: f64, bits: i64, verb: u8) {
        match verb {
            b'v' => self.fmt_float(x, bits, b'g', -1),
            b'b' | b'g' | b'G' | b'x' | b'X' => self.fmt_float(x, bits, verb, -1),
            b'f' | b'e' | b'E' => self.fmt_float(x, bits, verb, 6),
            b'F' => self.fmt_float(x, bits, b'f', 6),
            _ => self.bad_verb(v),
        }
    }

    /// `(re+imi)`, each part a float of `bits` under `verb`.
    fn fmt_complex(&mut self, v: Value, [re, im]: [f64; 2], bits: i64, verb: u8) {
        if !b"vbgGxXfFeE".contains(&verb) {
            return self.bad_verb(v);
        }
        let plus = self.f.plus;
        self.buf.push(b'(');
        self.fmt_float_verb(v, re, bits, verb);
        self.f.plus = true;
        self.fmt_float_verb(v, im, bits, verb);
        self.buf.extend_from_slice(b"i)");
        self.f.plus = plus;
    }

    /// A string under `verb`.
    fn fmt_string_verb(&mut self, v: Value, s: &[u8], verb: u8) {
        if b"vsxXq".contains(&verb) {
            self.fmt_string(s, verb);
        } else {
            self.bad_verb(v);
        }
    }

    /// A string under a verb known to apply to strings.
    fn fmt_string(&mut self, s: &[u8], verb: u8) {
        match verb {
            b'v' if self.f.sharp_v => self.fmt_q(s),
            b'x' | b'X' => self.fmt_sbx(s, verb == b'X'),
            b'q' => self.fmt_q(s),
            _ => self.fmt_s(s),
        }
    }

    fn print_map(&mut self, v: Value, verb: u8, depth: usize) {
        let t = v.ty().expect("typed");
        let m = v.read::<*const u8>();
        if self.f.sharp_v {
            self.buf.extend_from_slice(v.type_name());
            if m.is_null() {
                self.buf.extend_from_slice(b"(nil)");
                return;
            }
        }
        // SAFETY: key and element types of a map type are valid.
        let (key, val) = unsafe { (&*t.key, &*t.elem) };
        let entries = map_entries_of(m);
        // The Vec is not scanned by the collector: keep a pointer into the
        // entries array on the stack while the entries are printed (a String
        // method called meanwhile may allocate, and could even grow the map).
        let pin = std::hint::black_box(entries.first().map_or(0, |e| e.0 as usize));
        self.format_map(entries, key, val, v.exported, verb, depth);
        std::hint::black_box(pin);
    }

    /// The body of a map, `[k:v k:v]` (`{k:v, k:v}` under `%#v`), from its
    /// entries (addresses of keys and values), keys sorted as Go sorts
    /// them.
    pub(super) fn format_map(
        &mut self,
        mut entries: Vec<(*const u8, *const u8)>,
        key: &TypeDesc,
        val: &TypeDesc,
        exported: bool,
        verb: u8,
        depth: usize,
    ) {
        sort_entries(&mut entries, key);
        self.buf.extend_from_slice(if self.f.sharp_v { b"{" } else { b"map[" });
        for (i, &(k, e)) in entries.iter().enumerate() {
            self.separator(i);
            self.print_value(Value { ty: key, p: k, exported }, verb, depth + 1);
            self.buf.push(b':');
            self.print_value(Value { ty: val, p: e, exported }, verb, depth + 1);
        }
        self.buf.push(if self.f.sharp_v { b'}' } else { b']' });
    }

    /// Between composite elements: `, ` under `%#v`, else a space.
    fn separator(&mut self, i: usize) {
        if i > 0 {
            self.buf.extend_from_slice(if self.f.sharp_v { b", " } else { b" " });
        }
    }

    fn print_struct(&mut self, v: Value, verb: u8, depth: usize) {
        if self.f.sharp_v {
            self.buf.extend_from_slice(v.type_name());
        }
        self.buf.push(b'{');
        for (i, f) in v.fields().iter().enumerate() {
            self.separator(i);
            if self.f.plus_v || self.f.sharp_v {
                self.buf.extend_from_slice(str_bytes(f.name));
                self.buf.push(b':');
            }
            let mut field = v.at(f.ty, f.offset);
            field.exported &= is_exported(str_bytes(f.name));
            // A non-nil interface field prints as its dynamic value.
            if field.kind() == Kind::Interface && !field.read::<*const TypeDesc>().is_null() {
                // SAFETY: the field holds an interface value.
                let inner = unsafe { Value::from_eface(field.p.cast()) };
                field = Value { exported: field.exported, ..inner };
            }
            self.print_value(field, verb, depth + 1);
        }
        self.buf.push(b'}');
    }

    fn print_interface(&mut self, v: Value, verb: u8, depth: usize) {
        // SAFETY: an interface-kind value is an interface value.
        let inner = unsafe { Value::from_eface(v.p.cast()) };
        if inner.ty.is_null() {
            if self.f.sharp_v {
                self.buf.extend_from_slice(v.type_name());
                self.buf.extend_from_slice(b"(nil)");
            } else {
                // Unpadded, unlike a nil operand.
                self.buf.extend_from_slice(b"<nil>");
            }
            return;
        }
        self.print_value(Value { exported: v.exported, ..inner }, verb, depth + 1);
    }

    fn print_list(&mut self, v: Value, verb: u8, depth: usize) {
        let (ety, base, n) = v.elems();
        // SAFETY: element types are valid descriptors.
        let byte_elems = unsafe { kind_of(&*ety) } == Kind::Uint8;
        if byte_elems && b"sqxX".contains(&verb) {
            // SAFETY: the elements are `n` bytes at `base`.
            let bytes = unsafe { go_bytes(base, n) };
            return match verb {
                b's' => self.fmt_s(bytes),
                b'q' => self.fmt_q(bytes),
                _ => self.fmt_sbx(bytes, verb == b'X'),
            };
        }
        if self.f.sharp_v {
            // gc names an operand of type `[]byte` itself so under the
            // verbs its fmtBytes takes (not `%#w`, whose bytes reflection
            // prints).
            let plain_bytes = depth == 0 && b"vd".contains(&verb) && v.type_name() == b"[]uint8";
            self.buf.extend_from_slice(if plain_bytes { b"[]byte" } else { v.type_name() });
            if v.kind() == Kind::Slice && base.is_null() {
                self.buf.extend_from_slice(b"(nil)");
                return;
            }
        }
        self.buf.push(if self.f.sharp_v { b'{' } else { b'[' });
        for i in 0..n {
            self.separator(i);
            self.print_value(v.elem_at(ety, base, i), verb, depth + 1);
        }
        self.buf.push(if self.f.sharp_v { b'}' } else { b']' });
    }

    /// A pointer: at the top level, one to an array, slice, struct or map
    /// prints as `&` and the pointee; otherwise as an address.
    fn print_pointer(&mut self, v: Value, verb: u8, depth: usize) {
        let target = v.read::<*const u8>();
        let t = v.ty().expect("typed");
        // SAFETY: a pointer type's element type is valid.
        let elem_kind = unsafe { t.elem.as_ref() }.map(kind_of);
        let composite = matches!(elem_kind, Some(Kind::Array | Kind::Slice | Kind::Struct | Kind::Map));
        if depth == 0 && !target.is_null() && composite {
            self.buf.push(b'&');
            self.print_value(Value { ty: t.elem, p: target, exported: v.exported }, verb, depth + 1);
        } else {
            self.fmt_pointer(v, verb);
        }
    }

    /// A pointer-shaped value as an address (`%p`, and `%v` of pointers).
    pub(super) fn fmt_pointer(&mut self, v: Value, verb: u8) {
        // A slice's address is that of its first element, its first word.
        if !matches!(v.kind(), Kind::Pointer | Kind::UnsafePointer | Kind::Map | Kind::Chan | Kind::Func | Kind::Slice)
        {
            return self.bad_verb(v);
        }
        let u = v.pointer();
        match verb {
            b'v' if self.f.sharp_v => {
                self.buf.push(b'(');
                self.buf.extend_from_slice(v.type_name());
                self.buf.extend_from_slice(b")(");
                if u == 0 {
                    self.buf.extend_from_slice(b"nil");
                } else {
                    self.fmt_0x64(u, true);
                }
                self.buf.push(b')');
            }
            b'v' if u == 0 => self.pad_nil(),
            b'v' | b'p' => self.fmt_0x64(u, !self.f.sharp),
            b'b' => self.fmt_integer(u, 2, false, verb, false),
            b'o' => self.fmt_integer(u, 8, false, verb, false),
            b'd' => self.fmt_integer(u, 10, false, verb, false),
            b'x' => self.fmt_integer(u, 16, false, verb, false),
            b'X' => self.fmt_integer(u, 16, false, verb, true),
            _ => self.bad_verb(v),
        }
    }

    /// `<nil>`, padded.
    pub(super) fn pad_nil(&mut self) {
        self.pad(b"<nil>");
    }
}
