//! The slice builtins: `make([]T, ...)`, `append`, `copy`.
//!
//! Allocation and growth happen in the runtime (`deft_makeslice`,
//! `deft_growslice`, which compute gc's capacities); a size out of range
//! comes back as a code that generated code raises with
//! `deft_panicalloc`, so the panic starts in the Go frame, with the
//! position of the builtin call. `append` stays inline while the capacity
//! suffices: it then writes into the shared backing array, as Go requires.

use cranelift_codegen::ir::{InstBuilder, Value, condcodes::IntCC, types};
use lower::ir::{Expr, TyId, TyKind};
use runtime::slices::AllocError;

use crate::func::FnTx;
use crate::layout::Layout;
use crate::runtime_symbols::Rt;

impl<'a, 'p> FnTx<'a, 'p> {
    /// The layout of the elements of slice type `ty`.
    fn elem_layout(&mut self, ty: TyId, e: &Expr) -> Layout {
        match *self.kind(ty) {
            TyKind::Slice(et) => self.layout(et),
            _ => {
                self.ice(e.pos, "slice builtin on a non-slice type");
                Layout::default()
            }
        }
    }

    /// An integer operand of `make` widened to 64 bits.
    fn size_operand(&mut self, x: &'p Expr) -> Value {
        let v = self.expr(x)[0];
        self.index_value(v, x.ty)
    }

    /// `make([]T, len, cap)` (`cap` defaults to `len`).
    pub fn make_slice(&mut self, len: &'p Expr, cap: Option<&'p Expr>, e: &Expr) -> Vec<Value> {
        let el = self.elem_layout(e.ty, e);
        let len = self.size_operand(len);
        let cap = match cap {
            Some(c) => self.size_operand(c),
            None => len,
        };
        self.set_pos(e.pos);
        let size = self.iconst(types::I64, el.size as i64);
        let noscan = if el.has_ptr { 0 } else { runtime::alloc::NOSCAN as i64 };
        let align = self.iconst(types::I64, el.align.max(1) as i64 | noscan);
        let made = self.rt_call(Rt::MakeSlice, &[size, align, len, cap]);
        let failed = self.b.ins().icmp_imm_u(IntCC::NotEqual, made[1], 0);
        self.check(failed, |t| t.rt_noreturn(Rt::PanicAlloc, &[made[1]]));
        vec![made[0], len, cap]
    }

    /// `append(s, v1, v2, ...)`.
    pub fn append(&mut self, s: &'p Expr, vals: &'p [Expr], e: &Expr) -> Vec<Value> {
        let el = self.elem_layout(e.ty, e);
        let sv = self.expr(s);
        let parts: Vec<Vec<Value>> = vals.iter().map(|v| self.expr(v)).collect();
        self.set_pos(e.pos);
        let n = self.iconst(types::I64, parts.len() as i64);
        let out = self.reserve(&sv, n, &el);
        let end = self.elem_addr(out[0], sv[1], &el);
        for (i, p) in parts.iter().enumerate() {
            self.store_value(&el, p, end, (i as u32 * el.size) as i32);
        }
        out.to_vec()
    }

    /// `append(s, t...)`; `t` may be a string (appended to a `[]byte`) and
    /// may overlap `s`.
    pub fn append_slice(&mut self, s: &'p Expr, t: &'p Expr, e: &Expr) -> Vec<Value> {
        let el = self.elem_layout(e.ty, e);
        let sv = self.expr(s);
        let tv = self.expr(t);
        self.set_pos(e.pos);
        let out = self.reserve(&sv, tv[1], &el);
        let end = self.elem_addr(out[0], sv[1], &el);
        let bytes = self.b.ins().imul_imm_s(tv[1], el.size as i64);
        self.rt_call(Rt::MemMove, &[end, tv[0], bytes]);
        out.to_vec()
    }

    /// `copy(dst, src)`: moves the smaller length's worth of elements.
    pub fn copy_slice(&mut self, dst: &'p Expr, src: &'p Expr) -> Vec<Value> {
        let el = self.elem_layout(dst.ty, dst);
        let dv = self.expr(dst);
        let sv = self.expr(src);
        let n = self.b.ins().umin(dv[1], sv[1]);
        let bytes = self.b.ins().imul_imm_s(n, el.size as i64);
        self.rt_call(Rt::MemMove, &[dv[0], sv[0], bytes]);
        vec![n]
    }

    /// `clear(x)` of a map (the runtime deletes every entry) or a slice
    /// (its elements up to the length are zeroed).
    pub fn clear(&mut self, x: &'p Expr, e: &Expr) {
        let v = self.expr(x);
        self.set_pos(e.pos);
        if matches!(self.kind(x.ty), TyKind::Map(..)) {
            self.rt_call(Rt::MapClear, &[v[0]]);
            return;
        }
        let el = self.elem_layout(x.ty, x);
        let bytes = self.b.ins().imul_imm_s(v[1], el.size as i64);
        self.rt_call(Rt::MemClr, &[v[0], bytes]);
    }

    /// `unsafe.Slice(ptr, len)` or `unsafe.String(ptr, len)` (by the type
    /// of `e`): the runtime checks `len` against `ptr` as gc does, and the
    /// result is `ptr` with that length (and capacity).
    pub fn from_pointer(&mut self, p: &'p Expr, n: &'p Expr, e: &Expr) -> Vec<Value> {
        let ptr = self.expr(p)[0];
        let len = self.size_operand(n);
        self.set_pos(e.pos);
        let (size, is_string) = match *self.kind(e.ty) {
            TyKind::Slice(et) => (self.layout(et).size, false),
            _ => (1, true),
        };
        let size = self.iconst(types::I64, size as i64);
        let string = self.iconst(types::I8, is_string as i64);
        let code = self.rt_call(Rt::UnsafeSliceCheck, &[ptr, len, size, string])[0];
        let failed = self.b.ins().icmp_imm_u(IntCC::NotEqual, code, 0);
        self.check(failed, |t| t.rt_noreturn(Rt::PanicAlloc, &[code]));
        if is_string { vec![ptr, len] } else { vec![ptr, len, len] }
    }

    /// Room for `n` more elements after slice `s` (pointer, length,
    /// capacity): the slice's array when its capacity suffices, otherwise a
    /// grown copy. Returns the result slice (pointer, new length, capacity).
    fn reserve(&mut self, s: &[Value], n: Value, el: &Layout) -> [Value; 3] {
        let new_len = self.b.ins().iadd(s[1], n);
        let needs_growth = self.b.ins().icmp(IntCC::UnsignedGreaterThan, new_len, s[2]);
        let (grow, join) = (self.b.create_block(), self.b.create_block());
        let ptr = self.b.append_block_param(join, types::I64);
        let cap = self.b.append_block_param(join, types::I64);
        self.b.ins().brif(needs_growth, grow, &[], join, &[s[0].into(), s[2].into()]);
        self.b.switch_to_block(grow);
        self.b.set_cold_block(grow);
        let size = self.iconst(types::I64, el.size as i64);
        let noscan = if el.has_ptr { 0 } else { runtime::alloc::NOSCAN as i64 };
        let align = self.iconst(types::I64, el.align.max(1) as i64 | noscan);
        let grown = self.rt_call(Rt::GrowSlice, &[s[0], s[1], s[2], new_len, size, align]);
        let failed = self.b.ins().icmp_imm_u(IntCC::Equal, grown[0], 0);
        self.check(failed, |t| {
            let code = t.iconst(types::I64, AllocError::GrowSliceLen as i64);
            t.rt_noreturn(Rt::PanicAlloc, &[code]);
        });
        self.b.ins().jump(join, &[grown[0].into(), grown[1].into()]);
        self.b.switch_to_block(join);
        [ptr, new_len, cap]
    }

    /// The address of element `i` of the array at `ptr`.
    fn elem_addr(&mut self, ptr: Value, i: Value, el: &Layout) -> Value {
        let off = self.b.ins().imul_imm_s(i, el.size as i64);
        self.b.ins().iadd(ptr, off)
    }
}
