//! The syntax shared by go.mod and go.work: lines of tokens, `verb (`
//! blocks, and `//` comments, as the go command reads them (facts checked
//! against gc 1.27.3 with broken files; see the tests).
//!
//! * Tokens: words (any run of printable characters other than spaces and
//!   `()[]{},`), the punctuation `( ) [ ] { } ,` one character each,
//!   `"`-quoted strings (backslash escapes the next character) and
//!   `` ` ``-quoted strings (no escapes), kept with their quotes. `=>` is an
//!   ordinary word. Spaces, tabs and carriage returns separate tokens; any
//!   other space or unprintable character is `unexpected input character
//!   '\v'`, and `/*` is `mod files must use // comments (not /* */
//!   comments)`.
//! * A statement is the tokens of one line. A line whose last token is `(`
//!   after at least one other token opens a block, closed by a line that
//!   starts with `)`; `verb ()` on one line is an empty block. A `(` or `)`
//!   elsewhere is an ordinary token.
//! * Comments: a whole-line comment belongs to the next line as one of its
//!   `before` comments; at the top level a blank line in between detaches
//!   it, inside a block it does not (the blank is kept as an empty entry,
//!   as the go command keeps it). A comment after tokens is the line's
//!   `suffix`.
//!
//! **Invariant:** a syntax error ends the parse: the file has exactly one
//! error, the first in reading order (the go command stops at it too).
//! Positions are 1-based lines and 1-based columns counted in characters.

use super::FileError;
use super::module::is_ident_char;

/// A position in a file: line and column, both from 1, the column in
/// characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pos {
    pub line: usize,
    pub col: usize,
}

/// One line of directive tokens.
#[derive(Debug)]
pub struct Line {
    /// The tokens, quoted strings with their quotes; never empty.
    pub tokens: Vec<String>,
    /// Where the first token starts.
    pub pos: Pos,
    /// The comments on the lines above, with their `//`; an empty string
    /// stands for a blank line inside a block.
    pub before: Vec<String>,
    /// The comment at the end of the line, with its `//`.
    pub suffix: Option<String>,
}

/// A `verb (` … `)` block.
#[derive(Debug)]
pub struct Block {
    /// The tokens before `(` (one, the verb, in a well-formed block).
    pub verb: Vec<String>,
    /// Where the block's first token starts.
    pub pos: Pos,
    /// The comments above the block (as [`Line::before`]).
    pub before: Vec<String>,
    pub lines: Vec<Line>,
}

/// A top-level statement.
#[derive(Debug)]
pub enum Stmt {
    Line(Line),
    Block(Block),
}

/// Parses `text`; `file` is the name the file was opened by, which the go
/// command writes inside one message (`unterminated block started at
/// /abs/go.mod:2:1`).
pub fn parse(file: &str, text: &str) -> Result<Vec<Stmt>, FileError> {
    let (toks, lex_error) = lex(text);
    Parser { file, toks, i: 0, lex_error }.file()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Word,
    LParen,
    RParen,
    Newline,
    Comment,
    Eof,
}

#[derive(Debug)]
struct Tok {
    kind: Kind,
    text: String,
    pos: Pos,
    /// The position just after the token.
    end: Pos,
}

impl Tok {
    /// Whether the token ends a line (a comment runs to the end of it).
    fn ends_line(&self) -> bool {
        matches!(self.kind, Kind::Newline | Kind::Comment | Kind::Eof)
    }
}

fn error_at(pos: Pos, msg: impl Into<String>) -> FileError {
    FileError { line: pos.line, col: pos.col, msg: msg.into() }
}

/// The tokens of `text` up to the first lexical error, and that error. The
/// token list ends with `Eof` when there is no error.
fn lex(text: &str) -> (Vec<Tok>, Option<FileError>) {
    let mut lexer = Lexer { chars: text.chars().collect(), i: 0, pos: Pos { line: 1, col: 1 }, toks: Vec::new() };
    let error = lexer.run().err();
    (lexer.toks, error)
}

struct Lexer {
    chars: Vec<char>,
    i: usize,
    pos: Pos,
    toks: Vec<Tok>,
}

impl Lexer {
    fn peek(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.i + ahead).copied()
    }

    fn bump(&mut self) {
        if self.chars.get(self.i) == Some(&'\n') {
            self.pos = Pos { line: self.pos.line + 1, col: 1 };
        } else {
            self.pos.col += 1;
        }
        self.i += 1;
    }

    fn push(&mut self, kind: Kind, start: usize, pos: Pos) {
        let text = self.chars[start..self.i].iter().collect();
        self.toks.push(Tok { kind, text, pos, end: self.pos });
    }

    fn run(&mut self) -> Result<(), FileError> {
        loop {
            while matches!(self.peek(0), Some(' ' | '\t' | '\r')) {
                self.bump();
            }
            let (start, pos) = (self.i, self.pos);
            let Some(c) = self.peek(0) else {
                self.push(Kind::Eof, start, pos);
                return Ok(());
            };
            let kind = match (c, self.peek(1)) {
                ('/', Some('/')) => {
                    while self.peek(0).is_some_and(|c| c != '\n') {
                        self.bump();
                    }
                    Kind::Comment
                }
                ('/', Some('*')) => return Err(error_at(pos, SLASH_STAR)),
                ('\n', _) => self.one(Kind::Newline),
                ('(', _) => self.one(Kind::LParen),
                (')', _) => self.one(Kind::RParen),
                ('[' | ']' | '{' | '}' | ',', _) => self.one(Kind::Word),
                ('"' | '`', _) => self.string(c)?,
                (c, _) if is_ident_char(c) => self.word()?,
                (c, _) => {
                    let msg = format!("unexpected input character {}", syntax::lexer::quote_rune(c));
                    return Err(error_at(pos, msg));
                }
            };
            self.push(kind, start, pos);
        }
    }

    fn one(&mut self, kind: Kind) -> Kind {
        self.bump();
        kind
    }

    /// A quoted string; only `"` strings have escapes.
    fn string(&mut self, quote: char) -> Result<Kind, FileError> {
        let start = self.pos;
        self.bump();
        loop {
            match self.peek(0) {
                None => return Err(error_at(start, "unexpected EOF in string")),
                Some('\n') => return Err(error_at(self.pos, "unexpected newline in string")),
                Some('\\') if quote == '"' && self.peek(1).is_some() => {
                    self.bump();
                    self.bump();
                }
                Some(c) => {
                    self.bump();
                    if c == quote {
                        return Ok(Kind::Word);
                    }
                }
            }
        }
    }

    /// A word; a `//` ends it (a comment follows), a `/*` is an error.
    fn word(&mut self) -> Result<Kind, FileError> {
        while let Some(c) = self.peek(0).filter(|c| is_ident_char(*c)) {
            match (c, self.peek(1)) {
                ('/', Some('/')) => break,
                ('/', Some('*')) => return Err(error_at(self.pos, SLASH_STAR)),
                _ => self.bump(),
            }
        }
        Ok(Kind::Word)
    }
}

const SLASH_STAR: &str = "mod files must use // comments (not /* */ comments)";

struct Parser<'a> {
    file: &'a str,
    toks: Vec<Tok>,
    i: usize,
    lex_error: Option<FileError>,
}

impl Parser<'_> {
    /// The next token; past the tokens lexed, the lexical error (reading
    /// on is when the go command meets it).
    fn peek(&self) -> Result<&Tok, FileError> {
        match self.toks.get(self.i) {
            Some(tok) => Ok(tok),
            None => Err(self.lex_error.clone().unwrap_or_else(|| error_at(Pos { line: 1, col: 1 }, "no input"))),
        }
    }

    /// Consumes the next token; `Eof` is never consumed.
    fn next(&mut self) -> Result<&Tok, FileError> {
        let at = self.i;
        if self.peek()?.kind != Kind::Eof {
            self.i += 1;
        }
        Ok(&self.toks[at])
    }

    fn next_kind(&mut self) -> Result<Kind, FileError> {
        self.next().map(|tok| tok.kind)
    }

    /// Consumes the end of the current line: a comment, then its newline.
    /// Returns the comment.
    fn end_line(&mut self) -> Result<Option<String>, FileError> {
        let mut comment = None;
        if self.peek()?.kind == Kind::Comment {
            comment = Some(self.next()?.text.clone());
        }
        if self.peek()?.kind == Kind::Newline {
            self.next()?;
        }
        Ok(comment)
    }

    fn file(&mut self) -> Result<Vec<Stmt>, FileError> {
        let mut stmts = Vec::new();
        let mut comments = Vec::new();
        loop {
            match self.peek()?.kind {
                Kind::Eof => return Ok(stmts),
                Kind::Newline => {
                    self.next()?;
                    comments.clear();
                }
                Kind::Comment => comments.extend(self.end_line()?),
                _ => stmts.push(self.statement(std::mem::take(&mut comments))?),
            }
        }
    }

    /// A top-level line, which may open a block.
    fn statement(&mut self, before: Vec<String>) -> Result<Stmt, FileError> {
        let pos = self.peek()?.pos;
        let mut tokens: Vec<String> = Vec::new();
        loop {
            let tok = self.peek()?;
            if tok.ends_line() {
                let suffix = self.end_line()?;
                return Ok(Stmt::Line(Line { tokens, pos, before, suffix }));
            }
            let kind = self.next_kind()?;
            if kind == Kind::LParen && !tokens.is_empty() {
                let after = self.peek()?;
                if after.ends_line() {
                    self.end_line()?;
                    return self.block(tokens, pos, before);
                }
                if after.kind == Kind::RParen {
                    self.next()?;
                    if self.peek()?.ends_line() {
                        self.end_line()?;
                        return Ok(Stmt::Block(Block { verb: tokens, pos, before, lines: Vec::new() }));
                    }
                    tokens.extend(["(".to_string(), ")".to_string()]);
                    continue;
                }
            }
            tokens.push(self.toks[self.i - 1].text.clone());
        }
    }

    /// The lines of a block, after its `(` line, through its `)` line.
    fn block(&mut self, verb: Vec<String>, pos: Pos, before: Vec<String>) -> Result<Stmt, FileError> {
        let mut lines: Vec<Line> = Vec::new();
        let mut comments: Vec<String> = Vec::new();
        loop {
            let tok = self.peek()?;
            match tok.kind {
                Kind::Eof => {
                    let msg =
                        format!("syntax error (unterminated block started at {}:{}:{})", self.file, pos.line, pos.col);
                    return Err(error_at(tok.pos, msg));
                }
                Kind::Newline => {
                    self.next()?;
                    // A blank line is kept once, and not before the first line.
                    if comments.last().map_or(!lines.is_empty(), |c| !c.is_empty()) {
                        comments.push(String::new());
                    }
                }
                Kind::Comment => comments.extend(self.end_line()?),
                Kind::RParen => {
                    self.next()?;
                    let after = self.peek()?;
                    if !after.ends_line() {
                        return Err(error_at(after.end, "syntax error (expected newline after closing paren)"));
                    }
                    self.end_line()?;
                    return Ok(Stmt::Block(Block { verb, pos, before, lines }));
                }
                _ => lines.push(self.line(std::mem::take(&mut comments))?),
            }
        }
    }

    /// A line inside a block: every token up to the end of the line.
    fn line(&mut self, before: Vec<String>) -> Result<Line, FileError> {
        let pos = self.peek()?.pos;
        let mut tokens = Vec::new();
        while !self.peek()?.ends_line() {
            tokens.push(self.next()?.text.clone());
        }
        let suffix = self.end_line()?;
        Ok(Line { tokens, pos, before, suffix })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The statements of `text` in a compact form: a line as its tokens
    /// joined by spaces, a block as `verb { lines }`.
    fn shape(text: &str) -> String {
        let stmts = parse("/abs/go.mod", text).unwrap_or_else(|e| panic!("{text:?}: {e:?}"));
        let show = |l: &Line| l.tokens.join(" ");
        let parts: Vec<String> = stmts
            .iter()
            .map(|s| match s {
                Stmt::Line(l) => show(l),
                Stmt::Block(b) => {
                    format!("{} {{ {} }}", b.verb.join(" "), b.lines.iter().map(show).collect::<Vec<_>>().join("; "))
                }
            })
            .collect();
        parts.join(" | ")
    }

    fn error(text: &str) -> (usize, usize, String) {
        let e = parse("/abs/go.mod", text).expect_err(text);
        (e.line, e.col, e.msg)
    }

    #[test]
    fn tokens_and_blocks() {
        let cases = [
            ("module m\ngo 1.21\n", "module m | go 1.21"),
            (" go\t1.21 \r\n", "go 1.21"),
            ("go 1.21//c\n", "go 1.21"),
            ("go 1.21{\n", "go 1.21 {"),
            ("go 1.21 [ ] , =>\n", "go 1.21 [ ] , =>"),
            ("replace a=>./a\n", "replace a=>./a"),
            ("module x\"m\"\n", "module x\"m\""),
            ("module \"m\"x\n", "module \"m\" x"),
            ("module `a\\` x`\n", "module `a\\` x`"),
            ("module \"a\\\"b\"\n", "module \"a\\\"b\""),
            ("go 1.21 \u{fffd}\n", "go 1.21 \u{fffd}"),
            ("require (\n\ta v1\n\n\tb v2 // c\n)\n", "require { a v1; b v2 }"),
            ("require ()\n", "require {  }"),
            ("require () // c\n", "require {  }"),
            ("require ( // c\n)\n", "require {  }"),
            ("require (\n) // c\n", "require {  }"),
            ("require ( ) x\n", "require ( ) x"),
            ("require ( x\n", "require ( x"),
            ("godebug ( panicnil=1 )\n", "godebug ( panicnil=1 )"),
            ("(\nfoo\n)\n", "( | foo | )"),
            ("module m\n)\n", "module m | )"),
            ("require foo (\n)\n", "require foo {  }"),
            ("retract [v1.0.0,v1.2.0]\n", "retract [ v1.0.0 , v1.2.0 ]"),
        ];
        for (text, want) in cases {
            assert_eq!(shape(text), want, "{text:?}");
        }
    }

    #[test]
    fn syntax_errors() {
        const SLASH: &str = "mod files must use // comments (not /* */ comments)";
        let cases = [
            ("module \"m", 1, 8, "unexpected EOF in string"),
            ("module \"a\\", 1, 8, "unexpected EOF in string"),
            ("module `a\nb`", 1, 10, "unexpected newline in string"),
            ("module m /* x */", 1, 10, SLASH),
            ("go 1.21/*c", 1, 8, SLASH),
            ("module m\ngo 1.21/*c", 2, 8, SLASH),
            ("go 1.21 /*c", 1, 9, SLASH),
            ("go 1.21\u{b}", 1, 8, "unexpected input character '\\v'"),
            ("go 1.21\u{c}", 1, 8, "unexpected input character '\\f'"),
            ("go 1.21\u{1}", 1, 8, "unexpected input character '\\x01'"),
            ("go 1.21 \0", 1, 9, "unexpected input character '\\x00'"),
            ("go 1.21 \u{a0}", 1, 9, "unexpected input character '\\u00a0'"),
            ("go 1.21 \u{200b}", 1, 9, "unexpected input character '\\u200b'"),
            ("\u{feff}module m", 1, 1, "unexpected input character '\\ufeff'"),
            ("module m\nrequire (", 2, 10, "syntax error (unterminated block started at /abs/go.mod:2:1)"),
            ("module m\ngodebug (\npanicnil=1)", 3, 12, "syntax error (unterminated block started at /abs/go.mod:2:1)"),
            ("module m\n  require (\n", 3, 1, "syntax error (unterminated block started at /abs/go.mod:2:3)"),
            ("module m\nrequire (\n) x", 3, 4, "syntax error (expected newline after closing paren)"),
            ("module m\nrequire (\n) xyz", 3, 6, "syntax error (expected newline after closing paren)"),
        ];
        for (text, line, col, msg) in cases {
            assert_eq!(error(text), (line, col, msg.to_string()), "{text:?}");
        }
    }

    #[test]
    fn the_first_error_in_reading_order_wins() {
        // The block is unterminated before the bad character is reached…
        assert_eq!(error("require (\n) x \u{b}").2, "syntax error (expected newline after closing paren)");
        // …but a bad character met while looking past `)` comes first.
        assert_eq!(error("require (\n) \u{b}").2, "unexpected input character '\\v'");
        // A backslash takes the newline into the string.
        assert!(parse("go.mod", "require \"a\\\nb\" v1.0.0\n").is_ok());
    }

    /// The comments attached to each line: `before` joined by `|` (a
    /// blank line as `_`), then `suffix` after `#`.
    fn comments(text: &str) -> Vec<String> {
        let show = |l: &Line| {
            let before: Vec<&str> = l.before.iter().map(|c| if c.is_empty() { "_" } else { c }).collect();
            format!("{}#{}", before.join("|"), l.suffix.clone().unwrap_or_default())
        };
        let mut out = Vec::new();
        for s in parse("go.mod", text).unwrap() {
            match s {
                Stmt::Line(l) => out.push(show(&l)),
                Stmt::Block(b) => {
                    out.push(format!("block {}", b.before.join("|")));
                    out.extend(b.lines.iter().map(show));
                }
            }
        }
        out
    }

    #[test]
    fn comment_attachment() {
        assert_eq!(comments("// a\n// b\nmodule m // c\n"), ["// a|// b#// c"]);
        assert_eq!(comments("// a\n\n// b\nmodule m\n"), ["// b#"]);
        assert_eq!(comments("// a\n\nmodule m\n"), ["#"]);
        assert_eq!(comments("module m\n// trailing\n"), ["#"]);
        assert_eq!(
            comments("// r4\nretract (\n\tv1\n\t// r5\n\n\t// r6\n\tv2\n\n\tv3\n) // r8\n"),
            ["block // r4", "#", "// r5|_|// r6#", "_#"].map(String::from)
        );
        // Only a blank after a line or a comment is kept.
        assert_eq!(comments("retract (\n\n\tv1\n\n\tv2\n)\n"), ["block ", "#", "_#"]);
    }
}
