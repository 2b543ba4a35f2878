//! The process: exit, fatal errors, and the program's arguments.
//!
//! Exit statuses follow gc: what `os.Exit` is given, 2 after an unrecovered
//! panic or a fatal error. Fatal errors (gc's `throw`) are not panics: they
//! cannot be recovered, run no deferred calls, and print
//! `fatal error: MESSAGE` before exiting with status 2.
//!
//! `os.Args` is set once by the driver ([`set_args`]) before Go code starts
//! and read by generated code through [`deft_args`].

use std::cell::Cell;
use std::sync::OnceLock;

use crate::abi::{GoSlice, GoString};
use crate::print::{ByteSink, flush_print};
use crate::strings::new_string;

/// Exit status after an unrecovered panic or a fatal error.
pub const EXIT_PANIC: i32 = 2;

/// Ends the process with `code` once pending `print` output is written.
/// Deferred calls are not run and Go's buffered writers are not flushed:
/// `os.Exit` in gc does neither.
pub fn exit(code: i32) -> ! {
    flush_print();
    std::process::exit(code)
}

/// The compiler emits a call to this for `os.Exit(code)`. Never returns:
/// the process ends with status `code`.
#[unsafe(no_mangle)]
pub extern "C" fn deft_exit(code: i64) -> ! {
    exit(code as i32)
}

/// Appends gc's fatal error line, `fatal error: MESSAGE\n`.
pub fn fmt_fatal_error(out: &mut impl ByteSink, msg: &[u8]) {
    out.put(b"fatal error: ");
    out.put(msg);
    out.put(b"\n");
}

/// Reports an unrecoverable runtime failure the way gc's `throw` does
/// (`fatal error: MESSAGE`) and exits with status 2. Used for internal
/// bugs and resource exhaustion; never returns, never unwinds.
///
/// The goroutine traceback gc prints after the message is the panic
/// engine's to add (it owns the frame walker); this leaf version prints the
/// message alone.
#[cold]
pub fn throw(msg: &str) -> ! {
    flush_print();
    let mut line = [0u8; 256];
    let mut sink = FixedBuf { buf: &mut line, len: 0 };
    fmt_fatal_error(&mut sink, msg.as_bytes());
    let len = sink.len;
    // Straight to fd 2, not through the print buffer: `throw` may be
    // reporting that the buffer itself is unusable.
    crate::sys::write_all(2, &line[..len]);
    exit(EXIT_PANIC)
}

/// A byte sink over a fixed array that drops what does not fit: lets
/// [`throw`] format without allocating (it may be reporting that the heap
/// is exhausted).
struct FixedBuf<'a> {
    buf: &'a mut [u8],
    len: usize,
}

impl ByteSink for FixedBuf<'_> {
    fn put(&mut self, bytes: &[u8]) {
        let n = bytes.len().min(self.buf.len() - self.len);
        self.buf[self.len..self.len + n].copy_from_slice(&bytes[..n]);
        self.len += n;
    }
}

/// The program's arguments as the driver gave them (Rust strings: no Go
/// pointers).
static ARG_STRINGS: OnceLock<Vec<String>> = OnceLock::new();

thread_local! {
    /// `os.Args` as a Go `[]string`, built on first use by the thread that
    /// runs Go code (so that it lives in that thread's collected heap) and
    /// scanned as a root by [`mark_roots`]; null until built.
    static ARGS: Cell<GoSlice> = const { Cell::new(GoSlice { ptr: std::ptr::null_mut(), len: 0, cap: 0 }) };
    /// The environment the process started with (`syscall.runtime_envs`),
    /// likewise.
    static ENVS: Cell<GoSlice> = const { Cell::new(GoSlice { ptr: std::ptr::null_mut(), len: 0, cap: 0 }) };
}

/// Sets `os.Args` (program name first). Called by the driver before any Go
/// code runs; later calls are ignored.
pub fn set_args(args: Vec<String>) {
    let _ = ARG_STRINGS.set(args);
}

/// Copies `items` into a fresh Go `[]string` on the Go heap, kept in
/// `root` (a root of the collector's, published before the strings are
/// made so that the collector sees the array while they are allocated).
fn build_string_slice(items: &[&[u8]], root: &'static std::thread::LocalKey<Cell<GoSlice>>) -> GoSlice {
    let size = std::mem::size_of::<GoString>() * items.len();
    let elems = crate::alloc::deft_alloc(size, std::mem::align_of::<GoString>()).cast::<GoString>();
    // Never null (an empty slice points at the zero base): a null pointer
    // in `root` means not built yet.
    let s = GoSlice { ptr: elems.cast(), len: items.len(), cap: items.len() };
    root.with(|a| a.set(s));
    for (i, item) in items.iter().enumerate() {
        // SAFETY: `elems` has room for `items.len()` strings and is aligned
        // for them; `i < items.len()`.
        unsafe { elems.add(i).write(new_string(item)) };
    }
    s
}

/// The slice in `root`, built from `items()` on first use; a pointer to
/// its header, owned by the runtime.
fn string_slice(
    root: &'static std::thread::LocalKey<Cell<GoSlice>>,
    items: impl FnOnce() -> Vec<Vec<u8>>,
) -> *const GoSlice {
    if root.with(Cell::get).ptr.is_null() {
        let items = items();
        build_string_slice(&items.iter().map(Vec::as_slice).collect::<Vec<_>>(), root);
    }
    root.with(|a| a.as_ptr().cast_const())
}

/// The compiler emits a call to this to initialise `os.Args`. Returns a
/// pointer to a `[]string` header owned by the runtime (empty if
/// [`set_args`] was never called); the caller copies the three words.
#[unsafe(no_mangle)]
pub extern "C" fn deft_args() -> *const GoSlice {
    string_slice(&ARGS, || ARG_STRINGS.get().map_or(Vec::new(), |v| v.iter().map(|a| a.as_bytes().to_vec()).collect()))
}

/// The environment the process started with, as a Go `[]string` of
/// `KEY=value` (gc's `syscall.runtime_envs`); a pointer to a header owned
/// by the runtime.
pub fn deft_envs() -> *const GoSlice {
    string_slice(&ENVS, || {
        std::env::vars_os().map(|(k, v)| [k.as_encoded_bytes(), b"=", v.as_encoded_bytes()].concat()).collect()
    })
}

/// Marks the runtime's thread-local roots (the `os.Args` and environment
/// arrays).
pub fn mark_roots(h: &mut crate::gc::Heap) {
    let w = [ARGS.with(Cell::get).ptr as usize, ENVS.with(Cell::get).ptr as usize];
    // SAFETY: `w` is a live local array of two words.
    unsafe { h.mark_range(w.as_ptr() as usize, w.as_ptr() as usize + 16) };
}
