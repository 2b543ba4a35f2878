//! `cargo run -p lower --example defer_report -- [-N] [-dump] FILE.go...`:
//! parses, checks and lowers the files (one package) and prints the
//! `-d=defer` report, like `go tool compile -d=defer` (with `-dump`, the IR
//! too). Used by `tests/defer/fuzz.py`.

use lower::{LowerOptions, defer_report, lower_program};
use syntax::{Diagnostics, SourceMap};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let opts = LowerOptions { disable_open_defers: args.iter().any(|a| a == "-N"), ..Default::default() };
    let mut sources = SourceMap::default();
    for path in args.iter().filter(|a| !a.starts_with('-')) {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| {
            eprintln!("{path}: {e}");
            std::process::exit(1)
        });
        sources.add(path.clone(), text);
    }
    let mut diags = Diagnostics::default();
    let mut ids = syntax::ast::NodeIds::default();
    let ids_list: Vec<_> = sources.files().map(|(id, _)| id).collect();
    let files: Vec<_> =
        ids_list.into_iter().map(|id| syntax::parser::parse_file(&sources, id, &mut ids, &mut diags)).collect();
    if !diags.has_errors() {
        let info = types::check_package(&sources, &files, &mut diags);
        if !diags.has_errors()
            && let Some(p) = lower_program(&sources, &files, &info, &opts, &mut diags)
        {
            print!("{}", defer_report(&p, &sources, &|_| Some(0)));
            if args.iter().any(|a| a == "-dump") {
                print!("{}", lower::dump(&p));
            }
        }
    }
    if diags.has_errors() {
        eprint!("{}", diags.render(&sources));
        std::process::exit(1);
    }
}
