//! The text of goroutine tracebacks, in gc 1.19's layout. The panic
//! engine walks the frames; this module only formats what it finds.
//!
//! gc 1.19.8 prints, after an unrecovered panic's header (each position
//! line starts with a tab, shown here as four spaces):
//! ```text
//! goroutine 1 [running]:
//! main.f.func1()
//!     /tmp/p.go:5 +0x27
//! panic({0x45eea0, 0x47cf80})
//!     /usr/local/go/src/runtime/panic.go:859 +0x125
//! main.f(0x1, {0x0?, 0x0?})
//!     /tmp/p.go:8 +0x55
//! main.main()
//!     /tmp/p.go:16 +0x4a
//! ```
//! What the engine must know to match it (observed with gc 1.19.8; the
//! runtime lines are gc 1.27.3's):
//! * the trace starts at the function that called `panic` (or whose check
//!   failed), innermost first, and ends with `main.main()`: `runtime.main`,
//!   `runtime.goexit` and the runtime's helper frames (`runtime.gopanic`'s
//!   callers such as `runtime.panicIndex`) are not shown;
//! * every panic that is still in progress *below* the innermost frame —
//!   one whose deferred call is running — shows as a pseudo-frame
//!   `panic({TYPE, DATA})` at `…/runtime/panic.go:859` ([`fmt_panic_frame`]);
//!   a recovered panic's frames are gone; a `runtime.Goexit` in progress
//!   shows as `runtime.Goexit()` at `…/runtime/panic.go:694`
//!   ([`fmt_goexit_frame`]);
//! * function names: `main.f`, methods `main.T.M` and `main.(*T).M`,
//!   closures `main.f.func1`, nested `main.f.func1.2`;
//! * arguments: gc prints raw argument words (`main.f(0x1, {0x0?, 0x0?})`)
//!   which deft cannot reproduce: deft prints `()` for a function without
//!   parameters and `(...)` otherwise ([`FrameArgs`]);
//! * `+0x…` is the return address's offset in the function; it cannot match.
//!
//! A fatal error (`fatal error: …`, see [`crate::proc`]) is followed by a
//! blank line and the same traceback, with the goroutine's wait reason as
//! status (`[chan receive]`, `[select (no cases)]`).
//!
//! The stack-overflow report ([`crate::stackguard`]) follows gc 1.27.3
//! instead (its shape is the newer gc's; see that module), whose fatal-error
//! traces add the goroutine's and thread's addresses to the header and each
//! frame's addresses to its position line, bound a long trace to its 50
//! innermost and 50 outermost frames, and name the creator's goroutine:
//! ```text
//! goroutine 18 gp=0xc000102000 m=0 mp=0x5a8ba0 [running]:
//! main.f(...)
//!     /tmp/p.go:4 +0x17 fp=0xc020160398 sp=0xc020160380 pc=0x47db17
//! ...44739062 frames elided...
//! main.main.func1()
//!     /tmp/p.go:10 +0x25 fp=0xc0401fffe0 sp=0xc0401fffb0 pc=0x47dc25
//! created by main.main in goroutine 1
//!     /tmp/p.go:9 +0x76
//! ```
//! (`m=nil` and no `mp=` for a goroutine that is not running.)

use crate::abi::Eface;
use crate::print::{ByteSink, fmt_hex, fmt_uint};

/// How a frame's arguments are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrameArgs {
    /// The function has no parameters (and no receiver): `()`.
    None,
    /// The function has parameters, not shown: `(...)`.
    Elided,
}

/// Writes a goroutine header: `goroutine 1 [running]:`.
pub fn fmt_goroutine_header(out: &mut impl ByteSink, id: u64, status: &[u8]) {
    out.put(b"goroutine ");
    fmt_uint(out, id);
    out.put(b" [");
    out.put(status);
    out.put(b"]:\n");
}

/// Writes gc 1.27's goroutine header of a fatal error's trace:
/// `goroutine 1 gp=0x… m=0 mp=0x… [running]:`, or `m=nil` without `mp=`
/// when `m` (the thread's number and address) is `None`.
pub fn fmt_goroutine_header_at(out: &mut impl ByteSink, id: u64, gp: usize, m: Option<(u64, usize)>, status: &[u8]) {
    out.put(b"goroutine ");
    fmt_uint(out, id);
    out.put(b" gp=");
    fmt_hex(out, gp as u64);
    match m {
        Some((n, mp)) => {
            out.put(b" m=");
            fmt_uint(out, n);
            out.put(b" mp=");
            fmt_hex(out, mp as u64);
        }
        None => out.put(b" m=nil"),
    }
    out.put(b" [");
    out.put(status);
    out.put(b"]:\n");
}

/// The addresses gc 1.27 appends to a frame's position line in a fatal
/// error's trace: `fp=` (the caller's stack pointer at the call, i.e. the
/// top of this frame), `sp=` (the bottom of this frame) and `pc=`.
#[derive(Clone, Copy, Debug, Default)]
pub struct FrameAddrs {
    /// Top of the frame.
    pub fp: usize,
    /// Bottom of the frame.
    pub sp: usize,
    /// Where the frame is stopped.
    pub pc: usize,
}

/// Writes the source position line of a frame: tab, `file:line`,
/// ` +0xOFF` when `pc_offset` is given, and the frame's addresses when
/// `at` is.
fn fmt_position_at(out: &mut impl ByteSink, file: &[u8], line: u32, pc_offset: Option<u64>, at: Option<FrameAddrs>) {
    out.put(b"\t");
    out.put(file);
    out.put(b":");
    fmt_uint(out, line as u64);
    if let Some(off) = pc_offset {
        out.put(b" +");
        fmt_hex(out, off);
    }
    if let Some(a) = at {
        out.put(b" fp=");
        fmt_hex(out, a.fp as u64);
        out.put(b" sp=");
        fmt_hex(out, a.sp as u64);
        out.put(b" pc=");
        fmt_hex(out, a.pc as u64);
    }
    out.put(b"\n");
}

/// Writes the source position line of a frame: tab, `file:line`, and
/// ` +0xOFF` when `pc_offset` is given.
fn fmt_position(out: &mut impl ByteSink, file: &[u8], line: u32, pc_offset: Option<u64>) {
    fmt_position_at(out, file, line, pc_offset, None);
}

/// Writes one frame:
/// `main.f(...)` newline, tab, `/path/p.go:8 +0x55` newline.
pub fn fmt_frame(
    out: &mut impl ByteSink,
    func: &[u8],
    args: FrameArgs,
    file: &[u8],
    line: u32,
    pc_offset: Option<u64>,
) {
    out.put(func);
    out.put(match args {
        FrameArgs::None => b"()",
        FrameArgs::Elided => b"(...)",
    });
    out.put(b"\n");
    fmt_position(out, file, line, pc_offset);
}

/// Writes one frame of a fatal error's trace in gc 1.27's form: as
/// [`fmt_frame`], with the frame's addresses after the offset.
pub fn fmt_frame_at(
    out: &mut impl ByteSink,
    func: &[u8],
    args: FrameArgs,
    file: &[u8],
    line: u32,
    pc_offset: Option<u64>,
    at: FrameAddrs,
) {
    out.put(func);
    out.put(match args {
        FrameArgs::None => b"()",
        FrameArgs::Elided => b"(...)",
    });
    out.put(b"\n");
    fmt_position_at(out, file, line, pc_offset, Some(at));
}

/// Writes the line that stands for the frames a long trace leaves out
/// between its innermost and outermost ones: `...N frames elided...`.
pub fn fmt_frames_elided(out: &mut impl ByteSink, n: u64) {
    out.put(b"...");
    fmt_uint(out, n);
    out.put(b" frames elided...\n");
}

/// Where gc 1.27.3 places its `panic(…)` pseudo-frames: `runtime.gopanic`
/// at the call of a deferred function (under [`crate::frames::GOROOT_SRC`]).
pub const PANIC_FRAME_FILE: &[u8] = b"/usr/local/go/src/runtime/panic.go";
/// Line of [`PANIC_FRAME_FILE`] in gc 1.27.3's frames.
pub const PANIC_FRAME_LINE: u32 = 859;
/// Offset gc 1.27.3's `panic(…)` frames show.
pub const PANIC_FRAME_OFFSET: u64 = 0x125;

/// Line of [`PANIC_FRAME_FILE`] in gc 1.27.3's `runtime.Goexit()` frames.
pub const GOEXIT_FRAME_LINE: u32 = 694;
/// Offset gc 1.27.3's `runtime.Goexit()` frames show.
pub const GOEXIT_FRAME_OFFSET: u64 = 0x54;

/// Writes the pseudo-frame of a panic whose deferred call is running:
/// `panic({0x45eea0, 0x47cf80})` and gc's position of `runtime.gopanic`.
/// `v` is the panic value (`{0x0, 0x0}` for `panic(nil)`).
pub fn fmt_panic_frame(out: &mut impl ByteSink, v: Eface) {
    out.put(b"panic({");
    fmt_hex(out, v.ty as u64);
    out.put(b", ");
    fmt_hex(out, v.data as u64);
    out.put(b"})\n");
    fmt_position(out, PANIC_FRAME_FILE, PANIC_FRAME_LINE, Some(PANIC_FRAME_OFFSET));
}

/// Writes the frame of a `runtime.Goexit` whose deferred call is running:
/// `runtime.Goexit()` at gc's position in `panic.go`.
pub fn fmt_goexit_frame(out: &mut impl ByteSink) {
    out.put(b"runtime.Goexit()\n");
    fmt_position(out, PANIC_FRAME_FILE, GOEXIT_FRAME_LINE, Some(GOEXIT_FRAME_OFFSET));
}

/// Writes the `created by main.main in goroutine N` trailer of a
/// goroutine other than the main one (`creator`: the id of the goroutine
/// that ran the `go` statement; 0 for a goroutine of the runtime's, a
/// timer's, which gc names no goroutine for), with the position of the
/// `go` statement.
pub fn fmt_created_by(
    out: &mut impl ByteSink,
    func: &[u8],
    creator: u64,
    file: &[u8],
    line: u32,
    pc_offset: Option<u64>,
) {
    out.put(b"created by ");
    out.put(func);
    if creator != 0 {
        out.put(b" in goroutine ");
        fmt_uint(out, creator);
    }
    out.put(b"\n");
    fmt_position(out, file, line, pc_offset);
}
