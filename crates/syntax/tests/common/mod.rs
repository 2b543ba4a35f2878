//! Helpers shared by the syntax crate's integration tests.
#![allow(dead_code)]

use syntax::ast::{File, NodeIds};
use syntax::parser::parse_file;
use syntax::{Diagnostics, SourceMap};

/// Parses `text` as a file named `name`; the tree and the rendered errors.
pub fn parse(name: &str, text: &str) -> (File, String) {
    let mut sources = SourceMap::default();
    let id = sources.add(name, text);
    let mut ids = NodeIds::default();
    let mut diags = Diagnostics::default();
    let file = parse_file(&sources, id, &mut ids, &mut diags);
    (file, diags.render(&sources))
}

/// The `.go` files of Go's own test suite under `dir`, if it is installed.
pub fn go_test_files(dir: &str) -> Option<Vec<std::path::PathBuf>> {
    let entries = std::fs::read_dir(dir).ok()?;
    let mut files: Vec<_> =
        entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "go")).collect();
    files.sort();
    Some(files)
}
