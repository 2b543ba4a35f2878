//! Expressions: operators by precedence, operands, the postfix forms
//! (selectors, index/slice, type assertions, calls) and composite literals.
//!
//! Types appear as operands (`[]byte(s)`, `map[K]V{}`, `func(){}`) and are
//! kept as [`ExprKind::Type`]; a composite literal's type written as an
//! expression (`T{`, `pkg.T{`, `G[int]{`) is converted to a [`Type`].
//! Whether `{` after an operand opens a composite literal follows gc: for a
//! name, selector or instantiation only outside control clause headers
//! (`xnest >= 0`), for a type literal always.

use super::Parser;
use crate::ast::{BinaryOp, ChanDir, Expr, ExprKind, Ident, KeyedElement, LitKind, TypeKind, UnaryOp};
use crate::printer;
use crate::token::{Operator, Tok};

impl Parser<'_> {
    /// `Expression`.
    pub(super) fn expr(&mut self) -> Expr {
        self.binary_expr(None, 0)
    }

    /// `Expression { "," Expression }`.
    pub(super) fn expr_list(&mut self) -> Vec<Expr> {
        let mut list = vec![self.expr()];
        while self.got(Tok::Comma) {
            list.push(self.expr());
        }
        list
    }

    /// Operators binding tighter than `prec`, starting from `x` if given.
    #[inline(never)]
    pub(super) fn binary_expr(&mut self, x: Option<Expr>, prec: u8) -> Expr {
        let mut x = match x {
            Some(x) => x,
            None => self.unary_expr(),
        };
        // Each operator deepens the (left-leaning) tree: count it as a
        // nesting level so that no later recursion over the tree overflows.
        let mut links = 0;
        while let Some(op) = self.tok().binary_op() {
            if op.precedence() <= prec || !self.enter() {
                break;
            }
            links += 1;
            let pos = self.pos();
            self.next();
            let y = self.binary_expr(None, op.precedence());
            x = self.new_expr(pos, ExprKind::Binary { op, x: Box::new(x), y: Box::new(y) });
        }
        self.depth -= links;
        x
    }

    /// `UnaryExpr`, including `<-chan T` types.
    pub(super) fn unary_expr(&mut self) -> Expr {
        if !self.enter() {
            return self.bad_expr(self.pos());
        }
        let x = self.unary_expr_inner();
        self.leave();
        x
    }

    #[inline(never)]
    fn unary_expr_inner(&mut self) -> Expr {
        let pos = self.pos();
        let op = match self.tok() {
            Tok::Star => {
                self.next();
                let x = self.unary_expr();
                return self.new_expr(pos, ExprKind::Star(Box::new(x)));
            }
            Tok::Arrow => {
                self.next();
                let x = self.unary_expr();
                return self.receive_or_chan_type(pos, x);
            }
            Tok::Op(Operator::Bin(BinaryOp::Add)) => UnaryOp::Pos,
            Tok::Op(Operator::Bin(BinaryOp::Sub)) => UnaryOp::Neg,
            Tok::Op(Operator::Bin(BinaryOp::Xor)) => UnaryOp::BitNot,
            Tok::Op(Operator::Bin(BinaryOp::And)) => UnaryOp::Addr,
            Tok::Op(Operator::Not) => UnaryOp::Not,
            Tok::Op(Operator::Tilde) => UnaryOp::Tilde,
            _ => return self.pexpr(),
        };
        self.next();
        let mut x = self.unary_expr();
        if op == UnaryOp::Addr {
            // `&(T{})` is `&T{}`: gc drops the parentheses here.
            x = unparen(x);
        }
        self.new_expr(pos, ExprKind::Unary { op, x: Box::new(x) })
    }

    /// `<-x` at `pos`: a receive, unless `x` is a channel type, in which case
    /// the arrow belongs to the type (`<-chan T`, and `<-chan<- T` becomes
    /// `<-chan (<-T)`... which gc rejects the way we do here).
    #[inline(never)]
    fn receive_or_chan_type(&mut self, pos: crate::pos::Pos, x: Expr) -> Expr {
        let ExprKind::Type(mut t) = x.kind else {
            return self.new_expr(pos, ExprKind::Unary { op: UnaryOp::Recv, x: Box::new(x) });
        };
        if !matches!(t.kind, TypeKind::Chan { .. }) {
            let x = Expr { kind: ExprKind::Type(t), ..x };
            return self.new_expr(pos, ExprKind::Unary { op: UnaryOp::Recv, x: Box::new(x) });
        }
        // Re-associate: <-(chan E) is (<-chan E); <-(chan<- E) is (<-chan (<-E)).
        let mut dir = ChanDir::Send;
        let mut error = None;
        let mut levels = 0;
        let mut cur = &t;
        while dir == ChanDir::Send {
            let TypeKind::Chan { dir: d, elem } = &cur.kind else { break };
            dir = *d;
            if dir == ChanDir::Recv {
                error = Some("unexpected <-, expected chan".to_string());
            }
            levels += 1;
            cur = elem;
        }
        if dir == ChanDir::Send {
            error = Some(format!("unexpected {}, expected chan", printer::type_string(cur)));
        }
        let mut cur = &mut t;
        for _ in 0..levels {
            let TypeKind::Chan { dir: d, elem } = &mut cur.kind else { break };
            *d = ChanDir::Recv;
            cur = elem;
        }
        if let Some(msg) = error {
            self.syntax_error(&msg);
        }
        t.pos = pos;
        Expr { id: x.id, pos, kind: ExprKind::Type(t) }
    }

    /// `PrimaryExpr`: an operand followed by selectors, indices, slices,
    /// assertions, calls and composite literal bodies.
    pub(super) fn pexpr(&mut self) -> Expr {
        let x = self.operand();
        self.pexpr_rest(x)
    }

    /// The postfix part of [`Parser::pexpr`] after the operand `x`.
    #[inline(never)]
    pub(super) fn pexpr_rest(&mut self, mut x: Expr) -> Expr {
        // Like binary operators, every postfix form counts as a level.
        let mut links = 0;
        loop {
            let pos = self.pos();
            if matches!(self.tok(), Tok::Dot | Tok::Lbrack | Tok::Lparen | Tok::Lbrace) {
                if !self.enter() {
                    break;
                }
                links += 1;
            }
            x = match self.tok() {
                Tok::Dot => {
                    self.next();
                    self.selector_or_assert(pos, x)
                }
                Tok::Lbrack => {
                    self.next();
                    self.index_or_slice(pos, x)
                }
                Tok::Lparen => {
                    self.next();
                    let (args, ellipsis, rparen) = self.arg_list();
                    self.new_expr(pos, ExprKind::Call { func: Box::new(x), args, ellipsis, rparen })
                }
                Tok::Lbrace if self.complit_type_ok(&x) => {
                    if matches!(x.kind, ExprKind::Paren(_)) {
                        self.syntax_error("cannot parenthesize type in composite literal");
                    }
                    let ty = self.expr_to_type_or_report(x);
                    self.complit(Some(ty))
                }
                _ => break,
            };
        }
        self.depth -= links;
        x
    }

    /// After `x.` (the dot at `pos`): `x.name`, `x.(T)` or `x.(type)`.
    #[inline(never)]
    fn selector_or_assert(&mut self, pos: crate::pos::Pos, x: Expr) -> Expr {
        match self.tok() {
            Tok::Name => {
                let sel = self.name();
                self.new_expr(pos, ExprKind::Selector { x: Box::new(x), sel })
            }
            Tok::Lparen => {
                self.next();
                let ty = if self.got(Tok::Type) { None } else { Some(self.type_()) };
                self.want(Tok::Rparen);
                self.new_expr(pos, ExprKind::TypeAssert { x: Box::new(x), ty })
            }
            _ => {
                self.syntax_error("expected name or (");
                self.advance(&[Tok::Semi, Tok::Rparen]);
                x
            }
        }
    }

    /// After `x[` (at `pos`): an index or instantiation `x[i]`, `x[T1, T2]`
    /// or a slice `x[lo:hi]`, `x[lo:hi:max]`.
    #[inline(never)]
    fn index_or_slice(&mut self, pos: crate::pos::Pos, x: Expr) -> Expr {
        let mut lo = None;
        if !self.at(Tok::Colon) {
            let (first, comma) = if self.at(Tok::Rbrack) {
                self.syntax_error("expected operand");
                (vec![self.bad_expr(pos)], false)
            } else {
                self.index_list()
            };
            if comma || self.at(Tok::Rbrack) {
                self.want(Tok::Rbrack);
                return self.new_expr(pos, ExprKind::Index { x: Box::new(x), indices: first });
            }
            lo = first.into_iter().next().map(Box::new);
        }
        if !self.got(Tok::Colon) {
            self.syntax_error("expected comma, : or ]");
            self.advance(&[Tok::Comma, Tok::Colon, Tok::Rbrack]);
        }
        self.xnest += 1;
        let mut hi = None;
        let mut max = None;
        let mut three = false;
        if !self.at(Tok::Colon) && !self.at(Tok::Rbrack) {
            hi = Some(Box::new(self.expr()));
        }
        if self.at(Tok::Colon) {
            three = true;
            if hi.is_none() {
                let here = self.pos();
                self.error_at(here, "middle index required in 3-index slice");
            }
            self.next();
            if self.at(Tok::Rbrack) {
                let here = self.pos();
                self.error_at(here, "final index required in 3-index slice");
            } else {
                max = Some(Box::new(self.expr()));
            }
        }
        self.xnest -= 1;
        self.want(Tok::Rbrack);
        self.new_expr(pos, ExprKind::Slice { x: Box::new(x), lo, hi, max, three })
    }

    /// The elements of `x[...]`: an expression, then types after commas;
    /// and whether a comma was seen.
    fn index_list(&mut self) -> (Vec<Expr>, bool) {
        self.xnest += 1;
        let mut list = vec![self.expr()];
        let (rest, comma) = self.type_list_tail();
        for t in rest {
            let e = self.new_expr(t.pos, ExprKind::Type(t));
            list.push(e);
        }
        self.xnest -= 1;
        (list, comma)
    }

    /// `( [args] [...] )` after `(`; the arguments, whether `...` was
    /// written, and the position of `)`.
    #[inline(never)]
    fn arg_list(&mut self) -> (Vec<Expr>, bool, crate::pos::Pos) {
        let mut args = Vec::new();
        let mut ellipsis = false;
        self.xnest += 1;
        let rparen = self.list("argument list", Tok::Comma, Tok::Rparen, |p| {
            args.push(p.expr());
            ellipsis = p.got(Tok::DotDotDot);
            ellipsis
        });
        self.xnest -= 1;
        (args, ellipsis, rparen)
    }

    /// Whether `{` after `x` opens a composite literal (gc's rule).
    fn complit_type_ok(&self, x: &Expr) -> bool {
        let t = strip_parens(x);
        match &t.kind {
            ExprKind::Ident(_) | ExprKind::Selector { .. } => self.xnest >= 0,
            ExprKind::Index { .. } => self.xnest >= 0 && !is_value(t),
            ExprKind::Type(ty) => {
                matches!(
                    ty.kind,
                    TypeKind::Array { .. } | TypeKind::Slice(_) | TypeKind::Struct(_) | TypeKind::Map { .. }
                )
            }
            _ => false,
        }
    }

    /// `{ elements }` of a composite literal of type `ty` (`None` for an
    /// elided type inside another literal).
    #[inline(never)]
    pub(super) fn complit(&mut self, ty: Option<crate::ast::Type>) -> Expr {
        let pos = self.pos();
        if !self.enter() {
            return self.bad_expr(pos);
        }
        self.xnest += 1;
        self.want(Tok::Lbrace);
        let mut elems = Vec::new();
        let rbrace = self.list("composite literal", Tok::Comma, Tok::Rbrace, |p| {
            let first = p.bare_complit();
            let elem = if p.got(Tok::Colon) {
                let value = p.bare_complit();
                KeyedElement { key: Some(first), value }
            } else {
                KeyedElement { key: None, value: first }
            };
            elems.push(elem);
            false
        });
        self.xnest -= 1;
        self.leave();
        self.new_expr(pos, ExprKind::CompositeLit { ty, elems, rbrace })
    }

    /// An element of a composite literal: `{...}` or an expression.
    fn bare_complit(&mut self) -> Expr {
        if self.at(Tok::Lbrace) { self.complit(None) } else { self.expr() }
    }

    /// `Operand`: a name, literal, `(expr)`, function literal or type.
    #[inline(never)]
    fn operand(&mut self) -> Expr {
        let pos = self.pos();
        match self.tok() {
            Tok::Name => {
                let name = self.name();
                self.ident_expr(name)
            }
            Tok::Lit(kind) => self.basic_lit(kind),
            Tok::Lparen => {
                self.next();
                self.xnest += 1;
                let x = self.expr();
                self.xnest -= 1;
                self.want(Tok::Rparen);
                self.new_expr(pos, ExprKind::Paren(Box::new(x)))
            }
            Tok::Func => {
                self.next();
                let (_, sig) = self.func_type("function type", Some(pos));
                if self.at(Tok::Lbrace) {
                    self.xnest += 1;
                    let body = self.func_body();
                    self.xnest -= 1;
                    return self.new_expr(pos, ExprKind::FuncLit { sig, body });
                }
                let t = self.new_type(pos, TypeKind::Func(sig));
                self.new_expr(pos, ExprKind::Type(t))
            }
            Tok::Lbrack | Tok::Chan | Tok::Map | Tok::Struct | Tok::Interface => {
                let t = self.type_();
                self.new_expr(pos, ExprKind::Type(t))
            }
            _ => {
                let bad = self.bad_expr(pos);
                self.syntax_error("expected expression");
                self.advance(&[Tok::Rparen, Tok::Rbrack, Tok::Rbrace]);
                bad
            }
        }
    }

    /// The literal at hand; a malformed one (already reported by the
    /// lexer) becomes `Bad` so that nobody reports it again.
    #[inline(never)]
    fn basic_lit(&mut self, kind: LitKind) -> Expr {
        let pos = self.pos();
        let raw = self.lx.text().to_string();
        let bad = self.lx.bad;
        self.next();
        let kind = if bad { ExprKind::Bad } else { ExprKind::BasicLit { kind, raw } };
        self.new_expr(pos, kind)
    }

    pub(super) fn ident_expr(&mut self, name: Ident) -> Expr {
        let pos = name.pos;
        self.new_expr(pos, ExprKind::Ident(name))
    }
}

/// `x` without any enclosing parentheses.
pub(super) fn unparen(mut x: Expr) -> Expr {
    while let ExprKind::Paren(inner) = x.kind {
        x = *inner;
    }
    x
}

fn strip_parens(mut x: &Expr) -> &Expr {
    while let ExprKind::Paren(inner) = &x.kind {
        x = inner;
    }
    x
}

/// Whether `x` must be a value (not a type), syntactically.
fn is_value(x: &Expr) -> bool {
    match &x.kind {
        ExprKind::BasicLit { .. }
        | ExprKind::CompositeLit { .. }
        | ExprKind::FuncLit { .. }
        | ExprKind::Slice { .. }
        | ExprKind::TypeAssert { .. }
        | ExprKind::Call { .. }
        | ExprKind::Unary { .. }
        | ExprKind::Binary { .. } => true,
        ExprKind::Paren(inner) => is_value(inner),
        // A list of several indices is never a value by itself (gc).
        ExprKind::Index { x, indices } => is_value(x) || (indices.len() == 1 && is_value(&indices[0])),
        _ => false,
    }
}
