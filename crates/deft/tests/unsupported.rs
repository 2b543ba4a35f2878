//! `deft run` reports a name that Go's standard library has and deft's
//! lacks as unsupported (`deft does not support runtime.LockOSThread
//! yet`, exit status 1), reading Go's declarations from `$DEFT_GOROOT`.
//!
//! The messages are deft's own, not gc's, so the expectations are written
//! by hand. The program imports `runtime` alone (an overlay whose imports
//! are overlays too: `fmt` needs upstream packages). `tests/goroot` stands
//! in for a Go distribution (a few declarations of package `runtime`, with
//! files that linux/amd64 does not compile), so that the test does not
//! depend on the Go installed.

use std::path::Path;
use std::process::Command;

const PROGRAM: &str = r#"package main

import "runtime"

func main() {
	var t runtime.Func
	runtime.LockOSThread()
	_, _ = runtime.ZoneSources, t.MarshalJSON
	_ = t.UnmarshalText(nil)
	runtime.WindowsOnly()
	runtime.NotOnLinux()
	runtime.TestOnly()
	_ = t.Nope
}
"#;

/// Runs `deft run prog.go` on `PROGRAM` with `DEFT_GOROOT` set to `goroot`;
/// the exit status and standard error.
fn deft_run(goroot: &Path) -> (Option<i32>, String) {
    let dir = std::env::temp_dir().join(format!("deft-unsupported-{}-{}", std::process::id(), goroot.exists()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(dir.join("prog.go"), PROGRAM).expect("write prog.go");
    let out = Command::new(env!("CARGO_BIN_EXE_deft"))
        .args(["run", "prog.go"])
        .current_dir(&dir)
        .env("DEFT_GOROOT", goroot)
        .output()
        .expect("run deft");
    let _ = std::fs::remove_dir_all(&dir);
    (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn names_of_go_are_unsupported() {
    let goroot = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/goroot");
    let want = "\
prog.go:7:10: deft does not support runtime.LockOSThread yet
prog.go:8:17: deft does not support runtime.ZoneSources yet
prog.go:8:32: deft does not support runtime.Func.MarshalJSON yet
prog.go:9:8: deft does not support runtime.Func.UnmarshalText yet
prog.go:10:10: undefined: runtime.WindowsOnly
prog.go:11:10: undefined: runtime.NotOnLinux
prog.go:12:10: undefined: runtime.TestOnly
prog.go:13:8: t.Nope undefined (type runtime.Func has no field or method Nope)
";
    assert_eq!(deft_run(&goroot), (Some(1), want.to_string()));
}

#[test]
fn without_go_names_are_undefined() {
    let (status, stderr) = deft_run(Path::new("/nonexistent/goroot"));
    assert_eq!(status, Some(1));
    assert!(stderr.starts_with("prog.go:7:10: undefined: runtime.LockOSThread\n"), "{stderr}");
    assert!(!stderr.contains("deft does not support"), "{stderr}");
}
