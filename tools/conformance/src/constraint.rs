//! Build constraints (`//go:build EXPR` and `// +build A,B C`), evaluated
//! the way Go's `test/run.go` evaluates them (its `shouldTest` and
//! `context.match`), for linux/amd64 with gc, except that cgo is taken as
//! unavailable: deft has no cgo, so a test that needs it is skipped.
//!
//! Tags that hold: `linux`, `amd64`, `gc`, `test_run`, and the
//! `goexperiment.*` tags that are on by default in Go 1.19 on amd64.
//! Every other tag is false, as in `run.go` (including `unix` and `go1.N`).
//!
//! The `runindir` recipe builds with the go command instead, which selects
//! the files of a package as `go/build` does (`go_command_builds`): by the
//! `_GOOS`/`_GOARCH` suffixes of the file name, and by constraints where
//! `unix` and the release tags `go1.1`…`go1.27` (gc 1.27.3's) hold too.

/// The default GOEXPERIMENT tags of Go 1.19 on amd64 (`go list -f
/// '{{context.ToolTags}}' runtime`).
const DEFAULT_EXPERIMENTS: &[&str] = &["goexperiment.regabiwrappers", "goexperiment.regabiargs"];

/// Whether `tag` holds in the target configuration.
pub fn tag_holds(tag: &str) -> bool {
    if tag.is_empty() || !tag.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '.') {
        return false;
    }
    if tag.starts_with("goexperiment.") {
        return DEFAULT_EXPERIMENTS.contains(&tag);
    }
    matches!(tag, "linux" | "amd64" | "gc" | "test_run")
}

/// Whether `tag` holds for the go command building for linux/amd64 with
/// gc 1.27.3: `tag_holds`, `unix`, and the release tags up to `go1.27`.
pub fn go_command_tag_holds(tag: &str) -> bool {
    let release = tag.strip_prefix("go1.").and_then(|n| n.parse::<u32>().ok()).is_some_and(|n| (1..=27).contains(&n));
    tag_holds(tag) || tag == "unix" || release
}

/// The operating systems and architectures `go/build` knows in file names.
const KNOWN_OS: &[&str] = &[
    "aix",
    "android",
    "darwin",
    "dragonfly",
    "freebsd",
    "hurd",
    "illumos",
    "ios",
    "js",
    "linux",
    "nacl",
    "netbsd",
    "openbsd",
    "plan9",
    "solaris",
    "wasip1",
    "windows",
    "zos",
];
const KNOWN_ARCH: &[&str] = &[
    "386",
    "amd64",
    "amd64p32",
    "arm",
    "armbe",
    "arm64",
    "arm64be",
    "loong64",
    "mips",
    "mipsle",
    "mips64",
    "mips64le",
    "mips64p32",
    "mips64p32le",
    "ppc",
    "ppc64",
    "ppc64le",
    "riscv",
    "riscv64",
    "s390",
    "s390x",
    "sparc",
    "sparc64",
    "wasm",
];

/// Whether the go command, building for linux/amd64, takes the file `name`
/// (a `.go` or `.s` file of a package directory) whose text is `src`: not a
/// test, not hidden (`_x.go`, `.x.go`), its name's `_GOOS`, `_GOARCH` or
/// `_GOOS_GOARCH` suffix (after the first `_`) linux/amd64's, and the
/// constraints before its package clause holding: its `//go:build` line,
/// else every `// +build` line.
pub fn go_command_builds(name: &str, src: &str) -> bool {
    if name.starts_with(['_', '.']) || name.ends_with("_test.go") {
        return false;
    }
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    if let Some((_, tail)) = stem.split_once('_') {
        let parts: Vec<&str> = tail.split('_').collect();
        let n = parts.len();
        let last = parts[n - 1];
        let suffix_ok = if n >= 2 && KNOWN_OS.contains(&parts[n - 2]) && KNOWN_ARCH.contains(&last) {
            parts[n - 2] == "linux" && last == "amd64"
        } else if KNOWN_OS.contains(&last) {
            last == "linux"
        } else if KNOWN_ARCH.contains(&last) {
            last == "amd64"
        } else {
            true
        };
        if !suffix_ok {
            return false;
        }
    }
    let header = src.lines().take_while(|l| !l.starts_with("package "));
    let (mut go_build, mut plus_build) = (None, true);
    for line in header {
        if line.starts_with("//go:build") {
            go_build = go_build.or(eval_line_with(line, go_command_tag_holds));
        } else if let Some(v) = eval_line_with(line, go_command_tag_holds) {
            plus_build &= v;
        }
    }
    go_build.unwrap_or(plus_build)
}

/// Evaluates one line if it is a build constraint: `Some(holds)`, or
/// `None` when the line is not one (or does not parse, as `constraint.Parse`
/// would reject it).
pub fn eval_line(line: &str) -> Option<bool> {
    eval_line_with(line, tag_holds)
}

/// `eval_line` where `holds` says which tags hold.
pub fn eval_line_with(line: &str, holds: fn(&str) -> bool) -> Option<bool> {
    if let Some(expr) = line.strip_prefix("//go:build") {
        if !expr.is_empty() && !expr.starts_with([' ', '\t']) {
            return None;
        }
        return eval_go_build(expr.trim(), holds);
    }
    let rest = line.strip_prefix("//")?.trim_start_matches([' ', '\t']);
    let args = rest.strip_prefix("+build")?;
    if !args.is_empty() && !args.starts_with([' ', '\t']) {
        return None;
    }
    // Options separated by spaces are OR'd; terms separated by commas are AND'd.
    let mut any = false;
    for option in args.split_whitespace() {
        let mut all = true;
        for term in option.split(',') {
            let (negated, tag) = match term.strip_prefix('!') {
                Some(t) => (true, t),
                None => (false, term),
            };
            if tag.is_empty() || tag.starts_with('!') {
                return None;
            }
            all &= holds(tag) != negated;
        }
        any |= all;
    }
    Some(any)
}

/// Evaluates a `//go:build` expression: `||`, `&&`, `!`, parentheses, tags.
fn eval_go_build(expr: &str, holds: fn(&str) -> bool) -> Option<bool> {
    let tokens = tokenize(expr)?;
    let mut p = Parser { tokens, pos: 0, holds };
    let v = p.or()?;
    (p.pos == p.tokens.len()).then_some(v)
}

#[derive(Debug, PartialEq)]
enum Tok {
    Or,
    And,
    Not,
    Open,
    Close,
    Tag(String),
}

fn tokenize(s: &str) -> Option<Vec<Tok>> {
    let mut out = Vec::new();
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            ' ' | '\t' => {}
            '(' => out.push(Tok::Open),
            ')' => out.push(Tok::Close),
            '!' => out.push(Tok::Not),
            '|' if chars.next_if(|&(_, c)| c == '|').is_some() => out.push(Tok::Or),
            '&' if chars.next_if(|&(_, c)| c == '&').is_some() => out.push(Tok::And),
            c if c.is_alphanumeric() || c == '_' || c == '.' => {
                let mut end = i + c.len_utf8();
                while let Some(&(j, d)) = chars.peek() {
                    if d.is_alphanumeric() || d == '_' || d == '.' {
                        end = j + d.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                }
                out.push(Tok::Tag(s[i..end].to_string()));
            }
            _ => return None,
        }
    }
    Some(out)
}

struct Parser {
    tokens: Vec<Tok>,
    pos: usize,
    holds: fn(&str) -> bool,
}

impl Parser {
    fn eat(&mut self, t: &Tok) -> bool {
        if self.tokens.get(self.pos) == Some(t) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn or(&mut self) -> Option<bool> {
        let mut v = self.and()?;
        while self.eat(&Tok::Or) {
            v |= self.and()?;
        }
        Some(v)
    }

    fn and(&mut self) -> Option<bool> {
        let mut v = self.not()?;
        while self.eat(&Tok::And) {
            v &= self.not()?;
        }
        Some(v)
    }

    fn not(&mut self) -> Option<bool> {
        if self.eat(&Tok::Not) {
            return self.not().map(|v| !v);
        }
        if self.eat(&Tok::Open) {
            let v = self.or()?;
            return self.eat(&Tok::Close).then_some(v);
        }
        match self.tokens.get(self.pos) {
            Some(Tok::Tag(t)) => {
                let v = (self.holds)(t);
                self.pos += 1;
                Some(v)
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_build_lines() {
        assert_eq!(eval_line("//go:build !wasm"), Some(true));
        assert_eq!(eval_line("//go:build cgo"), Some(false));
        assert_eq!(eval_line("//go:build (386 || amd64) && !gcflags_noopt"), Some(true));
        assert_eq!(eval_line("//go:build ppc64 || ppc64le"), Some(false));
        assert_eq!(eval_line("//go:build !windows && !wasm && !gccgo"), Some(true));
        assert_eq!(eval_line("//go:build go1.18"), Some(false), "run.go knows no go1.N tags");
        assert_eq!(eval_line(r#"//go:build bad // ERROR "misplaced""#), None);
        assert_eq!(eval_line("//go:buildx"), None);
    }

    #[test]
    fn plus_build_lines() {
        assert_eq!(eval_line("// +build amd64"), Some(true));
        assert_eq!(eval_line("// +build !nacl,!js,gc"), Some(true));
        assert_eq!(eval_line("// +build linux,amd64 darwin,amd64"), Some(true));
        assert_eq!(eval_line("// +build arm"), Some(false));
        assert_eq!(eval_line("// +build cgo,linux,amd64"), Some(false));
        assert_eq!(eval_line("// +build amd64,goexperiment.regabiargs arm64,goexperiment.regabiargs"), Some(true));
        assert_eq!(eval_line("// +build goexperiment.unified"), Some(false));
        assert_eq!(eval_line("// not a constraint"), None);
    }

    #[test]
    fn go_command_files() {
        assert!(go_command_builds("asm.go", "package main\n"));
        assert!(go_command_builds("linux.go", "package main\n"), "no suffix before the first _");
        assert!(go_command_builds("call_amd64.s", ""));
        assert!(go_command_builds("x_linux_amd64.go", ""));
        assert!(!go_command_builds("asm_ppc64le.s", ""));
        assert!(!go_command_builds("x_windows.go", ""));
        assert!(!go_command_builds("x_linux_arm.go", ""));
        assert!(!go_command_builds("x_test.go", ""));
        assert!(!go_command_builds("_x.go", ""));
        let generic = "// Copyright\n\n//go:build !ppc64 && !ppc64le\n// +build !ppc64,!ppc64le\n\npackage main\n";
        assert!(go_command_builds("asm_generic.go", generic));
        assert!(go_command_builds("u.go", "//go:build unix && go1.18\n\npackage p\n"));
        assert!(!go_command_builds("u.go", "//go:build go1.28 || cgo\n\npackage p\n"));
        assert!(!go_command_builds("u.go", "// +build linux\n// +build arm\n\npackage p\n"));
    }
}
