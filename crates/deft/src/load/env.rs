//! The part of the go command's environment the loader depends on: the
//! current directory, where Go's distribution and the module cache are,
//! and `-mod`.
//!
//! Every setting is read once, from the process environment, the way the
//! go command reads it (`go env` prints the same values): `GOROOT` is
//! `$DEFT_GOROOT`, else what `go env GOROOT` prints (run with
//! `GOTOOLCHAIN=local`, so that it never fetches a toolchain, and
//! remembered in the cache directory: see [`find_goroot`]), asked only
//! when a package outside deft's overlays is imported.

use std::path::{Path, PathBuf};

/// How module requirements may be satisfied (`-mod=`, from `GOFLAGS`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ModMode {
    /// Not set: vendor/ if the main module has one (go ≥ 1.14), else the
    /// module cache.
    Default,
    /// `-mod=vendor`.
    Vendor,
    /// `-mod=mod` or `-mod=readonly`: the module cache.
    Cache,
}

/// The environment of one `deft` invocation.
pub struct GoEnv {
    /// The current directory, absolute.
    pub cwd: PathBuf,
    /// `GOMODCACHE` as the go command computes it.
    pub gomodcache: PathBuf,
    /// `GOWORK`: `None` when unset (look for go.work above the current
    /// directory), `Some(None)` for `off`.
    pub gowork: Option<Option<PathBuf>>,
    /// `-mod` from `GOFLAGS`.
    pub mod_mode: ModMode,
    /// `GOPROXY=off`: a module missing from the cache is the go
    /// command's `module lookup disabled by GOPROXY=off`.
    pub proxy_off: bool,
}

impl GoEnv {
    /// Reads the process environment.
    pub fn from_process() -> GoEnv {
        let var = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty()).map(PathBuf::from);
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        let gowork = var("GOWORK").map(|w| (w.as_os_str() != "off").then_some(w));
        let mod_mode = std::env::var("GOFLAGS").ok().map_or(ModMode::Default, |flags| mod_flag(&flags));
        let gomodcache = crate::modfile::cache::default_gomodcache().unwrap_or_default();
        let proxy_off = std::env::var("GOPROXY").is_ok_and(|p| p == "off");
        GoEnv { cwd, gomodcache, gowork, mod_mode, proxy_off }
    }

    /// Go's distribution root, `None` without one.
    pub fn goroot(&self) -> Option<&'static Path> {
        find_goroot()
    }

    /// `path` as the go command shows a file or directory in messages
    /// (`base.ShortPath`): relative to the current directory when that is
    /// shorter.
    pub fn short_path(&self, path: &Path) -> String {
        crate::modfile::short_path(path, &self.cwd)
    }
}

/// The `-mod=` setting of a `GOFLAGS` value.
fn mod_flag(flags: &str) -> ModMode {
    let mut mode = ModMode::Default;
    for f in flags.split_whitespace() {
        match f.trim_start_matches('-') {
            "mod=vendor" => mode = ModMode::Vendor,
            "mod=mod" | "mod=readonly" => mode = ModMode::Cache,
            _ => {}
        }
    }
    mode
}

/// `$DEFT_GOROOT`, else `go env GOROOT`; `None` without a Go installation.
///
/// Starting the go command costs a tenth of a second or more (through
/// version managers' shims, several times that): more than compiling a
/// small program. So its answer is remembered in the cache directory
/// (`goroot/<hash>`), for the `PATH` and `GOROOT` it was asked with, and
/// used while that directory still holds a distribution (a `VERSION`
/// file). Asked once per process: the loader, the checker's library,
/// the package cache's settings and the driver's `runtime.GOROOT` default
/// all want it.
pub fn find_goroot() -> Option<&'static Path> {
    static ROOT: std::sync::OnceLock<Option<PathBuf>> = std::sync::OnceLock::new();
    ROOT.get_or_init(ask_goroot).as_deref()
}

/// [`find_goroot`]'s answer, looked up.
fn ask_goroot() -> Option<PathBuf> {
    if let Some(root) = std::env::var_os("DEFT_GOROOT").filter(|r| !r.is_empty()) {
        return Some(PathBuf::from(root));
    }
    let asked = format!(
        "PATH={}\nGOROOT={}\n",
        std::env::var("PATH").unwrap_or_default(),
        std::env::var("GOROOT").unwrap_or_default()
    );
    // One file per environment, so that two environments do not take
    // turns rewriting one.
    let key = {
        use std::hash::{Hash, Hasher};
        let mut h = std::hash::DefaultHasher::new();
        asked.hash(&mut h);
        h.finish()
    };
    let memo = crate::cache::directory().map(|d| d.join("goroot").join(format!("{key:016x}")));
    if let Some(root) = memo.as_deref().and_then(|m| remembered(m, &asked)) {
        return Some(root);
    }
    let root = go_env_goroot()?;
    if let Some(memo) = memo {
        // Best effort, written whole then renamed: readers never see half.
        let tmp = memo.with_extension(format!("tmp{}", std::process::id()));
        let written = std::fs::create_dir_all(memo.parent().unwrap_or(Path::new(".")))
            .and_then(|_| std::fs::write(&tmp, format!("{asked}{}\n", root.display())))
            .and_then(|_| std::fs::rename(&tmp, &memo));
        if written.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
    }
    Some(root)
}

/// The root remembered in `memo` for the environment `asked`, if it is
/// still a distribution's.
fn remembered(memo: &Path, asked: &str) -> Option<PathBuf> {
    let text = std::fs::read_to_string(memo).ok()?;
    let root = PathBuf::from(text.strip_prefix(asked)?.trim_end_matches('\n'));
    root.join("VERSION").is_file().then_some(root)
}

/// What `go env GOROOT` prints.
fn go_env_goroot() -> Option<PathBuf> {
    let out = std::process::Command::new("go")
        .args(["env", "GOROOT"])
        .env("GOTOOLCHAIN", "local")
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    let root = String::from_utf8(out.stdout).ok()?.trim().to_string();
    (out.status.success() && !root.is_empty()).then(|| PathBuf::from(root))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goflags_mod() {
        assert_eq!(mod_flag("-mod=vendor"), ModMode::Vendor);
        assert_eq!(mod_flag("-v --mod=mod"), ModMode::Cache);
        assert_eq!(mod_flag("-tags=x"), ModMode::Default);
    }
}
