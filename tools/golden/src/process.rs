//! Running a child process with a time limit, and a small parallel map.
//!
//! Every instrument in `tools/` treats `deft` (and gc) as a black box: a
//! process that is given files, prints, and exits. This module is the one
//! place that spawns such processes. A child runs in a process group of its
//! own so that, on timeout, the whole group (a `go build` and its compiler
//! children, or a runaway program) is killed and no pipe stays open.

use std::io::{self, Read};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::{Duration, Instant};

/// How a child process ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// It exited with this status code.
    Exited(i32),
    /// It was killed by this signal (and not by us).
    Signaled(i32),
    /// It was still running at the time limit and was killed.
    TimedOut,
}

impl Status {
    /// The exit code, when the process exited by itself.
    pub fn code(self) -> Option<i32> {
        match self {
            Status::Exited(code) => Some(code),
            _ => None,
        }
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Status::Exited(code) => write!(f, "exit status {code}"),
            Status::Signaled(sig) => write!(f, "killed by signal {sig}"),
            Status::TimedOut => write!(f, "timed out"),
        }
    }
}

/// What a finished child printed and how it ended.
#[derive(Clone, Debug)]
pub struct Output {
    /// How it ended.
    pub status: Status,
    /// Its standard output; with [`Streams::Combined`], both streams interleaved.
    pub stdout: Vec<u8>,
    /// Its standard error; empty with [`Streams::Combined`].
    pub stderr: Vec<u8>,
    /// Wall time from spawn to exit.
    pub elapsed: Duration,
}

/// Whether standard output and standard error are kept apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Streams {
    /// Two pipes: `stdout` and `stderr` are captured separately.
    Separate,
    /// One pipe shared by both, as Go's `test/run.go` does (`cmd.Stdout =
    /// cmd.Stderr = &buf`), so the interleaving is the program's own.
    Combined,
}

/// Runs `cmd` to completion or until `timeout`, with standard input empty.
///
/// The command's own stdio settings are replaced. On timeout the child's
/// process group is killed and whatever it printed so far is returned with
/// [`Status::TimedOut`].
pub fn run(cmd: Command, timeout: Duration, streams: Streams) -> io::Result<Output> {
    run_with_stdin(cmd, timeout, streams, None)
}

/// [`run`], with standard input read from the file `stdin` if given.
pub fn run_with_stdin(
    mut cmd: Command,
    timeout: Duration,
    streams: Streams,
    stdin: Option<&Path>,
) -> io::Result<Output> {
    match stdin {
        Some(path) => cmd.stdin(std::fs::File::open(path)?),
        None => cmd.stdin(Stdio::null()),
    };
    cmd.process_group(0);
    let (out_reader, err_reader) = match streams {
        Streams::Separate => {
            cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
            (None, None)
        }
        Streams::Combined => {
            let (reader, writer) = io::pipe()?;
            cmd.stdout(writer.try_clone()?).stderr(writer);
            (Some(reader), None::<io::PipeReader>)
        }
    };
    let start = Instant::now();
    let mut child = cmd.spawn()?;
    // The command holds the parent's copies of the pipe's write end; drop
    // them so that the reader sees end-of-file when the child exits.
    drop(cmd);
    let stdout = match out_reader {
        Some(reader) => spawn_reader(reader),
        None => spawn_reader(child.stdout.take().expect("stdout was piped")),
    };
    let stderr = match (streams, err_reader) {
        (Streams::Separate, _) => Some(spawn_reader(child.stderr.take().expect("stderr was piped"))),
        _ => None,
    };
    let status = wait_with_timeout(&mut child, timeout)?;
    let elapsed = start.elapsed();
    let stdout = stdout.join().expect("reader thread panicked");
    let stderr = stderr.map(|h| h.join().expect("reader thread panicked")).unwrap_or_default();
    Ok(Output { status, stdout, stderr, elapsed })
}

fn spawn_reader<R: Read + Send + 'static>(mut r: R) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut buf = Vec::new();
        // A read error (the pipe vanished) ends the capture; what was read stays.
        let _ = r.read_to_end(&mut buf);
        buf
    })
}

fn wait_with_timeout(child: &mut Child, timeout: Duration) -> io::Result<Status> {
    let deadline = Instant::now() + timeout;
    let mut pause = Duration::from_millis(1);
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(match (status.code(), status.signal()) {
                (Some(code), _) => Status::Exited(code),
                (None, Some(sig)) => Status::Signaled(sig),
                (None, None) => Status::Signaled(0),
            });
        }
        if Instant::now() >= deadline {
            kill_group(child);
            child.wait()?;
            return Ok(Status::TimedOut);
        }
        thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(20));
    }
}

/// Kills the child's whole process group (it leads one: `process_group(0)`).
fn kill_group(child: &mut Child) {
    let group = format!("-{}", child.id());
    let killed = Command::new("kill")
        .args(["-s", "KILL", "--", &group])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !killed {
        let _ = child.kill();
    }
}

/// Applies `f` to every item on `jobs` threads; results keep the items' order.
pub fn par_map<T: Sync, R: Send>(items: &[T], jobs: usize, f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let next = AtomicUsize::new(0);
    let mut results: Vec<Option<R>> = (0..items.len()).map(|_| None).collect();
    let slots = std::sync::Mutex::new(&mut results);
    thread::scope(|s| {
        for _ in 0..jobs.max(1).min(items.len().max(1)) {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(i) else { break };
                    let r = f(item);
                    slots.lock().expect("a worker panicked")[i] = Some(r);
                }
            });
        }
    });
    results.into_iter().map(|r| r.expect("every item was processed")).collect()
}

/// The default number of parallel jobs: the machine's available parallelism.
pub fn default_jobs() -> usize {
    thread::available_parallelism().map(|n| n.get()).unwrap_or(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captures_both_streams_and_status() {
        let mut cmd = Command::new("sh");
        cmd.args(["-c", "echo out; echo err >&2; exit 3"]);
        let out = run(cmd, Duration::from_secs(10), Streams::Separate).unwrap();
        assert_eq!(out.status, Status::Exited(3));
        assert_eq!(out.stdout, b"out\n");
        assert_eq!(out.stderr, b"err\n");
    }

    #[test]
    fn combined_keeps_order() {
        let mut cmd = Command::new("sh");
        cmd.args(["-c", "echo 1; echo 2 >&2; echo 3"]);
        let out = run(cmd, Duration::from_secs(10), Streams::Combined).unwrap();
        assert_eq!(out.stdout, b"1\n2\n3\n");
        assert!(out.stderr.is_empty());
    }

    #[test]
    fn timeout_kills_the_group() {
        let mut cmd = Command::new("sh");
        cmd.args(["-c", "sleep 30 & sleep 30"]);
        let out = run(cmd, Duration::from_millis(200), Streams::Separate).unwrap();
        assert_eq!(out.status, Status::TimedOut);
        assert!(out.elapsed < Duration::from_secs(10), "have {:?}", out.elapsed);
    }

    #[test]
    fn par_map_keeps_order() {
        let v: Vec<u32> = (0..100).collect();
        assert_eq!(par_map(&v, 4, |x| x * 2), (0..100).map(|x| x * 2).collect::<Vec<_>>());
    }
}
