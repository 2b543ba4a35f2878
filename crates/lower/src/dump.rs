//! The IR as text, for tests and `deft run --dump-ir`.
//!
//! One function after another; statements one per line, indented by two
//! spaces per level; expressions on one line. Locals print as `name#id`,
//! globals and functions by their Go names, constants as `value:type`.
//! Statements inside an expression's `Seq` print inline, separated by `;`.
//! The format is for people and snapshot tests: it may change, nothing
//! parses it.

use std::fmt::Write;

use crate::ir::*;

/// Renders the whole program.
pub fn dump(p: &Program) -> String {
    let mut out = String::new();
    for (i, g) in p.globals.iter().enumerate() {
        let _ = writeln!(out, "global g{i} {} {}", g.name, p.types[g.ty.0 as usize].name);
    }
    for (i, f) in p.funcs.iter().enumerate() {
        if p.not_lowered.contains(&FuncId(i as u32)) {
            continue;
        }
        let mark = if FuncId(i as u32) == p.init {
            " (init)"
        } else if Some(FuncId(i as u32)) == p.main {
            " (main)"
        } else {
            ""
        };
        Printer { p, f, out: &mut out }.func(mark);
    }
    out
}

struct Printer<'a> {
    p: &'a Program,
    f: &'a Func,
    out: &'a mut String,
}

impl Printer<'_> {
    fn ty(&self, t: TyId) -> &str {
        self.p.types.get(t.0 as usize).map_or("?", |d| d.name.as_str())
    }

    fn local(&self, l: LocalId) -> String {
        let name = self.f.locals.get(l.0 as usize).map_or("?", |x| x.name.as_str());
        format!("{name}#{}", l.0)
    }

    fn func_name(&self, id: FuncId) -> &str {
        self.p.funcs.get(id.0 as usize).map_or("?", |f| f.name.as_str())
    }

    fn decl_list(&self, ls: &[LocalId]) -> String {
        ls.iter()
            .map(|&l| format!("{} {}", self.local(l), self.ty(self.f.locals[l.0 as usize].ty)))
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn func(&mut self, mark: &str) {
        let f = self.f;
        let head = format!("func {}({}) ({}){mark}", f.name, self.decl_list(&f.params), self.decl_list(&f.results));
        let _ = writeln!(self.out, "{head}");
        if !f.captures.is_empty() {
            let c = self.decl_list(&f.captures);
            let _ = writeln!(self.out, "  captures {c}");
        }
        let heap: Vec<String> =
            f.locals.iter().enumerate().filter(|(_, l)| l.heap).map(|(i, _)| self.local(LocalId(i as u32))).collect();
        if !heap.is_empty() {
            let _ = writeln!(self.out, "  heap {}", heap.join(", "));
        }
        for (i, d) in f.defers.iter().enumerate() {
            let _ = writeln!(self.out, "  defer #{i} {}:{} {}", d.pos.line, d.pos.col, d.kind.describe());
        }
        self.block(&f.body, 1);
    }

    fn line(&mut self, depth: usize, text: &str) {
        let _ = writeln!(self.out, "{}{text}", "  ".repeat(depth));
    }

    fn block(&mut self, list: &[Stmt], depth: usize) {
        for s in list {
            self.stmt(s, depth);
        }
    }

    fn stmt(&mut self, s: &Stmt, depth: usize) {
        match s {
            Stmt::If { cond, then, els } => {
                let c = self.expr(cond);
                self.line(depth, &format!("if {c} {{"));
                self.block(then, depth + 1);
                if !els.is_empty() {
                    self.line(depth, "} else {");
                    self.block(els, depth + 1);
                }
                self.line(depth, "}");
            }
            Stmt::Loop { id, cond, body, post } => {
                let c = cond.as_ref().map_or(String::new(), |c| format!(" while {}", self.expr(c)));
                self.line(depth, &format!("loop s{}{c} {{", id.0));
                self.block(body, depth + 1);
                if !post.is_empty() {
                    self.line(depth, "} post {");
                    self.block(post, depth + 1);
                }
                self.line(depth, "}");
            }
            Stmt::Block { id, body } => {
                self.line(depth, &format!("block s{} {{", id.0));
                self.block(body, depth + 1);
                self.line(depth, "}");
            }
            Stmt::TypeSwitch { x, cases, arms, miss } => {
                self.line(depth, &format!("typeswitch {} {{", self.expr(x)));
                for (k, arm) in arms.iter().enumerate() {
                    let tys: Vec<&str> =
                        cases.iter().filter(|c| c.1 == k).map(|c| c.0.map_or("nil", |t| self.ty(t))).collect();
                    self.line(depth, &format!("case {}:", tys.join(", ")));
                    self.block(arm, depth + 1);
                }
                self.line(depth, "miss:");
                self.block(miss, depth + 1);
                self.line(depth, "}");
            }
            Stmt::Select { cases, default } => {
                self.line(depth, "select {");
                for c in cases {
                    let comm = match &c.dir {
                        SelectDir::Send(v) => format!("{} <- {}", self.local(c.chan), self.local(*v)),
                        SelectDir::Recv { value, ok } => {
                            let to = |l: &Option<LocalId>| l.map_or("_".into(), |l| self.local(l));
                            format!("{}, {} = <-{}", to(value), to(ok), self.local(c.chan))
                        }
                    };
                    self.line(depth, &format!("case {comm}:"));
                    self.block(&c.body, depth + 1);
                }
                if let Some(d) = default {
                    self.line(depth, "default:");
                    self.block(d, depth + 1);
                }
                self.line(depth, "}");
            }
            other => {
                let t = self.simple(other);
                self.line(depth, &t);
            }
        }
    }

    /// A statement on one line (compound statements inside a `Seq` are
    /// printed flat).
    fn simple(&self, s: &Stmt) -> String {
        match s {
            Stmt::Decl(l) => format!("decl {}", self.local(*l)),
            Stmt::Eval(e) => self.expr(e),
            Stmt::Assign(p, e) => format!("{} = {}", self.place(p), self.expr(e)),
            Stmt::AssignMulti(ps, e) => {
                let ps: Vec<String> = ps.iter().map(|p| p.as_ref().map_or("_".into(), |p| self.place(p))).collect();
                format!("{} = {}", ps.join(", "), self.expr(e))
            }
            Stmt::Break(id) => format!("break s{}", id.0),
            Stmt::Continue(id) => format!("continue s{}", id.0),
            Stmt::Label(l) => format!("label L{}:", l.0),
            Stmt::Goto(l) => format!("goto L{}", l.0),
            Stmt::Return(_) => "return".into(),
            Stmt::Defer { site, call } => format!("defer #{site} {}", self.call(call)),
            Stmt::Go(call) => format!("go {}", self.call(call)),
            Stmt::If { cond, then, els } => {
                format!("if {} {{ {} }} else {{ {} }}", self.expr(cond), self.inline(then), self.inline(els))
            }
            Stmt::Loop { id, .. } | Stmt::Block { id, .. } => format!("<compound s{}>", id.0),
            Stmt::Select { .. } => "<select>".into(),
            Stmt::TypeSwitch { .. } => "<typeswitch>".into(),
        }
    }

    fn inline(&self, list: &[Stmt]) -> String {
        list.iter().map(|s| self.simple(s)).collect::<Vec<_>>().join("; ")
    }

    fn place(&self, p: &Place) -> String {
        match p {
            Place::Local(l) => self.local(*l),
            Place::Global(g) => self.p.globals.get(g.0 as usize).map_or("?".into(), |g| g.name.clone()),
            Place::Deref(e) => format!("*{}", self.expr(e)),
            Place::Field(b, i) => format!("{}.{i}", self.place(b)),
            Place::ArrayIndex(b, i) => format!("{}[{}]", self.place(b), self.expr(i)),
            Place::SliceIndex(s, i) => format!("{}[{}]", self.expr(s), self.expr(i)),
            Place::MapIndex(m, k) => format!("map {}[{}]", self.expr(m), self.expr(k)),
        }
    }

    fn call(&self, c: &Call) -> String {
        let callee = match &c.callee {
            Callee::Func(f) => self.func_name(*f).to_string(),
            Callee::Value(e) => format!("({})", self.expr(e)),
            Callee::Interface(e, i) => format!("({}).method{i}", self.expr(e)),
        };
        format!("call {callee}({})", self.list(&c.args))
    }

    fn list(&self, es: &[Expr]) -> String {
        es.iter().map(|e| self.expr(e)).collect::<Vec<_>>().join(", ")
    }

    fn constant(&self, c: &Const, t: TyId) -> String {
        let v = match c {
            Const::Bool(b) => return b.to_string(),
            Const::Int(bits) => match self.p.types.get(t.0 as usize).map(|d| &d.kind) {
                Some(TyKind::Int(IntTy { bits: w, signed: true })) => {
                    let shift = 64 - u32::from(*w);
                    (((*bits << shift) as i64) >> shift).to_string()
                }
                _ => bits.to_string(),
            },
            Const::Float(f) => format!("{f:?}"),
            Const::Complex(r, i) => format!("({r:?}+{i:?}i)"),
            Const::String(s) => return format!("{s:?}"),
            Const::Bytes(b) => return format!("b{:?}", String::from_utf8_lossy(b)),
            Const::Nil => "nil".into(),
        };
        // `int` and `float64` constants print bare; others with their type.
        match (c, self.ty(t)) {
            (Const::Int(_), "int") | (Const::Float(_), "float64") => v,
            _ => format!("{v}:{}", self.ty(t)),
        }
    }

    fn expr(&self, e: &Expr) -> String {
        match &e.kind {
            ExprKind::Const(c) => self.constant(c, e.ty),
            ExprKind::Local(l) => self.local(*l),
            ExprKind::Global(g) => self.place(&Place::Global(*g)),
            ExprKind::FuncValue(f) => format!("&{}", self.func_name(*f)),
            ExprKind::Closure { func, captures } => {
                let cs: Vec<String> = captures.iter().map(|&c| self.local(c)).collect();
                format!("closure {}[{}]", self.func_name(*func), cs.join(", "))
            }
            ExprKind::Unary(op, x) => {
                let o = match op {
                    UnOp::Neg => "-",
                    UnOp::Not => "!",
                    UnOp::BitNot => "^",
                };
                format!("{o}{}", self.expr(x))
            }
            ExprKind::Binary(op, x, y) => {
                format!("({} {} {})", self.expr(x), binop(*op), self.expr(y))
            }
            ExprKind::AndAnd(x, y) => format!("({} && {})", self.expr(x), self.expr(y)),
            ExprKind::OrOr(x, y) => format!("({} || {})", self.expr(x), self.expr(y)),
            ExprKind::Convert(x) => format!("conv<{}>({})", self.ty(e.ty), self.expr(x)),
            ExprKind::ToInterface(x) => format!("iface<{}>({})", self.ty(e.ty), self.expr(x)),
            ExprKind::Call(c) => self.call(c),
            ExprKind::Len(x) => format!("len({})", self.expr(x)),
            ExprKind::Cap(x) => format!("cap({})", self.expr(x)),
            ExprKind::MakeSlice { len, cap } => {
                let c = cap.as_ref().map_or(String::new(), |c| format!(", {}", self.expr(c)));
                format!("make<{}>({}{c})", self.ty(e.ty), self.expr(len))
            }
            ExprKind::Append(s, vs) => format!("append({}, {})", self.expr(s), self.list(vs)),
            ExprKind::AppendSlice(s, t) => format!("append({}, {}...)", self.expr(s), self.expr(t)),
            ExprKind::Copy(d, s) => format!("copy({}, {})", self.expr(d), self.expr(s)),
            ExprKind::Clear(x) => format!("clear({})", self.expr(x)),
            ExprKind::FromPointer(p, n) => {
                format!("frompointer<{}>({}, {})", self.ty(e.ty), self.expr(p), self.expr(n))
            }
            ExprKind::DataPtr(x) => format!("dataptr({})", self.expr(x)),
            ExprKind::Index(x, i) => format!("{}[{}]", self.expr(x), self.expr(i)),
            ExprKind::Slice { x, lo, hi, max } => {
                let b = |b: &Option<Box<Expr>>| b.as_ref().map_or(String::new(), |b| self.expr(b));
                let m = max.as_ref().map_or(String::new(), |m| format!(":{}", self.expr(m)));
                format!("{}[{}:{}{m}]", self.expr(x), b(lo), b(hi))
            }
            ExprKind::Load(p) => format!("load {}", self.place(p)),
            ExprKind::AddrOf(p) => format!("&{}", self.place(p)),
            ExprKind::TypeAssert { x, comma_ok } => {
                format!("{}.({}{})", self.expr(x), self.ty(e.ty), if *comma_ok { ", ok" } else { "" })
            }
            ExprKind::Composite(xs) => format!("{}{{{}}}", self.ty(e.ty), self.list(xs)),
            ExprKind::New => format!("new<{}>", self.ty(e.ty)),
            ExprKind::SliceLit(xs) => format!("{}{{{}}}", self.ty(e.ty), self.list(xs)),
            ExprKind::Recover => "recover()".into(),
            ExprKind::FramePointer => "framepointer()".into(),
            ExprKind::RecoverFor(fp) => format!("recover_for({})", self.expr(fp)),
            ExprKind::Panic(x) => format!("panic({})", self.expr(x)),
            ExprKind::PanicRangeState(x) => format!("panicrangestate({})", self.expr(x)),
            ExprKind::PanicWrap { method, .. } => format!("panicwrap({method})"),
            ExprKind::ComplexPart { x, imag } => format!("{}({})", if *imag { "imag" } else { "real" }, self.expr(x)),
            ExprKind::IfaceMethodValue(x, i) => format!("{}.method{i}", self.expr(x)),
            ExprKind::Print { args, newline } => {
                format!("{}({})", if *newline { "println" } else { "print" }, self.list(args))
            }
            ExprKind::Seq(stmts, v) => {
                format!("seq{{{}; => {}}}", self.inline(stmts), self.expr(v))
            }
            ExprKind::Zero => format!("zero<{}>", self.ty(e.ty)),
            ExprKind::DecodeRune { s, i } => {
                format!("decoderune({}, {})", self.expr(s), self.expr(i))
            }
            ExprKind::Map(op, args) => format!("map{op:?}<{}>({})", self.ty(e.ty), self.list(args)),
            ExprKind::Chan(op, args) => format!("chan{op:?}<{}>({})", self.ty(e.ty), self.list(args)),
        }
    }
}

fn binop(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mul => "*",
        BinOp::Div => "/",
        BinOp::Rem => "%",
        BinOp::And => "&",
        BinOp::Or => "|",
        BinOp::Xor => "^",
        BinOp::AndNot => "&^",
        BinOp::Shl => "<<",
        BinOp::Shr => ">>",
        BinOp::Eq => "==",
        BinOp::Ne => "!=",
        BinOp::Lt => "<",
        BinOp::Le => "<=",
        BinOp::Gt => ">",
        BinOp::Ge => ">=",
        BinOp::Min => "min",
        BinOp::Max => "max",
    }
}
