//! The type checker's own corpus, judged the way types2's `check_test.go`
//! judges types2.
//!
//! The corpus is `GOROOT/src/internal/types/testdata` of the Go
//! distribution deft reads (gc 1.27.3's): every entry of `check/`, `spec/`,
//! `fixedbugs/` and `examples/`. A file is a test (a package of its own); a
//! subdirectory is one test whose files form one package. Tests are named
//! by their path relative to the corpus root (`check/expr0.go`,
//! `check/importdecl0`).
//!
//! deft runs from the corpus root as `deft run --check-only
//! -gcflags='-e [-lang=go1.N]' FILES...`, and the test passes when its
//! diagnostics are exactly those the files' comments expect:
//!
//! * An expected error is a comment `/* ERROR "text" */` or `/* ERRORx
//!   "regexp" */` (or the same as a `//` comment): exactly one blank
//!   before and after the marker, then a Go string literal. Its position
//!   is that of the token before the comment (semicolons inserted at line
//!   ends do not count), so the comment follows the token the error is
//!   reported at.
//! * A diagnostic `FILE:LINE:COL: MSG` (tab-indented lines after it are
//!   part of its message) must be claimed by an expected error of the same
//!   file and line: `ERROR`'s text a substring of the message, or
//!   `ERRORx`'s regular expression matching it; among several, the one
//!   with the closest column, which must be within the directory's
//!   tolerance (types2's own: `check/` 50 columns, `spec/` 20, `fixedbugs/`
//!   100, `examples/` 125). Each expected error claims one diagnostic, and
//!   none may be left over. Output lines that are not diagnostics (a
//!   message without a position) are unexpected errors too; lines starting
//!   with `#` are ignored.
//! * The first line of a test's first file may set flags: `// -lang=go1.N`
//!   is passed on as deft's `-lang`; any other (`-goexperiment`,
//!   `-fakeImportC`, which change the checker's configuration, not the
//!   language) skips the test as needing gc-specific flags.
//! * A file whose build constraint (before its package clause) fails for
//!   linux/amd64 with gc 1.27.3's release tags `go1.1`…`go1.27` is left out,
//!   as types2's `shouldTest` leaves it out.
//!
//! Crashes, timeouts and unsupported features are classified as for Go's
//! test suite ([`harness::classify`]).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use golden::process::{self, Streams};
use regex::Regex;

use crate::constraint::{eval_line_with, go_command_tag_holds};
use crate::errorcheck::go_regex_to_rust;
use crate::harness::{self, SkipKind, Verdict};

/// The corpus's directories, each with types2's column tolerance.
pub const DIRS: &[(&str, u32)] = &[("check", 50), ("spec", 20), ("fixedbugs", 100), ("examples", 125)];

/// The corpus inside a Go root.
pub fn corpus_of(goroot: &Path) -> PathBuf {
    goroot.join("src/internal/types/testdata")
}

/// Every test of the corpus at `root`, sorted within each directory.
pub fn discover(root: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for (dir, _) in DIRS {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        let mut names: Vec<String> = entries
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| !n.starts_with('.'))
            .filter(|n| n.ends_with(".go") || root.join(dir).join(n).is_dir())
            .collect();
        names.sort();
        out.extend(names.into_iter().map(|n| format!("{dir}/{n}")));
    }
    out
}

/// The table's directory column for a test: `types2/check/`, ...
pub fn directory_of(rel: &str) -> String {
    format!("types2/{}/", rel.split('/').next().unwrap_or(rel))
}

/// The header of the committed list of passing tests.
pub const PASSING_HEADER: &str = "\
# Tests of the type checker's corpus (GOROOT/src/internal/types/testdata of
# gc 1.27.3: check/, spec/, fixedbugs/, examples/; a directory is one
# package) whose diagnostics deft gives exactly as the ERROR comments expect
# (the tests gc 1.27.3 fails itself are in types2-gc-fails.txt).
# Written by `cargo run -p conformance --release -- --corpus types2 --exclude @conformance/types2-gc-fails.txt --write-passing conformance/types2-passing.txt`;
# CI runs --check-passing on this list and fails if any of them stops passing.
";

/// Runs one test (`rel`, relative to the corpus `root`) and judges it; a
/// failure names its first problem and how many more there are, or, with
/// `every_problem`, lists them all, one per line.
pub fn run_test(deft: &Path, root: &Path, rel: &str, timeout: Duration, every_problem: bool) -> Verdict {
    let tolerance = DIRS.iter().find(|(d, _)| rel.starts_with(&format!("{d}/"))).map_or(0, |(_, t)| *t);
    let files = match test_files(root, rel) {
        Ok(f) => f,
        Err(e) => return Verdict::Fail(format!("bad test: {e}")),
    };
    if files.is_empty() {
        return Verdict::Skipped(SkipKind::Constraints, "every file excluded by its build constraint".into());
    }
    let lang = match flags(&files[0].1) {
        Ok(lang) => lang,
        Err(flag) => return Verdict::Skipped(SkipKind::GcFlags, flag),
    };
    let mut expected = Vec::new();
    for (name, src) in &files {
        match expectations(src) {
            Ok(e) => expected.extend(e.into_iter().map(|e| (name.clone(), e))),
            Err(e) => return Verdict::Fail(format!("bad test: {name}: {e}")),
        }
    }
    let mut cmd = Command::new(deft);
    let gcflags = match lang {
        Some(v) => format!("-gcflags=-e -lang={v}"),
        None => "-gcflags=-e".to_string(),
    };
    cmd.args(["run", "--check-only", &gcflags]).args(files.iter().map(|(n, _)| n)).current_dir(root);
    let out = match process::run(cmd, timeout, Streams::Combined) {
        Ok(out) => out,
        Err(e) => return Verdict::Crash(format!("cannot run {}: {e}", deft.display())),
    };
    let (code, text) = match harness::classify(&out) {
        Ok(r) => r,
        Err(v) => return v,
    };
    let diags = diagnostics(&text);
    if code != 0 && diags.is_empty() {
        return Verdict::Fail(format!("exit status {code} without diagnostics"));
    }
    let problems = judge(&diags, expected, tolerance);
    match problems.first() {
        None => Verdict::Pass,
        Some(_) if every_problem => Verdict::Fail(problems.join("\n\t")),
        Some(p) if problems.len() == 1 => Verdict::Fail(p.clone()),
        Some(p) => Verdict::Fail(format!("{p} (and {} more)", problems.len() - 1)),
    }
}

/// The files of a test with their text, in name order, without those its
/// build constraints exclude: names relative to the corpus root.
fn test_files(root: &Path, rel: &str) -> Result<Vec<(String, String)>, String> {
    let path = root.join(rel);
    let names: Vec<String> = if path.is_dir() {
        let mut names: Vec<String> = std::fs::read_dir(&path)
            .map_err(|e| format!("{rel}: {e}"))?
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| n.ends_with(".go") && !n.starts_with('.'))
            .map(|n| format!("{rel}/{n}"))
            .collect();
        names.sort();
        names
    } else {
        vec![rel.to_string()]
    };
    let mut out = Vec::new();
    for name in names {
        let bytes = std::fs::read(root.join(&name)).map_err(|e| format!("{name}: {e}"))?;
        let src = String::from_utf8_lossy(&bytes).into_owned();
        if built(&src) {
            out.push((name, src));
        }
    }
    Ok(out)
}

/// types2's `shouldTest`: the first build constraint before the package
/// clause decides, with linux, amd64 and the release tags holding.
fn built(src: &str) -> bool {
    let header = src.lines().take_while(|l| !l.starts_with("package "));
    header.filter_map(|l| eval_line_with(l, release_tag_holds)).next().unwrap_or(true)
}

fn release_tag_holds(tag: &str) -> bool {
    tag != "unix" && tag != "gc" && go_command_tag_holds(tag)
}

/// The flags of a test's first line (`// -lang=go1.21`): the language
/// version to pass on, or the first flag deft has no equivalent for.
pub fn flags(src: &str) -> Result<Option<String>, String> {
    let Some(rest) = src.strip_prefix("//") else { return Ok(None) };
    let first = rest.lines().next().unwrap_or("");
    if !first.trim_start().starts_with('-') {
        return Ok(None);
    }
    let mut lang = None;
    for f in first.split_whitespace() {
        match f.strip_prefix("-lang=") {
            Some(v) => lang = Some(v.to_string()),
            None => return Err(f.to_string()),
        }
    }
    Ok(lang)
}

/// How an expected error's pattern is matched against a message.
#[derive(Debug)]
pub enum Pattern {
    /// `ERROR "text"`: the text is a substring of the message.
    Substring(String),
    /// `ERRORx "re"`: the regular expression matches the message.
    Regexp(Regex),
}

impl Pattern {
    fn matches(&self, msg: &str) -> bool {
        match self {
            Pattern::Substring(s) => msg.contains(s.as_str()),
            Pattern::Regexp(re) => re.is_match(msg),
        }
    }
}

/// One expected error of a file.
#[derive(Debug)]
pub struct Expected {
    /// The position of the token before the comment (1-based; byte columns).
    pub line: u32,
    /// Its column.
    pub col: u32,
    /// The pattern.
    pub pattern: Pattern,
    /// The comment's text after the marker, for messages.
    pub text: String,
}

/// The expected errors of a source file (types2's `syntax.CommentMap` with
/// `^ ERRORx? `): every comment with the marker, at the position of the
/// token before it.
pub fn expectations(src: &str) -> Result<Vec<Expected>, String> {
    let mut out = Vec::new();
    let mut err = None;
    scan(src, |(line, col), comment| {
        if err.is_some() {
            return;
        }
        match expected(comment, line, col) {
            Ok(Some(e)) => out.push(e),
            Ok(None) => {}
            Err(e) => err = Some(format!("{line}:{col}: {e}")),
        }
    });
    match err {
        Some(e) => Err(e),
        None => Ok(out),
    }
}

/// The expected error a comment's text (without `//` or `/* */`) states, if any.
fn expected(comment: &str, line: u32, col: u32) -> Result<Option<Expected>, String> {
    let (rest, regexp) = if let Some(r) = comment.strip_prefix(" ERROR ") {
        (r, false)
    } else if let Some(r) = comment.strip_prefix(" ERRORx ") {
        (r, true)
    } else {
        return Ok(None);
    };
    let text = rest.trim();
    let unquoted = unquote(text).ok_or_else(|| format!("invalid ERROR pattern (cannot unquote {text})"))?;
    let pattern = if regexp {
        let re = Regex::new(&go_regex_to_rust(&unquoted)).map_err(|e| format!("invalid ERRORx pattern: {e}"))?;
        Pattern::Regexp(re)
    } else {
        Pattern::Substring(unquoted)
    };
    Ok(Some(Expected { line, col, pattern, text: text.to_string() }))
}

/// Calls `comment` with the position of the previous token (`(0, 0)`
/// before the first) and the text of every comment of `src`, in order.
///
/// A lexer just fine enough for positions: string, rune and raw string
/// literals are one token, identifiers and numbers are runs of letters,
/// digits, `_`, `.` and non-ASCII bytes, and every other byte is a token of
/// its own (an operator of several bytes counts from its last byte, which
/// is within any column tolerance the corpus uses).
fn scan(src: &str, mut comment: impl FnMut((u32, u32), &str)) {
    let b = src.as_bytes();
    let (mut i, mut line, mut col) = (0usize, 1u32, 1u32);
    let mut prev = (0u32, 0u32);
    while i < b.len() {
        let c = b[i];
        let next = b.get(i + 1).copied();
        let (end, token) = match c {
            b' ' | b'\t' | b'\r' | b'\n' => (i + 1, false),
            b'/' if next == Some(b'/') => {
                let end = src[i..].find('\n').map_or(b.len(), |n| i + n);
                comment(prev, &src[i + 2..end]);
                (end, false)
            }
            b'/' if next == Some(b'*') => {
                let close = src[i + 2..].find("*/").map(|n| i + 2 + n);
                comment(prev, &src[i + 2..close.unwrap_or(b.len())]);
                (close.map_or(b.len(), |n| n + 2), false)
            }
            b'"' | b'\'' => (quoted_end(b, i, c), true),
            b'`' => (src[i + 1..].find('`').map_or(b.len(), |n| i + n + 2), true),
            _ if is_word(c) => (i + b[i..].iter().take_while(|&&c| is_word(c) || c == b'.').count(), true),
            _ => (i + 1, true),
        };
        if token {
            prev = (line, col);
        }
        // Move to `end`, counting lines and columns on the way.
        for &c in &b[i..end.min(b.len())] {
            if c == b'\n' {
                line += 1;
                col = 1;
            } else {
                col += 1;
            }
        }
        i = end.min(b.len());
    }
}

fn is_word(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80
}

/// The end of a `"` or `'` literal starting at `i` (at its closing quote's
/// next byte, or at the line's end when it is not closed).
fn quoted_end(b: &[u8], i: usize, quote: u8) -> usize {
    let mut j = i + 1;
    while j < b.len() && b[j] != b'\n' {
        match b[j] {
            b'\\' => j += 2,
            c if c == quote => return j + 1,
            _ => j += 1,
        }
    }
    j.min(b.len())
}

/// Go's `strconv.Unquote` for the string literals patterns are written in:
/// a raw string, or an interpreted one with the usual escapes.
pub fn unquote(s: &str) -> Option<String> {
    if let Some(raw) = s.strip_prefix('`').and_then(|r| r.strip_suffix('`')) {
        return (!raw.contains('`')).then(|| raw.replace('\r', ""));
    }
    let body = s.strip_prefix('"')?.strip_suffix('"')?;
    let mut out = String::new();
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' | '\n' => return None,
            '\\' => {
                let e = chars.next()?;
                let simple = match e {
                    'a' => Some('\x07'),
                    'b' => Some('\x08'),
                    'f' => Some('\x0c'),
                    'n' => Some('\n'),
                    'r' => Some('\r'),
                    't' => Some('\t'),
                    'v' => Some('\x0b'),
                    '\\' | '"' => Some(e),
                    _ => None,
                };
                match simple {
                    Some(c) => out.push(c),
                    None => {
                        let digits = match e {
                            'x' => 2,
                            'u' => 4,
                            'U' => 8,
                            _ => return None,
                        };
                        let hex: String = chars.by_ref().take(digits).collect();
                        out.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
                    }
                }
            }
            c => out.push(c),
        }
    }
    Some(out)
}

/// One diagnostic deft printed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diag {
    /// The file as printed (relative to the corpus root); empty for a
    /// message without a position.
    pub file: String,
    /// Its line (0 without a position).
    pub line: u32,
    /// Its column.
    pub col: u32,
    /// The message, continuation lines joined with `\n`.
    pub msg: String,
}

/// deft's output as diagnostics.
pub fn diagnostics(out: &str) -> Vec<Diag> {
    let mut res: Vec<Diag> = Vec::new();
    for l in out.lines() {
        if l.starts_with('\t')
            && let Some(last) = res.last_mut()
        {
            last.msg.push('\n');
            last.msg.push_str(l);
            continue;
        }
        if l.trim().is_empty() || l.starts_with('#') {
            continue;
        }
        res.push(parse_diag(l).unwrap_or_else(|| Diag { file: String::new(), line: 0, col: 0, msg: l.to_string() }));
    }
    res
}

/// `FILE:LINE:COL: MSG`.
fn parse_diag(l: &str) -> Option<Diag> {
    let (file, rest) = l.split_once(".go:")?;
    let mut parts = rest.splitn(3, ':');
    let line = parts.next()?.parse().ok()?;
    let col = parts.next()?.parse().ok()?;
    let msg = parts.next()?.strip_prefix(' ')?;
    Some(Diag { file: format!("{file}.go"), line, col, msg: msg.to_string() })
}

/// check_test.go's matching: every diagnostic claimed by the closest
/// expected error of its line that matches, within `tolerance` columns;
/// nothing expected left over. Returns the problems (empty: pass).
pub fn judge(diags: &[Diag], mut expected: Vec<(String, Expected)>, tolerance: u32) -> Vec<String> {
    let mut problems = Vec::new();
    for d in diags {
        let best = expected
            .iter()
            .enumerate()
            .filter(|(_, (f, e))| *f == d.file && e.line == d.line && e.pattern.matches(&d.msg))
            .min_by_key(|(_, (_, e))| e.col.abs_diff(d.col))
            .map(|(i, _)| i);
        let Some(i) = best else {
            let at = if d.line == 0 { String::new() } else { format!("{}:{}:{}: ", d.file, d.line, d.col) };
            problems.push(format!("{at}no error expected: {:?}", d.msg));
            continue;
        };
        let (_, e) = expected.remove(i);
        if e.col.abs_diff(d.col) > tolerance {
            problems.push(format!("{}:{}:{}: got col = {}; want {}", d.file, d.line, d.col, d.col, e.col));
        }
    }
    for (f, e) in &expected {
        problems.push(format!("{f}:{}:{}: unreported error: {}", e.line, e.col, e.text));
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = "// -lang=go1.21\n\npackage p\n\nvar x = y /* ERROR \"undefined: y\" */ + 1\nvar z int = \"s\" // ERRORx `cannot use .* as int`\nvar s = \"a /* ERROR \\\"no\\\" */\" /* ERROR \"twice\" */\n/* ERROR \"at the previous line\" */\n";

    #[test]
    fn comment_positions() {
        let e = expectations(SRC).unwrap();
        let got: Vec<(u32, u32, &str)> = e.iter().map(|e| (e.line, e.col, e.text.as_str())).collect();
        assert_eq!(
            got,
            [
                (5, 9, "\"undefined: y\""),
                (6, 13, "`cannot use .* as int`"),
                (7, 9, "\"twice\""),
                (7, 9, "\"at the previous line\"")
            ]
        );
    }

    #[test]
    fn flags_of_first_line() {
        assert_eq!(flags(SRC), Ok(Some("go1.21".into())));
        assert_eq!(flags("// -fakeImportC\n"), Err("-fakeImportC".into()));
        assert_eq!(flags("// Copyright\n"), Ok(None));
        assert_eq!(flags("package p\n"), Ok(None));
    }

    #[test]
    fn unquoting() {
        assert_eq!(unquote(r#""a\\(b\)\"c\x41""#), None);
        assert_eq!(unquote(r#""a\\(b\"c\x41""#).as_deref(), Some("a\\(b\"cA"));
        assert_eq!(unquote("`x\\y`").as_deref(), Some("x\\y"));
        assert_eq!(unquote("\"open"), None);
    }

    fn judged(out: &str) -> Vec<String> {
        let e = expectations(SRC).unwrap().into_iter().map(|e| ("a.go".to_string(), e)).collect();
        judge(&diagnostics(out), e, 20)
    }

    #[test]
    fn matching() {
        let good = "a.go:5:9: undefined: y\na.go:6:13: cannot use \"s\" (untyped string constant) as int value\na.go:7:1: said twice\n\tmore\na.go:7:25: at the previous line\n";
        assert_eq!(judged(good), Vec::<String>::new());
        let far = good.replace("a.go:7:25", "a.go:7:60");
        assert_eq!(judged(&far), ["a.go:7:60: got col = 60; want 9"]);
        let missing = good.replace("a.go:5:9: undefined: y\n", "");
        assert_eq!(judged(&missing), ["a.go:5:9: unreported error: \"undefined: y\""]);
        let extra = format!("{good}a.go:8:1: other\nno position\n");
        assert_eq!(judged(&extra), ["a.go:8:1: no error expected: \"other\"", "no error expected: \"no position\""]);
        let wrong_line = good.replace("a.go:5:9", "a.go:4:9");
        assert_eq!(judged(&wrong_line).len(), 2);
    }

    #[test]
    fn constraints() {
        assert!(built("//go:build go1.21\n\npackage p\n"));
        assert!(!built("//go:build !go1.21\n\npackage p\n"));
        assert!(!built("//go:build unix\n\npackage p\n"));
        assert!(built("package p\n//go:build ignore\n"));
    }
}
