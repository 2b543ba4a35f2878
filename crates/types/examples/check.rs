//! Type-checks Go files and prints gc-style diagnostics:
//! `cargo run -p types --example check -- a.go [b.go ...]`.
use syntax::ast::NodeIds;
use syntax::{Diagnostics, SourceMap};

fn main() {
    let mut sources = SourceMap::default();
    let mut ids = NodeIds::default();
    let mut diags = Diagnostics::default();
    let mut files = Vec::new();
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let id = sources.add(path, text);
        files.push(syntax::parser::parse_file(&sources, id, &mut ids, &mut diags));
    }
    // DEFT_CHECK_ALWAYS=1: check even after syntax errors (robustness runs).
    if !diags.has_errors() || std::env::var_os("DEFT_CHECK_ALWAYS").is_some() {
        types::check_package(&sources, &files, &mut diags);
    }
    print!("{}", diags.render(&sources));
}
