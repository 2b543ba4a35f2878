//! The shortest `'g'` layout of a float, `strconv.FormatFloat(v, 'g', -1,
//! bits)`, which the runtime's `print` and `println` write (gc 1.22+).
//!
//! Digit generation is delegated to Rust's float formatting, which yields
//! the shortest round-tripping digits (`{:e}`, per `f32` or `f64`); this
//! module picks among digits of that length the ones strconv picks and
//! lays them out as Go does. (Go's `fmt` and `strconv` are upstream's Go
//! code; this is only the runtime's own printing.)

/// Decimal digits of a magnitude: value = 0.`d` × 10^`dp`, `d` without
/// leading or trailing zeros (empty for zero).
struct Digits {
    d: Vec<u8>,
    dp: i32,
}

impl Digits {
    /// From Rust's `d.ddde±x` scientific layout.
    fn from_sci(s: &str) -> Digits {
        let (mant, exp) = s.split_once('e').expect("scientific layout");
        let raw: Vec<u8> = mant.bytes().filter(|&c| c != b'.').collect();
        let int_len = exp.parse::<i32>().expect("exponent") + 1;
        let lead = raw.iter().take_while(|&&c| c == b'0').count();
        let d = raw[lead..].to_vec();
        let trail = d.iter().rev().take_while(|&&c| c == b'0').count();
        let d = d[..d.len() - trail].to_vec();
        let dp = if d.is_empty() { 0 } else { int_len - lead as i32 };
        Digits { d, dp }
    }

    fn nd(&self) -> i32 {
        self.d.len() as i32
    }

    /// Digit `i` (0-based), '0' beyond the stored ones.
    fn at(&self, i: i32) -> u8 {
        if i >= 0 && i < self.nd() { self.d[i as usize] } else { b'0' }
    }
}

/// Shortest digits of magnitude `v` (at 32-bit precision when `f32`) that
/// read back as the same value; of those, the ones closest to the value,
/// as strconv picks them. (Rust's shortest form is the shortest length,
/// but not always the closest digits of that length: 2205683500000000.25
/// comes out as 2.2056835000000003e15 where strconv gives
/// 2.2056835000000002e15.)
fn shortest(v: f64, f32: bool) -> Digits {
    let shortest = if f32 { format!("{:e}", v as f32) } else { format!("{v:e}") };
    let digits = shortest.split('e').next().map_or(0, |m| m.bytes().filter(u8::is_ascii_digit).count());
    let p = digits.saturating_sub(1);
    let (closest, reads_back) = if f32 {
        let c = format!("{:.*e}", p, v as f32);
        let back = c.parse::<f32>().is_ok_and(|x| x == v as f32);
        (c, back)
    } else {
        let c = format!("{v:.p$e}");
        let back = c.parse::<f64>().is_ok_and(|x| x == v);
        (c, back)
    };
    Digits::from_sci(if reads_back { &closest } else { &shortest })
}

/// `strconv.FormatFloat(v, 'g', -1, bits)` as bytes (`bits` 32 or 64).
pub fn format_shortest_g(v: f64, bits: i64) -> Vec<u8> {
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
    let d = shortest(v.abs(), f32);
    // %e for exponents below -4 or of 6 and more (the precision strconv
    // decides by when the digits are the shortest), else %f.
    let exp = d.dp - 1;
    if !(-4..6).contains(&exp) {
        put_e(&mut out, &d, (d.nd() - 1).max(0) as usize);
    } else {
        put_f(&mut out, &d, (d.nd() - d.dp).max(0) as usize);
    }
    out
}

/// `d.ddde±dd` with `prec` digits after the point.
fn put_e(out: &mut Vec<u8>, d: &Digits, prec: usize) {
    out.push(d.at(0));
    if prec > 0 {
        out.push(b'.');
        out.extend((1..=prec as i32).map(|i| d.at(i)));
    }
    out.push(b'e');
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
