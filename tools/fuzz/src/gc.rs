//! The reference: building and running a program with gc (`go build`),
//! with an on-disk cache of outcomes keyed by the program text.
//!
//! A cached entry is keyed by FNV-1a-64 of `go version` and the source, so
//! re-running the same seeds (CI, a minimizer revisiting a candidate) costs
//! no `go build`. Only deterministic results are cached: runs that ended by
//! exit and compile errors, never timeouts.
//!
//! `go build` can also fail for reasons that have nothing to do with the
//! program (a broken `/dev/null`, a locked build cache). A failure whose
//! output names no `main.go:` position is such an *environment* failure:
//! it is retried, and if it persists it is reported as such, never as a
//! generator bug.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::thread::sleep;
use std::time::Duration;

use crate::exec::{self, Outcome, Status};

/// What gc made of a program.
#[derive(Clone, Debug)]
pub enum GcResult {
    /// Built and ran (to an exit, a timeout, ...).
    Ran(Outcome),
    /// `go build` rejected it: the compiler's messages.
    CompileError(String),
}

/// A gc toolchain plus its outcome cache.
#[derive(Clone, Debug)]
pub struct Gc {
    version: String,
    cache: Option<PathBuf>,
    timeout: Duration,
}

impl Gc {
    /// Finds `go` on PATH. `cache` is the outcome cache directory (created
    /// on demand), `timeout` the limit for running a built program.
    pub fn new(cache: Option<PathBuf>, timeout: Duration) -> Result<Self, String> {
        let out = Command::new("go").arg("version").output().map_err(|e| format!("cannot run `go version`: {e}"))?;
        if !out.status.success() {
            return Err(format!("`go version` failed: {}", String::from_utf8_lossy(&out.stderr)));
        }
        let version = String::from_utf8_lossy(&out.stdout).trim().to_string();
        Ok(Gc { version, cache, timeout })
    }

    /// `go version` output.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// Builds `src` as `dir/main.go` and runs it (or answers from the cache
    /// when `use_cache`). `Err` is an environment failure.
    pub fn run(&self, src: &str, dir: &Path, use_cache: bool) -> Result<GcResult, String> {
        let key = format!("{:016x}", fnv1a(&[self.version.as_bytes(), b"\0", src.as_bytes()]));
        if use_cache && let Some(r) = self.cached(&key) {
            return Ok(r);
        }
        let result = self.build_and_run(src, dir)?;
        if use_cache {
            self.store(&key, &result);
        }
        Ok(result)
    }

    fn build_and_run(&self, src: &str, dir: &Path) -> Result<GcResult, String> {
        fs::create_dir_all(dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
        fs::write(dir.join("main.go"), src).map_err(|e| format!("writing main.go: {e}"))?;
        let mut last = String::new();
        for attempt in 0..4 {
            if attempt > 0 {
                sleep(Duration::from_millis(500 << attempt));
            }
            let mut build = Command::new("go");
            build.args(["build", "-o", "gc.bin", "main.go"]).current_dir(dir);
            let b = exec::run(&mut build, dir, "gobuild", Duration::from_secs(120))
                .map_err(|e| format!("go build: {e}"))?;
            let msg = String::from_utf8_lossy(&b.stderr).into_owned();
            if b.status == Status::Exit(0) {
                let mut prog = Command::new(dir.join("gc.bin"));
                prog.current_dir(dir);
                let out = exec::run(&mut prog, dir, "gc", self.timeout).map_err(|e| format!("running gc.bin: {e}"))?;
                return Ok(GcResult::Ran(out));
            }
            if msg.contains("main.go:") {
                return Ok(GcResult::CompileError(msg));
            }
            last = format!("go build failed ({}): {}", b.status, msg.trim());
        }
        Err(last)
    }

    fn cached(&self, key: &str) -> Option<GcResult> {
        let data = fs::read(self.cache.as_ref()?.join(key)).ok()?;
        decode(&data)
    }

    fn store(&self, key: &str, r: &GcResult) {
        let Some(dir) = &self.cache else { return };
        if matches!(r, GcResult::Ran(o) if !matches!(o.status, Status::Exit(_))) {
            return;
        }
        // Write then rename, so concurrent readers never see half an entry.
        let tmp = dir.join(format!("{key}.tmp{}", std::process::id()));
        let ok = fs::create_dir_all(dir)
            .and_then(|_| fs::write(&tmp, encode(r)))
            .and_then(|_| fs::rename(&tmp, dir.join(key)));
        if let Err(e) = ok {
            eprintln!("deft-fuzz: warning: cannot write gc cache entry in {}: {e}", dir.display());
        }
    }
}

/// FNV-1a, 64 bits, over the concatenation of `parts`.
pub fn fnv1a(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &b in *part {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// Cache entry: a header line (`exit N` or `compile-error`), then
/// length-prefixed stdout and stderr.
fn encode(r: &GcResult) -> Vec<u8> {
    let (head, out, err): (String, &[u8], &[u8]) = match r {
        GcResult::Ran(o) => match o.status {
            Status::Exit(c) => (format!("exit {c}"), &o.stdout, &o.stderr),
            _ => unreachable!("only exits are cached"),
        },
        GcResult::CompileError(m) => ("compile-error".to_string(), b"", m.as_bytes()),
    };
    let mut v = format!("{head}\n{}\n", out.len()).into_bytes();
    v.extend_from_slice(out);
    v.extend_from_slice(format!("\n{}\n", err.len()).as_bytes());
    v.extend_from_slice(err);
    v
}

fn decode(data: &[u8]) -> Option<GcResult> {
    let mut rest = data;
    let head = take_line(&mut rest)?;
    let out = take_chunk(&mut rest)?;
    if rest.first() != Some(&b'\n') {
        return None;
    }
    rest = &rest[1..];
    let err = take_chunk(&mut rest)?;
    if head == "compile-error" {
        return Some(GcResult::CompileError(String::from_utf8_lossy(err).into_owned()));
    }
    let code: i32 = head.strip_prefix("exit ")?.parse().ok()?;
    let status = Status::Exit(code);
    Some(GcResult::Ran(Outcome { status, stdout: out.to_vec(), stderr: err.to_vec(), elapsed: Duration::ZERO }))
}

fn take_line<'a>(rest: &mut &'a [u8]) -> Option<&'a str> {
    let n = rest.iter().position(|&b| b == b'\n')?;
    let line = std::str::from_utf8(&rest[..n]).ok()?;
    *rest = &rest[n + 1..];
    Some(line)
}

fn take_chunk<'a>(rest: &mut &'a [u8]) -> Option<&'a [u8]> {
    let len: usize = take_line(rest)?.parse().ok()?;
    let chunk = rest.get(..len)?;
    *rest = &rest[len..];
    Some(chunk)
}

/// Whether `go` can be run at all (for tests that need it).
pub fn go_available() -> bool {
    Command::new("go").arg("version").output().is_ok_and(|o| o.status.success())
}

/// Removes a directory tree, ignoring "not found".
pub fn remove_dir(dir: &Path) -> io::Result<()> {
    match fs::remove_dir_all(dir) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cache_entries_round_trip() {
        let o = Outcome {
            status: Status::Exit(2),
            stdout: b"a\nb".to_vec(),
            stderr: b"panic: x\n\n".to_vec(),
            elapsed: Duration::ZERO,
        };
        let Some(GcResult::Ran(back)) = decode(&encode(&GcResult::Ran(o.clone()))) else { panic!("decode failed") };
        assert_eq!((back.status, back.stdout, back.stderr), (o.status, o.stdout, o.stderr));
        let Some(GcResult::CompileError(m)) = decode(&encode(&GcResult::CompileError("x.go:1: no".into()))) else {
            panic!("decode failed")
        };
        assert_eq!(m, "x.go:1: no");
        assert!(decode(b"exit 0\n5\nab").is_none(), "a truncated entry must not decode");
    }
}
