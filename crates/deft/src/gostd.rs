//! The installed Go distribution's standard library, read to tell the type
//! checker which names deft's own library lacks (see `types::GoStd`).
//!
//! Where Go is: `$DEFT_GOROOT` if set, else what `go env GOROOT` prints
//! (with `GOTOOLCHAIN=local`, so that the go command never fetches a
//! toolchain). Package `P` is the non-test `.go` files of `GOROOT/src/P`
//! that a linux/amd64 build would compile (file-name suffixes and
//! `//go:build` lines are honoured), parsed with deft's own parser; only
//! their top-level declarations are kept. Parse errors are ignored (newer
//! syntax may leave a partial tree; the declarations found still count).
//!
//! Nothing here runs for a program that type-checks: the checker asks only
//! while it reports an error, and Go is looked for, and each package read,
//! once, at the first question. Without Go every answer is "no", and the
//! checker keeps gc's `undefined:` wording.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::path::Path;

use syntax::ast::{Decl, File, InterfaceElem, Type, TypeKind};
use syntax::{Diagnostics, SourceMap};

/// Go's standard library as found in the installed distribution.
#[derive(Default)]
pub struct GoRoot {
    /// The declarations of the packages asked about so far, by import path
    /// (empty for a package the distribution lacks).
    packages: RefCell<HashMap<String, std::rc::Rc<Decls>>>,
}

/// The top-level declarations of one package that matter for the
/// questions of `types::GoStd`.
#[derive(Default, Debug)]
struct Decls {
    /// Exported package-level names.
    exports: HashSet<String>,
    /// Defined types and aliases by name (exported or not: an unexported
    /// embedded type promotes its exported members).
    types: HashMap<String, Members>,
}

/// The members of one type: its exported fields and methods (of `T` and
/// `*T`, or of the interface), and the types of the same package it embeds
/// (or is an alias of), whose members it has too.
#[derive(Default, Debug)]
struct Members {
    names: HashSet<String>,
    embeds: Vec<String>,
}

impl types::GoStd for GoRoot {
    fn exports(&self, path: &str, name: &str) -> bool {
        self.package(path).exports.contains(name)
    }

    fn has_member(&self, path: &str, type_name: &str, member: &str) -> bool {
        let decls = self.package(path);
        // Breadth-first through the embedded types; `seen` ends cycles.
        let mut seen = HashSet::new();
        let mut queue = vec![type_name.to_string()];
        while let Some(t) = queue.pop() {
            if !seen.insert(t.clone()) {
                continue;
            }
            if let Some(m) = decls.types.get(&t) {
                if m.names.contains(member) {
                    return true;
                }
                queue.extend(m.embeds.iter().cloned());
            }
        }
        false
    }
}

impl GoRoot {
    /// The declarations of package `path`, read at the first question.
    fn package(&self, path: &str) -> std::rc::Rc<Decls> {
        if let Some(d) = self.packages.borrow().get(path) {
            return d.clone();
        }
        let decls = std::rc::Rc::new(match crate::load::env::find_goroot() {
            Some(root) => read_package(&root.join("src").join(path)),
            None => Decls::default(),
        });
        self.packages.borrow_mut().insert(path.to_string(), decls.clone());
        decls
    }
}

/// Reads and parses the files of the package in `dir` that a linux/amd64
/// build compiles.
fn read_package(dir: &Path) -> Decls {
    let ctx = crate::buildtags::BuildContext::default();
    let mut decls = Decls::default();
    let Ok(entries) = std::fs::read_dir(dir) else { return decls };
    let mut sources = SourceMap::default();
    let mut ids = syntax::ast::NodeIds::default();
    let mut diags = Diagnostics::default();
    for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else { continue };
        if !ctx.matches_file_name(name) {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&path) else { continue };
        if ctx.header_holds(&text) != Ok(true) {
            continue;
        }
        let id = sources.add(name, text);
        let file = syntax::parser::parse_file(&sources, id, &mut ids, &mut diags);
        // Generators (`package main`) and external tests are not the package.
        if file.package.name != "main" && !file.package.name.ends_with("_test") {
            collect(&file, &mut decls);
        }
    }
    decls
}

/// Adds the top-level declarations of `file` to `decls`.
fn collect(file: &File, decls: &mut Decls) {
    let exported = |n: &str| n.chars().next().is_some_and(char::is_uppercase);
    for d in &file.decls {
        match d {
            Decl::Var(specs) => decls.exports.extend(specs.iter().flat_map(|s| &s.names).map(|n| n.name.clone())),
            Decl::Const(specs) => decls.exports.extend(specs.iter().flat_map(|s| &s.names).map(|n| n.name.clone())),
            Decl::Type(specs) => {
                for spec in specs {
                    decls.exports.insert(spec.name.name.clone());
                    let m = decls.types.entry(spec.name.name.clone()).or_default();
                    type_members(&spec.ty, spec.alias, m);
                }
            }
            Decl::Func(fd) => match &fd.recv {
                None => {
                    decls.exports.insert(fd.name.name.clone());
                }
                Some(recv) => {
                    if let Some(base) = receiver_base(&recv.ty) {
                        decls.types.entry(base).or_default().names.insert(fd.name.name.clone());
                    }
                }
            },
        }
    }
    decls.exports.retain(|n| exported(n));
    for m in decls.types.values_mut() {
        m.names.retain(|n| exported(n));
    }
}

/// The fields (struct) or methods (interface) that the type `ty` declares,
/// and the types it embeds; an alias of a type of the package has that
/// type's members.
fn type_members(ty: &Type, alias: bool, m: &mut Members) {
    match &ty.kind {
        TypeKind::Struct(fields) => {
            for f in fields {
                if f.names.is_empty() {
                    if let Some(embedded) = receiver_base(&f.ty) {
                        m.names.insert(embedded.clone());
                        if local_name(&f.ty) {
                            m.embeds.push(embedded);
                        }
                    }
                } else {
                    m.names.extend(f.names.iter().map(|n| n.name.clone()));
                }
            }
        }
        TypeKind::Interface(elems) => {
            for e in elems {
                match e {
                    InterfaceElem::Method { name, .. } => {
                        m.names.insert(name.name.clone());
                    }
                    InterfaceElem::Embed(t) if local_name(t) => m.embeds.extend(receiver_base(t)),
                    InterfaceElem::Embed(_) => {}
                }
            }
        }
        TypeKind::Name { pkg: None, name } if alias => m.embeds.push(name.name.clone()),
        TypeKind::Paren(t) => type_members(t, alias, m),
        _ => {}
    }
}

/// The type name of a receiver or embedded field: `T`, `*T`, `T[P]`,
/// `pkg.T` (its name).
fn receiver_base(ty: &Type) -> Option<String> {
    match &ty.kind {
        TypeKind::Name { name, .. } => Some(name.name.clone()),
        TypeKind::Pointer(t) | TypeKind::Paren(t) => receiver_base(t),
        TypeKind::Instance { base, .. } => receiver_base(base),
        _ => None,
    }
}

/// Whether an embedded type names a type of the same package.
fn local_name(ty: &Type) -> bool {
    match &ty.kind {
        TypeKind::Name { pkg, .. } => pkg.is_none(),
        TypeKind::Pointer(t) | TypeKind::Paren(t) => local_name(t),
        TypeKind::Instance { base, .. } => local_name(base),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_through_embedding_and_aliases() {
        let mut sources = SourceMap::default();
        let id = sources.add(
            "p.go",
            "package p\ntype R struct{ *inner; Exported int; hidden int }\ntype inner struct{}\n\
             func (*inner) Promoted() {}\ntype A = R\ntype I interface{ J; M() }\ntype J interface{ N() }\n\
             func (R) Own() {}\nfunc F() {}\nfunc g() {}\nconst C, d = 1, 2\n",
        );
        let file =
            syntax::parser::parse_file(&sources, id, &mut syntax::ast::NodeIds::default(), &mut Diagnostics::default());
        let mut decls = Decls::default();
        collect(&file, &mut decls);
        let root = GoRoot::default();
        root.packages.borrow_mut().insert("p".into(), std::rc::Rc::new(decls));
        use types::GoStd;
        assert!(root.exports("p", "F") && root.exports("p", "C") && root.exports("p", "R"));
        assert!(!root.exports("p", "g") && !root.exports("p", "d") && !root.exports("p", "inner"));
        for m in ["Own", "Promoted", "Exported"] {
            assert!(root.has_member("p", "R", m), "R.{m}");
            assert!(root.has_member("p", "A", m), "A.{m}");
        }
        assert!(!root.has_member("p", "R", "hidden"));
        assert!(root.has_member("p", "I", "M") && root.has_member("p", "I", "N"));
    }
}
