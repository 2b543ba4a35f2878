//! Where the module cache keeps a module: `$GOMODCACHE/PATH@VERSION`, with
//! path and version escaped so that they survive case-insensitive file
//! systems: each upper-case letter becomes `!` and its lower-case form
//! (`example.com/Upper/Mod@v1.0.0-RC1` lives in
//! `example.com/!upper/!mod@v1.0.0-!r!c1`, checked against gc 1.27.3's
//! `go mod download`).

use std::path::{Path, PathBuf};

/// `s` with every ASCII upper-case letter `X` written `!x`.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii_uppercase() {
            out.push('!');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// A module path as the module cache spells it. Precondition: `path` is
/// a valid module path (ASCII, no `!`), as the go.mod parser leaves it, so
/// the escaping is one-to-one.
pub fn escape_path(path: &str) -> String {
    escape(path)
}

/// A version as the module cache spells it (same precondition and rule as
/// [`escape_path`]).
pub fn escape_version(version: &str) -> String {
    escape(version)
}

/// The directory of module `path` at `version` in the module cache.
pub fn module_dir(gomodcache: &Path, path: &str, version: &str) -> PathBuf {
    gomodcache.join(format!("{}@{}", escape_path(path), escape_version(version)))
}

/// The file holding the hash of the files of module `path` at `version`
/// that the go command recorded when it downloaded the module.
pub fn zip_hash_file(gomodcache: &Path, path: &str, version: &str) -> PathBuf {
    gomodcache.join(format!("cache/download/{}/@v/{}.ziphash", escape_path(path), escape_version(version)))
}

/// The module cache the go command uses, given the environment: `GOMODCACHE`
/// if set and not empty, else the first entry of `GOPATH` (a
/// colon-separated list) followed by `pkg/mod`, else `HOME/go/pkg/mod`;
/// `None` without any of them.
///
/// Left out: settings written by `go env -w` (the go command also reads
/// them from `$XDG_CONFIG_HOME/go/env`), and the go command's refusal of a
/// relative `GOMODCACHE` or `GOPATH`.
pub fn gomodcache_from(gomodcache: Option<&str>, gopath: Option<&str>, home: Option<&str>) -> Option<PathBuf> {
    if let Some(dir) = non_empty(gomodcache) {
        return Some(PathBuf::from(dir));
    }
    if let Some(first) = non_empty(non_empty(gopath).and_then(|list| list.split(':').next())) {
        return Some(Path::new(first).join("pkg/mod"));
    }
    non_empty(home).map(|home| Path::new(home).join("go/pkg/mod"))
}

fn non_empty(v: Option<&str>) -> Option<&str> {
    v.filter(|v| !v.is_empty())
}

/// [`gomodcache_from`] the process's environment (the only function of
/// this module that reads anything outside its arguments).
pub fn default_gomodcache() -> Option<PathBuf> {
    let var = |name| std::env::var(name).ok();
    gomodcache_from(var("GOMODCACHE").as_deref(), var("GOPATH").as_deref(), var("HOME").as_deref())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(escape_path("example.com/Upper/Mod"), "example.com/!upper/!mod");
        assert_eq!(escape_path("github.com/BurntSushi/toml"), "github.com/!burnt!sushi/toml");
        assert_eq!(escape_version("v1.0.0-RC1"), "v1.0.0-!r!c1");
        assert_eq!(escape_version("v1.2.3"), "v1.2.3");
        assert_eq!(
            module_dir(Path::new("/root/go/pkg/mod"), "example.com/Upper/Mod", "v1.0.0-RC1"),
            Path::new("/root/go/pkg/mod/example.com/!upper/!mod@v1.0.0-!r!c1")
        );
        assert_eq!(module_dir(Path::new("/c"), "example.com/dep", "v1.2.0"), Path::new("/c/example.com/dep@v1.2.0"));
    }

    #[test]
    fn cache_location() {
        let p = |s: &str| Some(PathBuf::from(s));
        assert_eq!(gomodcache_from(Some("/m"), Some("/g"), Some("/h")), p("/m"));
        assert_eq!(gomodcache_from(Some(""), Some("/g:/g2"), Some("/h")), p("/g/pkg/mod"));
        assert_eq!(gomodcache_from(None, Some(""), Some("/h")), p("/h/go/pkg/mod"));
        assert_eq!(gomodcache_from(None, None, Some("/root")), p("/root/go/pkg/mod"));
        assert_eq!(gomodcache_from(None, None, None), None);
        let var = |name| std::env::var(name).ok();
        let want = gomodcache_from(var("GOMODCACHE").as_deref(), var("GOPATH").as_deref(), var("HOME").as_deref());
        assert_eq!(default_gomodcache(), want);
    }
}
