//! Type expressions, parameter lists, struct and interface bodies.
//!
//! The hard part is the ambiguity between types and expressions that Go's
//! generics added: `a [N]int` (a field of array type) against `G[int]` (an
//! embedded instantiated type), `(a, b int)` (named parameters) against
//! `(int, string)` (unnamed ones), `type A[N]E` (an array) against
//! `type G[P C]` (a generic type). Like gc, the parser reads ahead as far as
//! one element and decides from what follows; where an expression had to be
//! parsed first it is converted into a [`Type`] afterwards
//! ([`Parser::expr_to_type`]).

use super::Parser;
use crate::ast::{BinaryOp, ChanDir, Expr, ExprKind, Field, FuncType, Ident, InterfaceElem, Type, TypeKind, UnaryOp};
use crate::literal;
use crate::pos::Pos;
use crate::printer;
use crate::token::{Operator, Tok};

/// One entry of a parameter list before names and types are matched up.
struct Entry {
    pos: Pos,
    name: Option<Ident>,
    ty: Option<Type>,
}

/// What follows `name [` in a parameter list or struct: an array or slice
/// type for the field/parameter `name`, or type arguments for the type `name`.
enum ArrayOrArgs {
    Array(Type),
    Args(Vec<Type>),
}

/// What an interface element that starts with a name turned out to be.
enum MethodOrEmbed {
    Method(InterfaceElem),
    Embed(Type),
}

const OR: Tok = Tok::Op(Operator::Bin(BinaryOp::Or));
const TILDE: Operator = Operator::Tilde;

impl Parser<'_> {
    /// A type, or `unexpected X, expected type` and a `Bad` type.
    pub(super) fn type_(&mut self) -> Type {
        if let Some(t) = self.type_or_nil() {
            return t;
        }
        let bad = self.bad_type(self.pos());
        self.syntax_error("expected type");
        self.advance(&[Tok::Comma, Tok::Colon, Tok::Semi, Tok::Rparen, Tok::Rbrack, Tok::Rbrace]);
        bad
    }

    /// A type if one starts here (nothing is consumed otherwise).
    pub(super) fn type_or_nil(&mut self) -> Option<Type> {
        if !self.enter() {
            return Some(self.bad_type(self.pos()));
        }
        let t = self.type_or_nil_inner();
        self.leave();
        t
    }

    #[inline(never)]
    fn type_or_nil_inner(&mut self) -> Option<Type> {
        let pos = self.pos();
        let kind = match self.tok() {
            Tok::Star => {
                self.next();
                TypeKind::Pointer(Box::new(self.type_()))
            }
            Tok::Arrow => {
                self.next();
                self.want(Tok::Chan);
                TypeKind::Chan { dir: ChanDir::Recv, elem: Box::new(self.chan_elem()) }
            }
            Tok::Func => {
                self.next();
                let (_, sig) = self.func_type("function type", Some(pos));
                TypeKind::Func(sig)
            }
            Tok::Lbrack => {
                self.next();
                if self.got(Tok::Rbrack) {
                    TypeKind::Slice(Box::new(self.type_()))
                } else {
                    return Some(self.array_type(pos, None));
                }
            }
            Tok::Chan => {
                self.next();
                let dir = if self.got(Tok::Arrow) { ChanDir::Send } else { ChanDir::Both };
                TypeKind::Chan { dir, elem: Box::new(self.chan_elem()) }
            }
            Tok::Map => {
                self.next();
                self.want(Tok::Lbrack);
                let key = self.type_();
                self.want(Tok::Rbrack);
                let value = self.type_();
                TypeKind::Map { key: Box::new(key), value: Box::new(value) }
            }
            Tok::Struct => TypeKind::Struct(self.struct_type()),
            Tok::Interface => TypeKind::Interface(self.interface_type()),
            Tok::Name => return Some(self.qualified_name(None)),
            Tok::Lparen => {
                self.next();
                let t = self.type_();
                self.want(Tok::Rparen);
                TypeKind::Paren(Box::new(t))
            }
            _ => return None,
        };
        Some(self.new_type(pos, kind))
    }

    fn chan_elem(&mut self) -> Type {
        if let Some(t) = self.type_or_nil() {
            return t;
        }
        let bad = self.bad_type(self.pos());
        self.syntax_error("missing channel element type");
        bad
    }

    /// After `[` (at `lbrack`): `[N]T` or `[...]T`; `len` when the length
    /// expression was already parsed.
    #[inline(never)]
    pub(super) fn array_type(&mut self, lbrack: Pos, len: Option<Expr>) -> Type {
        let len = match len {
            Some(x) => Some(x),
            None if self.got(Tok::DotDotDot) => None,
            None => {
                self.xnest += 1;
                let x = self.expr();
                self.xnest -= 1;
                Some(x)
            }
        };
        if self.at(Tok::Comma) {
            self.syntax_error("unexpected comma; expected ]");
            self.next();
        }
        self.want(Tok::Rbrack);
        let elem = self.type_();
        self.new_type(lbrack, TypeKind::Array { len: len.map(Box::new), elem: Box::new(elem) })
    }

    /// `Name`, `pkg.Name`, each optionally instantiated `[T1, T2]`; `name`
    /// when the first identifier was already consumed.
    #[inline(never)]
    pub(super) fn qualified_name(&mut self, name: Option<Ident>) -> Type {
        let first = match name {
            Some(n) => n,
            None if self.at(Tok::Name) => self.name(),
            None => {
                let pos = self.pos();
                self.syntax_error("expected name");
                self.advance(&[Tok::Dot, Tok::Semi, Tok::Rbrace]);
                self.new_ident(pos, "_")
            }
        };
        let pos = first.pos;
        let kind = if self.got(Tok::Dot) {
            let sel = self.name();
            TypeKind::Name { pkg: Some(first), name: sel }
        } else {
            TypeKind::Name { pkg: None, name: first }
        };
        let t = self.new_type(pos, kind);
        if self.at(Tok::Lbrack) { self.type_instance(t) } else { t }
    }

    /// `base[T1, T2]` in a type context.
    fn type_instance(&mut self, base: Type) -> Type {
        self.want(Tok::Lbrack);
        let args = if self.at(Tok::Rbrack) {
            self.syntax_error("expected type");
            vec![self.bad_type(self.pos())]
        } else {
            self.xnest += 1;
            let mut args = vec![self.type_()];
            args.extend(self.type_list_tail().0);
            self.xnest -= 1;
            args
        };
        self.want(Tok::Rbrack);
        let pos = base.pos;
        self.new_type(pos, TypeKind::Instance { base: Box::new(base), args })
    }

    /// After the first element of a type list: `{ "," Type } [","]`; the
    /// types and whether there was a comma.
    pub(super) fn type_list_tail(&mut self) -> (Vec<Type>, bool) {
        let mut rest = Vec::new();
        if !self.got(Tok::Comma) {
            return (rest, false);
        }
        while let Some(t) = self.type_or_nil() {
            rest.push(t);
            if !self.got(Tok::Comma) {
                break;
            }
        }
        (rest, true)
    }

    /// The type named by an identifier.
    pub(super) fn name_type(&mut self, name: Ident) -> Type {
        let pos = name.pos;
        self.new_type(pos, TypeKind::Name { pkg: None, name })
    }

    // ---- functions and parameters ----

    /// `[TypeParams] (Params) Results`; `context` (non-empty for methods,
    /// function types and interface methods) makes type parameters an
    /// error. `func_pos` is the `func` keyword, when written.
    #[inline(never)]
    pub(super) fn func_type(&mut self, context: &str, func_pos: Option<Pos>) -> (Vec<Field>, FuncType) {
        let pos = func_pos.unwrap_or_else(|| self.pos());
        let mut type_params = Vec::new();
        let lbrack = self.pos();
        if self.got(Tok::Lbrack) {
            if !context.is_empty() {
                self.syntax_error_at(lbrack, &format!("{context} must have no type parameters"));
            }
            if self.at(Tok::Rbrack) {
                self.syntax_error("empty type parameter list");
                self.next();
            } else {
                type_params = self.param_list(Tok::Rbrack, true);
            }
        }
        self.want(Tok::Lparen);
        let mut params = self.param_list(Tok::Rparen, false);
        self.check_dots(&mut params, true);
        let mut results = self.func_result();
        self.check_dots(&mut results, false);
        (type_params, FuncType { pos, params, results })
    }

    fn func_result(&mut self) -> Vec<Field> {
        if self.got(Tok::Lparen) {
            return self.param_list(Tok::Rparen, false);
        }
        let pos = self.pos();
        match self.type_or_nil() {
            Some(ty) => vec![Field { pos, names: Vec::new(), ty, tag: None }],
            None => Vec::new(),
        }
    }

    /// A parameter list after its opening `(` or `[`, through `close`.
    /// Type parameter lists (`require_names`) also accept constraint unions.
    pub(super) fn param_list(&mut self, close: Tok, require_names: bool) -> Vec<Field> {
        self.param_list_from(None, close, require_names)
    }

    /// Like [`Parser::param_list`] when the first parameter's name (and
    /// possibly its type) was already consumed.
    #[inline(never)]
    pub(super) fn param_list_from(
        &mut self,
        first: Option<(Ident, Option<Type>)>,
        close: Tok,
        require_names: bool,
    ) -> Vec<Field> {
        let mut first = first;
        if self.at(close)
            && matches!(first, Some((_, Some(_))))
            && let Some((name, Some(ty))) = first.take()
        {
            self.next();
            return vec![Field { pos: name.pos, names: vec![name], ty, tag: None }];
        }
        let mut entries: Vec<Entry> = Vec::new();
        let end = self.list("parameter list", Tok::Comma, close, |p| {
            let entry = match first.take() {
                Some((name, Some(ty))) => Some(Entry { pos: name.pos, name: Some(name), ty: Some(ty) }),
                Some((name, None)) => p.param_decl(Some(name), close),
                None => p.param_decl(None, close),
            };
            entries.extend(entry);
            false
        });
        self.distribute_params(entries, end, require_names)
    }

    /// Matches names with types: `a, b int` is one field; in a list where no
    /// entry has both a name and a type, every name is a type.
    fn distribute_params(&mut self, entries: Vec<Entry>, end: Pos, require_names: bool) -> Vec<Field> {
        let entries_len = entries.len();
        let named = entries.iter().filter(|e| e.name.is_some() && e.ty.is_some()).count();
        let typed = entries.iter().filter(|e| e.ty.is_some()).count();
        let mut fields = Vec::new();
        if named == 0 && !require_names {
            for e in entries {
                let ty = match (e.name, e.ty) {
                    (_, Some(ty)) => ty,
                    (Some(name), None) => self.name_type(name),
                    (None, None) => continue,
                };
                fields.push(Field { pos: e.pos, names: Vec::new(), ty, tag: None });
            }
            return fields;
        }
        let mut pending: Vec<Ident> = Vec::new();
        let mut error_pos: Option<Pos> = None;
        for e in entries {
            match (e.name, e.ty) {
                (Some(name), None) => pending.push(name),
                (name, Some(ty)) => {
                    let name = match name {
                        Some(n) => n,
                        None => {
                            let start = ty.pos;
                            error_pos.get_or_insert(start);
                            self.new_ident(start, "_")
                        }
                    };
                    pending.push(name);
                    let names = std::mem::take(&mut pending);
                    fields.push(Field { pos: names[0].pos, names, ty, tag: None });
                }
                (None, None) => {}
            }
        }
        if let Some(first) = pending.first() {
            let pos = first.pos;
            error_pos.get_or_insert(pos);
            let ty = self.bad_type(pos);
            fields.push(Field { pos, names: pending, ty, tag: None });
        }
        // Not all entries are named: entries without a type (at the end)
        // are reported at the closing token, else the left-most entry
        // without a name.
        if let Some(pos) = error_pos {
            match (require_names, named == typed) {
                (false, true) => self.syntax_error_at(end, "missing parameter type"),
                (false, false) => self.syntax_error_at(pos, "missing parameter name"),
                (true, true) => self.syntax_error_at(end, "missing type constraint"),
                (true, false) if entries_len == 1 => {
                    self.syntax_error_at(pos, "missing type parameter name or invalid array length")
                }
                (true, false) => self.syntax_error_at(pos, "missing type parameter name"),
            }
        }
        fields
    }

    /// Reports a `...T` parameter other than the final one of a parameter
    /// list where it is allowed (`ddd_ok`), once per list, and makes it
    /// `T` (a field of several names keeps `...T` for the type checker).
    fn check_dots(&mut self, fields: &mut [Field], ddd_ok: bool) {
        let total: usize = fields.iter().map(|f| f.names.len().max(1)).sum();
        let mut entry = 0;
        let mut reported = false;
        for f in fields.iter_mut() {
            let n = f.names.len().max(1);
            let last_entry = entry + n - 1;
            entry += n;
            let TypeKind::Ellipsis(elem) = &f.ty.kind else { continue };
            if ddd_ok && last_entry + 1 == total && n == 1 {
                continue;
            }
            if !reported {
                reported = true;
                let msg = if ddd_ok { "can only use ... with final parameter" } else { "invalid use of ..." };
                self.error_at(f.ty.pos, msg);
            }
            if n == 1 {
                f.ty = (**elem).clone();
            }
        }
    }

    /// One entry of a parameter list: `name`, `name Type`, `Type`,
    /// `[name] ...Type`, and in type parameter lists (`follow` is `]`)
    /// constraint unions. `name` when already consumed.
    fn param_decl(&mut self, name: Option<Ident>, follow: Tok) -> Option<Entry> {
        let type_sets = follow == Tok::Rbrack;
        let pos = name.as_ref().map_or_else(|| self.pos(), |n| n.pos);
        if name.is_none() && type_sets && self.at_op(TILDE) {
            let ty = self.embedded_elem(None);
            return Some(Entry { pos, name: None, ty: Some(ty) });
        }
        let mut param_name = None;
        if self.at(Tok::Name) || name.is_some() {
            let name = match name {
                Some(n) => n,
                None => self.name(),
            };
            if self.at(Tok::Lbrack) {
                let (name, ty) = match self.array_or_args() {
                    ArrayOrArgs::Array(t) => (Some(name), t),
                    ArrayOrArgs::Args(args) => (None, self.instance_of(name, args)),
                };
                let ty = self.maybe_union(ty, type_sets);
                return Some(Entry { pos, name, ty: Some(ty) });
            }
            if self.at(Tok::Dot) {
                let ty = self.qualified_name(Some(name));
                let ty = self.maybe_union(ty, type_sets);
                return Some(Entry { pos, name: None, ty: Some(ty) });
            }
            if type_sets && self.at(OR) {
                let ty = self.name_type(name);
                let ty = self.embedded_elem(Some(ty));
                return Some(Entry { pos, name: None, ty: Some(ty) });
            }
            param_name = Some(name);
        }
        if self.at(Tok::DotDotDot) {
            let dots = self.pos();
            self.next();
            let elem = self.type_or_nil().unwrap_or_else(|| {
                let bad = self.bad_type(self.pos());
                self.syntax_error("... is missing type");
                bad
            });
            let ty = self.new_type(dots, TypeKind::Ellipsis(Box::new(elem)));
            return Some(Entry { pos, name: param_name, ty: Some(ty) });
        }
        if type_sets && self.at_op(TILDE) {
            let ty = self.embedded_elem(None);
            return Some(Entry { pos, name: param_name, ty: Some(ty) });
        }
        let ty = self.type_or_nil().map(|t| self.maybe_union(t, type_sets));
        if param_name.is_none() && ty.is_none() {
            self.syntax_error(&format!("expected {}", follow.tokstring()));
            self.advance(&[Tok::Comma, follow]);
            return None;
        }
        Some(Entry { pos, name: param_name, ty })
    }

    /// `ty | ...` continues into a union where type sets are allowed.
    fn maybe_union(&mut self, ty: Type, type_sets: bool) -> Type {
        if type_sets && self.at(OR) { self.embedded_elem(Some(ty)) } else { ty }
    }

    /// After `name` at `[`: `[]E` or `[N]E` (an array type; `name` is a
    /// parameter or field name) or `[T1, T2]` (type arguments for `name`).
    fn array_or_args(&mut self) -> ArrayOrArgs {
        let lbrack = self.pos();
        self.want(Tok::Lbrack);
        if self.got(Tok::Rbrack) {
            let elem = self.type_();
            return ArrayOrArgs::Array(self.new_type(lbrack, TypeKind::Slice(Box::new(elem))));
        }
        self.xnest += 1;
        let first = self.expr();
        let (rest, comma) = self.type_list_tail();
        self.xnest -= 1;
        self.want(Tok::Rbrack);
        if !comma && let Some(elem) = self.type_or_nil() {
            let kind = TypeKind::Array { len: Some(Box::new(first)), elem: Box::new(elem) };
            return ArrayOrArgs::Array(self.new_type(lbrack, kind));
        }
        let mut args = vec![self.expr_to_type_or_report(first)];
        args.extend(rest);
        ArrayOrArgs::Args(args)
    }

    /// The type `name[args]`.
    fn instance_of(&mut self, name: Ident, args: Vec<Type>) -> Type {
        let base = self.name_type(name);
        let pos = base.pos;
        self.new_type(pos, TypeKind::Instance { base: Box::new(base), args })
    }

    /// After `type Name [` with a name at hand: either a type parameter
    /// list (returns the parameters, whether it is an alias, and the type)
    /// or an array length, in which case the array type is the `Err`.
    pub(super) fn array_or_type_params(&mut self, lbrack: Pos) -> Result<(Vec<Field>, bool, Option<Type>), Type> {
        let name = self.name();
        let x = if self.at(Tok::Lbrack) {
            None
        } else {
            self.xnest += 1;
            let operand = self.ident_expr(name.clone());
            let x = self.pexpr_rest(operand);
            let x = self.binary_expr(Some(x), 0);
            self.xnest -= 1;
            Some(x)
        };
        let comma_next = self.at(Tok::Comma);
        let first = match x {
            None => Ok((name, None)),
            Some(x) => self.split_type_param(x, comma_next),
        };
        match first {
            Ok((pname, ptype)) => {
                let params = self.param_list_from(Some((pname, ptype)), Tok::Rbrack, true);
                let alias = self.got(Tok::Assign);
                Ok((params, alias, self.type_or_nil()))
            }
            Err(len) => Err(self.array_type(lbrack, Some(*len))),
        }
    }

    /// Decides whether the expression after `type Name [` starts a type
    /// parameter list, as gc's parser does: `P C`, `P *C` or `P (C)` when
    /// `C` is a type element (a type literal, a `~` term, a union with
    /// one) or a comma follows, and those forms as the first term of a
    /// union (`P *C | D`, parsed as `(P * C) | D`); otherwise it is an
    /// array length.
    fn split_type_param(&mut self, x: Expr, comma_next: bool) -> Result<(Ident, Option<Type>), Box<Expr>> {
        if matches!(&x.kind, ExprKind::Ident(_)) {
            if self.at(Tok::Rbrack) {
                return Err(Box::new(x));
            }
            return Ok((take_ident(x), None));
        }
        match strip_param_name(x, comma_next) {
            Ok((name, constraint)) => Ok((name, Some(self.constraint_from_expr(constraint)))),
            Err(x) => Err(x),
        }
    }

    /// The constraint read as an expression: a type, or a union of `~`
    /// terms and types (`*C | ~string`), as [`Parser::embedded_elem`]
    /// represents one.
    fn constraint_from_expr(&mut self, e: Expr) -> Type {
        let mut exprs = Vec::new();
        flatten_union(e, &mut exprs);
        let mut terms: Vec<(bool, Type)> = exprs
            .into_iter()
            .map(|term| match term.kind {
                ExprKind::Unary { op: UnaryOp::Tilde, x } => (true, self.expr_to_type_or_report(*x)),
                kind => (false, self.expr_to_type_or_report(Expr { kind, ..term })),
            })
            .collect();
        if terms.len() == 1 && !terms[0].0 {
            return terms.pop().map_or_else(|| self.bad_type(Pos::NONE), |(_, t)| t);
        }
        let pos = terms.first().map_or(Pos::NONE, |(_, t)| t.pos);
        self.new_type(pos, TypeKind::Union(terms))
    }

    // ---- struct and interface bodies ----

    /// `struct { fields }` (at `struct`).
    #[inline(never)]
    fn struct_type(&mut self) -> Vec<Field> {
        self.want(Tok::Struct);
        self.want(Tok::Lbrace);
        let mut fields = Vec::new();
        self.list("struct type", Tok::Semi, Tok::Rbrace, |p| {
            p.field_decl(&mut fields);
            false
        });
        fields
    }

    fn field_decl(&mut self, fields: &mut Vec<Field>) {
        let pos = self.pos();
        match self.tok() {
            Tok::Name => {
                let name = self.name();
                if matches!(self.tok(), Tok::Dot | Tok::Lit(_) | Tok::Semi | Tok::Rbrace) {
                    let ty = self.qualified_name(Some(name));
                    let tag = self.tag();
                    fields.push(Field { pos, names: Vec::new(), ty, tag });
                    return;
                }
                let mut names = vec![name];
                while self.got(Tok::Comma) {
                    names.push(self.name());
                }
                let ty = if names.len() == 1 && self.at(Tok::Lbrack) {
                    match self.array_or_args() {
                        ArrayOrArgs::Array(t) => t,
                        ArrayOrArgs::Args(args) => {
                            let name = names.pop().unwrap_or_else(|| self.new_ident(pos, "_"));
                            let ty = self.instance_of(name, args);
                            let tag = self.tag();
                            fields.push(Field { pos, names: Vec::new(), ty, tag });
                            return;
                        }
                    }
                } else {
                    self.type_()
                };
                let tag = self.tag();
                fields.push(Field { pos, names, ty, tag });
            }
            Tok::Star => {
                self.next();
                let elem = if self.at(Tok::Lparen) {
                    self.syntax_error("cannot parenthesize embedded type");
                    self.next();
                    let t = self.qualified_name(None);
                    self.got(Tok::Rparen);
                    t
                } else {
                    self.qualified_name(None)
                };
                let ty = self.new_type(pos, TypeKind::Pointer(Box::new(elem)));
                let tag = self.tag();
                fields.push(Field { pos, names: Vec::new(), ty, tag });
            }
            Tok::Lparen => {
                self.syntax_error("cannot parenthesize embedded type");
                self.next();
                let ty = if self.at(Tok::Star) {
                    let star = self.pos();
                    self.next();
                    let elem = self.qualified_name(None);
                    self.new_type(star, TypeKind::Pointer(Box::new(elem)))
                } else {
                    self.qualified_name(None)
                };
                self.got(Tok::Rparen);
                let tag = self.tag();
                fields.push(Field { pos, names: Vec::new(), ty, tag });
            }
            _ => {
                self.syntax_error("expected field name or embedded type");
                self.advance(&[Tok::Semi, Tok::Rbrace]);
            }
        }
    }

    /// An optional struct tag (a string literal), unquoted.
    fn tag(&mut self) -> Option<String> {
        let Tok::Lit(_) = self.tok() else { return None };
        let raw = self.lx.text();
        self.next();
        let bytes = literal::unquote_string(raw)?;
        Some(String::from_utf8_lossy(&bytes).into_owned())
    }

    /// `interface { elems }` (at `interface`).
    #[inline(never)]
    fn interface_type(&mut self) -> Vec<InterfaceElem> {
        self.want(Tok::Interface);
        self.want(Tok::Lbrace);
        let mut elems = Vec::new();
        self.list("interface type", Tok::Semi, Tok::Rbrace, |p| {
            let elem = if p.at(Tok::Name) {
                match p.method_decl() {
                    MethodOrEmbed::Method(m) => m,
                    MethodOrEmbed::Embed(t) => InterfaceElem::Embed(p.embedded_elem(Some(t))),
                }
            } else {
                InterfaceElem::Embed(p.embedded_elem(None))
            };
            elems.push(elem);
            false
        });
        elems
    }

    /// An interface element starting with a name: a method `m(...)` or an
    /// embedded (possibly instantiated) type.
    fn method_decl(&mut self) -> MethodOrEmbed {
        const CONTEXT: &str = "interface method";
        let name = self.name();
        match self.tok() {
            Tok::Lparen => {
                let (_, sig) = self.func_type(CONTEXT, None);
                MethodOrEmbed::Method(InterfaceElem::Method { name, sig })
            }
            Tok::Lbrack => {
                let lbrack = self.pos();
                self.next();
                if self.at(Tok::Rbrack) {
                    let rbrack = self.pos();
                    self.next();
                    if self.at(Tok::Lparen) {
                        self.error_at(rbrack, "empty type parameter list");
                        let (_, sig) = self.func_type(CONTEXT, None);
                        return MethodOrEmbed::Method(InterfaceElem::Method { name, sig });
                    }
                    self.error_at(rbrack, "empty type argument list");
                    return MethodOrEmbed::Embed(self.name_type(name));
                }
                let list = self.param_list(Tok::Rbrack, false);
                let generic = list.first().is_some_and(|f| !f.names.is_empty());
                if list.is_empty() || generic {
                    if generic {
                        self.error_at(lbrack, "interface method must have no type parameters");
                    }
                    if generic || self.at(Tok::Lparen) {
                        let (_, sig) = self.func_type(CONTEXT, None);
                        return MethodOrEmbed::Method(InterfaceElem::Method { name, sig });
                    }
                    return MethodOrEmbed::Embed(self.name_type(name));
                }
                let args = list.into_iter().map(|f| f.ty).collect();
                MethodOrEmbed::Embed(self.instance_of(name, args))
            }
            _ => MethodOrEmbed::Embed(self.qualified_name(Some(name))),
        }
    }

    /// `term { "|" term }` where `term = ["~"] Type`; `first` when the first
    /// term's type was already parsed. A single plain term is just its type.
    pub(super) fn embedded_elem(&mut self, first: Option<Type>) -> Type {
        let first = match first {
            Some(t) => (false, t),
            None => self.embedded_term(),
        };
        if !first.0 && !self.at(OR) {
            return first.1;
        }
        let pos = first.1.pos;
        let mut terms = vec![first];
        while self.got(OR) {
            terms.push(self.embedded_term());
        }
        self.new_type(pos, TypeKind::Union(terms))
    }

    fn embedded_term(&mut self) -> (bool, Type) {
        if self.at_op(TILDE) {
            self.next();
            return (true, self.type_());
        }
        if let Some(t) = self.type_or_nil() {
            return (false, t);
        }
        let bad = self.bad_type(self.pos());
        self.syntax_error("expected ~ term or type");
        self.advance(&[OR, Tok::Semi, Tok::Rparen, Tok::Rbrack, Tok::Rbrace]);
        (false, bad)
    }

    // ---- expressions that are types ----

    /// Reads an expression as a type: names, qualified names,
    /// instantiations, `*T`, `(T)` and type literals. Returns the offending
    /// (sub)expression when it is not a type.
    pub(super) fn expr_to_type(&mut self, e: Expr) -> Result<Type, Box<Expr>> {
        let kind = match e.kind {
            ExprKind::Ident(name) => TypeKind::Name { pkg: None, name },
            ExprKind::Selector { x, sel } => match x.kind {
                ExprKind::Ident(pkg) => {
                    return Ok(Type { id: e.id, pos: pkg.pos, kind: TypeKind::Name { pkg: Some(pkg), name: sel } });
                }
                kind => {
                    let x = Box::new(Expr { kind, ..*x });
                    return Err(Box::new(Expr { id: e.id, pos: e.pos, kind: ExprKind::Selector { x, sel } }));
                }
            },
            ExprKind::Index { x, indices } => {
                let base = self.expr_to_type(*x)?;
                let mut args = Vec::with_capacity(indices.len());
                for i in indices {
                    args.push(self.expr_to_type(i)?);
                }
                return Ok(Type { id: e.id, pos: base.pos, kind: TypeKind::Instance { base: Box::new(base), args } });
            }
            ExprKind::Paren(x) => TypeKind::Paren(Box::new(self.expr_to_type(*x)?)),
            ExprKind::Star(x) => TypeKind::Pointer(Box::new(self.expr_to_type(*x)?)),
            ExprKind::Type(t) => return Ok(t),
            kind => return Err(Box::new(Expr { kind, ..e })),
        };
        Ok(Type { id: e.id, pos: e.pos, kind })
    }

    /// [`Parser::expr_to_type`], reporting `X is not a type` (gc's wording)
    /// and yielding a `Bad` type when it is not one.
    #[inline(never)]
    pub(super) fn expr_to_type_or_report(&mut self, e: Expr) -> Type {
        match self.expr_to_type(e) {
            Ok(t) => t,
            Err(bad) => {
                let pos = bad.start();
                if !matches!(bad.kind, ExprKind::Bad) {
                    self.checker_error(pos, format!("{} is not a type", printer::expr_string(&bad)));
                }
                self.bad_type(pos)
            }
        }
    }
}

fn is_ident(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Ident(_))
}

/// The identifier `e` is (callers have checked with [`is_ident`]).
fn take_ident(e: Expr) -> Ident {
    match e.kind {
        ExprKind::Ident(name) => name,
        _ => Ident { id: e.id, pos: e.pos, name: "_".to_string() },
    }
}

/// Whether `e` is syntactically a type literal (`[]T`, `struct{}`, `*[]T`, ...).
/// The terms of a union expression `a | b | c`, left to right.
fn flatten_union(e: Expr, out: &mut Vec<Expr>) {
    match e.kind {
        ExprKind::Binary { op: BinaryOp::Or, x, y } => {
            flatten_union(*x, out);
            flatten_union(*y, out);
        }
        kind => out.push(Expr { kind, ..e }),
    }
}

/// Whether `e` can only be a type element, not an array length: gc's
/// `isTypeElem` (a type literal, a `~` term, or an operation or
/// parenthesis around one).
fn is_type_elem(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Type(t) => !matches!(t.kind, TypeKind::Name { .. } | TypeKind::Instance { .. } | TypeKind::Bad),
        ExprKind::Unary { op: UnaryOp::Tilde, .. } => true,
        ExprKind::Star(x) | ExprKind::Paren(x) | ExprKind::Unary { x, .. } => is_type_elem(x),
        ExprKind::Binary { x, y, .. } => is_type_elem(x) || is_type_elem(y),
        _ => false,
    }
}

/// Splits a type parameter's name off the expression the parser read for
/// `P C`-like text (gc's `extractName`): `P * C` becomes `P` and `*C`,
/// `P(C)` becomes `P` and `C`, and in a union `P * C | D` the name comes
/// off the leftmost term. `force` (a comma follows) takes the name even
/// when the rest could be an operand. The expression unchanged if no name
/// comes off.
fn strip_param_name(x: Expr, force: bool) -> Result<(Ident, Expr), Box<Expr>> {
    let Expr { id, pos, kind } = x;
    match kind {
        ExprKind::Binary { op: BinaryOp::Mul, x: lhs, y } if is_ident(&lhs) && (force || is_type_elem(&y)) => {
            Ok((take_ident(*lhs), Expr { id, pos, kind: ExprKind::Star(y) }))
        }
        ExprKind::Call { func, mut args, ellipsis: false, rparen }
            if is_ident(&func) && args.len() == 1 && (force || is_type_elem(&args[0])) =>
        {
            match args.pop() {
                Some(arg) => Ok((take_ident(*func), arg)),
                None => Err(Box::new(Expr { id, pos, kind: ExprKind::Call { func, args, ellipsis: false, rparen } })),
            }
        }
        ExprKind::Binary { op: BinaryOp::Or, x: lhs, y } => {
            let force = force || is_type_elem(&y);
            match strip_param_name(*lhs, force) {
                Ok((name, lhs)) => {
                    Ok((name, Expr { id, pos, kind: ExprKind::Binary { op: BinaryOp::Or, x: Box::new(lhs), y } }))
                }
                Err(lhs) => Err(Box::new(Expr { id, pos, kind: ExprKind::Binary { op: BinaryOp::Or, x: lhs, y } })),
            }
        }
        kind => Err(Box::new(Expr { id, pos, kind })),
    }
}
