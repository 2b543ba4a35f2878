//! `deft run --check-only` checks files as gc's compiler does (the way
//! Go's test harness and `scripts/gc-as-deft` run `go tool compile`), so
//! an import of a package that does not exist is the compiler's error,
//! reported with the program's other type errors; `deft run` words it as
//! the go command does, and stops there.
//!
//! The expectations are what gc 1.27.3 printed for `PROGRAM`: `go tool
//! compile -e -p main prog.go` (the packages are missing, so no import
//! configuration is needed) and `go run prog.go` (the first words of each
//! line: the rest is the Go root's path).

use std::process::{Command, Output};

const PROGRAM: &str = r#"package main

import (
	"chans"
	. "dotted"
	init "named"
	"nosuch/pkg"
)

var x int = "s"

func main() { _ = chans.Ranger }
"#;

/// `deft run [flags] prog.go` on `PROGRAM` in a directory of its own.
fn deft_run(tag: &str, flags: &[&str]) -> Output {
    let dir = std::env::temp_dir().join(format!("deft-check-only-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(dir.join("prog.go"), PROGRAM).expect("write prog.go");
    let out = Command::new(env!("CARGO_BIN_EXE_deft"))
        .arg("run")
        .args(flags)
        .arg("prog.go")
        .current_dir(&dir)
        .env("DEFT_CACHE", "off")
        .output()
        .expect("run deft");
    let _ = std::fs::remove_dir_all(&dir);
    out
}

#[test]
fn a_missing_package_is_the_compilers_error_when_checking() {
    let out = deft_run("check", &["--check-only"]);
    let want = "\
prog.go:4:2: could not import chans (file not found)
prog.go:5:4: could not import dotted (file not found)
prog.go:6:2: cannot import package as init - init must be a func
prog.go:6:7: could not import named (file not found)
prog.go:7:2: could not import nosuch/pkg (file not found)
prog.go:10:13: cannot use \"s\" (untyped string constant) as int value in variable declaration
";
    assert_eq!((out.status.code(), String::from_utf8_lossy(&out.stderr).as_ref()), (Some(1), want));
}

#[test]
fn a_missing_package_is_the_go_commands_error_when_running() {
    let out = deft_run("run", &[]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let starts: Vec<&str> = stderr.lines().map(|l| l.split(" (").next().unwrap_or(l)).collect();
    let want = [
        "prog.go:4:2: package chans is not in std",
        "prog.go:5:2: package dotted is not in std",
        "prog.go:6:2: package named is not in std",
        "prog.go:7:2: package nosuch/pkg is not in std",
    ];
    assert_eq!((out.status.code(), starts), (Some(1), want.to_vec()), "{stderr}");
}
