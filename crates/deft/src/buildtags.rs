//! Build constraints as the go command applies them for linux/amd64, gc,
//! without cgo, Go 1.27.
//!
//! A file is part of a build when its name and its header allow it:
//! * names starting `_` or `.` never are; `_test.go` files only for tests;
//!   a name ending `_GOOS`, `_GOARCH` or `_GOOS_GOARCH` (before `.go` or
//!   `_test.go`, for known values) only on that system;
//! * the header is the comments and blank lines before the `package`
//!   clause; its first `//go:build` line is the constraint; without one,
//!   its `// +build` lines (each followed, before the package clause, by a
//!   blank line) all must hold.
//!
//! Tags that hold: `linux`, `unix`, `amd64`, `gc`, `go1.1` … `go1.27`,
//! gc 1.27.3's default `goexperiment.*` tags on amd64, `amd64.v1`, and any
//! given with `-tags`; every other (`cgo`, `ignore`, other systems) does not.

/// Known GOOS values (a file-name suffix naming another is no constraint).
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

/// Known GOARCH values.
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

/// gc 1.27.3's default GOEXPERIMENT tags on linux/amd64.
const EXPERIMENTS: &[&str] = &[
    "goexperiment.regabiwrappers",
    "goexperiment.regabiargs",
    "goexperiment.aliastypeparams",
    "goexperiment.swissmap",
    "goexperiment.spinbitmutex",
    "goexperiment.synchashtriemap",
];

/// The newest `go1.N` tag that holds.
const GO_MINOR: u32 = 27;

/// The configuration files are selected for.
#[derive(Clone, Debug, Default)]
pub struct BuildContext {
    /// Extra tags (`-tags`).
    pub tags: Vec<String>,
    /// Whether `_test.go` files belong to the build.
    pub tests: bool,
}

impl BuildContext {
    /// Whether a tag holds.
    pub fn tag(&self, tag: &str) -> bool {
        if let Some(minor) = tag.strip_prefix("go1.") {
            return minor.parse::<u32>().is_ok_and(|m| (1..=GO_MINOR).contains(&m));
        }
        matches!(tag, "linux" | "unix" | "amd64" | "gc" | "amd64.v1")
            || EXPERIMENTS.contains(&tag)
            || self.tags.iter().any(|t| t == tag)
    }

    /// Whether a file of this name can be part of the build (its header
    /// not considered).
    pub fn matches_file_name(&self, name: &str) -> bool {
        if name.starts_with(['_', '.']) || !name.ends_with(".go") {
            return false;
        }
        let mut stem = &name[..name.len() - 3];
        if let Some(s) = stem.strip_suffix("_test") {
            if !self.tests {
                return false;
            }
            stem = s;
        }
        let parts: Vec<&str> = stem.split('_').collect();
        let n = parts.len();
        if n >= 3 && KNOWN_OS.contains(&parts[n - 2]) && KNOWN_ARCH.contains(&parts[n - 1]) {
            return self.tag(parts[n - 2]) && self.tag(parts[n - 1]);
        }
        if n >= 2 && (KNOWN_OS.contains(&parts[n - 1]) || KNOWN_ARCH.contains(&parts[n - 1])) {
            return self.tag(parts[n - 1]);
        }
        true
    }

    /// Whether the constraints of a file's header hold; a malformed
    /// `//go:build` line is an error (the go command's words).
    pub fn header_holds(&self, text: &str) -> Result<bool, String> {
        let header = header_lines(text);
        if let Some(expr) = header.iter().find_map(|(l, _)| go_build_expr(l)) {
            return Expr::parse(expr).map(|e| e.eval(&|t| self.tag(t)));
        }
        Ok(header.iter().filter(|(_, before_blank)| *before_blank).filter_map(|(l, _)| plus_build_args(l)).all(
            |args| {
                args.split_whitespace().any(|opt| {
                    opt.split(',').all(|term| term.strip_prefix('!').map_or_else(|| self.tag(term), |t| !self.tag(t)))
                })
            },
        ))
    }
}

/// The `//` comment lines of the header (before the package clause or any
/// other code), each with whether a blank line follows it before the
/// package clause (`// +build` lines count only then).
fn header_lines(text: &str) -> Vec<(&str, bool)> {
    let mut lines = Vec::new();
    let mut in_block = false;
    for line in text.lines() {
        let t = line.trim();
        if in_block {
            in_block = !t.contains("*/");
            continue;
        }
        if t.is_empty() {
            for l in lines.iter_mut() {
                let (_, before_blank): &mut (&str, bool) = l;
                *before_blank = true;
            }
            continue;
        }
        if t.starts_with("//") {
            lines.push((t, false));
        } else if let Some(rest) = t.strip_prefix("/*") {
            in_block = !rest.contains("*/");
        } else {
            break;
        }
    }
    lines
}

/// The expression of a `//go:build` line.
fn go_build_expr(line: &str) -> Option<&str> {
    let rest = line.strip_prefix("//go:build")?;
    (rest.is_empty() || rest.starts_with([' ', '\t'])).then(|| rest.trim())
}

/// The arguments of a `// +build` line.
fn plus_build_args(line: &str) -> Option<&str> {
    let rest = line.strip_prefix("//")?.trim_start().strip_prefix("+build")?;
    (rest.is_empty() || rest.starts_with([' ', '\t'])).then_some(rest)
}

/// A `//go:build` expression.
#[derive(Debug, PartialEq)]
enum Expr {
    Tag(String),
    Not(Box<Expr>),
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
}

impl Expr {
    fn parse(text: &str) -> Result<Expr, String> {
        let tokens = tokenize(text)?;
        let mut p = Parser { tokens, at: 0 };
        let e = p.or()?;
        if p.at < p.tokens.len() {
            return Err(format!("parsing //go:build line: unexpected token {}", p.tokens[p.at]));
        }
        Ok(e)
    }

    fn eval(&self, tag: &dyn Fn(&str) -> bool) -> bool {
        match self {
            Expr::Tag(t) => tag(t),
            Expr::Not(e) => !e.eval(tag),
            Expr::And(a, b) => a.eval(tag) && b.eval(tag),
            Expr::Or(a, b) => a.eval(tag) || b.eval(tag),
        }
    }
}

fn tokenize(text: &str) -> Result<Vec<String>, String> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            ' ' | '\t' => {}
            '(' | ')' | '!' => tokens.push(c.to_string()),
            '&' | '|' => {
                if chars.next_if(|&(_, d)| d == c).is_none() {
                    return Err(format!("parsing //go:build line: invalid syntax at {c}"));
                }
                tokens.push(format!("{c}{c}"));
            }
            c if c.is_alphanumeric() || c == '_' || c == '.' => {
                let mut end = i + c.len_utf8();
                while let Some((j, d)) = chars.next_if(|&(_, d)| d.is_alphanumeric() || d == '_' || d == '.') {
                    end = j + d.len_utf8();
                }
                tokens.push(text[i..end].to_string());
            }
            other => return Err(format!("parsing //go:build line: invalid syntax at {other}")),
        }
    }
    if tokens.is_empty() {
        return Err("parsing //go:build line: unexpected end of expression".to_string());
    }
    Ok(tokens)
}

struct Parser {
    tokens: Vec<String>,
    at: usize,
}

impl Parser {
    fn peek(&self) -> Option<String> {
        self.tokens.get(self.at).cloned()
    }

    fn or(&mut self) -> Result<Expr, String> {
        let mut e = self.and()?;
        while self.peek().as_deref() == Some("||") {
            self.at += 1;
            e = Expr::Or(Box::new(e), Box::new(self.and()?));
        }
        Ok(e)
    }

    fn and(&mut self) -> Result<Expr, String> {
        let mut e = self.not()?;
        while self.peek().as_deref() == Some("&&") {
            self.at += 1;
            e = Expr::And(Box::new(e), Box::new(self.not()?));
        }
        Ok(e)
    }

    fn not(&mut self) -> Result<Expr, String> {
        match self.peek().as_deref() {
            Some("!") => {
                self.at += 1;
                Ok(Expr::Not(Box::new(self.not()?)))
            }
            Some("(") => {
                self.at += 1;
                let e = self.or()?;
                if self.peek().as_deref() != Some(")") {
                    return Err("parsing //go:build line: missing )".to_string());
                }
                self.at += 1;
                Ok(e)
            }
            Some(t) if !matches!(t, ")" | "&&" | "||") => {
                self.at += 1;
                Ok(Expr::Tag(t.to_string()))
            }
            Some(t) => Err(format!("parsing //go:build line: unexpected token {t}")),
            None => Err("parsing //go:build line: unexpected end of expression".to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names() {
        let ctx = BuildContext::default();
        assert!(ctx.matches_file_name("a.go"));
        assert!(ctx.matches_file_name("a_linux.go") && ctx.matches_file_name("a_linux_amd64.go"));
        assert!(!ctx.matches_file_name("a_windows.go") && !ctx.matches_file_name("a_arm64.go"));
        assert!(!ctx.matches_file_name("a_linux_arm64.go") && !ctx.matches_file_name("a_test.go"));
        assert!(!ctx.matches_file_name("_a.go") && !ctx.matches_file_name(".a.go"));
        // `unix` is a tag, not a file-name suffix; `linux.go` alone is no constraint.
        assert!(ctx.matches_file_name("a_unix.go") && ctx.matches_file_name("linux.go"));
        assert!(BuildContext { tests: true, ..Default::default() }.matches_file_name("a_linux_test.go"));
    }

    #[test]
    fn go_build_lines() {
        let ctx = BuildContext::default();
        let holds = |h: &str| ctx.header_holds(&format!("{h}\n\npackage p\n"));
        assert_eq!(holds("//go:build linux && amd64"), Ok(true));
        assert_eq!(holds("//go:build !linux || (cgo && ignore)"), Ok(false));
        assert_eq!(holds("// Copyright\n\n//go:build go1.21 && !go1.28"), Ok(true));
        assert_eq!(holds("//go:build ignore"), Ok(false));
        assert!(holds("//go:build linux &&").is_err());
        // A +build line needs a blank line after it and yields to //go:build.
        assert_eq!(holds("// +build windows linux,!cgo"), Ok(true));
        assert_eq!(ctx.header_holds("// +build windows\npackage p\n"), Ok(true));
        assert_eq!(holds("//go:build linux\n// +build windows"), Ok(true));
        assert_eq!(ctx.header_holds("package p\n//go:build ignore\n"), Ok(true));
        assert_eq!(ctx.header_holds("/* x\n*/\n//go:build ignore\n\npackage p\n"), Ok(false));
    }
}
