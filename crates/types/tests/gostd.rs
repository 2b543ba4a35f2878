//! The checker's wording for names deft's library lacks and Go's has
//! (`types::GoStd`): `deft does not support time.Date yet` instead of gc's
//! `undefined: time.Date`.
//!
//! These messages are deft's own, not gc's, so the expectations are written
//! here by hand. The library package and Go's declarations are both
//! in memory: a small `time` standing for deft's `lib/time`, and a table
//! standing for what the driver reads from the Go distribution.

use syntax::ast::NodeIds;
use syntax::{Diagnostics, SourceMap};
use types::{GoStd, PackageSpec};

/// deft's library package in these tests.
const LIB_TIME: &str = "package time\n\ntype Time struct{ wall int64 }\n\nfunc Now() Time { return Time{} }\n\n\
                        func (t Time) Unix() int64 { return t.wall }\n";

/// Go's `time`, as far as these tests ask: exported names, and the members
/// of its types.
struct GoTime;

impl GoStd for GoTime {
    fn exports(&self, path: &str, name: &str) -> bool {
        path == "time" && ["Date", "UTC", "Time", "Now", "Month"].contains(&name)
    }

    fn has_member(&self, path: &str, type_name: &str, member: &str) -> bool {
        path == "time" && type_name == "Time" && ["Format", "Unix", "Year", "String"].contains(&member)
    }
}

/// Checks `main` (the user's package, `./prog.go`) against the library
/// package above, with or without Go's declarations; the rendered errors.
fn check(main: &str, gostd: Option<&dyn GoStd>) -> String {
    let mut sources = SourceMap::default();
    let mut ids = NodeIds::default();
    let mut diags = Diagnostics::default();
    let lib = sources.add("lib/time/time.go", LIB_TIME);
    let user = sources.add("./prog.go", main);
    let files = vec![
        syntax::parser::parse_file(&sources, lib, &mut ids, &mut diags),
        syntax::parser::parse_file(&sources, user, &mut ids, &mut diags),
    ];
    assert!(!diags.has_errors(), "{}", diags.render(&sources));
    let packages = [
        PackageSpec {
            path: "time".into(),
            files: 0..1,
            library: true,
            lang: types::lang::LangVersion::CURRENT,
            import_map: Default::default(),
            unfound_imports: Default::default(),
        },
        PackageSpec {
            path: "main".into(),
            files: 1..2,
            library: false,
            lang: types::lang::LangVersion::CURRENT,
            import_map: Default::default(),
            unfound_imports: Default::default(),
        },
    ];
    types::check_program(&sources, &files, &packages, gostd, &mut diags);
    diags.render_limited(&sources, None)
}

const PROGRAM: &str = r#"package main

import "time"

type Embeds struct{ time.Time }

type Stringer interface{ String() string }

func main() {
	d := time.Date(2020, 1, 2, 0, 0, 0, 0, time.UTC)
	var m time.Month
	t := time.Now()
	_ = t.Format("2006")
	_ = (&t).Year()
	_ = time.Time.Format
	_ = Embeds{}.Format
	var s Stringer = t
	_ = t.Undefined
	_ = time.Undefined
	_, _, _ = d, m, s
}
"#;

#[test]
fn names_go_has_are_unsupported() {
    let want = "\
./prog.go:10:12: deft does not support time.Date yet
./prog.go:10:46: deft does not support time.UTC yet
./prog.go:11:13: deft does not support time.Month yet
./prog.go:13:8: deft does not support time.Time.Format yet
./prog.go:14:11: deft does not support time.Time.Year yet
./prog.go:15:16: deft does not support time.Time.Format yet
./prog.go:16:15: deft does not support time.Time.Format yet
./prog.go:17:19: cannot use t (variable of struct type time.Time) as Stringer value in variable declaration: time.Time does not implement Stringer (deft does not support time.Time.String yet)
./prog.go:18:8: t.Undefined undefined (type time.Time has no field or method Undefined)
./prog.go:19:11: undefined: time.Undefined
";
    assert_eq!(check(PROGRAM, Some(&GoTime)), want);
}

#[test]
fn without_go_every_name_is_undefined() {
    let got = check(PROGRAM, None);
    assert!(!got.contains("deft does not support"), "{got}");
    assert!(got.starts_with("./prog.go:10:12: undefined: time.Date\n"), "{got}");
    assert!(
        got.contains("./prog.go:13:8: t.Format undefined (type time.Time has no field or method Format)\n"),
        "{got}"
    );
}
