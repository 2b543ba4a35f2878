//! A peephole on Cranelift's x86-64 epilogues: the `mov %rbp, %rsp` before
//! `pop %rbp; ret` becomes a three-byte `nop`.
//!
//! Cranelift's epilogue restores the callee-saved registers, pops the fixed
//! frame with `add $N, %rsp` (N = the frame below FP), then always emits
//! `mov %rbp, %rsp; pop %rbp; ret`. After the `add`, `%rsp` already equals
//! `%rbp` (deft allocates nothing dynamically on the stack), so the `mov`
//! changes nothing, yet it costs: it is an explicit write of `%rsp`, which
//! breaks the CPU's stack engine in the middle of `pop; ret`. Measured on
//! `bench/deferbench.go`, removing it takes call-alone from 5.9 to 4.5 ns
//! and open-defer from 6.7 to 5.0 ns (gc: 4.7 and 6.2).
//!
//! Cranelift does not say where it put its epilogues, so the translator
//! marks them: [`mark_returns`] gives each `return` instruction a source
//! location of its own (from [`EPILOGUE_SRCLOC`] up), and the code
//! Cranelift emits for a `return` (its result moves, then the whole
//! epilogue) is exactly the machine-code range of that location. [`patch`]
//! rewrites the `mov` only where such a range ends with the exact bytes of
//! that epilogue, `add` of the frame size included; anything else (a future
//! Cranelift, code placed after the `ret` in the same range) is left as it
//! is: the peephole can only fail to apply, never apply wrongly.

use cranelift_codegen::MachBufferFinalized;
use cranelift_codegen::ir::{Function, InstructionData, Opcode, SourceLoc};

/// Source locations from here up mark `return` instructions; below are
/// indices into the function's position table (see `funcdata`).
pub const EPILOGUE_SRCLOC: u32 = 0x4000_0000;

/// `mov %rbp, %rsp`.
const MOV_RBP_TO_RSP: [u8; 3] = [0x48, 0x89, 0xec];
/// The recommended three-byte `nop` (`nopl (%rax)`).
const NOP3: [u8; 3] = [0x0f, 0x1f, 0x00];
/// `pop %rbp`.
const POP_RBP: u8 = 0x5d;

/// Gives every `return` of `func` a distinct source location at or above
/// [`EPILOGUE_SRCLOC`]. A return's location is never shown: no call and no
/// faulting instruction is ever part of its code.
pub fn mark_returns(func: &mut Function) {
    let mut n = 0;
    let mut block = func.layout.entry_block();
    while let Some(b) = block {
        let mut inst = func.layout.first_inst(b);
        while let Some(i) = inst {
            if matches!(func.dfg.insts[i], InstructionData::MultiAry { opcode: Opcode::Return, .. }) {
                func.set_srcloc(i, SourceLoc::new(EPILOGUE_SRCLOC + n));
                n += 1;
            }
            inst = func.layout.next_inst(i);
        }
        block = func.layout.next_block(b);
    }
}

/// Whether a source location is one of [`mark_returns`]'s.
pub fn is_epilogue(loc: SourceLoc) -> bool {
    !loc.is_default() && loc.bits() >= EPILOGUE_SRCLOC
}

/// Replaces the redundant `mov %rbp, %rsp` of each marked epilogue of
/// `code` (the function's bytes, as `buffer` describes them) with a `nop`.
/// Returns how many it replaced.
pub fn patch(code: &mut [u8], buffer: &MachBufferFinalized<cranelift_codegen::Final>) -> usize {
    let Some(layout) = buffer.frame_layout() else { return 0 };
    let frame = layout.frame_to_fp_offset;
    let mut patched = 0;
    for range in buffer.get_srclocs_sorted().iter().filter(|r| is_epilogue(r.loc)) {
        let Some(bytes) = code.get(range.start as usize..range.end as usize) else { continue };
        if let Some(mov) = redundant_mov(bytes, frame) {
            let at = range.start as usize + mov;
            code[at..at + 3].copy_from_slice(&NOP3);
            patched += 1;
        }
    }
    patched
}

/// The offset in `bytes` of the `mov %rbp, %rsp` of an epilogue that ends
/// `bytes` and pops a frame of `frame` bytes, if `bytes` ends with one.
fn redundant_mov(bytes: &[u8], frame: u32) -> Option<usize> {
    let ret_len = match bytes {
        [.., 0xc3] => 1,
        [.., 0xc2, _, _] => 3,
        _ => return None,
    };
    let pop = bytes.len().checked_sub(ret_len + 1)?;
    let mov = pop.checked_sub(MOV_RBP_TO_RSP.len())?;
    if bytes[pop] != POP_RBP || bytes[mov..pop] != MOV_RBP_TO_RSP {
        return None;
    }
    (frame == 0 || pops_frame(&bytes[..mov], frame)).then_some(mov)
}

/// Whether `bytes` ends with `add $frame, %rsp` (either encoding).
fn pops_frame(bytes: &[u8], frame: u32) -> bool {
    let imm32 = frame.to_le_bytes();
    match bytes {
        [.., 0x48, 0x83, 0xc4, imm8] => u32::from(*imm8) == frame && frame < 0x80,
        [.., 0x48, 0x81, 0xc4, a, b, c, d] => [*a, *b, *c, *d] == imm32,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_the_epilogue_forms() {
        // No frame below FP.
        assert_eq!(redundant_mov(&[0x48, 0x89, 0xec, 0x5d, 0xc3], 0), Some(0));
        // add $0x10, %rsp (imm8), and a ret that pops 16 bytes of arguments.
        let short = [0x90, 0x48, 0x83, 0xc4, 0x10, 0x48, 0x89, 0xec, 0x5d, 0xc2, 0x10, 0x00];
        assert_eq!(redundant_mov(&short, 0x10), Some(5));
        // add $0x1000, %rsp (imm32).
        let long = [0x48, 0x81, 0xc4, 0x00, 0x10, 0x00, 0x00, 0x48, 0x89, 0xec, 0x5d, 0xc3];
        assert_eq!(redundant_mov(&long, 0x1000), Some(7));
    }

    #[test]
    fn refuses_anything_else() {
        // The frame popped is not the function's.
        let short = [0x48, 0x83, 0xc4, 0x10, 0x48, 0x89, 0xec, 0x5d, 0xc3];
        assert_eq!(redundant_mov(&short, 0x20), None);
        // A frame but no add before the mov.
        assert_eq!(redundant_mov(&[0x90, 0x48, 0x89, 0xec, 0x5d, 0xc3], 0x10), None);
        // Not ending with a return, or not with pop %rbp before it.
        assert_eq!(redundant_mov(&[0x48, 0x89, 0xec, 0x5d, 0xc3, 0x90], 0), None);
        assert_eq!(redundant_mov(&[0x48, 0x89, 0xec, 0x5b, 0xc3], 0), None);
        assert_eq!(redundant_mov(&[0x5d, 0xc3], 0), None);
    }
}
