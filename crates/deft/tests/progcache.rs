//! The program cache (`deft run` of a program whose inputs are unchanged
//! links the machine code of an earlier run): a module run until the cache
//! serves it, then changed in each way that must make the cache miss — a
//! body edit of the same size, a file added to a package, go.mod's `go`
//! line, a damaged entry — with every run's output and exit status
//! compared with `go run`'s (gc 1.27.3 on PATH; without it the test says
//! so and passes) and the cache's use read off `DEFT_PHASES=1`.

mod common;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use common::{go, write};

const GO_MOD: &str = "module example.com/m\n\ngo 1.22\n";

const LEAF: &str = r#"package leaf

func Value() int { return 17 * 2 }
"#;

const MAIN: &str = r#"package main

import (
	"fmt"
	"os"

	"example.com/m/leaf"
)

func main() {
	fmt.Println("value", leaf.Value(), os.Args[1:])
	if len(os.Args) > 2 {
		os.Exit(3)
	}
}
"#;

/// A file of package leaf that a step adds.
const EXTRA: &str = r#"package leaf

func init() { println("extra init") }
"#;

/// What a run printed and how it ended.
#[derive(Debug, PartialEq)]
struct Outcome {
    stdout: String,
    /// Standard error without deft's `DEFT_PHASES` lines.
    stderr: String,
    status: Option<i32>,
}

/// `go run . ARGS` in `dir`, or `None` without a Go 1.27.
fn go_run(dir: &Path, gocache: &Path, args: &[&str]) -> Option<Outcome> {
    let out = go(dir, gocache).args(["run", "."]).args(args).output().ok()?;
    // The go command reports a program's failure itself (`exit status 3`,
    // and status 1); deft's status is the program's own, as an executable's.
    let mut stderr = String::from_utf8(out.stderr).unwrap();
    let mut status = out.status.code();
    if let Some((rest, code)) = stderr.strip_suffix('\n').and_then(|s| s.rsplit_once("exit status ")) {
        status = code.parse().ok();
        stderr = rest.to_string();
    }
    Some(Outcome { stdout: String::from_utf8(out.stdout).unwrap(), stderr, status })
}

/// `deft run . ARGS` in `dir` with the cache in `xdg`: its outcome, and
/// whether the program came from the program cache.
fn deft_run(dir: &Path, xdg: &Path, args: &[&str]) -> (Outcome, bool) {
    let out = Command::new(env!("CARGO_BIN_EXE_deft"))
        .args(["run", "."])
        .args(args)
        .current_dir(dir)
        .env("XDG_CACHE_HOME", xdg)
        .env("DEFT_PHASES", "1")
        .env_remove("DEFT_CACHE")
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    let hit = stderr.lines().any(|l| l == "deft: program cache: hit");
    let stderr: String = stderr.lines().filter(|l| !l.starts_with("deft: ")).map(|l| format!("{l}\n")).collect();
    (Outcome { stdout: String::from_utf8(out.stdout).unwrap(), stderr, status: out.status.code() }, hit)
}

/// Waits until files written now are older than the cache's window for
/// racily modified files (two seconds).
fn settle() {
    std::thread::sleep(Duration::from_millis(2100));
}

#[test]
fn unchanged_programs_come_from_the_cache_and_every_change_misses() {
    let tmp = std::env::temp_dir().join(format!("deft-progcache-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    let (dir, xdg, gocache) = (tmp.join("m"), tmp.join("xdg"), tmp.join("gocache"));
    write(&dir, "go.mod", GO_MOD);
    write(&dir, "leaf/leaf.go", LEAF);
    write(&dir, "main.go", MAIN);
    let Some(want) = go_run(&dir, &gocache, &[]) else {
        eprintln!("no go command: skipped");
        return;
    };
    settle();
    // The first compilation records the inputs, the second stores the
    // program, the third run uses it.
    assert_eq!(deft_run(&dir, &xdg, &[]), (want, false), "first run");
    let want = go_run(&dir, &gocache, &["a"]).unwrap();
    assert_eq!(deft_run(&dir, &xdg, &["a"]), (want, false), "second run");
    let want = go_run(&dir, &gocache, &["b"]).unwrap();
    assert_eq!(deft_run(&dir, &xdg, &["b"]), (want, true), "third run: from the cache, with its own arguments");
    let want = go_run(&dir, &gocache, &["b", "c"]).unwrap();
    assert_eq!(want.status, Some(3));
    assert_eq!(deft_run(&dir, &xdg, &["b", "c"]), (want, true), "an exit status from the cache");

    // A body edit of the same size.
    write(&dir, "leaf/leaf.go", &LEAF.replace("17", "18"));
    let want = go_run(&dir, &gocache, &[]).unwrap();
    assert_eq!(deft_run(&dir, &xdg, &[]), (want, false), "a body edit");

    // A file added to a package.
    write(&dir, "leaf/extra.go", EXTRA);
    let want = go_run(&dir, &gocache, &[]).unwrap();
    assert!(want.stderr.contains("extra init"));
    assert_eq!(deft_run(&dir, &xdg, &[]), (want, false), "a file added");
    // Stored by this run or the last (which started more than two seconds
    // after the edit on a loaded machine), served by the next.
    settle();
    let want = go_run(&dir, &gocache, &[]).unwrap();
    assert_eq!(deft_run(&dir, &xdg, &[]).0, want, "stored again");
    assert_eq!(deft_run(&dir, &xdg, &[]), (want, true), "served again");

    // A damaged entry is a miss.
    for entry in std::fs::read_dir(xdg.join("deft/prog")).unwrap() {
        let path = entry.unwrap().path();
        let mut bytes = std::fs::read(&path).unwrap();
        let middle = bytes.len() / 2;
        bytes[middle] ^= 0x40;
        std::fs::write(&path, bytes).unwrap();
    }
    let want = go_run(&dir, &gocache, &[]).unwrap();
    assert_eq!(deft_run(&dir, &xdg, &[]), (want, false), "a damaged entry");

    // go.mod decides the language version, hence the program.
    write(&dir, "go.mod", &GO_MOD.replace("1.22", "1.21"));
    let want = go_run(&dir, &gocache, &[]).unwrap();
    assert_eq!(deft_run(&dir, &xdg, &[]), (want, false), "go.mod changed");
    let _ = std::fs::remove_dir_all(&tmp);
}

const CALC: &str = "package calc\n\nfunc Twice(n int) int { return 2 * n }\n";

const CALC_TEST: &str = r#"package calc

import "testing"

func TestTwice(t *testing.T) {
	if Twice(21) != 42 {
		t.Fatal("Twice(21) != 42")
	}
}
"#;

/// `CMD test -v` in `dir` (deft with its cache in `xdg` and `DEFT_PHASES`
/// on): its standard output with times zeroed, and whether the program
/// came from the program cache.
fn test_v(cmd: &str, dir: &Path, xdg: &Path) -> (String, bool) {
    let out = Command::new(cmd)
        .args(["test", "-v"])
        .current_dir(dir)
        .env("GOTOOLCHAIN", "local")
        .env("GOFLAGS", "")
        .env("GOCACHE", xdg.join("gocache"))
        .env("XDG_CACHE_HOME", xdg)
        .env("DEFT_PHASES", "1")
        .env_remove("DEFT_CACHE")
        .output()
        .unwrap();
    let hit = String::from_utf8_lossy(&out.stderr).lines().any(|l| l == "deft: program cache: hit");
    let zeroed: String = String::from_utf8(out.stdout)
        .unwrap()
        .split_inclusive('\n')
        .map(|l| match l.rsplit_once('\t').filter(|(_, t)| t.trim_end().ends_with('s')) {
            Some((head, _)) => format!("{head}\t0s\n"),
            None => l.replace("(0.00s)", "(0s)"),
        })
        .collect();
    (zeroed, hit)
}

#[test]
fn test_programs_come_from_the_cache_until_a_test_changes() {
    let tmp = std::env::temp_dir().join(format!("deft-progcache-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    let (dir, xdg) = (tmp.join("calc"), tmp.join("xdg"));
    write(&dir, "go.mod", "module example.com/calc\n\ngo 1.22\n");
    write(&dir, "calc.go", CALC);
    write(&dir, "calc_test.go", CALC_TEST);
    let deft = env!("CARGO_BIN_EXE_deft");
    let Ok(want) = std::panic::catch_unwind(|| test_v("go", &dir, &xdg).0) else {
        eprintln!("no go command: skipped");
        return;
    };
    assert!(want.contains("--- PASS: TestTwice"), "{want}");
    settle();
    for (run, from_cache) in [("first", false), ("second", false), ("third", true)] {
        assert_eq!(test_v(deft, &dir, &xdg), (want.clone(), from_cache), "{run} run");
    }
    // The test's expectation changes: the package now fails.
    write(&dir, "calc_test.go", &CALC_TEST.replace("Twice(21) != 42", "Twice(21) != 43"));
    let want = test_v("go", &dir, &xdg).0;
    assert!(want.contains("--- FAIL: TestTwice"), "{want}");
    assert_eq!(test_v(deft, &dir, &xdg), (want, false), "after an edit");
    let _ = std::fs::remove_dir_all(&tmp);
}
