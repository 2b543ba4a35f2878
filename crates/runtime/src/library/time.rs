//! Package `time`: the clocks, and reading zone files.

use super::Pair;
use crate::abi::GoString;

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
pub(crate) fn monotonic_nanos() -> i64 {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    let start = *START.get_or_init(std::time::Instant::now);
    // Never 0, so that a zero `Time` has no monotonic reading.
    start.elapsed().as_nanos() as i64 + 1
}

/// The largest zone file `readFile` reads whole; gc's limit for the files
/// its time package reads. A longer file is reported by its length, one
/// byte over (`lib/time` then refuses it as gc does).
const MAX_ZONE_FILE: u64 = 10 << 20;

/// The results of `readFile`.
#[repr(C)]
pub struct FileContents {
    data: GoString,
    errno: i64,
}

/// `func readFile(name string) (data string, errno int)`: the contents of
/// the file `name` (at most [`MAX_ZONE_FILE`] + 1 bytes) and 0, or "" and
/// the errno of the failed open or read (`EINVAL` for a name holding a NUL
/// byte, as gc's open reports it). `lib/time` reads zone files with it.
pub extern "C" fn read_file(out: *mut FileContents, ptr: *const u8, len: usize) {
    use std::io::Read;
    use std::os::unix::ffi::OsStrExt;
    // SAFETY: a Go string of `len` bytes at `ptr` (or empty).
    let name = if len == 0 { &[][..] } else { unsafe { std::slice::from_raw_parts(ptr, len) } };
    let errno = |e: std::io::Error| e.raw_os_error().map_or(EINVAL, i64::from);
    let mut bytes = Vec::new();
    let res = std::fs::File::open(std::ffi::OsStr::from_bytes(name))
        .and_then(|f| f.take(MAX_ZONE_FILE + 1).read_to_end(&mut bytes));
    let contents = match res {
        Ok(_) => FileContents { data: crate::strings::new_string(&bytes), errno: 0 },
        Err(e) => FileContents { data: crate::strings::new_string(b""), errno: errno(e) },
    };
    // SAFETY: `out` is the adapter's result area.
    unsafe { out.write(contents) };
}

/// Linux's `EINVAL`.
const EINVAL: i64 = 22;

#[cfg(test)]
mod tests {
    use super::*;

    /// Calls `read_file` on `name`: the contents and the errno.
    fn read(name: &[u8]) -> (Vec<u8>, i64) {
        let mut out = std::mem::MaybeUninit::<FileContents>::uninit();
        read_file(out.as_mut_ptr(), name.as_ptr(), name.len());
        // SAFETY: read_file wrote the results.
        let res = unsafe { out.assume_init() };
        // SAFETY: a Go string of `len` bytes (or empty).
        let data = if res.data.len == 0 {
            Vec::new()
        } else {
            unsafe { std::slice::from_raw_parts(res.data.ptr, res.data.len) }.to_vec()
        };
        (data, res.errno)
    }

    #[test]
    fn read_file_reports_contents_or_errno() {
        let dir = std::env::temp_dir().join(format!("deft-read-file-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let file = dir.join("zone");
        std::fs::write(&file, b"TZif2\0data").expect("write");
        let path = file.to_str().expect("utf-8 temp dir").as_bytes().to_vec();
        assert_eq!(read(&path), (b"TZif2\0data".to_vec(), 0));
        let mut missing = path.clone();
        missing.extend(b".missing");
        assert_eq!(read(&missing), (Vec::new(), 2), "ENOENT");
        assert_eq!(read(dir.to_str().expect("utf-8").as_bytes()), (Vec::new(), 21), "EISDIR");
        let mut under_file = path.clone();
        under_file.extend(b"/x");
        assert_eq!(read(&under_file), (Vec::new(), 20), "ENOTDIR");
        assert_eq!(read(b"/etc/\0passwd"), (Vec::new(), EINVAL), "a NUL byte");
        assert_eq!(read(b""), (Vec::new(), 2), "the empty name");
        std::fs::write(&file, vec![7u8; MAX_ZONE_FILE as usize + 100]).expect("write");
        assert_eq!(read(&path).0.len() as u64, MAX_ZONE_FILE + 1, "a long file is cut one byte over the limit");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
