//! Module paths and versions as the go command checks them: semantic
//! versions (`v1.2.3-pre+build`), the major-version suffix of a module path
//! (`/v2`, gopkg.in's `.v2`), import-path syntax, and the `go` and
//! `toolchain` version formats of go.mod.
//!
//! Every function here is pure and total; the wording of each error is the
//! go command's (gc 1.27.3), checked by hand against `go list`.

use syntax::lexer::{is_print, quote_rune};

/// A parsed semantic version (`v` MAJOR[.MINOR[.PATCH[-PRE][+BUILD]]]).
struct Semver<'a> {
    major: &'a str,
    minor: &'a str,
    patch: &'a str,
    /// With its leading `-`, or empty.
    pre: &'a str,
    /// With its leading `+`, or empty.
    build: &'a str,
}

/// Splits a run of ASCII digits off the front of `s`.
fn digits(s: &str) -> (&str, &str) {
    s.split_at(s.bytes().take_while(u8::is_ascii_digit).count())
}

/// A version number: digits without a leading zero (`0` itself is fine).
fn number(s: &str) -> Option<(&str, &str)> {
    let (n, rest) = digits(s);
    (!n.is_empty() && (n == "0" || !n.starts_with('0'))).then_some((n, rest))
}

/// Dot-separated identifiers of `[0-9A-Za-z-]`, none empty; `numeric`
/// identifiers (all digits) may not have a leading zero when `strict`.
fn identifiers(s: &str, strict: bool) -> bool {
    s.split('.').all(|id| {
        !id.is_empty()
            && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !(strict && id.len() > 1 && id.starts_with('0') && id.bytes().all(|b| b.is_ascii_digit()))
    })
}

fn parse_semver(v: &str) -> Option<Semver<'_>> {
    let (major, rest) = number(v.strip_prefix('v')?)?;
    let Some(rest) = rest.strip_prefix('.') else {
        return rest.is_empty().then_some(Semver { major, minor: "0", patch: "0", pre: "", build: "" });
    };
    let (minor, rest) = number(rest)?;
    let Some(rest) = rest.strip_prefix('.') else {
        return rest.is_empty().then_some(Semver { major, minor, patch: "0", pre: "", build: "" });
    };
    let (patch, rest) = number(rest)?;
    let (pre, build) = rest.split_at(rest.find('+').unwrap_or(rest.len()));
    let pre_ok = pre.is_empty() || pre.strip_prefix('-').is_some_and(|p| identifiers(p, true));
    let build_ok = build.is_empty() || identifiers(&build[1..], false);
    (pre_ok && build_ok).then_some(Semver { major, minor, patch, pre, build })
}

/// The canonical form of a module version, or `None` if `v` is not a
/// semantic version: shorthands filled in (`v1.2` → `v1.2.0`), build
/// metadata dropped except `+incompatible`.
pub fn canonical_version(v: &str) -> Option<String> {
    let s = parse_semver(v)?;
    let build = if s.build == "+incompatible" { s.build } else { "" };
    Some(format!("v{}.{}.{}{}{}", s.major, s.minor, s.patch, s.pre, build))
}

/// Whether `v` is a semantic version (possibly a shorthand).
pub fn is_semver(v: &str) -> bool {
    parse_semver(v).is_some()
}

/// The major version (`v2`) of a semantic version.
fn semver_major(v: &str) -> Option<&str> {
    let s = parse_semver(v)?;
    Some(&v[..1 + s.major.len()])
}

/// The major-version suffix of a module path: `/v2` for `example.com/m/v2`,
/// `.v2` (or `.v2-unstable`) for `gopkg.in/yaml.v2`, `""` for none; `None`
/// if the path is malformed (`/v0`, `/v1`, `/v02`, `/v2.0`, or a gopkg.in
/// path without `.vN`).
pub fn path_major(path: &str) -> Option<&str> {
    if path.starts_with("gopkg.in/") {
        return gopkg_in_major(path);
    }
    let tail = path.len() - path.bytes().rev().take_while(|b| b.is_ascii_digit() || *b == b'.').count();
    let Some(prefix) = path[..tail].strip_suffix("/v") else { return Some("") };
    let n = &path[tail..];
    if n.is_empty() || prefix.is_empty() {
        return Some("");
    }
    let malformed = n.contains('.') || n.starts_with('0') || n == "1";
    (!malformed).then_some(&path[tail - 2..])
}

fn gopkg_in_major(path: &str) -> Option<&str> {
    let stem = path.strip_suffix("-unstable").unwrap_or(path);
    let (_, n) = stem.split_at(stem.len() - stem.bytes().rev().take_while(u8::is_ascii_digit).count());
    let start = stem.len() - n.len();
    let ok = !n.is_empty() && stem[..start].ends_with(".v") && (n == "0" || !n.starts_with('0'));
    ok.then(|| &path[start - 2..])
}

/// Whether version `v` (canonical) may be a version of a module whose
/// path has major suffix `major`; the error is the go command's
/// (`should be v2, not v1`).
pub fn check_path_major(v: &str, major: &str) -> Result<(), String> {
    let have = semver_major(v).unwrap_or(v);
    let want = major.trim_start_matches(['/', '.']).trim_end_matches("-unstable");
    if want.is_empty() {
        // An unsuffixed path takes v0 and v1, and any +incompatible version.
        if matches!(have, "v0" | "v1") || v.ends_with("+incompatible") {
            return Ok(());
        }
        return Err(format!("should be v0 or v1, not {have}"));
    }
    if have == want { Ok(()) } else { Err(format!("should be {want}, not {have}")) }
}

/// Whether `v` is the version of a `go` line: `1.N`, `1.N.P`, optionally
/// followed by a pre-release such as `rc1` (`1.21rc1`, `1.21.0rc1`);
/// no leading zeros. `1` alone is not.
pub fn is_go_version(v: &str) -> bool {
    let Some((_, rest)) = number(v).filter(|(major, _)| *major != "0") else { return false };
    let Some((_, rest)) = rest.strip_prefix('.').and_then(number) else { return false };
    let rest = match rest.strip_prefix('.').map(number) {
        Some(Some((_, rest))) => rest,
        Some(None) => return false,
        None => rest,
    };
    let (word, n) = rest.split_at(rest.bytes().take_while(u8::is_ascii_lowercase).count());
    rest.is_empty() || (!word.is_empty() && !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether `v` is the version of a `toolchain` line: `default`, `go1`, or
/// `go1.` followed by anything (`go1.21.0-custom`).
pub fn is_toolchain_version(v: &str) -> bool {
    v == "default" || v == "go1" || v.starts_with("go1.")
}

/// Go's `%q` of a string: double quotes, escapes as Go writes them.
pub fn quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\'' => out.push('\''),
            c => {
                let q = quote_rune(c);
                out.push_str(&q[1..q.len() - 1]);
            }
        }
    }
    out.push('"');
    out
}

/// The characters an element of an import path may hold: ASCII letters
/// and digits and `-._~+`.
fn import_path_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_' | '~' | '+')
}

/// Device names Windows reserves, which no path element may be (before
/// its first dot, in any case).
const WINDOWS_RESERVED: [&str; 22] = [
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2",
    "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

/// Checks an import path (which a main module's path must be), with the
/// go command's reasons: `empty string`, `leading dash`, `double slash`,
/// `trailing slash`, then per element `empty path element`, `invalid path
/// element "."`, `trailing dot in path element`, `invalid char '@'`,
/// `trailing tilde and digits in path element`, `"con" disallowed as path
/// element component on Windows`.
pub fn check_import_path(path: &str) -> Result<(), String> {
    let whole = [
        (path.is_empty(), "empty string"),
        (path.starts_with('-'), "leading dash"),
        (path.contains("//"), "double slash"),
        (path.ends_with('/'), "trailing slash"),
    ];
    if let Some((_, why)) = whole.iter().find(|(bad, _)| *bad) {
        return Err(why.to_string());
    }
    path.split('/').try_for_each(check_element)
}

fn check_element(elem: &str) -> Result<(), String> {
    if elem.is_empty() {
        return Err("empty path element".into());
    }
    if elem == "." || elem == ".." {
        return Err(format!("invalid path element {}", quote(elem)));
    }
    if elem.ends_with('.') {
        return Err("trailing dot in path element".into());
    }
    if let Some(c) = elem.chars().find(|c| !import_path_char(*c)) {
        return Err(format!("invalid char {}", quote_rune(c)));
    }
    let short = elem.split('.').next().unwrap_or(elem);
    if let Some((_, n)) = short.rsplit_once('~')
        && !n.is_empty()
        && n.bytes().all(|b| b.is_ascii_digit())
    {
        return Err("trailing tilde and digits in path element".into());
    }
    if WINDOWS_RESERVED.iter().any(|r| r.eq_ignore_ascii_case(short)) {
        return Err(format!("{} disallowed as path element component on Windows", quote(short)));
    }
    Ok(())
}

/// Whether `c` may appear in an unquoted token of go.mod: printable and
/// not a space or one of `()[]{},`.
pub fn is_ident_char(c: char) -> bool {
    !matches!(c, ' ' | '(' | ')' | '[' | ']' | '{' | '}' | ',') && !c.is_whitespace() && is_print(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_versions() {
        let cases = [
            ("v1.2.3", Some("v1.2.3")),
            ("v1", Some("v1.0.0")),
            ("v1.2", Some("v1.2.0")),
            ("v1.0.0-rc.1+meta", Some("v1.0.0-rc.1")),
            ("v1.0.0+meta", Some("v1.0.0")),
            ("v2.0.0+incompatible", Some("v2.0.0+incompatible")),
            ("v1.0.0-RC1", Some("v1.0.0-RC1")),
            ("v0.0.0-20200101000000-abcdefabcdef", Some("v0.0.0-20200101000000-abcdefabcdef")),
            ("1.0.0", None),
            ("V1.0.0", None),
            ("v01.0.0", None),
            ("v1.0.0-01", None),
            ("v1.0.0-a..b", None),
            ("v1.0.0-", None),
            ("v1.2-pre", None),
            ("latest", None),
            ("v1.0.0+00", Some("v1.0.0")),
        ];
        for (v, want) in cases {
            assert_eq!(canonical_version(v).as_deref(), want, "{v}");
            assert_eq!(is_semver(v), want.is_some(), "{v}");
        }
    }

    #[test]
    fn path_majors() {
        let cases = [
            ("example.com/a", Some("")),
            ("example.com/a/v2", Some("/v2")),
            ("example.com/a/v10", Some("/v10")),
            ("example.com/a/v0", None),
            ("example.com/a/v1", None),
            ("example.com/a/v02", None),
            ("example.com/a/v2.0", None),
            ("example.com/a/v", Some("")),
            ("example.com/a/v2x", Some("")),
            ("v2", Some("")),
            ("gopkg.in/yaml.v2", Some(".v2")),
            ("gopkg.in/yaml.v0", Some(".v0")),
            ("gopkg.in/yaml.v2-unstable", Some(".v2-unstable")),
            ("gopkg.in/yaml", None),
            ("gopkg.in/yaml.v02", None),
        ];
        for (path, want) in cases {
            assert_eq!(path_major(path), want, "{path}");
        }
    }

    #[test]
    fn majors_checked_against_paths() {
        let cases = [
            ("v1.0.0", "", Ok(())),
            ("v0.1.0", "", Ok(())),
            ("v2.0.0", "", Err("should be v0 or v1, not v2")),
            ("v2.0.0+incompatible", "", Ok(())),
            ("v2.0.0+incompatible", "/v2", Ok(())),
            ("v2.0.0+incompatible", "/v3", Err("should be v3, not v2")),
            ("v1.0.0", "/v2", Err("should be v2, not v1")),
            ("v3.0.0", ".v2", Err("should be v2, not v3")),
            ("v0.1.0", ".v1", Err("should be v1, not v0")),
            ("v1.1.0", ".v0", Err("should be v0, not v1")),
            ("v2.1.0", ".v2-unstable", Ok(())),
        ];
        for (v, major, want) in cases {
            assert_eq!(check_path_major(v, major), want.map_err(String::from), "{v} {major}");
        }
    }

    #[test]
    fn go_and_toolchain_versions() {
        for v in ["1.21", "1.21.0", "1.21rc1", "1.21.0rc1", "1.21a1", "2.0", "1.0"] {
            assert!(is_go_version(v), "{v}");
        }
        for v in ["1", "1.x", "1.021", "1.21.00", "01.21", "1.21.0.1", "1.21beta", "1.21rc", "\"1.21\"", "1.21;", ""] {
            assert!(!is_go_version(v), "{v}");
        }
        for v in ["go1.21.0", "go1.21", "go1", "go1.", "go1.x", "go1.21.0-custom", "default"] {
            assert!(is_toolchain_version(v), "{v}");
        }
        for v in ["1.21", "go10", "go1x", "gccgo1.21", "\"go1.21\""] {
            assert!(!is_toolchain_version(v), "{v}");
        }
    }

    #[test]
    fn import_paths() {
        let cases = [
            ("example.com/m", Ok(())),
            ("m", Ok(())),
            (".a", Ok(())),
            ("a/.b", Ok(())),
            ("a~", Ok(())),
            ("a+b", Ok(())),
            ("A", Ok(())),
            ("a..b", Ok(())),
            ("a/b~1x", Ok(())),
            ("a/COM0", Ok(())),
            ("a/conx", Ok(())),
            ("", Err("empty string")),
            ("/a", Err("empty path element")),
            ("a/", Err("trailing slash")),
            ("a//b", Err("double slash")),
            ("a/./b", Err("invalid path element \".\"")),
            ("a/../b", Err("invalid path element \"..\"")),
            ("a.", Err("trailing dot in path element")),
            ("a@b", Err("invalid char '@'")),
            ("-a", Err("leading dash")),
            ("-a/b@", Err("leading dash")),
            ("a//b@", Err("double slash")),
            ("a@/", Err("trailing slash")),
            ("a@./b", Err("trailing dot in path element")),
            ("a.@/b", Err("invalid char '@'")),
            ("a b", Err("invalid char ' '")),
            ("é", Err("invalid char 'é'")),
            ("\u{1}", Err("invalid char '\\x01'")),
            ("a\\b", Err("invalid char '\\\\'")),
            ("a/b~1", Err("trailing tilde and digits in path element")),
            ("a/b~1.x", Err("trailing tilde and digits in path element")),
            ("a/~1", Err("trailing tilde and digits in path element")),
            ("con", Err("\"con\" disallowed as path element component on Windows")),
            ("a/CON", Err("\"CON\" disallowed as path element component on Windows")),
            ("a/lpt9.x", Err("\"lpt9\" disallowed as path element component on Windows")),
            ("a/aux.", Err("trailing dot in path element")),
        ];
        for (path, want) in cases {
            assert_eq!(check_import_path(path), want.map_err(String::from), "{path}");
        }
    }

    #[test]
    fn quoting() {
        assert_eq!(quote("a\"b"), r#""a\"b""#);
        assert_eq!(quote("it's é\n\u{1}"), r#""it's é\n\x01""#);
        assert_eq!(quote("a\\b"), r#""a\\b""#);
    }

    #[test]
    fn token_characters() {
        for c in ['a', '"', '`', '=', '>', '/', 'é', '\u{fffd}'] {
            assert!(is_ident_char(c), "{c:?}");
        }
        for c in
            [' ', '\t', '\r', '\n', '(', ')', '[', ']', '{', '}', ',', '\u{b}', '\u{a0}', '\u{200b}', '\u{feff}', '\0']
        {
            assert!(!is_ident_char(c), "{c:?}");
        }
    }
}
