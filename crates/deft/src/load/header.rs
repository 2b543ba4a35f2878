//! The package clause and import declarations at the top of a Go file,
//! read without the parser, as the go command reads them before it
//! decides which package a file belongs to (go/build).
//!
//! The loader needs them for files it does not compile: a test file or a
//! file importing "C" (cgo is off) still names the directory's package
//! and must agree with the others, and a package whose only buildable
//! files are tests is still a package. Reading only this much keeps the
//! rule that a file the build leaves out is never parsed.
//!
//! Invariant: the reader accepts what Go's grammar accepts up to the end
//! of the import declarations (comments, semicolons or newlines between
//! specs, named, dot and blank imports, grouped imports, interpreted and
//! raw strings) and stops at the first other token. It reports the
//! header mistakes the go command reports itself, in its words: a first
//! token other than `package`, an unterminated import string, and an
//! import path no package can have ([`Header::InvalidImport`]). Any
//! other malformation gives up ([`Header::Unknown`]): the compiler's
//! parser reports it later, as for any syntax error.

/// What the top of a file says.
#[derive(Debug, PartialEq, Eq)]
pub enum Header {
    /// The package name and the import paths, in order.
    Read { package: String, imports: Vec<String> },
    /// A syntax error the go command reports while loading: its line,
    /// column (bytes, from 1) and message.
    Error { line: usize, col: usize, msg: String },
    /// An import path the go command refuses (empty, or with a space, a
    /// control character or one of ``!"#$%&'()*,:;<=>?[\]^{|}` ``): the
    /// first, at the start of its import spec.
    InvalidImport { line: usize, col: usize, path: String },
    /// Something else is wrong; left to the parser.
    Unknown,
}

/// Reads the header of `text` (see the module doc).
pub fn read(text: &str) -> Header {
    let mut r = Reader { text: text.as_bytes(), at: 0 };
    if text.starts_with('\u{feff}') {
        r.at = '\u{feff}'.len_utf8();
    }
    r.skip_space(true);
    let start = r.at;
    match r.word() {
        Some("package") => {}
        Some(w) => return r.error_at(start, format!("expected 'package', found {}", found(w))),
        None if r.at >= r.text.len() => return r.error_at(start, "expected 'package', found 'EOF'".into()),
        None => return Header::Unknown,
    }
    r.skip_space(true);
    let Some(package) = r.word().filter(|w| !is_keyword(w)).map(str::to_string) else { return Header::Unknown };
    let mut imports = Vec::new();
    loop {
        r.skip_space(true);
        r.skip_semicolons();
        if r.word_ahead() != Some("import") {
            return Header::Read { package, imports };
        }
        r.word();
        r.skip_space(true);
        if r.peek() == Some(b'(') {
            r.at += 1;
            loop {
                r.skip_space(true);
                r.skip_semicolons();
                if r.peek() == Some(b')') {
                    r.at += 1;
                    break;
                }
                if let Err(h) = r.spec(&mut imports) {
                    return h;
                }
            }
        } else if let Err(h) = r.spec(&mut imports) {
            return h;
        }
    }
}

/// How go/parser names a token it did not expect: a literal by its text,
/// anything else quoted.
fn found(word: &str) -> String {
    if is_keyword(word) { format!("'{word}'") } else { word.to_string() }
}

/// Whether the go command accepts `path` as an import path at all.
fn is_valid_import(path: &str) -> bool {
    !path.is_empty()
        && path.chars().all(|c| {
            !c.is_control() && !c.is_whitespace() && c != '\u{fffd}' && !"!\"#$%&'()*,:;<=>?[\\]^{|}`".contains(c)
        })
}

fn is_keyword(w: &str) -> bool {
    matches!(
        w,
        "break"
            | "case"
            | "chan"
            | "const"
            | "continue"
            | "default"
            | "defer"
            | "else"
            | "fallthrough"
            | "for"
            | "func"
            | "go"
            | "goto"
            | "if"
            | "import"
            | "interface"
            | "map"
            | "package"
            | "range"
            | "return"
            | "select"
            | "struct"
            | "switch"
            | "type"
            | "var"
    )
}

struct Reader<'a> {
    text: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    /// Skips blanks and comments; newlines too when `newlines` (a newline
    /// ends a statement in Go, but not where a name must follow).
    fn skip_space(&mut self, newlines: bool) {
        while let Some(c) = self.peek() {
            match c {
                b' ' | b'\t' | b'\r' => self.at += 1,
                b'\n' if newlines => self.at += 1,
                b'/' if self.text.get(self.at + 1) == Some(&b'/') => {
                    while self.peek().is_some_and(|c| c != b'\n') {
                        self.at += 1;
                    }
                }
                b'/' if self.text.get(self.at + 1) == Some(&b'*') => {
                    match self.text[self.at + 2..].windows(2).position(|w| w == b"*/") {
                        Some(i) => self.at += 2 + i + 2,
                        None => self.at = self.text.len(),
                    }
                }
                _ => return,
            }
        }
    }

    fn skip_semicolons(&mut self) {
        while self.peek() == Some(b';') {
            self.at += 1;
            self.skip_space(true);
        }
    }

    /// An identifier or keyword at the cursor (ASCII letters, digits, `_`
    /// and any non-ASCII character), consumed.
    fn word(&mut self) -> Option<&'a str> {
        let start = self.at;
        while self.peek().is_some_and(|c| c == b'_' || c.is_ascii_alphanumeric() || c >= 0x80) {
            self.at += 1;
        }
        let w = std::str::from_utf8(&self.text[start..self.at]).ok()?;
        (!w.is_empty() && !w.as_bytes()[0].is_ascii_digit()).then_some(w).or_else(|| {
            self.at = start;
            None
        })
    }

    fn word_ahead(&mut self) -> Option<&'a str> {
        let start = self.at;
        let w = self.word();
        self.at = start;
        w
    }

    /// One import spec: an optional name (identifier, `.` or `_`) and the
    /// path string, added to `imports`.
    fn spec(&mut self, imports: &mut Vec<String>) -> Result<(), Header> {
        let spec_start = self.at;
        if self.peek() == Some(b'.') {
            self.at += 1;
        } else if self.word().is_some_and(is_keyword) {
            return Err(Header::Unknown);
        }
        self.skip_space(false);
        let start = self.at;
        let (quote, raw) = match self.peek() {
            Some(b'"') => (b'"', false),
            Some(b'`') => (b'`', true),
            _ => return Err(Header::Unknown),
        };
        self.at += 1;
        let body = self.at;
        loop {
            match self.peek() {
                Some(c) if c == quote => break,
                Some(b'\n') if !raw => return Err(self.error_at(start, "string literal not terminated".into())),
                Some(b'\\') if !raw => self.at += 2,
                Some(_) => self.at += 1,
                None => {
                    let what = if raw { "raw string literal not terminated" } else { "string literal not terminated" };
                    return Err(self.error_at(start, what.into()));
                }
            }
        }
        let path = String::from_utf8_lossy(&self.text[body..self.at]).into_owned();
        self.at += 1;
        // Escapes are rare in import paths; the parser unquotes them.
        if !raw && path.contains('\\') {
            return Err(Header::Unknown);
        }
        if !is_valid_import(&path) {
            let (line, col) = self.line_col(spec_start);
            return Err(Header::InvalidImport { line, col, path });
        }
        imports.push(path);
        Ok(())
    }

    fn error_at(&self, offset: usize, msg: String) -> Header {
        let (line, col) = self.line_col(offset);
        Header::Error { line, col, msg }
    }

    /// The line and column (bytes), from 1, of `offset`.
    fn line_col(&self, offset: usize) -> (usize, usize) {
        let before = &self.text[..offset.min(self.text.len())];
        let line = before.iter().filter(|&&c| c == b'\n').count() + 1;
        (line, before.len() - before.iter().rposition(|&c| c == b'\n').map_or(0, |i| i + 1) + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_ok(text: &str) -> (String, Vec<String>) {
        match read(text) {
            Header::Read { package, imports } => (package, imports),
            other => panic!("{text:?}: {other:?}"),
        }
    }

    #[test]
    fn reads_package_and_imports() {
        let (p, i) = read_ok(
            "//go:build x\n\n/* c */ package a // x\n\nimport \"fmt\"\nimport (\n\tx \"a/b\"; . `c`\n\t_ \"C\"\n)\nfunc f() {}\n",
        );
        assert_eq!(p, "a");
        assert_eq!(i, ["fmt", "a/b", "c", "C"]);
        assert_eq!(read_ok("package main; import \"os\"; var x = 1").1, ["os"]);
        assert_eq!(read_ok("package p").1, Vec::<String>::new());
    }

    #[test]
    fn the_go_commands_errors() {
        assert_eq!(
            read("pakage main\n"),
            Header::Error { line: 1, col: 1, msg: "expected 'package', found pakage".into() }
        );
        assert_eq!(
            read("// c\nfunc f()"),
            Header::Error { line: 2, col: 1, msg: "expected 'package', found 'func'".into() }
        );
        assert_eq!(read(""), Header::Error { line: 1, col: 1, msg: "expected 'package', found 'EOF'".into() });
        let e = read("package main\n\nimport \"fmt\n");
        assert_eq!(e, Header::Error { line: 3, col: 8, msg: "string literal not terminated".into() });
        assert_eq!(read("package main\nimport 1"), Header::Unknown);
        assert_eq!(read("package\n"), Header::Unknown);
        let e = read("package main\n\nimport (\n\t\"fmt\"\n\t_ \"a b\"\n)\n");
        assert_eq!(e, Header::InvalidImport { line: 5, col: 2, path: "a b".into() });
    }
}
