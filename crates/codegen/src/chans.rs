//! Goroutines and channels: `go` statements, channel operations and
//! `select`, through the runtime's scheduler (`runtime::sched`) and
//! channels (`runtime::chan`). A channel value is one pointer (null for
//! nil).
//!
//! Elements cross the runtime by address: a send spills the value into a
//! buffer of the frame (or the heap, for a huge element), a receive gets
//! it in one and loads it from there. A `go` statement saves the callee
//! and arguments in a heap record exactly as a heap-allocated defer does,
//! and the new goroutine makes the call through the same kind of thunk.

use cranelift_codegen::ir::{InstBuilder, Value, condcodes::IntCC, types};
use lower::ir::{Call, ChanOp, Expr, SelectCase, SelectDir, Stmt, TyId, TyKind};
use runtime::chan::Scase;

use crate::func::{FnTx, flags};
use crate::layout::Layout;
use crate::runtime_symbols::Rt;

/// `Scase::kind` of a receive and of a send.
const SCASE_RECV: i64 = 0;
const SCASE_SEND: i64 = 1;

impl<'a, 'p> FnTx<'a, 'p> {
    /// The element type of channel type `ty`.
    fn chan_elem(&self, ty: TyId) -> TyId {
        match self.kind(ty) {
            TyKind::Chan(e) => *e,
            _ => ty,
        }
    }

    /// A buffer for one element of channel type `chan`: its address, and
    /// the element's layout.
    fn elem_buffer(&mut self, chan: TyId) -> (Value, Layout) {
        let l = self.layout(self.chan_elem(chan));
        (self.big_temp(l.size.max(1)), l)
    }

    /// An [`lower::ir::ExprKind::Chan`] operation of type `ty`.
    pub fn chan_op(&mut self, op: ChanOp, args: &'p [Expr], ty: TyId, pos: syntax::Pos) -> Vec<Value> {
        if op == ChanOp::Make {
            return vec![self.make_chan(args.first(), ty)];
        }
        let Some(c) = args.first() else {
            self.ice(pos, "channel operation without a channel");
            return self.zeros(ty);
        };
        let cv = self.expr(c)[0];
        match op {
            ChanOp::Send => {
                let v = args.get(1).map(|v| self.expr(v)).unwrap_or_default();
                let (buf, l) = self.elem_buffer(c.ty);
                self.store_value(&l, &v, buf, 0);
                self.set_pos(pos);
                self.rt_call(Rt::ChanSend, &[cv, buf]);
                Vec::new()
            }
            ChanOp::Recv | ChanOp::RecvOk => {
                let (buf, l) = self.elem_buffer(c.ty);
                self.set_pos(pos);
                let ok = self.rt_call(Rt::ChanRecv, &[cv, buf])[0];
                let mut vals = self.load_value(&l, buf, 0);
                if op == ChanOp::RecvOk {
                    vals.push(ok);
                }
                vals
            }
            ChanOp::Close => {
                self.set_pos(pos);
                self.rt_call(Rt::CloseChan, &[cv]);
                Vec::new()
            }
            ChanOp::Make => unreachable!("handled above"),
        }
    }

    /// `make(chan T[, n])` of channel type `ty`.
    fn make_chan(&mut self, size: Option<&'p Expr>, ty: TyId) -> Value {
        let n = match size {
            Some(s) => {
                let v = self.expr(s)[0];
                self.index_value(v, s.ty)
            }
            None => self.iconst(types::I64, 0),
        };
        let l = self.layout(self.chan_elem(ty));
        let size = self.iconst(types::I64, l.size as i64);
        let noscan = self.iconst(types::I64, !l.has_ptr as i64);
        self.rt_call(Rt::MakeChan, &[size, n, noscan])[0]
    }

    /// `len(c)` (`is_len`) or `cap(c)` of a channel value.
    pub fn chan_len_cap(&mut self, c: Value, is_len: bool) -> Value {
        self.rt_call(if is_len { Rt::ChanLen } else { Rt::ChanCap }, &[c])[0]
    }

    /// `go call`: the callee and arguments are saved in a heap record that
    /// the new goroutine's thunk reads.
    pub fn go_stmt(&mut self, call: &'p Call) {
        let words = self.saved_call_words(call);
        let spec = crate::defers::thunk_spec(self, call);
        let thunk = self.cx.thunk(spec);
        let rec = self.alloc((8 * words.len()).max(8) as u32, 8, false);
        for (k, w) in words.iter().enumerate() {
            self.b.ins().store(flags(), *w, rec, 8 * k as i32);
        }
        let tr = self.func_ref(thunk);
        let code = self.b.ins().func_addr(types::I64, tr);
        self.rt_call(Rt::NewProc, &[code, rec]);
    }

    /// `select`: fills a [`Scase`] per case, lets the runtime choose, then
    /// runs the chosen case (after storing what it received) or `default`.
    pub fn select_stmt(&mut self, cases: &'p [SelectCase], default: Option<&'p [Stmt]>) {
        let size = std::mem::size_of::<Scase>();
        let table = self.slot((size * cases.len()).max(8) as u32, 8);
        let base = self.b.ins().stack_addr(types::I64, table, 0);
        let mut bufs = Vec::with_capacity(cases.len());
        for (i, c) in cases.iter().enumerate() {
            let chan_ty = self.local_ty(c.chan);
            let ch = self.read_local(c.chan)[0];
            let (buf, l) = self.elem_buffer(chan_ty);
            let kind = match &c.dir {
                SelectDir::Send(v) => {
                    let vals = self.read_local(*v);
                    self.store_value(&l, &vals, buf, 0);
                    SCASE_SEND
                }
                SelectDir::Recv { .. } => SCASE_RECV,
            };
            let kind = self.iconst(types::I64, kind);
            let at = (i * size) as i32;
            self.b.ins().store(flags(), ch, base, at + std::mem::offset_of!(Scase, c) as i32);
            self.b.ins().store(flags(), buf, base, at + std::mem::offset_of!(Scase, elem) as i32);
            self.b.ins().store(flags(), kind, base, at + std::mem::offset_of!(Scase, kind) as i32);
            bufs.push((buf, l));
        }
        let ok_slot = self.slot(1, 1);
        let ok_addr = self.b.ins().stack_addr(types::I64, ok_slot, 0);
        let n = self.iconst(types::I64, cases.len() as i64);
        let block = self.iconst(types::I64, default.is_none() as i64);
        let chosen = self.rt_call(Rt::Select, &[base, n, block, ok_addr])[0];
        let join = self.b.create_block();
        for (i, (c, (buf, l))) in cases.iter().zip(bufs).enumerate() {
            let (run, next) = (self.b.create_block(), self.b.create_block());
            let is = self.b.ins().icmp_imm_u(IntCC::Equal, chosen, i as i64);
            self.b.ins().brif(is, run, &[], next, &[]);
            self.b.switch_to_block(run);
            if let SelectDir::Recv { value, ok } = &c.dir {
                if let Some(v) = value {
                    let vals = self.load_value(&l, buf, 0);
                    self.write_local(*v, &vals);
                }
                if let Some(ok) = ok {
                    let flag = self.b.ins().load(types::I8, flags(), ok_addr, 0);
                    self.write_local(*ok, &[flag]);
                }
            }
            self.stmts(&c.body);
            self.b.ins().jump(join, &[]);
            self.b.switch_to_block(next);
        }
        if let Some(d) = default {
            self.stmts(d);
        }
        self.b.ins().jump(join, &[]);
        self.b.switch_to_block(join);
    }
}
