//! Language versions: which release of Go a file is written in, and gc's
//! errors for features newer than that.
//!
//! The model is gc 1.27's (the go command and types2 together):
//! * A package has a *language version*, gc's `-lang`: the `go` line of
//!   the go.mod of the module it belongs to (`go 1.20` → go1.20; a go.mod
//!   without a `go` line means go1.16). Files named one by one on the
//!   command line (`go build x.go`) belong to no module and get the
//!   toolchain's own version, [`LangVersion::CURRENT`], even inside a
//!   module. The driver decides this ([`PackageSpec::lang`]); this crate
//!   does no file IO.
//! * A file may declare its own version with a `//go:build` line before the
//!   package clause: the least Go version the constraint implies
//!   ([`build_constraint_version`]). Its version is then that, but never
//!   below go1.21 (the first release that honoured such lines), whether
//!   that is an upgrade or a downgrade of the package's version.
//! * A feature newer than the file's version is an error,
//!   `<what> requires go1.N or later`, followed by gc's hint: `(file
//!   declares //go:build go1.N)` when the file's own line set its version
//!   exactly, else `(-lang was set to go1.M; check go.mod)`.
//!
//! The seam for features: [`Checker::require_version`] (checks and
//! reports) and [`Checker::allows`] (only checks); lowering reads a file's
//! version from [`Info::file_langs`] for semantics that changed (loop
//! variables, go1.22).
//!
//! [`PackageSpec::lang`]: crate::PackageSpec::lang
//! [`Info::file_langs`]: crate::Info::file_langs

use std::fmt;

use syntax::Pos;

use crate::check::Checker;

/// A language version of Go 1, `go1.N` (patch releases do not change the
/// language, so a version is its minor number).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LangVersion {
    minor: u32,
}

impl LangVersion {
    /// `go1.minor`.
    pub const fn go1(minor: u32) -> LangVersion {
        LangVersion { minor }
    }

    /// The version of Go deft implements, and gc's `-lang` outside a module.
    pub const CURRENT: LangVersion = LangVersion::go1(27);

    /// The version of a module whose go.mod has no `go` line.
    pub const GO_MOD_DEFAULT: LangVersion = LangVersion::go1(16);

    /// The least version a `//go:build` line can set a file to.
    pub const FILE_MIN: LangVersion = LangVersion::go1(21);

    /// Type aliases.
    pub const GO1_9: LangVersion = LangVersion::go1(9);
    /// Binary, `0o` and hexadecimal floating-point literals, `_` in
    /// numeric literals, signed shift counts.
    pub const GO1_13: LangVersion = LangVersion::go1(13);
    /// Overlapping embedded interfaces.
    pub const GO1_14: LangVersion = LangVersion::go1(14);
    /// Type parameters, `any`, `comparable`.
    pub const GO1_18: LangVersion = LangVersion::go1(18);
    /// Slice to array pointer conversions, `unsafe.Add`, `unsafe.Slice`.
    pub const GO1_17: LangVersion = LangVersion::go1(17);
    /// Slice to array conversions, `unsafe.String`, `unsafe.StringData`,
    /// `unsafe.SliceData`.
    pub const GO1_20: LangVersion = LangVersion::go1(20);
    /// `min`, `max`, `clear`.
    pub const GO1_21: LangVersion = LangVersion::go1(21);
    /// Range over integers; a new variable per loop iteration.
    pub const GO1_22: LangVersion = LangVersion::go1(22);
    /// Range over functions.
    pub const GO1_23: LangVersion = LangVersion::go1(23);
    /// `new(expr)`.
    pub const GO1_26: LangVersion = LangVersion::go1(26);
    /// Methods with type parameters of their own; promoted fields in
    /// struct literals.
    pub const GO1_27: LangVersion = LangVersion::go1(27);

    /// The minor number N of go1.N.
    pub fn minor(self) -> u32 {
        self.minor
    }

    /// The version of a go.mod `go` line's operand: `1.21`, `1.21.3`,
    /// `1.21rc1`, `1.21.0`; also `1` (go1.0). `None` if it is not one.
    pub fn parse_go_mod(s: &str) -> Option<LangVersion> {
        let rest = s.strip_prefix('1')?;
        if rest.is_empty() {
            return Some(LangVersion::go1(0));
        }
        let rest = rest.strip_prefix('.')?;
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let minor: u32 = rest[..digits].parse().ok()?;
        let tail = &rest[digits..];
        // A patch number, or a pre-release suffix (`rc1`, `beta2`).
        let ok = tail.is_empty()
            || tail.strip_prefix('.').is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
            || ["rc", "beta"].iter().any(|pre| {
                tail.strip_prefix(pre).is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
            });
        ok.then_some(LangVersion::go1(minor))
    }

    /// The version a build tag names: `go1` or `go1.N` (exactly; `go1.21.3`
    /// is not a language version tag).
    pub fn parse_tag(tag: &str) -> Option<LangVersion> {
        if tag == "go1" {
            return Some(LangVersion::go1(0));
        }
        let n = tag.strip_prefix("go1.")?;
        if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        n.parse().ok().map(LangVersion::go1)
    }
}

impl fmt::Display for LangVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "go1.{}", self.minor)
    }
}

/// The version a file is checked with, and where it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct FileLang {
    pub version: LangVersion,
    /// The file's `//go:build` line set `version` exactly (gc then names
    /// the line in version errors).
    pub declared: bool,
}

/// The least Go version a `//go:build` expression implies (`go1.21 &&
/// linux` → go1.21; `go1.21 || go1.22` → go1.21; `go1.21 || linux` and
/// `!go1.21` → none), or `None` when it can be satisfied without any
/// `go1.N` tag or does not parse.
///
/// The expression is reduced to a number, "none" being the least: a tag
/// names its version; `&&` needs both sides (the greater), `||` either (the
/// lesser); a negation swaps the roles of `&&` and `||` below it, and a
/// negated tag implies nothing.
pub fn build_constraint_version(expr: &str) -> Option<LangVersion> {
    let tokens = tokenize(expr)?;
    let mut p = ConstraintParser { tokens, at: 0 };
    let v = p.or(true)?;
    if p.at != p.tokens.len() {
        return None;
    }
    v
}

#[derive(Clone, Debug, PartialEq)]
enum Token {
    Tag(String),
    And,
    Or,
    Not,
    Open,
    Close,
}

fn tokenize(s: &str) -> Option<Vec<Token>> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b' ' | b'\t' => i += 1,
            b'(' => {
                out.push(Token::Open);
                i += 1;
            }
            b')' => {
                out.push(Token::Close);
                i += 1;
            }
            b'!' => {
                out.push(Token::Not);
                i += 1;
            }
            b'&' if b.get(i + 1) == Some(&b'&') => {
                out.push(Token::And);
                i += 2;
            }
            b'|' if b.get(i + 1) == Some(&b'|') => {
                out.push(Token::Or);
                i += 2;
            }
            c if c.is_ascii_alphanumeric() || c == b'_' || c == b'.' => {
                let start = i;
                while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] == b'.') {
                    i += 1;
                }
                out.push(Token::Tag(s[start..i].to_string()));
            }
            _ => return None,
        }
    }
    Some(out)
}

/// Recursive descent over the tokens; each level returns the implied
/// version (`Some(None)` = none) or `None` for a malformed expression.
/// `positive` is false under an odd number of negations.
struct ConstraintParser {
    tokens: Vec<Token>,
    at: usize,
}

/// The version both of two requirements imply.
fn both(a: Option<LangVersion>, b: Option<LangVersion>) -> Option<LangVersion> {
    a.max(b)
}

/// The version either of two requirements implies ("none" is least).
fn either(a: Option<LangVersion>, b: Option<LangVersion>) -> Option<LangVersion> {
    a.min(b)
}

impl ConstraintParser {
    fn eat(&mut self, t: &Token) -> bool {
        if self.tokens.get(self.at) == Some(t) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn or(&mut self, positive: bool) -> Option<Option<LangVersion>> {
        let mut v = self.and(positive)?;
        while self.eat(&Token::Or) {
            let w = self.and(positive)?;
            v = if positive { either(v, w) } else { both(v, w) };
        }
        Some(v)
    }

    fn and(&mut self, positive: bool) -> Option<Option<LangVersion>> {
        let mut v = self.not(positive)?;
        while self.eat(&Token::And) {
            let w = self.not(positive)?;
            v = if positive { both(v, w) } else { either(v, w) };
        }
        Some(v)
    }

    fn not(&mut self, positive: bool) -> Option<Option<LangVersion>> {
        if self.eat(&Token::Not) {
            return self.not(!positive);
        }
        if self.eat(&Token::Open) {
            let v = self.or(positive)?;
            return self.eat(&Token::Close).then_some(v);
        }
        match self.tokens.get(self.at) {
            Some(Token::Tag(tag)) => {
                let v = if positive { LangVersion::parse_tag(tag) } else { None };
                self.at += 1;
                Some(v)
            }
            _ => None,
        }
    }
}

impl Checker<'_> {
    /// The language version of the file `pos` is in (the package's when the
    /// position is unknown or in no file of the package).
    pub(crate) fn lang_at(&self, pos: Pos) -> LangVersion {
        self.file_lang(pos).version
    }

    fn file_lang(&self, pos: Pos) -> FileLang {
        self.file_langs.get(&pos.file).copied().unwrap_or(FileLang { version: self.package_lang(), declared: false })
    }

    /// The language version of the package being checked (gc's `-lang`).
    pub(crate) fn package_lang(&self) -> LangVersion {
        self.pkg.and_then(|p| self.info.packages.get(p.0 as usize)).map_or(LangVersion::CURRENT, |p| p.spec.lang)
    }

    /// Whether code at `pos` may use a feature of Go `version`.
    pub(crate) fn allows(&self, pos: Pos, version: LangVersion) -> bool {
        self.lang_at(pos) >= version
    }

    /// Checks that code at `pos` may use a feature of Go `version`; if not,
    /// reports `{what} requires {version} or later` with gc's hint and
    /// returns false. `what` is gc's wording of the feature (`built-in
    /// min`, `clear`, `cannot range over 3 (untyped int constant):`).
    pub(crate) fn require_version(&mut self, pos: Pos, what: &str, version: LangVersion) -> bool {
        if self.allows(pos, version) {
            return true;
        }
        let msg = self.version_message(pos, &format!("{what} requires {version} or later"));
        self.error(pos, msg);
        false
    }

    /// Appends gc's hint to a message that says `requires go1.N or later`
    /// about code at `pos`: the `//go:build` line that set the file's
    /// version, or the package's `-lang`.
    pub(crate) fn version_message(&self, pos: Pos, msg: &str) -> String {
        let file = self.file_lang(pos);
        if file.declared {
            format!("{msg} (file declares //go:build {})", file.version)
        } else {
            format!("{msg} (-lang was set to {}; check go.mod)", self.package_lang())
        }
    }

    /// Sets the version of each file of the package being checked from its
    /// `//go:build` line; a file that asks for a newer Go than deft's is an
    /// error at its package name, as in types2.
    pub(crate) fn set_file_langs(&mut self) {
        let package = self.package_lang();
        self.file_langs.clear();
        for f in self.files {
            let declared = f.go_build.as_deref().and_then(build_constraint_version);
            let lang = match declared {
                Some(v) => {
                    if v > LangVersion::CURRENT {
                        self.error(
                            f.package.pos,
                            format!(
                                "file requires newer Go version {v} (application built with {})",
                                LangVersion::CURRENT
                            ),
                        );
                    }
                    let version = v.max(LangVersion::FILE_MIN);
                    FileLang { version, declared: version == v }
                }
                None => FileLang { version: package, declared: false },
            };
            self.file_langs.insert(f.package_pos.file, lang);
            self.info.file_langs.insert(f.package_pos.file, lang.version);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(n: u32) -> Option<LangVersion> {
        Some(LangVersion::go1(n))
    }

    #[test]
    fn go_mod_versions() {
        assert_eq!(LangVersion::parse_go_mod("1.21"), v(21));
        assert_eq!(LangVersion::parse_go_mod("1.21.3"), v(21));
        assert_eq!(LangVersion::parse_go_mod("1.20rc1"), v(20));
        assert_eq!(LangVersion::parse_go_mod("1"), v(0));
        for bad in ["1.x", "go1.21", "1.", "1.21.", "2.1", "1.21rc", ""] {
            assert_eq!(LangVersion::parse_go_mod(bad), None, "{bad}");
        }
    }

    #[test]
    fn constraint_versions() {
        assert_eq!(build_constraint_version("go1.21"), v(21));
        assert_eq!(build_constraint_version("linux && go1.22"), v(22));
        assert_eq!(build_constraint_version("go1.21 && go1.23"), v(23));
        assert_eq!(build_constraint_version("go1.21 || go1.23"), v(21));
        assert_eq!(build_constraint_version("linux && (go1.22 || go1.23)"), v(22));
        assert_eq!(build_constraint_version("go1.21 || linux"), None);
        assert_eq!(build_constraint_version("!go1.21"), None);
        assert_eq!(build_constraint_version("!(!go1.21)"), v(21));
        assert_eq!(build_constraint_version("!(!go1.21 || !go1.22)"), v(22));
        assert_eq!(build_constraint_version("go1.21.3"), None);
        assert_eq!(build_constraint_version("go1.21 &&"), None);
        assert_eq!(build_constraint_version("(go1.21"), None);
        assert_eq!(build_constraint_version("ignore"), None);
    }

    #[test]
    fn display() {
        assert_eq!(LangVersion::go1(21).to_string(), "go1.21");
    }
}
