//! The program cache: `deft run` of a program (`deft test` of a package)
//! whose inputs have not changed since an earlier run links that run's
//! machine code and starts it, without loading, checking, lowering or
//! translating anything (as the go command caches the executables `go
//! run` builds, and test binaries).
//!
//! An entry is found by a *request key*: deft's identity (its version and
//! executable, hence its embedded overlays), the verb, the current
//! directory, the build flags and operands (not the program's arguments
//! nor the test binary's flags), and the
//! environment variables the go command and deft's compiler read. It holds
//! the *manifest* — the state (kind, size, modification and change times,
//! inode) of every path the load depended on (see `load::Inputs`), and of
//! every `.go` file in each package directory —, the names the run needs
//! (`os.Args[0]`, the package's import path for `deft test`'s verdict,
//! the default GODEBUG) and the program as a whole-program
//! artifact (`codegen::link_jit`). An entry is used only if every path is
//! in the state recorded: editing, adding, removing or renaming a file
//! changes the state of the file or of its directory (the change time
//! cannot be set back by a user).
//!
//! **Invariants.**
//! * A path modified less than [`RACY`] before the compilation started
//!   (or during it) makes the run store nothing: its recorded state might
//!   not be the one the loader read, and an edit within the clock's
//!   granularity would go unnoticed (git's "racily clean" files). The next
//!   run stores the entry.
//! * The artifact is stored from a program's second compilation under the
//!   same key on (the first stores only the manifest): test harnesses that
//!   run thousands of programs once do not fill the disk with them.
//! * Entries are sealed with a checksum (`cache::seal`) and replaced by
//!   renaming a complete file: a damaged, truncated or foreign entry is a
//!   miss, never trusted. Entries unused for `cache::EXPIRY_DAYS` are
//!   removed when another is written.

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use sha2::{Digest, Sha256};

use crate::cli::RunOptions;
use crate::load::Inputs;

const MAGIC: &[u8; 8] = b"DEFTPRG2";

/// How recently a path may have changed for the run to store an entry.
const RACY: Duration = Duration::from_secs(2);

/// Environment variables that only the running program reads: they do not
/// take part in the request key.
const RUN_TIME_ONLY: [&str; 11] = [
    "GODEBUG",
    "GOGC",
    "GOMEMLIMIT",
    "GOMAXPROCS",
    "GOTRACEBACK",
    "DEFT_PREEMPT",
    "DEFT_GCSTRESS",
    "DEFT_GC_COMPARE",
    "DEFT_PHASES",
    "DEFT_PERFMAP",
    "DEFT_CACHE",
];

/// Variables whose effect the cache cannot see (overlays read from a
/// directory, dumps printed while compiling): with one set, the cache is
/// not used.
const BYPASS: [&str; 3] = ["DEFT_LIB", "DEFT_DUMP", "DEFT_DUMP_AST"];

/// The entry of one request.
pub struct ProgramCache {
    path: PathBuf,
    started: SystemTime,
    /// Whether an entry for the request exists (a previous compilation).
    seen: bool,
}

/// A program found in the cache, linked and ready to run.
pub struct Hit {
    pub program: codegen::JitProgram,
    /// `os.Args[0]`.
    pub exec_name: String,
    /// The import path of the package (`deft test`'s), as the go command
    /// shows it.
    pub package: String,
    /// The program's default GODEBUG.
    pub godebug: String,
    /// The directory the program runs in (`deft test`'s: the package's);
    /// empty for the current one.
    pub run_dir: String,
}

/// What a compilation stores.
pub struct Entry<'a> {
    pub inputs: &'a Inputs,
    pub exec_name: &'a str,
    pub package: &'a str,
    pub godebug: &'a str,
    /// See [`Hit::run_dir`].
    pub run_dir: &'a str,
    /// The encoded whole-program artifact.
    pub artifact: Option<Vec<u8>>,
}

impl ProgramCache {
    /// The cache entry of `deft VERB` with build flags and operands `opts`
    /// (and the other `operands` of the verb), unless the cache is off or
    /// cannot serve this run (`--check-only`, `--dump-ir`, `-d=defer`
    /// reports, which a cached program would not print).
    pub fn open(verb: &str, opts: &RunOptions, operands: &[&str]) -> Option<ProgramCache> {
        let serves = !opts.check_only && !opts.dump_ir && opts.report_defers.is_none();
        if !serves || BYPASS.iter().any(|v| std::env::var_os(v).is_some()) {
            return None;
        }
        let started = SystemTime::now();
        let dir = crate::cache::directory()?.join("prog");
        let cwd = std::env::current_dir().ok()?;
        let key = request_key(verb, opts, operands, &cwd);
        Some(ProgramCache { path: dir.join(key), started, seen: false })
    }

    /// The program stored for this request, if its inputs are unchanged.
    pub fn lookup(&mut self) -> Option<Hit> {
        let bytes = std::fs::read(&self.path).ok()?;
        self.seen = true;
        let stored = Stored::decode(crate::cache::unseal(MAGIC, &bytes)?)?;
        if !stored.manifest.iter().all(|(path, stamp)| Stamp::of(path) == *stamp) {
            return None;
        }
        let program = codegen::link_jit(stored.artifact?).ok()?;
        refresh(&self.path);
        let (exec_name, package, godebug) = (stored.exec_name.into(), stored.package.into(), stored.godebug.into());
        Some(Hit { program, exec_name, package, godebug, run_dir: stored.run_dir.into() })
    }

    /// Whether a compilation should keep its artifact for [`Self::store`].
    pub fn wants_artifact(&self) -> bool {
        self.seen
    }

    /// Stores what a compilation of this request made (best effort).
    pub fn store(&self, entry: Entry) {
        let manifest = manifest(entry.inputs);
        let racy = self.started.checked_sub(RACY).unwrap_or(SystemTime::UNIX_EPOCH);
        if manifest.iter().any(|(_, s)| s.changed_since(racy)) {
            return;
        }
        let stored = Stored {
            manifest,
            exec_name: entry.exec_name,
            package: entry.package,
            godebug: entry.godebug,
            run_dir: entry.run_dir,
            artifact: entry.artifact.as_deref().filter(|_| self.seen),
        };
        let Some(dir) = self.path.parent() else { return };
        crate::cache::remove_expired(dir);
        crate::cache::write_atomically(&self.path, &crate::cache::seal(MAGIC, &stored.encode()));
    }
}

/// The request key of `deft VERB` with `opts` and `operands` in `cwd`, as
/// a file name.
fn request_key(verb: &str, opts: &RunOptions, operands: &[&str], cwd: &Path) -> String {
    let mut h = Sha256::new();
    let mut field = |bytes: &[u8]| {
        h.update((bytes.len() as u64).to_le_bytes());
        h.update(bytes);
    };
    field(crate::pkgkey::compiler_id().as_bytes());
    field(verb.as_bytes());
    for op in operands {
        field(op.as_bytes());
    }
    field(cwd.as_os_str().as_encoded_bytes());
    let flags = RunOptions { program_args: Vec::new(), ..opts.clone() };
    field(format!("{flags:?}").as_bytes());
    let mut vars: Vec<(String, String)> = std::env::vars()
        .filter(|(k, _)| {
            let compile_time = k.starts_with("GO") || k.starts_with("CGO_") || k.starts_with("DEFT_");
            (compile_time && !RUN_TIME_ONLY.contains(&k.as_str())) || k == "PATH" || k == "HOME"
        })
        .collect();
    vars.sort();
    for (k, v) in vars {
        field(k.as_bytes());
        field(v.as_bytes());
    }
    h.finalize()[..16].iter().map(|b| format!("{b:02x}")).collect()
}

/// Marks the entry at `path` used today, so that it does not expire.
fn refresh(path: &Path) {
    let Ok(file) = std::fs::File::options().write(true).open(path) else { return };
    let old = file.metadata().and_then(|m| m.modified()).is_ok_and(|t| t.elapsed().is_ok_and(|e| e.as_secs() > 3600));
    if old {
        let _ = file.set_modified(SystemTime::now());
    }
}

/// The state of a path that the cache compares: what a change to the path
/// or (for a directory) to its entries alters.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Stamp {
    /// 0: absent; 1: a file; 2: a directory; 3: something else.
    kind: u8,
    size: u64,
    mtime_ns: i64,
    ctime_ns: i64,
    ino: u64,
    dev: u64,
}

impl Stamp {
    fn of(path: &Path) -> Stamp {
        let Ok(m) = std::fs::metadata(path) else { return Stamp::default() };
        let kind = if m.is_file() {
            1
        } else if m.is_dir() {
            2
        } else {
            3
        };
        let ns = |s: i64, n: i64| s.saturating_mul(1_000_000_000).saturating_add(n);
        Stamp {
            kind,
            size: m.size(),
            mtime_ns: ns(m.mtime(), m.mtime_nsec()),
            ctime_ns: ns(m.ctime(), m.ctime_nsec()),
            ino: m.ino(),
            dev: m.dev(),
        }
    }

    /// Whether the path was modified at or after `t`.
    fn changed_since(&self, t: SystemTime) -> bool {
        let t = t.duration_since(SystemTime::UNIX_EPOCH).map_or(0, |d| d.as_nanos() as i64);
        self.kind != 0 && (self.mtime_ns >= t || self.ctime_ns >= t)
    }
}

/// Every path of `inputs` with its state now, with each `.go` file of the
/// package directories and each file of the data directories.
fn manifest(inputs: &Inputs) -> Vec<(PathBuf, Stamp)> {
    let mut out = Vec::new();
    let go_files = |name: &str| crate::buildtags::is_go_file(name);
    for dir in &inputs.package_dirs {
        stamp_dir(dir, &go_files, &mut out);
    }
    for dir in &inputs.data_dirs {
        stamp_dir(dir, &|_| true, &mut out);
    }
    out.extend(inputs.dirs.iter().chain(&inputs.files).map(|p| (p.clone(), Stamp::of(p))));
    out
}

/// Appends the state of `dir` and of its files whose names `wanted`
/// accepts, in name order.
fn stamp_dir(dir: &Path, wanted: &dyn Fn(&str) -> bool, out: &mut Vec<(PathBuf, Stamp)>) {
    out.push((dir.to_path_buf(), Stamp::of(dir)));
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_ok_and(|t| !t.is_dir()) && e.file_name().to_str().is_some_and(wanted))
        .map(|e| e.path())
        .collect();
    files.sort();
    out.extend(files.into_iter().map(|f| {
        let s = Stamp::of(&f);
        (f, s)
    }));
}

/// An entry's contents.
#[derive(Debug, PartialEq)]
struct Stored<'a> {
    manifest: Vec<(PathBuf, Stamp)>,
    exec_name: &'a str,
    package: &'a str,
    godebug: &'a str,
    run_dir: &'a str,
    artifact: Option<&'a [u8]>,
}

impl<'a> Stored<'a> {
    fn encode(&self) -> Vec<u8> {
        let mut out = Vec::new();
        put(&mut out, &(self.manifest.len() as u64).to_le_bytes());
        for (path, s) in &self.manifest {
            put(&mut out, path.as_os_str().as_encoded_bytes());
            out.push(s.kind);
            for n in [s.size, s.mtime_ns as u64, s.ctime_ns as u64, s.ino, s.dev] {
                out.extend_from_slice(&n.to_le_bytes());
            }
        }
        for name in [self.exec_name, self.package, self.godebug, self.run_dir] {
            put(&mut out, name.as_bytes());
        }
        if let Some(a) = self.artifact {
            put(&mut out, a);
        }
        out
    }

    fn decode(mut bytes: &'a [u8]) -> Option<Stored<'a>> {
        let count = u64::from_le_bytes(take(&mut bytes)?.try_into().ok()?);
        let mut manifest = Vec::new();
        for _ in 0..count {
            let path = PathBuf::from(std::str::from_utf8(take(&mut bytes)?).ok()?);
            let (&kind, rest) = bytes.split_first()?;
            let (nums, rest) = rest.split_at_checked(40)?;
            bytes = rest;
            let n = |i: usize| u64::from_le_bytes(nums[i * 8..i * 8 + 8].try_into().unwrap_or_default());
            let stamp = Stamp { kind, size: n(0), mtime_ns: n(1) as i64, ctime_ns: n(2) as i64, ino: n(3), dev: n(4) };
            manifest.push((path, stamp));
        }
        let mut name = || std::str::from_utf8(take(&mut bytes)?).ok();
        let (exec_name, package, godebug, run_dir) = (name()?, name()?, name()?, name()?);
        let artifact = if bytes.is_empty() { None } else { Some(take(&mut bytes)?) };
        bytes.is_empty().then_some(Stored { manifest, exec_name, package, godebug, run_dir, artifact })
    }
}

/// Appends `bytes` with their length.
fn put(out: &mut Vec<u8>, bytes: &[u8]) {
    out.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
    out.extend_from_slice(bytes);
}

/// Takes what [`put`] appended off the front of `bytes`.
fn take<'a>(bytes: &mut &'a [u8]) -> Option<&'a [u8]> {
    let (len, rest) = bytes.split_at_checked(8)?;
    let len = usize::try_from(u64::from_le_bytes(len.try_into().ok()?)).ok()?;
    let (field, rest) = rest.split_at_checked(len)?;
    *bytes = rest;
    Some(field)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("deft-progcache-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn entries_round_trip_and_damage_is_refused() {
        let stamp = Stamp { kind: 1, size: 3, mtime_ns: -5, ctime_ns: 7, ino: 9, dev: 11 };
        for artifact in [None, Some(&b"code"[..]), Some(&b""[..])] {
            let stored = Stored {
                manifest: vec![(PathBuf::from("/m/a.go"), stamp), (PathBuf::from("/m"), Stamp::default())],
                exec_name: "hello",
                package: "example.com/m",
                godebug: "panicnil=1",
                run_dir: "/m/p",
                artifact,
            };
            let bytes = stored.encode();
            assert_eq!(Stored::decode(&bytes), Some(stored));
            for cut in [0, 9, bytes.len() - 1] {
                assert_eq!(Stored::decode(&bytes[..cut]), None, "cut to {cut}");
            }
        }
    }

    #[test]
    fn a_change_to_a_file_or_a_directory_changes_its_stamp() {
        let dir = temp_dir("stamps");
        let file = dir.join("a.go");
        std::fs::write(&file, "package main\n").unwrap();
        let (before, dir_before) = (Stamp::of(&file), Stamp::of(&dir));
        assert_eq!(before.kind, 1);
        assert_eq!(Stamp::of(&dir.join("missing.go")), Stamp::default());
        // The same size, and the modification time set back: the change
        // time still tells.
        std::thread::sleep(Duration::from_millis(20));
        std::fs::write(&file, "package mein\n").unwrap();
        let f = std::fs::File::options().write(true).open(&file).unwrap();
        f.set_modified(SystemTime::UNIX_EPOCH + Duration::from_nanos(before.mtime_ns as u64)).unwrap();
        assert_ne!(Stamp::of(&file), before);
        std::fs::write(dir.join("b.go"), "package main\n").unwrap();
        assert_ne!(Stamp::of(&dir), dir_before);
        assert!(Stamp::of(&file).changed_since(SystemTime::now() - Duration::from_secs(60)));
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn a_manifest_lists_the_go_files_of_package_directories() {
        let dir = temp_dir("manifest");
        for name in ["a.go", "b_test.go", "notes.txt"] {
            std::fs::write(dir.join(name), "").unwrap();
        }
        let mut inputs = Inputs::default();
        inputs.package_dirs.insert(dir.clone());
        inputs.files.insert(dir.join("go.mod"));
        let paths: Vec<PathBuf> = manifest(&inputs).into_iter().map(|(p, _)| p).collect();
        assert_eq!(paths, [dir.clone(), dir.join("a.go"), dir.join("b_test.go"), dir.join("go.mod")]);
        let _ = std::fs::remove_dir_all(dir);
    }
}
