//! Judging a deft run against the gc run of the same program.
//!
//! What must match: stdout exactly, the exit status, and stderr up to the
//! first line starting with `goroutine ` (println output, the panic chain,
//! the `[signal ...]` line; not the traceback, whose addresses and offsets
//! cannot match). In a `[signal ...]` line the `pc=0x...` value is masked.
//!
//! deft reports a feature it lacks as a compile error containing
//! `does not support ... yet` (exit 1): that run is *unsupported*, not a
//! difference.

use crate::exec::{Outcome, Status};

/// The verdict on one program.
#[derive(Clone, Debug)]
pub enum Verdict {
    /// deft behaved as gc.
    Same,
    /// deft declined: the first `does not support ... yet` line.
    Unsupported(String),
    /// deft behaved differently.
    Differ(Difference),
}

/// How deft's run differed from gc's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    /// gc's exit status (the minimizer keeps it fixed).
    pub gc_status: Status,
    /// deft's exit status (the minimizer keeps it fixed).
    pub deft_status: Status,
    /// A few lines: which channel differs, first differing line of each.
    pub summary: String,
}

/// The part of stderr that must match: everything before the first line
/// starting with `goroutine `, with `[signal ...]` pc values masked.
pub fn significant_stderr(stderr: &[u8]) -> String {
    let text = String::from_utf8_lossy(stderr);
    let mut kept = String::new();
    for line in text.split_inclusive('\n') {
        if line.starts_with("goroutine ") {
            break;
        }
        if line.starts_with("[signal ") {
            kept.push_str(&mask_pc(&stale_sigcode(line)));
        } else {
            kept.push_str(line);
        }
    }
    kept
}

/// gc 1.19 sometimes prints stale values for the signal code and address
/// (different on every run, e.g. `code=0xc000099c98 addr=0x458f55`): when a
/// nil func value called by a deferred call faults while an earlier panic
/// is running. A code that is no `si_code` at all is read as what the fault
/// was, a nil dereference: `code=0x1 addr=0x0`.
fn stale_sigcode(line: &str) -> String {
    let Some(at) = line.find("code=0x") else { return line.to_string() };
    let start = at + "code=0x".len();
    let end = line[start..].find(|c: char| !c.is_ascii_hexdigit()).map_or(line.len(), |n| start + n);
    let plausible = u64::from_str_radix(&line[start..end], 16).is_ok_and(|c| c < 0x100);
    let Some(addr_end) = line[end..].find(" pc=").map(|n| end + n) else { return line.to_string() };
    if plausible {
        return line.to_string();
    }
    format!("{}code=0x1 addr=0x0{}", &line[..at], &line[addr_end..])
}

/// Replaces the hex digits after `pc=0x` by `?`.
fn mask_pc(line: &str) -> String {
    let Some(at) = line.find("pc=0x") else {
        return line.to_string();
    };
    let start = at + "pc=0x".len();
    let end = line[start..].find(|c: char| !c.is_ascii_hexdigit()).map_or(line.len(), |n| start + n);
    format!("{}?{}", &line[..start], &line[end..])
}

/// The first `does not support ... yet` line of a deft compile failure.
pub fn unsupported_reason(deft: &Outcome) -> Option<String> {
    if deft.status != Status::Exit(1) {
        return None;
    }
    let text = String::from_utf8_lossy(&deft.stderr);
    text.lines().find(|l| l.contains("does not support") && l.contains("yet")).map(|l| l.trim().to_string())
}

/// Compares deft's run with gc's.
pub fn judge(gc: &Outcome, deft: &Outcome) -> Verdict {
    if let Some(reason) = unsupported_reason(deft) {
        return Verdict::Unsupported(reason);
    }
    let mut parts = Vec::new();
    if gc.status != deft.status {
        parts.push(format!("status: gc {}, deft {}", gc.status, deft.status));
    }
    let (gs, ds) = (String::from_utf8_lossy(&gc.stdout), String::from_utf8_lossy(&deft.stdout));
    if let Some(d) = first_diff("stdout", &gs, &ds) {
        parts.push(d);
    }
    if let Some(d) = first_diff("stderr", &significant_stderr(&gc.stderr), &significant_stderr(&deft.stderr)) {
        parts.push(d);
    }
    if parts.is_empty() {
        return Verdict::Same;
    }
    Verdict::Differ(Difference {
        gc_status: gc.status.clone(),
        deft_status: deft.status.clone(),
        summary: parts.join("\n"),
    })
}

/// The first differing line of two texts, as a short report, or `None`
/// when they are equal.
pub fn first_diff(what: &str, want: &str, have: &str) -> Option<String> {
    if want == have {
        return None;
    }
    let (w, h): (Vec<&str>, Vec<&str>) = (want.lines().collect(), have.lines().collect());
    let n = w.iter().zip(&h).take_while(|(a, b)| a == b).count();
    let show = |l: Option<&&str>| l.map_or("<end>".to_string(), |s| format!("{:?}", truncate(s, 160)));
    Some(format!(
        "{what} line {} ({} lines gc, {} deft):\n  gc:   {}\n  deft: {}",
        n + 1,
        w.len(),
        h.len(),
        show(w.get(n)),
        show(h.get(n))
    ))
}

fn truncate(s: &str, max: usize) -> &str {
    match s.char_indices().nth(max) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn outcome(code: i32, stderr: &str) -> Outcome {
        Outcome { status: Status::Exit(code), stdout: Vec::new(), stderr: stderr.into(), elapsed: Duration::ZERO }
    }

    #[test]
    fn traceback_is_ignored_and_pc_masked() {
        let stale = "[signal SIGSEGV: segmentation violation code=0xc000099c98 addr=0x458f55 pc=0x458425]\n";
        assert_eq!(stale_sigcode(stale), "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x458425]\n");
        let real = "[signal SIGSEGV: segmentation violation code=0x1 addr=0x8 pc=0x458425]\n";
        assert_eq!(stale_sigcode(real), real);
        let gc = "x 1\npanic: boom\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x45a1f2]\n\ngoroutine 1 [running]:\nmain.main()\n\t/tmp/a.go:3 +0x1d\n";
        let deft = "x 1\npanic: boom\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x7f00dead]\n\ngoroutine 1 [running]:\nmain.main()\n";
        assert!(matches!(judge(&outcome(2, gc), &outcome(2, deft)), Verdict::Same));
    }

    #[test]
    fn differences_are_reported() {
        let v = judge(&outcome(2, "a\npanic: x [recovered]\n"), &outcome(2, "a\npanic: x\n"));
        let Verdict::Differ(d) = v else { panic!("want a difference, have {v:?}") };
        assert!(d.summary.contains("stderr line 2"), "summary: {}", d.summary);
        let v = judge(&outcome(0, ""), &outcome(2, ""));
        assert!(matches!(v, Verdict::Differ(d) if d.summary.starts_with("status: gc exit 0, deft exit 2")));
    }

    #[test]
    fn unsupported_is_not_a_difference() {
        let deft = outcome(1, "main.go:5:2: deft does not support defer in loops yet\n");
        assert!(matches!(judge(&outcome(0, "hi\n"), &deft), Verdict::Unsupported(r) if r.contains("defer in loops")));
    }
}
