//! Library variables no code of the program can name are left out before
//! checking.
//!
//! Why: Go's own packages keep large tables in package variables that a
//! given program mostly never reads: `unicode` declares some 300
//! `RangeTable`s (every script, category and property) and the maps
//! `Categories`, `Scripts`, `Properties` over them, of which a program
//! using `strings` reaches the score its functions name. Checking,
//! lowering and laying out the rest cost more than compiling the program.
//!
//! What is dropped: a `var` spec of a library package (an overlay's or
//! upstream's) whose names are not blank, whose initializers are *inert*
//! ([`inert`]: literals, names, composite and function literals,
//! operators, conversions to type literals — no call, no receive: running
//! it runs no code of the program), and whose names are named nowhere
//! else: not by an identifier token of any file of the program outside
//! dropped specs, nor in a `//go:linkname` directive. Names are matched by
//! spelling alone, whatever they resolve to (a field `x.Latin` keeps every
//! variable `Latin`): a conservative over-approximation of the references,
//! found from the token stream so that no syntax is overlooked.
//!
//! Why it is unobservable: such a variable can be read by no code (Go
//! reaches package variables only by name; `reflect` cannot enumerate
//! them), its initializer has no effect, and leaving out a variable no
//! other depends on leaves Go's initialisation order of the others as it
//! was (each is still the earliest ready one when it was before).
//!
//! **Invariant**: only library packages lose declarations, and only before
//! the checker sees them; the user's packages are checked whole, so their
//! diagnostics are gc's.

use std::collections::{HashMap, HashSet};

use syntax::ast::{Decl, Expr, ExprKind, File, UnaryOp, VarSpec};
use syntax::lexer::Lexer;
use syntax::token::Tok;
use syntax::{Diagnostics, Pos, SourceMap};
use types::PackageSpec;

/// A droppable spec: where it is and what it names.
struct Candidate {
    /// Index of its file in the program's file list.
    file: usize,
    /// Its declaration's index in the file, and its own in the declaration.
    decl: usize,
    spec: usize,
    /// Its text: from its first name up to the next spec or declaration.
    start: Pos,
    end: Pos,
    /// Names it references (identifier tokens inside its text).
    refs: Vec<String>,
    kept: bool,
}

/// Drops the unreferenced variables of library packages from `files`
/// (see the module doc).
pub(crate) fn unreferenced_library_vars(files: &mut [File], packages: &[PackageSpec], sources: &SourceMap) {
    let mut candidates = Vec::new();
    for spec in packages.iter().filter(|p| p.library) {
        for i in spec.files.clone() {
            collect_candidates(i, &files[i], &mut candidates);
        }
    }
    if candidates.is_empty() {
        return;
    }
    let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
    for (c, cand) in candidates.iter().enumerate() {
        for name in spec_names(files, cand) {
            by_name.entry(name.to_string()).or_default().push(c);
        }
    }
    let mut live = roots(files, sources, &mut candidates, &by_name);
    // Every candidate of a live name is kept, and so is what it names.
    while let Some(name) = live.pop() {
        for &c in by_name.get(&name).into_iter().flatten() {
            if !candidates[c].kept {
                candidates[c].kept = true;
                live.append(&mut candidates[c].refs);
            }
        }
    }
    remove_dropped(files, &candidates);
}

/// The inert `var` specs of file `i`, with the extent of their text.
fn collect_candidates(i: usize, file: &File, out: &mut Vec<Candidate>) {
    // A dot import's names are not told from the file's own: a spec that
    // uses one might be all that keeps the import used.
    if file.imports.iter().any(|imp| imp.name.as_ref().is_some_and(|n| n.name == ".")) {
        return;
    }
    let starts: Vec<Option<Pos>> = file.decls.iter().map(decl_start).collect();
    for (d, decl) in file.decls.iter().enumerate() {
        let Decl::Var(specs) = decl else { continue };
        // The text of a declaration's last spec ends where the next
        // declaration starts (only keywords and punctuation lie between).
        let next_decl = starts[d + 1..].iter().flatten().next().copied();
        for (s, spec) in specs.iter().enumerate() {
            if !droppable(spec) {
                continue;
            }
            let end = specs.get(s + 1).map(|n| n.pos).or(next_decl).unwrap_or(Pos { line: u32::MAX, ..spec.pos });
            out.push(Candidate { file: i, decl: d, spec: s, start: spec.pos, end, refs: Vec::new(), kept: false });
        }
    }
}

/// Where a declaration's text starts for the purpose of bounding the
/// previous one's: its first spec, or the `func` keyword.
fn decl_start(decl: &Decl) -> Option<Pos> {
    match decl {
        Decl::Var(specs) => specs.first().map(|s| s.pos),
        Decl::Const(specs) => specs.first().map(|s| s.pos),
        Decl::Type(specs) => specs.first().map(|s| s.pos),
        Decl::Func(f) => Some(f.pos),
    }
}

fn droppable(spec: &VarSpec) -> bool {
    !spec.values.is_empty() && spec.names.iter().all(|n| n.name != "_") && spec.values.iter().all(inert)
}

/// Whether evaluating `e` runs no code of the program and has no effect
/// (a panic aside, which no initializer of Go's library raises: it would
/// stop every program importing it).
fn inert(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Ident(_) | ExprKind::BasicLit { .. } | ExprKind::FuncLit { .. } | ExprKind::Type(_) => true,
        ExprKind::CompositeLit { elems, .. } => {
            elems.iter().all(|el| el.key.as_ref().is_none_or(inert) && inert(&el.value))
        }
        ExprKind::Paren(x) | ExprKind::Star(x) | ExprKind::Selector { x, .. } => inert(x),
        ExprKind::Unary { op, x } => *op != UnaryOp::Recv && inert(x),
        ExprKind::Binary { x, y, .. } => inert(x) && inert(y),
        ExprKind::Index { x, indices } => inert(x) && indices.iter().all(inert),
        ExprKind::Slice { x, lo, hi, max, .. } => inert(x) && [lo, hi, max].into_iter().flatten().all(|p| inert(p)),
        ExprKind::TypeAssert { x, .. } => inert(x),
        // A conversion to a type literal (`[]byte("...")`); a named
        // callee may be a function.
        ExprKind::Call { func, args, .. } => matches!(func.kind, ExprKind::Type(_)) && args.iter().all(inert),
        ExprKind::Bad => false,
    }
}

fn spec_names<'f>(files: &'f [File], c: &Candidate) -> impl Iterator<Item = &'f str> {
    let Decl::Var(specs) = &files[c.file].decls[c.decl] else { unreachable!("a candidate is a var spec") };
    specs[c.spec].names.iter().map(|n| n.name.as_str())
}

/// Reads every file's identifier tokens: a token naming a candidate's name
/// inside a candidate's text is that candidate's reference, any other is a
/// root, as is every word of a `//go:linkname` directive. A candidate that
/// names one of its file's imports the rest of the file never names is a
/// root too: without it the import would be unused. Returns the names the
/// roots make live.
fn roots(
    files: &[File],
    sources: &SourceMap,
    candidates: &mut [Candidate],
    by_name: &HashMap<String, Vec<usize>>,
) -> Vec<String> {
    let mut live = HashSet::new();
    // Candidates of each file, in order of their text.
    let mut of_file: HashMap<usize, Vec<usize>> = HashMap::new();
    for (c, cand) in candidates.iter().enumerate() {
        of_file.entry(cand.file).or_default().push(c);
    }
    for (i, file) in files.iter().enumerate() {
        for (_, directive) in &file.linknames {
            for word in directive.split(|ch: char| ch.is_whitespace() || ch == '.' || ch == '/') {
                if by_name.contains_key(word) {
                    live.insert(word.to_string());
                }
            }
        }
        let inside = of_file.get(&i).map_or(&[][..], Vec::as_slice);
        let imports = if inside.is_empty() { HashSet::new() } else { import_names(file) };
        // Import names used outside candidates; candidates using the others.
        let mut used = HashSet::new();
        let mut needing: Vec<(usize, &str)> = Vec::new();
        let text = &sources.file(file.package_pos.file).text;
        let mut diags = Diagnostics::default();
        let mut lx = Lexer::new(text, file.package_pos.file, &mut diags);
        // The package clause and the imports name no declaration (a
        // package may be named as a package it imports: `cpu`).
        let body = file.decls.iter().find_map(decl_start);
        lx.next();
        while lx.tok != Tok::Eof {
            let name = lx.text();
            if lx.tok == Tok::Name
                && body.is_some_and(|b| b <= lx.pos)
                && (by_name.contains_key(name) || imports.contains(name))
            {
                let owner = inside.partition_point(|&c| candidates[c].start <= lx.pos).checked_sub(1);
                match owner.map(|k| inside[k]).filter(|&c| lx.pos < candidates[c].end) {
                    Some(c) if imports.contains(name) => needing.push((c, name)),
                    Some(c) => candidates[c].refs.push(name.to_string()),
                    None if imports.contains(name) => {
                        used.insert(name);
                    }
                    None => {
                        live.insert(name.to_string());
                    }
                }
            }
            lx.next();
        }
        for (c, _) in needing.into_iter().filter(|(_, name)| !used.contains(name)) {
            let Decl::Var(specs) = &file.decls[candidates[c].decl] else { continue };
            live.extend(specs[candidates[c].spec].names.iter().map(|n| n.name.clone()));
        }
    }
    live.into_iter().collect()
}

/// The names a file's imports may be referred to by: the explicit name,
/// else the path's last element (and the one before a major version
/// suffix, `math/rand/v2` being package `rand`). An over-approximation of
/// the package names is enough: it only keeps more.
fn import_names(file: &File) -> HashSet<&str> {
    let mut names = HashSet::new();
    for imp in &file.imports {
        if let Some(n) = &imp.name {
            names.insert(n.name.as_str());
            continue;
        }
        let mut parts = imp.path.rsplit('/');
        names.extend(parts.next());
        names.extend(parts.next());
    }
    names
}

fn remove_dropped(files: &mut [File], candidates: &[Candidate]) {
    let dropped: HashSet<(usize, usize, usize)> =
        candidates.iter().filter(|c| !c.kept).map(|c| (c.file, c.decl, c.spec)).collect();
    let mut touched: Vec<usize> = candidates.iter().filter(|c| !c.kept).map(|c| c.file).collect();
    touched.dedup();
    for i in touched {
        let decls = std::mem::take(&mut files[i].decls);
        files[i].decls = decls
            .into_iter()
            .enumerate()
            .filter_map(|(d, decl)| match decl {
                Decl::Var(specs) => {
                    let before = specs.len();
                    let specs: Vec<VarSpec> = specs
                        .into_iter()
                        .enumerate()
                        .filter(|(s, _)| !dropped.contains(&(i, d, *s)))
                        .map(|(_, spec)| spec)
                        .collect();
                    (before == 0 || !specs.is_empty()).then_some(Decl::Var(specs))
                }
                other => Some(other),
            })
            .collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use syntax::ast::NodeIds;
    use types::LangVersion;

    /// The variables left in library package `lib` (file `l.go`) of a
    /// program whose main package is `user`.
    fn kept(lib: &str, user: &str) -> Vec<String> {
        let mut sources = SourceMap::default();
        let (mut ids, mut diags) = (NodeIds::default(), Diagnostics::default());
        let l = sources.add("l.go", lib);
        let u = sources.add("u.go", user);
        let mut files = vec![
            syntax::parser::parse_std_file(&sources, l, &mut ids, &mut diags),
            syntax::parser::parse_file(&sources, u, &mut ids, &mut diags),
        ];
        assert!(!diags.has_errors());
        let spec = |path: &str, i: usize, library: bool| PackageSpec {
            path: path.into(),
            files: i..i + 1,
            library,
            lang: LangVersion::CURRENT,
            import_map: Default::default(),
            unfound_imports: Default::default(),
        };
        unreferenced_library_vars(&mut files, &[spec("l", 0, true), spec("main", 1, false)], &sources);
        let mut names = Vec::new();
        for decl in &files[0].decls {
            if let Decl::Var(specs) = decl {
                names.extend(specs.iter().flat_map(|s| s.names.iter().map(|n| n.name.clone())));
            }
        }
        names
    }

    const TABLES: &str = "package l\n\nimport \"other/cpu\"\n\ntype T struct{ R []int }\n\n\
        var (\n\t_A = &T{R: []int{1, 2}}\n\tA = _A\n\t_B = &T{}\n\tB = _B\n\tAll = map[string]*T{\"A\": A, \"B\": B}\n)\n\n\
        var Fast = cpu.X.HasAVX\nvar called = f()\nvar _ = &T{}\n\n\
        //go:linkname linked\nvar linked = 3\n\nfunc f() int { return len(B.R) }\n";

    #[test]
    fn unnamed_inert_variables_are_left_out() {
        // f names B, B names _B; the table A and the map are named by no one;
        // `called` runs code; Fast alone uses the import.
        assert_eq!(kept(TABLES, "package main\n\nfunc main() {}\n"), ["_B", "B", "Fast", "called", "_", "linked"]);
        // A name of the user's keeps what it names, whatever it resolves to.
        let user = "package main\n\nimport \"l\"\n\nfunc main() { _ = l.All }\n";
        assert_eq!(kept(TABLES, user), ["_A", "A", "_B", "B", "All", "Fast", "called", "_", "linked"]);
    }
}
