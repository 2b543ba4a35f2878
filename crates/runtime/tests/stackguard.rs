//! The stack-overflow handler leaves other memory faults alone: a fault
//! that is not a goroutine's stack overflow still ends the process with
//! `SIGSEGV`, as before the handler was installed. (The overflow report
//! itself is checked end to end by the golden programs in
//! `tests/go/overflow/`.)

use std::os::unix::process::ExitStatusExt;
use std::process::Command;

const CHILD: &str = "DEFT_STACKGUARD_TEST_CHILD";

#[test]
fn other_faults_still_kill_with_sigsegv() {
    if std::env::var_os(CHILD).is_some() {
        runtime::stackguard::install();
        let _alt = runtime::stackguard::SignalStack::new();
        // SAFETY: not safe on purpose: this child process is meant to die
        // of the fault.
        let v = unsafe { std::ptr::read_volatile(std::hint::black_box(16usize) as *const u8) };
        println!("survived {v}");
        std::process::exit(0);
    }
    let exe = std::env::current_exe().unwrap();
    let out = Command::new(exe)
        .args(["--exact", "other_faults_still_kill_with_sigsegv", "--nocapture", "--test-threads=1"])
        .env(CHILD, "1")
        .output()
        .unwrap();
    assert_eq!(
        out.status.signal(),
        Some(11),
        "status {:?}, stderr {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!String::from_utf8_lossy(&out.stdout).contains("survived"));
}
