//! Parses every valid program of Go's own test suite (`// run`, `// compile`,
//! `// build` and `// runoutput` files of `/usr/lib/go-1.19/test` and its `fixedbugs`) and
//! expects no syntax error, except for the files in `go_suite_skip.txt`.
//! When the suite is not installed the test says so and passes.

mod common;

use std::collections::HashMap;
use std::path::Path;

const ROOT: &str = "/usr/lib/go-1.19/test";

/// The test's recipe: the first comment line that is not a build constraint.
fn recipe(text: &str) -> &str {
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with("// +build") && !l.starts_with("//go:build"))
        .unwrap_or("")
}

/// Whether the recipe says the program is valid Go (`// run`, `// compile`,
/// `// build`, `// runoutput`, with or without flags).
fn is_valid_program(text: &str) -> bool {
    let r = recipe(text);
    let Some(rest) = r.strip_prefix("//") else { return false };
    let mut words = rest.split_whitespace();
    matches!(words.next(), Some("run" | "compile" | "build" | "runoutput"))
}

fn skip_list() -> HashMap<String, String> {
    include_str!("go_suite_skip.txt")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once(char::is_whitespace))
        .map(|(name, why)| (name.to_string(), why.trim().to_string()))
        .collect()
}

#[test]
fn go_test_suite_parses() {
    let skips = skip_list();
    let mut parsed = 0;
    let mut failures = Vec::new();
    for dir in [ROOT.to_string(), format!("{ROOT}/fixedbugs")] {
        let Some(files) = common::go_test_files(&dir) else {
            println!("{dir} not found (install golang-1.19-src); skipping");
            return;
        };
        for path in files {
            let Ok(bytes) = std::fs::read(&path) else { continue };
            let text = String::from_utf8_lossy(&bytes);
            if !is_valid_program(&text) {
                continue;
            }
            let rel = path.strip_prefix(ROOT).unwrap_or(&path).to_string_lossy().into_owned();
            if skips.contains_key(&rel) {
                continue;
            }
            let name = Path::new(&rel).to_string_lossy();
            let (_, errors) = common::parse(&name, &text);
            parsed += 1;
            if !errors.is_empty() {
                failures.push(errors);
            }
        }
    }
    println!("parsed {parsed} valid programs of Go's test suite, {} skipped", skips.len());
    assert!(failures.is_empty(), "{} files have syntax errors:\n{}", failures.len(), failures.join(""));
}
