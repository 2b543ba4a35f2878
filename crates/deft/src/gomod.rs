//! The language version of the user's package, as the go command decides
//! gc's `-lang` (see `types::lang` for the whole version model).
//!
//! * A package directory (`deft run DIR`, `go build ./DIR`) belongs to the
//!   module of the nearest go.mod in it or above it: its `go` line is the
//!   version (a go.mod without one means go1.16). Without a go.mod the go
//!   command refuses to build a directory; deft then uses its own version.
//! * Files named one by one (`deft run a.go b.go`) belong to no module,
//!   even inside one: gc 1.27.3 compiles them with `-lang` its own version.
//! * `-gcflags=-lang=go1.N` overrides both, as it does for gc.
//!
//! Only the `go` directive of go.mod is read; a malformed one, or one newer
//! than deft's Go, is reported in the go command's words.

use std::path::{Path, PathBuf};

use types::LangVersion;

/// The language version for `inputs` (the operands of `deft run`), or the
/// go command's error.
pub fn package_lang(inputs: &[String], flag: Option<LangVersion>) -> Result<LangVersion, String> {
    if let Some(v) = flag {
        return Ok(v);
    }
    let dir = match inputs {
        [one] if Path::new(one).is_dir() => Path::new(one),
        _ => return Ok(LangVersion::CURRENT),
    };
    let Some(go_mod) = find_go_mod(dir) else { return Ok(LangVersion::CURRENT) };
    let text = std::fs::read_to_string(&go_mod).map_err(|e| format!("go: reading {}: {e}", go_mod.display()))?;
    // Named as the go command names it: relative to the current directory.
    let shown = std::env::current_dir().ok().and_then(|cwd| go_mod.strip_prefix(cwd).ok().map(Path::to_path_buf));
    let shown = shown.as_deref().unwrap_or(&go_mod).display();
    let v = go_directive(&text).map_err(|(line, msg)| format!("go: errors parsing go.mod:\n{shown}:{line}: {msg}"))?;
    let v = v.unwrap_or(LangVersion::GO_MOD_DEFAULT);
    if v > LangVersion::CURRENT {
        let current = LangVersion::CURRENT.minor();
        return Err(format!("go: go.mod requires go >= 1.{} (deft implements go 1.{current})", v.minor()));
    }
    Ok(v)
}

/// The nearest `go.mod` in `dir` or a directory above it.
fn find_go_mod(dir: &Path) -> Option<PathBuf> {
    let abs = std::fs::canonicalize(dir).ok()?;
    abs.ancestors().map(|d| d.join("go.mod")).find(|p| p.is_file())
}

/// The version of go.mod's `go` directive, if it has one; an invalid one
/// is an error (line number, message).
fn go_directive(text: &str) -> Result<Option<LangVersion>, (usize, String)> {
    for (i, line) in text.lines().enumerate() {
        let line = line.split("//").next().unwrap_or("").trim();
        let mut words = line.split_whitespace();
        if words.next() != Some("go") {
            continue;
        }
        let arg = words.next().unwrap_or("");
        return match LangVersion::parse_go_mod(arg) {
            Some(v) if words.next().is_none() => Ok(Some(v)),
            _ => Err((i + 1, format!("invalid go version '{arg}': must match format 1.23.0"))),
        };
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_lines() {
        assert_eq!(go_directive("module m\n\ngo 1.20\n"), Ok(Some(LangVersion::go1(20))));
        assert_eq!(go_directive("module m // x\ngo 1.21.3 // comment\n"), Ok(Some(LangVersion::go1(21))));
        assert_eq!(go_directive("module m\n"), Ok(None));
        assert_eq!(
            go_directive("module m\ngo 1.x\n"),
            Err((2, "invalid go version '1.x': must match format 1.23.0".into()))
        );
    }
}
