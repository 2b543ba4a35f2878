//! Shared helpers of the lowering tests: Go source → (IR, `-d=defer` report).

use lower::{LowerOptions, defer_report, dump, lower_program};
use syntax::{Diagnostics, SourceMap};

/// The result of compiling one Go file up to the IR.
#[allow(dead_code)] // each test binary uses part of it
pub struct Lowered {
    /// The IR dump (empty when lowering failed).
    pub ir: String,
    /// The `-d=defer` report.
    pub defers: String,
    /// Rendered diagnostics of any stage.
    pub errors: String,
}

/// Parses, checks and lowers `src` as file `name`; the IR is verified.
pub fn lower_source(name: &str, src: &str, opts: &LowerOptions) -> Lowered {
    let mut sources = SourceMap::default();
    let file = sources.add(name, src);
    let mut diags = Diagnostics::default();
    let mut ids = syntax::ast::NodeIds::default();
    let files = vec![syntax::parser::parse_file(&sources, file, &mut ids, &mut diags)];
    if diags.has_errors() {
        return Lowered { ir: String::new(), defers: String::new(), errors: diags.render(&sources) };
    }
    let info = types::check_package(&sources, &files, &mut diags);
    if diags.has_errors() {
        return Lowered { ir: String::new(), defers: String::new(), errors: diags.render(&sources) };
    }
    match lower_program(&sources, &files, &info, opts, &mut diags) {
        Some(p) => {
            if let Err(e) = lower::verify::verify(&p) {
                panic!("IR of {name} fails verification: {e}\n{}", dump(&p));
            }
            Lowered { ir: dump(&p), defers: defer_report(&p, &sources, &|_| Some(0)), errors: diags.render(&sources) }
        }
        None => Lowered { ir: String::new(), defers: String::new(), errors: diags.render(&sources) },
    }
}
