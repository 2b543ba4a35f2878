//! The lexer: Go source text → tokens, one at a time, with gc's errors.
//!
//! The lexer follows the Go 1.19 specification ("Lexical elements") and
//! reports malformed input with gc's exact wording and position (the
//! messages are not prefixed `syntax error:`, as gc prints them).
//!
//! Invariants:
//! * Positions are 1-based lines and 1-based byte columns; a byte-order mark
//!   at the start of the file occupies columns like any other bytes (gc does
//!   the same).
//! * NUL characters and byte-order marks after the first byte are reported
//!   and then skipped as if absent, everywhere (also inside literals and
//!   comments), like gc.
//! * Semicolons are inserted per the spec: at a newline, at the end of the
//!   file, or at a comment spanning lines, when the previous token was an
//!   identifier, a literal, one of `break continue fallthrough return ++ --`
//!   or a closing `) ] }`. The inserted token remembers why (see
//!   [`Lexer::semi_kind`]) because gc's messages say `newline` or `EOF`.
//! * A malformed literal is still returned as a literal token, with
//!   [`Lexer::bad`] set, so that the parser does not add follow-on errors.
//! * `//go:` directive comments that start their line are kept in
//!   [`Lexer::pragmas`] for the parser; one that follows other tokens on its
//!   line is reported as `misplaced compiler directive`, as gc does.
//! * The lexer never panics: every read is bounds-checked and it always
//!   makes progress.
//!
//! Known approximations: identifier letters and digits use Rust's
//! `char::is_alphabetic`/`is_numeric`, which accept a few more code points
//! than Go's `unicode.IsLetter`/`IsDigit` (letter numbers, some combining
//! marks); `//line` directives are ignored.

use crate::ast::{BinaryOp, LitKind};
use crate::diag::Diagnostics;
use crate::pos::{FileId, Pos};
use crate::token::{Operator, Tok, keyword};

/// `ch` value at the end of the input.
const EOF: i32 = -1;

/// Why a [`Tok::Semi`] is there; gc names it by this in messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SemiKind {
    /// An explicit `;`.
    Semicolon,
    /// Inserted at a newline (or a comment spanning lines).
    Newline,
    /// Inserted at the end of the file.
    Eof,
}

impl SemiKind {
    /// The word gc uses for it.
    pub fn as_str(self) -> &'static str {
        match self {
            SemiKind::Semicolon => "semicolon",
            SemiKind::Newline => "newline",
            SemiKind::Eof => "EOF",
        }
    }
}

/// A Go lexer over one source file; the current token is in its fields.
pub struct Lexer<'a> {
    src: &'a str,
    file: FileId,
    /// Byte offset of the current character `ch`.
    off: usize,
    /// The current character, or [`EOF`].
    ch: i32,
    /// Width in bytes of `ch` (0 at the end).
    chw: usize,
    /// Position of `ch`.
    line: u32,
    col: u32,
    /// Whether a newline after the current token becomes a semicolon.
    nlsemi: bool,
    /// Where the diagnostics go.
    diags: &'a mut Diagnostics,

    /// The current token's kind.
    pub tok: Tok,
    /// Position of the current token's first byte.
    pub pos: Pos,
    /// Byte range of the current token's text.
    start: usize,
    end: usize,
    /// For [`Tok::Semi`]: why it is there.
    pub semi_kind: SemiKind,
    /// For literals: the literal is malformed (an error was reported).
    pub bad: bool,
    /// `//go:` directives seen since the parser last took them, with positions.
    pub pragmas: Vec<(Pos, String)>,
    /// Every `//go:linkname` directive of the file (gc reads them file-wide,
    /// wherever they stand).
    pub linknames: Vec<(Pos, String)>,
    /// How many `misplaced compiler directive` errors were reported. gc
    /// reports those outside its parser, so unlike other errors they do not
    /// make the parser stop after a bad package clause or drop errors at EOF.
    pub directive_errors: usize,
    /// The file is the standard library's, where gc allows the directives
    /// it restricts to the runtime and the library (`//go:uintptrkeepalive`,
    /// `//go:nowritebarrier`, ...).
    pub std: bool,
}

impl<'a> Lexer<'a> {
    /// A lexer at the start of `src`, reporting into `diags`. Call
    /// [`Lexer::next`] to read the first token.
    pub fn new(src: &'a str, file: FileId, diags: &'a mut Diagnostics) -> Lexer<'a> {
        let mut lx = Lexer {
            src,
            file,
            off: 0,
            ch: EOF,
            chw: 0,
            line: 1,
            col: 1,
            nlsemi: false,
            diags,
            tok: Tok::Eof,
            pos: Pos { file, line: 1, col: 1 },
            start: 0,
            end: 0,
            semi_kind: SemiKind::Eof,
            bad: false,
            pragmas: Vec::new(),
            linknames: Vec::new(),
            directive_errors: 0,
            std: false,
        };
        lx.load();
        lx.settle();
        lx
    }

    /// The diagnostics sink (the parser reports through the lexer).
    pub fn diags(&mut self) -> &mut Diagnostics {
        self.diags
    }

    /// The current token's source text (identifier, literal or operator).
    pub fn text(&self) -> &'a str {
        self.src.get(self.start..self.end).unwrap_or("")
    }

    /// Describes the current token as gc's "unexpected X" messages do:
    /// names as `name x`, keywords as `keyword else`, literals as `literal
    /// 42`, semicolons by their [`SemiKind`], `,` as `comma`, operators by
    /// their text.
    pub fn describe(&self) -> String {
        match self.tok {
            Tok::Name => format!("name {}", self.text()),
            Tok::Semi => self.semi_kind.as_str().to_string(),
            Tok::Lit(_) => format!("literal {}", self.text()),
            Tok::Op(_) | Tok::AssignOp(_) | Tok::IncOp(_) => self.text().to_string(),
            t => t.tokstring(),
        }
    }

    /// Makes every further token [`Tok::Eof`] (used after an unrecoverable
    /// error such as too deep nesting).
    pub fn stop(&mut self) {
        self.off = self.src.len();
        self.ch = EOF;
        self.chw = 0;
        self.nlsemi = false;
        self.tok = Tok::Eof;
    }

    // ---- characters ----

    /// Reads the character at `off` into `ch`/`chw`.
    #[inline]
    fn load(&mut self) {
        let bytes = self.src.as_bytes();
        match bytes.get(self.off) {
            None => {
                self.ch = EOF;
                self.chw = 0;
            }
            Some(&b) if b < 0x80 => {
                self.ch = b as i32;
                self.chw = 1;
            }
            Some(_) => {
                let c = self.src.get(self.off..).and_then(|s| s.chars().next()).unwrap_or('\u{FFFD}');
                self.ch = c as i32;
                self.chw = c.len_utf8().max(1);
            }
        }
    }

    /// Steps over `ch` without looking at the new character.
    #[inline]
    fn advance(&mut self) {
        if self.ch == '\n' as i32 {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += self.chw as u32;
        }
        self.off += self.chw;
        self.load();
    }

    /// Skips (and reports) characters gc treats as absent: NUL anywhere and
    /// a byte-order mark anywhere but at the very start.
    #[inline]
    fn settle(&mut self) {
        while self.ch == 0 || self.ch == 0xFEFF {
            match self.ch {
                0 => self.error_here("invalid NUL character"),
                0xFEFF if self.off != 0 => self.error_here("invalid BOM in the middle of the file"),
                _ => {}
            }
            self.advance();
        }
    }

    /// Moves to the next character.
    #[inline]
    fn nextch(&mut self) {
        self.advance();
        self.settle();
    }

    #[inline]
    fn is(&self, c: u8) -> bool {
        self.ch == c as i32
    }

    /// Consumes `c` if it is the current character.
    #[inline]
    fn got(&mut self, c: u8) -> bool {
        if self.is(c) {
            self.nextch();
            return true;
        }
        false
    }

    fn here(&self) -> Pos {
        Pos { file: self.file, line: self.line, col: self.col }
    }

    fn error_here(&mut self, msg: impl Into<String>) {
        let pos = self.here();
        self.diags.error(pos, msg);
    }

    /// Reports at byte `offset` of the current token (which is on one line).
    fn error_in_token(&mut self, offset: usize, msg: impl Into<String>) {
        let pos = Pos { col: self.pos.col + offset as u32, ..self.pos };
        self.diags.error(pos, msg);
    }

    // ---- tokens ----

    /// The byte offset of the current token's first byte.
    pub fn token_start(&self) -> usize {
        self.start
    }

    /// Scans the next token into the lexer's fields.
    pub fn next(&mut self) {
        let nlsemi = self.nlsemi;
        self.nlsemi = false;
        self.bad = false;
        loop {
            let (start_line, start_col) = (self.line, self.col);
            while self.is(b' ') || self.is(b'\t') || self.is(b'\r') || (self.is(b'\n') && !nlsemi) {
                self.nextch();
            }
            self.pos = self.here();
            self.start = self.off;
            let first_on_line = self.line > start_line || start_col == 1;
            if self.scan_token(nlsemi, first_on_line) {
                self.end = self.off;
                return;
            }
        }
    }

    /// Scans one token starting at `ch`; false when it only skipped a
    /// comment or an invalid character and the caller must start over.
    fn scan_token(&mut self, nlsemi: bool, first_on_line: bool) -> bool {
        let c = self.ch;
        if is_ascii_letter(c) || (c >= 0x80 && self.at_ident_char(true)) {
            self.nextch();
            self.ident();
            return true;
        }
        if c == EOF {
            if nlsemi {
                self.semi(SemiKind::Eof);
            } else {
                self.tok = Tok::Eof;
            }
            return true;
        }
        let b = c as u8;
        match b {
            b'\n' => {
                self.nextch();
                self.semi(SemiKind::Newline);
            }
            b'0'..=b'9' => self.number(false),
            b'"' | b'`' => self.string(b),
            b'\'' => self.rune(),
            b'/' => {
                self.nextch();
                if self.got(b'/') {
                    self.line_comment(first_on_line);
                    return false;
                }
                if self.got(b'*') {
                    self.full_comment();
                    if self.line != self.pos.line && nlsemi {
                        // A comment spanning lines acts like a newline.
                        self.semi(SemiKind::Newline);
                        return true;
                    }
                    return false;
                }
                self.tok = self.op_or_assign(BinaryOp::Div);
            }
            _ => return self.punct(b),
        }
        true
    }

    /// Operators and delimiters; false (after an error) for anything else.
    fn punct(&mut self, b: u8) -> bool {
        use BinaryOp::*;
        self.nextch();
        let bin = |op| Tok::Op(Operator::Bin(op));
        self.tok = match b {
            b'(' => Tok::Lparen,
            b'[' => Tok::Lbrack,
            b'{' => Tok::Lbrace,
            b',' => Tok::Comma,
            b')' => self.closing(Tok::Rparen),
            b']' => self.closing(Tok::Rbrack),
            b'}' => self.closing(Tok::Rbrace),
            b';' => {
                self.semi(SemiKind::Semicolon);
                return true;
            }
            b':' => self.pick(b'=', Tok::Define, Tok::Colon),
            b'.' => self.dot(),
            b'+' => self.plus_minus(b'+', Add),
            b'-' => self.plus_minus(b'-', Sub),
            b'*' => self.pick(b'=', Tok::AssignOp(Mul), Tok::Star),
            b'%' => self.op_or_assign(Rem),
            b'^' => self.op_or_assign(Xor),
            b'&' if self.got(b'&') => bin(AndAnd),
            b'&' if self.got(b'^') => self.op_or_assign(AndNot),
            b'&' => self.op_or_assign(And),
            b'|' if self.got(b'|') => bin(OrOr),
            b'|' => self.op_or_assign(Or),
            b'<' if self.got(b'=') => bin(Le),
            b'<' if self.got(b'<') => self.op_or_assign(Shl),
            b'<' => self.pick(b'-', Tok::Arrow, bin(Lt)),
            b'>' if self.got(b'=') => bin(Ge),
            b'>' if self.got(b'>') => self.op_or_assign(Shr),
            b'>' => bin(Gt),
            b'=' => self.pick(b'=', bin(Eq), Tok::Assign),
            b'!' => self.pick(b'=', bin(Ne), Tok::Op(Operator::Not)),
            b'~' => Tok::Op(Operator::Tilde),
            _ => {
                let msg = format!("invalid character {}", quote_unicode(b as char));
                self.diags.error(self.pos, msg);
                return false;
            }
        };
        true
    }

    /// A closing bracket, after which a newline ends the statement.
    fn closing(&mut self, tok: Tok) -> Tok {
        self.nlsemi = true;
        tok
    }

    fn semi(&mut self, kind: SemiKind) {
        self.tok = Tok::Semi;
        self.semi_kind = kind;
    }

    /// `yes` (consuming `c`) if `c` comes next, else `no`.
    fn pick(&mut self, c: u8, yes: Tok, no: Tok) -> Tok {
        if self.got(c) { yes } else { no }
    }

    /// After `op`: `op=` or the operator itself.
    fn op_or_assign(&mut self, op: BinaryOp) -> Tok {
        self.pick(b'=', Tok::AssignOp(op), Tok::Op(Operator::Bin(op)))
    }

    /// After `+` or `-`: `++`/`--`, `+=`/`-=` or the operator.
    fn plus_minus(&mut self, c: u8, op: BinaryOp) -> Tok {
        if self.got(c) {
            self.nlsemi = true;
            return Tok::IncOp(c == b'+');
        }
        self.op_or_assign(op)
    }

    /// After `.`: a number like `.5`, `...` or `.`.
    fn dot(&mut self) -> Tok {
        if is_ascii_digit(self.ch) {
            self.number(true);
            return self.tok;
        }
        // `..` not followed by a third dot is two `.` tokens.
        if self.src.as_bytes().get(self.off..self.off + 2) == Some(b"..") {
            self.nextch();
            self.nextch();
            return Tok::DotDotDot;
        }
        Tok::Dot
    }

    // ---- comments ----

    /// After `//`: skips to the end of the line (not consuming the newline);
    /// keeps `//go:` directives.
    fn line_comment(&mut self, first_on_line: bool) {
        let start = self.start;
        let pos = self.pos;
        while !self.is(b'\n') && self.ch != EOF {
            self.nextch();
        }
        let text = self.src.get(start..self.off).unwrap_or("").trim_end();
        if text.starts_with("//go:") {
            if first_on_line {
                self.restricted_directive(pos, &text[2..]);
                if text.starts_with("//go:linkname ") {
                    self.linknames.push((pos, text.to_string()));
                }
                self.pragmas.push((pos, text.to_string()));
            } else {
                // gc points after the `//`.
                self.misplaced_directive(pos);
            }
        }
    }

    /// Reports a directive (`text` after the `//`, at `pos`) that gc's
    /// noder allows only in cgo-generated files, the runtime or the
    /// standard library (allowed in the library's files, [`Lexer::std`]).
    fn restricted_directive(&mut self, pos: Pos, text: &str) {
        if self.std {
            return;
        }
        const RUNTIME_ONLY: [&str; 4] =
            ["go:systemstack", "go:nowritebarrier", "go:nowritebarrierrec", "go:yeswritebarrierrec"];
        let verb = text.split_whitespace().next().unwrap_or(text);
        let mut msgs = Vec::new();
        if verb.starts_with("go:cgo_") {
            msgs.push(format!("//{text} only allowed in cgo-generated code"));
            // gc's usage check of `//go:cgo_ldflag "arg"` (one argument).
            if verb == "go:cgo_ldflag" && text.split_whitespace().count() != 2 {
                msgs.push(r#"usage: //go:cgo_ldflag "arg""#.to_string());
            }
        } else if RUNTIME_ONLY.contains(&verb) {
            msgs.push(format!("//{verb} only allowed in runtime"));
        } else if verb == "go:uintptrkeepalive" {
            msgs.push(format!("//{verb} is only allowed in the standard library"));
        }
        for msg in msgs {
            // gc points after the `//`.
            self.diags.error(Pos { col: pos.col + 2, ..pos }, msg);
            self.directive_errors += 1;
        }
    }

    /// Reports the directive comment at `pos` as misplaced.
    pub fn misplaced_directive(&mut self, pos: Pos) {
        // gc points after the `//`.
        self.diags.error(Pos { col: pos.col + 2, ..pos }, "misplaced compiler directive");
        self.directive_errors += 1;
    }

    /// After `/*`: skips to the closing `*/`.
    fn full_comment(&mut self) {
        loop {
            if self.is(b'*') {
                while self.is(b'*') {
                    self.nextch();
                }
                if self.got(b'/') {
                    return;
                }
            }
            if self.ch == EOF {
                self.diags.error(self.pos, "comment not terminated");
                return;
            }
            self.nextch();
        }
    }

    // ---- identifiers ----

    /// The rest of an identifier or keyword whose first character is consumed.
    fn ident(&mut self) {
        while is_ascii_letter(self.ch) || is_ascii_digit(self.ch) {
            self.nextch();
        }
        if self.ch >= 0x80 {
            while self.at_ident_char(false) {
                self.nextch();
            }
        }
        let word = self.src.get(self.start..self.off).unwrap_or("");
        if let Some(kw) = keyword(word) {
            self.nlsemi = matches!(kw, Tok::Break | Tok::Continue | Tok::Fallthrough | Tok::Return);
            self.tok = kw;
            return;
        }
        self.nlsemi = true;
        self.tok = Tok::Name;
    }

    /// Whether `ch` continues (or, with `first`, starts) an identifier.
    /// Like gc, a non-ASCII character that is not a letter is reported and
    /// then taken as part of the identifier.
    fn at_ident_char(&mut self, first: bool) -> bool {
        let Some(c) = u32::try_from(self.ch).ok().and_then(char::from_u32) else {
            return false;
        };
        if c == '_' || c.is_alphabetic() {
            return true;
        }
        if c.is_numeric() {
            if first {
                self.error_here(format!("identifier cannot begin with digit {}", quote_unicode(c)));
            }
            return true;
        }
        if self.ch >= 0x80 {
            self.error_here(format!("invalid character {} in identifier", quote_unicode(c)));
            return true;
        }
        false
    }

    // ---- numbers ----

    /// A number literal; `seen_point` when a leading `.` was consumed.
    fn number(&mut self, mut seen_point: bool) {
        let mut ok = true;
        let mut kind = LitKind::Int;
        let mut base = 10u32;
        let mut prefix = 0u8; // 0 (decimal), b'0' (old octal), b'x', b'o', b'b'
        let mut digsep = 0u32; // bit 0: a digit, bit 1: a '_'
        let mut invalid: Option<usize> = None; // offset of the first invalid digit

        if !seen_point {
            if self.is(b'0') {
                self.nextch();
                (base, prefix) = match lower(self.ch) {
                    'x' => (16, b'x'),
                    'o' => (8, b'o'),
                    'b' => (2, b'b'),
                    _ => {
                        digsep = 1; // the leading 0
                        (8, b'0')
                    }
                };
                if prefix != b'0' {
                    self.nextch();
                }
            }
            digsep |= self.digits(base, &mut invalid);
            if self.is(b'.') {
                if prefix == b'o' || prefix == b'b' {
                    self.error_here(format!("invalid radix point in {} literal", base_name(base)));
                    ok = false;
                }
                self.nextch();
                seen_point = true;
            }
        }
        if seen_point {
            kind = LitKind::Float;
            digsep |= self.digits(base, &mut invalid);
        }
        if digsep & 1 == 0 && ok {
            self.error_here(format!("{} literal has no digits", base_name(base)));
            ok = false;
        }

        let e = lower(self.ch);
        if e == 'e' || e == 'p' {
            if ok {
                let quoted = quote_rune(char::from_u32(self.ch as u32).unwrap_or(e));
                if e == 'e' && prefix != 0 && prefix != b'0' {
                    self.error_here(format!("{quoted} exponent requires decimal mantissa"));
                    ok = false;
                } else if e == 'p' && prefix != b'x' {
                    self.error_here(format!("{quoted} exponent requires hexadecimal mantissa"));
                    ok = false;
                }
            }
            self.nextch();
            kind = LitKind::Float;
            if self.is(b'+') || self.is(b'-') {
                self.nextch();
            }
            let mut none = None;
            digsep = self.digits(10, &mut none) | (digsep & 2);
            if digsep & 1 == 0 && ok {
                self.error_here("exponent has no digits");
                ok = false;
            }
        } else if prefix == b'x' && kind == LitKind::Float && ok {
            self.error_here("hexadecimal mantissa requires a 'p' exponent");
            ok = false;
        }

        if self.got(b'i') {
            kind = LitKind::Imag;
        }

        let text = self.src.get(self.start..self.off).unwrap_or("");
        if kind == LitKind::Int
            && ok
            && let Some(i) = invalid
        {
            let digit = text.as_bytes().get(i).map_or('?', |&b| b as char);
            self.error_in_token(i, format!("invalid digit {} in {} literal", quote_rune(digit), base_name(base)));
            ok = false;
        }
        if digsep & 2 != 0
            && ok
            && let Some(i) = invalid_separator(text)
        {
            self.error_in_token(i, "'_' must separate successive digits");
            ok = false;
        }
        self.tok = Tok::Lit(kind);
        self.nlsemi = true;
        self.bad = !ok;
    }

    /// Digits of `base` (decimal digits for bases ≤ 10, recording the first
    /// one too large in `invalid`) and `_`; returns the digsep bits.
    fn digits(&mut self, base: u32, invalid: &mut Option<usize>) -> u32 {
        let mut digsep = 0;
        loop {
            let c = self.ch;
            let is_digit = if base <= 10 { is_ascii_digit(c) } else { is_hex(c) };
            if !is_digit && c != '_' as i32 {
                return digsep;
            }
            if c == '_' as i32 {
                digsep |= 2;
            } else {
                digsep |= 1;
                if base < 10 && (c - '0' as i32) as u32 >= base && invalid.is_none() {
                    *invalid = Some(self.off - self.start);
                }
            }
            self.nextch();
        }
    }

    // ---- runes and strings ----

    /// A rune literal `'x'`.
    fn rune(&mut self) {
        let mut ok = true;
        self.nextch();
        let mut n = 0;
        loop {
            if self.is(b'\'') {
                if ok {
                    if n == 0 {
                        self.error_here("empty rune literal or unescaped '");
                        ok = false;
                    } else if n != 1 {
                        self.error_in_token(0, "more than one character in rune literal");
                        ok = false;
                    }
                }
                self.nextch();
                break;
            }
            if self.is(b'\\') {
                self.nextch();
                ok &= self.escape(b'\'');
            } else if self.is(b'\n') {
                if ok {
                    self.error_here("newline in rune literal");
                    ok = false;
                }
                break;
            } else if self.ch == EOF {
                if ok {
                    self.error_in_token(0, "rune literal not terminated");
                    ok = false;
                }
                break;
            } else {
                self.nextch();
            }
            n += 1;
        }
        self.literal(LitKind::Rune, ok);
    }

    /// A string literal, interpreted (`quote` is `"`: escapes are decoded
    /// and a newline ends it with an error) or raw (`quote` is `` ` ``).
    fn string(&mut self, quote: u8) {
        let raw = quote == b'`';
        let mut ok = true;
        self.nextch();
        loop {
            if self.got(quote) {
                break;
            }
            if !raw && self.is(b'\\') {
                self.nextch();
                ok &= self.escape(quote);
                continue;
            }
            if !raw && self.is(b'\n') {
                self.error_here("newline in string");
                ok = false;
                break;
            }
            if self.ch == EOF {
                self.error_in_token(0, "string not terminated");
                ok = false;
                break;
            }
            self.nextch();
        }
        self.literal(LitKind::String, ok);
    }

    fn literal(&mut self, kind: LitKind, ok: bool) {
        self.tok = Tok::Lit(kind);
        self.nlsemi = true;
        self.bad = !ok;
    }

    /// An escape after `\` in a literal quoted by `quote`; false after an
    /// error. At the end of the file it returns true: the caller reports the
    /// unterminated literal.
    fn escape(&mut self, quote: u8) -> bool {
        let (n, base, max): (u32, u32, u32) = match self.ch {
            EOF => return true,
            c if c == quote as i32
                || matches!(c as u8, b'a' | b'b' | b'f' | b'n' | b'r' | b't' | b'v' | b'\\') && c < 0x80 =>
            {
                self.nextch();
                return true;
            }
            c if (b'0' as i32..=b'7' as i32).contains(&c) => (3, 8, 255),
            c if c == 'x' as i32 => (2, 16, 255),
            c if c == 'u' as i32 => (4, 16, 0x10FFFF),
            c if c == 'U' as i32 => (8, 16, 0x10FFFF),
            _ => {
                self.error_here("unknown escape");
                return false;
            }
        };
        if base == 16 {
            self.nextch();
        }
        let mut x: u32 = 0;
        for _ in 0..n {
            if self.ch == EOF {
                return true;
            }
            let d = digit_value(self.ch).unwrap_or(base);
            if d >= base {
                let c = u32::try_from(self.ch).ok().and_then(char::from_u32).unwrap_or('\u{FFFD}');
                self.error_here(format!("invalid character {} in {} escape", quote_rune(c), base_name(base)));
                return false;
            }
            x = x.wrapping_mul(base).wrapping_add(d);
            self.nextch();
        }
        if x > max && base == 8 {
            self.error_here(format!("octal escape value {x} > 255"));
            return false;
        }
        if x > max || (0xD800..0xE000).contains(&x) {
            self.error_here(format!("escape is invalid Unicode code point {}", quote_code_point(x)));
            return false;
        }
        true
    }
}

fn is_ascii_letter(c: i32) -> bool {
    (c >= 'a' as i32 && c <= 'z' as i32) || (c >= 'A' as i32 && c <= 'Z' as i32) || c == '_' as i32
}

fn is_ascii_digit(c: i32) -> bool {
    c >= '0' as i32 && c <= '9' as i32
}

fn is_hex(c: i32) -> bool {
    digit_value(c).is_some_and(|d| d < 16)
}

/// Value of a hexadecimal digit character.
fn digit_value(c: i32) -> Option<u32> {
    u32::try_from(c).ok().and_then(char::from_u32).and_then(|c| c.to_digit(16))
}

/// ASCII lower case of `c` as a char (`'\0'` for non-ASCII and EOF).
fn lower(c: i32) -> char {
    if (0..0x80).contains(&c) { (c as u8).to_ascii_lowercase() as char } else { '\0' }
}

fn base_name(base: u32) -> &'static str {
    match base {
        2 => "binary",
        8 => "octal",
        10 => "decimal",
        _ => "hexadecimal",
    }
}

/// Offset of the first `_` in a number literal that does not separate two
/// digits (a base prefix counts as a digit).
fn invalid_separator(lit: &str) -> Option<usize> {
    let x = lit.as_bytes();
    let mut hex = false;
    let mut prev_class = b'.'; // '_', '0' (a digit) or '.' (anything else)
    let mut i = 0;
    if x.len() >= 2 && x[0] == b'0' {
        let p = x[1].to_ascii_lowercase();
        if matches!(p, b'x' | b'o' | b'b') {
            hex = p == b'x';
            prev_class = b'0';
            i = 2;
        }
    }
    while i < x.len() {
        let c = x[i];
        let class = if c == b'_' {
            b'_'
        } else if c.is_ascii_digit() || (hex && c.is_ascii_hexdigit()) {
            b'0'
        } else {
            b'.'
        };
        if class == b'_' && prev_class != b'0' {
            return Some(i);
        }
        if class == b'.' && prev_class == b'_' {
            return Some(i - 1);
        }
        prev_class = class;
        i += 1;
    }
    (prev_class == b'_').then(|| x.len() - 1)
}

/// Whether Go's `unicode.IsPrint` would accept `c` (approximately: no
/// controls, no separators other than the ASCII space, no format characters).
pub fn is_print(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    if c.is_control() || c.is_whitespace() {
        return false;
    }
    let u = c as u32;
    !matches!(u, 0xAD | 0x600..=0x605 | 0x61C | 0x6DD | 0x70F | 0x180E | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0xFEFF | 0xFFF9..=0xFFFB | 0xE000..=0xF8FF | 0xF0000..)
}

/// Go's `%#U`: `U+0040 '@'`, or just `U+0000` for unprintable characters.
pub fn quote_unicode(c: char) -> String {
    if is_print(c) { format!("U+{:04X} '{}'", c as u32, c) } else { format!("U+{:04X}", c as u32) }
}

/// `%#U` of a code point that may not be a valid `char`.
fn quote_code_point(x: u32) -> String {
    match char::from_u32(x) {
        Some(c) => quote_unicode(c),
        None => format!("U+{x:04X}"),
    }
}

/// Go's `%q` of a rune: `'a'`, `'\n'`, `'\x00'`, `'\u200b'`.
pub fn quote_rune(c: char) -> String {
    let body = match c {
        '\x07' => "\\a".to_string(),
        '\x08' => "\\b".to_string(),
        '\x0c' => "\\f".to_string(),
        '\n' => "\\n".to_string(),
        '\r' => "\\r".to_string(),
        '\t' => "\\t".to_string(),
        '\x0b' => "\\v".to_string(),
        '\\' => "\\\\".to_string(),
        '\'' => "\\'".to_string(),
        c if is_print(c) => c.to_string(),
        c if (c as u32) < 0x20 || c as u32 == 0x7f => format!("\\x{:02x}", c as u32),
        c if (c as u32) < 0x10000 => format!("\\u{:04x}", c as u32),
        c => format!("\\U{:08x}", c as u32),
    };
    format!("'{body}'")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(src: &str) -> (Vec<(Tok, String)>, Diagnostics) {
        let mut diags = Diagnostics::default();
        let mut out = Vec::new();
        {
            let mut lx = Lexer::new(src, FileId(0), &mut diags);
            loop {
                lx.next();
                if lx.tok == Tok::Eof {
                    break;
                }
                out.push((lx.tok, lx.describe()));
            }
        }
        (out, diags)
    }

    #[test]
    fn semicolons_are_inserted() {
        let (toks, diags) = tokens("x\ny := 1 // c\nreturn\n}\n/* a\nb */");
        assert!(diags.is_empty());
        let words: Vec<&str> = toks.iter().map(|(_, s)| s.as_str()).collect();
        assert_eq!(
            words,
            ["name x", "newline", "name y", ":=", "literal 1", "newline", "keyword return", "newline", "}", "newline"]
        );
    }

    #[test]
    fn numbers() {
        for (src, kind) in [
            ("0x1p-2", LitKind::Float),
            ("1_000", LitKind::Int),
            ("0b1010", LitKind::Int),
            ("0o17", LitKind::Int),
            ("017", LitKind::Int),
            ("09.5", LitKind::Float),
            ("09i", LitKind::Imag),
            (".5e3", LitKind::Float),
            ("0x_1F", LitKind::Int),
            ("1e+10i", LitKind::Imag),
        ] {
            let (toks, diags) = tokens(src);
            assert!(diags.is_empty(), "{src}: {diags:?}");
            assert_eq!(toks[0].0, Tok::Lit(kind), "{src}");
            assert_eq!(toks[0].1, format!("literal {src}"));
        }
    }

    #[test]
    fn separators() {
        assert_eq!(invalid_separator("1_000"), None);
        assert_eq!(invalid_separator("1__0"), Some(2));
        assert_eq!(invalid_separator("1_"), Some(1));
        assert_eq!(invalid_separator("0x_1"), None);
        assert_eq!(invalid_separator("0_x1"), Some(1));
        assert_eq!(invalid_separator("1._5"), Some(2));
    }

    #[test]
    fn quoting() {
        assert_eq!(quote_unicode('@'), "U+0040 '@'");
        assert_eq!(quote_unicode('\u{1}'), "U+0001");
        assert_eq!(quote_rune('\n'), "'\\n'");
        assert_eq!(quote_rune('"'), "'\"'");
        assert_eq!(quote_rune('\u{200b}'), "'\\u200b'");
    }
}
