//! Build constraints: which `.go` files of a package directory a build
//! uses, decided exactly as the go command (go/build) decides it for
//! gc 1.27.3 with GOOS=linux, GOARCH=amd64, GOAMD64=v1, CGO_ENABLED=0.
//!
//! This module owns the rules and nothing else: it reads file names and
//! the leading text of files handed to it, never the file system, and
//! needs no Go parser.
//!
//! # The rules, in the order the go command applies them
//!
//! 1. **Name.** Only names ending in `.go` count; names starting with `_`
//!    or `.` are invisible (not even "ignored"). Up to its first `.`, a
//!    name's part from its first `_` on is split at `_`; a final `test` is
//!    dropped; then a final `GOOS_GOARCH` pair, or else a final `GOOS` or
//!    `GOARCH`, must hold as tags — for the go command's full lists of
//!    known systems and architectures (a name like `x_unix.go` or
//!    `linux.go` has no constraint). `_test.go` files belong to tests only.
//!    A name that fails here is not read further.
//! 2. **Header.** The leading blank lines and comments, up to the first
//!    other text (normally `package`), are the header. A `//go:build` line
//!    (the line, trimmed, starts with `//go:build` then a space, a tab or
//!    its end) anywhere in the header and outside `/* */` is *the*
//!    constraint; two are `multiple //go:build comments`; one that does not
//!    parse is `parsing //go:build line: missing close paren` (the go
//!    command prefixes the file's base name: `x.go: parsing …`, and
//!    reports it even for a test file of a build that leaves tests out).
//!    Without a `//go:build` line, every `// +build` line in the part of
//!    the header that ends with its last blank line before anything other
//!    than `//` comments must hold; `+build` lines never fail to parse.
//! 3. **Imports** (the loader's part: it reads them): a file that
//!    imports `"C"` is left out, as cgo is disabled ([`imports_exclude`]).
//!
//! # Tags
//!
//! True: `linux`, `amd64`, `unix`, `gc`, `go1.1` … `go1.27`, gc 1.27.3's
//! default tool tags on amd64 (`go list -f '{{context.ToolTags}}'`: the
//! default `goexperiment.*` set and `amd64.v1`), and the user's `-tags`.
//! Everything else is false: `cgo`, `ignore`, `gccgo`, `go1.28`, `go1`,
//! `amd64.v2`, other systems. A user tag can make anything true, file
//! name suffixes included (`-tags windows` builds `x_windows.go`).
//!
//! Approximation: outside ASCII, a `//go:build` tag's letters and digits
//! are Rust's alphanumeric characters, a little wider than Go's
//! `unicode.IsLetter`/`IsDigit` (letter numbers such as `Ⅻ`). Left out:
//! the go command's limit on the size of a `//go:build` expression.

/// The systems the go command knows in file names (go/build's list).
const KNOWN_OS: [&str; 18] = [
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

/// The architectures the go command knows in file names.
const KNOWN_ARCH: [&str; 24] = [
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

/// The tags that hold for every build (besides release tags and the
/// user's): the target, the compiler, and gc 1.27.3's tool tags on amd64.
const TRUE_TAGS: [&str; 12] = [
    "linux",
    "amd64",
    "unix",
    "gc",
    "goexperiment.regabiwrappers",
    "goexperiment.regabiargs",
    "goexperiment.dwarf5",
    "goexperiment.jsonv2",
    "goexperiment.greenteagc",
    "goexperiment.randomizedheapbase64",
    "goexperiment.sizespecializedmalloc",
    "amd64.v1",
];

/// The newest release tag, `go1.27`.
const LATEST_MINOR: u32 = 27;

/// What a build asks for: the user's tags, and whether test files count.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BuildContext {
    /// The user's tags (`-tags a,b`).
    pub tags: Vec<String>,
    /// Whether `_test.go` files are included (`go test`).
    pub tests: bool,
}

impl BuildContext {
    /// A build with the tags of a `-tags` value: comma-separated (empty
    /// entries dropped), or, if the value holds a space or a quote, the
    /// older space-separated form (each field stripped of surrounding
    /// quotes; quoted fields with spaces inside are not supported).
    pub fn from_tags_flag(value: &str) -> BuildContext {
        let tags: Vec<&str> = if value.contains([' ', '\'']) {
            value.split_whitespace().map(|f| f.trim_matches(['\'', '"'])).collect()
        } else {
            value.split(',').filter(|t| !t.is_empty()).collect()
        };
        BuildContext { tags: tags.into_iter().map(String::from).collect(), tests: false }
    }

    /// Whether build tag `tag` holds.
    pub fn tag_holds(&self, tag: &str) -> bool {
        let release = tag.strip_prefix("go1.").is_some_and(|n| (1..=LATEST_MINOR).any(|m| n == m.to_string()));
        release || TRUE_TAGS.contains(&tag) || self.tags.iter().any(|t| t == tag)
    }

    /// Whether the file name alone lets the file in (rule 1).
    pub fn matches_file_name(&self, name: &str) -> bool {
        is_go_file(name) && (self.tests || !is_test_file(name)) && self.name_constraint_holds(name)
    }

    /// The `_GOOS`/`_GOARCH` suffixes of a file name (rule 1).
    pub fn name_constraint_holds(&self, name: &str) -> bool {
        let stem = name.split('.').next().unwrap_or(name);
        let Some(i) = stem.find('_') else { return true };
        let mut parts: Vec<&str> = stem[i..].split('_').collect();
        if parts.last() == Some(&"test") {
            parts.pop();
        }
        match parts[..] {
            [.., os, arch] if KNOWN_OS.contains(&os) && KNOWN_ARCH.contains(&arch) => {
                self.tag_holds(os) && self.tag_holds(arch)
            }
            [.., last] if KNOWN_OS.contains(&last) || KNOWN_ARCH.contains(&last) => self.tag_holds(last),
            _ => true,
        }
    }

    /// Whether the build constraints in the header of `text` (a file's
    /// contents, or any prefix of them through [`header_end`]) hold
    /// (rule 2); the error is the go command's, without the file name.
    pub fn header_holds(&self, text: &str) -> Result<bool, String> {
        let header = scan_header(text)?;
        if let Some(line) = header.go_build {
            let expr = parse_go_build(line).map_err(|e| format!("parsing //go:build line: {e}"))?;
            return Ok(self.eval(&expr));
        }
        Ok(header.plus_build.iter().all(|args| self.plus_build_holds(args)))
    }

    /// Whether the build uses the file `name` with contents `text`, in the
    /// go command's order: a name that fails is not read; a test file's
    /// header is checked even when tests are left out. Imports are the
    /// loader's to check ([`imports_exclude`]).
    pub fn include(&self, name: &str, text: &str) -> Result<bool, String> {
        if !is_go_file(name) || !self.name_constraint_holds(name) {
            return Ok(false);
        }
        let holds = self.header_holds(text)?;
        Ok(holds && (self.tests || !is_test_file(name)))
    }

    fn eval(&self, expr: &Expr) -> bool {
        match expr {
            Expr::Tag(t) => self.tag_holds(t),
            Expr::Not(x) => !self.eval(x),
            Expr::And(x, y) => self.eval(x) && self.eval(y),
            Expr::Or(x, y) => self.eval(x) || self.eval(y),
        }
    }

    /// A `// +build` line's arguments: space-separated alternatives, each
    /// a comma-separated conjunction of tags or `!tag`s. No alternatives,
    /// an empty tag, `!` alone and `!!x` are false.
    fn plus_build_holds(&self, args: &str) -> bool {
        args.split_whitespace().any(|alt| {
            alt.split(',').all(|term| match term.strip_prefix('!') {
                _ if term.starts_with("!!") || term == "!" => false,
                Some(tag) => !self.tag_holds(tag),
                None => self.tag_holds(term),
            })
        })
    }
}

/// Whether a file name is one the go command looks at: `.go`, not
/// starting with `_` or `.`.
pub fn is_go_file(name: &str) -> bool {
    name.ends_with(".go") && !name.starts_with(['_', '.'])
}

/// Whether a file name is a test file's (`_test.go`).
pub fn is_test_file(name: &str) -> bool {
    name.ends_with("_test.go")
}

/// Whether a file's imports leave it out of the build: with cgo disabled,
/// a file that imports `"C"` is ignored (rule 3).
pub fn imports_exclude<'a>(imports: impl IntoIterator<Item = &'a str>) -> bool {
    imports.into_iter().any(|path| path == "C")
}

/// The byte offset where the header of `text` ends: the start of the first
/// text that is neither blank nor a comment (the `package` clause of a
/// well-formed file), or the end of `text`.
pub fn header_end(text: &str) -> usize {
    scan(text, |_| Ok(())).map_or(text.len(), |s| s.end)
}

/// The constraint lines of a header.
struct Header<'a> {
    /// The `//go:build` line, trimmed.
    go_build: Option<&'a str>,
    /// The arguments of each `// +build` line that counts.
    plus_build: Vec<&'a str>,
}

fn scan_header(text: &str) -> Result<Header<'_>, String> {
    let mut go_build = None;
    let scanned = scan(text, |line| match go_build.replace(line) {
        Some(_) => Err("multiple //go:build comments".to_string()),
        None => Ok(()),
    })?;
    let plus_build = text[..scanned.plus_region].lines().filter_map(|l| plus_build_args(l.trim())).collect();
    Ok(Header { go_build, plus_build })
}

/// Where a header's parts end.
struct Scanned {
    /// The end of the region whose `// +build` lines count: after the last
    /// blank line met before any line that is not a `//` comment.
    plus_region: usize,
    /// See [`header_end`].
    end: usize,
}

/// Walks the header of `text` line by line (after a byte order mark),
/// calling `on_go_build` with each `//go:build` line outside `/* */`.
fn scan<'a>(text: &'a str, mut on_go_build: impl FnMut(&'a str) -> Result<(), String>) -> Result<Scanned, String> {
    let bom = if text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
    let mut plus_region = bom;
    let mut ended = false;
    let mut in_comment = false;
    let mut start = bom;
    for line in text[bom..].split_inclusive('\n') {
        let line_start = start;
        start += line.len();
        let trimmed = line.trim();
        if trimmed.is_empty() && !ended {
            plus_region = start;
            continue;
        }
        ended |= !trimmed.starts_with("//");
        if !in_comment && is_go_build_line(trimmed) {
            on_go_build(trimmed)?;
        }
        if let Some(code) = code_in_line(trimmed, &mut in_comment) {
            let end = line_start + (code.as_ptr() as usize - line.as_ptr() as usize);
            return Ok(Scanned { plus_region, end });
        }
    }
    Ok(Scanned { plus_region, end: text.len() })
}

/// The first text of a (trimmed) line that is not in a comment, tracking
/// whether a `/* */` comment is open across lines.
fn code_in_line<'a>(line: &'a str, in_comment: &mut bool) -> Option<&'a str> {
    let mut rest = line;
    loop {
        if rest.is_empty() {
            return None;
        }
        if *in_comment {
            let close = rest.find("*/")?;
            *in_comment = false;
            rest = rest[close + 2..].trim();
        } else if rest.starts_with("//") {
            return None;
        } else if let Some(after) = rest.strip_prefix("/*") {
            *in_comment = true;
            rest = after.trim();
        } else {
            return Some(rest);
        }
    }
}

fn is_go_build_line(line: &str) -> bool {
    line.strip_prefix("//go:build").is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']))
}

/// The arguments of a `// +build` line (`//` and spaces, `+build`, then a
/// space, a tab or the end).
fn plus_build_args(line: &str) -> Option<&str> {
    let rest = line.strip_prefix("//")?.trim().strip_prefix("+build")?;
    (rest.is_empty() || rest.starts_with([' ', '\t'])).then_some(rest)
}

/// A `//go:build` expression.
#[derive(Debug, PartialEq, Eq)]
enum Expr {
    Tag(String),
    Not(Box<Expr>),
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
}

/// Parses a `//go:build` line: `||` binds looser than `&&`, `!` binds
/// tightest, parentheses group; a tag is a run of letters, digits, `_` and
/// `.`. Errors are the go command's: `unexpected end of expression`,
/// `unexpected token X`, `missing close paren`, `invalid syntax at X`,
/// `double negation not allowed`.
fn parse_go_build(line: &str) -> Result<Expr, String> {
    let text = line.strip_prefix("//go:build").unwrap_or(line).trim();
    let mut p = ExprParser { rest: text, tok: Tok::End };
    p.advance()?;
    let x = p.or()?;
    match &p.tok {
        Tok::End => Ok(x),
        tok => Err(format!("unexpected token {}", tok.text())),
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Tok {
    LParen,
    RParen,
    Not,
    And,
    Or,
    Tag(String),
    End,
}

impl Tok {
    fn text(&self) -> &str {
        match self {
            Tok::LParen => "(",
            Tok::RParen => ")",
            Tok::Not => "!",
            Tok::And => "&&",
            Tok::Or => "||",
            Tok::Tag(t) => t,
            Tok::End => "",
        }
    }
}

const END: &str = "unexpected end of expression";

/// A recursive-descent parser that reads one token ahead, lexing lazily so
/// that errors come in the order the go command meets them.
struct ExprParser<'a> {
    rest: &'a str,
    tok: Tok,
}

impl ExprParser<'_> {
    fn advance(&mut self) -> Result<(), String> {
        self.rest = self.rest.trim_start_matches([' ', '\t']);
        let fixed = [("&&", Tok::And), ("||", Tok::Or), ("(", Tok::LParen), (")", Tok::RParen), ("!", Tok::Not)];
        if let Some((text, tok)) = fixed.into_iter().find(|(text, _)| self.rest.starts_with(text)) {
            self.rest = &self.rest[text.len()..];
            self.tok = tok;
            return Ok(());
        }
        let len = self.rest.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.')).unwrap_or(self.rest.len());
        let (tag, rest) = self.rest.split_at(len);
        self.tok = match (tag, rest.chars().next()) {
            ("", None) => Tok::End,
            ("", Some(c)) => return Err(format!("invalid syntax at {c}")),
            (tag, _) => Tok::Tag(tag.to_string()),
        };
        self.rest = rest;
        Ok(())
    }

    fn or(&mut self) -> Result<Expr, String> {
        let mut x = self.and()?;
        while self.tok == Tok::Or {
            self.advance()?;
            x = Expr::Or(Box::new(x), Box::new(self.and()?));
        }
        Ok(x)
    }

    fn and(&mut self) -> Result<Expr, String> {
        let mut x = self.not()?;
        while self.tok == Tok::And {
            self.advance()?;
            x = Expr::And(Box::new(x), Box::new(self.not()?));
        }
        Ok(x)
    }

    fn not(&mut self) -> Result<Expr, String> {
        if self.tok != Tok::Not {
            return self.atom();
        }
        self.advance()?;
        if self.tok == Tok::Not {
            return Err("double negation not allowed".into());
        }
        Ok(Expr::Not(Box::new(self.atom()?)))
    }

    fn atom(&mut self) -> Result<Expr, String> {
        match std::mem::replace(&mut self.tok, Tok::End) {
            Tok::LParen => {
                self.advance()?;
                // Running out inside parentheses is reported as the missing `)`.
                let x = self.or().map_err(|e| if e == END { "missing close paren".to_string() } else { e })?;
                if self.tok != Tok::RParen {
                    return Err("missing close paren".into());
                }
                self.advance()?;
                Ok(x)
            }
            Tok::Tag(t) => {
                self.advance()?;
                Ok(Expr::Tag(t))
            }
            Tok::End => Err(END.into()),
            tok => Err(format!("unexpected token {}", tok.text())),
        }
    }
}

#[cfg(test)]
mod tests;
