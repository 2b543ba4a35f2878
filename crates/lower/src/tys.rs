//! Checker types → IR types, and types' names as gc prints them.
//!
//! Invariants:
//! * one [`TyId`] per checker [`TypeId`] (the checker interns by Go type
//!   identity, so identical Go types share an IR id too);
//! * types the lowering makes up itself (the `interface {}` of `panic`'s
//!   argument, tuples of call results) are first looked up in the checker's
//!   table so they coincide with the checker's type when it has one;
//! * a defined type's [`TyId`] is reserved before its underlying type is
//!   lowered, so recursive types (`type L struct{ next *L }`) terminate.

use std::collections::HashMap;

use types::{BasicKind, Info, Signature, Type, TypeId, TypeTable};

use crate::ir::{FuncId, FuncSig, IntTy, ReflectFacts, TyDef, TyId, TyKind};

/// Types the lowering needs that may not exist in the checker's table.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Synth {
    Tuple(Vec<TyId>),
    EmptyInterface,
    Basic(BasicKind),
    Pointer(TyId),
    UnitFunc,
}

/// The mapping, owned by the program being built.
#[derive(Default)]
pub struct TyMap {
    map: HashMap<TypeId, TyId>,
    rev: HashMap<TyId, TypeId>,
    synth: HashMap<Synth, TyId>,
}

/// What [`TyMap`] needs to see while lowering a type.
pub struct TyEnv<'a> {
    /// Checker facts (names of objects and packages; types are read from
    /// `types`).
    pub info: &'a Info,
    /// All types: the checker's and the instances lowering made.
    pub types: &'a TypeTable,
    /// Methods of defined types, by type name object: (name, function,
    /// pointer receiver).
    pub methods: &'a HashMap<types::ObjId, Vec<(String, FuncId, bool)>>,
    /// The import path of the package being lowered: the package reflect
    /// names for the unexported fields of a struct type first lowered
    /// there (the checker's struct types do not record it).
    pub pkg: &'a str,
}

impl TyMap {
    /// The checker type an IR type was made from (every IR type but the
    /// tuples lowering makes up for results).
    pub fn checker_type(&self, t: TyId) -> Option<TypeId> {
        self.rev.get(&t).copied()
    }

    /// The methods declared for IR type `t` (a defined type, or a pointer
    /// to one: its pointer-receiver methods), sorted by name. Types are
    /// lowered before all methods are declared (a global of type `*T`
    /// precedes `T`'s methods), so method tables are only final once the
    /// whole program is lowered.
    pub fn declared_methods(&self, env: &TyEnv, t: TyId) -> Vec<(String, FuncId)> {
        let Some(&ct) = self.rev.get(&t) else { return Vec::new() };
        match env.types.get(ct) {
            Type::Named(obj) => method_list(env, *obj, false),
            Type::Pointer(elem) => match env.types.get(*elem) {
                Type::Named(obj) => method_list(env, *obj, true),
                _ => Vec::new(),
            },
            _ => Vec::new(),
        }
    }

    /// The IR type of a checker type.
    pub fn lower(&mut self, env: &TyEnv, out: &mut Vec<TyDef>, t: TypeId) -> TyId {
        if let Some(&id) = self.map.get(&t) {
            return id;
        }
        let id = TyId(out.len() as u32);
        out.push(TyDef {
            kind: TyKind::Tuple(Vec::new()),
            name: go_name(env, t),
            link: link_name(env, t),
            named: false,
            methods: Vec::new(),
            reflect: Default::default(),
        });
        self.map.insert(t, id);
        self.rev.insert(id, t);
        let ty = env.types.get(t).clone();
        let (kind, named, methods) = match &ty {
            // An instance's methods join its table when the tables are
            // completed (`Ctx::instance_methods`).
            Type::Instance { .. } => {
                let under = env.types.underlying(t);
                (self.kind_of(env, out, under), true, Vec::new())
            }
            Type::Named(obj) => {
                let under = env.types.underlying(t);
                let kind = self.kind_of(env, out, under);
                (kind, true, method_list(env, *obj, false))
            }
            Type::Pointer(elem) => {
                let methods = match env.types.get(*elem) {
                    Type::Named(obj) => method_list(env, *obj, true),
                    _ => Vec::new(),
                };
                (self.kind_of(env, out, t), false, methods)
            }
            _ => (self.kind_of(env, out, t), false, Vec::new()),
        };
        let reflect = self.reflect_facts(env, out, t);
        let def = &mut out[id.0 as usize];
        def.kind = kind;
        def.named = named;
        def.methods = methods;
        def.reflect = reflect;
        id
    }

    /// What reflect needs of checker type `t` beyond its IR structure (see
    /// [`ReflectFacts`]).
    fn reflect_facts(&mut self, env: &TyEnv, out: &mut Vec<TyDef>, t: TypeId) -> ReflectFacts {
        let mut facts = ReflectFacts::default();
        let under = env.types.underlying(t);
        let defined = match env.types.get(t) {
            Type::Named(obj) => Some(*obj),
            Type::Instance { base, .. } => Some(*base),
            _ => None,
        };
        if let Some(obj) = defined {
            facts.pkg_path = env.types.named.get(&obj).map(|n| n.pkg.clone()).unwrap_or_default();
        }
        match env.types.get(under) {
            Type::Basic(k) => {
                facts.sized64 = matches!(k, BasicKind::Int64 | BasicKind::Uint64);
                facts.uintptr = *k == BasicKind::Uintptr;
            }
            Type::Chan(dir, _) => {
                facts.chan_dir = match dir {
                    syntax::ast::ChanDir::Recv => 1,
                    syntax::ast::ChanDir::Send => 2,
                    syntax::ast::ChanDir::Both => 3,
                }
            }
            Type::Func(sig) => facts.variadic = sig.variadic,
            Type::Struct(fields) => {
                facts.tags = fields.iter().map(|f| f.tag.clone().unwrap_or_default()).collect();
                if defined.is_none() {
                    facts.pkg_path = env.pkg.to_string();
                }
            }
            Type::Interface(ms) => {
                let ms = ms.clone();
                facts.method_types = ms.iter().map(|m| self.lower(env, out, m.sig)).collect()
            }
            _ => {}
        }
        facts
    }

    /// The structure of a non-named type (or of a named type's underlying).
    fn kind_of(&mut self, env: &TyEnv, out: &mut Vec<TyDef>, t: TypeId) -> TyKind {
        let ty = env.types.get(t).clone();
        match ty {
            Type::Basic(k) => basic_kind(k),
            Type::Named(_) | Type::Instance { .. } => {
                let under = env.types.underlying(t);
                self.kind_of(env, out, under)
            }
            Type::Pointer(e) => TyKind::Pointer(self.lower(env, out, e)),
            Type::Array(n, e) => TyKind::Array(n, self.lower(env, out, e)),
            Type::Slice(e) => TyKind::Slice(self.lower(env, out, e)),
            Type::Map(k, v) => TyKind::Map(self.lower(env, out, k), self.lower(env, out, v)),
            Type::Chan(_, e) => TyKind::Chan(self.lower(env, out, e)),
            Type::Struct(fields) => TyKind::Struct(
                fields.iter().map(|f| (f.name.clone(), self.lower(env, out, f.ty), f.embedded)).collect(),
            ),
            Type::Func(sig) => TyKind::Func(self.sig(env, out, &sig)),
            Type::Interface(ms) => TyKind::Interface(
                ms.iter()
                    .map(|m| {
                        let sig = match env.types.get(m.sig) {
                            Type::Func(s) => s.clone(),
                            _ => Signature { params: Vec::new(), results: Vec::new(), variadic: false },
                        };
                        (m.name.clone(), self.sig(env, out, &sig))
                    })
                    .collect(),
            ),
            Type::Tuple(ts) => TyKind::Tuple(ts.iter().map(|&t| self.lower(env, out, t)).collect()),
            // Substitution (`crate::facts`) leaves no type parameter, and
            // constraints are the types of no value.
            Type::TypeParam(_) | Type::Constraint(_) => {
                panic!("internal compiler error: generic type {t:?} reached lowering")
            }
        }
    }

    /// An IR function signature.
    pub fn sig(&mut self, env: &TyEnv, out: &mut Vec<TyDef>, sig: &Signature) -> FuncSig {
        FuncSig {
            params: sig.params.iter().map(|&t| self.lower(env, out, t)).collect(),
            results: sig.results.iter().map(|&t| self.lower(env, out, t)).collect(),
        }
    }

    /// The tuple of these IR types (the type of a multi-value call, or the
    /// empty tuple of a call without results).
    pub fn tuple(&mut self, env: &TyEnv, out: &mut Vec<TyDef>, elems: Vec<TyId>) -> TyId {
        let ids: Option<Vec<TypeId>> = elems.iter().map(|e| self.rev.get(e).copied()).collect();
        if let Some(t) = ids.and_then(|ids| env.types.index.get(&Type::Tuple(ids)).copied()) {
            return self.lower(env, out, t);
        }
        let list = |link: bool| {
            let names: Vec<&str> = elems
                .iter()
                .map(|e| &out[e.0 as usize])
                .map(|d| if link { d.link.as_str() } else { d.name.as_str() })
                .collect();
            format!("({})", names.join(", "))
        };
        let names = (list(false), list(true));
        self.synthesize(out, Synth::Tuple(elems.clone()), TyKind::Tuple(elems), names)
    }

    /// `*elem`.
    pub fn pointer_to(&mut self, env: &TyEnv, out: &mut Vec<TyDef>, elem: TyId) -> TyId {
        let checker = self.rev.get(&elem).and_then(|e| env.types.index.get(&Type::Pointer(*e)).copied());
        if let Some(t) = checker {
            return self.lower(env, out, t);
        }
        let e = &out[elem.0 as usize];
        let names = (format!("*{}", e.name), format!("*{}", e.link));
        self.synthesize(out, Synth::Pointer(elem), TyKind::Pointer(elem), names)
    }

    /// `interface {}`.
    pub fn empty_interface(&mut self, env: &TyEnv, out: &mut Vec<TyDef>) -> TyId {
        if let Some(&t) = env.types.index.get(&Type::Interface(Vec::new())) {
            return self.lower(env, out, t);
        }
        let names = ("interface {}".into(), "interface {}".into());
        self.synthesize(out, Synth::EmptyInterface, TyKind::Interface(Vec::new()), names)
    }

    /// `func()`.
    pub fn unit_func(&mut self, env: &TyEnv, out: &mut Vec<TyDef>) -> TyId {
        let sig = Type::Func(types::Signature { params: Vec::new(), results: Vec::new(), variadic: false });
        if let Some(&t) = env.types.index.get(&sig) {
            return self.lower(env, out, t);
        }
        let kind = TyKind::Func(FuncSig { params: Vec::new(), results: Vec::new() });
        self.synthesize(out, Synth::UnitFunc, kind, ("func()".into(), "func()".into()))
    }

    /// A basic type.
    pub fn basic(&mut self, env: &TyEnv, out: &mut Vec<TyDef>, k: BasicKind) -> TyId {
        if let Some(&t) = env.types.index.get(&Type::Basic(k)) {
            return self.lower(env, out, t);
        }
        self.synthesize(out, Synth::Basic(k), basic_kind(k), (k.name().to_string(), k.name().to_string()))
    }

    /// A type the checker's table lacks, with its (name, link name).
    fn synthesize(&mut self, out: &mut Vec<TyDef>, key: Synth, kind: TyKind, names: (String, String)) -> TyId {
        if let Some(&id) = self.synth.get(&key) {
            return id;
        }
        let id = TyId(out.len() as u32);
        let (name, link) = names;
        out.push(TyDef { kind, name, link, named: false, methods: Vec::new(), reflect: Default::default() });
        self.synth.insert(key, id);
        id
    }
}

fn method_list(env: &TyEnv, obj: types::ObjId, pointer: bool) -> Vec<(String, FuncId)> {
    let mut ms: Vec<(String, FuncId)> = env
        .methods
        .get(&obj)
        .map(|ms| ms.iter().filter(|m| m.2 == pointer).map(|m| (m.0.clone(), m.1)).collect())
        .unwrap_or_default();
    ms.sort_by(|a, b| a.0.cmp(&b.0));
    ms
}

/// The IR structure of a basic type. Untyped kinds (which the checker
/// promises never to leave on evaluated expressions, except nil) map to
/// their default types.
pub fn basic_kind(k: BasicKind) -> TyKind {
    use BasicKind::*;
    let int = |bits, signed| TyKind::Int(IntTy { bits, signed });
    match k {
        Bool | UntypedBool => TyKind::Bool,
        Int | Int64 | UntypedInt => int(64, true),
        Int8 => int(8, true),
        Int16 => int(16, true),
        Int32 | UntypedRune => int(32, true),
        Uint | Uint64 | Uintptr => int(64, false),
        Uint8 => int(8, false),
        Uint16 => int(16, false),
        Uint32 => int(32, false),
        Float32 => TyKind::Float(32),
        Float64 | UntypedFloat => TyKind::Float(64),
        Complex64 => TyKind::Complex(64),
        Complex128 | UntypedComplex => TyKind::Complex(128),
        String | UntypedString => TyKind::String,
        UnsafePointer | UntypedNil | Invalid => TyKind::UnsafePointer,
    }
}

/// A type's name as gc prints it in panics and `%T`.
pub fn go_name(env: &TyEnv, t: TypeId) -> String {
    let mut s = String::new();
    write_name(env, Spelling::Go, t, &mut s);
    s
}

/// A type's name in link names ([`crate::ir::Func::link`]): unique among
/// the types of every program, and the same in each. It is gc's spelling
/// but that a defined type is qualified by its package's import path
/// (`math/rand.Rand`: two packages may share a name) and one declared in a
/// function by its position too (`main.T·12:7`: two functions may declare
/// a `T`).
pub fn link_name(env: &TyEnv, t: TypeId) -> String {
    let mut s = String::new();
    write_name(env, Spelling::Link, t, &mut s);
    s
}

/// Which of a type's names [`write_name`] writes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Spelling {
    /// gc's, in panics and `%T` ([`go_name`]).
    Go,
    /// The link name's ([`link_name`]).
    Link,
}

fn write_name(env: &TyEnv, sp: Spelling, t: TypeId, s: &mut String) {
    let info = env.info;
    match env.types.get(t) {
        Type::Basic(k) => s.push_str(k.name()),
        Type::Named(obj) => {
            // gc names a type by its package's name, not its import path
            // (`*rand.Rand` for `math/rand`).
            let path = env.types.named.get(obj).map(|n| n.pkg.as_str()).unwrap_or("");
            let name = match sp {
                Spelling::Go => info.package_name(path).or_else(|| path.rsplit('/').next()),
                Spelling::Link => Some(path),
            };
            if let Some(pkg) = name.filter(|p| !p.is_empty()) {
                s.push_str(pkg);
                s.push('.');
            }
            let o = info.obj(*obj);
            s.push_str(&o.name);
            if sp == Spelling::Link && o.owner.is_some() {
                s.push_str(&format!("·{}:{}", o.pos.line, o.pos.col));
            }
        }
        Type::Pointer(e) => {
            s.push('*');
            write_name(env, sp, *e, s);
        }
        Type::Array(n, e) => {
            s.push_str(&format!("[{n}]"));
            write_name(env, sp, *e, s);
        }
        Type::Slice(e) => {
            s.push_str("[]");
            write_name(env, sp, *e, s);
        }
        Type::Map(k, v) => {
            s.push_str("map[");
            write_name(env, sp, *k, s);
            s.push(']');
            write_name(env, sp, *v, s);
        }
        Type::Chan(dir, e) => {
            s.push_str(match dir {
                syntax::ast::ChanDir::Both => "chan ",
                syntax::ast::ChanDir::Send => "chan<- ",
                syntax::ast::ChanDir::Recv => "<-chan ",
            });
            write_name(env, sp, *e, s);
        }
        Type::Struct(fields) if fields.is_empty() => s.push_str("struct {}"),
        Type::Struct(fields) => {
            s.push_str("struct { ");
            for (i, f) in fields.iter().enumerate() {
                if i > 0 {
                    s.push_str("; ");
                }
                // gc spells an embedded field by its type alone; a link
                // name tells `struct { int }` from `struct { Int }` (`type
                // Int = int`), which are different types.
                if !f.embedded {
                    s.push_str(&f.name);
                    s.push(' ');
                } else if sp == Spelling::Link {
                    s.push_str(&format!("·{} ", f.name));
                }
                write_name(env, sp, f.ty, s);
                if let Some(tag) = &f.tag {
                    s.push_str(&format!(" {tag:?}"));
                }
            }
            s.push_str(" }");
        }
        Type::Func(sig) => {
            s.push_str("func");
            write_sig(env, sp, sig, s);
        }
        Type::Interface(ms) if ms.is_empty() => s.push_str("interface {}"),
        Type::Interface(ms) => {
            s.push_str("interface { ");
            for (i, m) in ms.iter().enumerate() {
                if i > 0 {
                    s.push_str("; ");
                }
                s.push_str(&m.name);
                if let Type::Func(sig) = env.types.get(m.sig) {
                    write_sig(env, sp, sig, s);
                }
            }
            s.push_str(" }");
        }
        Type::Tuple(ts) => {
            s.push('(');
            write_list(env, sp, ts, false, s);
            s.push(')');
        }
        // gc's name of an instance: `main.Pair[string,int]`.
        Type::Instance { base, args } => {
            write_name(env, sp, info.obj(*base).ty, s);
            s.push('[');
            for (i, &a) in args.iter().enumerate() {
                if i > 0 {
                    s.push(',');
                }
                write_name(env, sp, a, s);
            }
            s.push(']');
        }
        Type::TypeParam(_) | Type::Constraint(_) => {
            panic!("internal compiler error: generic type {t:?} reached lowering")
        }
    }
}

fn write_list(env: &TyEnv, sp: Spelling, ts: &[TypeId], variadic: bool, s: &mut String) {
    for (i, &t) in ts.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        match env.types.get(t) {
            Type::Slice(e) if variadic && i + 1 == ts.len() => {
                s.push_str("...");
                write_name(env, sp, *e, s);
            }
            _ => write_name(env, sp, t, s),
        }
    }
}

fn write_sig(env: &TyEnv, sp: Spelling, sig: &Signature, s: &mut String) {
    s.push('(');
    write_list(env, sp, &sig.params, sig.variadic, s);
    s.push(')');
    match sig.results.len() {
        0 => {}
        1 => {
            s.push(' ');
            write_name(env, sp, sig.results[0], s);
        }
        _ => {
            s.push_str(" (");
            write_list(env, sp, &sig.results, false, s);
            s.push(')');
        }
    }
}
