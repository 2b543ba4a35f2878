//! Parses Go files and prints their syntax errors as gc would (a tool for
//! comparing with `go tool compile`): `cargo run -p syntax --example parse -- a.go b.go`.

use syntax::ast::NodeIds;
use syntax::{Diagnostics, SourceMap};

fn main() {
    let mut sources = SourceMap::default();
    for path in std::env::args().skip(1) {
        match std::fs::read(&path) {
            Ok(bytes) => {
                sources.add(path, String::from_utf8_lossy(&bytes).into_owned());
            }
            Err(e) => eprintln!("{path}: {e}"),
        }
    }
    let mut ids = NodeIds::default();
    let mut diags = Diagnostics::default();
    let ids_of: Vec<_> = sources.files().map(|(id, _)| id).collect();
    for id in ids_of {
        let file = syntax::parser::parse_file(&sources, id, &mut ids, &mut diags);
        if std::env::var_os("DEFT_DUMP_AST").is_some() {
            println!("{file:#?}");
        }
    }
    print!("{}", diags.render(&sources));
}
