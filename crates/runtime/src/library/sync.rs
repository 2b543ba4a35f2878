//! Packages `sync` and `sync/atomic`: what their Go code cannot say.

use crate::abi::TypeDesc;

/// `func fatal(msg, status string)` (package sync): gc's `fatal error: msg`
/// and the goroutine's traceback (`status`: what its header says), exit
/// status 2 (a deadlock of the only goroutine, a misused lock). Entered
/// with the adapter's return address and frame pointer appended.
#[unsafe(naked)]
pub extern "C" fn fatal_shim(_msg: *const u8, _msg_len: usize, _status: *const u8, _status_len: usize) {
    core::arch::naked_asm!("mov r8, [rsp]", "mov r9, rbp", "jmp {imp}", imp = sym fatal)
}

extern "C" fn fatal(msg: *const u8, msg_len: usize, status: *const u8, status_len: usize, pc: usize, fp: usize) {
    // SAFETY: Go strings of the given lengths.
    let (msg, status) =
        unsafe { (crate::strings::go_bytes(msg, msg_len), crate::strings::go_bytes(status, status_len)) };
    crate::panic::fatal_with_traceback(msg, status, crate::frames::Frame { pc, fp })
}

/// `func sameType(a, b any) bool` (package sync/atomic): whether both
/// interface values have the same dynamic type (descriptors are unique).
pub extern "C" fn same_type(a: *const TypeDesc, _: usize, b: *const TypeDesc, _: usize) -> bool {
    std::ptr::eq(a, b)
}
