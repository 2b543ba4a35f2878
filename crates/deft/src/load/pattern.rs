//! Package patterns on the command line (`./...`, `./cmd/...`,
//! `example.com/m/...`): the package directories of the main modules a
//! pattern matches, found as the go command walks them.
//!
//! The walk starts at the directory of the pattern's literal part (the
//! text before the first `...`, up to its last `/`), goes depth first with
//! each directory's entries in name order, and never enters a directory
//! named `vendor` or `testdata`, one whose name starts with `.` or `_`, or
//! one holding a go.mod (another module) below the start. A directory
//! matches when its path (for a local pattern) or its import path (for an
//! import-path pattern) fits the pattern, `...` matching any string and
//! `x/...` matching `x` too. Whether it holds a package is the caller's
//! question.

use std::path::{Path, PathBuf};

use super::modules::Modules;
use super::{is_local, normalize, wildcard_match};

/// Whether a command-line operand is a pattern.
pub fn is_pattern(op: &str) -> bool {
    op.contains("...")
}

/// The directories pattern `op` matches, in the go command's walk
/// order, with the import path of each (`cwd` is where relative patterns
/// start); the go command's error when a local pattern's directory does
/// not exist.
pub fn matching_dirs(op: &str, cwd: &Path, modules: &Modules) -> Result<Vec<(String, PathBuf)>, String> {
    let literal = &op[..op.find("...").unwrap_or(op.len())];
    let literal = &literal[..literal.rfind('/').map_or(0, |i| i + 1)];
    let local = is_local(op) || op.starts_with('/');
    let starts: Vec<PathBuf> = if local {
        let start = normalize(&cwd.join(literal));
        if !start.is_dir() {
            return Err(format!("pattern {op}: lstat {literal}: no such file or directory"));
        }
        vec![start]
    } else {
        let literal = literal.trim_end_matches('/');
        modules
            .main
            .iter()
            .filter_map(|m| match literal.strip_prefix(m.path.as_str()) {
                Some(rest) if rest.is_empty() || rest.starts_with('/') => {
                    Some(m.dir.join(rest.trim_start_matches('/')))
                }
                _ => (m.path.starts_with(literal) || literal.is_empty()).then(|| m.dir.clone()),
            })
            .collect()
    };
    let shown = if local { normalize(&cwd.join(op)).to_string_lossy().into_owned() } else { op.to_string() };
    let fits = |s: &str| wildcard_match(&shown, s) || shown.strip_suffix("/...").is_some_and(|p| p == s);
    let mut dirs = Vec::new();
    for start in starts {
        walk(&start, &start, &mut dirs);
    }
    Ok(dirs
        .into_iter()
        .filter_map(|dir| {
            let module = modules.main_module_of(&dir)?;
            let path = module.import_path(&dir);
            let key = if local { dir.to_string_lossy().into_owned() } else { path.clone() };
            fits(&key).then_some((path, dir))
        })
        .collect())
}

/// Appends `dir` and the directories below it that the walk enters.
fn walk(start: &Path, dir: &Path, out: &mut Vec<PathBuf>) {
    if dir != start && dir.join("go.mod").is_file() {
        return;
    }
    out.push(dir.to_path_buf());
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut subdirs: Vec<(String, PathBuf)> = entries
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter_map(|e| Some((e.file_name().to_str()?.to_string(), e.path())))
        .filter(|(name, _)| !matches!(name.as_str(), "vendor" | "testdata") && !name.starts_with(['.', '_']))
        .collect();
    subdirs.sort();
    for (_, sub) in subdirs {
        walk(start, &sub, out);
    }
}
