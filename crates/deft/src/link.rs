//! `deft build` and `deft test -c`: a compiled program's object file
//! linked with the runtime's static library into a native executable.
//!
//! The object (codegen's `compile_object`) imports the runtime's entry
//! points by symbol and defines C `main`; the runtime library
//! (`libdeftrt.a`, the `deftrt` crate) exports them. The system C compiler
//! drives the link, with the C and system libraries Rust's standard
//! library needs. Where the executable goes follows `go build -o`: a file,
//! or a directory (one that exists, or a path ending in `/`) to write the
//! go command's default name into, made if missing.

use std::path::{Path, PathBuf};

use syntax::SourceMap;

use crate::cli::BuildOptions;
use crate::driver::Compiled;

/// The runtime library's file name, next to the `deft` binary.
const RUNTIME_LIBRARY: &str = "libdeftrt.a";

/// What the runtime library needs besides itself (`cargo rustc -p deftrt
/// --release -- --print native-static-libs` lists them, with `-lgcc_s`,
/// whose unwinder `-static` links from `libgcc_eh.a` instead).
const SYSTEM_LIBRARIES: &[&str] = &["-lutil", "-lrt", "-lpthread", "-lm", "-ldl", "-lc"];

/// Runs `deft build`; returns the exit status.
pub fn build(opts: &BuildOptions) -> i32 {
    let mut sources = SourceMap::default();
    match crate::driver::compile::<codegen::ObjectProgram>(&mut sources, &opts.build, false) {
        Ok(Some(compiled)) => report(write_executable(&compiled, opts.output.as_deref())),
        // A package other than main: type-checked, nothing written (go build
        // compiles it and writes nothing).
        Ok(None) => 0,
        Err(rendered) => {
            eprint!("{rendered}");
            1
        }
    }
}

/// Exit status 0, or 1 with `result`'s message printed.
pub fn report(result: Result<(), String>) -> i32 {
    match result {
        Ok(()) => 0,
        Err(msg) => {
            eprintln!("{msg}");
            1
        }
    }
}

/// Links `compiled` into the executable `output` names (see the module
/// doc); `Err` is the message to print.
pub fn write_executable(compiled: &Compiled<codegen::ObjectProgram>, output: Option<&str>) -> Result<(), String> {
    let path = output_path(output, &compiled.exec_name);
    let pkg = &compiled.main_path;
    let shown = path.display().to_string();
    let refuse = |why: &str| format!("{pkg}: go build {pkg}: build output {shown:?} already exists and {why}");
    let discard = match std::fs::metadata(&path) {
        // The go command words a directory in the way of its default
        // output so (it checks that one before building, deft after).
        Ok(m) if m.is_dir() && output.is_none() => {
            return Err(format!("go: build output {shown:?} already exists and is a directory"));
        }
        Ok(m) if m.is_dir() => return Err(refuse("is a directory")),
        // go build overwrites only what it may have written itself.
        Ok(m) if m.is_file() && m.len() > 0 && !is_object_file(&path) => return Err(refuse("is not an object file")),
        // `-o /dev/null`: built, linked, thrown away.
        Ok(m) => !m.is_file(),
        Err(_) => false,
    };
    if discard {
        return link(&compiled.program.bytes, None);
    }
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)
        .map_err(|e| format!("{pkg}: go build {pkg}: mkdir {}/: {}", dir.display(), errno_text(&e)))?;
    link(&compiled.program.bytes, Some(&path))
}

/// Whether the file at `path` starts as an object file, an archive or an
/// executable of a format the go command knows (what it agrees to
/// overwrite).
fn is_object_file(path: &Path) -> bool {
    const MAGICS: &[&[u8]] = &[
        b"\x7fELF",
        b"!<arch>\n",
        b"MZ",
        b"\xfe\xed\xfa\xce",
        b"\xfe\xed\xfa\xcf",
        b"\xce\xfa\xed\xfe",
        b"\xcf\xfa\xed\xfe",
        b"\x00asm",
    ];
    let mut head = [0u8; 8];
    let n = std::fs::File::open(path).and_then(|mut f| std::io::Read::read(&mut f, &mut head)).unwrap_or(0);
    MAGICS.iter().any(|m| head[..n].starts_with(m))
}

/// The executable's path: `output`, or the default name inside it when it
/// names a directory, or the default name in the current directory.
fn output_path(output: Option<&str>, exec_name: &str) -> PathBuf {
    match output {
        None => PathBuf::from(exec_name),
        Some(o) if o.ends_with('/') || Path::new(o).is_dir() => Path::new(o).join(exec_name),
        Some(o) => PathBuf::from(o),
    }
}

/// An OS error as Go words it (`file exists`: the C library's text,
/// which Go's errno strings are, without Rust's ` (os error N)`).
fn errno_text(e: &std::io::Error) -> String {
    let text = e.to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_lowercase(),
        None => text,
    }
}

/// The runtime library: `$DEFT_RTLIB`, else next to the running `deft`.
fn runtime_library() -> Result<PathBuf, String> {
    if let Some(p) = std::env::var_os("DEFT_RTLIB") {
        return Ok(PathBuf::from(p));
    }
    let exe = std::env::current_exe().map_err(|e| format!("deft: locating the deft binary: {e}"))?;
    let lib = exe.with_file_name(RUNTIME_LIBRARY);
    if lib.is_file() {
        Ok(lib)
    } else {
        Err(format!(
            "deft: the runtime library {} is missing (cargo build --release builds it; or cargo build --release -p deftrt)",
            lib.display()
        ))
    }
}

/// Writes `object` to a scratch directory and links it with the runtime
/// library into `out` (into the scratch directory, to be thrown away, when
/// `None`).
fn link(object: &[u8], out: Option<&Path>) -> Result<(), String> {
    let lib = runtime_library()?;
    let scratch = std::env::temp_dir().join(format!("deft-build-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).map_err(|e| format!("deft: {}: {e}", scratch.display()))?;
    let obj = scratch.join("main.o");
    let out = out.map_or_else(|| scratch.join("a.out"), Path::to_path_buf);
    let result = std::fs::write(&obj, object)
        .map_err(|e| format!("deft: {}: {e}", obj.display()))
        .and_then(|()| run_cc(&obj, &lib, &out));
    let _ = std::fs::remove_dir_all(&scratch);
    result
}

/// `cc -static -no-pie -o out obj lib SYSTEM_LIBRARIES`: position-dependent
/// code (see codegen's `object` module), unused sections of the runtime
/// dropped, and linked statically, as gc links: no dynamic loader to run
/// at start-up (a third of a hello world's start-up time when the C
/// libraries were shared), and the executable runs without them.
fn run_cc(obj: &Path, lib: &Path, out: &Path) -> Result<(), String> {
    let cc = std::env::var("CC").unwrap_or_else(|_| "cc".to_string());
    let output = std::process::Command::new(&cc)
        .args(["-static", "-no-pie", "-Wl,--gc-sections", "-o"])
        .arg(out)
        .arg(obj)
        .arg(lib)
        .args(SYSTEM_LIBRARIES)
        .output()
        .map_err(|e| format!("deft: running {cc}: {e}"))?;
    if output.status.success() {
        return Ok(());
    }
    Err(format!(
        "deft: linking {} failed ({}):\n{}",
        out.display(),
        output.status,
        String::from_utf8_lossy(&output.stderr)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_paths_follow_go_build() {
        assert_eq!(output_path(None, "hello"), Path::new("hello"));
        assert_eq!(output_path(Some("bin/x"), "hello"), Path::new("bin/x"));
        assert_eq!(output_path(Some("bin/"), "hello"), Path::new("bin/hello"));
        let tmp = std::env::temp_dir();
        assert_eq!(output_path(tmp.to_str(), "hello"), tmp.join("hello"));
    }

    #[test]
    fn object_files_are_told_from_others() {
        let dir = std::env::temp_dir().join(format!("deft-link-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        for (name, bytes, object) in [
            ("elf", &b"\x7fELF\x02\x01"[..], true),
            ("ar", b"!<arch>\nx", true),
            ("text", b"hello", false),
            ("short", b"\x7f", false),
        ] {
            std::fs::write(dir.join(name), bytes).expect("write");
            assert_eq!(is_object_file(&dir.join(name)), object, "{name}");
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn errors_read_as_go_words_them() {
        let e = std::io::Error::from_raw_os_error(17);
        assert_eq!(errno_text(&e), "file exists");
        let e = std::io::Error::from_raw_os_error(20);
        assert_eq!(errno_text(&e), "not a directory");
    }
}
