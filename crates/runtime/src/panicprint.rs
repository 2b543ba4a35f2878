//! How panic values are printed: `panic: VALUE`, the chain of panics, and
//! the header of an unrecovered panic, exactly as gc 1.27 prints them.
//!
//! # Panic values (checked with gc 1.27.3, see `tests/panicprint.rs`)
//! In order of precedence:
//! 1. a value whose method set has `Error() string` prints its `Error()`;
//!    failing that, one with `String() string` prints its `String()`
//!    (runtime errors are errors too, and print `runtime error: …`);
//! 2. nil prints `nil` (only reached with `GODEBUG=panicnil=1` semantics:
//!    `panic(nil)` raises a `*runtime.PanicNilError` since Go 1.21);
//! 3. booleans, integers, floats, complex numbers and strings of unnamed
//!    type print as `print` prints them (`5`, `1.5`, `(1+2i)`, strings
//!    raw, unquoted);
//! 4. the same kinds of a named type print wrapped in the type name:
//!    `main.I(5)`, `main.F(1.5)`, `main.C(1+2i)` (no inner parentheses),
//!    and strings in double quotes, unescaped: `main.S("x"y")`;
//! 5. anything else prints as `(TYPE) 0xDATA`, the dynamic type's name in
//!    parentheses and the interface's data word in hex: `(main.T) 0x5349a8`,
//!    `(*main.T) 0xc0000a4000`, `([]int) 0xc000010030`.
//!
//! Every newline of a string printed by 1, 3 or 4 is followed by a tab, so
//! that a multi-line value stays indented under its `panic: ` (gc 1.23+).
//!
//! Case 1 needs Go code to run. The runtime cannot call it from here, so
//! the panic engine does: it asks [`panic_text_method`] which method to
//! call, calls it before printing anything (gc does the same in
//! `preprintpanics`), and passes the result to [`fmt_panic_value`].
//! Runtime errors need no call: their text is known here.
//!
//! Output is bytes, not `String`: Go strings need not be UTF-8 and gc
//! prints their bytes as they are.

use crate::abi::{Eface, GoString, Kind, MethodDesc, TYPE_FLAG_NAMED, TypeDesc};
use crate::errors::{is_runtime_error_type, write_error_text};
use crate::print::{ByteSink, fmt_bool, fmt_complex, fmt_complex_parts, fmt_float, fmt_hex, fmt_int, fmt_uint};

/// Which method the panic engine must call to print a panic value of
/// dynamic type `ty`: its `Error` if it has one, else its `String`, else
/// `None` (also for nil and for runtime errors, whose text this module
/// knows). The method is looked up by name in `ty`'s method set, so `ty`'s
/// descriptor must list exactly the methods of its method set (a
/// pointer-receiver method of `T` belongs to `*T`'s descriptor, not `T`'s).
///
/// # Safety
/// `ty` must be null or a valid, static type descriptor.
pub unsafe fn panic_text_method(ty: *const TypeDesc) -> Option<&'static MethodDesc> {
    if ty.is_null() || is_runtime_error_type(ty) {
        return None;
    }
    // SAFETY: by the caller's guarantee `ty` is a static descriptor whose
    // method table holds `nmethods` entries.
    let methods: &'static [MethodDesc] = unsafe {
        let t = &*ty;
        if t.nmethods == 0 { &[] } else { std::slice::from_raw_parts(t.methods, t.nmethods) }
    };
    let find = |name: &[u8]| {
        // SAFETY: method names are valid static Go strings.
        methods.iter().find(|m| m.is_text_method(name))
    };
    find(b"Error").or_else(|| find(b"String"))
}

/// Writes panic value `v` as gc prints it after `panic: `.
///
/// `method_text` is the result of calling the method
/// [`panic_text_method`] named for `v`'s type, when it named one; it then
/// wins over everything else.
pub fn fmt_panic_value(out: &mut impl ByteSink, v: Eface, method_text: Option<&[u8]>) {
    if let Some(text) = method_text {
        return put_indented(out, text);
    }
    if v.ty.is_null() {
        return out.put(b"nil");
    }
    if write_error_text(v, out) {
        return;
    }
    // SAFETY: a non-null dynamic type is a valid static descriptor.
    let ty = unsafe { &*v.ty };
    // SAFETY: `v` is a valid interface value of type `ty`.
    let printed = unsafe { fmt_basic(out, ty, v.data) };
    if !printed {
        out.put(b"(");
        out.put(type_name(ty));
        out.put(b") ");
        fmt_hex(out, v.data as u64);
    }
}

/// gc's fatal error when the method that gives a panic value's text panics
/// itself: `panic while printing panic value: ` and the inner value if it is
/// an (unnamed) string, else its type.
pub(crate) fn printing_panicked_message(inner: Eface) -> String {
    // SAFETY: a recovered panic value is a valid interface value, its type
    // descriptor static.
    let detail = match unsafe { inner.ty.as_ref() } {
        Some(t) if t.kind == Kind::String as u8 && t.flags & TYPE_FLAG_NAMED == 0 => {
            // SAFETY: a string's data word points to the string header.
            String::from_utf8_lossy(unsafe { (*inner.data.cast::<GoString>()).bytes() }).into_owned()
        }
        Some(t) => format!("type {}", String::from_utf8_lossy(type_name(t))),
        None => "type <nil>".to_string(),
    };
    format!("panic while printing panic value: {detail}")
}

/// The name of a type as gc prints it.
fn type_name(ty: &TypeDesc) -> &[u8] {
    // SAFETY: type names are valid static Go strings.
    unsafe { ty.name.bytes() }
}

/// Writes a value of a basic kind (bool, number, string) as a panic value
/// and returns true; returns false for every other kind.
///
/// # Safety
/// `data` must be the data word of an interface holding a value of `ty`.
unsafe fn fmt_basic(out: &mut impl ByteSink, ty: &TypeDesc, data: *const u8) -> bool {
    let named = ty.flags & TYPE_FLAG_NAMED != 0;
    let kind = ty.kind;
    if !is_basic(kind) {
        return false;
    }
    if named {
        out.put(type_name(ty));
        out.put(b"(");
    }
    // SAFETY: basic kinds are not pointer-shaped, so the data word points
    // at a value of `ty`'s kind (the caller's guarantee).
    unsafe { fmt_basic_value(out, kind, data, named) };
    if named {
        out.put(b")");
    }
    true
}

/// Whether a kind (a `Kind` as a byte) is one `print` can show by value.
fn is_basic(kind: u8) -> bool {
    (Kind::Bool as u8..=Kind::Complex128 as u8).contains(&kind) || kind == Kind::String as u8
}

/// Writes the value at `data`, of basic `kind`; `named` selects the forms
/// used inside `main.T(…)` (quoted strings, complex without parentheses).
///
/// # Safety
/// `data` must point at a readable value of `kind`.
unsafe fn fmt_basic_value(out: &mut impl ByteSink, kind: u8, data: *const u8, named: bool) {
    // SAFETY: forwarded from the caller: `data` points at a value of `kind`.
    unsafe {
        match kind {
            k if k == Kind::Bool as u8 => fmt_bool(out, *data != 0),
            k if k == Kind::Int8 as u8 => fmt_int(out, *data.cast::<i8>() as i64),
            k if k == Kind::Int16 as u8 => fmt_int(out, *data.cast::<i16>() as i64),
            k if k == Kind::Int32 as u8 => fmt_int(out, *data.cast::<i32>() as i64),
            k if k == Kind::Int as u8 || k == Kind::Int64 as u8 => fmt_int(out, *data.cast::<i64>()),
            k if k == Kind::Uint8 as u8 => fmt_uint(out, *data as u64),
            k if k == Kind::Uint16 as u8 => fmt_uint(out, *data.cast::<u16>() as u64),
            k if k == Kind::Uint32 as u8 => fmt_uint(out, *data.cast::<u32>() as u64),
            k if k == Kind::Float32 as u8 => fmt_float(out, *data.cast::<f32>() as f64, 32),
            k if k == Kind::Float64 as u8 => fmt_float(out, *data.cast::<f64>(), 64),
            k if k == Kind::Complex64 as u8 => {
                let c = data.cast::<f32>();
                fmt_complex_form(out, *c as f64, *c.add(1) as f64, 64, named);
            }
            k if k == Kind::Complex128 as u8 => {
                let c = data.cast::<f64>();
                fmt_complex_form(out, *c, *c.add(1), 128, named);
            }
            k if k == Kind::String as u8 => {
                let s = (*data.cast::<GoString>()).bytes();
                if named {
                    out.put(b"\"");
                    put_indented(out, s);
                    out.put(b"\"");
                } else {
                    put_indented(out, s);
                }
            }
            // Uint, Uint64, Uintptr.
            _ => fmt_uint(out, *data.cast::<u64>()),
        }
    }
}

/// Writes a panic value's text with a tab after each newline, so that its
/// later lines stay indented under `panic: ` (gc 1.23 and later).
fn put_indented(out: &mut impl ByteSink, text: &[u8]) {
    let mut lines = text.split(|&b| b == b'\n');
    if let Some(first) = lines.next() {
        out.put(first);
    }
    for line in lines {
        out.put(b"\n\t");
        out.put(line);
    }
}

fn fmt_complex_form(out: &mut impl ByteSink, re: f64, im: f64, bits: i64, named: bool) {
    if named {
        fmt_complex_parts(out, re, im, bits);
    } else {
        fmt_complex(out, re, im, bits);
    }
}

/// One panic of the chain being printed, oldest first.
#[derive(Clone, Copy, Debug)]
pub struct ChainEntry<'a> {
    /// The value's text, from [`fmt_panic_value`].
    pub text: &'a [u8],
    /// The panic was recovered (then re-raised or superseded).
    pub recovered: bool,
    /// The entry is a `runtime.Goexit`, which prints nothing.
    pub goexit: bool,
    /// The next panic raised this one's value again (the same interface
    /// value): the next one is not printed.
    pub repanicked: bool,
}

/// Writes the chain of panics as gc 1.27 does before it exits:
/// ```text
/// panic: first [recovered]
/// \tpanic: second
/// ```
/// one line per panic, oldest first; every line but the first is indented
/// by a tab, except one that follows a Goexit entry; Goexit entries print
/// nothing; a panic that re-raised the value of the one before it is not
/// printed, and that one ends in ` [recovered, repanicked]` (or nothing, if
/// it was not recovered).
pub fn fmt_panic_chain(out: &mut impl ByteSink, chain: &[ChainEntry<'_>]) {
    let mut previous: Option<&ChainEntry<'_>> = None;
    for entry in chain {
        match previous {
            Some(p) if p.repanicked => {
                previous = Some(entry);
                continue;
            }
            Some(p) if !p.goexit => out.put(b"\t"),
            _ => {}
        }
        previous = Some(entry);
        if entry.goexit {
            continue;
        }
        out.put(b"panic: ");
        out.put(entry.text);
        match (entry.recovered, entry.repanicked) {
            (true, true) => out.put(b" [recovered, repanicked]"),
            (true, false) => out.put(b" [recovered]"),
            _ => {}
        }
        out.put(b"\n");
    }
}

/// What gc reports of the fault behind a nil dereference.
#[derive(Clone, Copy, Debug)]
pub struct SignalInfo {
    /// The faulting address (gc: usually 0, or the field offset).
    pub addr: u64,
    /// The faulting instruction's address.
    pub pc: u64,
}

/// Writes the `[signal …]` line gc prints after the chain when a nil
/// dereference panicked and no recovery happened since: gc 1.19.8 prints it
/// for `println(p.B)` followed by an unrecovered `panic("again")` in a
/// deferred call, but not for `panic("later")` after a recovered nil
/// dereference. The line:
/// `[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x457cdc]`.
/// (deft detects nil dereferences by explicit checks, so it supplies the
/// address of the check and addr 0.)
pub fn fmt_signal_line(out: &mut impl ByteSink, sig: SignalInfo) {
    out.put(b"[signal SIGSEGV: segmentation violation code=");
    fmt_hex(out, 1);
    out.put(b" addr=");
    fmt_hex(out, sig.addr);
    out.put(b" pc=");
    fmt_hex(out, sig.pc);
    out.put(b"]\n");
}

/// Writes everything gc prints for an unrecovered panic before the
/// goroutine traceback: the chain, the signal line if any, and the blank
/// line.
pub fn fmt_unrecovered_panic(out: &mut impl ByteSink, chain: &[ChainEntry<'_>], signal: Option<SignalInfo>) {
    fmt_panic_chain(out, chain);
    if let Some(sig) = signal {
        fmt_signal_line(out, sig);
    }
    out.put(b"\n");
}
