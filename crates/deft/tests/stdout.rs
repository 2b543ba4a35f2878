//! deft's own output to a reader that went away (`deft run --dump-ir x.go
//! | head -1`) ends quietly with deft's exit status, never as a Rust panic
//! (Rust ignores `SIGPIPE`, so `print!` would panic on the write error).

use std::path::Path;
use std::process::{Command, Stdio};

#[test]
fn a_closed_standard_output_is_not_a_panic() {
    let hello = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/hello.go");
    let mut child = Command::new(env!("CARGO_BIN_EXE_deft"))
        .args(["run", "--dump-ir"])
        .arg(&hello)
        .env("DEFT_CACHE", "off")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start deft");
    // The reader goes away before reading anything.
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait for deft");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}
