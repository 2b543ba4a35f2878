//! Declarations: collecting package-level objects, checking them lazily
//! (with cycle detection), local declarations, function signatures and
//! bodies.
//!
//! A package-level object starts [`Color::White`] with its [`PkgDecl`];
//! [`Checker::obj_decl`] checks it on first reference (or in the final sweep
//! over all declarations), greying it meanwhile. Referring to a grey
//! constant or variable is an initialization cycle, reported later by
//! `initorder` in gc's words; referring to a grey type is fine (types may be
//! recursive through pointers etc.) unless its underlying type is needed,
//! which is an `invalid recursive type`.

use syntax::Pos;
use syntax::ast::{
    ConstSpec, Decl, Expr, Field, File, FuncDecl, FuncType, Ident, NodeId, Type, TypeKind, TypeSpec, VarSpec,
};

use crate::check::{Checker, Color, FuncCtx, PkgDecl};
use crate::constant::Value;
use crate::exprstr::type_start;
use crate::lang::LangVersion;
use crate::model::{ObjId, ObjKind, VarInfo};
use crate::operand::Operand;
use crate::types::{INVALID, Param, Sig, T, TyId};

/// A step of an `invalid recursive type` cycle: a declared type, or an
/// instance of a generic one.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum CycleNode {
    Obj(ObjId),
    Inst(TyId),
}

/// The state of [`Checker::find_embedding`]'s walk (types2's `validType0`):
/// the nest, the types whose structure is being walked, each with the type
/// arguments its type parameters stand for (innermost last; resolving a
/// type parameter leaves its level); and the path, every type entered on
/// the way.
struct EmbeddingWalk {
    nest: Vec<(CycleNode, Vec<(TyId, TyId)>)>,
    path: Vec<CycleNode>,
}

/// The objects of a checked signature.
#[derive(Clone, Default)]
pub(crate) struct SigObjs {
    pub recv: Option<ObjId>,
    pub params: Vec<ObjId>,
    pub results: Vec<ObjId>,
    /// The receiver type parameters of a method of a generic type (`T` in
    /// `func (l *List[T]) Push(v T)`).
    pub recv_tparams: Vec<TyId>,
}

impl<'a> Checker<'a> {
    // ------------------------------------------------------------------
    // Collection.

    /// Judges the imports once every use is known: an import that is never
    /// used is the error gc reports for it, whatever the package; a used
    /// import of a package deft does not have is unsupported.
    pub(crate) fn report_imports(&mut self) {
        let dots_used = std::mem::take(self.dot_used.get_mut());
        self.dot_imports.clear();
        // Uses inside bodies a declarations-only parse skipped are unknown.
        let judge_unused = !self
            .files
            .iter()
            .any(|f| f.decls.iter().any(|d| matches!(d, syntax::ast::Decl::Func(fd) if fd.body_skipped.is_some())));
        for (i, (imp, obj)) in std::mem::take(&mut self.imports).into_iter().enumerate() {
            let imported = self.imported_path(&imp.path);
            let path = crate::constant::quote(imported.as_bytes());
            let known = imported == "unsafe" || self.package_by_path(&imported).is_some();
            // gc counts the import of a package it found no file for as
            // used (types2's fake package).
            let unfound = self.is_unfound_import(&imp.path);
            let dot = imp.name.as_ref().is_some_and(|n| n.name == ".");
            match obj {
                // A name other than the path's last element is shown.
                // Every use of a package name goes through `use_obj`.
                Some(o) if judge_unused && !unfound && !self.objs[o.0 as usize].used => {
                    let name = &self.obj(o).name;
                    if imported.rsplit('/').next() == Some(name.as_str()) {
                        self.error(imp.pos, format!("{path} imported and not used"));
                    } else {
                        self.error(imp.pos, format!("{path} imported as {name} and not used"));
                    }
                }
                None if judge_unused && dot && known && !dots_used.contains(&i) => {
                    self.error(imp.pos, format!("{path} imported and not used"));
                }
                _ if known || unfound => {}
                _ => self.error(imp.path_pos, format!("deft does not support package {path} yet")),
            }
        }
    }

    /// Whether the package being checked is `package main`, where `main`
    /// must be a function.
    fn in_main_package(&self) -> bool {
        self.info.packages[self.cur_pkg().0 as usize].name == "main"
    }

    /// Whether the loader found no package for an import of `written` (see
    /// [`crate::PackageSpec::unfound_imports`]).
    fn is_unfound_import(&self, written: &str) -> bool {
        self.info.packages[self.cur_pkg().0 as usize].spec.unfound_imports.contains(written)
    }

    /// The path of the package an import of `written` (as the current
    /// package's file spells it) names.
    pub(crate) fn imported_path(&self, written: &str) -> String {
        let spec = &self.info.packages[self.cur_pkg().0 as usize].spec;
        spec.import_map.get(written).cloned().unwrap_or_else(|| written.to_string())
    }

    /// The name of the package of import path `path` (its package clause),
    /// or the path's last element when the program has no such package.
    pub(crate) fn package_name(&self, path: &str) -> String {
        match self.package_by_path(path) {
            Some(p) => self.info.packages[p.0 as usize].name.clone(),
            None => path.rsplit('/').next().unwrap_or(path).to_string(),
        }
    }

    /// `import . "path"` (import number `index` of the package): the
    /// exported package-level names of the package are declared in the
    /// file's scope, and remembered to find whether the import is used.
    fn dot_import(&mut self, path: &str, fscope: crate::check::ScopeId, index: usize) {
        let scope = match path {
            "unsafe" => self.unsafe_scope,
            _ => match self.package_by_path(path) {
                Some(p) => self.pkg_scopes[p.0 as usize],
                None => return,
            },
        };
        let names: Vec<(String, ObjId)> = self.scopes[scope.0 as usize]
            .names
            .iter()
            .filter(|(n, _)| n.chars().next().is_some_and(char::is_uppercase))
            .map(|(n, &o)| (n.clone(), o))
            .collect();
        for (n, o) in names {
            self.dot_imports.insert((fscope, n.clone()), index);
            self.scopes[fscope.0 as usize].names.insert(n, o);
        }
    }

    /// The package with import path `path`, if it was checked already.
    pub(crate) fn package_by_path(&self, path: &str) -> Option<crate::model::PkgId> {
        let i = self.info.packages.iter().position(|p| p.spec.path == path)?;
        Some(crate::model::PkgId(i as u32)).filter(|&p| Some(p) != self.pkg)
    }

    /// Resolves the qualified identifier `pkg.name` where `pkg` names an
    /// import of `path`: the exported package-level object, or an error
    /// (reported at `pos`, gc's `undefined: fmt.foo`, or that deft lacks a
    /// name Go's package has) and `None`. An import of a package deft
    /// lacks is reported once, by `report_imports`.
    pub(crate) fn qualified(&mut self, path: &str, pkg: &str, name: &str, pos: Pos) -> Option<ObjId> {
        let scope = match path {
            "unsafe" => self.unsafe_scope,
            _ => self.pkg_scopes[self.package_by_path(path)?.0 as usize],
        };
        let exported = |n: &str| n.chars().next().is_some_and(char::is_uppercase);
        match self.lookup_in(scope, name) {
            Some(o) if exported(name) => Some(o),
            // gc imports another package from its export data, which
            // holds only the unexported names the exported ones need.
            Some(o) => {
                let msg = match self.in_export_data(scope, o) {
                    true => format!("name {name} not exported by package {pkg}"),
                    false => format!("undefined: {pkg}.{name}"),
                };
                self.error(pos, msg);
                None
            }
            None => {
                // A name Go's package has and deft's lacks; else gc's error,
                // suggesting an exported name differing in case only.
                let folded = name.to_lowercase();
                let mut alts: Vec<&String> = self.scopes[scope.0 as usize]
                    .names
                    .keys()
                    .filter(|n| exported(n) && n.to_lowercase() == folded)
                    .collect();
                alts.sort();
                let undefined = match alts.first() {
                    Some(alt) => format!("undefined: {pkg}.{name} (but have {alt})"),
                    None => format!("undefined: {pkg}.{name}"),
                };
                let msg = self.unsupported_name(path, name).unwrap_or(undefined);
                self.error(pos, msg);
                None
            }
        }
    }

    /// Whether gc's export data of the package of `scope` holds its
    /// unexported object `target`: a type name that the types of its
    /// exported names reach (through fields, elements, signatures and
    /// every method of the types met, unexported ones included), which gc
    /// writes out whole (`reflect.flag`, the type of `Value`'s field).
    /// gc also writes the unexported names that inlinable bodies mention,
    /// which deft cannot tell: those stay undefined.
    fn in_export_data(&self, scope: crate::check::ScopeId, target: ObjId) -> bool {
        if !matches!(self.obj(target).kind, ObjKind::TypeName) {
            return false;
        }
        let exported = |n: &String| n.chars().next().is_some_and(char::is_uppercase);
        let names = &self.scopes[scope.0 as usize].names;
        let mut stack: Vec<TyId> = names.iter().filter(|(n, _)| exported(n)).map(|(_, &o)| self.obj_ty(o)).collect();
        let mut seen = std::collections::HashSet::new();
        while let Some(t) = stack.pop() {
            if !seen.insert(t) {
                continue;
            }
            match self.tys.get(t) {
                T::Named(o) | T::Inst(o, _) => {
                    if *o == target {
                        return true;
                    }
                    if let T::Inst(_, args) = self.tys.get(t) {
                        stack.extend(args);
                    }
                    if let Some(n) = self.tys.named.get(o) {
                        stack.push(n.underlying);
                        stack.extend(n.methods.iter().map(|&m| self.obj_ty(m)));
                    }
                }
                T::Pointer(e) | T::Array(_, e) | T::Slice(e) | T::Chan(_, e) => stack.push(*e),
                T::Map(k, v) => stack.extend([*k, *v]),
                T::Struct(fs) => stack.extend(fs.iter().map(|f| f.ty)),
                T::Func(sig) => stack.extend(sig.params.iter().chain(&sig.results).map(|p| p.ty)),
                T::Tuple(ps) => stack.extend(ps.iter().map(|p| p.ty)),
                T::Interface { methods, written, .. } => {
                    stack.extend(methods.iter().map(|m| m.sig));
                    stack.extend(written.iter().flat_map(|w| w.embeds.iter().copied()));
                }
                T::Union(terms) => stack.extend(terms.iter().map(|x| x.ty)),
                T::Basic(_) | T::Alias(..) | T::TypeParam(_) | T::Aliased(..) => {}
            }
        }
        false
    }

    /// Reports package-level names that a file also declares by importing
    /// (by import name or dot import): the file's name would hide them.
    pub(crate) fn report_import_conflicts(&mut self) {
        let mut conflicts: Vec<(ObjId, ObjId)> = Vec::new();
        for &fscope in &self.file_scopes {
            for (name, &imported) in &self.scopes[fscope.0 as usize].names {
                if let Some(alt) = self.lookup_in(self.pkg_scope, name) {
                    conflicts.push((alt, imported));
                }
            }
        }
        conflicts.sort_by_key(|&(alt, _)| self.obj(alt).pos);
        for (alt, imported) in conflicts {
            let name = self.obj(alt).name.clone();
            let (how, path) = match &self.obj(imported).kind {
                ObjKind::PkgName(path) => ("import", path.clone()),
                // Objects of package unsafe belong to no package.
                _ => ("dot-import", self.obj(imported).pkg.map_or("unsafe".into(), |p| self.pkg_path(p))),
            };
            let pkg = self.import_string(&path);
            let mut msg = format!("{name} already declared through {how} of {pkg}");
            let other = self.obj(imported).pos;
            if other.is_known() {
                msg.push_str(&format!("\n\t{}: other declaration of {name}", self.pos_string(other)));
            }
            self.error(self.obj(alt).pos, msg);
        }
    }

    /// The import path of package `p`.
    fn pkg_path(&self, p: crate::model::PkgId) -> String {
        self.info.packages[p.0 as usize].spec.path.clone()
    }

    /// The package imported by `path` as gc prints it: `package rand
    /// ("math/rand")` (named by its last element if deft lacks it).
    fn import_string(&self, path: &str) -> String {
        let name = self.package_name(path);
        format!("package {name} ({})", crate::constant::quote(path.as_bytes()))
    }

    /// Collects imports and package-level objects of all files.
    pub(crate) fn collect_objects(&mut self, files: &'a [File]) {
        for (fi, file) in files.iter().enumerate() {
            let fscope = self.file_scopes[fi];
            for imp in &file.imports {
                // An import gc rejects declares nothing.
                if let Some((pos, msg)) = bad_import(imp) {
                    self.error(pos, msg);
                    continue;
                }
                let imported = self.imported_path(&imp.path);
                // gc's compiler goes on with a package of that name that
                // has no objects.
                if self.is_unfound_import(&imp.path) {
                    self.error(imp.path_pos, format!("could not import {imported} (file not found)"));
                }
                let name = match &imp.name {
                    Some(n) => n.name.clone(),
                    None => self.package_name(&imported),
                };
                if name == "init" {
                    self.error(imp.pos, "cannot import package as init - init must be a func");
                    continue;
                }
                if name == "." {
                    self.dot_import(&imported, fscope, self.imports.len());
                }
                if name == "_" || name == "." {
                    self.imports.push((imp, None));
                    continue;
                }
                let o = self.new_obj(&name, ObjKind::PkgName(imported), INVALID, imp.pos);
                self.imports.push((imp, Some(o)));
                if let Some(n) = &imp.name {
                    self.info.defs.insert(n.id, o);
                }
                self.declare(fscope, None, o);
            }
            for decl in &file.decls {
                match decl {
                    Decl::Const(specs) => {
                        for spec in specs {
                            self.arity(spec.pos, &spec.names, &spec.values, true, spec.implicit);
                            for (i, n) in spec.names.iter().enumerate() {
                                let o = self.new_obj(
                                    &n.name,
                                    ObjKind::Const(crate::model::ConstValue::Bool(false)),
                                    INVALID,
                                    n.pos,
                                );
                                self.declare_pkg_obj(
                                    n,
                                    o,
                                    PkgDecl::Const { spec, index: i, typ: spec.ty.as_ref() },
                                    fi,
                                );
                            }
                        }
                    }
                    Decl::Var(specs) => {
                        for spec in specs {
                            if spec.ty.is_none() || !spec.values.is_empty() {
                                self.arity(spec.pos, &spec.names, &spec.values, false, false);
                            }
                            for (i, n) in spec.names.iter().enumerate() {
                                let vi = VarInfo { global: true, ..Default::default() };
                                let o = self.new_var(&n.name, INVALID, n.pos, vi);
                                self.declare_pkg_obj(n, o, PkgDecl::Var { spec, index: i }, fi);
                            }
                        }
                    }
                    Decl::Type(specs) => {
                        for spec in specs {
                            let o = self.new_obj(&spec.name.name, ObjKind::TypeName, INVALID, spec.name.pos);
                            self.declare_pkg_obj(&spec.name, o, PkgDecl::Type(spec), fi);
                        }
                    }
                    Decl::Func(fd) => self.collect_func(fd, fi),
                }
            }
        }
    }

    /// Files the methods declared with an alias as receiver base type
    /// (`type A = T; func (A) m()`) under the type the alias names
    /// (through aliases; as types2, following the names as written), so
    /// that they are checked, duplicates included, with that type's.
    pub(crate) fn file_alias_methods(&mut self) {
        let names: Vec<String> = self.methods.keys().cloned().collect();
        for name in names {
            let Some(ms) = self.methods.remove(&name) else { continue };
            for m in ms {
                let ptr = match self.objs[m.0 as usize].decl {
                    Some(PkgDecl::Func(fd)) => fd.recv.as_ref().is_some_and(|r| recv_is_pointer(&r.ty)),
                    _ => false,
                };
                // A receiver whose base type is no type name (through
                // aliases to two pointers) stays under its own name,
                // which no defined type has: it is reported invalid.
                let base = self.alias_base_name(&name, ptr).unwrap_or_else(|| name.clone());
                let list = self.methods.entry(base).or_default();
                list.push(m);
                list.sort_by_key(|&m| self.info.objects[m.0 as usize].pos);
            }
        }
    }

    /// The aliases that type expression `t` names, as written: the alias
    /// it names, the alias that one names, and so on.
    fn alias_chain(&self, t: &Type) -> Vec<ObjId> {
        let mut chain = Vec::new();
        let mut t = t;
        loop {
            let o = match &t.kind {
                TypeKind::Paren(inner) => {
                    t = inner;
                    continue;
                }
                TypeKind::Name { pkg: None, name } => self.info.uses.get(&name.id).copied(),
                _ => None,
            };
            match o.and_then(|o| self.objs[o.0 as usize].decl.map(|d| (o, d))) {
                Some((o, PkgDecl::Type(spec))) if spec.alias && !chain.contains(&o) => {
                    chain.push(o);
                    t = &spec.ty;
                }
                _ => return chain,
            }
        }
    }

    /// The name of the type that package-level name `name` denotes when
    /// followed through aliases whose right side is a type name or a
    /// pointer to one (types2's `resolveBaseTypeName`): `None` past a
    /// second pointer, counting the receiver's own (`ptr`).
    fn alias_base_name(&self, name: &str, mut ptr: bool) -> Option<String> {
        let mut name = name.to_string();
        let mut seen = Vec::new();
        while let Some(o) = self.lookup_in(self.pkg_scope, &name)
            && let Some(PkgDecl::Type(spec)) = self.objs[o.0 as usize].decl
            && spec.alias
            && !seen.contains(&o)
        {
            seen.push(o);
            let mut rhs = unparen_type(&spec.ty);
            if let TypeKind::Pointer(b) = &rhs.kind {
                if ptr {
                    return None;
                }
                ptr = true;
                rhs = b;
            }
            name = type_name_of(rhs)?;
        }
        Some(name)
    }

    fn collect_func(&mut self, fd: &'a FuncDecl, fi: usize) {
        let name = &fd.name;
        let o = self.new_obj(&name.name, ObjKind::Func { method: fd.recv.is_some() }, INVALID, name.pos);
        self.info.defs.insert(name.id, o);
        {
            let d = self.data(o);
            d.decl = Some(PkgDecl::Func(fd));
            d.color = Color::White;
            d.file = fi;
        }
        if let Some(recv) = &fd.recv {
            if let Some(base) = recv_base_name(&recv.ty) {
                self.methods.entry(base).or_default().push(o);
            } else {
                self.methods.entry(String::new()).or_default().push(o);
            }
            self.pkg_objs.push(o);
            self.bodies.push((o, fd));
            return;
        }
        let special = name.name == "init" || (name.name == "main" && self.in_main_package());
        if special && let Some(first) = fd.type_params.first() {
            self.error(first.pos, format!("func {} must have no type parameters", name.name));
        }
        if special && (!fd.sig.params.is_empty() || !fd.sig.results.is_empty()) {
            self.error(name.pos, format!("func {} must have no arguments and no return values", name.name));
        }
        // init functions are not declared: they cannot be referred to.
        if name.name == "init" {
            if fd.body.is_none() {
                self.error(name.pos, "func init must have a body");
            }
        } else if name.name != "_" {
            self.declare(self.pkg_scope, None, o);
        }
        self.pkg_objs.push(o);
        self.bodies.push((o, fd));
    }

    fn declare_pkg_obj(&mut self, ident: &Ident, o: ObjId, decl: PkgDecl<'a>, fi: usize) {
        if ident.name == "init" {
            self.info.defs.insert(ident.id, o);
            self.error(ident.pos, "cannot declare init - must be func");
            return;
        }
        if ident.name == "main" && !matches!(decl, PkgDecl::Func(_)) && self.in_main_package() {
            self.info.defs.insert(ident.id, o);
            self.error(ident.pos, "cannot declare main - must be func");
            return;
        }
        {
            let d = self.data(o);
            d.decl = Some(decl);
            d.color = Color::White;
            d.file = fi;
        }
        self.pkg_objs.push(o);
        self.declare(self.pkg_scope, Some(ident.id), o);
    }

    /// Reports a mismatch between names and initial values (types2's `arity`).
    pub(crate) fn arity(&mut self, pos: Pos, names: &[Ident], inits: &[Expr], is_const: bool, inherited: bool) {
        let (l, r) = (names.len(), inits.len());
        if l < r {
            let n = &inits[l];
            if inherited {
                let at = self.pos_string(n.pos);
                self.error(pos, format!("extra init expr at {at}"));
            } else {
                let s = crate::exprstr::expr_string(n);
                self.error(crate::exprstr::start_pos(n), format!("extra init expr {s}"));
            }
        } else if l > r && (is_const || r != 1) {
            let n = &names[r];
            self.error(n.pos, format!("missing init expr for {}", n.name));
        }
    }

    // ------------------------------------------------------------------
    // Lazy checking of package-level objects.

    /// Checks the declaration of a package-level object if not done yet.
    pub(crate) fn obj_decl(&mut self, o: ObjId) {
        let (color, decl, file) = {
            let d = &self.objs[o.0 as usize];
            (d.color, d.decl, d.file)
        };
        let Some(decl) = decl else { return };
        match color {
            Color::Black => return,
            Color::Grey => {
                // A cycle. Types may refer to themselves; constants and
                // variables get an invalid type (initorder reports the cycle).
                // A cycle mixing values and types is invalid: its type is
                // invalid from here on, as in types2.
                let valid = self.valid_cycle(o);
                if !valid && !matches!(decl, PkgDecl::Func(_)) {
                    self.set_obj_ty(o, INVALID);
                }
                if !matches!(decl, PkgDecl::Type(_) | PkgDecl::Func(_)) && self.obj_ty(o) == INVALID {
                    self.data(o).used = true;
                }
                return;
            }
            Color::White => {}
        }
        self.data(o).color = Color::Grey;
        let saved_scope = self.scope;
        let saved_func = self.func.take();
        let saved_iota = self.iota.take();
        let saved_errpos = self.errpos.take();
        let saved_decl = self.cur_decl;
        self.scope = self.file_scopes[file];
        self.cur_decl = Some(o);
        self.obj_path.push(o);
        match decl {
            PkgDecl::Const { spec, index, typ } => {
                let init = spec.values.get(index);
                self.const_decl(o, spec, typ, init);
            }
            PkgDecl::Var { spec, index } => self.pkg_var_decl(o, spec, index),
            PkgDecl::Type(spec) => self.type_decl(o, spec),
            PkgDecl::Func(fd) => self.func_decl(o, fd),
        }
        self.obj_path.pop();
        self.data(o).color = Color::Black;
        self.scope = saved_scope;
        self.func = saved_func;
        self.iota = saved_iota;
        self.errpos = saved_errpos;
        self.cur_decl = saved_decl;
    }

    /// Checks a constant declaration (`typ` may be inherited).
    pub(crate) fn const_decl(&mut self, o: ObjId, spec: &'a ConstSpec, typ: Option<&'a Type>, init: Option<&'a Expr>) {
        let saved_iota = self.iota.replace(Value::int(spec.iota));
        let saved_errpos = self.errpos.take();
        let mut declared: Option<TyId> = None;
        if let Some(t) = typ {
            let ty = self.typ(t);
            if !self.tys.is_const_type(ty) {
                if self.tys.under(ty) != INVALID {
                    let s = self.ts(ty);
                    self.error(crate::exprstr::type_start(t), format!("invalid constant type {s}"));
                }
                self.set_obj_ty(o, INVALID);
                self.iota = saved_iota;
                self.errpos = saved_errpos;
                return;
            }
            declared = Some(ty);
        }
        let mut x = Operand::invalid(None);
        if let Some(init) = init {
            if spec.implicit {
                self.errpos = Some(self.obj(o).pos);
            }
            self.expr(&mut x, init);
        }
        self.init_const(o, declared, &mut x);
        self.iota = saved_iota;
        self.errpos = saved_errpos;
    }

    fn init_const(&mut self, o: ObjId, declared: Option<TyId>, x: &mut Operand<'a>) {
        if x.is_invalid() || x.ty == INVALID || declared == Some(INVALID) {
            self.set_obj_ty(o, declared.unwrap_or(INVALID));
            return;
        }
        if !x.is_const() {
            let s = self.op_string(x);
            self.error_at_op(x, format!("{s} is not constant"));
            self.set_obj_ty(o, declared.unwrap_or(INVALID));
            return;
        }
        let t = declared.unwrap_or(x.ty);
        self.set_obj_ty(o, t);
        self.assignment(x, Some(t), "constant declaration");
        if x.is_invalid() {
            return;
        }
        self.data(o).val = x.val.clone();
        if let Some(v) = x.val.to_model() {
            self.info.objects[o.0 as usize].kind = ObjKind::Const(v);
        }
    }

    fn pkg_var_decl(&mut self, o: ObjId, spec: &'a VarSpec, index: usize) {
        let lhs: Vec<ObjId> = spec.names.iter().filter_map(|n| self.info.defs.get(&n.id).copied()).collect();
        if spec.values.len() == 1 && spec.names.len() > 1 {
            // var a, b = f(): all variables at once.
            for &l in &lhs {
                if l != o {
                    self.data(l).color = Color::Black;
                }
            }
            self.var_decl(&lhs, spec.ty.as_ref(), &spec.values);
            for &l in &lhs {
                self.check_var_size(l);
            }
            // The initializer is the dependency of every variable it sets
            // (types2 shares one declInfo among them), so a cycle through
            // any of them is found.
            let shared = self.deps.get(&o).cloned().unwrap_or_default();
            for &l in lhs.iter().filter(|&&l| l != o) {
                self.deps.insert(l, shared.clone());
            }
        } else {
            let init: Vec<&'a Expr> = spec.values.get(index).into_iter().collect();
            self.var_decl_one(o, spec.ty.as_ref(), init.first().copied());
            self.check_var_size(o);
        }
    }

    /// `var o T = init` for one variable.
    pub(crate) fn var_decl_one(&mut self, o: ObjId, typ: Option<&'a Type>, init: Option<&'a Expr>) {
        let declared = typ.map(|t| self.var_type(t));
        if let Some(t) = declared {
            self.set_obj_ty(o, t);
        }
        let Some(init) = init else {
            if declared.is_none() {
                self.set_obj_ty(o, INVALID);
            }
            return;
        };
        let mut x = Operand::invalid(None);
        let saved = self.assign_targets.len();
        if let Some(t) = declared {
            let name = self.obj(o).name.clone();
            self.assign_targets.push((init.id, t, name));
        }
        self.expr(&mut x, init);
        self.assign_targets.truncate(saved);
        self.init_var(o, declared.is_some(), &mut x, "variable declaration");
    }

    /// `var a, b T = f()` (one multi-valued initializer) or `var a, b = x, y`.
    pub(crate) fn var_decl(&mut self, lhs: &[ObjId], typ: Option<&'a Type>, inits: &'a [Expr]) {
        let declared = typ.map(|t| self.var_type(t));
        if let Some(t) = declared {
            for &l in lhs {
                self.set_obj_ty(l, t);
            }
        }
        if inits.is_empty() {
            if declared.is_none() {
                for &l in lhs {
                    self.set_obj_ty(l, INVALID);
                }
            }
            return;
        }
        self.init_vars(lhs, declared.is_some(), inits, None);
    }

    // ------------------------------------------------------------------
    // Types.

    fn type_decl(&mut self, o: ObjId, spec: &'a TypeSpec) {
        if spec.alias {
            self.alias_decl(o, spec);
            return;
        }
        if let Some(p) = spec.type_params.first().and_then(|f| f.names.first()) {
            self.require_version(p.pos, "type parameter", LangVersion::GO1_18);
        }
        let path = self.info.packages[self.cur_pkg().0 as usize].spec.path.clone();
        let named = self.tys.new_named(o, &path);
        self.set_obj_ty(o, named);
        self.type_path.push((o, spec));
        // A generic type's parameters are in scope in its declaration only.
        let saved_scope = self.scope;
        self.open_scope();
        self.collect_tparams(o, &spec.type_params);
        let errors = self.diags.len();
        let mut rhs = self.typ(&spec.ty);
        let decl_scope = self.scope;
        self.scope = saved_scope;
        if let Some(r) = self.embeds_incomplete.remove(&rhs)
            && errors == self.diags.len()
            && self.objs[o.0 as usize].decl.is_some()
        {
            // An interface embedding one whose declaration is in progress
            // (through a method signature: `type t interface{ f(u) }; type
            // u interface{ t }`, or an instance of such a generic one): its
            // methods and type set are known once that one is; it is
            // checked again then.
            self.type_path.pop();
            self.iface_awaiting.entry(r).or_default().push((o, spec, decl_scope));
            return;
        }
        if matches!(self.tys.get(rhs), T::TypeParam(_)) {
            self.error(type_start(&spec.ty), "cannot use a type parameter as RHS in type declaration");
            rhs = INVALID;
        }
        let source = match self.tys.get(rhs) {
            T::Named(r) => Some(*r),
            _ => None,
        };
        if let Some(r) = source {
            self.defined_from.insert(o, r);
        }
        if matches!(self.tys.get(rhs), T::Inst(..)) {
            self.declared_inst.insert(o, rhs);
        }
        // An alias still being declared denotes no type yet.
        let grey_alias = self.grey_type_named_by(&spec.ty).filter(|_| source.is_none());
        match grey_alias.or(source.filter(|&r| self.underlying_unknown(r))) {
            // The right side names a type whose underlying type is not
            // known yet: a cycle of definitions if every declaration on
            // the way back to it is one, else it is known later.
            Some(r) if self.definition_cycle(r) => {
                self.report_defined_cycle(r);
                self.defined_from.remove(&o);
                self.tys.set_underlying(o, INVALID);
                self.type_path.pop();
                self.finish_named(o);
            }
            Some(r) => {
                self.type_path.pop();
                self.awaiting.entry(r).or_default().push(o);
            }
            None => {
                self.tys.set_underlying(o, rhs);
                self.type_path.pop();
                self.finish_named(o);
            }
        }
    }

    /// An alias declaration, generic or not. Until its right side is
    /// known, the alias denotes no type (a reference to it then is a
    /// cycle, see `alias_cycle`). A generic alias's right side, in terms
    /// of its type parameters, is kept for its instances
    /// (`Checker::alias_instance`).
    fn alias_decl(&mut self, o: ObjId, spec: &'a TypeSpec) {
        // The newest requirement first, as types2 reports it.
        let tparam0 = spec.type_params.first().and_then(|f| f.names.first());
        let late = tparam0.is_some_and(|p| !self.require_version(p.pos, "generic type alias", LangVersion::GO1_23));
        if !late {
            self.require_version(spec.name.pos, "type alias", LangVersion::GO1_9);
        }
        let generic = tparam0.is_some();
        let package_level = self.objs[o.0 as usize].decl.is_some();
        let known = if generic || !package_level { None } else { self.alias_known_type(&spec.ty, &mut vec![o]) };
        self.set_obj_ty(o, known.unwrap_or(INVALID));
        self.type_path.push((o, spec));
        let saved_scope = self.scope;
        let tparams = if generic {
            self.open_scope();
            self.collect_tparams(o, &spec.type_params)
        } else {
            Vec::new()
        };
        let mut t = self.typ(&spec.ty);
        self.scope = saved_scope;
        self.type_path.pop();
        if generic {
            if tparams.contains(&t) {
                self.error(type_start(&spec.ty), "cannot use type parameter declared in alias declaration as RHS");
                t = INVALID;
            }
            self.generic_aliases.insert(o, t);
        } else {
            t = self.tys.aliased(o, Vec::new(), t);
        }
        self.set_obj_ty(o, t);
        self.resolve_awaiting(o);
    }

    /// The type a package-level alias denotes before its right side is
    /// checked, when that side is a type name, or a pointer to one, that
    /// ends through the package's aliases (none of them in `seen`) at a
    /// non-generic defined type: the alias denotes it while the right
    /// side is checked, so that a declaration reached from there may name
    /// the alias again (`type W = w; type w struct{ c *c }; type c
    /// struct{ f func(*W) }`), as types2's `Alias` node stands for its
    /// actual type once that is known. `None` for any other right side:
    /// the alias then denotes no type until it is checked.
    fn alias_known_type(&mut self, t: &Type, seen: &mut Vec<ObjId>) -> Option<TyId> {
        match &unparen_type(t).kind {
            TypeKind::Pointer(base) => {
                let elem = self.alias_known_type(base, seen)?;
                Some(self.tys.intern(T::Pointer(elem)))
            }
            TypeKind::Name { pkg: None, name } => {
                let o = self.lookup_in(self.pkg_scope, &name.name)?;
                let Some(PkgDecl::Type(spec)) = self.objs[o.0 as usize].decl else { return None };
                if !spec.type_params.is_empty() || seen.contains(&o) {
                    return None;
                }
                if spec.alias {
                    seen.push(o);
                    return self.alias_known_type(&spec.ty, seen);
                }
                Some(self.tys.intern(T::Named(o)))
            }
            _ => None,
        }
    }

    /// The instance `a[targs]` of generic alias `a`: its right side with
    /// the arguments substituted; the arguments are verified against the
    /// constraints later (at `at`, the arguments' positions).
    pub(crate) fn alias_instance(&mut self, a: ObjId, targs: Vec<TyId>, at: Vec<Pos>, pos: Pos) -> TyId {
        let rhs = self.generic_aliases[&a];
        let s = crate::subst::Subst::new(&self.tys.generic[&a], &targs);
        let t = self.tys.subst(rhs, &s);
        self.later.push(crate::check::LaterCheck::Verify { obj: a, targs: targs.clone(), at, pos });
        self.tys.aliased(a, targs, t)
    }

    /// The generic alias that identifier `id` names, if any.
    pub(crate) fn generic_alias_named(&self, id: Option<syntax::ast::NodeId>) -> Option<ObjId> {
        let o = *self.info.uses.get(&id?)?;
        self.generic_aliases.contains_key(&o).then_some(o)
    }

    /// The checks of a defined type once its underlying type is known,
    /// then the same for the types declared as it that waited for it.
    fn finish_named(&mut self, o: ObjId) {
        self.valid_type(o);
        self.check_size(self.tys.under(self.obj_ty(o)), self.obj(o).pos);
        self.collect_methods(o);
        self.resolve_awaiting(o);
        self.resolve_iface_awaiting(o);
    }

    /// Whether interface `o` waits for another's declaration to complete.
    pub(crate) fn iface_waits(&self, o: ObjId) -> bool {
        self.iface_awaiting.values().any(|deps| deps.iter().any(|&(d, ..)| d == o))
    }

    /// Checks again the interfaces that embed `o` (now declared) and waited
    /// for it, in their declaration's scope, and finishes them.
    fn resolve_iface_awaiting(&mut self, o: ObjId) {
        for (dep, spec, scope) in self.iface_awaiting.remove(&o).unwrap_or_default() {
            let saved = self.scope;
            self.scope = scope;
            let t = self.typ(&spec.ty);
            self.scope = saved;
            self.embeds_incomplete.remove(&t);
            self.tys.set_underlying(dep, t);
            self.finish_named(dep);
        }
    }

    /// Gives the types waiting for the underlying type of `o` (a defined
    /// type or an alias, now declared) that type, and finishes them.
    fn resolve_awaiting(&mut self, o: ObjId) {
        for dep in self.awaiting.remove(&o).unwrap_or_default() {
            let u = self.tys.under(self.obj_ty(o));
            self.tys.set_underlying(dep, u);
            self.finish_named(dep);
        }
    }

    /// Whether defined type `r`'s underlying type is not known yet: it is
    /// being declared, or waits for another's.
    fn underlying_unknown(&self, r: ObjId) -> bool {
        self.objs[r.0 as usize].color == Color::Grey || self.awaiting.values().any(|deps| deps.contains(&r))
    }

    /// Whether `r` is being declared and every declaration on the current
    /// path from its on declares its type as a type name: none gives an
    /// underlying type.
    fn definition_cycle(&self, r: ObjId) -> bool {
        let path = self.path_from(r);
        !path.is_empty() && path.iter().all(|(_, spec)| names_a_type(&spec.ty))
    }

    /// The type being declared that `t` names directly, if any.
    pub(crate) fn grey_type_named_by(&self, t: &Type) -> Option<ObjId> {
        let o = match &t.kind {
            TypeKind::Paren(inner) => return self.grey_type_named_by(inner),
            TypeKind::Name { pkg: None, name } => *self.info.uses.get(&name.id)?,
            _ => return None,
        };
        let grey = self.objs[o.0 as usize].color == Color::Grey;
        (grey && matches!(self.obj(o).kind, ObjKind::TypeName)).then_some(o)
    }

    /// The declarations on the current path from `o`'s on (none when `o`
    /// is not being declared).
    pub(crate) fn path_from(&self, o: ObjId) -> &[(ObjId, &'a TypeSpec)] {
        let i = self.type_path.iter().position(|&(p, _)| p == o).unwrap_or(self.type_path.len());
        &self.type_path[i..]
    }

    /// Reports a reference to alias `o` while its right side is checked,
    /// when the cycle consists of aliases only: it would expand forever
    /// (with a defined type in it, the name of that type ends it).
    pub(crate) fn alias_cycle(&mut self, o: ObjId) {
        let path = self.path_from(o);
        if !path.is_empty() && path.iter().all(|(_, spec)| spec.alias) {
            let cycle: Vec<ObjId> = path.iter().map(|&(p, _)| p).collect();
            self.cycle_error(&cycle);
        }
    }

    /// Reports the cycle of declarations from `o` through the type
    /// declarations being checked, aliases included (gc 1.23+ materializes
    /// aliases): an alias already declared that a right side names on the
    /// way (`type C = D; type D C`) is part of it. A cycle of aliases only
    /// is `alias_cycle`'s.
    pub(crate) fn report_defined_cycle(&mut self, o: ObjId) {
        let path = self.path_from(o);
        let mut cycle: Vec<ObjId> = Vec::new();
        for (i, &(p, spec)) in path.iter().enumerate() {
            cycle.push(p);
            let next = path.get(i + 1).map_or(o, |&(n, _)| n);
            for a in self.alias_chain(&spec.ty) {
                if a == next || cycle.contains(&a) {
                    break;
                }
                cycle.push(a);
            }
        }
        if !cycle.is_empty() {
            self.cycle_error(&cycle);
        }
    }

    /// Reports the cycle from `o` through the type declarations being
    /// checked, naming its defined types only, as types2's `validType`
    /// does (an interface embedding itself).
    pub(crate) fn report_embedding_cycle(&mut self, o: ObjId) {
        let cycle: Vec<ObjId> = self.path_from(o).iter().filter(|(_, spec)| !spec.alias).map(|&(p, _)| p).collect();
        if !cycle.is_empty() {
            self.cycle_error(&cycle);
        }
    }

    /// Reports `invalid recursive type` for a cycle of type names (and
    /// the constants, variables and functions between them).
    pub(crate) fn cycle_error(&mut self, cycle: &[ObjId]) {
        let nodes: Vec<CycleNode> = cycle.iter().map(|&o| CycleNode::Obj(o)).collect();
        // Start at the object declared first in the source.
        let start = (0..cycle.len()).min_by_key(|&i| self.obj(cycle[i]).pos).unwrap_or(0);
        self.report_type_cycle(&nodes, start);
    }

    /// Reports `invalid recursive type` for a cycle of type names and
    /// instances, each named at its declaration or where it is written,
    /// from `cycle[start]` on.
    fn report_type_cycle(&mut self, cycle: &[CycleNode], start: usize) {
        let names: Vec<(String, Pos)> = cycle
            .iter()
            .map(|n| match *n {
                CycleNode::Obj(o) => (self.obj(o).name.clone(), self.obj(o).pos),
                CycleNode::Inst(t) => (self.ts(t), self.inst_pos.get(&t).copied().unwrap_or_default()),
            })
            .collect();
        let at = names[start].1;
        // A cycle is named after its first object: a type, or else a
        // constant, variable or function (types2's `cycleError`).
        let of_type = match cycle[start] {
            CycleNode::Obj(o) => matches!(self.obj(o).kind, ObjKind::TypeName),
            CycleNode::Inst(_) => true,
        };
        if names.len() == 1 {
            let what = if of_type { "invalid recursive type" } else { "invalid cycle in declaration" };
            self.error(at, format!("{what}: {} refers to itself", names[start].0));
            return;
        }
        let what = if of_type { "invalid recursive type" } else { "invalid cycle in declaration of" };
        let mut msg = format!("{what} {}", names[start].0);
        for k in 0..names.len() {
            let (from, to) = (&names[(start + k) % names.len()], &names[(start + k + 1) % names.len()]);
            msg.push_str(&format!("\n\t{}: {} refers to {}", self.pos_string(from.1), from.0, to.0));
        }
        self.error(at, msg);
    }

    /// Reports (at `pos`, as gc's back end does for package-level types
    /// and variables) an array in `t` larger than the address space of
    /// linux/amd64, 2^50 bytes.
    fn check_size(&mut self, t: TyId, pos: Pos) {
        if let Some(a) = self.too_large_array(t) {
            let s = self.ts(a);
            self.backend_error(pos, format!("type {s} larger than address space"));
        }
    }

    /// The size checks of gc's back end for package-level variable `o`.
    fn check_var_size(&mut self, o: ObjId) {
        let (t, pos) = (self.obj_ty(o), self.obj(o).pos);
        self.check_size(t, pos);
        self.check_chan_elems(t, pos);
    }

    /// Reports (as gc's back end does, at `pos`, and also at its
    /// declaration if it is a defined type) a channel type in `t` whose
    /// elements are 64kB or more.
    pub(crate) fn check_chan_elems(&mut self, t: TyId, pos: Pos) {
        const MSG: &str = "channel element type too large (>64kB)";
        if let Some(named) = self.big_chan_elem(t, 0) {
            self.backend_error(pos, MSG);
            if let Some(o) = named {
                self.backend_error(self.obj(o).pos, MSG);
            }
        }
    }

    /// A channel type in `t` with elements of 64kB or more: `Some(None)`
    /// if written in `t`, `Some(Some(o))` if it is defined type `o`.
    /// Other defined types are not entered (gc checks them where declared).
    fn big_chan_elem(&self, t: TyId, depth: u32) -> Option<Option<ObjId>> {
        const MAX_ELEM: u64 = 1 << 16;
        if depth > 64 {
            return None;
        }
        let too_big = |e: TyId| crate::sizes::size_align(&self.tys.table, self.tys.canon(e)).0 >= MAX_ELEM;
        match self.tys.get(t) {
            T::Named(o) => match self.tys.get(self.tys.under(t)) {
                T::Chan(_, e) if too_big(*e) => Some(Some(*o)),
                _ => None,
            },
            T::Chan(_, e) if too_big(*e) => Some(None),
            T::Chan(_, e) | T::Pointer(e) | T::Slice(e) | T::Array(_, e) => self.big_chan_elem(*e, depth + 1),
            T::Map(k, v) => self.big_chan_elem(*k, depth + 1).or_else(|| self.big_chan_elem(*v, depth + 1)),
            T::Struct(fs) => fs.iter().find_map(|f| self.big_chan_elem(f.ty, depth + 1)),
            T::Func(s) => s.params.iter().chain(&s.results).find_map(|p| self.big_chan_elem(p.ty, depth + 1)),
            _ => None,
        }
    }

    /// The innermost array in `t`, outside defined types (which are checked
    /// where declared), whose size reaches 2^50 bytes.
    fn too_large_array(&self, t: TyId) -> Option<TyId> {
        const MAX_WIDTH: u64 = 1 << 50;
        match self.tys.get(t) {
            T::Array(n, e) => self.too_large_array(*e).or_else(|| {
                let (size, _) = crate::sizes::size_align(&self.tys.table, self.tys.canon(*e));
                (size != 0 && *n > (MAX_WIDTH - 1) / size).then_some(t)
            }),
            T::Struct(fs) => fs.iter().find_map(|f| self.too_large_array(f.ty)),
            _ => None,
        }
    }

    /// Reports a defined type that contains itself without indirection,
    /// also through the instances of generic types it contains (`type T1
    /// struct{ _ T0[T1] }`) and the embedded elements of interfaces (`type
    /// N interface{ int | N }`), as types2's `validType` finds it: the
    /// cycle starts at the first type entered twice, and that type's
    /// generic (or defined) type becomes invalid.
    fn valid_type(&mut self, o: ObjId) {
        let u = self.structure(o);
        let mut walk = EmbeddingWalk { nest: vec![(CycleNode::Obj(o), Vec::new())], path: vec![CycleNode::Obj(o)] };
        if let Some(cycle) = self.find_embedding(u, &mut walk, 0) {
            self.report_type_cycle(&cycle, 0);
            let origin = match cycle[0] {
                CycleNode::Obj(n) => Some(n),
                CycleNode::Inst(t) => self.tys.named_of(t).map(|(g, _)| g),
            };
            // Its structure is gone: no other cycle runs through it.
            let origin = origin.unwrap_or(o);
            self.defined_from.remove(&origin);
            self.declared_inst.remove(&origin);
            self.tys.set_underlying(origin, INVALID);
        }
    }

    /// What defined type `o` is made of: the type it is declared as when
    /// that is another defined type or an instance (containing `o`
    /// contains that type, which names the cycle as gc does), else its
    /// underlying type; for a generic type, in terms of its type parameters.
    fn structure(&self, o: ObjId) -> TyId {
        match (self.defined_from.get(&o), self.declared_inst.get(&o)) {
            (Some(&from), _) => self.obj_ty(from),
            (None, Some(&inst)) => inst,
            (None, None) => self.tys.under(self.obj_ty(o)),
        }
    }

    /// The cycle through `t` back to a type of the walk's nest, without
    /// indirection (struct fields, array elements, interfaces' embedded
    /// elements and union terms), if there is one. An instance stands for
    /// its generic type's structure as written, whose type parameters
    /// stand for the instance's type arguments (the nest's environments).
    fn find_embedding(&self, t: TyId, walk: &mut EmbeddingWalk, depth: u32) -> Option<Vec<CycleNode>> {
        if depth > 200 {
            return None;
        }
        let (node, origin, env) = match self.tys.get(t).clone() {
            T::Named(n) => (CycleNode::Obj(n), n, Vec::new()),
            T::Inst(g, args) => {
                let tparams = self.tys.generic.get(&g).cloned().unwrap_or_default();
                (CycleNode::Inst(t), g, tparams.into_iter().zip(args).collect())
            }
            T::TypeParam(_) => {
                // The argument it stands for, in the nest outside.
                let level = walk.nest.pop()?;
                let arg = level.1.iter().find(|(p, _)| *p == t).map(|&(_, a)| a);
                let r = arg.and_then(|a| self.find_embedding(a, walk, depth + 1));
                walk.nest.push(level);
                return r;
            }
            T::Array(_, e) => return self.find_embedding(e, walk, depth + 1),
            T::Struct(fs) => return fs.iter().find_map(|f| self.find_embedding(f.ty, walk, depth + 1)),
            T::Union(terms) => return terms.iter().find_map(|term| self.find_embedding(term.ty, walk, depth + 1)),
            T::Interface { written: Some(w), .. } => {
                return w.embeds.iter().find_map(|&e| self.find_embedding(e, walk, depth + 1));
            }
            _ => return None,
        };
        if walk.nest.iter().any(|(n, _)| *n == node) {
            let start = walk.path.iter().position(|n| *n == node)?;
            return Some(walk.path[start..].to_vec());
        }
        let inner = self.structure(origin);
        walk.nest.push((node, env));
        walk.path.push(node);
        let r = self.find_embedding(inner, walk, depth + 1);
        walk.path.pop();
        walk.nest.pop();
        r
    }

    fn collect_methods(&mut self, o: ObjId) {
        let name = self.obj(o).name.clone();
        // A receiver of blank type is no type's (`cannot use _`).
        let Some(ms) = self.methods.get(&name).filter(|_| name != "_").cloned() else {
            return;
        };
        let ty = self.obj_ty(o);
        let fields: Vec<(String, Pos)> = match self.tys.get(self.tys.under(ty)) {
            T::Struct(fs) => fs.iter().map(|f| (f.name.clone(), f.pos)).collect(),
            _ => vec![],
        };
        let mut seen: Vec<(String, Pos)> = Vec::new();
        for m in ms {
            let mname = self.obj(m).name.clone();
            let mpos = self.obj(m).pos;
            if mname != "_" {
                if let Some((_, other)) = seen.iter().find(|(n, _)| *n == mname) {
                    let other = self.pos_string(*other);
                    self.error(mpos, format!("method {name}.{mname} already declared at {other}"));
                    continue;
                }
                seen.push((mname.clone(), mpos));
                // The method is kept (as types2 keeps it): selecting the
                // name finds the method, without follow-on errors.
                if let Some((_, fpos)) = fields.iter().find(|(n, _)| *n == mname) {
                    let other = self.pos_string(*fpos);
                    self.error(
                        mpos,
                        format!("field and method with the same name {mname}\n\t{other}: other declaration of {mname}"),
                    );
                }
            }
            self.tys.add_method(o, m);
        }
    }

    // ------------------------------------------------------------------
    // Functions.

    fn func_decl(&mut self, o: ObjId, fd: &'a FuncDecl) {
        // Until its signature is known, a function referred to in it is a
        // `func()` (as in types2): `func foo(x foo)` is `foo (value of type
        // func()) is not a type`.
        let empty = self.tys.intern(T::Func(Sig::default()));
        self.set_obj_ty(o, empty);
        // Type parameters (the function's, or a method's receiver type
        // parameters) live in a scope around the signature and the body.
        let saved_scope = self.scope;
        self.open_scope();
        if let Some(p) = fd.recv.as_ref().and(fd.type_params.first()).and_then(|f| f.names.first()) {
            self.require_version(p.pos, "generic method", LangVersion::GO1_27);
        } else if let Some(p) = fd.type_params.first().and_then(|f| f.names.first())
            && fd.name.name != "init"
        {
            self.require_version(p.pos, "type parameter", LangVersion::GO1_18);
        }
        let (mut sig, objs, tparams) = self.func_type_of(o, &fd.type_params, &fd.sig, fd.recv.as_ref(), fd.name.id);
        if !objs.recv_tparams.is_empty() {
            self.tys.set_generic(o, objs.recv_tparams.clone());
            self.tys.add_method_tparams(o, &tparams);
        }
        if !tparams.is_empty()
            && let T::Func(s) = self.tys.get(sig).clone()
        {
            sig = self.tys.intern(T::Func(Sig { tparams, ..s }));
        }
        self.set_obj_ty(o, sig);
        self.sig_objs.insert(o, objs.clone());
        // Bodies are checked after all package-level declarations, in the
        // order their declarations were checked (types2's `check.later`). A
        // missing body is lowering's to judge (see `check_files`); one a
        // declarations-only parse skipped is not checked.
        if let Some(body) = fd.body.as_ref().filter(|_| fd.body_skipped.is_none()) {
            let scope = self.scope;
            let (owner, decl) = (fd.name.id, Some(o));
            self.delayed.push(crate::check::Delayed { sig, objs, body, owner, scope, decl, iota: None });
        }
        self.scope = saved_scope;
    }

    /// Declares the type parameters `fields` of generic `owner` (a
    /// function, method or type) in the current scope and checks their
    /// constraints, which may refer to any of them (types2's
    /// `collectTypeParams`). Registers them as `owner`'s and returns them.
    pub(crate) fn collect_tparams(&mut self, owner: ObjId, fields: &'a [Field]) -> Vec<TyId> {
        let mut tparams = Vec::new();
        let mut objs = Vec::new();
        for f in fields {
            for n in &f.names {
                let tp = self.declare_tparam(n, tparams.len(), owner);
                objs.push(tp.0);
                tparams.push(tp.1);
            }
        }
        if tparams.is_empty() {
            return tparams;
        }
        self.tys.set_generic(owner, tparams.clone());
        let mut i = 0;
        for f in fields {
            let bound = self.bound(&f.ty);
            for _ in &f.names {
                self.tys.set_constraint(objs[i], bound);
                i += 1;
            }
        }
        tparams
    }

    /// Declares type parameter `name`, number `index` of `owner`.
    fn declare_tparam(&mut self, name: &'a Ident, index: usize, owner: ObjId) -> (ObjId, TyId) {
        let obj = self.new_obj(&name.name, ObjKind::TypeName, INVALID, name.pos);
        let t = self.tys.new_tparam(obj, index, owner);
        self.set_obj_ty(obj, t);
        self.declare(self.scope, Some(name.id), obj);
        (obj, t)
    }

    /// Checks a signature, creating the objects of receiver, parameters and
    /// results (owned by `owner`); they are declared in the function scope
    /// by [`Checker::func_body`].
    pub(crate) fn func_type(&mut self, ft: &'a FuncType, recv: Option<&'a Field>, owner: NodeId) -> (TyId, SigObjs) {
        let (sig, objs, _) = self.func_type_of(ObjId(u32::MAX), &[], ft, recv, owner);
        (sig, objs)
    }

    /// [`Checker::func_type`] for function or method object `fobj` (the
    /// owner of receiver type parameters).
    /// The signature of function (or method) `fobj` with type parameters
    /// `tparams`, which come after the receiver's: a generic method's
    /// constraints may name its receiver type parameters.
    fn func_type_of(
        &mut self,
        fobj: ObjId,
        tparams: &'a [Field],
        ft: &'a FuncType,
        recv: Option<&'a Field>,
        owner: NodeId,
    ) -> (TyId, SigObjs, Vec<TyId>) {
        let mut objs = SigObjs::default();
        if let Some(r) = recv {
            let rt = self.recv_type(r, fobj, &mut objs.recv_tparams);
            let name = r.names.first();
            let o = self.new_param(name, rt, r.pos, owner, false);
            objs.recv = Some(o);
        }
        let tparams = self.collect_tparams(fobj, tparams);
        if recv.is_none() && !tparams.is_empty() {
            // Referred to in its own signature, a generic function is
            // generic already (`func F[T any](_ [unsafe.Sizeof(F[int])]T)`).
            let empty = self.tys.intern(T::Func(Sig { tparams: tparams.clone(), ..Sig::default() }));
            self.set_obj_ty(fobj, empty);
        }
        let (params, variadic) = self.collect_params(&ft.params, owner, false, &mut objs.params);
        let (results, _) = self.collect_params(&ft.results, owner, true, &mut objs.results);
        let sig = self.tys.intern(T::Func(Sig { params, results, variadic, tparams: vec![] }));
        self.check_dup_params(&objs, &tparams);
        (sig, objs, tparams)
    }

    fn new_param(&mut self, name: Option<&Ident>, ty: TyId, pos: Pos, owner: NodeId, result: bool) -> ObjId {
        let vi = VarInfo { param: !result, result, ..Default::default() };
        let (n, p) = match name {
            Some(id) => (id.name.as_str(), id.pos),
            None => ("", pos),
        };
        let o = self.new_var(n, ty, p, vi);
        self.info.objects[o.0 as usize].owner = Some(owner);
        self.data(o).used = true;
        if let Some(id) = name {
            self.info.defs.insert(id.id, o);
        }
        o
    }

    /// Reports parameters (and results, receiver) declared twice, or
    /// declared again after a type parameter of the receiver or of the
    /// function (`tparams`): types2 declares them all in one scope.
    fn check_dup_params(&mut self, objs: &SigObjs, tparams: &[TyId]) {
        let mut seen: Vec<(String, Pos)> = Vec::new();
        for &t in objs.recv_tparams.iter().chain(tparams) {
            if let T::TypeParam(p) = *self.tys.get(t) {
                seen.push((self.obj(p).name.clone(), self.obj(p).pos));
            }
        }
        for &o in objs.recv.iter().chain(&objs.params).chain(&objs.results) {
            let (name, pos) = (self.obj(o).name.clone(), self.obj(o).pos);
            if name.is_empty() || name == "_" {
                continue;
            }
            if let Some((_, other)) = seen.iter().find(|(n, _)| *n == name) {
                let other = self.pos_string(*other);
                self.error(pos, format!("{name} redeclared in this block\n\t{other}: other declaration of {name}"));
                continue;
            }
            seen.push((name, pos));
        }
    }

    fn collect_params(
        &mut self,
        fields: &'a [Field],
        owner: NodeId,
        result: bool,
        out: &mut Vec<ObjId>,
    ) -> (Vec<Param>, bool) {
        let mut params = Vec::new();
        let mut variadic = false;
        for (i, f) in fields.iter().enumerate() {
            let mut ty_expr = &f.ty;
            while let TypeKind::Paren(inner) = &ty_expr.kind {
                ty_expr = inner;
            }
            let t = if let TypeKind::Ellipsis(elem) = &ty_expr.kind {
                let last = i + 1 == fields.len() && f.names.len() <= 1;
                if !last || result {
                    self.error(ty_expr.pos, "can only use ... with final parameter");
                    let e = self.var_type(elem);
                    self.record_type(ty_expr.id, crate::model::Mode::TypeExpr, e, None);
                    e
                } else {
                    variadic = true;
                    let e = self.var_type(elem);
                    let s = self.tys.intern(T::Slice(e));
                    self.record_type(ty_expr.id, crate::model::Mode::TypeExpr, s, None);
                    s
                }
            } else {
                self.var_type(&f.ty)
            };
            if f.names.is_empty() {
                out.push(self.new_param(None, t, f.pos, owner, result));
                params.push(Param { name: None, ty: t });
            } else {
                for n in &f.names {
                    out.push(self.new_param(Some(n), t, n.pos, owner, result));
                    params.push(Param { name: Some(n.name.clone()), ty: t });
                }
            }
        }
        (params, variadic)
    }

    /// Checks a receiver type `T` or `*T` (T a defined type of this
    /// package), or `T[P, Q]` / `*T[P, Q]` for a generic `T`, declaring
    /// the receiver type parameters `P`, `Q` of method `m` (into `rtps`).
    fn recv_type(&mut self, r: &'a Field, m: ObjId, rtps: &mut Vec<TyId>) -> TyId {
        let t = match &recv_base_expr(&r.ty).kind {
            TypeKind::Instance { base, args } => self.generic_recv(&r.ty, base, args, m, rtps),
            _ => self.typ(&r.ty),
        };
        if t == INVALID {
            return INVALID;
        }
        if let Some(inst) = self.aliased_instance(&r.ty) {
            let s = crate::exprstr::type_expr_string(inst);
            let at = crate::exprstr::type_start(recv_base_expr(&r.ty));
            self.error(at, format!("cannot define new methods on instantiated type {s}"));
            return INVALID;
        }
        let base = match self.tys.get(t) {
            T::Pointer(b) => *b,
            _ => t,
        };
        // Universe types and those of imported packages are non-local.
        let local = |c: &Self, o: ObjId| c.obj(o).pkg == c.pkg;
        let ok = match self.tys.named_of(base) {
            Some((o, _)) => {
                let u = self.tys.under(base);
                local(self, o)
                    && !matches!(
                        self.tys.get(u),
                        T::Pointer(_) | T::Interface { .. } | T::Basic(crate::model::BasicKind::UnsafePointer)
                    )
            }
            _ => false,
        };
        if !ok {
            let s = self.ts(base);
            let msg = match (self.tys.get(base), self.tys.named_of(base)) {
                (T::Basic(_) | T::Alias(..), _) => {
                    format!("cannot define new methods on non-local type {s}")
                }
                (_, Some((o, _))) if !local(self, o) => {
                    format!("cannot define new methods on non-local type {s}")
                }
                (_, Some(_))
                    if self.tys.get(self.tys.under(base)) == &T::Basic(crate::model::BasicKind::UnsafePointer) =>
                {
                    format!("invalid receiver type {s} (unsafe.Pointer)")
                }
                (_, Some(_)) => format!("invalid receiver type {s} (pointer or interface type)"),
                _ => format!("invalid receiver type {}", self.ts(t)),
            };
            // At the receiver base type: the type as written, without `*`.
            let at = crate::exprstr::type_start(recv_base_expr(&r.ty));
            self.error(at, msg);
            return INVALID;
        }
        t
    }

    /// The instance (`T[int]`) that a receiver type written as an alias
    /// (or pointer to one) stands for, following aliases and pointers as
    /// written, as types2 does to refuse methods on instantiated types.
    fn aliased_instance(&self, t: &'a Type) -> Option<&'a Type> {
        let mut t = t;
        let mut seen = Vec::new();
        loop {
            match &t.kind {
                TypeKind::Paren(inner) | TypeKind::Pointer(inner) => t = inner,
                TypeKind::Instance { .. } => return (!seen.is_empty()).then_some(t),
                TypeKind::Name { pkg: None, name } => {
                    let o = *self.info.uses.get(&name.id)?;
                    match self.objs[o.0 as usize].decl {
                        Some(PkgDecl::Type(spec)) if spec.alias && !seen.contains(&o) => {
                            seen.push(o);
                            t = &spec.ty;
                        }
                        _ => return None,
                    }
                }
                _ => return None,
            }
        }
    }

    /// The receiver type `T[P, Q]` (or `*T[P, Q]`, as `whole` is written)
    /// of method `m` of generic type `T`: `P` and `Q` are declared as type
    /// parameters of `m`, bound by `T`'s constraints.
    fn generic_recv(
        &mut self,
        whole: &'a Type,
        base: &'a Type,
        args: &'a [Type],
        m: ObjId,
        rtps: &mut Vec<TyId>,
    ) -> TyId {
        self.require_version(type_start(base), "type instantiation", LangVersion::GO1_18);
        let bt = self.named_type(base, true);
        let gobj = match self.tys.named_of(bt) {
            Some((o, _)) if self.tys.generic.contains_key(&o) => Some(o),
            _ => None,
        };
        let alias = self.generic_alias_named(crate::typexpr::type_name_ident(base));
        if let Some(a) = alias.filter(|_| bt != INVALID) {
            let s = self.generic_alias_name(a);
            self.error(type_start(base), format!("cannot define new methods on generic alias type {s}"));
        } else if gobj.is_none() && bt != INVALID {
            let s = self.ts(bt);
            self.error(type_start(base), format!("{s} is not a generic type"));
        }
        let mut objs = Vec::new();
        for (i, a) in args.iter().enumerate() {
            match &a.kind {
                TypeKind::Name { pkg: None, name } => {
                    let (o, t) = self.declare_tparam(name, i, m);
                    self.record_type(a.id, crate::model::Mode::TypeExpr, t, None);
                    objs.push(o);
                    rtps.push(t);
                }
                _ => {
                    let s = crate::exprstr::type_expr_string(a);
                    self.error(type_start(a), format!("receiver type parameter {s} must be an identifier"));
                }
            }
        }
        let Some(g) = gobj.filter(|_| alias.is_none()) else { return INVALID };
        let gtps = self.tys.generic[&g].clone();
        for (&r, &t) in rtps.iter().zip(&gtps) {
            self.mono_canon.insert(r, t);
        }
        if gtps.len() != rtps.len() || objs.len() != args.len() {
            if objs.len() == args.len() {
                let got =
                    if rtps.len() == 1 { "1 type parameter".into() } else { format!("{} type parameters", rtps.len()) };
                self.error(
                    type_start(base),
                    format!("receiver declares {got}, but receiver base type declares {}", gtps.len()),
                );
            }
            return INVALID;
        }
        let s = crate::subst::Subst::new(&gtps, rtps);
        for (&o, &gt) in objs.iter().zip(&gtps) {
            let T::TypeParam(gp) = *self.tys.get(gt) else { continue };
            let c = self.tys.tparams[&gp].constraint;
            let c = self.tys.subst(c, &s);
            self.tys.set_constraint(o, c);
        }
        let inst = self.tys.instance(g, rtps.clone());
        let inner = recv_base_expr(whole);
        self.record_type(inner.id, crate::model::Mode::TypeExpr, inst, None);
        let t = if matches!(unparen_type(whole).kind, TypeKind::Pointer(_)) {
            self.tys.intern(T::Pointer(inst))
        } else {
            inst
        };
        self.record_type(whole.id, crate::model::Mode::TypeExpr, t, None);
        t
    }

    /// Checks a function body with the given signature objects. `owner` is
    /// the FuncDecl name id or FuncLit expression id. `iota` stays what it
    /// is where the function is written (none for declared functions).
    pub(crate) fn func_body(&mut self, sig: TyId, objs: &SigObjs, body: &'a syntax::ast::Block, owner: NodeId) {
        let saved_scope = self.scope;
        let saved_func = self.func.take();
        self.open_scope();
        for &o in objs.recv.iter().chain(&objs.params).chain(&objs.results) {
            let name = self.obj(o).name.clone();
            if !name.is_empty() && name != "_" {
                // Duplicates were reported with the signature.
                self.scopes[self.scope.0 as usize].names.entry(name).or_insert(o);
            }
        }
        let results = objs.results.clone();
        self.func = Some(FuncCtx { owner, results, locals: Vec::new() });
        self.stmt_list(&body.stmts);
        let has_results = self.tys.sig(sig).is_some_and(|s| !s.results.is_empty());
        if has_results && !self.is_terminating_list(&body.stmts, "") {
            self.error(body.end, "missing return");
        }
        self.report_unused();
        self.func = saved_func;
        self.scope = saved_scope;
    }

    fn report_unused(&mut self) {
        let Some(f) = &self.func else { return };
        let mut unused: Vec<(Pos, String)> = f
            .locals
            .iter()
            .filter(|o| !self.objs[o.0 as usize].used)
            .map(|o| (self.obj(*o).pos, self.obj(*o).name.clone()))
            .filter(|(_, n)| n != "_")
            .collect();
        unused.sort();
        for (pos, name) in unused {
            self.error(pos, format!("declared and not used: {name}"));
        }
    }

    /// Registers a local variable for the unused check.
    pub(crate) fn add_local(&mut self, o: ObjId) {
        if let Some(f) = &mut self.func {
            f.locals.push(o);
        }
    }

    // ------------------------------------------------------------------
    // Local declarations.

    /// A `var`, `const` or `type` declaration inside a function.
    pub(crate) fn decl_stmt(&mut self, d: &'a Decl) {
        match d {
            Decl::Const(specs) => {
                for spec in specs {
                    self.arity(spec.pos, &spec.names, &spec.values, true, spec.implicit);
                    let mut objs = Vec::new();
                    for (i, n) in spec.names.iter().enumerate() {
                        let o = self.new_obj(
                            &n.name,
                            ObjKind::Const(crate::model::ConstValue::Bool(false)),
                            INVALID,
                            n.pos,
                        );
                        self.info.defs.insert(n.id, o);
                        self.const_decl(o, spec, spec.ty.as_ref(), spec.values.get(i));
                        objs.push((n.id, o));
                    }
                    for (id, o) in objs {
                        self.declare(self.scope, Some(id), o);
                    }
                }
            }
            Decl::Var(specs) => {
                for spec in specs {
                    if spec.ty.is_none() || !spec.values.is_empty() {
                        self.arity(spec.pos, &spec.names, &spec.values, false, false);
                    }
                    let lhs: Vec<ObjId> = spec
                        .names
                        .iter()
                        .map(|n| {
                            let o = self.new_var(&n.name, INVALID, n.pos, VarInfo::default());
                            self.info.defs.insert(n.id, o);
                            o
                        })
                        .collect();
                    if spec.values.len() == 1 && lhs.len() > 1 {
                        self.var_decl(&lhs, spec.ty.as_ref(), &spec.values);
                    } else {
                        // Matching counts, or a mismatch reported by `arity`.
                        for (i, &o) in lhs.iter().enumerate() {
                            self.var_decl_one(o, spec.ty.as_ref(), spec.values.get(i));
                        }
                    }
                    for (n, &o) in spec.names.iter().zip(&lhs) {
                        self.check_chan_elems(self.obj_ty(o), self.obj(o).pos);
                        self.declare(self.scope, Some(n.id), o);
                        self.add_local(o);
                    }
                }
            }
            Decl::Type(specs) => {
                let outermost = self.local_type_lits.is_none();
                if outermost {
                    self.local_type_lits = Some(Vec::new());
                }
                for spec in specs {
                    let o = self.new_obj(&spec.name.name, ObjKind::TypeName, INVALID, spec.name.pos);
                    // Local types may refer to themselves: declare first.
                    self.declare(self.scope, Some(spec.name.id), o);
                    self.data(o).color = Color::Grey;
                    self.obj_path.push(o);
                    self.type_decl(o, spec);
                    self.obj_path.pop();
                    self.data(o).color = Color::Black;
                }
                if outermost {
                    for d in self.local_type_lits.take().unwrap_or_default() {
                        let saved = std::mem::replace(&mut self.scope, d.scope);
                        self.func_body(d.sig, &d.objs, d.body, d.owner);
                        self.scope = saved;
                    }
                }
            }
            Decl::Func(fd) => self.error(fd.pos, "function declaration inside function"),
        }
    }
}

/// Whether type expression `t` is a type name (in parentheses or not).
fn names_a_type(t: &Type) -> bool {
    match &t.kind {
        TypeKind::Paren(inner) => names_a_type(inner),
        TypeKind::Name { .. } => true,
        _ => false,
    }
}

/// The error gc reports for an import path it rejects before importing,
/// if any: an invalid path (types2's rules), or an absolute one.
fn bad_import(imp: &syntax::ast::ImportSpec) -> Option<(Pos, String)> {
    const ILLEGAL: &str = "!\"#$%&'()*,:;<=>?[\\]^{|}`\u{FFFD}";
    let path = &imp.path;
    if path.is_empty() {
        return Some((imp.path_pos, "invalid import path (empty string)".into()));
    }
    if let Some(c) = path.chars().find(|&c| c.is_control() || c.is_whitespace() || ILLEGAL.contains(c)) {
        // Go's %#U: the code point, then the character if printable.
        let shown = if c.is_control() { String::new() } else { format!(" '{c}'") };
        return Some((imp.path_pos, format!("invalid import path (invalid character U+{:04X}{shown})", c as u32)));
    }
    if path.starts_with('/') {
        return Some((imp.path_pos, format!("could not import {path} (import path cannot be absolute path)")));
    }
    None
}

/// The unqualified type name `t` is (in parentheses or not).
fn type_name_of(t: &Type) -> Option<String> {
    match &t.kind {
        TypeKind::Name { pkg: None, name } => Some(name.name.clone()),
        TypeKind::Paren(inner) => type_name_of(inner),
        _ => None,
    }
}

/// `t` without parentheses.
fn unparen_type(t: &Type) -> &Type {
    match &t.kind {
        TypeKind::Paren(inner) => unparen_type(inner),
        _ => t,
    }
}

/// The receiver base type as written: `T` in `*T`, `(*T)` or `(T)`.
fn recv_base_expr(t: &Type) -> &Type {
    let mut t = t;
    let mut ptr = false;
    loop {
        match &t.kind {
            TypeKind::Paren(inner) => t = inner,
            TypeKind::Pointer(inner) if !ptr => {
                ptr = true;
                t = inner;
            }
            _ => return t,
        }
    }
}

/// Whether a receiver type is written as a pointer (`*T`, `(*T)`).
fn recv_is_pointer(t: &Type) -> bool {
    match &t.kind {
        TypeKind::Pointer(_) => true,
        TypeKind::Paren(b) => recv_is_pointer(b),
        _ => false,
    }
}

/// The name of a receiver's base type (`T` in `*T`, `(T)`, `T[P]`).
fn recv_base_name(t: &Type) -> Option<String> {
    match &t.kind {
        TypeKind::Name { pkg: None, name } => Some(name.name.clone()),
        TypeKind::Pointer(b) | TypeKind::Paren(b) => recv_base_name(b),
        TypeKind::Instance { base, .. } => recv_base_name(base),
        _ => None,
    }
}
