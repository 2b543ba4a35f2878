//! The generator's two promises: the same seed always gives the same
//! program, and gc accepts every program it generates.

use std::path::PathBuf;
use std::process::Command;

use deft_fuzz::features::Features;
use deft_fuzz::gc::{go_available, remove_dir};
use deft_fuzz::generator::generate;

#[test]
fn same_seed_same_program() {
    let feat = Features::default();
    let mut distinct = std::collections::HashSet::new();
    for seed in 0..200 {
        let a = generate(seed, &feat);
        let b = generate(seed, &feat);
        assert!(a == b, "seed {seed}: two generations differ");
        assert!(a.contains("package main") && a.contains("func main()"), "seed {seed}: not a main package");
        distinct.insert(a);
    }
    assert_eq!(distinct.len(), 200, "different seeds should give different programs");
}

/// A sample of 30 programs (default features, and a few other feature
/// sets) must build with `go build`. Skipped, with a note, without `go`.
#[test]
fn gc_compiles_a_sample() {
    if !go_available() {
        eprintln!("note: `go` is not on PATH; skipping the gc compile check of generated programs");
        return;
    }
    let dir: PathBuf = std::env::temp_dir().join(format!("deft-fuzz-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // One module, one package per program: a single `go build ./...`
    // compiles them all in parallel. Go 1.27: generic methods (range over
    // int and func came with 1.22 and 1.23).
    std::fs::write(dir.join("go.mod"), "module fuzzsample\n\ngo 1.27\n").unwrap();
    let sets = [
        "",
        "",
        "",
        "-defer",
        "none",
        "+typeswitch",
        "-closures,-strings",
        "+rangefuncdefer,+rangefuncgoto",
        "none,rangefunc,rangeint,loopvar",
        "-recover,-rangeint",
        "none,generics,defer,panic,recover,closures",
        "-generics",
    ];
    for k in 0..30u64 {
        let list = sets[k as usize % sets.len()];
        let feat = Features::parse(list).unwrap();
        let pkg = dir.join(format!("seed{}", k * 10 + 3));
        std::fs::create_dir_all(&pkg).unwrap();
        std::fs::write(pkg.join("main.go"), generate(k * 10 + 3, &feat)).unwrap();
    }
    let out = Command::new("go").args(["build", "./..."]).current_dir(&dir).output().expect("go build runs");
    remove_dir(&dir).unwrap();
    assert!(
        out.status.success(),
        "gc rejects generated programs (dir seedN = seed N):\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
