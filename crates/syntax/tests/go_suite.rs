//! Parses every valid program of Go's own test suite (`// run`, `// compile`,
//! `// build` and `// runoutput` files of `/usr/lib/go-1.19/test` and its
//! `fixedbugs`, and the files of the `rundir`/`compiledir`/`runindir`
//! tests' `.dir` directories) and expects no syntax error, except for the
//! files in `go_suite_skip.txt`.
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

/// The first word of the recipe (`run`, `errorcheck`, ...).
fn recipe_verb(text: &str) -> &str {
    recipe(text).strip_prefix("//").and_then(|r| r.split_whitespace().next()).unwrap_or("")
}

/// Whether the recipe says the program is valid Go (`// run`, `// compile`,
/// `// build`, `// runoutput`, with or without flags).
fn is_valid_program(text: &str) -> bool {
    matches!(recipe_verb(text), "run" | "compile" | "build" | "runoutput")
}

/// Whether the recipe says the files of the test's `.dir` directory are a
/// valid multi-package program.
fn is_valid_dir(text: &str) -> bool {
    matches!(recipe_verb(text), "rundir" | "compiledir" | "runindir")
}

/// Every `.go` file under `dir`, recursively, sorted.
fn go_files_under(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            go_files_under(&p, out);
        } else if p.extension().is_some_and(|x| x == "go") {
            out.push(p);
        }
    }
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
            let mut programs = Vec::new();
            if is_valid_program(&text) {
                programs.push(path.clone());
            } else if is_valid_dir(&text) {
                go_files_under(&path.with_extension("dir"), &mut programs);
            }
            for program in programs {
                let rel = program.strip_prefix(ROOT).unwrap_or(&program).to_string_lossy().into_owned();
                if skips.contains_key(&rel) {
                    continue;
                }
                let Ok(bytes) = std::fs::read(&program) else { continue };
                let (_, errors) = common::parse(&rel, &String::from_utf8_lossy(&bytes));
                parsed += 1;
                if !errors.is_empty() {
                    failures.push(errors);
                }
            }
        }
    }
    println!("parsed {parsed} files of valid programs of Go's test suite, {} skipped", skips.len());
    assert!(failures.is_empty(), "{} files have syntax errors:\n{}", failures.len(), failures.join(""));
}
