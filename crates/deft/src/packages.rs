//! Assembling a program from the user's package and the library packages it
//! imports, directly or not.
//!
//! The library is embedded in the binary (`build.rs` turns `lib/` into
//! [`stdlib::PACKAGES`]); its files join the [`SourceMap`] as
//! `lib/<path>/<file>.go` when a program imports them. Packages are ordered
//! as Go initialises them: every package after the packages it imports, in
//! the order of first import, the user's package last. An import of a path
//! the library lacks is left to the type checker, which reports it
//! (`deft does not support package "net/http" yet`).

use std::collections::HashMap;

use syntax::ast::{File, NodeIds};
use syntax::{Diagnostics, SourceMap};
use types::PackageSpec;

mod stdlib {
    include!(concat!(env!("OUT_DIR"), "/stdlib.rs"));
}

/// The files of a whole program, package by package (see
/// [`types::check_program`]).
pub struct Program {
    /// All files, grouped by package.
    pub files: Vec<File>,
    /// The packages, in initialisation order; the user's last.
    pub packages: Vec<PackageSpec>,
}

/// Loads the library packages `user` (the user's package, already parsed)
/// imports, transitively, and returns the whole program. `lang` is the
/// language version of the user's package (the library's is deft's own).
pub fn assemble(
    sources: &mut SourceMap,
    user: Vec<File>,
    lang: types::LangVersion,
    ids: &mut NodeIds,
    diags: &mut Diagnostics,
) -> Program {
    let mut loader = Loader { sources, ids, diags, parsed: HashMap::new(), order: Vec::new() };
    for path in imports(&user) {
        loader.visit(&path);
    }
    let mut files = Vec::new();
    let mut packages = Vec::new();
    for path in std::mem::take(&mut loader.order) {
        let pkg_files = loader.parsed.remove(&path).unwrap_or_default();
        packages.push(PackageSpec {
            path,
            files: files.len()..files.len() + pkg_files.len(),
            library: true,
            lang: types::LangVersion::CURRENT,
            import_map: Default::default(),
        });
        files.extend(pkg_files);
    }
    let path = user.first().map_or_else(|| "main".to_string(), |f| f.package.name.clone());
    packages.push(PackageSpec {
        path,
        files: files.len()..files.len() + user.len(),
        library: false,
        lang,
        import_map: Default::default(),
    });
    files.extend(user);
    Program { files, packages }
}

struct Loader<'s> {
    sources: &'s mut SourceMap,
    ids: &'s mut NodeIds,
    diags: &'s mut Diagnostics,
    /// Library packages parsed so far, by import path.
    parsed: HashMap<String, Vec<File>>,
    /// Library packages in initialisation order (post-order).
    order: Vec<String>,
}

impl Loader<'_> {
    /// Loads library package `path` after the packages it imports; a path
    /// that is not in the library, or is loaded already, is skipped.
    fn visit(&mut self, path: &str) {
        if self.parsed.contains_key(path) {
            return;
        }
        let Some(&(_, sources)) = stdlib::PACKAGES.iter().find(|(p, _)| *p == path) else { return };
        let files: Vec<File> = sources
            .iter()
            .map(|(name, text)| {
                let id = self.sources.add(format!("lib/{path}/{name}"), *text);
                syntax::parser::parse_file(self.sources, id, self.ids, self.diags)
            })
            .collect();
        let deps = imports(&files);
        // Mark it before visiting its imports: the library has no cycles,
        // and this keeps a mistaken one from recursing forever.
        self.parsed.insert(path.to_string(), files);
        for dep in deps {
            self.visit(&dep);
        }
        self.order.push(path.to_string());
    }
}

/// Import paths of `files`, in order of first appearance.
fn imports(files: &[File]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for imp in files.iter().flat_map(|f| &f.imports) {
        if !out.contains(&imp.path) {
            out.push(imp.path.clone());
        }
    }
    out
}
