//! Statements, blocks and the headers of `if`, `for` and `switch`.
//!
//! A control clause header is parsed as gc does: simple statements
//! separated by `;`, then sorted out (a range clause, a condition, a type
//! switch guard `x := y.(type)`), with gc's messages for the common
//! mistakes (`missing condition in if statement`, `cannot use x := 0 as
//! value`, `var declaration not allowed in for initializer`, ...).

use super::Parser;
use super::expr::unparen;
use crate::ast::{BinaryOp, Block, CaseClause, CommClause, Expr, ExprKind, Ident, Stmt, StmtKind, TypeCaseClause};
use crate::lexer::SemiKind;
use crate::pos::Pos;
use crate::printer;
use crate::token::{Operator, Tok};

/// A simple statement, or one of the two forms only a header may hold.
// Short-lived and moved once; boxing the statement would cost an allocation.
#[allow(clippy::large_enum_variant)]
enum Simple {
    Stmt(Stmt),
    /// `lhs := range expr` / `lhs = range expr` / `range expr` (`for` only).
    Range {
        pos: Pos,
        lhs: Vec<Expr>,
        define: bool,
        expr: Expr,
    },
    /// `bind := x.(type)` (`switch` only); `subject` is the `x.(type)`.
    Guard {
        bind: Ident,
        subject: Expr,
    },
    /// `lhs := rhs` whose left side is not all names (an error the type
    /// checker reports, if it gets there): the statement, at `:=`, with
    /// the non-names left empty; `text` is it as gc prints it.
    BadDefine {
        stmt: Stmt,
        text: String,
    },
}

/// The condition part of a control clause header.
enum Cond {
    None,
    Expr(Expr),
    Guard { bind: Ident, subject: Expr },
}

/// A parsed control clause header.
struct Header {
    init: Option<Simple>,
    cond: Cond,
    post: Option<Simple>,
}

impl Parser<'_> {
    /// `{ stmts }`; `context` completes gc's `expected { after ...`.
    #[inline(never)]
    pub(super) fn block_stmt(&mut self, context: &str) -> Block {
        let pos = self.pos();
        if !self.got(Tok::Lbrace) {
            self.syntax_error(&format!("expected {{ after {context}"));
            self.advance(&[Tok::Name, Tok::Rbrace]);
            let end = self.pos();
            if self.got(Tok::Rbrace) {
                return Block { pos, stmts: Vec::new(), end };
            }
        }
        let stmts = self.stmt_list();
        let end = self.pos();
        self.want(Tok::Rbrace);
        Block { pos, stmts, end }
    }

    /// Statements up to `}`, `case`, `default` or EOF.
    #[inline(never)]
    fn stmt_list(&mut self) -> Vec<Stmt> {
        let mut list = Vec::new();
        while !matches!(self.tok(), Tok::Eof | Tok::Rbrace | Tok::Case | Tok::Default) {
            let Some(s) = self.stmt_or_nil() else { break };
            self.clear_pragmas();
            list.push(s);
            if !self.got(Tok::Semi) && !self.at(Tok::Rbrace) {
                self.syntax_error("at end of statement");
                self.advance(&[Tok::Semi, Tok::Rbrace, Tok::Case, Tok::Default]);
                self.got(Tok::Semi);
            }
        }
        list
    }

    /// A statement, or `None` when the current token cannot start one.
    fn stmt_or_nil(&mut self) -> Option<Stmt> {
        if !self.enter() {
            return None;
        }
        let s = self.stmt_inner();
        self.leave();
        s
    }

    #[inline(never)]
    fn stmt_inner(&mut self) -> Option<Stmt> {
        let pos = self.pos();
        if self.at(Tok::Name) {
            self.clear_pragmas();
            let lhs = self.expr_list();
            if lhs.len() == 1
                && self.at(Tok::Colon)
                && let Some(Expr { kind: ExprKind::Ident(label), .. }) = lhs.first()
            {
                let label = label.clone();
                return self.labeled_stmt(label);
            }
            let s = self.simple_stmt(Some(lhs), None);
            return Some(self.simple_into_stmt(s));
        }
        if matches!(self.tok(), Tok::Var | Tok::Const | Tok::Type) {
            return Some(self.decl_stmt());
        }
        self.clear_pragmas();
        let kind = match self.tok() {
            Tok::Lbrace => StmtKind::Block(self.block_stmt("")),
            Tok::Op(Operator::Bin(BinaryOp::Add | BinaryOp::Sub | BinaryOp::And | BinaryOp::Xor)) => {
                return Some(self.simple());
            }
            Tok::Op(Operator::Not) | Tok::Star => return Some(self.simple()),
            Tok::Lit(_)
            | Tok::Func
            | Tok::Lparen
            | Tok::Lbrack
            | Tok::Struct
            | Tok::Map
            | Tok::Chan
            | Tok::Interface
            | Tok::Arrow => return Some(self.simple()),
            Tok::For => return Some(self.for_stmt()),
            Tok::Switch => return Some(self.switch_stmt()),
            Tok::Select => return Some(self.select_stmt()),
            Tok::If => return Some(self.if_stmt()),
            Tok::Fallthrough => {
                self.next();
                StmtKind::Fallthrough
            }
            Tok::Break | Tok::Continue => {
                let is_break = self.at(Tok::Break);
                self.next();
                let label = if self.at(Tok::Name) { Some(self.name()) } else { None };
                if is_break { StmtKind::Break(label) } else { StmtKind::Continue(label) }
            }
            Tok::Go | Tok::Defer => return Some(self.call_stmt()),
            Tok::Goto => {
                self.next();
                StmtKind::Goto(self.name())
            }
            Tok::Return => {
                self.next();
                let results = if self.at(Tok::Semi) || self.at(Tok::Rbrace) { Vec::new() } else { self.expr_list() };
                StmtKind::Return(results)
            }
            Tok::Semi => StmtKind::Empty,
            _ => return None,
        };
        Some(Stmt { pos, kind })
    }

    /// A simple statement as a statement.
    #[inline(never)]
    fn simple(&mut self) -> Stmt {
        let s = self.simple_stmt(None, None);
        self.simple_into_stmt(s)
    }

    /// `label: stmt` (at `:`).
    #[inline(never)]
    fn labeled_stmt(&mut self, label: Ident) -> Option<Stmt> {
        let colon = self.pos();
        self.want(Tok::Colon);
        let pos = label.pos;
        if self.at(Tok::Rbrace) {
            // A label right before `}` labels an empty statement.
            let empty = Stmt { pos: self.pos(), kind: StmtKind::Empty };
            return Some(Stmt { pos, kind: StmtKind::Labeled { label, stmt: Box::new(empty) } });
        }
        match self.stmt_or_nil() {
            Some(s) => Some(Stmt { pos, kind: StmtKind::Labeled { label, stmt: Box::new(s) } }),
            None => {
                self.syntax_error_at(colon, "missing statement after label");
                None
            }
        }
    }

    /// A local `var`, `const` or `type` declaration.
    #[inline(never)]
    fn decl_stmt(&mut self) -> Stmt {
        let pos = self.pos();
        let tok = self.tok();
        self.next();
        let decl = match tok {
            Tok::Var => self.var_decl(),
            Tok::Const => self.const_decl(),
            _ => self.type_decl(),
        };
        Stmt { pos, kind: StmtKind::Decl(decl) }
    }

    /// `go f(x)` or `defer f(x)`.
    #[inline(never)]
    fn call_stmt(&mut self) -> Stmt {
        let pos = self.pos();
        let keyword = self.tok();
        self.next();
        let mut x = self.pexpr();
        if matches!(x.kind, ExprKind::Paren(_)) {
            let msg = format!("expression in {} must not be parenthesized", keyword.as_str());
            self.error_at(x.pos, msg);
            x = unparen(x);
        }
        // That it is a call is the type checker's to say (gc 1.27).
        let kind = if keyword == Tok::Go { StmtKind::Go(x) } else { StmtKind::Defer(x) };
        Stmt { pos, kind }
    }

    /// A simple statement; `lhs` when its first expression list was parsed
    /// already; `keyword` is the control clause it is in (`for` allows a
    /// range clause, `switch` a type switch guard).
    #[inline(never)]
    fn simple_stmt(&mut self, lhs: Option<Vec<Expr>>, keyword: Option<Tok>) -> Simple {
        if keyword == Some(Tok::For) && self.at(Tok::Range) {
            return self.range_clause(Vec::new(), false);
        }
        let mut lhs = match lhs {
            Some(l) => l,
            None => self.expr_list(),
        };
        let pos = self.pos();
        if lhs.len() == 1 && !self.at(Tok::Assign) && !self.at(Tok::Define) {
            let x = self.first(lhs);
            let kind = match self.tok() {
                Tok::AssignOp(op) => {
                    self.next();
                    let rhs = self.expr();
                    StmtKind::Assign { lhs: vec![x], op: Some(op), rhs: vec![rhs] }
                }
                Tok::IncOp(inc) => {
                    self.next();
                    StmtKind::IncDec { target: x, inc }
                }
                Tok::Arrow => {
                    self.next();
                    let value = self.expr();
                    StmtKind::Send { chan: x, value }
                }
                _ => return Simple::Stmt(Stmt { pos: x.start(), kind: StmtKind::Expr(x) }),
            };
            return Simple::Stmt(Stmt { pos, kind });
        }
        if !self.at(Tok::Assign) && !self.at(Tok::Define) {
            self.syntax_error("expected := or = or comma");
            self.advance(&[Tok::Semi, Tok::Rbrace]);
            let x = self.first(lhs);
            return Simple::Stmt(Stmt { pos: x.start(), kind: StmtKind::Expr(x) });
        }
        let define = self.at(Tok::Define);
        self.next();
        if keyword == Some(Tok::For) && self.at(Tok::Range) {
            return self.range_clause(lhs, define);
        }
        let mut rhs = self.expr_list();
        let is_guard = keyword == Some(Tok::Switch)
            && define
            && lhs.len() == 1
            && rhs.len() == 1
            && matches!(lhs[0].kind, ExprKind::Ident(_))
            && matches!(rhs[0].kind, ExprKind::TypeAssert { ty: None, .. });
        if is_guard && let (Some(Expr { kind: ExprKind::Ident(bind), .. }), Some(subject)) = (lhs.pop(), rhs.pop()) {
            return Simple::Guard { bind, subject };
        }
        if !define {
            return Simple::Stmt(Stmt { pos, kind: StmtKind::Assign { lhs, op: None, rhs } });
        }
        if lhs.iter().all(|e| matches!(e.kind, ExprKind::Ident(_))) {
            return Simple::Stmt(self.define_stmt(pos, lhs, rhs));
        }
        let side = |xs: &[Expr]| xs.iter().map(printer::expr_string).collect::<Vec<_>>().join(", ");
        let text = format!("{} := {}", side(&lhs), side(&rhs));
        let stmt = self.define_stmt(pos, lhs, rhs);
        Simple::BadDefine { stmt, text }
    }

    /// `lhs := rhs`; a left side that is not a name is reported as gc's
    /// type checker does and stands as a name left empty (the names
    /// beside it are still declared, as types2 declares them).
    #[inline(never)]
    fn define_stmt(&mut self, pos: Pos, lhs: Vec<Expr>, rhs: Vec<Expr>) -> Stmt {
        let mut names = Vec::with_capacity(lhs.len());
        for e in lhs {
            match e.kind {
                ExprKind::Ident(name) => names.push(name),
                _ => {
                    let msg = format!("non-name {} on left side of :=", printer::expr_string(&e));
                    self.checker_error(e.start(), msg);
                    names.push(self.new_ident(e.start(), ""));
                }
            }
        }
        Stmt { pos, kind: StmtKind::Define { lhs: names, rhs } }
    }

    /// At `range`: the rest of a range clause.
    fn range_clause(&mut self, lhs: Vec<Expr>, define: bool) -> Simple {
        let pos = self.pos();
        self.next();
        let expr = self.expr();
        Simple::Range { pos, lhs, define, expr }
    }

    /// The only element of a one-element expression list.
    fn first(&mut self, list: Vec<Expr>) -> Expr {
        let pos = self.pos();
        list.into_iter().next().unwrap_or_else(|| self.bad_expr(pos))
    }

    /// A header form used where only a plain statement fits.
    fn simple_into_stmt(&mut self, s: Simple) -> Stmt {
        match s {
            Simple::Stmt(s) | Simple::BadDefine { stmt: s, .. } => s,
            Simple::Range { pos, .. } => Stmt { pos, kind: StmtKind::Bad },
            Simple::Guard { subject, .. } => Stmt { pos: subject.start(), kind: StmtKind::Expr(subject) },
        }
    }

    /// The header of `if`, `for` or `switch` (after the keyword).
    #[inline(never)]
    fn header(&mut self, keyword: Tok) -> Header {
        let mut h = Header { init: None, cond: Cond::None, post: None };
        if self.at(Tok::Lbrace) {
            if keyword == Tok::If {
                let bad = self.bad_expr(self.pos());
                self.syntax_error("missing condition in if statement");
                h.cond = Cond::Expr(bad);
            }
            return h;
        }
        let outer = self.xnest;
        self.xnest = -1;
        if !self.at(Tok::Semi) {
            if self.got(Tok::Var) {
                self.syntax_error(&format!("var declaration not allowed in {} initializer", keyword.as_str()));
            }
            let init = self.simple_stmt(None, Some(keyword));
            let is_range = matches!(init, Simple::Range { .. });
            h.init = Some(init);
            if is_range {
                self.xnest = outer;
                return h;
            }
        }
        let mut cond = None;
        let mut semi = None;
        if !self.at(Tok::Lbrace) {
            if self.at(Tok::Semi) {
                semi = Some((self.pos(), self.lx.semi_kind));
                self.next();
            } else {
                // Asking for `{` rather than `;` gives the better message.
                self.want(Tok::Lbrace);
                if !self.at(Tok::Lbrace) {
                    self.advance(&[Tok::Lbrace, Tok::Rbrace]);
                }
            }
            if keyword == Tok::For {
                self.for_header_rest(&mut cond, &mut h.post);
            } else if !self.at(Tok::Lbrace) {
                cond = Some(self.simple_stmt(None, Some(keyword)));
            }
        } else {
            cond = h.init.take();
        }
        h.cond = self.header_cond(keyword, cond, semi);
        self.xnest = outer;
        h
    }

    /// `cond ; post` of a three-clause `for` header, after the first `;`.
    fn for_header_rest(&mut self, cond: &mut Option<Simple>, post: &mut Option<Simple>) {
        if !self.at(Tok::Semi) {
            if self.at(Tok::Lbrace) {
                self.syntax_error("expected for loop condition");
                return;
            }
            *cond = Some(self.simple_stmt(None, None));
        }
        self.want(Tok::Semi);
        if !self.at(Tok::Lbrace) {
            let s = self.simple_stmt(None, None);
            if let Simple::Stmt(Stmt { pos, kind: StmtKind::Define { .. } })
            | Simple::BadDefine { stmt: Stmt { pos, .. }, .. } = &s
            {
                self.syntax_error_at(*pos, "cannot declare in post statement of for loop");
            }
            *post = Some(s);
        }
    }

    /// Turns the statement in condition position into the condition.
    fn header_cond(&mut self, keyword: Tok, cond: Option<Simple>, semi: Option<(Pos, SemiKind)>) -> Cond {
        match cond {
            None => match semi {
                Some((pos, kind)) if keyword == Tok::If => {
                    if kind == SemiKind::Semicolon {
                        self.syntax_error_at(pos, "missing condition in if statement");
                    } else {
                        let msg = format!("unexpected {}, expected {{ after if clause", kind.as_str());
                        self.syntax_error_at(pos, &msg);
                    }
                    Cond::Expr(self.bad_expr(pos))
                }
                _ => Cond::None,
            },
            Some(Simple::Stmt(Stmt { kind: StmtKind::Expr(x), .. })) => Cond::Expr(x),
            Some(Simple::Guard { bind, subject }) => Cond::Guard { bind, subject },
            Some(Simple::Stmt(s)) => {
                let msg = format!("cannot use {} as value", printer::stmt_string(&s));
                self.syntax_error_at(s.pos, &msg);
                Cond::Expr(self.bad_expr(s.pos))
            }
            Some(Simple::BadDefine { stmt: Stmt { pos, .. }, text }) => {
                self.syntax_error_at(pos, &format!("cannot use {text} as value"));
                Cond::Expr(self.bad_expr(pos))
            }
            Some(Simple::Range { pos, .. }) => Cond::Expr(self.bad_expr(pos)),
        }
    }

    /// `if` statements. An `else if` chain is parsed in a loop, not by
    /// recursion (Go's test suite has a chain of 256); each link still
    /// counts as a nesting level because the tree nests.
    #[inline(never)]
    fn if_stmt(&mut self) -> Stmt {
        let start = self.pos();
        let mut links = Vec::new();
        let mut els = None;
        loop {
            let pos = self.pos();
            self.next();
            if !self.enter() {
                break;
            }
            let (init, cond, then) = self.if_clause(pos);
            links.push((pos, init, cond, then));
            if !self.got(Tok::Else) {
                break;
            }
            match self.tok() {
                Tok::If => continue,
                Tok::Lbrace => {
                    let bpos = self.pos();
                    let block = self.block_stmt("");
                    els = Some(Box::new(Stmt { pos: bpos, kind: StmtKind::Block(block) }));
                }
                _ => {
                    self.syntax_error("else must be followed by if or statement block");
                    self.advance(&[Tok::Name, Tok::Rbrace]);
                }
            }
            break;
        }
        self.depth -= links.len() as u32;
        for (pos, init, cond, then) in links.into_iter().rev() {
            els = Some(Box::new(Stmt { pos, kind: StmtKind::If { init, cond, then, els } }));
        }
        els.map_or(Stmt { pos: start, kind: StmtKind::Bad }, |s| *s)
    }

    /// The header and block of one `if` (at `pos`), after the keyword.
    fn if_clause(&mut self, pos: Pos) -> (Option<Box<Stmt>>, Expr, Block) {
        let h = self.header(Tok::If);
        let init = h.init.map(|s| Box::new(self.simple_into_stmt(s)));
        let cond = match h.cond {
            Cond::Expr(x) => x,
            Cond::Guard { subject, .. } => subject,
            Cond::None => self.bad_expr(pos),
        };
        let then = self.block_stmt("if clause");
        (init, cond, then)
    }

    #[inline(never)]
    fn for_stmt(&mut self) -> Stmt {
        let pos = self.pos();
        self.next();
        let h = self.header(Tok::For);
        let body = self.block_stmt("for clause");
        let kind = match h.init {
            Some(Simple::Range { lhs, define, expr, .. }) => {
                let extra = lhs.get(2).map(Expr::start);
                let mut vars = lhs.into_iter();
                let (key, value) = (vars.next(), vars.next());
                StmtKind::Range { key, value, extra, define, expr, body }
            }
            init => {
                let init = init.map(|s| Box::new(self.simple_into_stmt(s)));
                let post = h.post.map(|s| Box::new(self.simple_into_stmt(s)));
                let cond = match h.cond {
                    Cond::None => None,
                    Cond::Expr(x) => Some(x),
                    Cond::Guard { subject, .. } => Some(subject),
                };
                StmtKind::For { init, cond, post, body }
            }
        };
        Stmt { pos, kind }
    }

    /// Expression and type switches.
    #[inline(never)]
    fn switch_stmt(&mut self) -> Stmt {
        let pos = self.pos();
        self.next();
        let h = self.header(Tok::Switch);
        if !self.got(Tok::Lbrace) {
            self.syntax_error("missing { after switch clause");
            self.advance(&[Tok::Case, Tok::Default, Tok::Rbrace]);
        }
        let init = h.init.map(|s| Box::new(self.simple_into_stmt(s)));
        let guard = match h.cond {
            Cond::Guard { bind, subject } => Ok((Some(bind), subject)),
            Cond::Expr(x) if matches!(x.kind, ExprKind::TypeAssert { ty: None, .. }) => Ok((None, x)),
            Cond::Expr(x) => Err(Some(x)),
            Cond::None => Err(None),
        };
        let kind = match guard {
            Ok((bind, subject)) => {
                let mut cases = Vec::new();
                while !self.at(Tok::Eof) && !self.at(Tok::Rbrace) {
                    let (cpos, exprs, body) = self.clause(|p| p.expr_list());
                    let types = exprs.map(|list| list.into_iter().map(|e| self.expr_to_type_or_report(e)).collect());
                    let implicit = self.fresh();
                    cases.push(TypeCaseClause { pos: cpos, types, body, implicit });
                }
                let end = self.pos();
                self.want(Tok::Rbrace);
                StmtKind::TypeSwitch { init, bind, subject, cases, end }
            }
            Err(tag) => {
                let mut cases = Vec::new();
                while !self.at(Tok::Eof) && !self.at(Tok::Rbrace) {
                    let (cpos, exprs, body) = self.clause(|p| p.expr_list());
                    cases.push(CaseClause { pos: cpos, exprs, body });
                }
                let end = self.pos();
                self.want(Tok::Rbrace);
                StmtKind::Switch { init, tag, cases, end }
            }
        };
        Stmt { pos, kind }
    }

    #[inline(never)]
    fn select_stmt(&mut self) -> Stmt {
        let pos = self.pos();
        self.next();
        if !self.got(Tok::Lbrace) {
            self.syntax_error("missing { after select clause");
            self.advance(&[Tok::Case, Tok::Default, Tok::Rbrace]);
        }
        let mut cases = Vec::new();
        while !self.at(Tok::Eof) && !self.at(Tok::Rbrace) {
            let (cpos, comm, body) = self.clause(|p| Box::new(p.simple()));
            cases.push(CommClause { pos: cpos, comm, body });
        }
        self.want(Tok::Rbrace);
        Stmt { pos, kind: StmtKind::Select(cases) }
    }

    /// `case head: body` or `default: body` of a switch or select; `head`
    /// parses what follows `case`.
    #[inline(never)]
    fn clause<T>(&mut self, head: impl FnOnce(&mut Self) -> T) -> (Pos, Option<T>, Vec<Stmt>) {
        let pos = self.pos();
        let h = match self.tok() {
            Tok::Case => {
                self.next();
                Some(head(self))
            }
            Tok::Default => {
                self.next();
                None
            }
            _ => {
                self.syntax_error("expected case or default or }");
                self.advance(&[Tok::Colon, Tok::Case, Tok::Default, Tok::Rbrace]);
                None
            }
        };
        self.want(Tok::Colon);
        let body = self.stmt_list();
        (pos, h, body)
    }
}
