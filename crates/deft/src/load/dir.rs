//! Reading one package directory: which of its files the build compiles,
//! and which package they declare.
//!
//! A file counts when its name and its header's build constraints hold
//! for linux/amd64 (see `buildtags`); only the header (the comments, the
//! package clause and the imports: see [`header`]) of a file the build
//! leaves out is read. As in the go command, every counted file names the
//! package, test files and files importing "C" included (the latter are
//! then left out: cgo is off), and the names must agree (a test file's
//! `p_test` counts as `p`). The first problem met, in file-name order, is
//! the package's error; as in the go command, the package still has the
//! files that were read well, whose imports are loaded.

use std::path::{Path, PathBuf};

use super::header::{self, Header};
use crate::buildtags::{BuildContext, is_test_file};

/// The compiled files of a package directory, sorted by name.
pub struct DirFiles {
    /// The files' paths and texts.
    pub files: Vec<(PathBuf, String)>,
    /// The package's error, if a file is wrong.
    pub problem: Option<Problem>,
}

/// What is wrong with a package's files.
pub enum Problem {
    /// A header's constraint is malformed, an import path is invalid,
    /// files declare different packages, or a file cannot be read: the
    /// go command's message, shown at the import of the package.
    Bad(String),
    /// A header does not parse: the file, line, column and message.
    Syntax { file: PathBuf, line: usize, col: usize, msg: String },
}

/// Why a directory holds no package to compile.
pub enum DirError {
    /// It does not exist or has no `.go` file.
    NoGoFiles,
    /// It has `.go` files, and build constraints exclude them all.
    Excluded,
    /// Only test files are left (the build does not want them): the
    /// package's name and the go command's build error.
    OnlyTests { name: String, msg: String },
}

/// Reads the files of the package in `dir` that the build compiles.
pub fn read_package_dir(dir: &Path, ctx: &BuildContext) -> Result<DirFiles, DirError> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Err(DirError::NoGoFiles) };
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_ok_and(|t| !t.is_dir()))
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .filter(|n| crate::buildtags::is_go_file(n))
        .collect();
    names.sort();
    let mut dir_files = DirFiles { files: Vec::new(), problem: None };
    let first_error = &mut dir_files.problem;
    let (mut package, mut ignored, mut tests) = (None, false, false);
    let mut files = Vec::new();
    let all_ctx = BuildContext { tests: true, ..ctx.clone() };
    for name in names {
        // As the go command, a file its name excludes (`_windows.go`) is
        // not read (most of syscall's 290 files are such).
        if !all_ctx.name_constraint_holds(&name) {
            ignored = true;
            continue;
        }
        let path = dir.join(&name);
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) => {
                first_error.get_or_insert(Problem::Bad(format!("read {}: {e}", path.display())));
                continue;
            }
        };
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let constraint = &text[..crate::buildtags::header_end(&text)];
        match all_ctx.include(&name, constraint) {
            Err(msg) => {
                first_error.get_or_insert(Problem::Bad(format!("{name}: {msg}")));
                continue;
            }
            Ok(false) => {
                ignored = true;
                continue;
            }
            Ok(true) => {}
        }
        let (declared, cgo) = match header::read(&text) {
            Header::Read { package, imports } => {
                (Some(package), crate::buildtags::imports_exclude(imports.iter().map(String::as_str)))
            }
            Header::Error { line, col, msg } => {
                first_error.get_or_insert(Problem::Syntax { file: path.clone(), line, col, msg });
                continue;
            }
            // A scanner error of go/build's own: its file name is not
            // shortened.
            Header::InvalidImport { line, col, path: import } => {
                let msg = format!("{}:{line}:{col}: invalid import path: {import}", path.display());
                first_error.get_or_insert(Problem::Bad(msg));
                continue;
            }
            Header::Unknown => (None, false),
        };
        let test = is_test_file(&name);
        if declared.as_deref() == Some("documentation") {
            ignored = true;
            continue;
        }
        if let Some(declared) = declared {
            let current = package.as_ref().map(|(n, _): &(String, String)| n.as_str());
            let base = match declared.strip_suffix("_test") {
                Some(under) if test && current != Some(declared.as_str()) => under.to_string(),
                _ => declared,
            };
            match &package {
                None => package = Some((base, name.clone())),
                Some((first, first_file)) if *first != base => {
                    let msg = format!("found packages {first} ({first_file}) and {base} ({name}) in {}", dir.display());
                    first_error.get_or_insert(Problem::Bad(msg));
                }
                Some(_) => {}
            }
        }
        if cgo {
            ignored = true;
        } else if test && !ctx.tests {
            tests = true;
        } else {
            files.push((path, text));
        }
    }
    dir_files.files = files;
    if dir_files.problem.is_some() {
        return Ok(dir_files);
    }
    match (dir_files.files.is_empty(), tests, ignored) {
        (false, _, _) => Ok(dir_files),
        (true, true, _) => {
            let what = if ignored { "build constraints exclude all Go files in" } else { "no non-test Go files in" };
            let name = package.map(|(n, _)| n).unwrap_or_default();
            Err(DirError::OnlyTests { name, msg: format!("{what} {}", dir.display()) })
        }
        (true, false, true) => Err(DirError::Excluded),
        (true, false, false) => Err(DirError::NoGoFiles),
    }
}

/// The package a pattern finds in `dir`: `None` when there is none to
/// build there, `Some(None)` when its files are in error (the go command
/// then treats it as a possible program), else its name.
pub fn package_name(dir: &Path, ctx: &BuildContext) -> Option<Option<String>> {
    match read_package_dir(dir, ctx) {
        Ok(f) if f.problem.is_some() => Some(None),
        Ok(f) => Some(f.files.first().and_then(|(_, text)| match header::read(text) {
            Header::Read { package, .. } => Some(package),
            _ => None,
        })),
        Err(DirError::NoGoFiles | DirError::Excluded | DirError::OnlyTests { .. }) => None,
    }
}
