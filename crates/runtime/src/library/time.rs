//! Package `time`'s clocks: what upstream `time` declares without a body
//! and gc's runtime pushes to it (`time.now`, `runtimeNano`, `Sleep`, ...).
//! Its timers are the scheduler's ([`crate::sched`]), reached through
//! `lib/runtime/timer.go`.
//!
//! Every reading of the monotonic clock is [`monotonic_nanos`]: `Now`'s
//! monotonic reading, `runtimeNano`, `internal/poll`'s deadlines and the
//! `when` of a timer are on the one clock, so that [`instant_at`] turns
//! any of them back into an [`Instant`].

use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// The origin of [`monotonic_nanos`]: its first call in this process.
static START: OnceLock<Instant> = OnceLock::new();

/// The results of `time.now`: `(sec int64, nsec int32, mono int64)`,
/// laid out as a Go struct of them.
#[repr(C)]
pub struct Now {
    sec: i64,
    nsec: i32,
    mono: i64,
}

/// `func now() (sec int64, nsec int32, mono int64)` (also `runtimeNow`):
/// the wall clock as seconds and nanoseconds since the Unix epoch, and the
/// monotonic clock.
pub extern "C" fn now(out: *mut Now) {
    let wall = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    let now = Now { sec: wall.as_secs() as i64, nsec: wall.subsec_nanos() as i32, mono: monotonic_nanos() };
    // SAFETY: `out` is the adapter's result area.
    unsafe { out.write(now) };
}

/// `func runtimeNano() int64`: the monotonic clock.
pub extern "C" fn runtime_nano() -> i64 {
    monotonic_nanos()
}

/// `func runtimeIsBubbled() bool`: whether the caller runs in a
/// `testing/synctest` bubble, which deft does not have.
pub extern "C" fn runtime_is_bubbled() -> bool {
    false
}

/// `func Sleep(d Duration)`: parks the goroutine until the time has
/// passed.
pub extern "C" fn sleep(ns: i64) {
    crate::sched::sleep(ns);
}

/// Nanoseconds since the first call in this process (gc's monotonic
/// readings are relative to process start too).
pub(crate) fn monotonic_nanos() -> i64 {
    let start = *START.get_or_init(Instant::now);
    // Never 0, so that a zero `Time` has no monotonic reading.
    start.elapsed().as_nanos() as i64 + 1
}

/// The instant at which [`monotonic_nanos`] reads `nanos` (a century from
/// now for what `Instant` cannot hold).
pub(crate) fn instant_at(nanos: i64) -> Instant {
    let start = *START.get_or_init(Instant::now);
    let at = match u64::try_from(nanos.saturating_sub(1)) {
        Ok(after) => start.checked_add(Duration::from_nanos(after)),
        Err(_) => Some(start),
    };
    at.unwrap_or_else(|| Instant::now() + Duration::from_secs(100 * 365 * 86400))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants_and_readings_agree() {
        let before = monotonic_nanos();
        let at = instant_at(before + 1_000_000);
        let now = Instant::now();
        assert!(at > now - Duration::from_millis(1) && at <= now + Duration::from_millis(1), "1 ms after a reading");
        assert_eq!(instant_at(i64::MIN), *START.get().expect("started"), "the past is the origin");
        assert!(instant_at(i64::MAX) > now + Duration::from_secs(50 * 365 * 86400), "never");
    }
}
