//! Library functions compiled inline: `sync/atomic`'s operations, the
//! fast paths of `sync.Mutex`, the functions of packages `math` and
//! `math/bits` that gc compiles to an instruction or two ([`FloatOp`],
//! [`BitsOp`]), and the one upstream leaves to the compiler alone
//! ([`is_bool_to_uint8`]).
//!
//! A direct call of one of these functions (or of a method of the atomic
//! integer types) becomes the machine instruction itself — a `lock xadd`,
//! `lock cmpxchg`, `xchg` or plain load — after a nil check of the
//! address, as gc compiles them: no call, no runtime.
//!
//! A direct call of `Mutex.Lock` or `Unlock` becomes its fast path, one
//! compare-and-swap of the lock word, with a call of the slow path only
//! when that fails ([`FastPath`]): what gc's inliner makes of them. The
//! library's methods are written as exactly that (lib/sync/mutex.go says
//! so), so the method called as a value behaves the same.
//!
//! Library code declares each such function with a body that calls the
//! function itself (`func AddInt64(a *int64, d int64) int64 { return
//! AddInt64(a, d) }`): that inner call is a call site like any other and
//! is compiled inline too, so the function also exists as a value (func
//! values, method values, `defer`, `go`) without any special path.
//!
//! Invariant: every operation is sequentially consistent (Cranelift's
//! atomic instructions are), which is what Go's memory model asks of
//! `sync/atomic`; an address must be aligned to its operand's size, which
//! Go's layouts guarantee on amd64.

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{AtomicRmwOp, InstBuilder, MemFlagsData, Type, Value, types};
use cranelift_frontend::FunctionBuilder;

/// The package whose functions and methods are intrinsics.
const ATOMIC: &str = "sync/atomic.";

/// What an intrinsic does to the word at its address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AtomicOp {
    /// `Load`: returns the word.
    Load,
    /// `Store(v)`.
    Store,
    /// `Add(d)`: returns the new value.
    Add,
    /// `Swap(new)`: returns the old value.
    Swap,
    /// `CompareAndSwap(old, new)`: returns whether it swapped.
    CompareAndSwap,
    /// `And(mask)`: returns the old value.
    And,
    /// `Or(mask)`: returns the old value.
    Or,
}

/// An inline operation on a word of type `ty` at the address given as
/// its first operand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Intrinsic {
    /// The operation.
    pub op: AtomicOp,
    /// The word's type.
    pub ty: Type,
}

/// Operation names as they start a function's name (`AddInt64`) or end a
/// method's (`(*Int64).Add`). `CompareAndSwap` comes before `And`, which
/// it does not start with anyway; the order only matters for prefixes.
const OPS: [(&str, AtomicOp); 7] = [
    ("Load", AtomicOp::Load),
    ("Store", AtomicOp::Store),
    ("Add", AtomicOp::Add),
    ("Swap", AtomicOp::Swap),
    ("CompareAndSwap", AtomicOp::CompareAndSwap),
    ("And", AtomicOp::And),
    ("Or", AtomicOp::Or),
];

/// The word type of an operand type name of package `sync/atomic`.
fn word(name: &str) -> Option<Type> {
    match name {
        "Int32" | "Uint32" => Some(types::I32),
        "Int64" | "Uint64" | "Uintptr" | "Pointer" => Some(types::I64),
        _ => None,
    }
}

/// The intrinsic a function of the program stands for, by its full name
/// (`sync/atomic.AddInt64`, `sync/atomic.(*Uint32).CompareAndSwap`).
pub fn lookup(func_name: &str) -> Option<Intrinsic> {
    let name = func_name.strip_prefix(ATOMIC)?;
    let (op, ty) = match name.strip_prefix("(*") {
        Some(method) => {
            let (recv, op) = method.split_once(").")?;
            (OPS.iter().find(|(n, _)| *n == op)?.1, word(recv)?)
        }
        None => OPS.iter().find_map(|(n, op)| Some((*op, word(name.strip_prefix(n)?)?)))?,
    };
    Some(Intrinsic { op, ty })
}

/// Whether argument `i` of a call of `func_name` may outlive the call when
/// codegen replaces the call by instructions (`None`: it does not; the
/// function's Go body, a call of itself, says nothing). An atomic
/// operation keeps nothing of its address and may store its other
/// operands; the float and bit operations take no pointers.
pub fn leaks_operand(func_name: &str, i: usize) -> Option<bool> {
    if lookup(func_name).is_some() {
        return Some(i > 0);
    }
    (float_op(func_name).is_some() || bits_op(func_name).is_some()).then_some(false)
}

/// Emits `intr` on address `addr` with `operands` (already nil-checked);
/// returns its results' scalars.
pub fn emit(b: &mut FunctionBuilder, intr: Intrinsic, addr: Value, operands: &[Value]) -> Vec<Value> {
    let flags = MemFlagsData::trusted();
    let rmw = |b: &mut FunctionBuilder, op: AtomicRmwOp| b.ins().atomic_rmw(intr.ty, flags, op, addr, operands[0]);
    match intr.op {
        AtomicOp::Load => vec![b.ins().atomic_load(intr.ty, flags, addr)],
        AtomicOp::Store => {
            b.ins().atomic_store(flags, operands[0], addr);
            Vec::new()
        }
        AtomicOp::Add => {
            let old = rmw(b, AtomicRmwOp::Add);
            vec![b.ins().iadd(old, operands[0])]
        }
        AtomicOp::Swap => vec![rmw(b, AtomicRmwOp::Xchg)],
        AtomicOp::CompareAndSwap => {
            let seen = b.ins().atomic_cas(flags, addr, operands[0], operands[1]);
            vec![b.ins().icmp(IntCC::Equal, seen, operands[0])]
        }
        AtomicOp::And => vec![rmw(b, AtomicRmwOp::And)],
        AtomicOp::Or => vec![rmw(b, AtomicRmwOp::Or)],
    }
}

/// A function of upstream's `math` whose direct calls are one instruction,
/// as gc makes them: `sqrt` (whose Go body computes the square root bit by
/// bit, for machines without one), `Sqrt`, `Abs`, and the conversions
/// between a float and its bits. The function still exists as a value,
/// its Go body then doing the same.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FloatOp {
    /// The correctly rounded square root.
    Sqrt,
    /// The sign bit cleared.
    Abs,
    /// The same bits as a value of this type.
    Bits(Type),
}

/// The [`FloatOp`] a function of the program is, by its full name.
pub fn float_op(func_name: &str) -> Option<FloatOp> {
    Some(match func_name {
        "math.sqrt" | "math.Sqrt" => FloatOp::Sqrt,
        "math.Abs" => FloatOp::Abs,
        "math.Float64bits" => FloatOp::Bits(types::I64),
        "math.Float64frombits" => FloatOp::Bits(types::F64),
        "math.Float32bits" => FloatOp::Bits(types::I32),
        "math.Float32frombits" => FloatOp::Bits(types::F32),
        _ => return None,
    })
}

/// Emits `op` on its one operand `x`; returns the result.
pub fn emit_float(b: &mut FunctionBuilder, op: FloatOp, x: Value) -> Value {
    match op {
        FloatOp::Sqrt => b.ins().sqrt(x),
        FloatOp::Abs => b.ins().fabs(x),
        FloatOp::Bits(ty) => b.ins().bitcast(ty, MemFlagsData::new(), x),
    }
}

/// A function of `math/bits` whose direct calls are an instruction or
/// two, as gc makes them (`lzcnt`, `tzcnt`, `popcnt`, the 128-bit
/// `mul`): deft's library computes them in loops, or in the runtime
/// (`Mul64`), which stays what a func value of them calls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BitsOp {
    /// `Len`, `Len8` ... `Len64`: the bits needed to represent x.
    Len,
    /// `LeadingZeros`, ...: the operand's width less its length.
    LeadingZeros,
    /// `TrailingZeros`, ...: the operand's width for 0.
    TrailingZeros,
    /// `OnesCount`, ...: the number of one bits.
    OnesCount,
    /// `Mul` and `Mul64`: the high and low words of the full product.
    Mul64,
}

/// The [`BitsOp`] a function of the program is, by its full name.
pub fn bits_op(func_name: &str) -> Option<BitsOp> {
    let name = func_name.strip_prefix("math/bits.")?;
    if name == "Mul" || name == "Mul64" {
        return Some(BitsOp::Mul64);
    }
    let ops = [
        ("Len", BitsOp::Len),
        ("LeadingZeros", BitsOp::LeadingZeros),
        ("TrailingZeros", BitsOp::TrailingZeros),
        ("OnesCount", BitsOp::OnesCount),
    ];
    let (op, width) = ops.iter().find_map(|(n, op)| Some((*op, name.strip_prefix(n)?)))?;
    matches!(width, "" | "8" | "16" | "32" | "64").then_some(op)
}

/// Emits `op` on its operands (of the function's parameter types); returns
/// its results (`int`s, or Mul64's two words).
pub fn emit_bits(b: &mut FunctionBuilder, op: BitsOp, args: &[Value]) -> Vec<Value> {
    if op == BitsOp::Mul64 {
        return vec![b.ins().umulhi(args[0], args[1]), b.ins().imul(args[0], args[1])];
    }
    // Narrow operands are counted zero-extended to 32 bits.
    let width = i64::from(b.func.dfg.value_type(args[0]).bits());
    let x = if width < 32 { b.ins().uextend(types::I32, args[0]) } else { args[0] };
    let ty = b.func.dfg.value_type(x);
    let extra = i64::from(ty.bits()) - width;
    let r = match op {
        BitsOp::Len => {
            let z = b.ins().clz(x);
            let all = b.ins().iconst(ty, i64::from(ty.bits()));
            b.ins().isub(all, z)
        }
        BitsOp::LeadingZeros => {
            let z = b.ins().clz(x);
            b.ins().iadd_imm_s(z, -extra)
        }
        BitsOp::TrailingZeros => {
            let x = if extra > 0 { b.ins().bor_imm_u(x, 1 << width) } else { x };
            b.ins().ctz(x)
        }
        BitsOp::OnesCount => b.ins().popcnt(x),
        BitsOp::Mul64 => unreachable!("returned above"),
    };
    if ty == types::I64 { vec![r] } else { vec![b.ins().uextend(types::I64, r)] }
}

/// Whether the function is `crypto/internal/constanttime.boolToUint8`,
/// whose Go body only panics (`unreachable; must be intrinsicified`):
/// every compiler must make its calls the bool's byte, as gc does with a
/// `SETcc`. A bool's scalar already is that byte, 0 or 1, so a direct
/// call is its argument.
pub fn is_bool_to_uint8(func_name: &str) -> bool {
    func_name == "crypto/internal/constanttime.boolToUint8"
}

/// A method whose direct calls compile to one atomic operation on the
/// 32-bit word at the receiver (its first field), calling method `slow`
/// only when that does not settle the matter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FastPath {
    /// The operation.
    pub op: FastOp,
    /// The method called otherwise (full name).
    pub slow: &'static str,
}

/// The atomic operation of a [`FastPath`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FastOp {
    /// Swap `expect` for `replace`; the slow path (receiver only) runs
    /// when the word was not `expect`.
    Cas {
        /// What the word must hold.
        expect: i64,
        /// What the fast path leaves in it.
        replace: i64,
    },
    /// Add `delta`; the slow path runs with the receiver and the new value
    /// when that is not 0.
    Add {
        /// What is added.
        delta: i64,
    },
}

/// `sync.Mutex`'s state word: 0 unlocked, 1 locked without waiters (gc's
/// inlined Lock and Unlock are the same two instructions).
const FAST_PATHS: [(&str, FastPath); 2] = [
    ("sync.(*Mutex).Lock", FastPath { op: FastOp::Cas { expect: 0, replace: 1 }, slow: "sync.(*Mutex).lockSlow" }),
    ("sync.(*Mutex).Unlock", FastPath { op: FastOp::Add { delta: -1 }, slow: "sync.(*Mutex).unlockSlow" }),
];

/// The fast path a method of the program stands for, by its full name.
pub fn fast_path(func_name: &str) -> Option<FastPath> {
    FAST_PATHS.iter().find(|(n, _)| *n == func_name).map(|(_, f)| *f)
}

/// Emits the atomic operation of `path` on the word at `addr`; returns
/// whether the slow path must be called, and its arguments after the
/// receiver.
pub fn emit_fast_path(b: &mut FunctionBuilder, path: FastPath, addr: Value) -> (Value, Vec<Value>) {
    let flags = MemFlagsData::trusted();
    match path.op {
        FastOp::Cas { expect, replace } => {
            let expect = b.ins().iconst(types::I32, expect);
            let replace = b.ins().iconst(types::I32, replace);
            let seen = b.ins().atomic_cas(flags, addr, expect, replace);
            (b.ins().icmp(IntCC::NotEqual, seen, expect), Vec::new())
        }
        FastOp::Add { delta } => {
            let delta = b.ins().iconst(types::I32, delta);
            let old = b.ins().atomic_rmw(types::I32, flags, AtomicRmwOp::Add, addr, delta);
            let new = b.ins().iadd(old, delta);
            (b.ins().icmp_imm_u(IntCC::NotEqual, new, 0), vec![new])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn functions_and_methods_are_found_by_name() {
        let i = |op, ty| Some(Intrinsic { op, ty });
        assert_eq!(lookup("sync/atomic.AddInt64"), i(AtomicOp::Add, types::I64));
        assert_eq!(lookup("sync/atomic.AndUint32"), i(AtomicOp::And, types::I32));
        assert_eq!(lookup("sync/atomic.CompareAndSwapPointer"), i(AtomicOp::CompareAndSwap, types::I64));
        assert_eq!(lookup("sync/atomic.(*Uint32).CompareAndSwap"), i(AtomicOp::CompareAndSwap, types::I32));
        assert_eq!(lookup("sync/atomic.(*Uintptr).Or"), i(AtomicOp::Or, types::I64));
        assert_eq!(lookup("sync/atomic.LoadInt32"), i(AtomicOp::Load, types::I32));
    }

    #[test]
    fn maths_instructions_are_found_by_name() {
        assert_eq!(float_op("math.sqrt"), Some(FloatOp::Sqrt));
        assert_eq!(float_op("math.Float32frombits"), Some(FloatOp::Bits(types::F32)));
        assert_eq!(float_op("math.Floor"), None);
        assert_eq!(float_op("main.sqrt"), None);
    }

    #[test]
    fn bits_instructions_are_found_by_name() {
        assert_eq!(bits_op("math/bits.Len64"), Some(BitsOp::Len));
        assert_eq!(bits_op("math/bits.TrailingZeros8"), Some(BitsOp::TrailingZeros));
        assert_eq!(bits_op("math/bits.OnesCount"), Some(BitsOp::OnesCount));
        assert_eq!(bits_op("math/bits.Mul"), Some(BitsOp::Mul64));
        assert_eq!(bits_op("math/bits.Mul32"), None);
        assert_eq!(bits_op("math/bits.LenX"), None);
        assert_eq!(bits_op("main.Len64"), None);
    }

    #[test]
    fn other_names_are_not_intrinsics() {
        for name in [
            "main.AddInt64",
            "sync/atomic.(*Value).Load",
            "sync/atomic.(*Bool).Store",
            "sync/atomic.AddBool",
            "sync/atomic.(*Int64).String",
            "sync/atomic.Int64",
            "sync/atomic.sameType",
        ] {
            assert_eq!(lookup(name), None, "{name}");
        }
    }
}
