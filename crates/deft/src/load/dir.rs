//! Reading one package directory: which of its files the build compiles.
//!
//! A file is compiled when its name and its header's build constraints
//! hold for linux/amd64 (see `buildtags`); only the header (the comments
//! before the `package` clause) of an excluded file is looked at. What is
//! left must declare one package name, as the go command requires.

use std::path::{Path, PathBuf};

use crate::buildtags::BuildContext;

/// The compiled files of a package directory, sorted by name.
pub struct DirFiles {
    /// The files' paths and texts.
    pub files: Vec<(PathBuf, String)>,
}

/// Why a directory holds no package.
pub enum DirError {
    /// It does not exist or has no `.go` file.
    NoGoFiles,
    /// It has `.go` files, and build constraints exclude them all.
    Excluded,
    /// A file could not be read, or its header's constraint is malformed:
    /// the go command's message.
    Bad(String),
}

/// Reads the files of the package in `dir` that the build compiles.
pub fn read_package_dir(dir: &Path, ctx: &BuildContext) -> Result<DirFiles, DirError> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Err(DirError::NoGoFiles) };
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_ok_and(|t| !t.is_dir()))
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .filter(|n| n.ends_with(".go"))
        .collect();
    names.sort();
    let mut any_go = false;
    let mut files = Vec::new();
    for name in names {
        if !ctx.matches_file_name(&name) {
            // `_x.go`, `.x.go` and test files are not Go files of the
            // package at all; other names are excluded by constraint.
            any_go |= !name.starts_with(['_', '.']) && !name.ends_with("_test.go");
            continue;
        }
        any_go = true;
        let path = dir.join(&name);
        let bytes = std::fs::read(&path).map_err(|e| DirError::Bad(format!("read {}: {e}", path.display())))?;
        let text = String::from_utf8_lossy(&bytes).into_owned();
        if ctx.header_holds(&text).map_err(|msg| DirError::Bad(format!("{}: {msg}", path.display())))? {
            files.push((path, text));
        }
    }
    match (files.is_empty(), any_go) {
        (false, _) => Ok(DirFiles { files }),
        (true, true) => Err(DirError::Excluded),
        (true, false) => Err(DirError::NoGoFiles),
    }
}
