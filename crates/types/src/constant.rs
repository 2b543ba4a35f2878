//! Exact constant values: literals, arithmetic, conversion, printing.
//!
//! Go's constants are exact. Like gc (`go/constant`), this module keeps
//! * integers as [`BigInt`]s (the checker rejects untyped integers wider than
//!   [`INT_PREC`] bits, as gc does);
//! * floats as exact rationals while numerator and denominator stay below
//!   [`MAX_RAT_BITS`] bits, and as 512-bit binary floats beyond that (so
//!   `1e1000000` or `1e100000000 * 1e100000000` cost nothing); a float whose
//!   binary exponent leaves ±2³¹ becomes [`Value::Unknown`], as a
//!   `big.Float` overflow does in gc;
//! * strings as bytes (Go strings need not be valid UTF-8).
//!
//! Invariants: a [`Float::Big`] has a non-zero mantissa of at most
//! [`FLOAT_PREC`] bits and is never produced again as a rational (gc never
//! "goes back" either); every operation here terminates quickly whatever
//! the operands (no exponentiation by an unbounded exponent).
//!
//! Printing ([`Value::to_string`]) follows `go/constant`'s `String`, which is
//! what gc's messages show: `%.6g` for floats, quoted and shortened strings.

use std::cmp::Ordering;

use num_bigint::{BigInt, BigUint, Sign};
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::model::ConstValue;

/// Untyped integer constants may not exceed this many bits (gc: 512).
pub(crate) const INT_PREC: u64 = 512;
/// Fractions keep exact while both components have fewer bits than this.
pub(crate) const MAX_RAT_BITS: u64 = 4 << 10;
/// Mantissa precision of non-rational floats, in bits.
pub(crate) const FLOAT_PREC: u64 = 512;
/// Binary exponents beyond this overflow (like `big.Float`'s int32 exponent).
const MAX_BIN_EXP: i64 = 1 << 31;

/// A constant value.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Value {
    /// The result of an operation that overflowed (an error was reported).
    Unknown,
    /// `true` / `false`.
    Bool(bool),
    /// String bytes.
    Str(Vec<u8>),
    /// Integer (also rune).
    Int(BigInt),
    /// Floating-point.
    Float(Float),
    /// Complex (real, imaginary).
    Complex(Float, Float),
}

/// A floating-point constant.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Float {
    /// Exact fraction.
    Rat(BigRational),
    /// `mant × 2^exp`, `mant ≠ 0`, at most [`FLOAT_PREC`] bits.
    Big { mant: BigInt, exp: i64 },
}

/// Binary operators on constants.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Op {
    Add,
    Sub,
    Mul,
    /// `/` on floats and complex (exact).
    Quo,
    /// `/` on integers (truncated).
    QuoInt,
    Rem,
    And,
    Or,
    Xor,
    AndNot,
    LAnd,
    LOr,
}

/// Comparison operators on constants.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Cmp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl Cmp {
    fn holds(self, o: Ordering) -> bool {
        match self {
            Cmp::Eq => o == Ordering::Equal,
            Cmp::Ne => o != Ordering::Equal,
            Cmp::Lt => o == Ordering::Less,
            Cmp::Le => o != Ordering::Greater,
            Cmp::Gt => o == Ordering::Greater,
            Cmp::Ge => o != Ordering::Less,
        }
    }
}

/// Number of bits of |x| (0 for 0).
pub(crate) fn bit_len(x: &BigInt) -> u64 {
    x.bits()
}

// ---------------------------------------------------------------------------
// Rounding of fractions to binary floats.

/// Rounds `num / den × 2^exp2` (num, den > 0) to `prec` significant bits,
/// half to even, never below exponent `emin` (subnormals). Returns
/// `(mant, exp)` with value `mant × 2^exp`.
fn round_frac(num: &BigUint, den: &BigUint, exp2: i64, prec: u64, emin: Option<i64>) -> (BigUint, i64) {
    if num.is_zero() {
        return (BigUint::zero(), 0);
    }
    let e = num.bits() as i64 - den.bits() as i64 + exp2;
    // Result exponent giving a quotient of prec+2 or prec+3 bits.
    // (Below `emin` the extra bits are dropped again; see `drop`.)
    let r_exp = e - prec as i64 - 2;
    let k = exp2 - r_exp; // q = num × 2^k / den
    let (n, d) = if k >= 0 { (num << (k as u64), den.clone()) } else { (num.clone(), den << ((-k) as u64)) };
    let q = &n / &d;
    let sticky = !(&n % &d).is_zero();
    let qb = q.bits() as i64;
    let mut drop = (qb - prec as i64).max(0);
    if let Some(emin) = emin
        && r_exp + drop < emin
    {
        drop = emin - r_exp;
    }
    if drop == 0 {
        return (q, r_exp);
    }
    let drop_u = drop as u64;
    let mut mant = &q >> drop_u;
    let half = q.bit(drop_u - 1);
    let rest = sticky || (drop_u >= 2 && (&q & ((BigUint::one() << (drop_u - 1)) - 1u32)) != BigUint::zero());
    if half && (rest || mant.bit(0)) {
        mant += 1u32;
    }
    let mut exp = r_exp + drop;
    if mant.bits() > prec {
        mant >>= 1u32;
        exp += 1;
    }
    (mant, exp)
}

/// The parts of a non-zero float: (sign, |num|, den, exp2), value = num/den × 2^exp2.
fn float_parts(f: &Float) -> (Sign, BigUint, BigUint, i64) {
    match f {
        Float::Rat(r) => (r.numer().sign(), r.numer().magnitude().clone(), r.denom().magnitude().clone(), 0),
        Float::Big { mant, exp } => (mant.sign(), mant.magnitude().clone(), BigUint::one(), *exp),
    }
}

fn ldexp(m: f64, e: i64) -> f64 {
    // Two steps so that no intermediate power overflows or underflows.
    let e = e.clamp(-2200, 2200) as i32;
    let h = e / 2;
    m * 2f64.powi(h) * 2f64.powi(e - h)
}

impl Float {
    fn zero() -> Float {
        Float::Rat(BigRational::zero())
    }

    /// A float from an exact fraction, switching to a binary float when the
    /// components grow too large (gc's `makeRat`).
    pub(crate) fn from_rat(r: BigRational) -> Float {
        if r.numer().bits() < MAX_RAT_BITS && r.denom().bits() < MAX_RAT_BITS {
            Float::Rat(r)
        } else {
            let (s, n, d, _) = float_parts(&Float::Rat(r));
            Float::make_big(s, &n, &d, 0).unwrap_or_else(Float::zero)
        }
    }

    /// Rounds `±num/den × 2^exp2` to a 512-bit binary float; `None` on overflow.
    fn make_big(sign: Sign, num: &BigUint, den: &BigUint, exp2: i64) -> Option<Float> {
        let (m, e) = round_frac(num, den, exp2, FLOAT_PREC, None);
        if m.is_zero() || e < -MAX_BIN_EXP {
            // Underflow rounds to zero (as big.Float does).
            return Some(Float::zero());
        }
        if e > MAX_BIN_EXP {
            return None;
        }
        Some(Float::Big { mant: BigInt::from_biguint(sign, m), exp: e })
    }

    fn to_big(&self) -> (BigInt, i64) {
        match self {
            Float::Big { mant, exp } => (mant.clone(), *exp),
            Float::Rat(r) if r.is_zero() => (BigInt::zero(), 0),
            Float::Rat(_) => {
                let (s, n, d, e) = float_parts(self);
                let (m, e) = round_frac(&n, &d, e, FLOAT_PREC, None);
                (BigInt::from_biguint(s, m), e)
            }
        }
    }

    /// The sign: -1, 0 or 1.
    pub(crate) fn sign(&self) -> i32 {
        match self {
            Float::Rat(r) => sign_of(r.numer()),
            Float::Big { mant, .. } => sign_of(mant),
        }
    }

    /// Exact value as a fraction when its exponent is reasonable.
    pub(crate) fn to_rat(&self) -> Option<BigRational> {
        match self {
            Float::Rat(r) => Some(r.clone()),
            Float::Big { mant, exp } => {
                if exp.abs() > 1 << 16 {
                    return None;
                }
                Some(if *exp >= 0 {
                    BigRational::from_integer(mant << (*exp as u64))
                } else {
                    BigRational::new(mant.clone(), BigInt::one() << ((-*exp) as u64))
                })
            }
        }
    }

    /// Rounds to an IEEE float with `prec` mantissa bits, minimum exponent
    /// `emin` and maximum (exclusive) binary magnitude `2^emax`; `None` when
    /// the rounded value overflows.
    fn to_ieee(&self, prec: u64, emin: i64, emax: i64) -> Option<f64> {
        if self.sign() == 0 {
            return Some(0.0);
        }
        let (s, n, d, e) = float_parts(self);
        let (m, e) = round_frac(&n, &d, e, prec, Some(emin));
        if m.is_zero() {
            return Some(0.0);
        }
        if m.bits() as i64 + e > emax {
            return None;
        }
        let v = ldexp(m.to_f64().unwrap_or(f64::INFINITY), e);
        Some(if s == Sign::Minus { -v } else { v })
    }

    /// The nearest float64, `None` if it overflows.
    pub(crate) fn to_f64(&self) -> Option<f64> {
        self.to_ieee(53, -1074, 1024)
    }

    /// The nearest float32 (as f64), `None` if it overflows.
    pub(crate) fn to_f32(&self) -> Option<f64> {
        self.to_ieee(24, -149, 128)
    }

    /// The exact value of a finite f64.
    pub(crate) fn from_f64(f: f64) -> Float {
        if f == 0.0 || !f.is_finite() {
            return Float::zero();
        }
        let bits = f.to_bits();
        let neg = bits >> 63 != 0;
        let biased = ((bits >> 52) & 0x7ff) as i64;
        let frac = bits & ((1u64 << 52) - 1);
        let (m, e) = if biased == 0 { (frac, -1074) } else { (frac | (1 << 52), biased - 1075) };
        let m = if neg { -BigInt::from(m) } else { BigInt::from(m) };
        let r = if e >= 0 {
            BigRational::from_integer(m << (e as u64))
        } else {
            BigRational::new(m, BigInt::one() << ((-e) as u64))
        };
        Float::Rat(r)
    }

    /// The integer value if the float is integral (and not astronomically
    /// large), like `constant.ToInt`.
    pub(crate) fn to_int(&self) -> Option<BigInt> {
        match self {
            Float::Rat(r) => r.is_integer().then(|| r.to_integer()),
            Float::Big { mant, exp } => {
                let top = mant.bits() as i64 + exp;
                if top.abs() >= MAX_RAT_BITS as i64 {
                    return None;
                }
                if *exp >= 0 {
                    return Some(mant << (*exp as u64));
                }
                let sh = (-*exp) as u64;
                if mant.magnitude().trailing_zeros().unwrap_or(0) >= sh { Some(mant >> sh) } else { None }
            }
        }
    }

    fn is_int(&self) -> bool {
        match self {
            Float::Rat(r) => r.is_integer(),
            Float::Big { .. } => self.to_int().is_some(),
        }
    }

    fn neg(&self) -> Float {
        match self {
            Float::Rat(r) => Float::Rat(-r),
            Float::Big { mant, exp } => Float::Big { mant: -mant, exp: *exp },
        }
    }

    /// `self op other` for `+ - * /`; `None` on overflow or a bad operator.
    pub(crate) fn op(&self, op: Op, other: &Float) -> Option<Float> {
        if let (Float::Rat(a), Float::Rat(b)) = (self, other) {
            let r = match op {
                Op::Add => a + b,
                Op::Sub => a - b,
                Op::Mul => a * b,
                Op::Quo if !b.is_zero() => a / b,
                _ => return None,
            };
            return Some(Float::from_rat(r));
        }
        let (am, ae) = self.to_big();
        let (bm, be) = other.to_big();
        let (m, e) = match op {
            Op::Add | Op::Sub => {
                let bm = if op == Op::Sub { -bm } else { bm };
                if am.is_zero() {
                    (bm, be)
                } else if bm.is_zero() {
                    (am, ae)
                } else {
                    let (hi, he, lo, le) = if ae >= be { (am, ae, bm, be) } else { (bm, be, am, ae) };
                    let gap = he - le;
                    if gap > 2 * FLOAT_PREC as i64 + 4 {
                        (hi, he) // the smaller operand is below the rounding bit
                    } else {
                        ((hi << (gap as u64)) + lo, le)
                    }
                }
            }
            Op::Mul => (am * bm, ae + be),
            Op::Quo => {
                if bm.is_zero() {
                    return None;
                }
                if am.is_zero() {
                    return Some(Float::zero());
                }
                let sign = if am.sign() == bm.sign() { Sign::Plus } else { Sign::Minus };
                return Float::make_big(sign, am.magnitude(), bm.magnitude(), ae - be);
            }
            _ => return None,
        };
        if m.is_zero() {
            return Some(Float::zero());
        }
        Float::make_big(m.sign(), m.magnitude(), &BigUint::one(), e)
    }

    fn cmp(&self, other: &Float) -> Ordering {
        if let (Float::Rat(a), Float::Rat(b)) = (self, other) {
            return a.cmp(b);
        }
        match self.op(Op::Sub, other) {
            Some(d) => d.sign().cmp(&0),
            None => Ordering::Equal,
        }
    }

    /// Raises 10 to `n` as a float (n may be huge; repeated squaring with rounding).
    fn pow10(n: u64) -> Option<Float> {
        let mut result = Float::Rat(BigRational::one());
        let mut base = Float::Rat(BigRational::from_integer(BigInt::from(10)));
        let mut n = n;
        while n > 0 {
            if n & 1 == 1 {
                result = result.op(Op::Mul, &base)?;
            }
            n >>= 1;
            if n > 0 {
                base = base.op(Op::Mul, &base)?;
            }
        }
        Some(result)
    }
}

fn sign_of(x: &BigInt) -> i32 {
    match x.sign() {
        Sign::Minus => -1,
        Sign::NoSign => 0,
        Sign::Plus => 1,
    }
}

// ---------------------------------------------------------------------------
// Values.

impl Value {
    /// A float value from an exact fraction.
    pub(crate) fn float(r: BigRational) -> Value {
        Value::Float(Float::from_rat(r))
    }

    /// An integer value.
    pub(crate) fn int(i: impl Into<BigInt>) -> Value {
        Value::Int(i.into())
    }

    /// The sign of a numeric value (complex: 0 iff both parts are 0).
    pub(crate) fn sign(&self) -> i32 {
        match self {
            Value::Int(i) => sign_of(i),
            Value::Float(f) => f.sign(),
            Value::Complex(re, im) if re.sign() == 0 && im.sign() == 0 => 0,
            _ => 1,
        }
    }

    fn numeric_rank(&self) -> u8 {
        match self {
            Value::Int(_) => 1,
            Value::Float(_) => 2,
            Value::Complex(..) => 3,
            _ => 0,
        }
    }

    /// Converts to an integer if the value is integral (`constant.ToInt`);
    /// otherwise returns [`Value::Unknown`].
    pub(crate) fn to_int(&self) -> Value {
        match self {
            Value::Int(_) => self.clone(),
            Value::Float(f) => f.to_int().map(Value::Int).unwrap_or(Value::Unknown),
            Value::Complex(re, im) if im.sign() == 0 => re.to_int().map(Value::Int).unwrap_or(Value::Unknown),
            _ => Value::Unknown,
        }
    }

    /// Converts a numeric value to a float if it has no imaginary part.
    pub(crate) fn to_float(&self) -> Value {
        match self {
            Value::Int(i) => Value::float(BigRational::from_integer(i.clone())),
            Value::Float(_) => self.clone(),
            Value::Complex(re, im) if im.sign() == 0 => Value::Float(re.clone()),
            _ => Value::Unknown,
        }
    }

    /// Converts a numeric value to complex.
    pub(crate) fn to_complex(&self) -> Value {
        match self {
            Value::Int(_) | Value::Float(_) => match self.to_float() {
                Value::Float(f) => Value::Complex(f, Float::zero()),
                _ => Value::Unknown,
            },
            Value::Complex(..) => self.clone(),
            _ => Value::Unknown,
        }
    }

    fn promote(&self, rank: u8) -> Value {
        match rank {
            2 => self.to_float(),
            3 => self.to_complex(),
            _ => self.clone(),
        }
    }

    /// `x op y` (operands of matching kinds; the checker ensured the
    /// operator applies and that divisors are non-zero).
    pub(crate) fn binary(&self, op: Op, y: &Value) -> Value {
        let rank = self.numeric_rank().max(y.numeric_rank());
        let (x, y) = (self.promote(rank), y.promote(rank));
        match (&x, &y) {
            (Value::Bool(a), Value::Bool(b)) => match op {
                Op::LAnd => Value::Bool(*a && *b),
                Op::LOr => Value::Bool(*a || *b),
                _ => Value::Unknown,
            },
            (Value::Str(a), Value::Str(b)) if op == Op::Add => {
                let mut s = a.clone();
                s.extend_from_slice(b);
                Value::Str(s)
            }
            (Value::Int(a), Value::Int(b)) => match op {
                Op::Add => Value::Int(a + b),
                Op::Sub => Value::Int(a - b),
                Op::Mul => Value::Int(a * b),
                Op::Quo if !b.is_zero() => Value::float(BigRational::new(a.clone(), b.clone())),
                Op::QuoInt if !b.is_zero() => Value::Int(a / b),
                Op::Rem if !b.is_zero() => Value::Int(a % b),
                Op::And => Value::Int(a & b),
                Op::Or => Value::Int(a | b),
                Op::Xor => Value::Int(a ^ b),
                Op::AndNot => Value::Int(a & !b),
                _ => Value::Unknown,
            },
            (Value::Float(a), Value::Float(b)) => {
                let op = if op == Op::QuoInt { Op::Quo } else { op };
                a.op(op, b).map(Value::Float).unwrap_or(Value::Unknown)
            }
            (Value::Complex(a, b), Value::Complex(c, d)) => complex_op(a, b, op, c, d).unwrap_or(Value::Unknown),
            _ => Value::Unknown,
        }
    }

    /// Compares two values of matching kinds.
    pub(crate) fn compare(&self, op: Cmp, y: &Value) -> bool {
        let rank = self.numeric_rank().max(y.numeric_rank());
        let (x, y) = (self.promote(rank), y.promote(rank));
        match (&x, &y) {
            (Value::Bool(a), Value::Bool(b)) => op.holds(a.cmp(b)) && matches!(op, Cmp::Eq | Cmp::Ne),
            (Value::Str(a), Value::Str(b)) => op.holds(a.cmp(b)),
            (Value::Int(a), Value::Int(b)) => op.holds(a.cmp(b)),
            (Value::Float(a), Value::Float(b)) => op.holds(a.cmp(b)),
            (Value::Complex(a, b), Value::Complex(c, d)) => {
                let eq = a.cmp(c) == Ordering::Equal && b.cmp(d) == Ordering::Equal;
                match op {
                    Cmp::Eq => eq,
                    Cmp::Ne => !eq,
                    _ => false,
                }
            }
            _ => false,
        }
    }

    /// Unary `+`, `-`, `^`, `!`. `prec` is the bit size of an unsigned
    /// operand type (for `^`), 0 otherwise.
    pub(crate) fn unary(&self, op: syntax::ast::UnaryOp, prec: u32) -> Value {
        use syntax::ast::UnaryOp as U;
        match (op, self) {
            (U::Pos, _) => self.clone(),
            (U::Neg, Value::Int(i)) => Value::Int(-i),
            (U::Neg, Value::Float(f)) => Value::Float(f.neg()),
            (U::Neg, Value::Complex(a, b)) => Value::Complex(a.neg(), b.neg()),
            (U::BitNot, Value::Int(i)) => {
                if prec > 0 {
                    let mask = (BigInt::one() << prec) - 1;
                    Value::Int(i ^ mask)
                } else {
                    Value::Int(!i)
                }
            }
            (U::Not, Value::Bool(b)) => Value::Bool(!b),
            _ => Value::Unknown,
        }
    }

    /// `x << s` or `x >> s` on an integer value.
    pub(crate) fn shift(&self, left: bool, s: u64) -> Value {
        match self {
            Value::Int(i) => {
                if left {
                    Value::Int(i << s)
                } else {
                    Value::Int(i >> s)
                }
            }
            _ => Value::Unknown,
        }
    }

    /// The value as `u64`, if it is an integer in range.
    pub(crate) fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Int(i) => i.to_u64(),
            _ => None,
        }
    }

    /// The value as `i64`, if it is an integer in range.
    pub(crate) fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Int(i) => i.to_i64(),
            _ => None,
        }
    }

    /// Converts to the model's representation (see `model::ConstValue`).
    /// `None` only for unknown values and astronomically large floats.
    pub(crate) fn to_model(&self) -> Option<ConstValue> {
        Some(match self {
            Value::Unknown => return None,
            Value::Bool(b) => ConstValue::Bool(*b),
            Value::Str(s) => match String::from_utf8(s.clone()) {
                Ok(s) => ConstValue::String(s),
                Err(e) => ConstValue::Bytes(e.into_bytes()),
            },
            Value::Int(i) => ConstValue::Int(i.clone()),
            Value::Float(f) => ConstValue::Float(Box::new(f.to_rat()?)),
            Value::Complex(a, b) => ConstValue::Complex(Box::new((a.to_rat()?, b.to_rat()?))),
        })
    }
}

fn complex_op(a: &Float, b: &Float, op: Op, c: &Float, d: &Float) -> Option<Value> {
    let (re, im) = match op {
        Op::Add => (a.op(Op::Add, c)?, b.op(Op::Add, d)?),
        Op::Sub => (a.op(Op::Sub, c)?, b.op(Op::Sub, d)?),
        Op::Mul => {
            let re = a.op(Op::Mul, c)?.op(Op::Sub, &b.op(Op::Mul, d)?)?;
            let im = b.op(Op::Mul, c)?.op(Op::Add, &a.op(Op::Mul, d)?)?;
            (re, im)
        }
        Op::Quo | Op::QuoInt => {
            let s = c.op(Op::Mul, c)?.op(Op::Add, &d.op(Op::Mul, d)?)?;
            let re = a.op(Op::Mul, c)?.op(Op::Add, &b.op(Op::Mul, d)?)?;
            let im = b.op(Op::Mul, c)?.op(Op::Sub, &a.op(Op::Mul, d)?)?;
            (re.op(Op::Quo, &s)?, im.op(Op::Quo, &s)?)
        }
        _ => return None,
    };
    Some(Value::Complex(re, im))
}

// ---------------------------------------------------------------------------
// Literals.

/// The value of a numeric, rune or string literal as written; `None` if
/// malformed (gc: `malformed constant`).
pub(crate) fn from_literal(kind: syntax::ast::LitKind, raw: &str) -> Option<Value> {
    use syntax::ast::LitKind;
    match kind {
        LitKind::Int => parse_int(raw).map(Value::Int),
        LitKind::Float => parse_float(raw).map(Value::Float),
        LitKind::Imag => {
            let body = raw.strip_suffix('i')?;
            let lower = body.to_ascii_lowercase();
            let v = if lower.starts_with("0x") || lower.starts_with("0b") || lower.starts_with("0o") {
                if lower.starts_with("0x") && (lower.contains('p') || lower.contains('.')) {
                    parse_float(body)?
                } else {
                    Float::from_rat(BigRational::from_integer(parse_int(body)?))
                }
            } else {
                parse_float(body)?
            };
            Some(Value::Complex(Float::zero(), v))
        }
        LitKind::Rune => {
            let inner = raw.strip_prefix('\'')?.strip_suffix('\'')?;
            let (units, rest) = unquote_one(inner, b'\'')?;
            if !rest.is_empty() {
                return None;
            }
            let v = match units {
                Unit::Char(c) => c as u32,
                Unit::Byte(b) => b as u32,
            };
            Some(Value::int(v))
        }
        LitKind::String => {
            if let Some(inner) = raw.strip_prefix('`') {
                let inner = inner.strip_suffix('`')?;
                return Some(Value::Str(inner.bytes().filter(|&b| b != b'\r').collect()));
            }
            let mut s = raw.strip_prefix('"')?.strip_suffix('"')?;
            let mut out = Vec::new();
            while !s.is_empty() {
                let (u, rest) = unquote_one(s, b'"')?;
                match u {
                    Unit::Char(c) => {
                        let mut buf = [0u8; 4];
                        out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                    }
                    Unit::Byte(b) => out.push(b),
                }
                s = rest;
            }
            Some(Value::Str(out))
        }
    }
}

enum Unit {
    Char(char),
    Byte(u8),
}

/// Decodes one character or escape at the start of `s`.
fn unquote_one(s: &str, quote: u8) -> Option<(Unit, &str)> {
    let mut chars = s.chars();
    let c = chars.next()?;
    if c != '\\' {
        return Some((Unit::Char(c), chars.as_str()));
    }
    let b = s.as_bytes();
    let e = *b.get(1)?;
    let simple = |c: char| Some((Unit::Char(c), &s[2..]));
    match e {
        b'a' => simple('\x07'),
        b'b' => simple('\x08'),
        b'f' => simple('\x0c'),
        b'n' => simple('\n'),
        b'r' => simple('\r'),
        b't' => simple('\t'),
        b'v' => simple('\x0b'),
        b'\\' => simple('\\'),
        _ if e == quote => simple(e as char),
        b'0'..=b'7' => {
            let digits = s.get(1..4)?;
            let v = u32::from_str_radix(digits, 8).ok()?;
            (v <= 255).then(|| (Unit::Byte(v as u8), &s[4..]))
        }
        b'x' => {
            let v = u8::from_str_radix(s.get(2..4)?, 16).ok()?;
            Some((Unit::Byte(v), &s[4..]))
        }
        b'u' | b'U' => {
            let n = if e == b'u' { 4 } else { 8 };
            let v = u32::from_str_radix(s.get(2..2 + n)?, 16).ok()?;
            Some((Unit::Char(char::from_u32(v)?), &s[2 + n..]))
        }
        _ => None,
    }
}

fn parse_int(raw: &str) -> Option<BigInt> {
    let s: String = raw.chars().filter(|&c| c != '_').collect();
    let lower = s.to_ascii_lowercase();
    let (digits, radix) = if let Some(d) = lower.strip_prefix("0x") {
        (d.to_string(), 16)
    } else if let Some(d) = lower.strip_prefix("0b") {
        (d.to_string(), 2)
    } else if let Some(d) = lower.strip_prefix("0o") {
        (d.to_string(), 8)
    } else if lower.len() > 1 && lower.starts_with('0') {
        (lower[1..].to_string(), 8)
    } else {
        (lower, 10)
    };
    if digits.is_empty() {
        return None;
    }
    BigInt::parse_bytes(digits.as_bytes(), radix)
}

/// Parses a decimal or hexadecimal floating-point literal.
fn parse_float(raw: &str) -> Option<Float> {
    let s: String = raw.chars().filter(|&c| c != '_').collect::<String>().to_ascii_lowercase();
    let (hex, body) = match s.strip_prefix("0x") {
        Some(b) => (true, b.to_string()),
        None => (false, s.clone()),
    };
    let exp_char = if hex { 'p' } else { 'e' };
    let (mant, exp) = match body.split_once(exp_char) {
        Some((m, e)) => (m.to_string(), Some(e.to_string())),
        None => (body.clone(), None),
    };
    let (int_part, frac_part) = match mant.split_once('.') {
        Some((i, f)) => (i.to_string(), f.to_string()),
        None => (mant.clone(), String::new()),
    };
    let digits = format!("{int_part}{frac_part}");
    if digits.is_empty() {
        return None;
    }
    let radix = if hex { 16 } else { 10 };
    let m = BigInt::parse_bytes(digits.as_bytes(), radix)?;
    let e: i64 = match exp {
        Some(e) => {
            let e = e.strip_prefix('+').unwrap_or(&e);
            if e.is_empty() {
                return None;
            }
            // Exponents too large for any sensible value are malformed (gc:
            // the big.Float overflows); clamp the parse itself.
            if e.trim_start_matches('-').len() > 15 {
                return None;
            }
            e.parse().ok()?
        }
        None => 0,
    };
    if m.is_zero() {
        return Some(Float::zero());
    }
    if hex {
        // value = m × 16^-len(frac) × 2^e
        let e2 = e.checked_sub(4 * frac_part.len() as i64)?;
        if e2.abs() > MAX_BIN_EXP {
            return None;
        }
        if (e2.unsigned_abs() + m.bits()) < MAX_RAT_BITS {
            let r = if e2 >= 0 {
                BigRational::from_integer(m << (e2 as u64))
            } else {
                BigRational::new(m, BigInt::one() << ((-e2) as u64))
            };
            return Some(Float::Rat(r));
        }
        return Float::make_big(Sign::Plus, m.magnitude(), &BigUint::one(), e2);
    }
    let e10 = e.checked_sub(frac_part.len() as i64)?;
    // gc reads literals with big.Float, which first scales by 2^e10: an
    // e10 beyond its exponents is malformed. Then it scales by 5^e10,
    // where a value too small becomes 0 and one too large infinite
    // (malformed).
    if e10.abs() > MAX_BIN_EXP {
        return None;
    }
    // Binary exponent estimate of the value.
    let approx = m.bits() as f64 + e10 as f64 * std::f64::consts::LOG2_10;
    if approx < -MAX_BIN_EXP as f64 {
        return Some(Float::zero());
    }
    if approx > MAX_BIN_EXP as f64 {
        return None;
    }
    if approx.abs() < MAX_RAT_BITS as f64 && e10.unsigned_abs() < 2 * MAX_RAT_BITS {
        let p = BigInt::from(10).pow(e10.unsigned_abs() as u32);
        let r = if e10 >= 0 { BigRational::from_integer(m * p) } else { BigRational::new(m, p) };
        return Some(Float::Rat(r));
    }
    let p = Float::pow10(e10.unsigned_abs())?;
    let mf = Float::from_rat(BigRational::from_integer(m));
    let op = if e10 >= 0 { Op::Mul } else { Op::Quo };
    mf.op(op, &p)
}

// ---------------------------------------------------------------------------
// Printing (go/constant's String).

impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Unknown => f.write_str("unknown"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Str(s) => f.write_str(&quote_short(s)),
            Value::Int(i) => write!(f, "{i}"),
            Value::Float(x) => f.write_str(&float_string(x)),
            Value::Complex(re, im) => write!(f, "({} + {}i)", float_string(re), float_string(im)),
        }
    }
}

/// `strconv.Quote`, shortened to 72 runes as `go/constant` does.
fn quote_short(s: &[u8]) -> String {
    const MAX_LEN: usize = 72;
    let q = quote(s);
    if q.chars().count() > MAX_LEN {
        let cut: String = q.chars().take(MAX_LEN - 3).collect();
        return cut + "...";
    }
    q
}

/// Go's `strconv.Quote` of a byte string.
pub(crate) fn quote(s: &[u8]) -> String {
    let mut out = String::from("\"");
    let mut i = 0;
    while i < s.len() {
        let (c, n) = decode_rune(&s[i..]);
        match c {
            None => out.push_str(&format!("\\x{:02x}", s[i])),
            Some(c) => match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\x07' => out.push_str("\\a"),
                '\x08' => out.push_str("\\b"),
                '\x0c' => out.push_str("\\f"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                '\x0b' => out.push_str("\\v"),
                c if is_print(c) => out.push(c),
                c if (c as u32) < 0x80 => out.push_str(&format!("\\x{:02x}", c as u32)),
                c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
                c => out.push_str(&format!("\\U{:08x}", c as u32)),
            },
        }
        i += n;
    }
    out.push('"');
    out
}

fn is_print(c: char) -> bool {
    c == ' ' || !(c.is_control() || c.is_whitespace() || ('\u{e000}'..='\u{f8ff}').contains(&c) || c == '\u{feff}')
}

/// Decodes one UTF-8 rune; `(None, 1)` for an invalid byte.
pub(crate) fn decode_rune(s: &[u8]) -> (Option<char>, usize) {
    for n in 1..=4.min(s.len()) {
        if let Ok(t) = std::str::from_utf8(&s[..n]) {
            return (t.chars().next(), n);
        }
    }
    (None, 1)
}

/// Formats a float as Go's `%.6g` (falling back to `%g` when that would
/// hide a fraction), or approximately for values beyond float64's range.
fn float_string(x: &Float) -> String {
    if let Some(f) = x.to_f64()
        && (f == 0.0) == (x.sign() == 0)
    {
        let s = go_g(f, Some(6));
        if !x.is_int() && !s.contains('.') {
            return go_g(f, None);
        }
        return s;
    }
    // Out of float64 range: x = mant × 2^exp with 0.5 ≤ |mant| < 1.
    let (m, e) = x.to_big();
    let top = m.bits() as i64;
    let mf = Float::Big { mant: m, exp: -top }.to_f64().unwrap_or(0.0);
    let exp = e + top;
    let d = exp as f64 * (std::f64::consts::LN_2 / std::f64::consts::LN_10);
    let mut e10 = d as i64;
    let mut mm = mf * 10f64.powf(d - e10 as f64);
    let am = mm.abs();
    if am < 1.0 - 0.5e-6 {
        mm *= 10.0;
        e10 -= 1;
    } else if am >= 10.0 {
        mm /= 10.0;
        e10 += 1;
    }
    format!("{}e{:+}", go_g(mm, Some(6)), e10)
}

/// Go's `%g` (`prec == None`: shortest) for a finite f64.
pub(crate) fn go_g(f: f64, prec: Option<usize>) -> String {
    if f == 0.0 {
        return if f.is_sign_negative() { "-0".into() } else { "0".into() };
    }
    let neg = f < 0.0;
    let sci = match prec {
        Some(p) => format!("{:.*e}", p.saturating_sub(1), f.abs()),
        None => format!("{:e}", f.abs()),
    };
    let (mant, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i64 = exp.parse().unwrap_or(0);
    let mut digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    while digits.len() > 1 && digits.ends_with('0') {
        digits.pop();
    }
    let nd = digits.len() as i64;
    let dp = exp + 1;
    let shortest = prec.is_none();
    let p = prec.map(|p| p as i64).unwrap_or(nd);
    let mut eprec = p;
    if eprec > nd && nd >= dp {
        eprec = nd;
    }
    if shortest {
        eprec = 6;
    }
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    if exp < -4 || exp >= eprec {
        let p = p.min(nd);
        out.push_str(&digits[..1]);
        if p > 1 {
            out.push('.');
            out.push_str(&digits[1..p as usize]);
        }
        out.push('e');
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.abs()));
        return out;
    }
    // %f with max(nd - dp, 0) decimals.
    let decimals = if p > dp { (nd - dp).max(0) } else { 0 };
    if dp <= 0 {
        out.push('0');
    } else {
        for i in 0..dp {
            out.push(digits.as_bytes().get(i as usize).map(|&b| b as char).unwrap_or('0'));
        }
    }
    if decimals > 0 {
        out.push('.');
        for i in dp..dp + decimals {
            out.push(if i < 0 { '0' } else { digits.as_bytes().get(i as usize).map(|&b| b as char).unwrap_or('0') });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use syntax::ast::LitKind;

    fn lit(k: LitKind, s: &str) -> Value {
        from_literal(k, s).expect("literal parses")
    }

    #[test]
    fn printing_matches_go_constant() {
        // Expected strings from go/constant (Go 1.19) String().
        let cases = [
            (LitKind::Float, "1.5", "1.5"),
            (LitKind::Float, "1e100", "1e+100"),
            (LitKind::Float, "1.0", "1"),
            (LitKind::Float, "1e6", "1e+06"),
            (LitKind::Float, "100000.0", "100000"),
            (LitKind::Float, "0.0001", "0.0001"),
            (LitKind::Float, "0.00001", "1e-05"),
            (LitKind::Float, "123456789.0", "1.23457e+08"),
            (LitKind::Float, "1e1000000", "1e+1000000"),
            (LitKind::Float, "1e39", "1e+39"),
            (LitKind::Int, "0x10", "16"),
            (LitKind::Int, "0o17", "15"),
            (LitKind::Int, "017", "15"),
            (LitKind::Int, "1_000", "1000"),
            (LitKind::Rune, "'a'", "97"),
            (LitKind::Rune, "'\\n'", "10"),
            (LitKind::Rune, "'\\u00e9'", "233"),
            (LitKind::String, "\"a\\tb\"", "\"a\\tb\""),
            (LitKind::String, "\"\\xff\"", "\"\\xff\""),
            (LitKind::String, "`a\\n`", "\"a\\\\n\""),
            (LitKind::Imag, "2i", "(0 + 2i)"),
        ];
        for (k, src, want) in cases {
            assert_eq!(lit(k, src).to_string(), want, "literal {src}");
        }
    }

    #[test]
    fn exact_arithmetic() {
        let a = lit(LitKind::Float, "0.1");
        let b = lit(LitKind::Float, "0.2");
        let c = lit(LitKind::Float, "0.3");
        assert!(a.binary(Op::Add, &b).compare(Cmp::Eq, &c));
        let third = Value::int(1).binary(Op::Quo, &Value::int(3));
        assert!(third.binary(Op::Mul, &Value::int(3)).compare(Cmp::Eq, &Value::int(1)));
        assert_eq!(Value::int(7).binary(Op::QuoInt, &Value::int(-2)), Value::int(-3));
        assert_eq!(Value::int(-7).binary(Op::Rem, &Value::int(2)), Value::int(-1));
        assert_eq!(Value::int(-8).shift(false, 1), Value::int(-4));
        assert_eq!(Value::int(-7).shift(false, 1), Value::int(-4));
        assert_eq!(Value::int(5).unary(syntax::ast::UnaryOp::BitNot, 8), Value::int(250));
        assert_eq!(Value::int(5).unary(syntax::ast::UnaryOp::BitNot, 0), Value::int(-6));
        assert_eq!(Value::int(6).binary(Op::AndNot, &Value::int(3)), Value::int(4));
    }

    #[test]
    fn huge_floats_are_cheap() {
        let big = lit(LitKind::Float, "1e100000000");
        let sq = big.binary(Op::Mul, &big);
        assert!(sq.compare(Cmp::Gt, &Value::int(1)));
        assert_eq!(sq.to_string(), "1e+200000000");
        assert!(from_literal(LitKind::Float, "1e1000000000000").is_none());
        let tiny = lit(LitKind::Float, "1e-1000000");
        assert!(tiny.compare(Cmp::Gt, &Value::int(0)));
    }

    #[test]
    fn float_rounding() {
        let v = lit(LitKind::Float, "0.1");
        let Value::Float(f) = &v else { panic!("float") };
        assert_eq!(f.to_f64(), Some(0.1));
        assert_eq!(f.to_f32(), Some(0.1f32 as f64));
        let Value::Float(big) = lit(LitKind::Float, "1e309") else { panic!("float") };
        assert_eq!(big.to_f64(), None);
        let Value::Float(max) = lit(LitKind::Float, "1.7976931348623157e308") else { panic!("float") };
        assert_eq!(max.to_f64(), Some(f64::MAX));
        let Value::Float(sub) = lit(LitKind::Float, "5e-324") else { panic!("float") };
        assert_eq!(sub.to_f64(), Some(5e-324));
        let Value::Float(h) = lit(LitKind::Float, "0x1p-2") else { panic!("float") };
        assert_eq!(h.to_f64(), Some(0.25));
    }
}
