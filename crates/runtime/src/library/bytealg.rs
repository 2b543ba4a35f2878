//! `internal/bytealg`: the functions Go's own package declares without a
//! body on amd64 (gc has them in assembly), for the package compiled from
//! Go's source. Each searches or compares plain bytes and allocates
//! nothing but `MakeNoZero`'s block.

use crate::abi::GoSlice;
use crate::errors::RuntimeError;
use crate::frames::Frame;

/// The `len` bytes at `ptr` (nothing for a zero length, whatever `ptr`).
///
/// # Safety
/// `ptr` is readable for `len` bytes when `len > 0`.
unsafe fn bytes<'a>(ptr: *const u8, len: usize) -> &'a [u8] {
    if len == 0 {
        return &[];
    }
    // SAFETY: by the precondition.
    unsafe { std::slice::from_raw_parts(ptr, len) }
}

/// The index of the first `c` in `b`, or -1 (vectorised, as gc's
/// assembly is: `bytes.IndexByte` is what `bufio.ReadSlice` spends its
/// time in).
fn index_byte(b: &[u8], c: u8) -> i64 {
    memchr::memchr(c, b).map_or(-1, |i| i as i64)
}

/// Haystacks up to this length are scanned directly: building memmem's
/// searcher costs more than scanning them (gc's `MaxBruteForce`; a short
/// haystack is what `bytes.Index` gives `Index` most often: regexp's
/// literal prefixes on short inputs).
const BRUTE_FORCE_MAX: usize = 64;

/// The index of the first occurrence of `sep` in `s`, or -1.
fn index(s: &[u8], sep: &[u8]) -> i64 {
    if s.len() <= BRUTE_FORCE_MAX && !sep.is_empty() {
        return s.windows(sep.len()).position(|w| w == sep).map_or(-1, |i| i as i64);
    }
    memchr::memmem::find(s, sep).map_or(-1, |i| i as i64)
}

/// `func Compare(a, b []byte) int`: -1, 0 or +1, bytes compared unsigned.
pub extern "C" fn compare(a: *const u8, alen: usize, _acap: usize, b: *const u8, blen: usize, _bcap: usize) -> i64 {
    // SAFETY: Go slices.
    let (a, b) = unsafe { (bytes(a, alen), bytes(b, blen)) };
    crate::strings::cmp_bytes(a, b) as i64
}

/// `func abigen_runtime_cmpstring(a, b string) int` (gc's
/// `runtime.cmpstring`, behind `CompareString`): as [`compare`].
pub extern "C" fn compare_string(a: *const u8, alen: usize, b: *const u8, blen: usize) -> i64 {
    compare(a, alen, alen, b, blen, blen)
}

/// `func Count(b []byte, c byte) int`.
pub extern "C" fn count(b: *const u8, len: usize, _cap: usize, c: u8) -> i64 {
    // SAFETY: a Go slice.
    unsafe { bytes(b, len) }.iter().filter(|&&x| x == c).count() as i64
}

/// `func CountString(s string, c byte) int`.
pub extern "C" fn count_string(s: *const u8, len: usize, c: u8) -> i64 {
    count(s, len, len, c)
}

/// `func Index(a, b []byte) int`.
pub extern "C" fn index_bytes(a: *const u8, alen: usize, _acap: usize, b: *const u8, blen: usize, _bcap: usize) -> i64 {
    // SAFETY: Go slices.
    unsafe { index(bytes(a, alen), bytes(b, blen)) }
}

/// `func IndexString(a, b string) int`.
pub extern "C" fn index_string(a: *const u8, alen: usize, b: *const u8, blen: usize) -> i64 {
    index_bytes(a, alen, alen, b, blen, blen)
}

/// `func IndexByte(b []byte, c byte) int`.
pub extern "C" fn index_byte_bytes(b: *const u8, len: usize, _cap: usize, c: u8) -> i64 {
    // SAFETY: a Go slice.
    index_byte(unsafe { bytes(b, len) }, c)
}

/// `func IndexByteString(s string, c byte) int`.
pub extern "C" fn index_byte_string(s: *const u8, len: usize, c: u8) -> i64 {
    index_byte_bytes(s, len, len, c)
}

crate::panic::entry_shim!(
    /// `func MakeNoZero(n int) []byte`: a byte slice of length `n` whose
    /// capacity is all gc's allocator hands out for `n` bytes (its size
    /// class), as gc's (strings.Builder's capacities show it); deft's
    /// allocator hands out zeroed memory anyway. A length out of range
    /// raises `makeslice: len out of range` from the caller, as gc's does
    /// (`strings.Repeat` of a huge count recovers it).
    deft_makenozero(*mut GoSlice, i64) -> () => make_no_zero, pc: "rdx", fp: "rcx"
);

extern "C" fn make_no_zero(out: *mut GoSlice, n: i64, pc: usize, fp: usize) {
    if !(0..=crate::slices::MAX_ALLOC as i64).contains(&n) {
        crate::panic::panic_runtime_error(RuntimeError::MakeSliceLen, Frame { pc, fp });
    }
    let n = n as usize;
    let cap = crate::slices::round_up_size(n as u64, true) as usize;
    let ptr = crate::alloc::deft_alloc(cap, 1 | crate::alloc::NOSCAN);
    // SAFETY: `out` is the adapter's result area.
    unsafe { out.write(GoSlice { ptr, len: n, cap }) };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn searches() {
        assert_eq!(index(b"chicken", b"ken"), 4);
        assert_eq!(index(b"chicken", b"kex"), -1);
        assert_eq!(index(b"", b""), 0);
        assert_eq!(index(b"ab", b"abc"), -1);
        assert_eq!(index(b"ab", b""), 0);
        let long = [b"x".repeat(100), b"needle".to_vec()].concat();
        assert_eq!(index(&long, b"needle"), 100);
        assert_eq!(index(&long[90..], b"needle"), 10);
        assert_eq!(index_byte(b"golang", b'n'), 4);
        assert_eq!(compare(b"a".as_ptr(), 1, 1, b"b".as_ptr(), 1, 1), -1);
        assert_eq!(compare(b"ab".as_ptr(), 2, 2, b"a".as_ptr(), 1, 1), 1);
        assert_eq!(count_string(b"cheese".as_ptr(), 6, b'e'), 3);
    }
}
