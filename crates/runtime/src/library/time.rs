//! Package `time`: the clocks.

use super::Pair;

/// `func now() (wall int64, mono int64)`: nanoseconds since the Unix epoch
/// (wall clock) and on the monotonic clock (for `Since`, `Sub`).
pub extern "C" fn now() -> Pair {
    let wall = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos() as i64);
    Pair(wall, monotonic_nanos())
}

/// `func sleep(ns int64)`: parks the goroutine until the time has passed.
pub extern "C" fn sleep(ns: i64) {
    crate::sched::sleep(ns);
}

/// Nanoseconds since the first call in this process (Go's monotonic
/// readings are also relative to process start).
fn monotonic_nanos() -> i64 {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    let start = *START.get_or_init(std::time::Instant::now);
    // Never 0, so that a zero `Time` has no monotonic reading.
    start.elapsed().as_nanos() as i64 + 1
}
