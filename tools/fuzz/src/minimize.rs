//! Best-effort minimization of a failing program by deleting lines.
//!
//! Delta debugging specialised to the generator's output, which is
//! gofmt-shaped (one statement per line, tab indentation, `}` on its own
//! line at the opening line's indentation) and uses program-unique names.
//! Each candidate edit is kept only if the caller's predicate still holds
//! (gc still compiles the program and deft still differs the same way).
//! The phases, tried in this order:
//!
//! 1. **names**: delete a declaration (`v := ...`, `var g ...`,
//!    `func f(...)`) together with every line that mentions the name,
//!    whole blocks for lines that open one: a chain of uses goes at once;
//! 2. **blocks**: delete a function, an `if`/`for`/`switch` with all its
//!    branches, a deferred func literal, an `else` branch, a `case` clause;
//! 3. **lines**: delete a single statement line;
//! 4. **args**: drop one argument (never the first, the tag) of a
//!    `println`/`print`, so that a variable's last use can go;
//! 5. **unwraps**: delete a block's opening and closing lines, keep the
//!    body.
//!
//! The phases repeat until a full round changes nothing or the budget is
//! spent. The minimizer knows nothing of Go beyond this layout, and never
//! runs anything itself.

use std::collections::HashSet;
use std::time::{Duration, Instant};

use crate::gc::fnv1a;

/// The result of a minimization.
#[derive(Clone, Debug)]
pub struct Minimized {
    /// The smallest failing text found.
    pub text: String,
    /// Predicate evaluations spent.
    pub tests: usize,
}

/// How much work a minimization may do.
#[derive(Clone, Copy, Debug)]
pub struct Budget {
    /// Predicate evaluations.
    pub tests: usize,
    /// Wall-clock time; no new test starts after it.
    pub time: Duration,
}

/// One candidate edit.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Edit {
    /// Delete these lines (sorted, distinct).
    Remove(Vec<usize>),
    /// Replace one line.
    Replace(usize, String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    Names,
    Blocks,
    Lines,
    Args,
    Unwraps,
}

const PHASES: [Phase; 5] = [Phase::Names, Phase::Blocks, Phase::Lines, Phase::Args, Phase::Unwraps];

/// Shrinks `text` while `fails` keeps returning true, within `budget`.
/// `fails(text)` itself is assumed true.
pub fn minimize(text: &str, budget: Budget, mut fails: impl FnMut(&str) -> bool) -> Minimized {
    let start = Instant::now();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let mut seen = HashSet::new();
    let mut tests = 0;
    loop {
        let mut progress = false;
        for phase in PHASES {
            let mut i = 0;
            loop {
                let edits = edits(&lines, phase);
                let Some(edit) = edits.get(i) else { break };
                if tests >= budget.tests || start.elapsed() >= budget.time {
                    return Minimized { text: join(&lines), tests };
                }
                let candidate = apply(&lines, edit);
                let joined = join(&candidate);
                if !seen.insert(fnv1a(&[joined.as_bytes()])) {
                    i += 1;
                    continue;
                }
                tests += 1;
                if fails(&joined) {
                    lines = candidate;
                    progress = true;
                } else {
                    i += 1;
                }
            }
        }
        if !progress {
            return Minimized { text: join(&lines), tests };
        }
    }
}

/// The lines as text, runs of blank lines collapsed to one and leading
/// ones dropped (blank lines mean nothing to Go: no re-test needed).
fn join(lines: &[String]) -> String {
    let mut s = String::new();
    let mut blank = true;
    for l in lines {
        if l.trim().is_empty() && blank {
            continue;
        }
        blank = l.trim().is_empty();
        s.push_str(l);
        s.push('\n');
    }
    s
}

fn apply(lines: &[String], edit: &Edit) -> Vec<String> {
    match edit {
        Edit::Remove(gone) => {
            lines.iter().enumerate().filter(|(k, _)| gone.binary_search(k).is_err()).map(|(_, l)| l.clone()).collect()
        }
        Edit::Replace(k, new) => {
            let mut v = lines.to_vec();
            v[*k] = new.clone();
            v
        }
    }
}

fn indent(line: &str) -> usize {
    line.bytes().take_while(|&b| b == b'\t').count()
}

fn opens(line: &str) -> bool {
    line.trim_end().ends_with('{')
}

fn closes(line: &str) -> bool {
    line.trim_start().starts_with('}')
}

fn is_clause(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with("case ") || t.starts_with("default:")
}

/// The line that closes the block opened (or continued, for `} else {`)
/// at `open`: the next line at the same indentation that starts with `}`
/// and opens nothing.
fn block_end(lines: &[String], open: usize) -> Option<usize> {
    let ind = indent(&lines[open]);
    (open + 1..lines.len()).find(|&k| indent(&lines[k]) == ind && closes(&lines[k]) && !opens(&lines[k]))
}

/// The lines a deletion of line `k` must take along: its whole block when
/// it opens one (the whole `if`/`else` chain from its first line).
fn span(lines: &[String], k: usize) -> std::ops::Range<usize> {
    if opens(&lines[k])
        && !closes(&lines[k])
        && let Some(end) = block_end(lines, k)
    {
        return k..end + 1;
    }
    k..k + 1
}

/// The candidate edits of one phase, in line order.
fn edits(lines: &[String], phase: Phase) -> Vec<Edit> {
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim();
        match phase {
            Phase::Names => {
                for name in declared_names(line) {
                    let mut gone: Vec<usize> = span(lines, i).collect();
                    for k in (0..lines.len()).filter(|&k| k != i && mentions(&lines[k], &name)) {
                        gone.extend(span(lines, k));
                    }
                    gone.sort_unstable();
                    gone.dedup();
                    out.push(Edit::Remove(gone));
                }
            }
            Phase::Blocks => {
                if opens(line) {
                    if let Some(end) = block_end(lines, i) {
                        // `} else {` ...: drop the branch, keep the final `}`.
                        let last = if closes(line) { end } else { end + 1 };
                        out.push(Edit::Remove((i..last).collect()));
                    }
                } else if is_clause(line) {
                    let ind = indent(line);
                    let end = (i + 1..lines.len()).find(|&k| indent(&lines[k]) <= ind).unwrap_or(lines.len());
                    out.push(Edit::Remove((i..end).collect()));
                }
            }
            Phase::Lines => {
                if !t.is_empty() && !opens(line) && !closes(line) && !is_clause(line) && !t.starts_with("package ") {
                    out.push(Edit::Remove(vec![i]));
                }
            }
            Phase::Args => {
                for shorter in shorter_prints(line) {
                    out.push(Edit::Replace(i, shorter));
                }
            }
            Phase::Unwraps => {
                if opens(line)
                    && !closes(line)
                    && indent(line) > 0
                    && let Some(end) = block_end(lines, i)
                {
                    let chained = (i + 1..end).any(|k| indent(&lines[k]) == indent(line) && closes(&lines[k]));
                    if !chained {
                        out.push(Edit::Remove(vec![i, end]));
                    }
                }
            }
        }
    }
    out
}

fn is_ident(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Names declared by a line: `a, b := ...`, `for i := ...` (maybe after a
/// label `L: `), `var x T`, `func f(...)` at top level (not `main`).
fn declared_names(line: &str) -> Vec<String> {
    let t = line.trim();
    let t = match t.split_once(": ") {
        Some((label, rest)) if is_ident(label) => rest,
        _ => t,
    };
    if let Some(rest) = t.strip_prefix("func ") {
        let name = rest.split('(').next().unwrap_or("");
        return if indent(line) == 0 && is_ident(name) && name != "main" { vec![name.to_string()] } else { Vec::new() };
    }
    if let Some(rest) = t.strip_prefix("var ") {
        let name = rest.split_whitespace().next().unwrap_or("");
        return if is_ident(name) { vec![name.to_string()] } else { Vec::new() };
    }
    let Some(at) = t.find(" := ") else {
        return Vec::new();
    };
    let lhs = t[..at].trim_start_matches("for ").trim_start_matches("if ");
    lhs.split(',').map(str::trim).filter(|n| is_ident(n) && *n != "_").map(str::to_string).collect()
}

/// Whether `line` contains `name` as a whole word.
fn mentions(line: &str, name: &str) -> bool {
    let word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    line.match_indices(name).any(|(at, _)| {
        let before = line[..at].chars().next_back();
        let after = line[at + name.len()..].chars().next();
        !before.is_some_and(word) && !after.is_some_and(word)
    })
}

/// `println(a, b, c)` → `println(a, c)`, `println(a, b)`: every way to drop
/// one argument after the first.
fn shorter_prints(line: &str) -> Vec<String> {
    let t = line.trim();
    let Some(inner) = t.strip_prefix("println(").or_else(|| t.strip_prefix("print(")).and_then(|r| r.strip_suffix(')'))
    else {
        return Vec::new();
    };
    let head = &t[..t.len() - inner.len() - 1];
    let args = split_args(inner);
    let pad = &line[..line.len() - line.trim_start().len()];
    (1..args.len())
        .map(|drop| {
            let kept: Vec<&str> = args.iter().enumerate().filter(|&(k, _)| k != drop).map(|(_, a)| *a).collect();
            format!("{pad}{head}{})", kept.join(", "))
        })
        .collect()
}

/// Splits a call's argument text at top-level commas (outside brackets and
/// string literals).
fn split_args(s: &str) -> Vec<&str> {
    let (mut depth, mut in_str, mut escaped, mut from) = (0i32, false, false, 0);
    let mut args = Vec::new();
    for (i, c) in s.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if in_str => escaped = true,
            '"' => in_str = !in_str,
            '(' | '[' if !in_str => depth += 1,
            ')' | ']' if !in_str => depth -= 1,
            ',' if !in_str && depth == 0 => {
                args.push(s[from..i].trim());
                from = i + 1;
            }
            _ => {}
        }
    }
    if !s[from..].trim().is_empty() {
        args.push(s[from..].trim());
    }
    args
}

#[cfg(test)]
mod tests {
    use super::{Budget, declared_names, minimize, shorter_prints};
    use std::time::Duration;

    fn tests(n: usize) -> Budget {
        Budget { tests: n, time: Duration::from_secs(60) }
    }

    const PROGRAM: &str = "package main\n\nfunc f() {\n\tprintln(1)\n}\n\nfunc main() {\n\tv1 := 3\n\tif true {\n\t\tprintln(2, v1)\n\t} else {\n\t\tprintln(3)\n\t}\n\tfor i := 0; i < 2; i++ {\n\t\tprintln(\"BUG\")\n\t}\n\tf()\n}\n";

    #[test]
    fn keeps_only_what_the_predicate_needs() {
        // The "bug" needs main and the BUG line; balanced braces stand in
        // for "gc still compiles".
        let balanced = |s: &str| s.matches('{').count() == s.matches('}').count();
        let m = minimize(PROGRAM, tests(1000), |s| balanced(s) && s.contains("BUG") && s.contains("func main"));
        assert_eq!(m.text, "package main\n\nfunc main() {\n\t\tprintln(\"BUG\")\n}\n");
    }

    #[test]
    fn removes_an_iterator_with_its_loops() {
        let program = "package main\n\nfunc main() {\n\tit1 := func(yield2 func(int) bool) {\n\t\tif !yield2(1) { return }\n\t}\n\tL3: for x4 := range it1 {\n\t\tfor x5 := range it1 {\n\t\t\tif x5 > x4 { continue L3 }\n\t\t}\n\t}\n\tprintln(\"BUG\")\n}\n";
        let balanced = |s: &str| s.matches('{').count() == s.matches('}').count();
        let m = minimize(program, tests(1000), |s| balanced(s) && s.contains("BUG") && s.contains("func main"));
        assert_eq!(m.text, "package main\n\nfunc main() {\n\tprintln(\"BUG\")\n}\n");
    }

    #[test]
    fn respects_the_budget() {
        let m = minimize(PROGRAM, tests(3), |_| false);
        assert_eq!(m.tests, 3);
        assert_eq!(m.text, PROGRAM);
    }

    #[test]
    fn finds_declarations_and_print_arguments() {
        assert_eq!(declared_names("\tv1, _, v3 := f2(x)"), ["v1", "v3"]);
        assert_eq!(declared_names("\tfor i5 := 0; i5 < 3; i5++ {"), ["i5"]);
        assert_eq!(declared_names("var g1 int = 3"), ["g1"]);
        assert_eq!(declared_names("\tL4: for x5, x6 := range it3 {"), ["x5", "x6"]);
        assert_eq!(declared_names("\tit3 := func(yield4 func(int) bool) {"), ["it3"]);
        assert_eq!(declared_names("func f3(p1 int) (r2 E) {"), ["f3"]);
        assert!(declared_names("func main() {").is_empty());
        assert_eq!(
            shorter_prints("\tprintln(\"t1\", f(a, \"x,y\"), b)"),
            ["\tprintln(\"t1\", b)", "\tprintln(\"t1\", f(a, \"x,y\"))"]
        );
    }
}
