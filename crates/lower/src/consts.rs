//! Exact constants → IR constants of a concrete type.
//!
//! The checker guarantees a constant is representable in its recorded type,
//! so conversion here never fails for well-typed programs; integers are
//! truncated to the type's width in two's complement (`int8(-1)` is `0xff`),
//! floats are rounded once, to nearest-even, straight from the exact
//! rational to the target precision (float32 constants are never rounded
//! through float64, which could round twice).

use num_bigint::{BigInt, Sign};
use num_rational::BigRational;
use num_traits::{ToPrimitive, Zero};
use types::ConstValue;

use crate::ir::{Const, TyKind};

/// Converts `v` to a constant of a type with structure `kind`. `None` when
/// the value cannot be a constant of that type (an internal error for the
/// caller to report).
pub fn convert(v: &ConstValue, kind: &TyKind) -> Option<Const> {
    Some(match kind {
        TyKind::Bool => match v {
            ConstValue::Bool(b) => Const::Bool(*b),
            _ => return None,
        },
        TyKind::Int(it) => Const::Int(int_bits(&exact_integer(v)?, it.bits)),
        TyKind::Float(bits) => Const::Float(round_float(&real_part(v)?, *bits)),
        TyKind::Complex(bits) => {
            let (re, im) = complex_parts(v)?;
            Const::Complex(round_float(&re, bits / 2), round_float(&im, bits / 2))
        }
        TyKind::String => match v {
            ConstValue::String(s) => Const::String(s.clone()),
            ConstValue::Bytes(b) => Const::Bytes(b.clone()),
            ConstValue::Int(i) => Const::String(rune_string(i)),
            _ => return None,
        },
        _ => return None,
    })
}

/// `string(i)` of an integer: the rune's UTF-8, or U+FFFD when invalid.
fn rune_string(i: &BigInt) -> String {
    i.to_u32().and_then(char::from_u32).unwrap_or('\u{FFFD}').to_string()
}

fn exact_integer(v: &ConstValue) -> Option<BigInt> {
    match v {
        ConstValue::Int(i) => Some(i.clone()),
        ConstValue::Float(f) if f.is_integer() => Some(f.to_integer()),
        ConstValue::Complex(c) if c.1.is_zero() && c.0.is_integer() => Some(c.0.to_integer()),
        _ => None,
    }
}

fn real_part(v: &ConstValue) -> Option<BigRational> {
    match v {
        ConstValue::Int(i) => Some(BigRational::from_integer(i.clone())),
        ConstValue::Float(f) => Some((**f).clone()),
        ConstValue::Complex(c) if c.1.is_zero() => Some(c.0.clone()),
        _ => None,
    }
}

pub(crate) fn complex_parts(v: &ConstValue) -> Option<(BigRational, BigRational)> {
    match v {
        ConstValue::Complex(c) => Some((**c).clone()),
        _ => Some((real_part(v)?, BigRational::zero())),
    }
}

/// Two's complement bits of `i`, truncated to `bits` (≤ 64) and returned
/// zero-extended in a `u64`.
pub fn int_bits(i: &BigInt, bits: u8) -> u64 {
    let modulus = BigInt::from(1u8) << 64u32;
    let mut r = i % &modulus;
    if r.sign() == Sign::Minus {
        r += &modulus;
    }
    let low = r.to_u64().unwrap_or(0);
    if bits >= 64 { low } else { low & ((1u64 << bits) - 1) }
}

/// Rounds an exact rational to the nearest float of `bits` (32 or 64)
/// precision, ties to even, with gradual underflow; returned as `f64`
/// (exactly representable for 32).
pub fn round_float(q: &BigRational, bits: u8) -> f64 {
    let (precision, min_exp, max_exp) = if bits == 32 { (24i64, -149i64, 127i64) } else { (53, -1074, 1023) };
    if q.is_zero() {
        return 0.0;
    }
    let negative = q.numer().sign() == Sign::Minus;
    let num = q.numer().magnitude().clone();
    let den = q.denom().magnitude().clone();
    // e = floor(log2(|q|)).
    let mut e = num.bits() as i64 - den.bits() as i64;
    if shifted_cmp(&num, &den, e) == std::cmp::Ordering::Less {
        e -= 1;
    }
    if e > max_exp {
        return if negative { f64::NEG_INFINITY } else { f64::INFINITY };
    }
    // Units in the last place: 2^ulp.
    let ulp = (e - (precision - 1)).max(min_exp);
    // m = round(|q| / 2^ulp), ties to even.
    let (n2, d2) =
        if ulp >= 0 { (num.clone(), den.clone() << ulp as u64) } else { (num.clone() << (-ulp) as u64, den.clone()) };
    let mut m = &n2 / &d2;
    let rem = &n2 - &m * &d2;
    let twice = rem << 1u32;
    if twice > d2 || (twice == d2 && m.bit(0)) {
        m += 1u32;
    }
    let mant = m.to_u64().unwrap_or(0) as f64;
    let v = scale(mant, ulp);
    let v = if bits == 32 { v as f32 as f64 } else { v };
    if negative { -v } else { v }
}

/// Compares `num` with `den · 2^e`.
fn shifted_cmp(num: &num_bigint::BigUint, den: &num_bigint::BigUint, e: i64) -> std::cmp::Ordering {
    if e >= 0 { num.cmp(&(den.clone() << e as u64)) } else { (num.clone() << (-e) as u64).cmp(den) }
}

/// `m · 2^k` exactly (m < 2^54, the product representable).
fn scale(m: f64, k: i64) -> f64 {
    let pow2 = |k: i64| f64::from_bits(((k + 1023) as u64) << 52);
    if k < -1000 {
        m * pow2(k + 1000) * pow2(-1000)
    } else if k > 1000 {
        m * pow2(k - 1000) * pow2(1000)
    } else {
        m * pow2(k)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rat(n: i64, d: i64) -> BigRational {
        BigRational::new(n.into(), d.into())
    }

    #[test]
    fn floats_round_to_nearest_even() {
        assert_eq!(round_float(&rat(1, 10), 64), 0.1);
        assert_eq!(round_float(&rat(1, 3), 64), 1.0 / 3.0);
        assert_eq!(round_float(&rat(-5, 2), 64), -2.5);
        assert_eq!(round_float(&rat(1, 10), 32), 0.1f32 as f64);
        assert_eq!(round_float(&rat(16777217, 1), 32), 16777216.0);
        assert_eq!(round_float(&rat(16777219, 1), 32), 16777220.0);
        let tiny = BigRational::new(1.into(), BigInt::from(1u8) << 1074u32);
        assert_eq!(round_float(&tiny, 64), f64::from_bits(1));
        let max = BigRational::from_integer(BigInt::from(u64::MAX));
        assert_eq!(round_float(&max, 64), 18446744073709551615.0);
    }

    #[test]
    fn ints_truncate_in_twos_complement() {
        assert_eq!(int_bits(&BigInt::from(-1), 8), 0xff);
        assert_eq!(int_bits(&BigInt::from(-1), 64), u64::MAX);
        assert_eq!(int_bits(&BigInt::from(300), 16), 300);
        assert_eq!(int_bits(&BigInt::from(i64::MIN), 64), 1u64 << 63);
    }

    #[test]
    fn constants_convert_to_their_type() {
        use crate::ir::IntTy;
        let i8t = TyKind::Int(IntTy { bits: 8, signed: true });
        assert_eq!(convert(&ConstValue::Int((-2).into()), &i8t), Some(Const::Int(0xfe)));
        assert_eq!(convert(&ConstValue::Float(Box::new(rat(3, 1))), &i8t), Some(Const::Int(3)));
        assert_eq!(convert(&ConstValue::Int(3.into()), &TyKind::Float(64)), Some(Const::Float(3.0)));
        assert_eq!(convert(&ConstValue::Int(65.into()), &TyKind::String), Some(Const::String("A".into())));
        assert_eq!(convert(&ConstValue::Bool(true), &TyKind::String), None);
    }
}
