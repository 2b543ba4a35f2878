//! Running a program under a time limit, with its output captured in files.
//!
//! Output goes to files, not pipes, so a chatty child can never block on a
//! full pipe while we wait for it; a child that writes more than
//! [`OUTPUT_LIMIT`] bytes is killed. Stdin is an empty pipe (not
//! `/dev/null`, which a misbehaving neighbour on a shared machine may have
//! replaced).

use std::fmt;
use std::fs::{self, File};
use std::io;
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

/// A child writing more than this many bytes (stdout + stderr) is killed.
pub const OUTPUT_LIMIT: u64 = 64 << 20;

/// How a run ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    /// Exited with this code.
    Exit(i32),
    /// Killed by this signal (not by us).
    Signal(i32),
    /// Still running at the time limit; killed.
    Timeout,
    /// Wrote more than [`OUTPUT_LIMIT`] bytes; killed.
    OutputLimit,
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Status::Exit(c) => write!(f, "exit {c}"),
            Status::Signal(s) => write!(f, "signal {s}"),
            Status::Timeout => f.write_str("timeout"),
            Status::OutputLimit => f.write_str("output limit"),
        }
    }
}

/// What a run produced.
#[derive(Clone, Debug)]
pub struct Outcome {
    /// How it ended.
    pub status: Status,
    /// All of stdout.
    pub stdout: Vec<u8>,
    /// All of stderr.
    pub stderr: Vec<u8>,
    /// Wall time from spawn to exit.
    pub elapsed: Duration,
}

/// Runs `cmd` to completion or until `timeout`, capturing stdout and stderr
/// in `dir/<label>.stdout` and `dir/<label>.stderr`.
pub fn run(cmd: &mut Command, dir: &Path, label: &str, timeout: Duration) -> io::Result<Outcome> {
    let out_path = dir.join(format!("{label}.stdout"));
    let err_path = dir.join(format!("{label}.stderr"));
    cmd.stdin(Stdio::piped()).stdout(File::create(&out_path)?).stderr(File::create(&err_path)?);
    let start = Instant::now();
    let mut child = cmd.spawn()?;
    drop(child.stdin.take());
    let status = wait(&mut child, start, timeout, &[&out_path, &err_path])?;
    let elapsed = start.elapsed();
    Ok(Outcome { status, stdout: fs::read(&out_path)?, stderr: fs::read(&err_path)?, elapsed })
}

/// Polls `child` (1 ms, doubling to 20 ms) until it exits, the time runs
/// out, or its output files grow past the limit.
fn wait(child: &mut Child, start: Instant, timeout: Duration, outputs: &[&Path]) -> io::Result<Status> {
    let mut nap = Duration::from_millis(1);
    loop {
        if let Some(st) = child.try_wait()? {
            return Ok(status_of(st));
        }
        let written: u64 = outputs.iter().filter_map(|p| fs::metadata(p).ok()).map(|m| m.len()).sum();
        let over = if start.elapsed() > timeout {
            Some(Status::Timeout)
        } else if written > OUTPUT_LIMIT {
            Some(Status::OutputLimit)
        } else {
            None
        };
        if let Some(st) = over {
            // The child may exit on its own between the check and the kill.
            let _ = child.kill();
            child.wait()?;
            return Ok(st);
        }
        sleep(nap);
        nap = (nap * 2).min(Duration::from_millis(20));
    }
}

fn status_of(st: ExitStatus) -> Status {
    match (st.code(), st.signal()) {
        (Some(c), _) => Status::Exit(c),
        (None, Some(s)) => Status::Signal(s),
        (None, None) => Status::Exit(-1),
    }
}

#[cfg(test)]
mod tests {
    use super::{Status, run};
    use std::process::Command;
    use std::time::Duration;

    #[test]
    fn captures_output_and_status() {
        let dir = std::env::temp_dir().join(format!("deft-fuzz-exec-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let mut cmd = Command::new("sh");
        cmd.args(["-c", "echo out; echo err >&2; exit 3"]);
        let o = run(&mut cmd, &dir, "t", Duration::from_secs(10)).unwrap();
        assert_eq!(o.status, Status::Exit(3));
        assert_eq!(o.stdout, b"out\n");
        assert_eq!(o.stderr, b"err\n");
        let mut slow = Command::new("sleep");
        slow.arg("5");
        let o = run(&mut slow, &dir, "s", Duration::from_millis(100)).unwrap();
        assert_eq!(o.status, Status::Timeout);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
