//! `hash/crc32`: the functions Go's own package declares without a body on
//! amd64 (gc has them in assembly, on the SSE 4.2 `CRC32` and `PCLMULQDQ`
//! instructions), for the package compiled from Go's source. Each updates
//! a *non-inverted* CRC (the Go callers invert before and after) with
//! plain table-driven code: the same values as the instructions give.
//!
//! deft never runs `internal/cpu`'s initialisation, so the package's
//! feature tests (`cpu.X86.HasSSE42`) are false and it takes its portable
//! Go code; these are here because that code still names them.

/// The reversed Castagnoli polynomial (CRC-32C, what `CRC32` computes).
const CASTAGNOLI: u32 = 0x82F6_3B78;
/// The reversed IEEE polynomial.
const IEEE: u32 = 0xEDB8_8320;

/// The byte-at-a-time table of reversed polynomial `poly`.
const fn table(poly: u32) -> [u32; 256] {
    let mut t = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut crc = i as u32;
        let mut bit = 0;
        while bit < 8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ poly } else { crc >> 1 };
            bit += 1;
        }
        t[i] = crc;
        i += 1;
    }
    t
}

static CASTAGNOLI_TABLE: [u32; 256] = table(CASTAGNOLI);
static IEEE_TABLE: [u32; 256] = table(IEEE);

/// `crc` updated with `p` by `table` (no inversion).
fn update(table: &[u32; 256], crc: u32, p: &[u8]) -> u32 {
    p.iter().fold(crc, |crc, &b| table[((crc ^ u32::from(b)) & 0xFF) as usize] ^ (crc >> 8))
}

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

/// `func castagnoliSSE42(crc uint32, p []byte) uint32`.
pub extern "C" fn castagnoli_sse42(crc: u32, p: *const u8, len: usize, _cap: usize) -> u32 {
    // SAFETY: a Go slice.
    update(&CASTAGNOLI_TABLE, crc, unsafe { bytes(p, len) })
}

/// `func castagnoliSSE42Triple(crcA, crcB, crcC uint32, a, b, c []byte,
/// rounds uint32) (retA, retB, retC uint32)`: each CRC updated with the
/// first `24*rounds` bytes of its buffer (the caller's buffers hold at
/// least that many); the results written to `out`.
#[allow(clippy::too_many_arguments)]
pub extern "C" fn castagnoli_sse42_triple(
    out: *mut [u32; 3],
    crc_a: u32,
    crc_b: u32,
    crc_c: u32,
    a: *const u8,
    a_len: usize,
    _a_cap: usize,
    b: *const u8,
    b_len: usize,
    _b_cap: usize,
    c: *const u8,
    c_len: usize,
    _c_cap: usize,
    rounds: u32,
) {
    let n = 24 * rounds as usize;
    let run = |crc, p: *const u8, len: usize| {
        // SAFETY: a Go slice; at most its length is read.
        update(&CASTAGNOLI_TABLE, crc, unsafe { bytes(p, n.min(len)) })
    };
    let results = [run(crc_a, a, a_len), run(crc_b, b, b_len), run(crc_c, c, c_len)];
    // SAFETY: the adapter passes the address of the results' slot.
    unsafe { out.write_unaligned(results) };
}

/// `func ieeeCLMUL(crc uint32, p []byte) uint32`.
pub extern "C" fn ieee_clmul(crc: u32, p: *const u8, len: usize, _cap: usize) -> u32 {
    // SAFETY: a Go slice.
    update(&IEEE_TABLE, crc, unsafe { bytes(p, len) })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The check values of the two CRCs ("123456789", inverted before
    /// and after).
    #[test]
    fn check_values() {
        let p = b"123456789";
        assert_eq!(!update(&CASTAGNOLI_TABLE, !0, p), 0xE306_9283);
        assert_eq!(!update(&IEEE_TABLE, !0, p), 0xCBF4_3926);
    }
}
