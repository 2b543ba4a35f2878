//! Go's `print` and `println` builtins, and the runtime's own stderr writer.
//!
//! # The contract with codegen
//! A `print`/`println` statement compiles to
//! `deft_printlock(); deft_printX(arg1); deft_printsp(); …; deft_printnl(); deft_printunlock()`
//! (`println` puts `deft_printsp` between arguments and ends with
//! `deft_printnl`; `print` puts nothing between them). Arguments are
//! converted before the call: signed integers to `i64`, unsigned ones and
//! `uintptr` to `u64`, `float32` to `f64`, `complex64` to two `f64`s;
//! pointers, maps, channels, funcs and `unsafe.Pointer` go to
//! [`deft_printpointer`]; interfaces (empty or not) to [`deft_printeface`]
//! with their two words; slices to [`deft_printslice`].
//!
//! # Formats (each checked against gc 1.19.8, see `tests/print.rs`)
//! * integers in decimal, `true`/`false`, strings as raw bytes;
//! * floats as `[+-]d.dddddde[+-]ddd` (7 significant digits), `NaN`,
//!   `+Inf`, `-Inf`; `-0.0` prints `-0.000000e+000`;
//! * complex as `(re` `im` `i)`, e.g. `(+1.000000e+000+2.000000e+000i)`;
//! * pointers as `0x` and lowercase hex (`0x0` for nil);
//! * interfaces as `(0xTYPE,0xDATA)`; slices as `[len/cap]0xPTR`.
//!
//! The float digits come from gc's own procedure, not from a correctly
//! rounded conversion: scale into [1, 10) by repeated ×10 or ÷10, add half a
//! unit of the seventh digit, then peel digits by truncation. Reproducing
//! that exact sequence of floating-point operations is what makes the
//! output byte-identical (a correctly rounded formatter differs in the last
//! digit for some values).
//!
//! # Buffering
//! Output goes to fd 2. Between `deft_printlock` and `deft_printunlock`
//! pieces collect in a per-thread buffer, written when the outermost lock is
//! released (or when the buffer fills); outside a lock each piece is written
//! at once. gc writes every piece separately; buffering per statement gives
//! the same bytes in fewer system calls.
//!
//! Invariant: nothing here allocates on the heap, panics or calls Go code.

use std::cell::RefCell;

use crate::strings::go_bytes;
use crate::sys;

/// Somewhere formatted bytes can go: the print buffer, or a `Vec<u8>` for
/// the panic and traceback text the runtime assembles.
pub trait ByteSink {
    /// Appends `bytes`.
    fn put(&mut self, bytes: &[u8]);
}

impl ByteSink for Vec<u8> {
    fn put(&mut self, bytes: &[u8]) {
        self.extend_from_slice(bytes);
    }
}

/// Writes `true` or `false`.
pub fn fmt_bool(out: &mut impl ByteSink, v: bool) {
    out.put(if v { b"true" } else { b"false" });
}

/// Writes `v` in decimal.
pub fn fmt_uint(out: &mut impl ByteSink, mut v: u64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    out.put(&buf[i..]);
}

/// Writes `v` in decimal, with a `-` when negative.
pub fn fmt_int(out: &mut impl ByteSink, v: i64) {
    if v < 0 {
        out.put(b"-");
    }
    fmt_uint(out, v.unsigned_abs());
}

/// Writes `v` as `0x` followed by lowercase hex digits (at least one).
pub fn fmt_hex(out: &mut impl ByteSink, mut v: u64) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut buf = [0u8; 18];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = DIGITS[(v & 15) as usize];
        v >>= 4;
        if v == 0 {
            break;
        }
    }
    buf[i - 2] = b'0';
    buf[i - 1] = b'x';
    out.put(&buf[i - 2..]);
}

/// Writes `v` as `print` does: strconv's shortest `'g'` form for a float
/// of `bits` bits (`1.5`, `-1e+21`, `3.5e-05`, `NaN`, `+Inf`, `-0`), as gc
/// 1.27 (gc before 1.22 printed `+1.500000e+000`).
pub fn fmt_float(out: &mut impl ByteSink, v: f64, bits: i64) {
    out.put(&crate::printfloat::format_shortest_g(v, bits));
}

/// Writes a complex number of `bits` bits (64 or 128) as `print` does:
/// `(1+2i)`, `(-0.5-Infi)`, `(NaN+NaNi)`.
pub fn fmt_complex(out: &mut impl ByteSink, re: f64, im: f64, bits: i64) {
    out.put(b"(");
    fmt_complex_parts(out, re, im, bits);
    out.put(b")");
}

/// Writes the inside of [`fmt_complex`]'s parentheses: the real part, the
/// imaginary part with its sign always written, and `i`.
pub fn fmt_complex_parts(out: &mut impl ByteSink, re: f64, im: f64, bits: i64) {
    let part_bits = bits / 2;
    fmt_float(out, re, part_bits);
    let imag = crate::printfloat::format_shortest_g(im, part_bits);
    if !matches!(imag.first(), Some(b'+' | b'-')) {
        out.put(b"+");
    }
    out.put(&imag);
    out.put(b"i");
}

/// Writes an interface's two words as `print` does: `(0x4a0f20,0xc000012345)`.
pub fn fmt_eface(out: &mut impl ByteSink, ty: u64, data: u64) {
    out.put(b"(");
    fmt_hex(out, ty);
    out.put(b",");
    fmt_hex(out, data);
    out.put(b")");
}

/// Writes a slice header as `print` does: `[3/10]0xc000012345`.
pub fn fmt_slice(out: &mut impl ByteSink, ptr: u64, len: i64, cap: i64) {
    out.put(b"[");
    fmt_int(out, len);
    out.put(b"/");
    fmt_int(out, cap);
    out.put(b"]");
    fmt_hex(out, ptr);
}

/// Capacity of the per-thread print buffer.
const PRINT_BUF_SIZE: usize = 1024;

/// The per-thread state behind `print`: lock depth and pending bytes.
struct Printer {
    depth: u32,
    len: usize,
    buf: [u8; PRINT_BUF_SIZE],
}

impl Printer {
    fn flush(&mut self) {
        if self.len > 0 {
            sys::write_all(2, &self.buf[..self.len]);
            self.len = 0;
        }
    }
}

impl ByteSink for Printer {
    fn put(&mut self, bytes: &[u8]) {
        if bytes.len() > PRINT_BUF_SIZE - self.len {
            self.flush();
            if bytes.len() > PRINT_BUF_SIZE {
                sys::write_all(2, bytes);
                return;
            }
        }
        self.buf[self.len..self.len + bytes.len()].copy_from_slice(bytes);
        self.len += bytes.len();
    }
}

thread_local! {
    static PRINTER: RefCell<Printer> = const {
        RefCell::new(Printer { depth: 0, len: 0, buf: [0; PRINT_BUF_SIZE] })
    };
}

/// Runs `f` on this thread's printer, then writes out what it produced
/// unless a print lock is held.
fn with_printer(f: impl FnOnce(&mut Printer)) {
    let mut f = Some(f);
    let ran = PRINTER.try_with(|cell| {
        let Ok(mut p) = cell.try_borrow_mut() else {
            crate::proc::throw("print buffer used reentrantly");
        };
        if let Some(f) = f.take() {
            f(&mut p);
        }
        if p.depth == 0 {
            p.flush();
        }
    });
    if ran.is_err() {
        // The thread is being torn down: print unbuffered.
        let mut p = Printer { depth: 0, len: 0, buf: [0; PRINT_BUF_SIZE] };
        if let Some(f) = f.take() {
            f(&mut p);
        }
        p.flush();
    }
}

/// Writes `bytes` to stderr in order with `print` output: for fatal error
/// and panic messages and tracebacks.
pub fn write_stderr(bytes: &[u8]) {
    with_printer(|p| p.put(bytes));
}

/// Writes out whatever `print` output is pending on this thread, even under
/// a print lock (used before the process exits).
pub fn flush_print() {
    let _ = PRINTER.try_with(|cell| {
        if let Ok(mut p) = cell.try_borrow_mut() {
            p.flush();
        }
    });
}

/// The compiler emits a call to this at the start of every `print` or
/// `println` statement. Returns nothing; output is held until the matching
/// [`deft_printunlock`].
#[unsafe(no_mangle)]
pub extern "C" fn deft_printlock() {
    with_printer(|p| p.depth = p.depth.saturating_add(1));
}

/// The compiler emits a call to this at the end of every `print` or
/// `println` statement. Returns nothing; writes the statement's output when
/// this releases the outermost lock.
#[unsafe(no_mangle)]
pub extern "C" fn deft_printunlock() {
    with_printer(|p| p.depth = p.depth.saturating_sub(1));
}

/// The compiler emits a call to this to print a `bool` argument (passed as
/// an `i8`, 0 or 1). Returns nothing.
#[unsafe(no_mangle)]
pub extern "C" fn deft_printbool(v: bool) {
    with_printer(|p| fmt_bool(p, v));
}

/// The compiler emits a call to this to print a signed integer argument,
/// sign-extended to `i64`. Returns nothing.
#[unsafe(no_mangle)]
pub extern "C" fn deft_printint(v: i64) {
    with_printer(|p| fmt_int(p, v));
}

/// The compiler emits a call to this to print an unsigned integer or
/// `uintptr` argument, zero-extended to `u64`. Returns nothing.
#[unsafe(no_mangle)]
pub extern "C" fn deft_printuint(v: u64) {
    with_printer(|p| fmt_uint(p, v));
}

/// The compiler emits a call to this to print a `float64` or (converted)
/// `float32` argument, with its size in bits. Returns nothing.
#[unsafe(no_mangle)]
pub extern "C" fn deft_printfloat(v: f64, bits: i64) {
    with_printer(|p| fmt_float(p, v, bits));
}

/// The compiler emits a call to this to print a `complex128` or (converted)
/// `complex64` argument, real part then imaginary part, then its size in
/// bits. Returns nothing.
#[unsafe(no_mangle)]
pub extern "C" fn deft_printcomplex(re: f64, im: f64, bits: i64) {
    with_printer(|p| fmt_complex(p, re, im, bits));
}

/// The compiler emits a call to this to print a `string` argument (its two
/// words). Returns nothing.
///
/// # Safety
/// `ptr` must point to `len` readable bytes (any pointer when `len` is 0).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn deft_printstring(ptr: *const u8, len: usize) {
    // SAFETY: the caller passes a valid Go string.
    let bytes = unsafe { go_bytes(ptr, len) };
    with_printer(|p| p.put(bytes));
}

/// The compiler emits a call to this to print a pointer, map, channel,
/// func or `unsafe.Pointer` argument. Returns nothing.
#[unsafe(no_mangle)]
pub extern "C" fn deft_printpointer(p: *const u8) {
    with_printer(|out| fmt_hex(out, p as u64));
}

/// The compiler emits a call to this to print a value in hex (`0x1f`); Go
/// code never reaches it through `print`, the runtime's own diagnostics do.
/// Returns nothing.
#[unsafe(no_mangle)]
pub extern "C" fn deft_printhex(v: u64) {
    with_printer(|p| fmt_hex(p, v));
}

/// The compiler emits a call to this between the arguments of `println`.
/// Returns nothing.
#[unsafe(no_mangle)]
pub extern "C" fn deft_printsp() {
    with_printer(|p| p.put(b" "));
}

/// The compiler emits a call to this at the end of `println`. Returns
/// nothing.
#[unsafe(no_mangle)]
pub extern "C" fn deft_printnl() {
    with_printer(|p| p.put(b"\n"));
}

/// The compiler emits a call to this to print an interface argument, empty
/// or not: its type (or itab) word and its data word. Returns nothing.
#[unsafe(no_mangle)]
pub extern "C" fn deft_printeface(ty: *const u8, data: *const u8) {
    with_printer(|p| fmt_eface(p, ty as u64, data as u64));
}

/// The compiler emits a call to this to print a slice argument (its three
/// words). Returns nothing.
#[unsafe(no_mangle)]
pub extern "C" fn deft_printslice(ptr: *const u8, len: i64, cap: i64) {
    with_printer(|p| fmt_slice(p, ptr as u64, len, cap));
}

/// The compiler emits a call to this for a write to a file descriptor
/// (`os.Stdout.Write` and the `fmt` printers). Returns the number of bytes
/// written, or `-errno` if a write failed.
///
/// # Safety
/// `ptr` must point to `len` readable bytes (any pointer when `len` is 0).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn deft_write(fd: i64, ptr: *const u8, len: usize) -> i64 {
    // SAFETY: the caller passes a valid byte range.
    let bytes = unsafe { go_bytes(ptr, len) };
    sys::write_all(fd as i32, bytes) as i64
}
