//! Package `math/bits`: the full-width multiply and divide, with Rust's
//! 128-bit integers.

use super::Pair;

/// `func Mul64(x, y uint64) (hi, lo uint64)`.
pub extern "C" fn mul64(x: u64, y: u64) -> Pair {
    let p = u128::from(x) * u128::from(y);
    Pair((p >> 64) as i64, p as u64 as i64)
}

/// `func div64(hi, lo, y uint64) (quo, rem uint64)`: the Go side has
/// checked `0 < y` and `hi < y`, so the quotient fits in 64 bits.
pub extern "C" fn div64(hi: u64, lo: u64, y: u64) -> Pair {
    let n = u128::from(hi) << 64 | u128::from(lo);
    let y = u128::from(y.max(1));
    Pair((n / y) as u64 as i64, (n % y) as u64 as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_arithmetic() {
        let Pair(hi, lo) = mul64(u64::MAX, u64::MAX);
        assert_eq!((hi as u64, lo as u64), (u64::MAX - 1, 1));
        let Pair(q, r) = div64(1, 5, 3); // (2^64 + 5) / 3
        assert_eq!((q as u64, r as u64), (0x5555_5555_5555_5557, 0));
    }
}
