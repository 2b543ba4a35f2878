//! Package `math`: the functions upstream's math declares without a body
//! on amd64, where gc implements them in assembly (`archFloor`, ...); the
//! rest of the package is Go's source. Each answers as gc's assembly does:
//! floor, ceiling and truncation are exact, `archMax`/`archMin` follow
//! `math.Max`/`math.Min`'s special cases, hypot scales as gc's does, and
//! exp and log are the platform's (gc's assembly and the platform's agree
//! on every value tried; both are within one ulp).
//! (`math.sqrt`, `Abs` and the bit conversions are codegen intrinsics.)

macro_rules! unary {
    ($($(#[$doc:meta])* $name:ident = $f:expr;)*) => {$(
        $(#[$doc])*
        pub extern "C" fn $name(x: f64) -> f64 {
            let f: fn(f64) -> f64 = $f;
            f(x)
        }
    )*};
}

unary! {
    /// `math.archFloor`.
    floor = f64::floor;
    /// `math.archCeil`.
    ceil = f64::ceil;
    /// `math.archTrunc`.
    trunc = f64::trunc;
    /// `math.archExp`.
    exp = f64::exp;
    /// `math.archLog`.
    log = f64::ln;
}

/// `math.archHypot`: an infinity wins over a NaN; otherwise the larger
/// magnitude p times sqrt(1 + (q/p)^2), computed in that order as gc's
/// assembly does (C's `hypot` can differ in the last bit).
pub extern "C" fn hypot(p: f64, q: f64) -> f64 {
    if p.is_infinite() || q.is_infinite() {
        return f64::INFINITY;
    }
    if p.is_nan() || q.is_nan() {
        return f64::NAN;
    }
    let (p, q) = if p.abs() >= q.abs() { (p.abs(), q.abs()) } else { (q.abs(), p.abs()) };
    if p == 0.0 {
        return 0.0;
    }
    let r = q / p;
    p * (1.0 + r * r).sqrt()
}

/// `math.archMax`: +Inf if either is, else NaN if either is, else the
/// larger, +0 being larger than -0.
pub extern "C" fn max(x: f64, y: f64) -> f64 {
    if x == f64::INFINITY || y == f64::INFINITY {
        f64::INFINITY
    } else if x.is_nan() || y.is_nan() {
        f64::NAN
    } else if x == 0.0 && y == 0.0 {
        if x.is_sign_negative() { y } else { x }
    } else if x > y {
        x
    } else {
        y
    }
}

/// `math.archMin`: -Inf if either is, else NaN if either is, else the
/// smaller, -0 being smaller than +0.
pub extern "C" fn min(x: f64, y: f64) -> f64 {
    if x == f64::NEG_INFINITY || y == f64::NEG_INFINITY {
        f64::NEG_INFINITY
    } else if x.is_nan() || y.is_nan() {
        f64::NAN
    } else if x == 0.0 && y == 0.0 {
        if x.is_sign_negative() { x } else { y }
    } else if x < y {
        x
    } else {
        y
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn max_and_min_follow_gos_special_cases() {
        assert_eq!(max(f64::INFINITY, f64::NAN), f64::INFINITY);
        assert_eq!(min(f64::NAN, f64::NEG_INFINITY), f64::NEG_INFINITY);
        assert!(max(1.0, f64::NAN).is_nan() && min(f64::NAN, 1.0).is_nan());
        assert!(max(-0.0, 0.0).is_sign_positive() && max(0.0, -0.0).is_sign_positive());
        assert!(min(-0.0, 0.0).is_sign_negative() && min(0.0, -0.0).is_sign_negative());
        assert_eq!((max(2.0, 3.0), min(2.0, 3.0)), (3.0, 2.0));
    }
}
