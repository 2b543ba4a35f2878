//! IR snapshots: each `ir/NAME.go` is lowered and its IR dump compared with
//! `ir/NAME.ir`. `DEFT_BLESS=1 cargo test -p lower --test ir_snapshots`
//! rewrites the `.ir` files; review the diff before committing.
//!
//! Function names in the snapshots are gc's (checked against gc 1.19
//! tracebacks, see each file's comment).

mod support;

use std::path::Path;

#[test]
fn ir_snapshots() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ir");
    let bless = std::env::var_os("DEFT_BLESS").is_some();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "go"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    let mut failures = Vec::new();
    for path in &files {
        let src = std::fs::read_to_string(path).unwrap();
        let name = path.file_name().unwrap().to_str().unwrap();
        let got = support::lower_source(name, &src, &Default::default());
        let text = format!("{}{}{}", got.errors, got.defers, got.ir);
        let expect_path = path.with_extension("ir");
        if bless {
            std::fs::write(&expect_path, &text).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&expect_path).unwrap_or_default();
        if want != text {
            failures.push(format!("{name}: IR differs from {}\n{text}", expect_path.display()));
        }
    }
    assert!(failures.is_empty(), "{}\n(DEFT_BLESS=1 to accept)", failures.join("\n"));
}
