//! A file's *API text*: what the packages importing it compile against.
//!
//! It is the file's text with the body of every non-generic function
//! blanked: what a declarations-only parse ([`crate::parser::parse_decls`])
//! skipped between the braces becomes its newlines, and then as many spaces
//! as its last line had bytes. What stays is every declaration (types,
//! constants, variables and their initialisers, signatures) and the bodies
//! of generic functions and methods of generic types, which importers
//! instantiate and compile themselves. deft inlines no function of one
//! package of a module into another's code, so nothing else of a body
//! reaches an importer's code: this is gc's rule for export data without
//! inlining.
//!
//! Invariants: the API text has the line structure of the file's text,
//! and everything outside the skipped bodies keeps its line and column
//! (positions there are positions in the file). An edit inside a skipped
//! body that adds or removes no line and leaves the body's last line
//! alone leaves it unchanged, however it changes the lengths of the lines
//! before (`k := 7` becoming `k := 107`). An edit that does move lines
//! changes it, rightly: the declarations after it move, and importers
//! compile some of them (generic bodies) with their positions.

use crate::ast::{Decl, File};

/// The API text of `text`, whose declarations-only parse is `file`.
pub fn api_text(text: &str, file: &File) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    let skipped = file.decls.iter().filter_map(|d| match d {
        Decl::Func(f) => f.body_skipped.clone(),
        _ => None,
    });
    for range in skipped {
        let (Some(before), Some(body)) = (bytes.get(at..range.start), bytes.get(range.clone())) else { continue };
        out.extend_from_slice(before);
        let newlines = body.iter().filter(|&&b| b == b'\n').count();
        let last_line = body.iter().rposition(|&b| b == b'\n').map_or(body.len(), |i| body.len() - i - 1);
        out.extend(std::iter::repeat_n(b'\n', newlines));
        out.extend(std::iter::repeat_n(b' ', last_line));
        at = range.end;
    }
    out.extend_from_slice(bytes.get(at..).unwrap_or_default());
    // Only whole UTF-8 sequences (inside a body) were replaced, by ASCII
    // bytes: the text is still UTF-8.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}
