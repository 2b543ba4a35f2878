//! `DEFT_PHASES=1`: after each stage of a compilation, one line on
//! standard error with the stage's wall time and the process's resident
//! memory then and at its peak so far, for finding where compile time and
//! memory go (bench/modbench measures the whole process; this splits it).
//! The compile cache's lookups are reported too. Off, a [`Phases`] costs
//! one branch per stage.

use std::time::Instant;

pub struct Phases {
    last: Option<Instant>,
}

impl Phases {
    pub fn start() -> Phases {
        let on = std::env::var_os("DEFT_PHASES").is_some_and(|v| !v.is_empty() && v != "0");
        Phases { last: on.then(Instant::now) }
    }

    /// Reports the stage that ends now.
    pub fn end(&mut self, stage: &str) {
        let Some(last) = self.last else { return };
        let now = Instant::now();
        let (rss, peak) = memory_kib();
        eprintln!(
            "deft: phase {stage:<12} {:>8.1} ms  rss {:>7} KiB  peak {:>7} KiB",
            (now - last).as_secs_f64() * 1e3,
            rss,
            peak
        );
        self.last = Some(now);
    }

    /// Reports a fact about the compilation (cache lookups).
    pub fn note(&self, fact: &str) {
        if self.last.is_some() {
            eprintln!("deft: {fact}");
        }
    }
}

/// The current and peak resident set size (`VmRSS`, `VmHWM` of
/// /proc/self/status), 0 where they cannot be read.
fn memory_kib() -> (u64, u64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or(0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}
