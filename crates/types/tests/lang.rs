//! Language versions per file: the package's `-lang` and each file's
//! `//go:build` line (see `types::lang`). The wording of the version
//! errors is gc 1.27.3's, checked by hand against `go build` of a module
//! with the same go line and files.

use syntax::ast::NodeIds;
use syntax::{Diagnostics, SourceMap};
use types::{LangVersion, PackageSpec};

/// Checks the files (name, text) as one package of language `lang`;
/// returns the rendered diagnostics and each file's version.
fn check(lang: LangVersion, files: &[(&str, &str)]) -> (String, Vec<LangVersion>) {
    let mut sources = SourceMap::default();
    let mut ids = NodeIds::default();
    let mut diags = Diagnostics::default();
    let parsed: Vec<_> = files
        .iter()
        .map(|(name, text)| {
            let id = sources.add(*name, *text);
            syntax::parser::parse_file(&sources, id, &mut ids, &mut diags)
        })
        .collect();
    assert!(!diags.has_errors(), "syntax errors: {}", diags.render(&sources));
    let spec = PackageSpec {
        path: "main".into(),
        files: 0..parsed.len(),
        library: false,
        lang,
        import_map: Default::default(),
        unfound_imports: Default::default(),
    };
    let info = types::check_program(&sources, &parsed, &[spec], None, &mut diags);
    let langs = parsed.iter().map(|f| info.lang_at(f.package_pos)).collect();
    (diags.render(&sources), langs)
}

#[test]
fn build_lines_set_file_versions() {
    let (out, langs) = check(
        LangVersion::go1(20),
        &[
            ("a.go", "package main\n\nfunc main() { _ = min(1, 2) }\n"),
            // A version below go1.21 still makes the file go1.21.
            ("b.go", "//go:build go1.19\n\npackage main\n\nfunc b() { clear(map[int]int{}) }\n"),
            ("c.go", "//go:build linux && go1.23\n\npackage main\n\nfunc c() { _ = max(1, 2) }\n"),
            ("d.go", "//go:build !go1.23\n\npackage main\n\nfunc d() { _ = [1]int([]int{1}) }\n"),
        ],
    );
    assert_eq!(out, "a.go:3:19: built-in min requires go1.21 or later (-lang was set to go1.20; check go.mod)\n");
    let want: Vec<LangVersion> = [20, 21, 23, 20].into_iter().map(LangVersion::go1).collect();
    assert_eq!(langs, want);
}

#[test]
fn old_package_versions() {
    let (out, _) = check(
        LangVersion::go1(19),
        &[(
            "a.go",
            "package main\n\nimport \"unsafe\"\n\nfunc main() {\n\t_ = [1]int([]int{1})\n\t_ = unsafe.StringData(\"\")\n}\n",
        )],
    );
    assert_eq!(
        out,
        "a.go:6:13: cannot convert []int{…} (value of type []int) to type [1]int: conversion of slice to array requires go1.20 or later (-lang was set to go1.19; check go.mod)\n\
         a.go:7:6: unsafe.StringData requires go1.20 or later (-lang was set to go1.19; check go.mod)\n"
    );
}

#[test]
fn a_file_newer_than_deft() {
    let (out, langs) =
        check(LangVersion::CURRENT, &[("a.go", "//go:build go1.99\n\npackage main\n\nfunc main() {}\n")]);
    assert_eq!(out, "a.go:3:9: file requires newer Go version go1.99 (application built with go1.27)\n");
    assert_eq!(langs, [LangVersion::go1(99)]);
}
