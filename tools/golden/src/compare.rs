//! Judging deft's behaviour against an expectation.
//!
//! The rule, in full:
//!
//! * **exit status**: equal.
//! * **stdout**: equal, byte for byte.
//! * **stderr** (both sides normalized, see `normalize`): if the expected
//!   stderr has no `goroutine N [STATE]:` line, equal. Otherwise the part
//!   above that line (the panic chain, `[recovered]`, the `[signal …]`
//!   line, the blank line) is equal; deft's stderr has the same
//!   `goroutine N [STATE]:` line; and the `main.*` frames of gc's trace
//!   (`main.main`, `main.main.func1`, `main.(*T).M`, exactly as gc prints
//!   them, each with its `file:line`) occur in deft's trace in the same
//!   order, possibly with other frames between them. Arguments, addresses,
//!   pc offsets and runtime frames of the trace are not compared.
//!
//! A fatal error with several goroutines (gc prints them all) is one trace
//! from the first goroutine line on: its `main.*` frames, goroutine after
//! goroutine, must occur in deft's in that order. A trace gc bounds
//! (`...N frames elided...`) is compared the same way: deft must show at
//! least the frames gc shows around the elision.

use crate::expect::Expectation;
use crate::normalize::{split_trace, trace_functions};

/// Why an observed behaviour does not meet the expectation.
#[derive(Clone, Debug)]
pub struct Mismatch {
    /// One line: what differs first (`exit status 1, want 0`, `stdout differs`, …).
    pub summary: String,
    /// A readable account: the differing parts as a diff.
    pub details: String,
}

/// Compares observed behaviour `have` (stderr already normalized) with
/// `want`. `own_modules` are the module paths of a project (see `case`),
/// whose frames are compared as `main.*` frames are; empty otherwise.
pub fn compare(want: &Expectation, have: &Expectation, own_modules: &[String]) -> Result<(), Mismatch> {
    let mut problems: Vec<String> = Vec::new();
    let mut details = String::new();
    if want.exit != have.exit {
        problems.push(format!("exit status {}, want {}", have.exit, want.exit));
    }
    if want.stdout != have.stdout {
        problems.push("stdout differs".into());
        details += &format!("stdout (-want +have):\n{}", diff(&want.stdout, &have.stdout));
    }
    if let Err(why) = compare_stderr(&want.stderr, &have.stderr, own_modules) {
        problems.push(why.0);
        details += &why.1;
    }
    if problems.is_empty() {
        return Ok(());
    }
    Err(Mismatch { summary: problems.join("; "), details })
}

fn compare_stderr(want: &[u8], have: &[u8], own_modules: &[String]) -> Result<(), (String, String)> {
    let (Ok(want_text), Ok(have_text)) = (std::str::from_utf8(want), std::str::from_utf8(have)) else {
        return if want == have {
            Ok(())
        } else {
            Err(("stderr differs".into(), format!("stderr (-want +have):\n{}", diff(want, have))))
        };
    };
    let (want_msg, want_trace) = split_trace(want_text);
    let Some(want_trace) = want_trace else {
        return if want == have {
            Ok(())
        } else {
            Err(("stderr differs".into(), format!("stderr (-want +have):\n{}", diff(want, have))))
        };
    };
    let (have_msg, have_trace) = split_trace(have_text);
    if want_msg != have_msg {
        let d = diff(want_msg.as_bytes(), have_msg.as_bytes());
        return Err(("panic message differs".into(), format!("stderr above the goroutine line (-want +have):\n{d}")));
    }
    let want_header = want_trace.lines().next().unwrap_or_default();
    let Some(have_trace) = have_trace else {
        return Err(("no goroutine trace".into(), format!("stderr has no `{want_header}` line; have:\n{have_text}")));
    };
    let have_header = have_trace.lines().next().unwrap_or_default();
    if want_header != have_header {
        return Err(("goroutine line differs".into(), format!("-{want_header}\n+{have_header}\n")));
    }
    let want_fns = trace_functions(want_trace, own_modules);
    let have_fns = trace_functions(have_trace, own_modules);
    let mut it = have_fns.iter();
    if let Some(missing) = want_fns.iter().find(|f| !it.any(|h| h == *f)) {
        let (name, at) = missing;
        return Err((
            "trace differs".into(),
            format!(
                "trace: gc's main.* (and own modules') frames {want_fns:?} must appear in order in deft's {have_fns:?}; {name} at {at} is missing or out of order\n"
            ),
        ));
    }
    Ok(())
}

/// A line diff (`-` want, `+` have, ` ` common), with a few lines of context.
pub fn diff(want: &[u8], have: &[u8]) -> String {
    let a: Vec<String> = lossy_lines(want);
    let b: Vec<String> = lossy_lines(have);
    const CAP: usize = 3000;
    if a.len() > CAP || b.len() > CAP {
        let i = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
        return format!(
            "(too long to diff; first difference at line {})\n-{}\n+{}\n",
            i + 1,
            a.get(i).map_or("<end>", |s| s),
            b.get(i).map_or("<end>", |s| s)
        );
    }
    // Longest common subsequence table, from the ends.
    let (n, m) = (a.len(), b.len());
    let mut lcs = vec![vec![0u16; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if a[i] == b[j] { lcs[i + 1][j + 1] + 1 } else { lcs[i + 1][j].max(lcs[i][j + 1]) };
        }
    }
    let mut ops: Vec<(char, &str)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            ops.push((' ', &a[i]));
            i += 1;
            j += 1;
        } else if i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1]) {
            ops.push(('-', &a[i]));
            i += 1;
        } else {
            ops.push(('+', &b[j]));
            j += 1;
        }
    }
    const CONTEXT: usize = 3;
    let near_change = |k: usize| {
        let lo = k.saturating_sub(CONTEXT);
        let hi = (k + CONTEXT + 1).min(ops.len());
        ops[lo..hi].iter().any(|(op, _)| *op != ' ')
    };
    let mut out = String::new();
    let mut skipped = false;
    for (k, (op, line)) in ops.iter().enumerate() {
        if near_change(k) {
            if skipped {
                out.push_str("  ...\n");
                skipped = false;
            }
            out.push_str(&format!("{op}{line}\n"));
        } else {
            skipped = true;
        }
    }
    out
}

/// Lines for display; a missing final newline is shown as `⏎?`.
fn lossy_lines(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    match lines.last() {
        Some(last) if last.is_empty() => {
            lines.pop();
        }
        Some(_) => {
            let last = lines.pop().unwrap_or_default();
            lines.push(format!("{last}⏎? (no final newline)"));
        }
        None => {}
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(exit: i32, stdout: &str, stderr: &str) -> Expectation {
        Expectation { exit, stdout: stdout.into(), stderr: stderr.into() }
    }

    #[test]
    fn equal_is_ok() {
        assert!(compare(&e(0, "a\n", ""), &e(0, "a\n", ""), &[]).is_ok());
    }

    #[test]
    fn exit_and_stdout() {
        let m = compare(&e(0, "a\nb\n", ""), &e(1, "a\nc\n", ""), &[]).unwrap_err();
        assert_eq!(m.summary, "exit status 1, want 0; stdout differs");
        assert!(m.details.contains("-b\n+c\n"), "{}", m.details);
    }

    const GC: &str = "panic: x\n\ngoroutine 1 [running]:\nmain.f(...)\n\tp.go:3\nmain.main()\n\tp.go:7\n";

    #[test]
    fn trace_names_in_order_with_extras() {
        let deft =
            "panic: x\n\ngoroutine 1 [running]:\nmain.f()\n\tp.go:3\nruntime.x()\n\tr.go:1\nmain.main()\n\tp.go:7\n";
        assert!(compare(&e(2, "", GC), &e(2, "", deft), &[]).is_ok());
    }

    #[test]
    fn trace_line_differs() {
        let deft = "panic: x\n\ngoroutine 1 [running]:\nmain.f()\n\tp.go:4\nmain.main()\n\tp.go:7\n";
        assert_eq!(compare(&e(2, "", GC), &e(2, "", deft), &[]).unwrap_err().summary, "trace differs");
    }

    #[test]
    fn trace_missing_frame() {
        let deft = "panic: x\n\ngoroutine 1 [running]:\nmain.main()\n";
        assert_eq!(compare(&e(2, "", GC), &e(2, "", deft), &[]).unwrap_err().summary, "trace differs");
        let deft = "panic: x\n\n";
        assert_eq!(compare(&e(2, "", GC), &e(2, "", deft), &[]).unwrap_err().summary, "no goroutine trace");
        let deft = "panic: y\n\ngoroutine 1 [running]:\nmain.f()\nmain.main()\n";
        assert_eq!(compare(&e(2, "", GC), &e(2, "", deft), &[]).unwrap_err().summary, "panic message differs");
    }

    const GC_OVERFLOW: &str = "runtime: goroutine stack exceeds 1000000000-byte limit\nfatal error: stack overflow\n\nruntime stack:\n\ngoroutine ? gp=0x? m=? mp=0x? [running]:\nmain.f(0x?)\n\tp.go:3\nmain.f(...)\n\tp.go:4\n...? frames elided...\nmain.f(...)\n\tp.go:4\nmain.main.func1()\n\tp.go:10\nruntime.goexit({})\n\truntime/asm_amd64.s:1264\n\ngoroutine 1 gp=0x? m=nil [chan receive]:\nmain.main()\n\tp.go:12\n";

    #[test]
    fn newer_fatal_error_compares_every_goroutine() {
        let deft = "runtime: goroutine stack exceeds 1000000000-byte limit\nfatal error: stack overflow\n\nruntime stack:\n\ngoroutine ? gp=0x? m=? mp=0x? [running]:\nmain.f(...)\n\tp.go:3\nmain.f(...)\n\tp.go:4\nmain.f(...)\n\tp.go:4\n...? frames elided...\nmain.f(...)\n\tp.go:4\nmain.main.func1()\n\tp.go:10\n\ngoroutine 1 gp=0x? m=nil [chan receive]:\nmain.main()\n\tp.go:12\n";
        assert!(compare(&e(2, "", GC_OVERFLOW), &e(2, "", deft), &[]).is_ok());
        let no_main = deft.replace("main.main()\n\tp.go:12\n", "");
        assert_eq!(compare(&e(2, "", GC_OVERFLOW), &e(2, "", &no_main), &[]).unwrap_err().summary, "trace differs");
        let not_at_entry = deft.replacen("p.go:3", "p.go:4", 1);
        assert_eq!(
            compare(&e(2, "", GC_OVERFLOW), &e(2, "", &not_at_entry), &[]).unwrap_err().summary,
            "trace differs"
        );
        let main_running = deft.replacen("goroutine ? gp", "goroutine 1 gp", 1);
        assert_eq!(
            compare(&e(2, "", GC_OVERFLOW), &e(2, "", &main_running), &[]).unwrap_err().summary,
            "goroutine line differs"
        );
    }

    #[test]
    fn diff_marks_missing_newline() {
        assert_eq!(diff(b"a\n", b"a"), "-a\n+a⏎? (no final newline)\n");
    }
}
