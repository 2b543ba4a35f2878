//! Go strings: concatenation, comparison, conversions, and UTF-8 decoding.
//!
//! A Go string is a [`GoString`] (pointer, length) over immutable bytes that
//! need not be UTF-8. Invariants the compiler and the runtime share:
//! * string bytes are never written after the string is made, so strings
//!   share storage freely: a constant points into static data, a
//!   concatenation with only one non-empty operand returns that operand, a
//!   one-byte string made at run time points into a static table;
//! * an empty string may have any pointer, including null; read bytes only
//!   through [`go_bytes`], which never builds a slice from a null pointer;
//! * conversions to slices return fresh memory (`cap == len`), and a
//!   conversion of an empty string still gives a non-nil slice.
//!
//! UTF-8 follows Go: decoding an ill-formed sequence (bad lead byte,
//! missing or bad continuation, overlong form, surrogate, beyond U+10FFFF)
//! yields U+FFFD and advances by one byte; encoding an invalid code point
//! (negative, surrogate, beyond U+10FFFF) writes U+FFFD.
//!
//! Slice results are two words, `(ptr, len)` ([`FreshSlice`]), returned in
//! rax:rdx; the compiler sets `cap = len`.

use crate::abi::GoString;
use crate::alloc::{NOSCAN, alloc_copy, alloc_filled, alloc_noscan};

/// Views a Go string's bytes.
///
/// # Safety
/// Unless `len` is 0, `ptr` must point to `len` bytes that stay readable and
/// unchanged for `'a`.
pub unsafe fn go_bytes<'a>(ptr: *const u8, len: usize) -> &'a [u8] {
    if len == 0 {
        return &[];
    }
    // SAFETY: the caller guarantees `len` readable bytes at `ptr`.
    unsafe { std::slice::from_raw_parts(ptr, len) }
}

impl GoString {
    /// A Go string over static bytes (for runtime-owned constants).
    pub const fn from_static(bytes: &'static [u8]) -> GoString {
        GoString { ptr: bytes.as_ptr(), len: bytes.len() }
    }

    /// The string's bytes.
    ///
    /// # Safety
    /// `self` must be a valid Go string whose bytes outlive `'a`.
    pub unsafe fn bytes<'a>(&self) -> &'a [u8] {
        // SAFETY: forwarded to the caller.
        unsafe { go_bytes(self.ptr, self.len) }
    }
}

/// The empty string.
const EMPTY: GoString = GoString { ptr: std::ptr::null(), len: 0 };

/// Every one-byte string with a byte below 0x80, so that `string(rune)` and
/// one-byte conversions need no allocation.
static ASCII: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut i = 0;
    while i < 128 {
        t[i] = i as u8;
        i += 1;
    }
    t
};

/// Makes a Go string holding a copy of `bytes` (no copy for 0 bytes or
/// one ASCII byte).
pub fn new_string(bytes: &[u8]) -> GoString {
    match *bytes {
        [] => EMPTY,
        [b] if b < 0x80 => GoString { ptr: &ASCII[b as usize], len: 1 },
        _ => GoString { ptr: alloc_copy(bytes), len: bytes.len() },
    }
}

/// Concatenates `parts` into one Go string. When at most one part is
/// non-empty, that part is returned without copying.
pub fn concat(parts: &[&[u8]]) -> GoString {
    let mut total = 0usize;
    let mut nonempty = 0;
    let mut last = EMPTY;
    for p in parts {
        if !p.is_empty() {
            nonempty += 1;
            last = GoString { ptr: p.as_ptr(), len: p.len() };
        }
        total = total
            .checked_add(p.len())
            .filter(|&t| t <= isize::MAX as usize)
            .unwrap_or_else(|| crate::proc::throw("string concatenation too long"));
    }
    if nonempty <= 1 {
        return last;
    }
    let dst = alloc_filled(total, NOSCAN | 1, total);
    let mut off = 0;
    for p in parts {
        // SAFETY: `dst` has `total` bytes, the sum of all part lengths, and
        // is fresh, so it overlaps no part.
        unsafe { std::ptr::copy_nonoverlapping(p.as_ptr(), dst.add(off), p.len()) };
        off += p.len();
    }
    GoString { ptr: dst, len: total }
}

/// The compiler emits a call to this for `a + b` on strings. Returns the
/// concatenation (one of the operands itself when the other is empty).
///
/// # Safety
/// Both pairs must be valid Go strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn deft_concatstrings(
    a_ptr: *const u8,
    a_len: usize,
    b_ptr: *const u8,
    b_len: usize,
) -> GoString {
    // SAFETY: the caller passes valid Go strings.
    let (a, b) = unsafe { (go_bytes(a_ptr, a_len), go_bytes(b_ptr, b_len)) };
    concat(&[a, b])
}

/// The compiler emits a call to this for a chain of three or more string
/// `+` operands, after storing them in a temporary array of `n`
/// [`GoString`]s. Returns the concatenation.
///
/// # Safety
/// `parts` must point to `n` valid Go strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn deft_concatstringn(parts: *const GoString, n: usize) -> GoString {
    const STACK_PARTS: usize = 16;
    let mut views: [&[u8]; STACK_PARTS] = [&[]; STACK_PARTS];
    if n <= STACK_PARTS {
        for (i, v) in views.iter_mut().enumerate().take(n) {
            // SAFETY: `i < n` and the caller passes `n` valid strings.
            *v = unsafe { (*parts.add(i)).bytes() };
        }
        return concat(&views[..n]);
    }
    // SAFETY: the caller passes `n` valid strings.
    let strs = unsafe { std::slice::from_raw_parts(parts, n) };
    // SAFETY: each is a valid Go string.
    let all: Vec<&[u8]> = strs.iter().map(|s| unsafe { s.bytes() }).collect();
    concat(&all)
}

/// The compiler emits a call to this for `<`, `<=`, `>`, `>=` on strings.
/// Returns -1, 0 or 1 as `a` sorts before, equal to or after `b` (bytewise).
///
/// # Safety
/// Both pairs must be valid Go strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn deft_cmpstring(a_ptr: *const u8, a_len: usize, b_ptr: *const u8, b_len: usize) -> i64 {
    // SAFETY: the caller passes valid Go strings.
    let (a, b) = unsafe { (go_bytes(a_ptr, a_len), go_bytes(b_ptr, b_len)) };
    cmp_bytes(a, b) as i64
}

/// `a.cmp(b)`, without calling memcmp when either is empty (see
/// [`deft_eqstring`]).
pub(crate) fn cmp_bytes(a: &[u8], b: &[u8]) -> std::cmp::Ordering {
    if a.is_empty() || b.is_empty() {
        return a.len().cmp(&b.len());
    }
    a.cmp(b)
}

/// The compiler emits a call to this for `==` and `!=` on strings (after
/// its own length check, if it likes). Returns 1 when equal, else 0, as an
/// `i8`.
///
/// # Safety
/// Both pairs must be valid Go strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn deft_eqstring(a_ptr: *const u8, a_len: usize, b_ptr: *const u8, b_len: usize) -> bool {
    // Two empty strings are equal without calling memcmp: Rust's slice
    // comparison would call it with the empty slices' dangling pointer, 1,
    // where glibc's AVX-512 memcmp makes a masked load of that address
    // whose fault suppression costs about 80 ns on this machine
    // (`s == ""` in time.Parse's loop took 87% of its time).
    // SAFETY: the caller passes valid Go strings.
    a_len == b_len && unsafe { bytes_equal(a_ptr, b_ptr, a_len) }
}

/// Whether the `len` bytes at `a` and `b` are equal. Up to 16 bytes are
/// compared as two (possibly overlapping) words from both ends, without
/// a call: most strings compared (map keys, field names, tokens) are that
/// short, and memcmp's call and dispatch cost more than the comparison.
///
/// # Safety
/// Both pointers address `len` readable bytes.
#[inline]
pub unsafe fn bytes_equal(a: *const u8, b: *const u8, len: usize) -> bool {
    // SAFETY (the reads below): every offset read is within `len` bytes.
    unsafe {
        let word8 = |p: *const u8, at: usize| p.add(at).cast::<u64>().read_unaligned();
        let word4 = |p: *const u8, at: usize| p.add(at).cast::<u32>().read_unaligned();
        match len {
            0 => true,
            1..4 => *a == *b && *a.add(len >> 1) == *b.add(len >> 1) && *a.add(len - 1) == *b.add(len - 1),
            4..8 => word4(a, 0) == word4(b, 0) && word4(a, len - 4) == word4(b, len - 4),
            8..=16 => word8(a, 0) == word8(b, 0) && word8(a, len - 8) == word8(b, len - 8),
            _ => a == b || go_bytes(a, len) == go_bytes(b, len),
        }
    }
}

/// The compiler emits a call to this to compare two blocks of memory for
/// `==` on arrays and structs of plain data. Returns 1 when the `size`
/// bytes are equal, else 0, as an `i8`.
///
/// # Safety
/// Both pointers must address `size` readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn deft_memequal(a: *const u8, b: *const u8, size: usize) -> bool {
    // SAFETY: the caller passes two readable blocks of `size` bytes.
    unsafe { bytes_equal(a, b, size) }
}

/// Code point written for invalid runes and read for ill-formed UTF-8.
pub const RUNE_ERROR: u32 = 0xFFFD;

/// Encodes `r` as UTF-8 into `buf`, U+FFFD if `r` is not a valid code
/// point; returns the length used.
pub fn encode_rune(r: i64, buf: &mut [u8; 4]) -> usize {
    let c = u32::try_from(r).ok().and_then(char::from_u32).unwrap_or(char::REPLACEMENT_CHARACTER);
    c.encode_utf8(buf).len()
}

/// Decodes the rune starting at `s[i]` (`i < s.len()`): returns it and the
/// index after it; (U+FFFD, i + 1) for an ill-formed sequence.
pub fn decode_rune(s: &[u8], i: usize) -> (u32, usize) {
    let Some(&b0) = s.get(i) else {
        return (RUNE_ERROR, i.wrapping_add(1));
    };
    if b0 < 0x80 {
        return (b0 as u32, i + 1);
    }
    // Length and permitted range of the second byte, by lead byte
    // (Unicode's table of well-formed UTF-8 byte sequences).
    let (len, lo, hi) = match b0 {
        0xC2..=0xDF => (2, 0x80, 0xBF),
        0xE0 => (3, 0xA0, 0xBF),
        0xE1..=0xEC | 0xEE..=0xEF => (3, 0x80, 0xBF),
        0xED => (3, 0x80, 0x9F),
        0xF0 => (4, 0x90, 0xBF),
        0xF1..=0xF3 => (4, 0x80, 0xBF),
        0xF4 => (4, 0x80, 0x8F),
        _ => return (RUNE_ERROR, i + 1),
    };
    let Some(tail) = s.get(i + 1..i + len) else {
        return (RUNE_ERROR, i + 1);
    };
    let second_ok = (lo..=hi).contains(&tail[0]);
    if !second_ok || tail[1..].iter().any(|&b| b & 0xC0 != 0x80) {
        return (RUNE_ERROR, i + 1);
    }
    let lead_bits = (b0 as u32) & (0x7F >> len);
    let r = tail.iter().fold(lead_bits, |r, &b| (r << 6) | (b & 0x3F) as u32);
    (r, i + len)
}

/// A decoded rune and the index just after it, returned in rax:rdx.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RuneAndNext {
    /// The rune (U+FFFD for ill-formed input).
    pub rune: i64,
    /// Index of the byte after the rune.
    pub next: i64,
}

/// The compiler emits a call to this in `for i, r := range s` when the byte
/// at `index` is not ASCII (the ASCII case it handles inline). Returns the
/// rune starting at `index` and the index after it; for ill-formed UTF-8,
/// U+FFFD and `index + 1`.
///
/// # Safety
/// `ptr`/`len` must be a valid Go string; `index < len`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn deft_decoderune(ptr: *const u8, len: usize, index: i64) -> RuneAndNext {
    // SAFETY: the caller passes a valid Go string.
    let s = unsafe { go_bytes(ptr, len) };
    let (rune, next) = decode_rune(s, index as usize);
    RuneAndNext { rune: rune as i64, next: next as i64 }
}

/// The compiler emits a call to this for `string(x)` where `x` is an
/// integer (a rune). Returns the UTF-8 encoding of `x`, or of U+FFFD when
/// `x` is not a valid code point (including values beyond 32 bits).
#[unsafe(no_mangle)]
pub extern "C" fn deft_intstring(v: i64) -> GoString {
    let mut buf = [0u8; 4];
    let n = encode_rune(v, &mut buf);
    new_string(&buf[..n])
}

/// The compiler emits a call to this for `string(b)` with `b` a `[]byte`.
/// Returns a new string holding a copy of the bytes.
///
/// # Safety
/// `ptr` must address `len` readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn deft_slicebytetostring(ptr: *const u8, len: usize) -> GoString {
    // SAFETY: the caller passes a readable byte range.
    new_string(unsafe { go_bytes(ptr, len) })
}

/// The bytes of a conversion's buffer in the frame: a `string(b)` or
/// `[]byte(s)` whose result the compiler proved does not outlive the
/// frame uses it when the bytes fit (gc's `tmpBuf`).
pub const TMP_BUF: usize = 32;

/// `string(b)` whose result stays in the frame: the bytes are copied into
/// `buf` ([`TMP_BUF`] bytes of the caller's frame) when they fit, else
/// into a new string.
///
/// # Safety
/// `ptr` must address `len` readable bytes, `buf` [`TMP_BUF`] writable ones.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn deft_slicebytetostring_buf(ptr: *const u8, len: usize, buf: *mut u8) -> GoString {
    if len == 0 || len > TMP_BUF {
        // SAFETY: as for deft_slicebytetostring.
        return unsafe { deft_slicebytetostring(ptr, len) };
    }
    // SAFETY: the caller passes a readable range and a buffer that holds it.
    unsafe { std::ptr::copy_nonoverlapping(ptr, buf, len) };
    GoString { ptr: buf, len }
}

/// `[]byte(s)` whose result stays in the frame: the buffer (zeroed, as
/// gc's, so that the slice's capacity beyond its length reads zero) when
/// the string fits, else a new slice. The capacity is [`TMP_BUF`] when
/// the buffer is used (the caller knows from the pointer), else the length.
///
/// # Safety
/// `ptr`/`len` must be a valid Go string, `buf` [`TMP_BUF`] writable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn deft_stringtoslicebyte_buf(ptr: *const u8, len: usize, buf: *mut u8) -> FreshSlice {
    if len > TMP_BUF {
        // SAFETY: as for deft_stringtoslicebyte.
        return unsafe { deft_stringtoslicebyte(ptr, len) };
    }
    // SAFETY: the buffer is TMP_BUF writable bytes and holds the string.
    unsafe {
        std::ptr::write_bytes(buf, 0, TMP_BUF);
        std::ptr::copy_nonoverlapping(ptr, buf, len);
    }
    FreshSlice { ptr: buf, len }
}

/// A new slice's pointer and length, returned in rax:rdx; its capacity
/// equals its length.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct FreshSlice {
    /// First element (non-null even when empty).
    pub ptr: *mut u8,
    /// Number of elements, also the capacity.
    pub len: usize,
}

/// The compiler emits a call to this for `[]byte(s)`. Returns a fresh,
/// non-nil byte slice holding a copy of the string (`cap == len`).
///
/// # Safety
/// `ptr`/`len` must be a valid Go string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn deft_stringtoslicebyte(ptr: *const u8, len: usize) -> FreshSlice {
    // SAFETY: the caller passes a valid Go string.
    let s = unsafe { go_bytes(ptr, len) };
    FreshSlice { ptr: alloc_copy(s), len }
}

/// Iterates over the runes of `s` as `for range` does.
fn runes(s: &[u8]) -> impl Iterator<Item = u32> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        (i < s.len()).then(|| {
            let (r, next) = decode_rune(s, i);
            i = next;
            r
        })
    })
}

/// The compiler emits a call to this for `len([]rune(s))` and for
/// `utf8.RuneCountInString`. Returns the number of runes `for range` would
/// visit.
///
/// # Safety
/// `ptr`/`len` must be a valid Go string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn deft_countrunes(ptr: *const u8, len: usize) -> i64 {
    // SAFETY: the caller passes a valid Go string.
    runes(unsafe { go_bytes(ptr, len) }).count() as i64
}

/// The compiler emits a call to this for `[]rune(s)`. Returns a fresh,
/// non-nil `[]rune` (`cap == len`) of the string's runes, U+FFFD for each
/// ill-formed byte.
///
/// # Safety
/// `ptr`/`len` must be a valid Go string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn deft_stringtoslicerune(ptr: *const u8, len: usize) -> FreshSlice {
    // SAFETY: the caller passes a valid Go string.
    let s = unsafe { go_bytes(ptr, len) };
    let n = runes(s).count();
    let dst = alloc_noscan(n * 4, 4).cast::<i32>();
    for (i, r) in runes(s).enumerate() {
        // SAFETY: `dst` has room for the `n` runes `runes(s)` yields again.
        unsafe { dst.add(i).write(r as i32) };
    }
    FreshSlice { ptr: dst.cast(), len: n }
}

/// The compiler emits a call to this for `string(rs)` with `rs` a `[]rune`.
/// Returns a new string of the runes' UTF-8 encodings, U+FFFD for invalid
/// code points.
///
/// # Safety
/// `ptr` must address `len` readable, aligned `int32`s.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn deft_slicerunetostring(ptr: *const i32, len: usize) -> GoString {
    let rs: &[i32] = if len == 0 {
        &[]
    } else {
        // SAFETY: the caller passes `len` readable runes.
        unsafe { std::slice::from_raw_parts(ptr, len) }
    };
    let mut buf = [0u8; 4];
    let total: usize = rs.iter().map(|&r| encode_rune(r as i64, &mut buf)).sum();
    if total == 0 {
        return EMPTY;
    }
    let dst = alloc_filled(total, NOSCAN | 1, total);
    let mut off = 0;
    for &r in rs {
        let n = encode_rune(r as i64, &mut buf);
        // SAFETY: the encodings add up to `total`, the size of `dst`.
        unsafe { std::ptr::copy_nonoverlapping(buf.as_ptr(), dst.add(off), n) };
        off += n;
    }
    GoString { ptr: dst, len: total }
}
