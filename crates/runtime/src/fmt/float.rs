//! `strconv.FormatFloat`'s layouts, for the fmt engine's `%e %f %g %b %x`
//! and the runtime's `print` of floats.
//!
//! Digit generation is delegated to Rust's float formatting, which yields
//! the shortest round-tripping digits (`{:e}`, per `f32` or `f64`) and
//! correctly rounded digits of the exact binary value (`{:.N e}`,
//! `{:.N}`); this module only lays the digits out as Go does.

/// Decimal digits of a magnitude: value = 0.`d` × 10^`dp`, `d` without
/// leading or trailing zeros (empty for zero).
struct Digits {
    d: Vec<u8>,
    dp: i32,
}

impl Digits {
    /// From digit bytes whose decimal point sits after `int_len` of them.
    fn from_raw(raw: &[u8], int_len: i32) -> Digits {
        let lead = raw.iter().take_while(|&&c| c == b'0').count();
        let d = raw[lead..].to_vec();
        let trail = d.iter().rev().take_while(|&&c| c == b'0').count();
        let d = d[..d.len() - trail].to_vec();
        let dp = if d.is_empty() { 0 } else { int_len - lead as i32 };
        Digits { d, dp }
    }

    /// From Rust's `d.ddde±x` scientific layout.
    fn from_sci(s: &str) -> Digits {
        let (mant, exp) = s.split_once('e').expect("scientific layout");
        let raw: Vec<u8> = mant.bytes().filter(|&c| c != b'.').collect();
        Digits::from_raw(&raw, exp.parse::<i32>().expect("exponent") + 1)
    }

    /// From Rust's `ddd.ddd` fixed layout.
    fn from_fixed(s: &str) -> Digits {
        let int_len = s.find('.').unwrap_or(s.len());
        let raw: Vec<u8> = s.bytes().filter(|&c| c != b'.').collect();
        Digits::from_raw(&raw, int_len as i32)
    }

    fn nd(&self) -> i32 {
        self.d.len() as i32
    }

    /// Digit `i` (0-based), '0' beyond the stored ones.
    fn at(&self, i: i32) -> u8 {
        if i >= 0 && i < self.nd() { self.d[i as usize] } else { b'0' }
    }
}

/// A float magnitude at the precision Go formats it with (`bits` 32 or 64).
#[derive(Clone, Copy)]
struct Mag {
    v: f64,
    f32: bool,
}

impl Mag {
    /// Shortest digits that read back as the same value; of those, the
    /// ones closest to the value, as strconv picks them. (Rust's shortest
    /// form is the shortest length, but not always the closest digits of
    /// that length: 2205683500000000.25 comes out as 2.2056835000000003e15
    /// where strconv gives 2.2056835000000002e15.)
    fn shortest(self) -> Digits {
        let shortest = if self.f32 { format!("{:e}", self.v as f32) } else { format!("{:e}", self.v) };
        let digits = shortest.split('e').next().map_or(0, |m| m.bytes().filter(u8::is_ascii_digit).count());
        let p = digits.saturating_sub(1);
        let (closest, reads_back) = if self.f32 {
            let c = format!("{:.*e}", p, self.v as f32);
            let back = c.parse::<f32>().is_ok_and(|x| x == self.v as f32);
            (c, back)
        } else {
            let c = format!("{:.*e}", p, self.v);
            let back = c.parse::<f64>().is_ok_and(|x| x == self.v);
            (c, back)
        };
        Digits::from_sci(if reads_back { &closest } else { &shortest })
    }

    /// `n` (≥ 1) significant digits, correctly rounded.
    fn significant(self, n: usize) -> Digits {
        let p = n - 1;
        Digits::from_sci(&if self.f32 { format!("{:.*e}", p, self.v as f32) } else { format!("{:.*e}", p, self.v) })
    }

    /// Rounded to `n` digits after the decimal point.
    fn fixed(self, n: usize) -> Digits {
        Digits::from_fixed(&if self.f32 { format!("{:.*}", n, self.v as f32) } else { format!("{:.*}", n, self.v) })
    }
}

/// `strconv.FormatFloat(v, fmt, prec, bits)` as bytes.
pub fn format_float(v: f64, fmt: u8, prec: i64, bits: i64) -> Vec<u8> {
    let f32 = bits == 32;
    let v = if f32 { v as f32 as f64 } else { v };
    if v.is_nan() {
        return b"NaN".to_vec();
    }
    if v.is_infinite() {
        return if v > 0.0 { b"+Inf".to_vec() } else { b"-Inf".to_vec() };
    }
    let mut out = Vec::new();
    if v.is_sign_negative() {
        out.push(b'-');
    }
    let m = Mag { v: v.abs(), f32 };
    let prec = usize::try_from(prec).ok();
    match fmt {
        b'e' | b'E' => {
            let d = prec.map_or_else(|| m.shortest(), |p| m.significant(p + 1));
            let p = prec.unwrap_or((d.nd() - 1).max(0) as usize);
            put_e(&mut out, &d, p, fmt);
        }
        b'f' => {
            let d = prec.map_or_else(|| m.shortest(), |p| m.fixed(p));
            let p = prec.unwrap_or((d.nd() - d.dp).max(0) as usize);
            put_f(&mut out, &d, p);
        }
        b'g' | b'G' => put_g(&mut out, m, prec, fmt),
        b'b' => put_b(&mut out, m),
        b'x' | b'X' => put_x(&mut out, m, prec, fmt),
        _ => return vec![b'%', fmt],
    }
    out
}

/// `%g`: `%e` for large or small exponents, else `%f`, with `prec`
/// significant digits (shortest when `None`).
fn put_g(out: &mut Vec<u8>, m: Mag, prec: Option<usize>, fmt: u8) {
    let (d, mut p, eprec) = match prec {
        None => {
            let d = m.shortest();
            let nd = d.nd();
            (d, nd, 6)
        }
        Some(p) => {
            let p = p.max(1);
            let d = m.significant(p);
            let p = p as i32;
            let eprec = if p > d.nd() && d.nd() >= d.dp { d.nd() } else { p };
            (d, p, eprec)
        }
    };
    let exp = d.dp - 1;
    if exp < -4 || exp >= eprec {
        p = p.min(d.nd());
        put_e(out, &d, (p - 1).max(0) as usize, fmt - b'g' + b'e');
    } else {
        if p > d.dp {
            p = d.nd();
        }
        put_f(out, &d, (p - d.dp).max(0) as usize);
    }
}

/// `d.ddde±dd` with `prec` digits after the point.
fn put_e(out: &mut Vec<u8>, d: &Digits, prec: usize, e: u8) {
    out.push(d.at(0));
    if prec > 0 {
        out.push(b'.');
        out.extend((1..=prec as i32).map(|i| d.at(i)));
    }
    out.push(e);
    let exp = if d.nd() == 0 { 0 } else { d.dp - 1 };
    out.push(if exp < 0 { b'-' } else { b'+' });
    let exp = exp.unsigned_abs();
    if exp < 10 {
        out.push(b'0');
    }
    out.extend_from_slice(exp.to_string().as_bytes());
}

/// `ddd.ddd` with `prec` digits after the point.
fn put_f(out: &mut Vec<u8>, d: &Digits, prec: usize) {
    if d.dp > 0 {
        out.extend((0..d.dp).map(|i| d.at(i)));
    } else {
        out.push(b'0');
    }
    if prec > 0 {
        out.push(b'.');
        out.extend((0..prec as i32).map(|i| d.at(d.dp + i)));
    }
}

impl Mag {
    /// (mantissa with its leading bit, exponent of that bit, mantissa
    /// bits below it) of the finite magnitude.
    fn binary(self) -> (u64, i64, u32) {
        let (mant_bits, exp_mask, bias, bits) = if self.f32 {
            (23, 0xff, 127, u64::from((self.v as f32).to_bits()))
        } else {
            (52, 0x7ff, 1023, self.v.to_bits())
        };
        let mut exp = ((bits >> mant_bits) & exp_mask) as i64;
        let mut mant = bits & ((1 << mant_bits) - 1);
        if exp == 0 {
            // Subnormal: no implicit bit, the smallest exponent.
            exp = 1;
        } else {
            mant |= 1 << mant_bits;
        }
        (mant, exp - bias, mant_bits)
    }
}

/// `%b`: the binary mantissa and exponent, `4503599627370496p-52`.
fn put_b(out: &mut Vec<u8>, m: Mag) {
    let (mant, exp, mant_bits) = m.binary();
    let exp = exp - i64::from(mant_bits);
    out.extend_from_slice(format!("{mant}p{}{exp}", if exp >= 0 { "+" } else { "" }).as_bytes());
}

/// `%x`: `0x1.8p+01`, the mantissa normalized to a leading 1 (0 for
/// zero) and `prec` hex digits after the point (all needed when `None`),
/// rounded half to even.
fn put_x(out: &mut Vec<u8>, m: Mag, prec: Option<usize>, fmt: u8) {
    const ONE: u64 = 1 << 60;
    let (mant, mut exp, mant_bits) = m.binary();
    // The leading 1 at bit 60, the fraction's 15 hex digits below it.
    let mut mant = mant << (60 - mant_bits);
    if mant == 0 {
        exp = 0;
    }
    while mant != 0 && mant & ONE == 0 {
        mant <<= 1;
        exp -= 1;
    }
    if let Some(p) = prec.filter(|&p| p < 15) {
        let shift = 60 - 4 * p as u32;
        let rest = mant & ((1 << shift) - 1);
        let half = 1 << (shift - 1);
        mant >>= shift;
        if rest > half || (rest == half && mant & 1 == 1) {
            mant += 1;
        }
        mant <<= shift;
        if mant & (ONE << 1) != 0 {
            mant >>= 1;
            exp += 1;
        }
    }
    let hex: &[u8; 16] = if fmt == b'X' { b"0123456789ABCDEF" } else { b"0123456789abcdef" };
    out.extend_from_slice(&[b'0', fmt, b'0' + (mant >> 60) as u8]);
    let mut frac = (mant & (ONE - 1)) << 4;
    let ndigits = match prec {
        Some(p) => p,
        None => (0..15).rev().find(|i| frac << (4 * i) != 0).map_or(0, |i| i + 1),
    };
    if ndigits > 0 {
        out.push(b'.');
        for _ in 0..ndigits {
            out.push(hex[(frac >> 60) as usize & 15]);
            frac <<= 4;
        }
    }
    out.push(if fmt == b'X' { b'P' } else { b'p' });
    out.push(if exp < 0 { b'-' } else { b'+' });
    out.extend_from_slice(format!("{:02}", exp.unsigned_abs()).as_bytes());
}
