//! The types generated programs use, and literals that fit them.

use crate::rng::Rng;

/// An integer type, including the named `type E int`.
#[allow(missing_docs, reason = "the variants are Go's integer types, named as in Go")]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IntTy {
    Int,
    Int8,
    Int16,
    Int32,
    Int64,
    Uint,
    Uint8,
    Uint16,
    Uint32,
    Uint64,
    /// `type E int`, declared by every program.
    E,
}

/// Every integer type, `int` listed twice so it is the most common.
pub const INT_TYS: [IntTy; 12] = [
    IntTy::Int,
    IntTy::Int,
    IntTy::Int8,
    IntTy::Int16,
    IntTy::Int32,
    IntTy::Int64,
    IntTy::Uint,
    IntTy::Uint8,
    IntTy::Uint16,
    IntTy::Uint32,
    IntTy::Uint64,
    IntTy::E,
];

impl IntTy {
    /// The Go spelling.
    pub fn name(self) -> &'static str {
        match self {
            IntTy::Int => "int",
            IntTy::Int8 => "int8",
            IntTy::Int16 => "int16",
            IntTy::Int32 => "int32",
            IntTy::Int64 => "int64",
            IntTy::Uint => "uint",
            IntTy::Uint8 => "uint8",
            IntTy::Uint16 => "uint16",
            IntTy::Uint32 => "uint32",
            IntTy::Uint64 => "uint64",
            IntTy::E => "E",
        }
    }

    /// Width in bits (linux/amd64: `int` and `uint` are 64 bits).
    pub fn bits(self) -> u32 {
        match self {
            IntTy::Int8 | IntTy::Uint8 => 8,
            IntTy::Int16 | IntTy::Uint16 => 16,
            IntTy::Int32 | IntTy::Uint32 => 32,
            _ => 64,
        }
    }

    /// Whether the type is signed.
    pub fn signed(self) -> bool {
        matches!(self, IntTy::Int | IntTy::Int8 | IntTy::Int16 | IntTy::Int32 | IntTy::Int64 | IntTy::E)
    }

    /// The smallest and largest value, as decimal text.
    fn extremes(self) -> (String, String) {
        let b = self.bits();
        if self.signed() {
            let max = (1i128 << (b - 1)) - 1;
            ((-max - 1).to_string(), max.to_string())
        } else {
            ("0".to_string(), ((1u128 << b) - 1).to_string())
        }
    }

    /// A constant literal representable in this type. Negative literals
    /// come parenthesized so they can stand anywhere as an operand.
    pub fn literal(self, rng: &mut Rng) -> String {
        let v = if rng.chance(15) {
            let (min, max) = self.extremes();
            let choices = [min, max, "1".to_string(), "0".to_string()];
            rng.pick(&choices).clone()
        } else if self.signed() {
            rng.range(-9, 20).to_string()
        } else {
            rng.range(0, 20).to_string()
        };
        if v.starts_with('-') { format!("({v})") } else { v }
    }
}

/// A value type of the generated language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ty {
    /// An integer type.
    Int(IntTy),
    /// `bool`.
    Bool,
    /// `string`.
    Str,
}

impl Ty {
    /// The Go spelling.
    pub fn name(self) -> &'static str {
        match self {
            Ty::Int(t) => t.name(),
            Ty::Bool => "bool",
            Ty::Str => "string",
        }
    }
}

/// Non-empty string literals (one with multi-byte UTF-8).
pub const WORDS: [&str; 8] = ["a", "bc", "def", "xyz!", "héllo", "0", "Go", "defer"];
