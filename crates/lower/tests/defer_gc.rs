//! `-d=defer` output compared with gc 1.19's, byte for byte.
//!
//! Each `defer/NAME.go` starts with `// defer-check [-l] [-N]`; the expected
//! output `defer/NAME.defer` is what `go tool compile -d=defer FLAGS` (gc
//! 1.19) printed for it — regenerate with `defer/regen.sh`, never by hand.
//! `-N` is passed on to deft (no open-coded defers); `-l` (no inlining) is
//! how deft always compiles, recorded where gc's inliner would change the
//! answer (see the file's comment).

mod support;

use std::path::Path;

use lower::LowerOptions;

fn check(path: &Path) -> Result<(), String> {
    let src = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let header = src.lines().next().unwrap_or("");
    let flags = header
        .strip_prefix("// defer-check")
        .ok_or_else(|| format!("{}: no `// defer-check` header", path.display()))?;
    let opts = LowerOptions { disable_open_defers: flags.split_whitespace().any(|f| f == "-N"), ..Default::default() };
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("x.go");
    let got = support::lower_source(name, &src, &opts);
    if !got.errors.is_empty() {
        return Err(format!("{name}: deft rejected it:\n{}", got.errors));
    }
    let want = std::fs::read_to_string(path.with_extension("defer"))
        .map_err(|e| format!("{name}: no expectation ({e}); run defer/regen.sh"))?;
    if got.defers != want {
        return Err(format!("{name}: -d=defer differs from gc\n--- gc\n{want}--- deft\n{}", got.defers));
    }
    Ok(())
}

#[test]
fn defer_reports_match_gc() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/defer");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "go"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    let failures: Vec<String> = files.iter().filter_map(|f| check(f).err()).collect();
    assert!(
        failures.is_empty(),
        "{} of {} files differ from gc:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}
