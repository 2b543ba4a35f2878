//! The layout of deft's overlays on disk: `lib/P/*.go` is package `P`.
//!
//! Shared by `build.rs`, which embeds `lib/` into the binary, and by
//! `stdsrc::overlay`'s `DEFT_LIB` override, which reads it at run time;
//! one walk, so that the two can never disagree about what a package is.
//! Pure of everything but reading directories.

use std::path::{Path, PathBuf};

/// Every directory under `root` holding `.go` files, as (import path
/// relative to `root`, its `.go` files sorted by name), sorted by path.
pub fn packages(root: &Path) -> Vec<(String, Vec<PathBuf>)> {
    let mut out = Vec::new();
    collect(root, root, &mut out);
    out.sort();
    out
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<(String, Vec<PathBuf>)>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    let go: Vec<PathBuf> = paths.iter().filter(|p| p.extension().is_some_and(|e| e == "go")).cloned().collect();
    if !go.is_empty() {
        let rel = dir.strip_prefix(root).unwrap_or(dir).to_string_lossy().replace('\\', "/");
        out.push((rel, go));
    }
    for p in paths.iter().filter(|p| p.is_dir()) {
        collect(root, p, out);
    }
}
