//! Prints the parsed tree of a Go file (debugging aid).
use syntax::ast::NodeIds;
use syntax::{Diagnostics, SourceMap};

fn main() {
    let mut sources = SourceMap::default();
    let mut ids = NodeIds::default();
    let mut diags = Diagnostics::default();
    let path = std::env::args().nth(1).unwrap_or_default();
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let id = sources.add(path, text);
    let f = syntax::parser::parse_file(&sources, id, &mut ids, &mut diags);
    println!("{:#?}", f.decls);
}
