//! Golden tests of syntax errors: each case in `syntax_errors.txt` is a
//! malformed program and the errors gc 1.27.3 (`go tool compile`) prints
//! for it, rendered exactly as deft must render them.
//!
//! Set `DEFT_BLESS=1` to regenerate the expectations by running gc 1.27.3
//! (`go` on the PATH) on every case. Only the lines the syntax stage is
//! responsible for are kept: gc type-checks a file after lexical errors
//! (which lack the `syntax error:` prefix), and its type checker's
//! messages belong to the `types` crate's tests.

mod common;

use std::fmt::Write;

const DATA: &str = "tests/syntax_errors.txt";

/// gc messages that come from its type checker, not from the syntax stage.
const TYPE_CHECKER_MESSAGES: &[&str] = &[
    "declared and not used",
    "undefined:",
    "has no field or method",
    "imported and not used",
    "missing return",
    "defined and not used",
    "is not used",
    "not defined",
    "invalid AST",
    "invalid syntax tree",
    "could not import",
    "truncated",
    "cannot use",
    "mismatch",
    "arguments in call",
    "cannot call",
    "invalid operation",
    "no new variables",
    "undeclared name",
    "is not an expression",
    "missing init expr",
    "generic type cannot be alias",
];

struct Case {
    name: String,
    src: String,
    want: String,
}

fn load() -> (String, Vec<Case>) {
    let text = std::fs::read_to_string(DATA).expect("syntax_errors.txt is readable");
    let (header, body) = text.split_once("\n==== ").map_or((text.as_str(), ""), |(h, b)| (h, b));
    let mut cases = Vec::new();
    for chunk in format!("\n==== {body}").split("\n==== ").skip(1) {
        let (name, rest) = chunk.split_once('\n').unwrap_or((chunk, ""));
        let (src, want) = rest.split_once("---- gc\n").unwrap_or((rest, ""));
        cases.push(Case {
            name: name.to_string(),
            src: src.to_string(),
            want: want.trim_end_matches('\n').to_string(),
        });
    }
    (format!("{header}\n"), cases)
}

fn render(header: &str, cases: &[Case]) -> String {
    let mut out = header.to_string();
    for c in cases {
        let _ = write!(out, "==== {}\n{}---- gc\n{}\n", c.name, c.src, c.want);
    }
    out
}

/// What gc prints for `src`, without the type checker's lines.
fn run_gc(src: &str) -> String {
    let tmp = std::env::temp_dir();
    let tmp = if tmp.is_absolute() { tmp } else { std::path::PathBuf::from("/tmp") };
    let dir = tmp.join(format!("deft-bless-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(dir.join("a.go"), src).expect("write a.go");
    // The reference gc (1.27.3) is the `go` on the PATH.
    let go = "go";
    let out = std::process::Command::new(go)
        .env("GOTOOLCHAIN", "local")
        .args(["tool", "compile", "-p", "main", "-o", "a.o", "a.go"])
        .current_dir(&dir)
        .output()
        .unwrap_or_else(|e| panic!("running {go} in {}: {e}", dir.display()));
    let text = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    let from_checker = |l: &str| !l.contains(": syntax error: ") && TYPE_CHECKER_MESSAGES.iter().any(|m| l.contains(m));
    let kept: Vec<&str> = text.lines().filter(|l| !from_checker(l)).collect();
    kept.join("\n")
}

#[test]
fn syntax_errors_match_gc() {
    let (header, mut cases) = load();
    let bless = std::env::var_os("DEFT_BLESS").is_some();
    let mut failures = String::new();
    for c in &mut cases {
        if bless {
            c.want = run_gc(&c.src);
        }
        let (_, got) = common::parse("a.go", &c.src);
        let got = got.trim_end_matches('\n');
        if got != c.want {
            let _ = write!(failures, "==== {}\n{}--- want (gc)\n{}\n--- have\n{}\n\n", c.name, c.src, c.want, got);
        }
    }
    if bless {
        std::fs::write(DATA, render(&header, &cases)).expect("rewrite syntax_errors.txt");
    }
    assert!(failures.is_empty(), "{failures}");
}
