//! Printing types the way gc's messages do (types2's `TypeString`).
//!
//! Types of the package being checked are unqualified (`T`, `[]*T`), those
//! of other packages carry their package name (`fmt.Stringer`), basic types keep
//! their spelling (`byte`, `rune`), signatures keep parameter names
//! (`func(x int) (y int)`), a space follows every `,` and `;`
//! (`struct{a int; b string}`), `chan (<-chan int)` is parenthesised.
//! Printing is total: it never panics, even on cyclic or invalid types.

use std::fmt::Write;

use crate::model::{Object, PackageInfo, PkgId};
use crate::types::{Sig, T, Term, TyId, Types, Written};

/// What a type name is printed with: the objects (names and packages), the
/// packages (names), and the package whose names stay unqualified.
#[derive(Clone, Copy)]
pub(crate) struct Qualifier<'t> {
    pub objects: &'t [Object],
    pub packages: &'t [PackageInfo],
    pub current: Option<PkgId>,
    /// The predeclared names: a type parameter named as one is printed
    /// with where it is declared (`int /* with int declared at f.go:3:8 */`).
    pub universe: &'t std::collections::HashMap<String, crate::model::ObjId>,
    /// Renders those positions.
    pub sources: &'t syntax::SourceMap,
}

/// Prints `t` as gc does.
pub(crate) fn type_string(types: &Types, q: &Qualifier, t: TyId) -> String {
    let mut w = Writer { types, q: *q, out: String::new(), depth: 0 };
    w.typ(t);
    w.out
}

/// Prints a generic type or function's name with its type parameter list
/// (`List[T any]`), as gc names it in `cannot use generic type ...`.
pub(crate) fn generic_string(types: &Types, q: &Qualifier, name: &str, tparams: &[TyId]) -> String {
    let mut w = Writer { types, q: *q, out: name.to_string(), depth: 0 };
    w.tparam_list(tparams);
    w.out
}

/// Prints a signature without the leading `func` (for method lists).
pub(crate) fn sig_string(types: &Types, q: &Qualifier, s: &Sig) -> String {
    let mut w = Writer { types, q: *q, out: String::new(), depth: 0 };
    w.signature(s);
    w.out
}

struct Writer<'t> {
    types: &'t Types,
    q: Qualifier<'t>,
    out: String,
    depth: u32,
}

impl Writer<'_> {
    fn sep(&mut self, s: &str) {
        self.out.push_str(s);
        self.out.push(' ');
    }

    fn typ(&mut self, t: TyId) {
        if self.depth > 50 {
            self.out.push('…');
            return;
        }
        self.depth += 1;
        match self.types.written(t).clone() {
            T::Basic(k) => self.out.push_str(k.name()),
            T::Alias(name, _) => self.out.push_str(name),
            T::Named(o) => self.type_name(o),
            // An alias is printed by its name, its type arguments if generic.
            T::Aliased(o, args, _) if args.is_empty() => self.type_name(o),
            T::Inst(o, args) | T::Aliased(o, args, _) => {
                self.type_name(o);
                self.out.push('[');
                for (i, &a) in args.iter().enumerate() {
                    if i > 0 {
                        self.sep(",");
                    }
                    self.typ(a);
                }
                self.out.push(']');
            }
            T::TypeParam(o) => {
                let obj = self.q.objects.get(o.0 as usize);
                self.out.push_str(obj.map(|o| o.name.as_str()).unwrap_or("?"));
                if let Some(obj) = obj.filter(|o| self.q.universe.contains_key(&o.name)) {
                    let at = self.q.sources.render(obj.pos);
                    let _ = write!(self.out, " /* with {} declared at {at} */", obj.name);
                }
            }
            T::Union(terms) => self.terms(&terms),
            T::Pointer(e) => {
                self.out.push('*');
                self.typ(e);
            }
            T::Array(n, e) => {
                let _ = write!(self.out, "[{n}]");
                self.typ(e);
            }
            T::Slice(e) => {
                self.out.push_str("[]");
                self.typ(e);
            }
            T::Map(k, v) => {
                self.out.push_str("map[");
                self.typ(k);
                self.out.push(']');
                self.typ(v);
            }
            T::Chan(dir, e) => {
                use syntax::ast::ChanDir;
                let parens = dir == ChanDir::Both && matches!(self.types.get(e), T::Chan(ChanDir::Recv, _));
                self.out.push_str(match dir {
                    ChanDir::Both => "chan ",
                    ChanDir::Send => "chan<- ",
                    ChanDir::Recv => "<-chan ",
                });
                if parens {
                    self.out.push('(');
                }
                self.typ(e);
                if parens {
                    self.out.push(')');
                }
            }
            T::Struct(fs) => {
                self.out.push_str("struct{");
                for (i, f) in fs.iter().enumerate() {
                    if i > 0 {
                        self.sep(";");
                    }
                    if !f.embedded {
                        self.out.push_str(&f.name);
                        self.out.push(' ');
                    }
                    self.typ(f.ty);
                    if let Some(tag) = &f.tag
                        && !tag.is_empty()
                    {
                        self.out.push(' ');
                        self.out.push_str(&crate::constant::quote(tag.as_bytes()));
                    }
                }
                self.out.push('}');
            }
            T::Func(s) => {
                self.out.push_str("func");
                self.signature(&s);
            }
            T::Interface { any: true, .. } => self.out.push_str("any"),
            T::Interface { written: Some(w), .. } => self.written_interface(&w),
            T::Interface { methods, set, .. } => {
                if set.comparable && methods.is_empty() {
                    self.out.push_str("interface{comparable}");
                } else {
                    self.out.push_str("interface{");
                    for (i, m) in methods.iter().enumerate() {
                        if i > 0 {
                            self.sep(";");
                        }
                        self.out.push_str(&m.name);
                        if let Some(s) = self.types.sig(m.sig).cloned() {
                            self.signature(&s);
                        }
                    }
                    self.out.push('}');
                }
            }
            T::Tuple(ps) => self.params(&ps, false),
        }
        self.depth -= 1;
    }

    /// A defined type's (or alias's) name, qualified unless of the current package.
    fn type_name(&mut self, o: crate::model::ObjId) {
        let obj = self.q.objects.get(o.0 as usize);
        if let Some(pkg) = obj.and_then(|o| o.pkg).filter(|&p| Some(p) != self.q.current)
            && let Some(p) = self.q.packages.get(pkg.0 as usize)
        {
            self.out.push_str(&p.name);
            self.out.push('.');
        }
        self.out.push_str(obj.map(|o| o.name.as_str()).unwrap_or("?"));
    }

    /// `~int | string`.
    fn terms(&mut self, terms: &[Term]) {
        for (i, t) in terms.iter().enumerate() {
            if i > 0 {
                self.out.push_str(" | ");
            }
            if t.tilde {
                self.out.push('~');
            }
            self.typ(t.ty);
        }
    }

    /// An interface as written: its own methods, then its embedded
    /// elements (an implicit one is its only element).
    fn written_interface(&mut self, w: &Written) {
        if w.implicit && w.methods.is_empty() && w.embeds.len() == 1 {
            self.typ(w.embeds[0]);
            return;
        }
        self.out.push_str("interface{");
        let mut first = true;
        for m in &w.methods {
            if !first {
                self.sep(";");
            }
            first = false;
            self.out.push_str(&m.name);
            if let Some(s) = self.types.sig(m.sig).cloned() {
                self.signature(&s);
            }
        }
        for &e in &w.embeds {
            if !first {
                self.sep(";");
            }
            first = false;
            self.typ(e);
        }
        self.out.push('}');
    }

    /// `[T any, U comparable]`: consecutive type parameters with the same
    /// constraint share it.
    fn tparam_list(&mut self, tparams: &[TyId]) {
        self.out.push('[');
        for (i, &t) in tparams.iter().enumerate() {
            if i > 0 {
                self.sep(",");
            }
            self.typ(t);
            let bound = |w: &Self, t: TyId| match w.types.get(t) {
                T::TypeParam(p) => w.types.tparams.get(p).map(|d| d.constraint),
                _ => None,
            };
            let b = bound(self, t);
            if tparams.get(i + 1).is_none_or(|&n| bound(self, n) != b) {
                self.out.push(' ');
                match b {
                    Some(b) => self.typ(b),
                    None => self.out.push('?'),
                }
            }
        }
        self.out.push(']');
    }

    fn params(&mut self, ps: &[crate::types::Param], variadic: bool) {
        self.out.push('(');
        for (i, p) in ps.iter().enumerate() {
            if i > 0 {
                self.sep(",");
            }
            if let Some(n) = &p.name {
                self.out.push_str(n);
                self.out.push(' ');
            }
            if variadic
                && i + 1 == ps.len()
                && let T::Slice(e) = self.types.get(p.ty).clone()
            {
                self.out.push_str("...");
                self.typ(e);
                continue;
            }
            self.typ(p.ty);
        }
        self.out.push(')');
    }

    fn signature(&mut self, s: &Sig) {
        if !s.tparams.is_empty() {
            self.tparam_list(&s.tparams);
        }
        self.params(&s.params, s.variadic);
        if s.results.is_empty() {
            return;
        }
        self.out.push(' ');
        if s.results.len() == 1 && s.results[0].name.is_none() {
            self.typ(s.results[0].ty);
            return;
        }
        self.params(&s.results, false);
    }
}
