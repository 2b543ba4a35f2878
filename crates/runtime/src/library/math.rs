//! Package `math`: the functions that map onto the platform's IEEE 754
//! arithmetic (the rest are Go source in `lib/math`).

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
    /// `math.Sqrt`.
    sqrt = f64::sqrt;
    /// `math.Floor`.
    floor = f64::floor;
    /// `math.Ceil`.
    ceil = f64::ceil;
    /// `math.Trunc`.
    trunc = f64::trunc;
    /// `math.Abs`.
    abs = f64::abs;
    /// `math.Exp`.
    exp = f64::exp;
    /// `math.Log`.
    log = f64::ln;
    /// `math.Log2`.
    log2 = f64::log2;
    /// `math.Log10`.
    log10 = f64::log10;
    /// `math.Sin`.
    sin = f64::sin;
    /// `math.Cos`.
    cos = f64::cos;
    /// `math.Tan`.
    tan = f64::tan;
    /// `math.Atan`.
    atan = f64::atan;
}

/// `math.Pow` (Rust's `powf` follows C's `pow`, whose special cases are Go's).
pub extern "C" fn pow(x: f64, y: f64) -> f64 {
    x.powf(y)
}

/// `math.Atan2`.
pub extern "C" fn atan2(y: f64, x: f64) -> f64 {
    y.atan2(x)
}

/// `math.Hypot`.
pub extern "C" fn hypot(p: f64, q: f64) -> f64 {
    p.hypot(q)
}

/// `math.Mod`: the remainder with the sign of `x` (C's `fmod`, as Go's).
pub extern "C" fn fmod(x: f64, y: f64) -> f64 {
    x % y
}

/// `math.Float64bits`.
pub extern "C" fn float64bits(f: f64) -> u64 {
    f.to_bits()
}

/// `math.Float64frombits`.
pub extern "C" fn float64frombits(b: u64) -> f64 {
    f64::from_bits(b)
}

/// `math.Float32bits`.
pub extern "C" fn float32bits(f: f32) -> u32 {
    f.to_bits()
}

/// `math.Float32frombits`.
pub extern "C" fn float32frombits(b: u32) -> f32 {
    f32::from_bits(b)
}

unsafe extern "C" {
    /// C's `ldexp` (the C library the runtime links).
    #[link_name = "ldexp"]
    fn c_ldexp(x: f64, exp: i32) -> f64;
}

/// `math.Ldexp`: `frac × 2**exp`, correctly rounded, by C's `ldexp`, whose
/// special cases (±0, ±Inf, NaN returned unchanged) are Go's. An exponent
/// beyond `i32`'s range over- or underflows all the same once clamped.
pub extern "C" fn ldexp(frac: f64, exp: i64) -> f64 {
    let exp = exp.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32;
    // SAFETY: `ldexp` is a pure function of its arguments.
    unsafe { c_ldexp(frac, exp) }
}
