//! A file's *API text*: what the packages importing it compile against.
//!
//! It is the file's text with the body of every non-generic function
//! blanked: each byte between the braces a declarations-only parse
//! ([`crate::parser::parse_decls`]) skipped becomes a space, newlines
//! kept. What stays is every declaration (types, constants, variables and
//! their initialisers, signatures) and the bodies of generic functions and
//! methods of generic types, which importers instantiate and compile
//! themselves. deft inlines no function across packages, so nothing else
//! of a body reaches an importer's code: this is gc's rule for export
//! data without inlining.
//!
//! Invariants: the API text has the length and the line structure of the
//! file's text (positions in it are positions in the file), and an edit
//! inside a skipped body that adds or removes no line leaves it unchanged.
//! An edit that does move lines changes it, rightly: the declarations
//! after it move, and importers compile some of them (generic bodies)
//! with their positions.

use crate::ast::{Decl, File};

/// The API text of `text`, whose declarations-only parse is `file`.
pub fn api_text(text: &str, file: &File) -> String {
    let mut bytes = text.as_bytes().to_vec();
    let skipped = file.decls.iter().filter_map(|d| match d {
        Decl::Func(f) => f.body_skipped.clone(),
        _ => None,
    });
    for range in skipped {
        for b in &mut bytes[range] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    }
    // Only whole UTF-8 sequences (inside a body) were replaced, each byte by
    // an ASCII space: the text is still UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}
