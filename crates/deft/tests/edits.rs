//! A module of three packages run with the compile cache cold, warm, after
//! a leaf's function body changed and after an exported signature of that
//! leaf changed: every run prints what `go run` prints (run beside it, gc
//! 1.27.3 on PATH; without it the test says so and passes), and the
//! caches' lookups (`DEFT_PHASES=1`) show what was compiled again: nothing
//! when nothing changed (both packages other than main come from the
//! package cache), the edited package alone after a body edit (and of it
//! the edited function alone from Cranelift), and its importer too once
//! its signature changed (issue 14: an API change must reach the
//! importers). A second module checks that a package's unit stays right
//! in a program that changed around it: reflect finds the type
//! descriptors only the unit has, and an edit that calls a method the
//! unit's method tables left dead makes the unit stale, compiled again.
//! Packages the package cache may serve are parsed for their
//! declarations only: a syntax error inside a body of one is still gc's.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{go, write};

const GO_MOD: &str = "module example.com/m\n\ngo 1.22\n";

const LEAF: &str = r#"package leaf

// Value is what the edits change: a leaf small enough to inline, which
// deft inlines into its own package's code only, so that a body edit
// recompiles this package alone (gc's export data carries inlinable
// bodies, and its importers are compiled again).
func Value() int {
	return 17 * 2
}

func Name() string { return "leaf" }
"#;

const MID: &str = r#"package mid

import "example.com/m/leaf"

func Sum() int { return int(leaf.Value()) + 1 }

func Label() string { return leaf.Name() + "/mid" }
"#;

const MAIN: &str = r#"package main

import (
	"fmt"

	"example.com/m/mid"
)

func main() {
	fmt.Println(mid.Label(), mid.Sum())
}
"#;

/// `go run .` in `dir`: its standard output, or `None` without a Go 1.27.
fn go_run(dir: &Path, gocache: &Path) -> Option<String> {
    let out = go(dir, gocache).args(["run", "."]).output().ok()?;
    assert!(out.status.success(), "go run: {}", String::from_utf8_lossy(&out.stderr));
    Some(String::from_utf8(out.stdout).unwrap())
}

/// `go run .` in `dir`, which fails: its standard error without the
/// go command's `# package` headers (deft prints none).
fn go_run_fails(dir: &Path, gocache: &Path) -> String {
    let out = go(dir, gocache).args(["run", "."]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "go run: {}", String::from_utf8_lossy(&out.stdout));
    let stderr = String::from_utf8(out.stderr).unwrap();
    stderr.lines().filter(|l| !l.starts_with("# ")).map(|l| format!("{l}\n")).collect()
}

/// `deft run .` in `dir` with the cache in `xdg`, which fails: its
/// standard error.
fn deft_run_fails(dir: &Path, xdg: &Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_deft"))
        .args(["run", "."])
        .current_dir(dir)
        .env("XDG_CACHE_HOME", xdg)
        .env_remove("DEFT_CACHE")
        .env_remove("DEFT_RELINK")
        .env_remove("DEFT_PHASES")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "deft run: {}", String::from_utf8_lossy(&out.stdout));
    String::from_utf8(out.stderr).unwrap()
}

/// What a `deft run` printed and compiled.
#[derive(Debug, PartialEq)]
struct Run {
    /// Its standard output.
    out: String,
    /// Functions the machine-code cache lacked (compiled anew).
    func_misses: usize,
    /// Packages whose units the package cache had, and lacked.
    pkg_hits: usize,
    pkg_misses: usize,
    /// Whether hit units were found stale and every package compiled again.
    stale: bool,
}

/// `deft run .` in `dir` with the cache in `xdg`. Each run's request is
/// a new one to the program cache (a `DEFT_*` variable of its own is part
/// of the request key): the program cache would otherwise serve a run
/// whose files are unchanged whole, without the lookups this test counts,
/// whenever the step before took more than its racy-file margin.
fn deft_run(dir: &Path, xdg: &Path) -> Run {
    static RUNS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let run = RUNS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let out = Command::new(env!("CARGO_BIN_EXE_deft"))
        .arg("run")
        .arg(".")
        .current_dir(dir)
        .env("XDG_CACHE_HOME", xdg)
        .env("DEFT_EDITS_RUN", run.to_string())
        .env("DEFT_PHASES", "1")
        .env_remove("DEFT_CACHE")
        .env_remove("DEFT_RELINK")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "deft run: {stderr}");
    // "deft: WHAT: H hits, M misses" as (H, M).
    let counts = |what: &str| -> (usize, usize) {
        let prefix = format!("deft: {what}: ");
        let line = stderr.lines().find_map(|l| l.strip_prefix(prefix.as_str())).unwrap_or_else(|| panic!("{stderr}"));
        let words: Vec<&str> = line.split([' ', ',']).filter(|w| !w.is_empty()).collect();
        let count = |word: &str| {
            let i = words.iter().position(|w| *w == word).unwrap_or_else(|| panic!("{line}"));
            words[i - 1].parse().unwrap()
        };
        (count("hits"), count("misses"))
    };
    let (_, func_misses) = counts("cache");
    let (pkg_hits, pkg_misses) = counts("packages");
    let stale = stderr.contains("deft: stale units");
    Run { out: String::from_utf8(out.stdout).unwrap(), func_misses, pkg_hits, pkg_misses, stale }
}

/// A fresh module of `files` under a temporary directory named after
/// `tag`: (the directory to remove afterwards, the module, XDG_CACHE_HOME,
/// GOCACHE).
fn fresh_module(tag: &str, files: &[(&str, &str)]) -> (PathBuf, PathBuf, PathBuf, PathBuf) {
    let tmp = std::env::temp_dir().join(format!("deft-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    let (dir, xdg, gocache) = (tmp.join("m"), tmp.join("xdg"), tmp.join("gocache"));
    for (name, text) in files {
        write(&dir, name, text);
    }
    (tmp, dir, xdg, gocache)
}

#[test]
fn edits_recompile_what_they_change_and_the_output_follows() {
    let (tmp, dir, xdg, gocache) =
        fresh_module("edits", &[("go.mod", GO_MOD), ("leaf/leaf.go", LEAF), ("mid/mid.go", MID), ("main.go", MAIN)]);
    let Some(want) = go_run(&dir, &gocache) else {
        eprintln!("no go command: skipped");
        return;
    };
    // The package cache serves leaf and mid (main is compiled each time).
    let run = |out: &str, func_misses, pkg_hits, pkg_misses| Run {
        out: out.to_string(),
        func_misses,
        pkg_hits,
        pkg_misses,
        stale: false,
    };

    let cold = deft_run(&dir, &xdg);
    assert_eq!((cold.out.as_str(), cold.pkg_hits, cold.pkg_misses), (want.as_str(), 0, 2), "cold");
    assert!(cold.func_misses > 0);
    assert_eq!(deft_run(&dir, &xdg), run(&want, 0, 2, 0), "warm, nothing changed: both packages hit");

    // A body edit: the output changes, leaf is compiled again (the edited
    // function alone misses the machine-code cache), mid is a hit.
    write(&dir, "leaf/leaf.go", &LEAF.replace("17 * 2", "20 * 2"));
    let want = go_run(&dir, &gocache).unwrap();
    assert_eq!(deft_run(&dir, &xdg), run(&want, 1, 1, 1), "after a body edit");

    // A signature edit: its importer's code changes too (a conversion from
    // int32 where there was none): both packages miss.
    write(
        &dir,
        "leaf/leaf.go",
        &LEAF.replace("17 * 2", "20 * 2").replace("func Value() int {", "func Value() int32 {"),
    );
    let want = go_run(&dir, &gocache).unwrap();
    let edited = deft_run(&dir, &xdg);
    assert_eq!(
        (edited.out.as_str(), edited.pkg_hits, edited.pkg_misses),
        (want.as_str(), 0, 2),
        "after a signature edit"
    );
    assert!(edited.func_misses >= 2, "after a signature edit, the function and its caller: {edited:?}");
    assert_eq!(deft_run(&dir, &xdg), run(&want, 0, 2, 0), "warm again");

    // A syntax error inside a body, in a package the loader parses for its
    // declarations only (a hit needs no more): it misses, is parsed whole
    // and the error is gc's; once it is fixed both hit again.
    let fixed = LEAF.replace("17 * 2", "20 * 2").replace("func Value() int {", "func Value() int32 {");
    write(&dir, "leaf/leaf.go", &fixed.replace("return 20 * 2", "return 20 * 2 +"));
    let error = go_run_fails(&dir, &gocache);
    assert!(error.contains("syntax error"), "{error}");
    assert_eq!(deft_run_fails(&dir, &xdg), error, "a syntax error in a body");
    write(&dir, "leaf/leaf.go", &fixed);
    assert_eq!(deft_run(&dir, &xdg), run(&want, 0, 2, 0), "fixed");
    let _ = std::fs::remove_dir_all(&tmp);
}

const SHAPE: &str = r#"package shape

import "reflect"

type Sq struct{ N int }

// Area is called through an interface only once main's edit asks for it.
func (s Sq) Area() int { return s.N * s.N }

func Make(n int) any { return Sq{n} }

// Kinds is the only code with the type map[string][]Sq: its descriptor is
// in this package's unit alone.
func Kinds() reflect.Type { return reflect.TypeOf(map[string][]Sq{}) }
"#;

const SHAPE_MAIN: &str = r#"package main

import (
	"fmt"
	"reflect"

	"example.com/m/shape"
)

func main() {
	x := shape.Make(3)
	fmt.Println(x)
	t := shape.Kinds()
	fmt.Println(t, reflect.MapOf(reflect.TypeOf(""), reflect.SliceOf(reflect.TypeOf(x))) == t)
}
"#;

#[test]
fn a_unit_stays_right_in_a_program_that_changed_around_it() {
    let (tmp, dir, xdg, gocache) =
        fresh_module("units", &[("go.mod", GO_MOD), ("shape/shape.go", SHAPE), ("main.go", SHAPE_MAIN)]);
    let Some(want) = go_run(&dir, &gocache) else {
        eprintln!("no go command: skipped");
        return;
    };
    assert!(want.ends_with("true\n"), "{want}");
    assert_eq!(deft_run(&dir, &xdg).out, want, "cold");
    // main changes, shape is a hit: reflect's MapOf finds the descriptor
    // shape's unit carries.
    write(&dir, "main.go", &format!("{SHAPE_MAIN}\n// edited\n"));
    let warm = deft_run(&dir, &xdg);
    assert_eq!((warm.out.as_str(), warm.pkg_hits, warm.stale), (want.as_str(), 1, false), "main edited");

    // Now main calls Area through an interface, which shape's unit left
    // dead: the unit is stale, and the program compiled again is right.
    let calls = SHAPE_MAIN.replace("fmt.Println(x)", "fmt.Println(x, x.(interface{ Area() int }).Area())");
    write(&dir, "main.go", &calls);
    let want = go_run(&dir, &gocache).unwrap();
    let edited = deft_run(&dir, &xdg);
    assert_eq!((edited.out.as_str(), edited.stale), (want.as_str(), true), "an interface call of a dead method");
    // The unit kept then has Area live: a hit again.
    write(&dir, "main.go", &format!("{calls}\n// edited\n"));
    let again = deft_run(&dir, &xdg);
    assert_eq!((again.out.as_str(), again.pkg_hits, again.stale), (want.as_str(), 1, false), "warm again");
    let _ = std::fs::remove_dir_all(&tmp);
}
