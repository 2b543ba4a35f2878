//! What a load's outcome depends on in the file system, for the driver's
//! program cache (`crate::progcache`): a program compiled before is reused
//! only while every path listed here is as it was.
//!
//! The list is derived from the load's result rather than recorded at
//! each read, so that it stays whole as the loader changes:
//! * every package directory (its entries change when a file is added,
//!   removed or renamed; the cache records each `.go` file in it too);
//! * every directory from a package up to its module's root (a `go.mod`
//!   appearing between them would move the package to another module);
//! * each module root's `go.mod`, `go.sum` and `vendor/modules.txt`;
//! * `go.mod`, `go.work` and `go.work.sum` in the current directory and
//!   each of its parents, present or not (they decide the main module or
//!   workspace);
//! * directories whose files the program holds as data, present or not
//!   (`deft test`'s fuzz seed corpora, `testdata/fuzz/NAME`).
//!
//! What the paths do not cover goes into the cache's key instead: deft's
//! own identity (its embedded overlays), the command line, the current
//! directory and the environment variables the go command reads.
//! **Invariant:** a change to any file or directory the loader read to
//! produce its result changes the state of a listed path (the module
//! cache, which the go command never changes in place, is listed all the
//! same).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Paths whose state a load's outcome depends on.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Inputs {
    /// Package directories and the directories above them up to their
    /// module's root: each one's entries, and its `.go` files.
    pub package_dirs: BTreeSet<PathBuf>,
    /// Directories whose entries matter, but not their files' contents.
    pub dirs: BTreeSet<PathBuf>,
    /// Directories, present or not, whose every file matters.
    pub data_dirs: BTreeSet<PathBuf>,
    /// Files whose presence and contents matter.
    pub files: BTreeSet<PathBuf>,
}

/// The module files the go command reads in a module's root.
const MODULE_FILES: [&str; 3] = ["go.mod", "go.sum", "vendor/modules.txt"];

/// The files that make a directory or a parent of it a module's or a
/// workspace's root.
const ROOT_FILES: [&str; 3] = ["go.mod", "go.work", "go.work.sum"];

impl Inputs {
    /// Notes package directory `dir` (an empty path: a package of deft's
    /// own, embedded in deft) of the module rooted at `module_root`.
    pub(super) fn package(&mut self, dir: &Path, module_root: Option<&Path>) {
        if dir.as_os_str().is_empty() {
            return;
        }
        self.package_dirs.insert(dir.to_path_buf());
        let Some(root) = module_root else { return };
        if dir.starts_with(root) {
            self.dirs.extend(dir.ancestors().skip(1).take_while(|d| d.starts_with(root)).map(Path::to_path_buf));
        }
        self.files.extend(MODULE_FILES.iter().map(|f| root.join(f)));
    }

    /// Notes directory `dir`, whose files the program holds as data.
    pub(crate) fn data_dir(&mut self, dir: &Path) {
        self.data_dirs.insert(dir.to_path_buf());
    }

    /// Notes the current directory `cwd`, where the search for `go.mod`
    /// and `go.work` starts.
    pub(super) fn cwd(&mut self, cwd: &Path) {
        for d in cwd.ancestors() {
            self.files.extend(ROOT_FILES.iter().map(|f| d.join(f)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_package_lists_its_directories_up_to_its_module_root() {
        let mut inputs = Inputs::default();
        inputs.package(Path::new("/m/a/b"), Some(Path::new("/m")));
        inputs.package(Path::new(""), None);
        inputs.package(Path::new("/goroot/src/fmt"), None);
        let set = |v: &[&str]| v.iter().map(PathBuf::from).collect::<BTreeSet<_>>();
        assert_eq!(inputs.package_dirs, set(&["/m/a/b", "/goroot/src/fmt"]));
        assert_eq!(inputs.dirs, set(&["/m/a", "/m"]));
        assert_eq!(inputs.files, set(&["/m/go.mod", "/m/go.sum", "/m/vendor/modules.txt"]));
    }

    #[test]
    fn the_current_directory_lists_its_parents_root_files() {
        let mut inputs = Inputs::default();
        inputs.cwd(Path::new("/a/b"));
        assert!(inputs.files.contains(Path::new("/a/b/go.mod")));
        assert!(inputs.files.contains(Path::new("/a/go.work")));
        assert!(inputs.files.contains(Path::new("/go.work.sum")));
        assert_eq!(inputs.files.len(), 9);
    }
}
