//! Package `runtime`: processors and callers. (`Goexit` is the panic
//! engine's: [`crate::panic::deft_goexit`].)

use crate::abi::GoString;
use crate::frames::{Frame, FrameKind};
use crate::strings::new_string;

/// `func NumCPU() int`.
pub extern "C" fn num_cpu() -> i64 {
    std::thread::available_parallelism().map_or(1, |n| n.get() as i64)
}

/// The results of `runtime.Caller`, as the adapter lays them out.
#[repr(C)]
pub struct CallerResults {
    pc: usize,
    file: GoString,
    line: i64,
    ok: bool,
}

/// `func Caller(skip int) (pc uintptr, file string, line int, ok bool)`,
/// entered with the adapter's return address and frame pointer appended
/// (see [`caller`]).
#[unsafe(naked)]
pub extern "C" fn caller_shim(_out: *mut CallerResults, _skip: i64) {
    core::arch::naked_asm!("mov rdx, [rsp]", "mov rcx, rbp", "jmp {imp}", imp = sym caller)
}

/// Walks the Go frames outward from the adapter that called
/// [`caller_shim`] (frame `pc`, `fp`): skip 0 is the Go function that
/// called `runtime.Caller`.
extern "C" fn caller(out: *mut CallerResults, skip: i64, pc: usize, fp: usize) {
    let gp = crate::panic::cur_g();
    let mut res = CallerResults { pc: 0, file: new_string(b""), line: 0, ok: false };
    if !gp.is_null() && skip >= 0 {
        // SAFETY: the adapter's frame is live and the walk stays below the
        // goroutine's stack top.
        let top = unsafe { (*gp).stack_top };
        let mut frame = Some(Frame { pc, fp });
        let mut left = skip;
        while let Some(fr) = frame {
            if let Some(f) = fr.func().filter(|f| f.kind == FrameKind::Go) {
                if left == 0 {
                    let line = f.line_at(fr.pc - 1);
                    res = CallerResults { pc: fr.pc, file: new_string(f.file.as_bytes()), line: line.into(), ok: true };
                    break;
                }
                left -= 1;
            }
            // SAFETY: `fr` is a live frame of this goroutine.
            frame = unsafe { fr.caller(top) };
        }
    }
    // SAFETY: `out` is the adapter's result area.
    unsafe { out.write(res) };
}
