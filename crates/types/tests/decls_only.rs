//! A package parsed for its declarations only (`syntax::parser::parse_decls`,
//! issue 14's package cache) checks as its importers need it: its
//! declarations and generic bodies are checked, its skipped bodies and the
//! imports only they use are not judged, and its importers are checked
//! against it as against the whole package.

use syntax::ast::NodeIds;
use syntax::{Diagnostics, SourceMap};
use types::PackageSpec;

const BASE: &str = "package base\n\nfunc Twice(x int) int { return 2 * x }\n";

/// `lib`: a non-generic body with an error only a full check finds, an
/// import used only in that body, and a generic function.
const LIB: &str = r#"package lib

import "example.com/m/base"

type Pair struct{ A, B int }

func Sum(p Pair) int {
	var unused int
	return base.Twice(p.A) + p.B + undefinedName
}

func Map[E, R any](s []E, f func(E) R) []R {
	var r []R
	for _, e := range s {
		r = append(r, f(e))
	}
	return r
}
"#;

/// Checks base, lib (for its declarations only when `decls_only`) and a
/// main package; the rendered errors.
fn check(lib: &str, main: &str, decls_only: bool) -> String {
    let mut sources = SourceMap::default();
    let (mut ids, mut diags) = (NodeIds::default(), Diagnostics::default());
    let base = sources.add("base/base.go", BASE);
    let lib_id = sources.add("lib/lib.go", lib);
    let user = sources.add("./prog.go", main);
    let lib_file = if decls_only {
        syntax::parser::parse_decls(&sources, lib_id, &mut ids, &mut diags, false)
    } else {
        syntax::parser::parse_file(&sources, lib_id, &mut ids, &mut diags)
    };
    let files = vec![
        syntax::parser::parse_file(&sources, base, &mut ids, &mut diags),
        lib_file,
        syntax::parser::parse_file(&sources, user, &mut ids, &mut diags),
    ];
    assert!(!diags.has_errors(), "{}", diags.render(&sources));
    let spec = |path: &str, files| PackageSpec {
        path: path.into(),
        files,
        library: false,
        lang: types::lang::LangVersion::CURRENT,
        import_map: Default::default(),
        unfound_imports: Default::default(),
    };
    let packages = [spec("example.com/m/base", 0..1), spec("example.com/m/lib", 1..2), spec("main", 2..3)];
    types::check_program(&sources, &files, &packages, None, &mut diags);
    diags.render_limited(&sources, None)
}

const MAIN: &str = r#"package main

import "example.com/m/lib"

func main() {
	n := lib.Sum(lib.Pair{A: 1, B: 2})
	s := lib.Map([]int{n}, func(i int) string { return "x" })
	println(n, s[0])
}
"#;

#[test]
fn skipped_bodies_are_not_checked() {
    let full = check(LIB, MAIN, false);
    assert!(full.contains("undefined: undefinedName"), "{full}");
    assert!(full.contains("declared and not used: unused"), "{full}");
    assert_eq!(check(LIB, MAIN, true), "");
}

#[test]
fn importers_are_checked_against_the_declarations() {
    let main = MAIN.replace("lib.Sum(lib.Pair{A: 1, B: 2})", "lib.Sum(1)");
    let errors = check(LIB, &main, true);
    assert!(errors.starts_with("./prog.go:6:15: cannot use 1"), "{errors}");
    assert_eq!(errors.lines().count(), 1, "{errors}");
}

#[test]
fn generic_bodies_are_still_checked() {
    let lib = LIB.replace("r = append(r, f(e))", "r = append(r, f(e), undefinedInGeneric)");
    let errors = check(&lib, MAIN, true);
    assert!(errors.contains("undefined: undefinedInGeneric"), "{errors}");
    assert!(!errors.contains("undefinedName"), "{errors}");
}

#[test]
fn an_import_no_declaration_uses_is_not_judged_unused() {
    // base is used only by Sum's skipped body.
    let lib = LIB.replace("base.Twice(p.A)", "p.A");
    assert!(check(&lib, MAIN, false).contains("\"example.com/m/base\" imported and not used"));
    assert_eq!(check(&lib, MAIN, true), "");
}
