//! The golden test: every program under `tests/go` run with deft and judged
//! against gc's behaviour (see the `golden` library for the rule).
//!
//! One `#[test]` runs the whole corpus on parallel threads, 10 s per program.
//! It first builds deft with `cargo build --release -p deft` (set `DEFT_BIN`
//! to test another binary as is), prints a diff for each unexpected failure
//! and a closing `golden: N passed, M failed (...)` line, and fails unless
//! every failure is listed in `tests/known-failures.txt` and no listed
//! program passes.
//!
//! With `DEFT_BLESS=1` it instead regenerates every expectation with gc
//! (the same as `scripts/bless`).

use golden::case::discover;
use golden::gc::Gc;
use golden::process::default_jobs;
use golden::suite::{Blessed, KnownFailures, bless_all, check_all, judge};
use golden::{TIMEOUT, corpus_root, known_failures_path};

#[test]
fn golden_corpus() {
    let cases = discover(&corpus_root()).unwrap_or_else(|e| panic!("reading the corpus: {e}"));
    assert!(!cases.is_empty(), "no programs under {}", corpus_root().display());
    if std::env::var_os("DEFT_BLESS").is_some_and(|v| v == "1") {
        bless(&cases);
        return;
    }
    let deft = golden::deft::build_release().unwrap_or_else(|e| panic!("{e}"));
    let results = check_all(&deft, &cases, default_jobs(), TIMEOUT, golden::deft::Mode::Run);
    let known = KnownFailures::load(&known_failures_path()).unwrap_or_else(|e| panic!("{e}"));
    let report = judge(&results, &known);
    for p in &report.problems {
        println!("{p}");
    }
    println!("{}", report.summary());
    assert!(report.problems.is_empty(), "{} golden problems (see above); {}", report.problems.len(), report.summary());
}

fn bless(cases: &[golden::case::Case]) {
    let outcomes = bless_all(&Gc::default(), cases, default_jobs()).unwrap_or_else(|e| panic!("{e}"));
    let mut errors = 0;
    for (name, outcome) in outcomes {
        match outcome {
            Ok(Blessed::Updated) => println!("updated {name}"),
            Ok(Blessed::Unchanged) => {}
            Err(e) => {
                errors += 1;
                println!("ERROR {name}: {e}");
            }
        }
    }
    assert_eq!(errors, 0, "blessing failed for {errors} programs");
}
