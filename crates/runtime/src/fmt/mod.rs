//! The formatting engine of Go's `fmt` (`Sprintf`, `Sprint`, `Sprintln`)
//! and the `strconv` conversions it rests on, printing exactly what gc
//! 1.19 prints.
//!
//! The Go-side `fmt` and `strconv` packages are Go source whose bodyless
//! functions call the `extern "C"` entry points here (SysV; a `GoString`
//! result comes back in rax:rdx; a `[]interface{}` argument is passed as
//! its three words).
//!
//! Operands are read through their type descriptors ([`crate::abi`]): an
//! interface value's data word is the value for pointer-shaped kinds and a
//! pointer to it otherwise; struct fields, array and slice elements are
//! found through the descriptors' offsets and sizes. `Error() string` and
//! `String() string` methods (and `GoString() string` under `%#v`) are
//! looked up in the descriptors' method tables and called as Go code.
//!
//! Not supported yet: the `Formatter` interface, recovering from a panic
//! inside `String()` (gc prints `%!v(PANIC=String method: …)`; the one
//! case handled is a value method reached through a nil pointer, which
//! prints `<nil>` as gc does, without calling it), and map contents until
//! the map runtime is merged (`map_entries_of`).

mod float;
mod format;
mod print_ranges;
mod quote;
mod sort;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_fuzz;
#[cfg(test)]
mod tests_gc;
mod value;

use crate::abi::{Eface, GoString};
use crate::strings::{decode_rune, go_bytes, new_string};
use format::Flags;
use value::Value;

/// Formats into a byte buffer.
#[derive(Default)]
struct Printer {
    buf: Vec<u8>,
    f: Flags,
    /// Printing a `%!verb(…)` complaint: methods are not called.
    erroring: bool,
    /// The verb of the operand being printed, as written (the engine
    /// passes it on as a byte, 0 for a non-ASCII verb, which no kind takes).
    verb: u32,
    /// Formatting for `Errorf`: `%w` accepts one error operand.
    wrap_errs: bool,
    /// The operand `%w` took.
    wrapped: Option<usize>,
    /// The index of the operand being printed.
    arg_index: usize,
}

/// `1e6`: larger widths, precisions and argument indexes are not numbers.
const TOO_LARGE: usize = 1_000_000;

/// Parses a decimal number at `s[*i..]`, advancing `*i`; `None` when
/// there are no digits or the number is too large.
fn parse_num(s: &[u8], i: &mut usize) -> Option<usize> {
    let start = *i;
    let mut n = 0usize;
    while let Some(&c) = s.get(*i).filter(|c| c.is_ascii_digit()) {
        if n > TOO_LARGE {
            *i = s.len();
            return None;
        }
        n = n * 10 + usize::from(c - b'0');
        *i += 1;
    }
    (*i > start).then_some(n)
}

/// The operands of one `Sprintf`, and which is next.
struct Args<'a> {
    list: &'a [Eface],
    next: usize,
    /// An explicit `[n]` index was used: unused operands are not EXTRA.
    reordered: bool,
    /// The last `[n]` was valid.
    good_index: bool,
}

impl Args<'_> {
    fn value(&self, i: usize) -> Value {
        // SAFETY: the operands are valid interface values for the call.
        unsafe { Value::from_eface(&raw const self.list[i]) }
    }

    /// An optional `[n]` at `s[*i..]`: selects operand n-1. Returns
    /// whether one was present.
    fn index(&mut self, s: &[u8], i: &mut usize) -> bool {
        if s.get(*i) != Some(&b'[') {
            return false;
        }
        self.reordered = true;
        let Some(close) = s[*i..].iter().position(|&c| c == b']').filter(|_| s.len() - *i >= 3) else {
            *i += 1;
            self.good_index = false;
            return false;
        };
        let mut j = *i + 1;
        let n = parse_num(s, &mut j).filter(|_| j == *i + close);
        *i += close + 1;
        match n {
            Some(n) if n >= 1 && n <= self.list.len() => {
                self.next = n - 1;
                true
            }
            Some(_) => {
                self.good_index = false;
                true
            }
            None => {
                self.good_index = false;
                false
            }
        }
    }

    /// A `*` width or precision: the next operand if it is an integer.
    fn star(&mut self) -> Option<i64> {
        let i = self.next;
        if i >= self.list.len() {
            return None;
        }
        self.next += 1;
        self.value(i).as_int().filter(|n| n.unsigned_abs() <= TOO_LARGE as u64)
    }
}

impl Printer {
    fn push_verb(&mut self, verb: u32) {
        let mut b = [0; 4];
        let n = crate::strings::encode_rune(i64::from(verb), &mut b);
        self.buf.extend_from_slice(&b[..n]);
    }

    /// `printArg`: one operand under `verb`.
    fn print_arg(&mut self, v: Value, verb: u32) {
        self.verb = verb;
        let verb = u8::try_from(verb).ok().filter(u8::is_ascii).unwrap_or(0);
        if v.ty.is_null() {
            return match verb {
                b'T' | b'v' => self.pad_nil(),
                _ => self.bad_verb(v),
            };
        }
        match verb {
            b'T' => self.fmt_s(v.type_name()),
            b'p' => self.fmt_pointer(v, verb),
            _ if self.handle_methods(v, verb) => {}
            _ => self.print_value(v, verb, 0),
        }
    }

    /// `Sprintf`.
    fn printf(&mut self, format: &[u8], list: &[Eface]) {
        let mut a = Args { list, next: 0, reordered: false, good_index: true };
        let end = format.len();
        let mut i = 0;
        while i < end {
            a.good_index = true;
            let start = i;
            while i < end && format[i] != b'%' {
                i += 1;
            }
            self.buf.extend_from_slice(&format[start..i]);
            if i >= end {
                break;
            }
            i += 1;
            self.f = Flags::default();
            while let Some(&c) = format.get(i) {
                match c {
                    b'#' => self.f.sharp = true,
                    b'0' => self.f.zero = !self.f.minus,
                    b'+' => self.f.plus = true,
                    b'-' => (self.f.minus, self.f.zero) = (true, false),
                    b' ' => self.f.space = true,
                    _ => break,
                }
                i += 1;
            }
            let mut after_index = a.index(format, &mut i);
            if format.get(i) == Some(&b'*') {
                i += 1;
                match a.star() {
                    Some(w) => {
                        self.f.wid = Some(w.unsigned_abs() as usize);
                        if w < 0 {
                            (self.f.minus, self.f.zero) = (true, false);
                        }
                    }
                    None => self.buf.extend_from_slice(b"%!(BADWIDTH)"),
                }
                after_index = false;
            } else {
                self.f.wid = parse_num(format, &mut i);
                if after_index && self.f.wid.is_some() {
                    a.good_index = false;
                }
            }
            if i + 1 < end && format[i] == b'.' {
                i += 1;
                if after_index {
                    a.good_index = false;
                }
                after_index = a.index(format, &mut i);
                if format.get(i) == Some(&b'*') {
                    i += 1;
                    self.f.prec = a.star().and_then(|p| usize::try_from(p).ok());
                    if self.f.prec.is_none() {
                        self.buf.extend_from_slice(b"%!(BADPREC)");
                    }
                    after_index = false;
                } else {
                    self.f.prec = Some(parse_num(format, &mut i).unwrap_or(0));
                }
            }
            if !after_index {
                a.index(format, &mut i);
            }
            if i >= end {
                self.buf.extend_from_slice(b"%!(NOVERB)");
                break;
            }
            let (verb, next) = decode_rune(format, i);
            i = next;
            self.verb(verb, &mut a);
        }
        if !a.reordered && a.next < list.len() {
            self.f = Flags::default();
            self.buf.extend_from_slice(b"%!(EXTRA ");
            for j in a.next..list.len() {
                if j > a.next {
                    self.buf.extend_from_slice(b", ");
                }
                let v = a.value(j);
                if v.ty.is_null() {
                    self.buf.extend_from_slice(b"<nil>");
                } else {
                    self.buf.extend_from_slice(v.type_name());
                    self.buf.push(b'=');
                    self.print_arg(v, u32::from(b'v'));
                }
            }
            self.buf.push(b')');
        }
    }

    /// One verb with its flags parsed.
    fn verb(&mut self, verb: u32, a: &mut Args) {
        if verb == u32::from(b'%') {
            self.buf.push(b'%');
        } else if !a.good_index {
            self.complain(verb, b"BADINDEX");
        } else if a.next >= a.list.len() {
            self.complain(verb, b"MISSING");
        } else {
            if verb == u32::from(b'v') {
                self.f.sharp_v = std::mem::take(&mut self.f.sharp);
                self.f.plus_v = std::mem::take(&mut self.f.plus);
            }
            let v = a.value(a.next);
            self.arg_index = a.next;
            a.next += 1;
            self.print_arg(v, verb);
        }
    }

    /// `%!verb(WHAT)`.
    fn complain(&mut self, verb: u32, what: &[u8]) {
        self.buf.extend_from_slice(b"%!");
        self.push_verb(verb);
        self.buf.push(b'(');
        self.buf.extend_from_slice(what);
        self.buf.push(b')');
    }

    /// `Sprint` (`spaces`: between all operands, as `Sprintln`; otherwise
    /// only between two operands neither of which is a string).
    fn print(&mut self, list: &[Eface], spaces: bool) {
        let mut prev_string = false;
        for (i, e) in list.iter().enumerate() {
            // SAFETY: the operands are valid interface values.
            let v = unsafe { Value::from_eface(e) };
            let is_string = v.ty().is_some() && v.is_string();
            if i > 0 && (spaces || (!is_string && !prev_string)) {
                self.buf.push(b' ');
            }
            self.print_arg(v, u32::from(b'v'));
            prev_string = is_string;
        }
    }
}

/// The operands of a call: a Go `[]interface{}`.
///
/// # Safety
/// `ptr` addresses `len` valid interface values (any pointer when 0).
unsafe fn operands<'a>(ptr: *const Eface, len: usize) -> &'a [Eface] {
    if len == 0 {
        return &[];
    }
    // SAFETY: by the precondition.
    unsafe { std::slice::from_raw_parts(ptr, len) }
}

/// `fmt.Sprintf(format, args...)`.
///
/// # Safety
/// `format` is a valid Go string and `args` a valid `[]interface{}`.
pub unsafe extern "C" fn deft_fmt_sprintf(
    fmt_ptr: *const u8,
    fmt_len: usize,
    args_ptr: *const Eface,
    args_len: usize,
    _args_cap: usize,
) -> GoString {
    let mut p = Printer::default();
    // SAFETY: by the precondition.
    unsafe { p.printf(go_bytes(fmt_ptr, fmt_len), operands(args_ptr, args_len)) };
    new_string(&p.buf)
}

/// The message of `fmt.Errorf(format, args...)`; stores through `wrapped`
/// the index of the operand `%w` wrapped, or -1 (none, or `%w` misused).
///
/// # Safety
/// As [`deft_fmt_sprintf`]; `wrapped` is valid for a write.
pub unsafe extern "C" fn deft_fmt_errorf(
    fmt_ptr: *const u8,
    fmt_len: usize,
    args_ptr: *const Eface,
    args_len: usize,
    _args_cap: usize,
    wrapped: *mut i64,
) -> GoString {
    let mut p = Printer { wrap_errs: true, ..Printer::default() };
    // SAFETY: by the precondition.
    unsafe { p.printf(go_bytes(fmt_ptr, fmt_len), operands(args_ptr, args_len)) };
    // SAFETY: by the precondition.
    unsafe { *wrapped = p.wrapped.map_or(-1, |i| i as i64) };
    new_string(&p.buf)
}

/// `fmt.Sprint(args...)`.
///
/// # Safety
/// `args` is a valid `[]interface{}`.
pub unsafe extern "C" fn deft_fmt_sprint(args_ptr: *const Eface, args_len: usize, _args_cap: usize) -> GoString {
    let mut p = Printer::default();
    // SAFETY: by the precondition.
    p.print(unsafe { operands(args_ptr, args_len) }, false);
    new_string(&p.buf)
}

/// `fmt.Sprintln(args...)`.
///
/// # Safety
/// `args` is a valid `[]interface{}`.
pub unsafe extern "C" fn deft_fmt_sprintln(args_ptr: *const Eface, args_len: usize, _args_cap: usize) -> GoString {
    let mut p = Printer::default();
    // SAFETY: by the precondition.
    p.print(unsafe { operands(args_ptr, args_len) }, true);
    p.buf.push(b'\n');
    new_string(&p.buf)
}

/// `strconv.FormatFloat(f, fmt, prec, bitsize)` for formats `e E f g G b`
/// (others give `%` and the format byte, as Go does for unknown ones).
pub extern "C" fn deft_strconv_formatfloat(f: f64, fmt: u8, prec: i64, bitsize: i64) -> GoString {
    new_string(&float::format_float(f, fmt, prec, bitsize))
}

/// `strconv.Quote(s)`.
///
/// # Safety
/// `s` is a valid Go string.
pub unsafe extern "C" fn deft_strconv_quote(s_ptr: *const u8, s_len: usize) -> GoString {
    // SAFETY: by the precondition.
    new_string(&quote::quote(unsafe { go_bytes(s_ptr, s_len) }, false))
}

/// `strconv.QuoteToASCII(s)`.
///
/// # Safety
/// `s` is a valid Go string.
pub unsafe extern "C" fn deft_strconv_quotetoascii(s_ptr: *const u8, s_len: usize) -> GoString {
    // SAFETY: by the precondition.
    new_string(&quote::quote(unsafe { go_bytes(s_ptr, s_len) }, true))
}

/// `strconv.QuoteRune(r)` (invalid runes quote as U+FFFD).
pub extern "C" fn deft_strconv_quoterune(r: i32) -> GoString {
    new_string(&quote::quote_rune(u32::try_from(r).unwrap_or(u32::MAX), false))
}

/// `strconv.ParseFloat(s, bitsize)`: returns the value (xmm0) and stores
/// through `err` 0 (ok), 1 (`ErrSyntax`; value 0) or 2 (`ErrRange`; value
/// ±Inf).
///
/// # Safety
/// `s` is a valid Go string and `err` valid for a write.
pub unsafe extern "C" fn deft_strconv_parsefloat(s_ptr: *const u8, s_len: usize, bitsize: i64, err: *mut i64) -> f64 {
    // SAFETY: by the precondition.
    let (v, e) = float::parse_float(unsafe { go_bytes(s_ptr, s_len) }, bitsize);
    // SAFETY: by the precondition.
    unsafe { *err = e.map_or(0, |e| e as i64) };
    v
}
