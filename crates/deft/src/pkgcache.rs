//! The package cache's hit path (issue 14): which packages of a program
//! come from the cache, and keeping the units of those compiled anew.
//!
//! A package takes part when it is of one of the program's modules (not
//! of deft's library: the standard library, overlays or Go's source) and
//! not the main package (main stays on the per-function cache; the
//! library's packages are one unit of the program's, keyed by the
//! program: `library_fields`, `skip_library_bodies`), and the program is
//! one whose units are context-free: run in memory and not reporting
//! `-d=defer` (a hit would have to replay those lines). Its key
//! ([`crate::pkgkey`]) covers its files, its imports' API hashes and the
//! compiler; a library package's API hash stands for its path and the Go
//! distribution deft reads it from (its code changes only with deft or
//! that distribution).
//!
//! The loader parses such packages for their declarations only when the
//! package cache serves the program (`load::Request::decls_first`): the
//! keys' API texts come from those trees, a hit needs no more, and the
//! misses are parsed whole after the lookup ([`parse_whole`]), before
//! syntax errors are reported.
//!
//! On a hit the package's non-generic function bodies are skipped
//! (the checker does not check them: the package compiled without error
//! when its unit was kept), lowering takes its declarations only and
//! codegen links its unit (`codegen::Options::prebuilt`). On a miss it is
//! compiled, and its unit is kept under its key once codegen is done.
//! A unit that does not decode is a miss, never trusted (the cache's
//! packs are checksummed too). A unit carries copies of what no package
//! owns (type descriptors and their method tables) made under its
//! compilation's assumptions about the whole program; codegen refuses the
//! units a program's code makes stale (it calls a method their tables
//! left dead) and the driver then compiles every package anew
//! ([`unskip_bodies`], and [`parse_whole`] for the hits parsed
//! declarations-only). With reflect, the typelinks table lists the
//! units' descriptors too.
//!
//! Invariant: a unit is kept only from a compilation that succeeded, so a
//! hit never hides an error of its package.

use syntax::{SourceMap, ast};
use types::PackageSpec;

use crate::pkgkey::{self, Hash, PackageText};

/// The cache group of a package's units.
fn group(path: &str) -> String {
    format!("unit:{path}")
}

/// What the package cache decided for a program.
#[derive(Default)]
pub struct Plan {
    /// Per package: its key, if it takes part.
    pub keys: Vec<Option<Hash>>,
    /// The library unit's key, if the library takes part.
    pub library: Option<Hash>,
    /// The cache group of the program's library units.
    pub library_group: String,
    /// The packages whose units were found: import path and unit (the
    /// library's under `codegen::LIBRARY_UNIT`).
    pub hits: Vec<(String, codegen::artifact::Artifact)>,
    /// Lookups of the module's packages made (hits and misses), to tell
    /// them from the functions'.
    pub lookups: (usize, usize),
}

impl Plan {
    /// Whether the library's unit was found.
    pub fn library_hit(&self) -> bool {
        self.hits.iter().any(|(p, _)| p == codegen::LIBRARY_UNIT)
    }
}

/// Whether a program of `packages` may use the package cache (see the
/// module doc).
pub fn applies(report_defers: bool) -> bool {
    !report_defers
}

/// Looks the packages that take part up in `cache`: computes every
/// package's keys and finds the units of those that take part. The
/// packages of `decls_only` were parsed for their declarations only
/// (`load::Request::decls_first`), the others whole. `settings` gives
/// what else every unit depends on (asked only if a package takes part).
pub fn plan(
    sources: &SourceMap,
    files: &[ast::File],
    packages: &[PackageSpec],
    decls_only: &[usize],
    settings: impl FnOnce() -> String,
    cache: &dyn codegen::CodeCache,
) -> Plan {
    let last = packages.len().saturating_sub(1);
    let takes_part = |i: usize| !packages[i].library && i < last;
    if !(0..packages.len()).any(takes_part) {
        return Plan::default();
    }
    let settings = settings();
    let index: std::collections::HashMap<&str, usize> =
        packages.iter().enumerate().map(|(i, p)| (p.path.as_str(), i)).collect();
    let mut texts = Vec::with_capacity(packages.len());
    for (i, p) in packages.iter().enumerate() {
        let pkg_files = &files[p.files.clone()];
        let imports = pkg_files
            .iter()
            .flat_map(|f| &f.imports)
            .filter_map(|imp| index.get(p.import_map.get(&imp.path).unwrap_or(&imp.path).as_str()).copied())
            .filter(|&j| j < i)
            .collect();
        let files = match takes_part(i) {
            true => file_texts(sources, pkg_files, decls_only.contains(&i)),
            false => Vec::new(),
        };
        let settings = format!("{settings} lang={:?} map={:?} library={}", p.lang, p.import_map, p.library);
        texts.push(PackageText { path: &p.path, files, imports, settings });
    }
    let compiler = pkgkey::compiler_id();
    let keys = pkgkey::package_keys(&texts, &compiler);
    let mut plan = Plan { keys: vec![None; packages.len()], ..Plan::default() };
    let fields = library_fields(sources, files, packages, &settings);
    let library = pkgkey::library_key(&fields, &compiler);
    plan.library = Some(library);
    plan.library_group = library_group(&fields);
    let unit = cache.get(&plan.library_group, &library);
    if let Some(art) = unit.as_deref().and_then(codegen::artifact::Artifact::decode) {
        plan.hits.push((codegen::LIBRARY_UNIT.to_string(), art));
    }
    for (i, k) in keys.iter().enumerate().filter(|&(i, _)| takes_part(i)) {
        plan.keys[i] = Some(k.key);
        let unit = cache.get(&group(&packages[i].path), &k.key);
        match unit.as_deref().and_then(codegen::artifact::Artifact::decode) {
            Some(art) => {
                plan.lookups.0 += 1;
                plan.hits.push((packages[i].path.clone(), art));
            }
            None => plan.lookups.1 += 1,
        }
    }
    plan
}

/// The cache group of the library's units of the program whose
/// [`library_fields`] are `fields`: one pack per program (its settings,
/// the current directory among them, and its main package's path and
/// files), holding its units under their keys. A group shared by every
/// program grew with each program run (a test harness runs thousands, each
/// unit up to a megabyte) and every run read it whole.
fn library_group(fields: &[String]) -> String {
    let program = fields.iter().take(2).map(String::as_str).collect::<Vec<_>>().join("\n");
    format!("{}{program}", group(codegen::LIBRARY_UNIT))
}

/// What the library's unit depends on besides the compiler (see the
/// module doc): the settings, the program (its main package's path and
/// files), and each library package with its settings and the variables
/// the loader kept of it (`load::prune` drops those no code of the
/// program names).
fn library_fields(sources: &SourceMap, files: &[ast::File], packages: &[PackageSpec], settings: &str) -> Vec<String> {
    let mut fields = vec![settings.to_string()];
    if let Some(main) = packages.last() {
        let names = files[main.files.clone()].iter().map(|f| sources.file(f.package_pos.file).name.as_str());
        fields.push(format!("main {} {:?}", main.path, names.collect::<Vec<_>>()));
    }
    for p in packages.iter().filter(|p| p.library) {
        let vars = files[p.files.clone()]
            .iter()
            .flat_map(|f| &f.decls)
            .filter_map(|d| if let ast::Decl::Var(specs) = d { Some(specs) } else { None })
            .flat_map(|specs| specs.iter().flat_map(|s| &s.names))
            .map(|n| n.name.as_str());
        fields.push(format!("{} {:?} {:?} {:?}", p.path, p.lang, p.import_map, vars.collect::<Vec<_>>()));
    }
    fields
}

/// Each file's name, text and API text (from its declarations-only
/// parse: the file's own if `decls_only`, else one made here).
fn file_texts<'a>(sources: &'a SourceMap, files: &[ast::File], decls_only: bool) -> Vec<(&'a str, &'a str, String)> {
    files
        .iter()
        .map(|f| {
            let file = sources.file(f.package_pos.file);
            let api = match decls_only {
                true => syntax::api::api_text(&file.text, f),
                false => syntax::api::api_text(&file.text, &parse_decls(sources, f)),
            };
            (file.name.as_str(), file.text.as_str(), api)
        })
        .collect()
}

/// The declarations-only parse of `file` (its node ids are not the
/// program's: only what it skipped is read).
fn parse_decls(sources: &SourceMap, file: &ast::File) -> ast::File {
    let (mut ids, mut diags) = (ast::NodeIds::default(), syntax::Diagnostics::default());
    syntax::parser::parse_decls(sources, file.package_pos.file, &mut ids, &mut diags, false)
}

/// Marks the bodies a declarations-only parse would skip in the files of
/// the packages `hits` names, so that the checker does not check them;
/// those of the packages of `decls_only` were so parsed and are marked.
/// With the library's unit among them, so are the library's but those
/// of its functions with inline bodies (see [`skip_library_bodies`]).
pub fn skip_bodies(
    sources: &SourceMap,
    files: &mut [ast::File],
    packages: &[PackageSpec],
    hits: &[(String, codegen::artifact::Artifact)],
    decls_only: &[usize],
) {
    if let Some((_, library)) = hits.iter().find(|(p, _)| p == codegen::LIBRARY_UNIT) {
        skip_library_bodies(sources, files, packages, &library.facts.leaves);
    }
    let hit = |p: &PackageSpec| hits.iter().any(|(h, _)| *h == p.path);
    let whole = packages.iter().enumerate().filter(|(i, p)| hit(p) && !decls_only.contains(i));
    for (_, p) in whole {
        for file in &mut files[p.files.clone()] {
            let decls = parse_decls(sources, file);
            for (full, skipped) in file.decls.iter_mut().zip(&decls.decls) {
                if let (ast::Decl::Func(full), ast::Decl::Func(skipped)) = (full, skipped) {
                    full.body_skipped.clone_from(&skipped.body_skipped);
                }
            }
        }
    }
}

/// Marks skipped the bodies of the library's functions that are not
/// generic and not among `leaves` (gc names of its functions with inline
/// bodies, which the library's unit lists): the checker checks the
/// others, and lowering lowers them, so that the inliner can copy them into
/// the code translated beside the unit, as it did when the unit was
/// compiled. The bodies stay in the trees (the files were parsed whole),
/// should the unit turn out stale.
fn skip_library_bodies(sources: &SourceMap, files: &mut [ast::File], packages: &[PackageSpec], leaves: &[String]) {
    let leaves: std::collections::HashSet<&str> = leaves.iter().map(String::as_str).collect();
    for p in packages.iter().filter(|p| p.library) {
        for file in &mut files[p.files.clone()] {
            let mut lines = None;
            for decl in &mut file.decls {
                let ast::Decl::Func(f) = decl else { continue };
                let Some((open, close)) = f.body.as_ref().map(|b| (b.pos, b.end)) else { continue };
                if f.body_skipped.is_some()
                    || syntax::parser::is_generic(f)
                    || leaves.contains(gc_name(&p.path, f).as_str())
                {
                    continue;
                }
                let starts = lines.get_or_insert_with(|| line_starts(&sources.file(open.file).text));
                let offset =
                    |pos: syntax::Pos| Some(starts.get((pos.line as usize).checked_sub(1)?)? + pos.col as usize);
                // Between the braces: from just after `{` to `}`.
                if let (Some(from), Some(to)) = (offset(open), offset(close)) {
                    f.body_skipped = Some(from..to - 1);
                }
            }
        }
    }
}

/// The name gc gives non-generic function `f` of package `path`
/// (`lower`'s names: `p.F`, `p.T.M`, `p.(*T).M`).
fn gc_name(path: &str, f: &ast::FuncDecl) -> String {
    let name = &f.name.name;
    let Some(recv) = &f.recv else { return format!("{path}.{name}") };
    let mut t = &recv.ty;
    let mut pointer = false;
    loop {
        match &t.kind {
            ast::TypeKind::Paren(inner) => t = inner,
            ast::TypeKind::Pointer(inner) => {
                pointer = true;
                t = inner;
            }
            ast::TypeKind::Name { name: base, .. } if pointer => return format!("{path}.(*{}).{name}", base.name),
            ast::TypeKind::Name { name: base, .. } => return format!("{path}.{}.{name}", base.name),
            _ => return String::new(),
        }
    }
}

/// The byte offset at which each line of `text` starts.
fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect()
}

/// Parses whole the files of `which` (packages the loader parsed for
/// their declarations only), to compile them; their syntax errors go to
/// `diags`.
pub fn parse_whole(
    sources: &SourceMap,
    files: &mut [ast::File],
    packages: &[PackageSpec],
    which: &[usize],
    ids: &mut ast::NodeIds,
    diags: &mut syntax::Diagnostics,
) {
    for file in which.iter().flat_map(|&i| packages[i].files.clone()) {
        files[file] = syntax::parser::parse_file(sources, files[file].package_pos.file, ids, diags);
    }
}

/// Undoes [`skip_bodies`]: every body of `files` is checked again.
pub fn unskip_bodies(files: &mut [ast::File]) {
    for decl in files.iter_mut().flat_map(|f| &mut f.decls) {
        if let ast::Decl::Func(f) = decl {
            f.body_skipped = None;
        }
    }
}

/// Keeps the units codegen made of the packages that missed; `keys` are
/// [`Plan::keys`], `library` [`Plan::library`] with its group.
pub fn keep(
    keys: &[Option<Hash>],
    library: Option<(Hash, &str)>,
    packages: &[PackageSpec],
    units: &[(String, codegen::artifact::Artifact)],
    cache: &dyn codegen::CodeCache,
) {
    for (path, unit) in units {
        let key = match path.as_str() {
            codegen::LIBRARY_UNIT => library.map(|(key, group)| (key, group.to_string())),
            _ => packages.iter().position(|p| &p.path == path).and_then(|i| keys[i]).map(|key| (key, group(path))),
        };
        if let Some((key, group)) = key {
            cache.put(&group, &key, &unit.encode());
        }
    }
}
