//! Complex division, as Go defines it: Smith's algorithm (1962), which
//! avoids needless overflow, followed by C99's (Annex G) recovery of
//! infinite and zero results from a NaN quotient. complex64 division is
//! done in complex128 and rounded back by the compiler.

/// The pair (real, imaginary) returned in `xmm0:xmm1`.
#[repr(C)]
pub struct Complex128 {
    re: f64,
    im: f64,
}

/// The compiler emits a call to this for `x / y` on complex values:
/// `(a + bi) / (c + di)`. Never panics (division by zero gives infinities
/// or NaNs, as in Go).
#[unsafe(no_mangle)]
pub extern "C" fn deft_complex128div(a: f64, b: f64, c: f64, d: f64) -> Complex128 {
    let (mut e, mut f) = if c.abs() >= d.abs() {
        let ratio = d / c;
        let denom = c + ratio * d;
        ((a + b * ratio) / denom, (b - a * ratio) / denom)
    } else {
        let ratio = c / d;
        let denom = d + ratio * c;
        ((a * ratio + b) / denom, (b * ratio - a) / denom)
    };
    if e.is_nan() && f.is_nan() {
        (e, f) = recover_infinities(a, b, c, d).unwrap_or((e, f));
    }
    Complex128 { re: e, im: f }
}

/// C99 G.5.1's corrections when Smith's algorithm gives NaN + NaN i: a
/// zero divisor with a non-NaN dividend gives infinities; an infinite
/// dividend over a finite divisor, infinities; a finite dividend over an
/// infinite divisor, zeros.
fn recover_infinities(a: f64, b: f64, c: f64, d: f64) -> Option<(f64, f64)> {
    let one_if_inf = |x: f64| if x.is_infinite() { 1f64.copysign(x) } else { 0f64.copysign(x) };
    if c == 0.0 && d == 0.0 && (!a.is_nan() || !b.is_nan()) {
        let inf = f64::INFINITY.copysign(c);
        return Some((inf * a, inf * b));
    }
    if (a.is_infinite() || b.is_infinite()) && c.is_finite() && d.is_finite() {
        let (a, b) = (one_if_inf(a), one_if_inf(b));
        return Some((f64::INFINITY * (a * c + b * d), f64::INFINITY * (b * c - a * d)));
    }
    if (c.is_infinite() || d.is_infinite()) && a.is_finite() && b.is_finite() {
        let (c, d) = (one_if_inf(c), one_if_inf(d));
        return Some((0.0 * (a * c + b * d), 0.0 * (b * c - a * d)));
    }
    None
}
