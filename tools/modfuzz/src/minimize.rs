//! Shrinking a project while it keeps differing the same way.
//!
//! Greedy passes until nothing more goes or the budget is spent: drop a
//! file (or an empty directory, or a flag), then paragraphs of each file
//! (blank-line separated: an import block, a declaration, a directive),
//! then runs of lines, from four to one. A candidate is kept when the
//! predicate (in practice: "same verdict and same
//! [`crate::run::signature`]") holds for it.

use std::time::{Duration, Instant};

use crate::project::Project;

/// How much work one minimization may do.
#[derive(Clone, Copy, Debug)]
pub struct Budget {
    /// Predicate evaluations.
    pub tests: usize,
    /// Wall time.
    pub time: Duration,
}

/// The smallest project found, and how many tests it took.
pub fn minimize(start: &Project, budget: Budget, mut keeps: impl FnMut(&Project) -> bool) -> (Project, usize) {
    let began = Instant::now();
    let mut best = start.clone();
    let tests = std::cell::Cell::new(0);
    let spent = || tests.get() >= budget.tests || began.elapsed() >= budget.time;
    let mut try_it = |cand: Project, best: &mut Project| -> bool {
        if spent() {
            return false;
        }
        tests.set(tests.get() + 1);
        let ok = keeps(&cand);
        if ok {
            *best = cand;
        }
        ok
    };
    loop {
        let before = best.clone();
        for name in before.files.keys() {
            let mut cand = best.clone();
            cand.files.remove(name);
            try_it(cand, &mut best);
        }
        for d in &before.dirs {
            let mut cand = best.clone();
            cand.dirs.retain(|x| x != d);
            try_it(cand, &mut best);
        }
        for a in before.args.iter().filter(|a| a.starts_with('-')) {
            let mut cand = best.clone();
            cand.args.retain(|x| x != a);
            try_it(cand, &mut best);
        }
        let names: Vec<String> = best.files.keys().cloned().collect();
        for name in &names {
            // Paragraphs (blank-line separated): an import block, a
            // declaration, a go.mod directive.
            let mut at = 0;
            while let Some(text) = best.files.get(name) {
                let paras: Vec<&str> = text.split_inclusive("\n\n").collect();
                if at >= paras.len() {
                    break;
                }
                let shorter: String = paras[..at].iter().chain(&paras[at + 1..]).copied().collect();
                let mut cand = best.clone();
                cand.files.insert(name.clone(), shorter);
                if !try_it(cand, &mut best) {
                    at += 1;
                }
            }
        }
        for name in names {
            let mut chunk = 4;
            while chunk > 0 {
                let mut at = 0;
                while let Some(text) = best.files.get(&name) {
                    let lines: Vec<&str> = text.split_inclusive('\n').collect();
                    if at >= lines.len() {
                        break;
                    }
                    let end = (at + chunk).min(lines.len());
                    let shorter: String = lines[..at].iter().chain(&lines[end..]).copied().collect();
                    let mut cand = best.clone();
                    cand.files.insert(name.clone(), shorter);
                    if !try_it(cand, &mut best) {
                        at += chunk;
                    }
                }
                chunk /= 2;
            }
        }
        if best == before || spent() {
            return (best, tests.get());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_what_the_predicate_needs() {
        let mut p = Project { cwd: "m".into(), args: vec!["-tags=x".into(), ".".into()], ..Default::default() };
        p.files.insert("m/a.go".into(), "one\ntwo\nBUG\nthree\n".into());
        p.files.insert("m/b.go".into(), "unrelated\n".into());
        let budget = Budget { tests: 1000, time: Duration::from_secs(60) };
        let (m, _) = minimize(&p, budget, |c| c.files.get("m/a.go").is_some_and(|t| t.contains("BUG")));
        assert_eq!(m.files.len(), 1);
        assert_eq!(m.files["m/a.go"], "BUG\n");
        assert_eq!(m.args, ["."]);
    }
}
