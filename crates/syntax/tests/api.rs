//! The declarations-only parse (`parser::parse_decls`) and the API text
//! built on it (`api::api_text`): what is skipped, what is kept, and that
//! the API text changes exactly when what importers compile against does.

mod common;

use syntax::ast::{Decl, File, FuncDecl, NodeIds};
use syntax::parser::{parse_decls, parse_file};
use syntax::{Diagnostics, SourceMap};

/// Parses `text` both ways: (full tree, declarations-only tree, rendered
/// errors of each).
fn both(text: &str) -> (File, File, String, String) {
    let mut sources = SourceMap::default();
    let id = sources.add("a.go", text);
    let parse = |decls: bool| {
        let (mut ids, mut diags) = (NodeIds::default(), Diagnostics::default());
        let f = if decls {
            parse_decls(&sources, id, &mut ids, &mut diags, false)
        } else {
            parse_file(&sources, id, &mut ids, &mut diags)
        };
        (f, diags.render(&sources))
    };
    let ((full, full_errors), (decls, decls_errors)) = (parse(false), parse(true));
    (full, decls, full_errors, decls_errors)
}

fn api(text: &str) -> String {
    let (_, decls, _, errors) = both(text);
    assert_eq!(errors, "", "errors in:\n{text}");
    syntax::api::api_text(text, &decls)
}

/// Statements as text with their positions (node ids differ between parses).
fn shape(stmts: &[syntax::ast::Stmt]) -> Vec<(syntax::Pos, String)> {
    stmts.iter().map(|s| (s.pos, syntax::printer::stmt_string(s))).collect()
}

fn funcs(f: &File) -> Vec<&FuncDecl> {
    f.decls
        .iter()
        .filter_map(|d| match d {
            Decl::Func(f) => Some(f),
            _ => None,
        })
        .collect()
}

const SAMPLE: &str = r#"package p

import "fmt"

type List[T any] struct{ items []T }

func (l *List[T]) Push(v T) { l.items = append(l.items, v) }

type T struct{ n int }

func (t T) String() string { return fmt.Sprint("{", t.n, "}") }

func Map[E, R any](s []E, f func(E) R) []R {
	var r []R
	for _, e := range s {
		r = append(r, f(e))
	}
	return r
}

var handler = func() int { return 1 }

func F(x interface{ M() }) struct{ a int } {
	s := "}}}" + `{` // }
	_ = '}'
	/* } */
	k := 17
	if k > 0 {
		return struct{ a int }{k}
	}
	return struct{ a int }{}
}
"#;

#[test]
fn only_non_generic_bodies_are_skipped() {
    let (full, decls, full_errors, decls_errors) = both(SAMPLE);
    assert_eq!((full_errors.as_str(), decls_errors.as_str()), ("", ""));
    let skipped: Vec<(&str, bool)> =
        funcs(&decls).iter().map(|f| (f.name.name.as_str(), f.body_skipped.is_some())).collect();
    assert_eq!(skipped, [("Push", false), ("String", true), ("Map", false), ("F", true)]);
    for (f, d) in funcs(&full).iter().zip(funcs(&decls)) {
        let (fb, db) = (f.body.as_ref().unwrap(), d.body.as_ref().unwrap());
        assert_eq!((fb.pos, fb.end), (db.pos, db.end), "{}: the block keeps its braces' positions", f.name.name);
        match &d.body_skipped {
            Some(range) => {
                assert!(db.stmts.is_empty());
                assert_eq!((&SAMPLE[range.start - 1..range.start], &SAMPLE[range.end..range.end + 1]), ("{", "}"));
            }
            None => assert_eq!(shape(&fb.stmts), shape(&db.stmts), "{}: a generic body is parsed", f.name.name),
        }
    }
    // The function literal of a package-level initialiser is a declaration's.
    assert!(api(SAMPLE).contains("func() int { return 1 }"));
}

#[test]
fn api_text_keeps_positions_and_declarations() {
    let text = api(SAMPLE);
    assert_eq!(text.lines().count(), SAMPLE.lines().count());
    // What follows a body keeps its column: the body's last line keeps its length.
    for (t, a) in SAMPLE.lines().zip(text.lines()).filter(|(t, _)| t.starts_with('}')) {
        assert_eq!(t.len(), a.len(), "{t:?} {a:?}");
    }
    let string = text.lines().find(|l| l.starts_with("func (t T) String()")).unwrap();
    assert_eq!(string.trim_end_matches([' ', '}']), "func (t T) String() string {", "{string}");
    assert!(!text.contains("k := 17"));
    assert!(text.contains("l.items = append(l.items, v)"), "generic method bodies stay");
    assert!(text.contains("r = append(r, f(e))"), "generic function bodies stay");
}

#[test]
fn api_text_changes_exactly_when_importers_see_a_change() {
    let base = api(SAMPLE);
    // A non-generic body edited in place: importers are unaffected.
    assert_eq!(api(&SAMPLE.replace("k := 17", "k := 99")), base);
    assert_eq!(api(&SAMPLE.replace("k := 17", "k := 1700")), base, "a line of a body got longer");
    assert_eq!(api(&SAMPLE.replace("\"{\", t.n", "\"<\", t.n")), base);
    // A signature, a type, a generic body, a line added in a body: changed.
    for (from, to) in [
        ("func F(x interface{ M() })", "func F(x interface{ N() })"),
        ("type T struct{ n int }", "type T struct{ n int64 }"),
        ("r = append(r, f(e))", "r = append(r, f(e), f(e))"),
        ("k := 17", "k := 17\n"),
        ("return 1", "return 2"),
    ] {
        assert_ne!(api(&SAMPLE.replacen(from, to, 1)), base, "{from} → {to}");
    }
}

#[test]
fn an_unterminated_body_is_reported_as_a_full_parse_reports_it() {
    let text = "package p\n\nfunc f() {\n\tx := 1\n";
    let (_, _, full_errors, decls_errors) = both(text);
    assert_eq!(decls_errors, full_errors);
    assert!(decls_errors.contains("syntax error"), "{decls_errors}");
}

/// Every file of Go's test suite that parses without errors gives, parsed
/// for its declarations only, no error and the same declarations: the
/// same functions, each body skipped unless generic, at the same braces.
#[test]
fn declarations_match_a_full_parse_over_gos_test_suite() {
    let Some(files) = suite_files() else {
        eprintln!("Go's test suite is not installed: skipped");
        return;
    };
    let (mut compared, mut skipped_bodies) = (0, 0);
    for path in files {
        let Ok(text) = std::fs::read_to_string(&path) else { continue };
        let (full, decls, full_errors, decls_errors) = both(&text);
        if !full_errors.is_empty() {
            continue;
        }
        assert_eq!(decls_errors, "", "{}", path.display());
        assert_eq!(full.decls.len(), decls.decls.len(), "{}", path.display());
        assert_eq!(full.imports, decls.imports, "{}", path.display());
        for (f, d) in funcs(&full).iter().zip(funcs(&decls)) {
            let here = format!("{}: {}", path.display(), f.name.name);
            assert_eq!((f.pos, &f.name.name), (d.pos, &d.name.name), "{here}");
            match (&f.body, &d.body) {
                (Some(fb), Some(db)) => {
                    assert_eq!((fb.pos, fb.end), (db.pos, db.end), "{here}");
                    // Skipped unless generic (a method's receiver may be).
                    let generic = !f.type_params.is_empty();
                    assert!(d.body_skipped.is_some() != generic || f.recv.is_some() && !generic, "{here}");
                    if let Some(range) = &d.body_skipped {
                        assert_eq!(&text[range.end..range.end + 1], "}", "{here}");
                        skipped_bodies += 1;
                    } else {
                        assert_eq!(shape(&fb.stmts), shape(&db.stmts), "{here}");
                    }
                }
                (None, None) => {}
                _ => panic!("{here}: a body in one parse only"),
            }
        }
        let api = syntax::api::api_text(&text, &decls);
        assert_eq!(api.lines().count(), text.lines().count(), "{}", path.display());
        compared += 1;
    }
    assert!(compared > 1000 && skipped_bodies > 5000, "compared {compared} files, {skipped_bodies} bodies");
}

/// The `.go` files of the test suite's directory and of `typeparam/` (generic code).
fn suite_files() -> Option<Vec<std::path::PathBuf>> {
    let mut files = common::go_test_files("/usr/lib/go-1.19/test")?;
    files.extend(common::go_test_files("/usr/lib/go-1.19/test/typeparam").unwrap_or_default());
    files.extend(common::go_test_files("/usr/lib/go-1.19/test/fixedbugs").unwrap_or_default());
    Some(files)
}
