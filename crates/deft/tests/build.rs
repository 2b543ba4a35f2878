//! `deft build` and `deft test -c` as the go command's `go build` and
//! `go test -c`: where the executable goes and what it will not
//! overwrite, what happens to a package other than main, to a package
//! with errors and to one without tests, and that the executable behaves
//! as `deft run` does (a test binary as go test runs it).
//!
//! The go command's wording (`mkdir DIR/: file exists`, `build output
//! "x" already exists and is not an object file`) and behaviour
//! (a missing output directory is made; a non-main package is compiled and
//! nothing written) were read off gc 1.27.3's `go build`; the executables
//! are judged against `deft run`, whose behaviour the golden corpus checks
//! against gc. Linking needs the runtime library next to the binary under
//! test: it is built first (`cargo build -p deftrt`, the test's profile).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const PROGRAM: &str = r#"package main

import (
	"fmt"
	"os"
)

func f(n int) (r int) {
	defer func() {
		if recover() != nil {
			r = -n
		}
	}()
	if n%2 == 1 {
		panic("odd")
	}
	return n
}

func main() {
	fmt.Println(len(os.Args), os.Args[1:])
	for i := 0; i < 4; i++ {
		fmt.Println(f(i))
	}
	var m map[int]int
	m[1] = 2
}
"#;

fn deft() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_deft"))
}

/// Builds the runtime library next to the deft binary under test.
fn build_runtime_library() {
    let dir = deft().parent().expect("the binary's directory");
    let profile_release = dir.file_name().is_some_and(|n| n == "release");
    let target = dir.parent().expect("the target directory");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut cmd = Command::new(cargo);
    cmd.args(["build", "-q", "-p", "deftrt"]).env("CARGO_TARGET_DIR", target);
    if profile_release {
        cmd.arg("--release");
    }
    let status = cmd.status().expect("running cargo");
    assert!(status.success(), "building the runtime library: {status}");
}

/// A fresh directory holding `prog.go` with `source`.
fn project(tag: &str, source: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("deft-build-test-{}-{tag}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(dir.join("prog.go"), source).expect("write prog.go");
    dir
}

/// The runtime library next to the deft binary under test.
fn runtime_library() -> PathBuf {
    deft().with_file_name("libdeftrt.a")
}

fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("starting a process")
}

#[test]
fn the_executable_behaves_as_deft_run() {
    build_runtime_library();
    let dir = project("run", PROGRAM);
    // A missing output directory is made, as go build makes it.
    let built = run(Command::new(deft()).args(["build", "-o", "out/sub/", "prog.go"]).current_dir(&dir));
    assert!(built.status.success(), "deft build: {}", String::from_utf8_lossy(&built.stderr));
    let exe = dir.join("out/sub/prog");
    let have = run(Command::new(&exe).args(["a", "b"]).current_dir(&dir));
    let want = run(Command::new(deft()).args(["run", "prog.go", "a", "b"]).current_dir(&dir));
    assert_eq!(String::from_utf8_lossy(&have.stdout), String::from_utf8_lossy(&want.stdout));
    assert_eq!(have.status.code(), want.status.code());
    assert_eq!(want.status.code(), Some(2), "an unrecovered panic");
    // The trace is the same but for the pc offsets and argument words.
    let trace = |o: &Output| -> Vec<String> {
        String::from_utf8_lossy(&o.stderr).lines().map(|l| l.split(" +0x").next().unwrap_or(l).to_string()).collect()
    };
    assert_eq!(trace(&have), trace(&want));
    assert!(trace(&have).iter().any(|l| l.ends_with("prog.go:26")), "file:line in the trace: {:?}", trace(&have));
    // The default name is the first file's stem, in the current directory.
    let built = run(Command::new(deft()).args(["build", "prog.go"]).current_dir(&dir));
    assert!(built.status.success() && dir.join("prog").is_file());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bad_input_gets_go_builds_answers() {
    build_runtime_library();
    let dir = project("bad", "package main\n\nfunc main() { x := 1 }\n");
    let built = run(Command::new(deft()).args(["build", "prog.go"]).current_dir(&dir));
    let ran = run(Command::new(deft()).args(["run", "prog.go"]).current_dir(&dir));
    assert_eq!(built.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&built.stderr), String::from_utf8_lossy(&ran.stderr));
    assert!(!dir.join("prog").exists());

    std::fs::write(dir.join("prog.go"), PROGRAM).expect("write prog.go");
    std::fs::write(dir.join("afile"), "").expect("write afile");
    let built = run(Command::new(deft()).args(["build", "-o", "afile/x", "prog.go"]).current_dir(&dir));
    assert_eq!(built.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&built.stderr),
        "command-line-arguments: go build command-line-arguments: mkdir afile/: file exists\n"
    );

    // What go build will not overwrite: a directory, a file that is no
    // object file.
    std::fs::create_dir_all(dir.join("prog")).expect("mkdir prog");
    let built = run(Command::new(deft()).args(["build", "prog.go"]).current_dir(&dir));
    assert_eq!(built.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&built.stderr), "go: build output \"prog\" already exists and is a directory\n");
    std::fs::write(dir.join("notes.txt"), "notes").expect("write notes.txt");
    let built = run(Command::new(deft()).args(["build", "-o", "notes.txt", "prog.go"]).current_dir(&dir));
    assert_eq!(built.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&built.stderr),
        "command-line-arguments: go build command-line-arguments: build output \"notes.txt\" already exists and is not an object file\n"
    );
    assert_eq!(std::fs::read(dir.join("notes.txt")).expect("read notes.txt"), b"notes");
    std::fs::remove_dir(dir.join("prog")).expect("rmdir prog");

    // A package other than main: type-checked, nothing written, success.
    std::fs::write(dir.join("prog.go"), "package p\n\nfunc F() int { return 1 }\n").expect("write prog.go");
    let built = run(Command::new(deft()).args(["build", "prog.go"]).current_dir(&dir));
    assert!(built.status.success(), "{}", String::from_utf8_lossy(&built.stderr));
    assert!(built.stderr.is_empty() && !dir.join("prog").exists() && !dir.join("p").exists());
    let _ = std::fs::remove_dir_all(&dir);
}

/// A program whose string variables `-ldflags=-X` sets (what gc 1.27.3's
/// executable printed is written beside each case), and which shows
/// `runtime.GOROOT()`.
const LINKED: &str = r#"package main

import "runtime"

type V string

var a int
var b V
var c = "const"
var d = dynamic()
var e string

func dynamic() string { return "dyn" }

func main() {
	println(a, b, c, d, e)
	println(runtime.GOROOT())
}
"#;

#[test]
fn ldflags_x_sets_string_variables_as_gcs_linker_does() {
    build_runtime_library();
    let dir = project("ldflags", LINKED);
    // A constant initializer is replaced, a dynamic one runs anyway,
    // unknown names are ignored, quotes group a value.
    let flags = "-X main.c=1 -X main.d=2 -X 'main.e=sp ace' -X main.nosuch=3 -X fmt.x=3";
    let want = "0  1 dyn sp ace\n/the/root\n";
    let built = run(Command::new(deft()).args(["build", "-ldflags", flags, "prog.go"]).current_dir(&dir));
    assert!(built.status.success(), "deft build: {}", String::from_utf8_lossy(&built.stderr));
    let have = run(Command::new(dir.join("prog")).env("GOROOT", "/the/root").current_dir(&dir));
    assert_eq!(String::from_utf8_lossy(&have.stderr), want);
    let ran = run(Command::new(deft()).args(["run", &format!("-ldflags={flags}"), "prog.go"]).current_dir(&dir));
    let (stderr, rest) = String::from_utf8_lossy(&ran.stderr)
        .split_once('\n')
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .expect("two lines");
    assert_eq!(stderr, "0  1 dyn sp ace");
    // Without $GOROOT, the distribution deft compiled with, as gc's
    // linker records its own.
    assert!(Path::new(rest.trim_end()).join("src/runtime").is_dir(), "runtime.GOROOT() = {rest:?}");
    // A variable not of type string: gc's link error, nothing written.
    for (flag, msg) in [
        ("-X main.a=1", "main.a: cannot set with -X: not a var of type string (type:int)\n"),
        ("-X main.b=1", "main.b: cannot set with -X: not a var of type string (type:main.V)\n"),
    ] {
        let _ = std::fs::remove_file(dir.join("prog"));
        let built = run(Command::new(deft()).args(["build", "-ldflags", flag, "prog.go"]).current_dir(&dir));
        assert_eq!(built.status.code(), Some(1));
        assert_eq!(String::from_utf8_lossy(&built.stderr), msg);
        assert!(!dir.join("prog").exists());
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn test_binaries_are_written_and_run_as_go_test_runs_them() {
    build_runtime_library();
    let dir = project("testc", "package p\n\nfunc F() int { return 1 }\n");
    std::fs::write(dir.join("go.mod"), "module example.com/p\n\ngo 1.27\n").expect("write go.mod");
    let test = "package p\n\nimport \"testing\"\n\nfunc TestF(t *testing.T) {\n\tif F() != 1 {\n\t\tt.Fatal(\"F\")\n\t}\n}\n\nfunc TestG(t *testing.T) { t.Log(\"g\") }\n";
    std::fs::write(dir.join("p_test.go"), test).expect("write p_test.go");
    // Nothing is run, nothing printed; the binary is named PKG.test.
    let built = run(Command::new(deft()).args(["test", "-c"]).current_dir(&dir));
    assert!(built.status.success(), "{}", String::from_utf8_lossy(&built.stderr));
    assert!(built.stdout.is_empty() && built.stderr.is_empty());
    let ran = run(Command::new(dir.join("p.test")).args(["-test.v", "-test.run=F"]).current_dir(&dir));
    assert!(ran.status.success());
    let out = String::from_utf8_lossy(&ran.stdout);
    let lines: Vec<&str> = out.lines().map(|l| l.split(" (").next().unwrap_or(l)).collect();
    assert_eq!(lines, ["=== RUN   TestF", "--- PASS: TestF", "PASS"]);
    // -o names the binary; a package without tests writes none, as go test -c.
    let built = run(Command::new(deft()).args(["test", "-c", "-o", "bin/x.test"]).current_dir(&dir));
    assert!(built.status.success() && dir.join("bin/x.test").is_file());
    std::fs::remove_file(dir.join("p_test.go")).expect("rm p_test.go");
    let built = run(Command::new(deft()).args(["test", "-c", "-o", "none.test"]).current_dir(&dir));
    assert!(built.status.success() && !dir.join("none.test").exists());
    assert_eq!(String::from_utf8_lossy(&built.stdout), "?   \texample.com/p\t[no test files]\n");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_runtime_library_exports_every_symbol_code_may_import() {
    build_runtime_library();
    let nm = run(Command::new("nm").args(["-g", "--defined-only"]).arg(runtime_library()));
    assert!(nm.status.success(), "nm: {}", String::from_utf8_lossy(&nm.stderr));
    let listing = String::from_utf8_lossy(&nm.stdout);
    let defined: std::collections::HashSet<&str> = listing.lines().filter_map(|l| l.split(' ').nth(2)).collect();
    let entry_points = codegen::runtime_symbols::Rt::ALL.iter().map(|rt| rt.sym().name);
    for name in entry_points.chain(runtime::library::names()).chain(["deft_main"]) {
        assert!(defined.contains(name), "libdeftrt.a does not export {name}");
    }
}
