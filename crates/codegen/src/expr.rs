//! Expressions: constants, operators with Go's semantics, conversions,
//! strings, interfaces, closures.
//!
//! Go semantics implemented here (rather than trusting machine behaviour):
//! * integer arithmetic wraps at the type's width (Cranelift's narrow types);
//! * `x / 0` and `x % 0` call `deft_panicdivide`; `MinInt / -1` wraps and
//!   `MinInt % -1` is 0 (x86 `idiv` would trap: the divisor is replaced by 1
//!   and the result fixed up);
//! * shifts: a count ≥ the width gives 0 (or the sign fill for signed `>>`);
//!   a negative signed count calls `deft_panicshift`;
//! * float → integer conversions reproduce gc on amd64 (`CVTTSD2SQ` /
//!   `CVTTSD2SL`: out-of-range and NaN give the minimum integer; narrower
//!   targets convert through int32 and truncate; `uint32` through int64;
//!   `uint64` by gc's two-range sequence).

use cranelift_codegen::ir::{
    InstBuilder, InstructionData, Opcode, StackSlot, Type, Value, ValueDef, condcodes::FloatCC, condcodes::IntCC, types,
};
use lower::ir::{BinOp, Const, Expr, ExprKind, IntTy, TyId, TyKind, UnOp};
use runtime::errors::BoundsCode;

use crate::func::{FnTx, flags, iconst_value};
use crate::runtime_symbols::Rt;

/// The longest constant a string is compared with in line (gc's limit for
/// its own combined loads is 16 bytes on amd64).
const INLINE_STRING_EQ: usize = 16;

/// The bytes of a string constant.
fn const_bytes(e: &Expr) -> Option<&[u8]> {
    match &e.kind {
        ExprKind::Const(Const::String(s)) => Some(s.as_bytes()),
        ExprKind::Const(Const::Bytes(b)) => Some(b),
        _ => None,
    }
}

/// The fields `==` compares, with their indices: all but the blank ones
/// (two struct values are equal if their non-blank fields are equal).
fn compared_fields(fields: &[(String, TyId, bool)]) -> impl Iterator<Item = (usize, TyId)> + '_ {
    fields.iter().enumerate().filter(|(_, f)| f.0 != "_").map(|(i, f)| (i, f.1))
}

/// The shape of a value for operator selection.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Num {
    Int(IntTy),
    Float,
    Complex,
    Bool,
    String,
    Other,
}

impl<'a, 'p> FnTx<'a, 'p> {
    fn num(&self, ty: TyId) -> Num {
        match self.kind(ty) {
            TyKind::Int(it) => Num::Int(*it),
            TyKind::Float(_) => Num::Float,
            TyKind::Complex(_) => Num::Complex,
            TyKind::Bool => Num::Bool,
            TyKind::String => Num::String,
            _ => Num::Other,
        }
    }

    /// Evaluates an expression to its scalars (always as many as its
    /// type's layout has, even after an unsupported construct).
    pub fn expr(&mut self, e: &'p Expr) -> Vec<Value> {
        let l = self.layout(e.ty);
        let vals = self.expr_inner(e);
        if vals.len() == l.scalars.len() || matches!(self.kind(e.ty), TyKind::Tuple(t) if t.is_empty()) {
            return vals;
        }
        if !self.failed {
            self.ice(e.pos, &format!("expression gave {} values for {} scalars", vals.len(), l.scalars.len()));
        }
        self.zeros(e.ty)
    }

    fn expr_inner(&mut self, e: &'p Expr) -> Vec<Value> {
        match &e.kind {
            ExprKind::Const(c) => self.constant(c, e),
            ExprKind::Local(l) => self.read_local(*l),
            ExprKind::Global(g) => {
                let id = self.cx.global(*g);
                let base = self.data_addr(id);
                self.read_loc(&crate::func::Loc::Mem(base, 0), e.ty)
            }
            ExprKind::Load(p) => {
                self.set_pos(e.pos);
                let loc = self.place(p);
                self.read_loc(&loc, e.ty)
            }
            ExprKind::FuncValue(f) => {
                let d = self.cx.funcval(*f);
                vec![self.data_addr(d)]
            }
            ExprKind::Closure { func, captures } => vec![self.closure_value(e, *func, captures)],
            ExprKind::Unary(op, x) => {
                let v = self.expr(x);
                self.unary(*op, x.ty, v)
            }
            ExprKind::Binary(op, x, y) => self.binary(*op, x, y, e),
            ExprKind::AndAnd(x, y) | ExprKind::OrOr(x, y) => {
                let is_and = matches!(e.kind, ExprKind::AndAnd(..));
                let xv = self.expr(x)[0];
                let (rhs, join) = (self.b.create_block(), self.b.create_block());
                let r = self.b.append_block_param(join, types::I8);
                if is_and {
                    self.b.ins().brif(xv, rhs, &[], join, &[xv.into()]);
                } else {
                    self.b.ins().brif(xv, join, &[xv.into()], rhs, &[]);
                }
                self.b.switch_to_block(rhs);
                let yv = self.expr(y)[0];
                self.b.ins().jump(join, &[yv.into()]);
                self.b.switch_to_block(join);
                vec![r]
            }
            ExprKind::Convert(x) => {
                let v = self.expr(x);
                self.set_pos(e.pos);
                self.convert(v, x.ty, e.ty, e)
            }
            ExprKind::ToInterface(x) => match &x.kind {
                ExprKind::Const(c) if !self.pointer_shaped(x.ty) => self.const_to_interface(c, x),
                _ => {
                    let v = self.expr(x);
                    self.to_interface(v, x.ty)
                }
            },
            ExprKind::Call(c) => self.call(c),
            ExprKind::Len(x) | ExprKind::Cap(x) => {
                let is_len = matches!(e.kind, ExprKind::Len(_));
                match self.array_len(x.ty) {
                    Some(n) => {
                        // Evaluated for its effects only: a nil array
                        // pointer still has a length.
                        self.expr(x);
                        vec![self.iconst(types::I64, n as i64)]
                    }
                    None => match self.kind(x.ty) {
                        TyKind::String | TyKind::Slice(_) => {
                            let v = self.expr(x);
                            vec![if is_len { v[1] } else { v[2] }]
                        }
                        TyKind::Map(..) if is_len => {
                            let m = self.expr(x)[0];
                            vec![self.map_len(m)]
                        }
                        TyKind::Chan(_) => {
                            let c = self.expr(x)[0];
                            vec![self.chan_len_cap(c, is_len)]
                        }
                        _ => {
                            self.ice(e.pos, "len/cap of this type");
                            self.zeros(e.ty)
                        }
                    },
                }
            }
            ExprKind::MakeSlice { len, cap } => self.make_slice(len, cap.as_deref(), e),
            ExprKind::Append(s, vals) => self.append(s, vals, e),
            ExprKind::AppendSlice(s, t) => self.append_slice(s, t, e),
            ExprKind::Copy(dst, src) => self.copy_slice(dst, src),
            ExprKind::Clear(x) => {
                self.clear(x, e);
                Vec::new()
            }
            ExprKind::FromPointer(p, n) => self.from_pointer(p, n, e),
            ExprKind::DataPtr(x) => vec![self.expr(x)[0]],
            ExprKind::Index(x, i) => self.index(x, i, e),
            ExprKind::Slice { x, lo, hi, max } => self.slice_expr(x, lo.as_deref(), hi.as_deref(), max.as_deref(), e),
            ExprKind::AddrOf(p) => self.addr_of(p, e),
            ExprKind::TypeAssert { x, comma_ok } => self.type_assert(x, *comma_ok, e),
            ExprKind::Composite(vals) if self.layout(e.ty).too_big => self.big_composite(vals, e),
            ExprKind::Composite(vals) => {
                let mut out = Vec::new();
                for v in vals {
                    out.extend(self.expr(v));
                }
                out
            }
            ExprKind::New => {
                let TyKind::Pointer(t) = *self.kind(e.ty) else {
                    self.ice(e.pos, "new of a non-pointer type");
                    return self.zeros(e.ty);
                };
                let l = self.layout(t);
                vec![self.alloc(l.size, l.align, !l.has_ptr)]
            }
            ExprKind::SliceLit(vals) => {
                let TyKind::Slice(et) = *self.kind(e.ty) else {
                    self.ice(e.pos, "slice literal of a non-slice type");
                    return self.zeros(e.ty);
                };
                let el = self.layout(et);
                let parts: Vec<Vec<Value>> = vals.iter().map(|v| self.expr(v)).collect();
                let size = el.size * parts.len() as u32;
                let ptr = if size > 0 && size <= crate::func::BIG_FRAME_LIMIT && self.flow.object_stays(e) {
                    let slot = self.frame_object(e, size, el.align);
                    self.b.ins().stack_addr(types::I64, slot, 0)
                } else {
                    self.alloc(size, el.align, !el.has_ptr)
                };
                for (i, p) in parts.iter().enumerate() {
                    self.store_value(&el, p, ptr, (i as u32 * el.size) as i32);
                }
                let n = self.iconst(types::I64, parts.len() as i64);
                vec![ptr, n, n]
            }
            ExprKind::Recover => {
                let fp = self.b.ins().get_frame_pointer(types::I64);
                self.rt_call(Rt::Recover, &[fp])
            }
            ExprKind::FramePointer => vec![self.b.ins().get_frame_pointer(types::I64)],
            ExprKind::RecoverFor(fp) => {
                let fp = self.expr(fp);
                self.rt_call(Rt::Recover, &fp);
                Vec::new()
            }
            ExprKind::IfaceMethodValue(x, index) => vec![self.iface_method_value(x, *index)],
            ExprKind::ComplexPart { x, imag } => vec![self.expr(x)[*imag as usize]],
            ExprKind::Panic(v) => {
                let vals = self.expr(v);
                self.set_pos(e.pos);
                self.rt_noreturn(Rt::GoPanic, &vals);
                Vec::new()
            }
            ExprKind::PanicWrap { recv, method } => {
                let desc = self.cx.typedesc(*recv);
                let desc = self.data_addr(desc);
                let name = self.string_const(method.as_bytes());
                self.set_pos(e.pos);
                self.rt_noreturn(Rt::PanicWrap, &[desc, name[0], name[1]]);
                Vec::new()
            }
            ExprKind::PanicRangeState(state) => {
                let vals = self.expr(state);
                self.set_pos(e.pos);
                self.rt_noreturn(Rt::PanicRangeState, &vals);
                Vec::new()
            }
            ExprKind::Print { args, newline } => {
                self.print(args, *newline, e);
                Vec::new()
            }
            ExprKind::Seq(stmts, v) => {
                self.stmts(stmts);
                self.expr(v)
            }
            ExprKind::Zero => self.zeros(e.ty),
            ExprKind::DecodeRune { s, i } => {
                let sv = self.expr(s);
                let iv = self.expr(i)[0];
                self.decode_rune(sv[0], sv[1], iv)
            }
            ExprKind::Map(op, args) => self.map_op(*op, args, e.ty),
            ExprKind::Chan(op, args) => self.chan_op(*op, args, e.ty, e.pos),
        }
    }

    fn constant(&mut self, c: &Const, e: &Expr) -> Vec<Value> {
        let l = self.layout(e.ty);
        match c {
            Const::Bool(b) => vec![self.iconst(types::I8, *b as i64)],
            Const::Int(bits) => {
                let ty = l.scalars.first().map_or(types::I64, |s| s.ty);
                match ty {
                    types::F32 => vec![self.b.ins().f32const(*bits as i64 as f32)],
                    types::F64 => vec![self.b.ins().f64const(*bits as i64 as f64)],
                    _ => vec![self.iconst(ty, *bits as i64)],
                }
            }
            Const::Float(f) => match l.scalars.first().map(|s| s.ty) {
                Some(types::F32) if l.scalars.len() == 1 => vec![self.b.ins().f32const(*f as f32)],
                Some(types::F64) if l.scalars.len() == 1 => vec![self.b.ins().f64const(*f)],
                _ => self.complex_const(*f, 0.0, &l),
            },
            Const::Complex(re, im) => self.complex_const(*re, *im, &l),
            Const::String(s) => self.string_const(s.as_bytes()),
            Const::Bytes(b) => self.string_const(b),
            Const::Nil => self.zeros(e.ty),
        }
    }

    fn complex_const(&mut self, re: f64, im: f64, l: &crate::layout::Layout) -> Vec<Value> {
        if l.scalars.first().map(|s| s.ty) == Some(types::F32) {
            vec![self.b.ins().f32const(re as f32), self.b.ins().f32const(im as f32)]
        } else {
            vec![self.b.ins().f64const(re), self.b.ins().f64const(im)]
        }
    }

    /// A string constant: static bytes and length.
    pub fn string_const(&mut self, bytes: &[u8]) -> Vec<Value> {
        let len = self.iconst(types::I64, bytes.len() as i64);
        if bytes.is_empty() {
            return vec![self.iconst(types::I64, 0), len];
        }
        let d = self.cx.bytes_data(bytes);
        vec![self.data_addr(d), len]
    }

    /// The frame slot of the object expression `e` makes (a frame-bound
    /// closure, a slice literal's backing array), the same each time `e`
    /// is evaluated.
    fn frame_object(&mut self, e: &Expr, size: u32, align: u32) -> StackSlot {
        let key = e as *const Expr;
        if let Some(s) = self.frame_objects.get(&key) {
            return *s;
        }
        let s = self.slot(size, align);
        self.frame_objects.insert(key, s);
        s
    }

    /// The frame buffer of byte conversion `e`, whose result stays in the
    /// frame (`runtime::strings::TMP_BUF` bytes).
    fn conversion_buffer(&mut self, e: &Expr) -> Value {
        let slot = self.frame_object(e, runtime::strings::TMP_BUF as u32, 8);
        self.b.ins().stack_addr(types::I64, slot, 0)
    }

    /// A closure object: static when it captures nothing, a frame slot
    /// when it is frame-bound (see [`crate::escape`]), else heap memory.
    fn closure_value(&mut self, e: &Expr, func: lower::ir::FuncId, captures: &[lower::ir::LocalId]) -> Value {
        if captures.is_empty() {
            let d = self.cx.funcval(func);
            return self.data_addr(d);
        }
        let (offsets, size) = crate::calls::capture_offsets(self.cx, func);
        let key = e as *const Expr;
        let obj = if self.frame.closures.contains(&key) {
            let slot = self.frame_object(e, size, 8);
            self.b.ins().stack_addr(types::I64, slot, 0)
        } else {
            self.alloc(size, 8, false)
        };
        let id = self.cx.func_decl(func);
        let fr = self.func_ref(id);
        let code = self.b.ins().func_addr(types::I64, fr);
        self.b.ins().store(flags(), code, obj, 0);
        for (c, (off, copied)) in captures.iter().zip(offsets) {
            if copied {
                let vals = self.read_local(*c);
                let l = self.layout(self.local_ty(*c));
                self.store_value(&l, &vals, obj, off as i32);
                continue;
            }
            match self.cell_addr(*c) {
                Some(cell) => {
                    self.b.ins().store(flags(), cell, obj, off as i32);
                }
                None => self.ice(self.f.pos, "closure captures a non-heap local"),
            }
        }
        obj
    }

    fn unary(&mut self, op: UnOp, ty: TyId, v: Vec<Value>) -> Vec<Value> {
        match (op, self.num(ty)) {
            (UnOp::Neg, Num::Int(_)) => vec![self.b.ins().ineg(v[0])],
            (UnOp::Neg, Num::Float | Num::Complex) => v.iter().map(|x| self.b.ins().fneg(*x)).collect(),
            (UnOp::Not, _) => vec![self.b.ins().bxor_imm_u(v[0], 1)],
            (UnOp::BitNot, _) => vec![self.b.ins().bnot(v[0])],
            _ => v,
        }
    }

    fn binary(&mut self, op: BinOp, x: &'p Expr, y: &'p Expr, e: &'p Expr) -> Vec<Value> {
        if matches!(op, BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge) {
            let xv = self.read_only_operand(x);
            let yv = self.read_only_operand(y);
            self.set_pos(e.pos);
            return vec![self.compare(op, x, &xv, y, &yv)];
        }
        let xv = self.expr(x);
        let yv = self.expr(y);
        self.set_pos(e.pos);
        if matches!(op, BinOp::Shl | BinOp::Shr) {
            return vec![self.shift(op, x.ty, xv[0], y.ty, yv[0])];
        }
        if matches!(op, BinOp::Min | BinOp::Max) {
            return self.min_max(op == BinOp::Max, x, &xv, &yv);
        }
        match self.num(x.ty) {
            Num::Int(it) => vec![self.int_arith(op, it, xv[0], yv[0], y)],
            Num::Float => vec![self.float_arith(op, xv[0], yv[0])],
            Num::Complex => self.complex_arith(op, &xv, &yv),
            Num::String if op == BinOp::Add => self.rt_call(Rt::ConcatStrings, &[xv[0], xv[1], yv[0], yv[1]]),
            _ => {
                self.unsupported(e.pos, "this operator on these operands");
                self.zeros(e.ty)
            }
        }
    }

    fn int_arith(&mut self, op: BinOp, it: IntTy, x: Value, y: Value, ye: &Expr) -> Value {
        match op {
            BinOp::Add => self.b.ins().iadd(x, y),
            BinOp::Sub => self.b.ins().isub(x, y),
            BinOp::Mul => self.b.ins().imul(x, y),
            BinOp::And => self.b.ins().band(x, y),
            BinOp::Or => self.b.ins().bor(x, y),
            BinOp::Xor => self.b.ins().bxor(x, y),
            BinOp::AndNot => self.b.ins().band_not(x, y),
            BinOp::Div | BinOp::Rem => self.divide(op == BinOp::Div, it, x, y, ye),
            _ => x,
        }
    }

    /// Integer division with Go's semantics (see the module doc).
    fn divide(&mut self, is_div: bool, it: IntTy, x: Value, y: Value, ye: &Expr) -> Value {
        let divisor = match &ye.kind {
            ExprKind::Const(Const::Int(bits)) => Some(*bits),
            _ => None,
        };
        if divisor.is_none_or(|d| d == 0) {
            let zero = self.b.ins().icmp_imm_s(IntCC::Equal, y, 0);
            self.check(zero, |t| t.rt_noreturn(Rt::PanicDivide, &[]));
        }
        let ty = self.b.func.dfg.value_type(x);
        if !it.signed {
            return if is_div { self.b.ins().udiv(x, y) } else { self.b.ins().urem(x, y) };
        }
        let minus_one = self.iconst(ty, -1);
        let may_be_minus_one = divisor.is_none_or(|d| self.iconst_bits(ty, d) == self.iconst_bits(ty, u64::MAX));
        if !may_be_minus_one {
            return if is_div { self.b.ins().sdiv(x, y) } else { self.b.ins().srem(x, y) };
        }
        let is_m1 = self.b.ins().icmp(IntCC::Equal, y, minus_one);
        let one = self.iconst(ty, 1);
        let safe = self.b.ins().select(is_m1, one, y);
        if is_div {
            let q = self.b.ins().sdiv(x, safe);
            let neg = self.b.ins().ineg(x);
            self.b.ins().select(is_m1, neg, q)
        } else {
            let r = self.b.ins().srem(x, safe);
            let zero = self.iconst(ty, 0);
            self.b.ins().select(is_m1, zero, r)
        }
    }

    fn iconst_bits(&self, ty: Type, v: u64) -> u64 {
        if ty.bits() >= 64 { v } else { v & ((1u64 << ty.bits()) - 1) }
    }

    /// Shifts with Go's semantics (see the module doc).
    fn shift(&mut self, op: BinOp, xty: TyId, x: Value, cty: TyId, c: Value) -> Value {
        let Num::Int(it) = self.num(xty) else {
            return x;
        };
        let Num::Int(ct) = self.num(cty) else {
            return x;
        };
        let width = it.bits as i64;
        let c64 = if ct.bits < 64 { self.b.ins().uextend(types::I64, c) } else { c };
        if self.count_below(c, width as u64) {
            // `x >> (s & 63)`: no negative count, no count of the width or
            // more (`internal/strconv.uscale`'s shifts; gc's prove knows it).
            return match (op, it.signed) {
                (BinOp::Shl, _) => self.b.ins().ishl(x, c64),
                (_, true) => self.b.ins().sshr(x, c64),
                _ => self.b.ins().ushr(x, c64),
            };
        }
        if ct.signed {
            let neg = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, c, 0);
            self.check(neg, |t| t.rt_noreturn(Rt::PanicShift, &[]));
        }
        let big = self.b.ins().icmp_imm_u(IntCC::UnsignedGreaterThanOrEqual, c64, width);
        let ty = self.b.func.dfg.value_type(x);
        match (op, it.signed) {
            (BinOp::Shr, true) => {
                let max = self.iconst(types::I64, width - 1);
                let amt = self.b.ins().select(big, max, c64);
                self.b.ins().sshr(x, amt)
            }
            _ => {
                let r = if op == BinOp::Shl { self.b.ins().ishl(x, c64) } else { self.b.ins().ushr(x, c64) };
                let zero = self.iconst(ty, 0);
                self.b.ins().select(big, zero, r)
            }
        }
    }

    /// Whether shift count `c` is below `n` (at most 64), read as unsigned
    /// and as signed, by how it is made: a constant, or an `&` with a
    /// constant below `n`.
    fn count_below(&self, c: Value, n: u64) -> bool {
        let dfg = &self.b.func.dfg;
        let bits = dfg.value_type(c).bits();
        let small = |imm: i64| bits <= 64 && (imm as u64) & (u64::MAX >> (64 - bits)) < n;
        if let Some(k) = iconst_value(dfg, c) {
            return small(k);
        }
        match dfg.value_def(c) {
            ValueDef::Result(inst, 0) => match dfg.insts[inst] {
                InstructionData::Binary { opcode: Opcode::Band, args } => {
                    args.iter().any(|&a| iconst_value(dfg, a).is_some_and(small))
                }
                _ => false,
            },
            _ => false,
        }
    }

    fn float_arith(&mut self, op: BinOp, x: Value, y: Value) -> Value {
        match op {
            BinOp::Add => self.b.ins().fadd(x, y),
            BinOp::Sub => self.b.ins().fsub(x, y),
            BinOp::Mul => self.b.ins().fmul(x, y),
            _ => self.b.ins().fdiv(x, y),
        }
    }

    fn complex_arith(&mut self, op: BinOp, x: &[Value], y: &[Value]) -> Vec<Value> {
        let (a, b, c, d) = (x[0], x[1], y[0], y[1]);
        match op {
            BinOp::Add => vec![self.b.ins().fadd(a, c), self.b.ins().fadd(b, d)],
            BinOp::Sub => vec![self.b.ins().fsub(a, c), self.b.ins().fsub(b, d)],
            BinOp::Mul => {
                let (ac, bd, ad, bc) = (
                    self.b.ins().fmul(a, c),
                    self.b.ins().fmul(b, d),
                    self.b.ins().fmul(a, d),
                    self.b.ins().fmul(b, c),
                );
                vec![self.b.ins().fsub(ac, bd), self.b.ins().fadd(ad, bc)]
            }
            _ => {
                // Division (the only other operator on complex values) is
                // the runtime's, in complex128 as gc computes it.
                let wide = |t: &mut Self, v: Value| {
                    if t.b.func.dfg.value_type(v) == types::F32 { t.b.ins().fpromote(types::F64, v) } else { v }
                };
                let args: Vec<Value> = [a, b, c, d].into_iter().map(|v| wide(self, v)).collect();
                let q = self.rt_call(Rt::Complex128Div, &args);
                if self.b.func.dfg.value_type(a) == types::F32 {
                    q.iter().map(|&v| self.b.ins().fdemote(types::F32, v)).collect()
                } else {
                    q
                }
            }
        }
    }

    /// `min(x, y)` or `max(x, y)` of integers, floats or strings. Floats
    /// follow the spec, which is Cranelift's `fmin`/`fmax`: a NaN operand
    /// gives NaN, and -0 is less than +0. On equal operands `x` is kept.
    fn min_max(&mut self, max: bool, x: &Expr, xv: &[Value], yv: &[Value]) -> Vec<Value> {
        let take_y = match self.num(x.ty) {
            Num::Float => {
                let r = if max { self.b.ins().fmax(xv[0], yv[0]) } else { self.b.ins().fmin(xv[0], yv[0]) };
                return vec![r];
            }
            Num::Int(it) => {
                let cc = int_cc(if max { BinOp::Lt } else { BinOp::Gt }, it.signed);
                self.b.ins().icmp(cc, xv[0], yv[0])
            }
            _ => {
                let r = self.rt_call(Rt::CmpString, &[xv[0], xv[1], yv[0], yv[1]])[0];
                let cc = if max { IntCC::SignedLessThan } else { IntCC::SignedGreaterThan };
                self.b.ins().icmp_imm_s(cc, r, 0)
            }
        };
        xv.iter().zip(yv).map(|(&a, &b)| self.b.ins().select(take_y, b, a)).collect()
    }

    /// `s == c` for a string `s` (pointer and length) and a constant `c`
    /// of at most [`INLINE_STRING_EQ`] bytes, as gc compiles it: the
    /// lengths compared, then, when they are equal, the bytes of `s` loaded
    /// in words of 8, 4, 2 and 1 bytes and compared with `c`'s (`s != ""`
    /// is a length test, and a function testing it stays cheap enough to
    /// inline: `utf8.DecodeRuneInString`).
    fn const_string_equal(&mut self, c: &[u8], s: &[Value]) -> Value {
        let same_len = self.b.ins().icmp_imm_u(IntCC::Equal, s[1], c.len() as i64);
        if c.is_empty() {
            return same_len;
        }
        let (cmp, join) = (self.b.create_block(), self.b.create_block());
        let r = self.b.append_block_param(join, types::I8);
        self.b.ins().brif(same_len, cmp, &[], join, &[same_len.into()]);
        self.b.switch_to_block(cmp);
        let mut acc = None;
        let mut off = 0;
        while off < c.len() {
            let n = [8, 4, 2, 1].into_iter().find(|&n| n <= c.len() - off).unwrap_or(1);
            let ty = Type::int_with_byte_size(n as u16).unwrap_or(types::I8);
            // The length test passed: `s` has these bytes.
            let word = self.b.ins().load(ty, flags(), s[0], off as i32);
            let mut bytes = [0u8; 8];
            bytes[..n].copy_from_slice(&c[off..off + n]);
            let eq = self.b.ins().icmp_imm_u(IntCC::Equal, word, i64::from_le_bytes(bytes));
            acc = Some(match acc {
                Some(a) => self.b.ins().band(a, eq),
                None => eq,
            });
            off += n;
        }
        let eq = acc.unwrap_or(same_len);
        self.b.ins().jump(join, &[eq.into()]);
        self.b.switch_to_block(join);
        r
    }

    /// Comparison operators; the result is a bool (`i8`).
    fn compare(&mut self, op: BinOp, x: &Expr, xv: &[Value], y: &Expr, yv: &[Value]) -> Value {
        match self.num(x.ty) {
            Num::Int(it) => {
                let cc = int_cc(op, it.signed);
                self.b.ins().icmp(cc, xv[0], yv[0])
            }
            Num::Float => self.b.ins().fcmp(float_cc(op), xv[0], yv[0]),
            Num::String if !matches!(op, BinOp::Eq | BinOp::Ne) => {
                let r = self.rt_call(Rt::CmpString, &[xv[0], xv[1], yv[0], yv[1]])[0];
                self.b.ins().icmp_imm_s(int_cc(op, true), r, 0)
            }
            _ => {
                let eq = self.equal(x.ty, xv, yv, x, y);
                if op == BinOp::Ne { self.b.ins().bxor_imm_u(eq, 1) } else { eq }
            }
        }
    }

    /// `x == y` for any comparable type.
    fn equal(&mut self, ty: TyId, xv: &[Value], yv: &[Value], x: &Expr, y: &Expr) -> Value {
        let is_nil = |e: &Expr| matches!(e.kind, ExprKind::Const(Const::Nil));
        match self.kind(ty).clone() {
            TyKind::String if const_bytes(x).or(const_bytes(y)).is_some_and(|c| c.len() <= INLINE_STRING_EQ) => {
                let (c, v) = match const_bytes(x) {
                    Some(c) => (c, yv),
                    None => (const_bytes(y).unwrap_or_default(), xv),
                };
                self.const_string_equal(c, v)
            }
            TyKind::String => {
                let same_len = self.b.ins().icmp(IntCC::Equal, xv[1], yv[1]);
                let (cmp, join) = (self.b.create_block(), self.b.create_block());
                let r = self.b.append_block_param(join, types::I8);
                self.b.ins().brif(same_len, cmp, &[], join, &[same_len.into()]);
                self.b.switch_to_block(cmp);
                let eq = self.rt_call(Rt::EqString, &[xv[0], xv[1], yv[0], yv[1]])[0];
                self.b.ins().jump(join, &[eq.into()]);
                self.b.switch_to_block(join);
                r
            }
            TyKind::Float(_) => self.b.ins().fcmp(FloatCC::Equal, xv[0], yv[0]),
            TyKind::Complex(_) => {
                let re = self.b.ins().fcmp(FloatCC::Equal, xv[0], yv[0]);
                let im = self.b.ins().fcmp(FloatCC::Equal, xv[1], yv[1]);
                self.b.ins().band(re, im)
            }
            TyKind::Interface(_) if is_nil(x) || is_nil(y) => self.b.ins().icmp(IntCC::Equal, xv[0], yv[0]),
            TyKind::Interface(_) => self.iface_equal(xv, yv),
            TyKind::Struct(_) | TyKind::Array(..) if self.layout(ty).too_big => self.big_equal(ty, xv[0], yv[0], x, y),
            TyKind::Struct(fields) => {
                let l = self.layout(ty);
                let mut acc = self.iconst(types::I8, 1);
                for (i, fty) in compared_fields(&fields) {
                    let first = l.fields[i].1;
                    let n = self.layout(fty).scalars.len();
                    let eq = self.equal(fty, &xv[first..first + n], &yv[first..first + n], x, y);
                    acc = self.b.ins().band(acc, eq);
                }
                acc
            }
            TyKind::Array(n, ety) => {
                let c = self.layout(ety).scalars.len();
                let mut acc = self.iconst(types::I8, 1);
                for k in 0..n as usize {
                    let eq = self.equal(ety, &xv[k * c..(k + 1) * c], &yv[k * c..(k + 1) * c], x, y);
                    acc = self.b.ins().band(acc, eq);
                }
                acc
            }
            TyKind::Slice(_) => self.b.ins().icmp(IntCC::Equal, xv[0], yv[0]),
            _ => self.b.ins().icmp(IntCC::Equal, xv[0], yv[0]),
        }
    }

    // ---------------------------------------------------------------
    // Conversions
    // ---------------------------------------------------------------

    /// The value of `e` for an operation that reads it and keeps nothing
    /// of it (a comparison, a map lookup's key): `string(b)` of a byte
    /// slice is then the slice's bytes themselves, not a copy, as gc's
    /// `slicebytetostringtmp`. Nothing runs between the conversion and the
    /// read that could change the bytes: lowering hoists the calls and
    /// receives of the other operands before the whole expression, as gc's
    /// order pass does.
    pub fn read_only_operand(&mut self, e: &'p Expr) -> Vec<Value> {
        if let ExprKind::Convert(bytes) = &e.kind
            && matches!(self.kind(e.ty), TyKind::String)
            && matches!(self.kind(bytes.ty), TyKind::Slice(et) if matches!(self.kind(*et), TyKind::Int(IntTy { bits: 8, .. })))
        {
            let sv = self.expr(bytes);
            return vec![sv[0], sv[1]];
        }
        self.expr(e)
    }

    fn convert(&mut self, v: Vec<Value>, from: TyId, to: TyId, e: &Expr) -> Vec<Value> {
        let (fk, tk) = (self.kind(from).clone(), self.kind(to).clone());
        match (&fk, &tk) {
            (TyKind::Int(a), TyKind::Int(b)) => vec![self.int_to_int(v[0], *a, *b)],
            (TyKind::Int(a), TyKind::Float(w)) => vec![self.int_to_float(v[0], *a, float_ty(*w))],
            (TyKind::Float(_), TyKind::Int(b)) => vec![self.float_to_int(v[0], *b)],
            (TyKind::Float(_), TyKind::Float(w)) => vec![self.float_to_float(v[0], float_ty(*w))],
            (TyKind::Complex(_), TyKind::Complex(w)) => {
                let t = float_ty(*w / 2);
                v.iter().map(|x| self.float_to_float(*x, t)).collect()
            }
            (TyKind::Int(a), TyKind::String) => {
                let x = if a.bits < 64 {
                    if a.signed {
                        self.b.ins().sextend(types::I64, v[0])
                    } else {
                        self.b.ins().uextend(types::I64, v[0])
                    }
                } else {
                    v[0]
                };
                self.rt_call(Rt::IntString, &[x])
            }
            (TyKind::Slice(et), TyKind::String) => match self.kind(*et) {
                TyKind::Int(IntTy { bits: 8, .. }) if self.flow.object_stays(e) => {
                    let buf = self.conversion_buffer(e);
                    self.rt_call(Rt::SliceByteToStringBuf, &[v[0], v[1], buf])
                }
                TyKind::Int(IntTy { bits: 8, .. }) => self.rt_call(Rt::SliceByteToString, &[v[0], v[1]]),
                _ => self.rt_call(Rt::SliceRuneToString, &[v[0], v[1]]),
            },
            (TyKind::String, TyKind::Slice(et)) => match self.kind(*et) {
                TyKind::Int(IntTy { bits: 8, .. }) if self.flow.object_stays(e) => {
                    let buf = self.conversion_buffer(e);
                    let r = self.rt_call(Rt::StringToSliceByteBuf, &[v[0], v[1], buf]);
                    // The buffer's whole length is the capacity, as gc's.
                    let in_buf = self.b.ins().icmp(IntCC::Equal, r[0], buf);
                    let whole = self.iconst(types::I64, runtime::strings::TMP_BUF as i64);
                    let cap = self.b.ins().select(in_buf, whole, r[1]);
                    vec![r[0], r[1], cap]
                }
                TyKind::Int(IntTy { bits: 8, .. }) => {
                    let r = self.rt_call(Rt::StringToSliceByte, &[v[0], v[1]]);
                    vec![r[0], r[1], r[1]]
                }
                _ => {
                    let r = self.rt_call(Rt::StringToSliceRune, &[v[0], v[1]]);
                    vec![r[0], r[1], r[1]]
                }
            },
            (TyKind::Interface(_), TyKind::Interface(_)) => v,
            (TyKind::Slice(_), TyKind::Array(..)) => {
                // Slice to array: a copy of the first N elements, which
                // must exist (no load at all for N = 0, even of a nil slice).
                let Some(n) = self.array_len(to) else {
                    self.ice(e.pos, "slice converted to a non-array");
                    return self.zeros(to);
                };
                let len = self.iconst(types::I64, n as i64);
                let ok = self.b.ins().icmp(IntCC::UnsignedLessThanOrEqual, len, v[1]);
                self.bounds_fail_unless(ok, len, v[1], false, BoundsCode::Convert);
                let l = self.layout(to);
                self.load_value(&l, v[0], 0)
            }
            (TyKind::Slice(_), TyKind::Pointer(_)) => {
                // Slice to array pointer: the array must fit in the length.
                let Some(n) = self.array_len(to) else {
                    self.ice(e.pos, "slice converted to a pointer to a non-array");
                    return self.zeros(to);
                };
                let n = self.iconst(types::I64, n as i64);
                let ok = self.b.ins().icmp(IntCC::UnsignedLessThanOrEqual, n, v[1]);
                self.bounds_fail_unless(ok, n, v[1], false, BoundsCode::Convert);
                vec![v[0]]
            }
            _ if self.layout(from).scalars.len() == self.layout(to).scalars.len() => v,
            _ => {
                self.unsupported(e.pos, "this conversion");
                self.zeros(to)
            }
        }
    }

    fn int_to_int(&mut self, v: Value, from: IntTy, to: IntTy) -> Value {
        let tt = int_ty(to.bits);
        match from.bits.cmp(&to.bits) {
            std::cmp::Ordering::Equal => v,
            std::cmp::Ordering::Greater => self.b.ins().ireduce(tt, v),
            std::cmp::Ordering::Less if from.signed => self.b.ins().sextend(tt, v),
            std::cmp::Ordering::Less => self.b.ins().uextend(tt, v),
        }
    }

    fn int_to_float(&mut self, v: Value, from: IntTy, to: Type) -> Value {
        let x = if from.bits < 64 { self.int_to_int(v, from, IntTy { bits: 64, signed: from.signed }) } else { v };
        if from.signed { self.b.ins().fcvt_from_sint(to, x) } else { self.b.ins().fcvt_from_uint(to, x) }
    }

    fn float_to_float(&mut self, v: Value, to: Type) -> Value {
        let from = self.b.func.dfg.value_type(v);
        match (from, to) {
            (types::F64, types::F32) => self.b.ins().fdemote(types::F32, v),
            (types::F32, types::F64) => self.b.ins().fpromote(types::F64, v),
            _ => v,
        }
    }

    /// A float constant of the type of `like`.
    pub(crate) fn fconst(&mut self, like: Value, v: f64) -> Value {
        if self.b.func.dfg.value_type(like) == types::F32 {
            self.b.ins().f32const(v as f32)
        } else {
            self.b.ins().f64const(v)
        }
    }

    /// x86 `CVTTSx2SI` to a `bits`-wide signed integer: truncation, and the
    /// minimum integer for NaN and out-of-range values.
    fn cvtt(&mut self, v: Value, bits: u8) -> Value {
        let ty = int_ty(bits);
        let limit = 2f64.powi(bits as i32 - 1);
        let hi = self.fconst(v, limit);
        let lo = self.fconst(v, -limit);
        let below = self.b.ins().fcmp(FloatCC::LessThan, v, hi);
        let above = self.b.ins().fcmp(FloatCC::GreaterThanOrEqual, v, lo);
        let in_range = self.b.ins().band(below, above);
        let r = self.b.ins().fcvt_to_sint_sat(ty, v);
        let min = self.iconst(ty, i64::MIN >> (64 - bits as u32));
        self.b.ins().select(in_range, r, min)
    }

    fn float_to_int(&mut self, v: Value, to: IntTy) -> Value {
        match (to.bits, to.signed) {
            (64, true) => self.cvtt(v, 64),
            (64, false) => {
                // gc: x < 2^63 ? int64(x) : int64(x - 2^63) | (1 << 63)
                let two63 = self.fconst(v, 2f64.powi(63));
                let small = self.b.ins().fcmp(FloatCC::LessThan, v, two63);
                let direct = self.cvtt(v, 64);
                let shifted = self.b.ins().fsub(v, two63);
                let high = self.cvtt(shifted, 64);
                let high = self.b.ins().bor_imm_s(high, i64::MIN);
                self.b.ins().select(small, direct, high)
            }
            (32, false) => {
                let w = self.cvtt(v, 64);
                self.b.ins().ireduce(types::I32, w)
            }
            (32, true) => self.cvtt(v, 32),
            (bits, _) => {
                let w = self.cvtt(v, 32);
                self.b.ins().ireduce(int_ty(bits), w)
            }
        }
    }

    /// Boxes a value into an interface: (type descriptor, data word).
    pub fn to_interface(&mut self, v: Vec<Value>, from: TyId) -> Vec<Value> {
        if let TyKind::Interface(_) = self.kind(from) {
            return v;
        }
        let d = self.cx.typedesc(from);
        let ty = self.data_addr(d);
        let data = if self.pointer_shaped(from) {
            v[0]
        } else if let Some(bits) = self.small_box_bits(from) {
            self.small_box(v[0], bits, from)
        } else {
            match self.kind(from) {
                TyKind::Float(_) => {
                    let int = if self.b.func.dfg.value_type(v[0]) == types::F32 { types::I32 } else { types::I64 };
                    let bits = self.b.ins().bitcast(int, cranelift_codegen::ir::MemFlagsData::new(), v[0]);
                    self.small_box_or(bits, v, from)
                }
                // An empty string or a nil slice: gc's shared zero box.
                TyKind::String | TyKind::Slice(_) => {
                    let word = if matches!(self.kind(from), TyKind::String) { v[1] } else { v[0] };
                    let is_zero = self.b.ins().icmp_imm_u(IntCC::Equal, word, 0);
                    let zero = self.cx.zero_block();
                    let zero = self.data_addr(zero);
                    self.box_unless(is_zero, zero, v, from)
                }
                _ => self.boxed(v, from),
            }
        };
        vec![ty, data]
    }

    /// `shared` if `is_shared`, else a fresh box of `v` (of type `ty`).
    fn box_unless(&mut self, is_shared: Value, shared: Value, v: Vec<Value>, ty: TyId) -> Value {
        let (big, done) = (self.b.create_block(), self.b.create_block());
        self.b.append_block_param(done, types::I64);
        self.b.ins().brif(is_shared, done, &[shared.into()], big, &[]);
        self.b.switch_to_block(big);
        let p = self.boxed(v, ty);
        self.b.ins().jump(done, &[p.into()]);
        self.b.switch_to_block(done);
        self.b.block_params(done)[0]
    }

    /// A fresh heap box holding value `v` of type `ty`.
    fn boxed(&mut self, v: Vec<Value>, ty: TyId) -> Value {
        let l = self.layout(ty);
        let p = self.alloc(l.size, l.align, !l.has_ptr);
        self.store_value(&l, &v, p, 0);
        p
    }

    /// The width of an integer or bool type whose small values gc boxes in
    /// its static table of words (`staticuint64s`): bools and 8-bit
    /// integers always, wider integers below 256 (as unsigned).
    fn small_box_bits(&self, ty: TyId) -> Option<u32> {
        match self.kind(ty) {
            TyKind::Bool => Some(8),
            TyKind::Int(IntTy { bits, .. }) => Some(u32::from(*bits)),
            _ => None,
        }
    }

    /// The address of [`crate::program::ProgramCx::small_uints`].
    fn small_uints_addr(&mut self) -> Value {
        let table = self.cx.small_uints();
        self.data_addr(table)
    }

    /// The data word of integer or bool `v` (of `bits` bits, type `ty`)
    /// in an interface: a word of [`crate::program::ProgramCx::small_uints`]
    /// when the value is below 256, else a fresh box.
    fn small_box(&mut self, v: Value, bits: u32, ty: TyId) -> Value {
        if bits == 8 {
            let table = self.small_uints_addr();
            let offset = self.b.ins().uextend(types::I64, v);
            let offset = self.b.ins().ishl_imm_u(offset, 3);
            return self.b.ins().iadd(table, offset);
        }
        self.small_box_or(v, vec![v], ty)
    }

    /// The data word of value `v` of type `ty` whose bits, as an integer,
    /// are `bits`: a word of the small-integer table when they are below
    /// 256 (gc's `convT16/32/64`, floats included), else a fresh box.
    fn small_box_or(&mut self, bits: Value, v: Vec<Value>, ty: TyId) -> Value {
        let table = self.small_uints_addr();
        let wide =
            if self.b.func.dfg.value_type(bits) != types::I64 { self.b.ins().uextend(types::I64, bits) } else { bits };
        let offset = self.b.ins().ishl_imm_u(wide, 3);
        let word = self.b.ins().iadd(table, offset);
        let is_small = self.b.ins().icmp_imm_u(IntCC::UnsignedLessThan, wide, 256);
        self.box_unless(is_small, word, v, ty)
    }

    /// Constant `x` (of value `c`) converted to an interface: its data word
    /// points at a read-only static box, no allocation.
    fn const_to_interface(&mut self, c: &Const, x: &'p Expr) -> Vec<Value> {
        let small = match *c {
            Const::Bool(b) => Some(u64::from(b)),
            Const::Int(v) if self.small_box_bits(x.ty).is_some() && v < 256 => Some(v),
            _ => None,
        };
        if let Some(v) = small {
            // The word of the table a computed value of the same type and
            // value would point at: the very same interface value, as gc.
            let d = self.cx.typedesc(x.ty);
            let table = self.small_uints_addr();
            return vec![self.data_addr(d), self.b.ins().iadd_imm_s(table, (v * 8) as i64)];
        }
        let l = self.layout(x.ty).clone();
        match self.cx.const_box(c, &l) {
            Some(boxed) => {
                let d = self.cx.typedesc(x.ty);
                vec![self.data_addr(d), self.data_addr(boxed)]
            }
            None => {
                let v = self.expr(x);
                self.to_interface(v, x.ty)
            }
        }
    }

    /// Whether values of `ty` are stored directly in an interface's data word.
    pub fn pointer_shaped(&self, ty: TyId) -> bool {
        crate::iface::pointer_shaped(self.kind(ty))
    }

    fn type_assert(&mut self, x: &'p Expr, comma_ok: bool, e: &'p Expr) -> Vec<Value> {
        let target = if comma_ok {
            match self.kind(e.ty) {
                TyKind::Tuple(ts) => ts[0],
                _ => e.ty,
            }
        } else {
            e.ty
        };
        let xv = self.expr(x);
        self.set_pos(e.pos);
        if let TyKind::Interface(methods) = self.kind(target) {
            if !methods.is_empty() {
                return self.assert_iface(&xv, x.ty, target, comma_ok, e.pos);
            }
            let ok = self.b.ins().icmp_imm_u(IntCC::NotEqual, xv[0], 0);
            if comma_ok {
                return vec![xv[0], xv[1], ok];
            }
            let failed = self.b.ins().icmp_imm_u(IntCC::Equal, xv[0], 0);
            let want = self.cx.typedesc(target);
            let iface = self.cx.typedesc(x.ty);
            self.check(failed, |t| {
                let (w, i) = (t.data_addr(want), t.data_addr(iface));
                t.rt_noreturn(Rt::PanicDottype, &[xv[0], w, i]);
            });
            return xv;
        }
        let d = self.cx.typedesc(target);
        let want = self.data_addr(d);
        let ok = self.b.ins().icmp(IntCC::Equal, xv[0], want);
        if !comma_ok {
            let failed = self.b.ins().bxor_imm_u(ok, 1);
            let iface = self.cx.typedesc(x.ty);
            self.check(failed, |t| {
                let i = t.data_addr(iface);
                t.rt_noreturn(Rt::PanicDottype, &[xv[0], want, i]);
            });
            return self.unbox(target, xv[1]);
        }
        let l = self.layout(target);
        let (yes, join) = (self.b.create_block(), self.b.create_block());
        let params: Vec<Value> = l.scalars.iter().map(|s| self.b.append_block_param(join, s.ty)).collect();
        let zeros = self.zeros(target);
        let zargs: Vec<_> = zeros.iter().map(|v| (*v).into()).collect();
        self.b.ins().brif(ok, yes, &[], join, &zargs);
        self.b.switch_to_block(yes);
        let vals = self.unbox(target, xv[1]);
        let vargs: Vec<_> = vals.iter().map(|v| (*v).into()).collect();
        self.b.ins().jump(join, &vargs);
        self.b.switch_to_block(join);
        let mut out = params;
        out.push(ok);
        out
    }

    /// The value of type `ty` held by an interface data word.
    fn unbox(&mut self, ty: TyId, data: Value) -> Vec<Value> {
        if self.pointer_shaped(ty) {
            return vec![data];
        }
        let l = self.layout(ty);
        self.load_value(&l, data, 0)
    }

    // ---------------------------------------------------------------
    // Indexing, slicing, addresses
    // ---------------------------------------------------------------

    /// An index operand widened to `i64` (signed indices sign-extended, so
    /// that negative ones fail the unsigned bounds test).
    pub fn index_value(&mut self, i: Value, ty: TyId) -> Value {
        match self.num(ty) {
            Num::Int(it) if it.bits < 64 => self.int_to_int(i, it, IntTy { bits: 64, signed: it.signed }),
            _ => i,
        }
    }

    /// Panics with a bounds error unless `i < n` (unsigned).
    pub fn bounds_check(&mut self, i: Value, n: Value, ity: TyId, code: BoundsCode) {
        let ok = self.b.ins().icmp(IntCC::UnsignedLessThan, i, n);
        let signed = self.is_signed(ity);
        self.bounds_fail_unless(ok, i, n, signed, code);
    }

    /// Whether every value of index type `ty` is below `n` (a byte indexing
    /// a 256-element table needs no bounds check).
    pub fn index_type_fits(&self, ty: TyId, n: u64) -> bool {
        matches!(self.num(ty), Num::Int(IntTy { signed: false, bits }) if bits < 64 && n >= 1u64 << bits)
    }

    fn is_signed(&self, ty: TyId) -> bool {
        matches!(self.num(ty), Num::Int(IntTy { signed: true, .. }))
    }

    /// Panics with bounds error `code` (about `x`, signed or not, and `y`)
    /// unless `ok`. `x` and `y` reach the runtime through a stack slot
    /// (see `runtime::panic::deft_panicbounds`).
    fn bounds_fail_unless(&mut self, ok: Value, x: Value, y: Value, signed: bool, code: BoundsCode) {
        let code = code as i64 | if signed { runtime::errors::BOUNDS_SIGNED as i64 } else { 0 };
        self.check_unless(ok, |t| {
            let slot = match t.bounds_operands {
                Some(slot) => slot,
                None => {
                    let slot = t.slot(16, 8);
                    *t.bounds_operands.insert(slot)
                }
            };
            t.b.ins().stack_store(types::I64, x, slot, 0);
            t.b.ins().stack_store(types::I64, y, slot, 8);
            let operands = t.b.ins().stack_addr(types::I64, slot, 0);
            let c = t.iconst(types::I64, code);
            t.rt_noreturn(Rt::PanicBounds, &[operands, c]);
        });
    }

    fn index(&mut self, x: &'p Expr, i: &'p Expr, e: &Expr) -> Vec<Value> {
        let xv = self.expr(x);
        let iv = self.expr(i)[0];
        self.set_pos(e.pos);
        let i64v = self.index_value(iv, i.ty);
        let proven = self.in_bounds.expr(e);
        match self.kind(x.ty).clone() {
            TyKind::String => {
                if !proven {
                    self.bounds_check(i64v, xv[1], i.ty, BoundsCode::Index);
                }
                let addr = self.b.ins().iadd(xv[0], i64v);
                vec![self.b.ins().load(types::I8, flags(), addr, 0)]
            }
            TyKind::Slice(et) => {
                if !proven {
                    self.bounds_check(i64v, xv[1], i.ty, BoundsCode::Index);
                }
                let el = self.layout(et);
                let off = self.b.ins().imul_imm_s(i64v, el.size as i64);
                let addr = self.b.ins().iadd(xv[0], off);
                self.load_value(&el, addr, 0)
            }
            TyKind::Array(n, et) => {
                if !proven && !self.index_type_fits(i.ty, n) {
                    let len = self.iconst(types::I64, n as i64);
                    self.bounds_check(i64v, len, i.ty, BoundsCode::Index);
                }
                let al = self.layout(x.ty);
                // A big array value is already in (temporary) memory.
                let base = if al.too_big {
                    xv[0]
                } else {
                    let slot = self.slot(al.size, al.align);
                    let base = self.b.ins().stack_addr(types::I64, slot, 0);
                    self.store_value(&al, &xv, base, 0);
                    base
                };
                let el = self.layout(et);
                let off = self.b.ins().imul_imm_s(i64v, el.size as i64);
                let addr = self.b.ins().iadd(base, off);
                self.view_value(&el, addr, 0)
            }
            _ => {
                self.unsupported(e.pos, "indexing this type");
                self.zeros(e.ty)
            }
        }
    }

    fn slice_expr(
        &mut self,
        x: &'p Expr,
        lo: Option<&'p Expr>,
        hi: Option<&'p Expr>,
        max: Option<&'p Expr>,
        e: &Expr,
    ) -> Vec<Value> {
        let xv = self.expr(x);
        let bound = |t: &mut Self, b: Option<&'p Expr>| {
            b.map(|b| {
                let v = t.expr(b)[0];
                (t.index_value(v, b.ty), t.is_signed(b.ty))
            })
        };
        let (lov, hiv, maxv) = (bound(self, lo), bound(self, hi), bound(self, max));
        self.set_pos(e.pos);
        let (ptr, len, cap, elem_size) = match self.kind(x.ty).clone() {
            TyKind::String => (xv[0], xv[1], xv[1], 1),
            TyKind::Slice(et) => (xv[0], xv[1], xv[2], self.layout(et).size),
            TyKind::Pointer(at) => {
                let TyKind::Array(n, et) = *self.kind(at) else {
                    self.ice(e.pos, "slicing a pointer to a non-array");
                    return self.zeros(e.ty);
                };
                self.nil_check(xv[0]);
                let n = self.iconst(types::I64, n as i64);
                (xv[0], n, n, self.layout(et).size)
            }
            _ => {
                self.ice(e.pos, "slicing a type that cannot be sliced");
                return self.zeros(e.ty);
            }
        };
        let zero = self.iconst(types::I64, 0);
        let (lo_v, lo_t) = lov.unwrap_or((zero, true));
        let (hi_v, hi_t) = hiv.unwrap_or((len, true));
        let three = maxv.is_some();
        let (max_v, max_t) = maxv.unwrap_or((cap, true));
        let is_string = matches!(self.kind(x.ty), TyKind::String);
        // gc words the bound of a string or an array as its length.
        let by_len = !matches!(self.kind(x.ty), TyKind::Slice(_));
        // Checks in gc's order: the rightmost bound against the capacity first.
        if three {
            let ok = self.b.ins().icmp(IntCC::UnsignedLessThanOrEqual, max_v, cap);
            let code = if by_len { BoundsCode::Slice3Alen } else { BoundsCode::Slice3Acap };
            self.bounds_fail_unless(ok, max_v, cap, max_t, code);
            let ok = self.b.ins().icmp(IntCC::UnsignedLessThanOrEqual, hi_v, max_v);
            self.bounds_fail_unless(ok, hi_v, max_v, hi_t, BoundsCode::Slice3B);
            let ok = self.b.ins().icmp(IntCC::UnsignedLessThanOrEqual, lo_v, hi_v);
            self.bounds_fail_unless(ok, lo_v, hi_v, lo_t, BoundsCode::Slice3C);
        } else {
            if hi.is_some() {
                let (limit, code) = if by_len { (len, BoundsCode::SliceAlen) } else { (cap, BoundsCode::SliceAcap) };
                let ok = self.b.ins().icmp(IntCC::UnsignedLessThanOrEqual, hi_v, limit);
                self.bounds_fail_unless(ok, hi_v, limit, hi_t, code);
            }
            if lo.is_some() {
                let ok = self.b.ins().icmp(IntCC::UnsignedLessThanOrEqual, lo_v, hi_v);
                self.bounds_fail_unless(ok, lo_v, hi_v, lo_t, BoundsCode::SliceB);
            }
        }
        let new_len = self.b.ins().isub(hi_v, lo_v);
        let new_cap = self.b.ins().isub(max_v, lo_v);
        // Never point past the end of the backing array (gc does the same).
        let off = self.b.ins().imul_imm_s(lo_v, elem_size as i64);
        let moved = self.b.ins().iadd(ptr, off);
        let empty = self.b.ins().icmp_imm_s(IntCC::Equal, if is_string { new_len } else { new_cap }, 0);
        let new_ptr = self.b.ins().select(empty, ptr, moved);
        if is_string { vec![new_ptr, new_len] } else { vec![new_ptr, new_len, new_cap] }
    }

    /// The length of an array type or of the array a pointer type points to.
    fn array_len(&self, ty: TyId) -> Option<u64> {
        match *self.kind(ty) {
            TyKind::Array(n, _) => Some(n),
            TyKind::Pointer(at) => match *self.kind(at) {
                TyKind::Array(n, _) => Some(n),
                _ => None,
            },
            _ => None,
        }
    }

    fn addr_of(&mut self, p: &'p lower::ir::Place, e: &Expr) -> Vec<Value> {
        if let lower::ir::Place::Local(l) = p {
            return match self.cell_addr(*l) {
                Some(c) => vec![c],
                None => {
                    self.ice(e.pos, "address of a non-heap local");
                    self.zeros(e.ty)
                }
            };
        }
        let loc = self.place(p);
        match self.loc_addr(&loc) {
            Some(a) => vec![a],
            None => {
                self.unsupported(e.pos, "taking the address of this place");
                self.zeros(e.ty)
            }
        }
    }

    fn decode_rune(&mut self, ptr: Value, len: Value, i: Value) -> Vec<Value> {
        let addr = self.b.ins().iadd(ptr, i);
        let byte = self.b.ins().uload8(types::I32, flags(), addr, 0);
        let ascii = self.b.ins().icmp_imm_u(IntCC::UnsignedLessThan, byte, 0x80);
        let (slow, join) = (self.b.create_block(), self.b.create_block());
        let r = self.b.append_block_param(join, types::I32);
        let next = self.b.append_block_param(join, types::I64);
        let i1 = self.b.ins().iadd_imm_s(i, 1);
        self.b.ins().brif(ascii, join, &[byte.into(), i1.into()], slow, &[]);
        self.b.switch_to_block(slow);
        self.b.set_cold_block(slow);
        let res = self.rt_call(Rt::DecodeRune, &[ptr, len, i]);
        let r32 = self.b.ins().ireduce(types::I32, res[0]);
        self.b.ins().jump(join, &[r32.into(), res[1].into()]);
        self.b.switch_to_block(join);
        vec![r, next]
    }
}

fn int_ty(bits: u8) -> Type {
    Type::int(bits as u16).unwrap_or(types::I64)
}

fn float_ty(bits: u8) -> Type {
    if bits == 32 { types::F32 } else { types::F64 }
}

fn int_cc(op: BinOp, signed: bool) -> IntCC {
    match (op, signed) {
        (BinOp::Eq, _) => IntCC::Equal,
        (BinOp::Ne, _) => IntCC::NotEqual,
        (BinOp::Lt, true) => IntCC::SignedLessThan,
        (BinOp::Le, true) => IntCC::SignedLessThanOrEqual,
        (BinOp::Gt, true) => IntCC::SignedGreaterThan,
        (BinOp::Ge, true) => IntCC::SignedGreaterThanOrEqual,
        (BinOp::Lt, false) => IntCC::UnsignedLessThan,
        (BinOp::Le, false) => IntCC::UnsignedLessThanOrEqual,
        (BinOp::Gt, false) => IntCC::UnsignedGreaterThan,
        _ => IntCC::UnsignedGreaterThanOrEqual,
    }
}

pub(crate) fn float_cc(op: BinOp) -> FloatCC {
    match op {
        BinOp::Eq => FloatCC::Equal,
        BinOp::Ne => FloatCC::NotEqual,
        BinOp::Lt => FloatCC::LessThan,
        BinOp::Le => FloatCC::LessThanOrEqual,
        BinOp::Gt => FloatCC::GreaterThan,
        _ => FloatCC::GreaterThanOrEqual,
    }
}

impl<'a, 'p> FnTx<'a, 'p> {
    /// A composite literal of a big type: its parts stored into a fresh
    /// temporary.
    fn big_composite(&mut self, vals: &'p [Expr], e: &'p Expr) -> Vec<Value> {
        let l = self.layout(e.ty);
        let tmp = self.big_temp(l.size);
        // Parts are evaluated first (they may read what the literal is
        // assigned to); then stored.
        let parts: Vec<Vec<Value>> = vals.iter().map(|v| self.expr(v)).collect();
        match self.kind(e.ty).clone() {
            TyKind::Struct(fields) => {
                for (i, p) in parts.iter().enumerate() {
                    let Some((_, fty, _)) = fields.get(i) else { break };
                    let fl = self.layout(*fty);
                    self.store_value(&fl, p, tmp, l.fields[i].0 as i32);
                }
            }
            TyKind::Array(_, et) => {
                let el = self.layout(et);
                for (i, p) in parts.iter().enumerate() {
                    self.store_value(&el, p, tmp, (i as u32 * el.size) as i32);
                }
            }
            _ => self.ice(e.pos, "big composite literal of a non-aggregate type"),
        }
        vec![tmp]
    }

    /// `x == y` for big arrays and structs, given the addresses of their
    /// (temporary) values.
    fn big_equal(&mut self, ty: TyId, xa: Value, ya: Value, x: &Expr, y: &Expr) -> Value {
        match self.kind(ty).clone() {
            TyKind::Struct(fields) => {
                let l = self.layout(ty);
                let mut acc = self.iconst(types::I8, 1);
                for (i, fty) in compared_fields(&fields) {
                    let fl = self.layout(fty);
                    if fl.size == 0 {
                        continue;
                    }
                    let off = l.fields[i].0 as i32;
                    let xv = self.view_value(&fl, xa, off);
                    let yv = self.view_value(&fl, ya, off);
                    let eq = self.equal(fty, &xv, &yv, x, y);
                    acc = self.b.ins().band(acc, eq);
                }
                acc
            }
            TyKind::Array(n, et) => {
                // A loop over the elements, stopping at the first difference.
                let el = self.layout(et);
                let (head, body, exit) = (self.b.create_block(), self.b.create_block(), self.b.create_block());
                let k = self.b.append_block_param(head, types::I64);
                let r = self.b.append_block_param(exit, types::I8);
                let zero = self.iconst(types::I64, 0);
                self.b.ins().jump(head, &[zero.into()]);
                self.b.switch_to_block(head);
                // The exit first, so that Cranelift lays the body out after
                // the test (see `FnTx::branch`).
                let done = self.b.ins().icmp_imm_u(IntCC::UnsignedGreaterThanOrEqual, k, n as i64);
                let yes = self.iconst(types::I8, 1);
                self.b.ins().brif(done, exit, &[yes.into()], body, &[]);
                self.b.switch_to_block(body);
                let off = self.b.ins().imul_imm_s(k, el.size as i64);
                let xe = self.b.ins().iadd(xa, off);
                let ye = self.b.ins().iadd(ya, off);
                let xv = self.view_value(&el, xe, 0);
                let yv = self.view_value(&el, ye, 0);
                let eq = self.equal(et, &xv, &yv, x, y);
                let next = self.b.ins().iadd_imm_s(k, 1);
                let no = self.iconst(types::I8, 0);
                self.b.ins().brif(eq, head, &[next.into()], exit, &[no.into()]);
                self.b.switch_to_block(exit);
                r
            }
            _ => self.b.ins().icmp(IntCC::Equal, xa, ya),
        }
    }
}
