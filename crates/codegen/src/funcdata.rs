//! Funcdata: what the runtime needs to know about each compiled function,
//! read off Cranelift's compiled code.
//!
//! Format (the runtime's [`runtime::frames::FuncInfo`]):
//! * `start`, `end`: the code range (after finalization);
//! * `lines`: `(pc offset, line)` runs from the srclocs the translator set
//!   (a srcloc is an index + 1 into the function's position table);
//! * `inline`: the calls the inliner replaced by their callees' code and,
//!   as runs like `lines`, which of them each range of code came from:
//!   each position of the table is in one inlined call's body or in the
//!   function's own ([`InlineSites`]);
//! * `open_defers`: the FP-relative offset of the 64-bit deferBits slot and,
//!   per open-coded defer site (bit i), the FP-relative offset of its saved
//!   callee/arguments slot and its thunk's address. Slots are found through
//!   their `StackSlotKey`s in `frame_layout()`: FP offset = slot offset −
//!   `frame_to_fp_offset`;
//! * `landing_pads`: per try_call, `(return address offset, FP − SP at the
//!   call, landing pad offset)` from `call_sites()`, sorted;
//! * `saved_regs`: where the prologue saved each callee-saved register it
//!   clobbers, from the prologue's unwind records: `SaveReg` gives a
//!   register's offset in the clobber area, `DefineNewFrame` how far below
//!   FP that area starts.

use cranelift_codegen::ir::StackSlotKey;
use cranelift_codegen::isa::unwind::UnwindInst;
use cranelift_codegen::{Context, FinalizedMachExceptionHandler};
use cranelift_module::FuncId as ClifFuncId;
use runtime::frames::{
    CALLEE_SAVED_ENCODINGS, FrameKind, FuncInfo, InlineTree, InlinedCall, LandingPad, OpenDeferInfo, OpenDeferSite,
};
use syntax::Pos;

/// Stack slot key of the deferBits slot.
pub const KEY_DEFER_BITS: u64 = 1;
/// Stack slot key of open-coded defer site i's argument slot: base + i.
pub const KEY_DEFER_ARGS: u64 = 0x100;

/// Funcdata of one compiled function, before its address is known.
#[derive(Clone)]
pub struct CompiledFunc {
    /// Its declaration.
    pub id: ClifFuncId,
    /// Name for tracebacks.
    pub name: String,
    /// Source file name.
    pub file: String,
    /// Whether it has Go parameters.
    pub has_params: bool,
    /// Kind of frame.
    pub kind: FrameKind,
    /// Code size.
    pub size: usize,
    /// `(offset, line)` runs.
    pub lines: Vec<(u32, u32)>,
    /// deferBits FP offset and per-site (args FP offset, thunk).
    pub open_defers: Option<(i32, Vec<(i32, ClifFuncId)>)>,
    /// Landing pads.
    pub landing_pads: Vec<LandingPad>,
    /// Saved callee-saved registers: (index, FP offset).
    pub saved_regs: Vec<(u8, i32)>,
    /// Transparent to `recover` (see [`FuncMeta::wrapper`]).
    pub wrapper: bool,
    /// The calls inlined into it.
    pub inline: InlineTree,
}

/// What the translator knows about a function besides its code.
pub struct FuncMeta {
    /// Name for tracebacks.
    pub name: String,
    /// Source file name.
    pub file: String,
    /// Whether it has Go parameters.
    pub has_params: bool,
    /// Kind of frame.
    pub kind: FrameKind,
    /// Position table indexed by srcloc − 1.
    pub positions: Vec<Pos>,
    /// Thunk of each open-coded defer site, if the function has them.
    pub open_thunks: Option<Vec<ClifFuncId>>,
    /// One of [`lower::ir::Program::wrappers`]: transparent to `recover`.
    pub wrapper: bool,
    /// The calls inlined into it.
    pub inlined: InlineSites,
}

/// The calls inlined into a function, as the inliner records them.
#[derive(Clone, Debug, Default)]
pub struct InlineSites {
    /// Per inlined call: the callee's name and file, and the srcloc of the
    /// call (an index + 1 into the function's position table; 0: none).
    pub calls: Vec<(String, String, u32)>,
    /// Per position of the table (the positions beyond its length: 0):
    /// the inlined call (index + 1) whose body it is in, 0 for the
    /// function's own.
    pub of_position: Vec<u32>,
}

impl InlineSites {
    /// The inlined call (index + 1, or 0) srcloc `loc` is in.
    pub fn call_of(&self, loc: u32) -> u32 {
        loc.checked_sub(1).and_then(|i| self.of_position.get(i as usize)).copied().unwrap_or(0)
    }
}

impl FuncMeta {
    /// The metadata of generated code that is no Go function (thunks,
    /// trampolines, adapters): a name, no source position.
    pub fn glue(name: &str, kind: FrameKind) -> FuncMeta {
        FuncMeta {
            name: name.to_string(),
            file: String::new(),
            has_params: false,
            kind,
            positions: Vec::new(),
            open_thunks: None,
            wrapper: false,
            inlined: InlineSites::default(),
        }
    }
}

/// Reads funcdata off `ctx` right after `define_function`.
pub fn collect(id: ClifFuncId, ctx: &Context, meta: FuncMeta) -> CompiledFunc {
    let cc = ctx.compiled_code().expect("internal compiler error: function not compiled");
    let buffer = &cc.buffer;
    let line_of = |loc: u32| match loc {
        0 | u32::MAX => 0,
        _ => meta.positions.get(loc as usize - 1).map_or(0, |p| p.line),
    };
    let mut lines: Vec<(u32, u32)> = Vec::new();
    let mut runs: Vec<(u32, u32)> = Vec::new();
    for sl in buffer.get_srclocs_sorted().iter().filter(|sl| !crate::epilogue::is_epilogue(sl.loc)) {
        let line = line_of(sl.loc.bits());
        if lines.last().map(|l| l.1) != Some(line) {
            lines.push((sl.start, line));
        }
        let call = meta.inlined.call_of(sl.loc.bits());
        if runs.last().map_or(0, |r| r.1) != call {
            runs.push((sl.start, call));
        }
    }
    let calls = meta
        .inlined
        .calls
        .iter()
        .map(|(name, file, loc)| InlinedCall {
            name: name.clone(),
            file: file.clone(),
            parent: meta.inlined.call_of(*loc),
            line: line_of(*loc),
        })
        .collect();
    let open_defers = meta.open_thunks.map(|thunks| {
        let fl = buffer.frame_layout().expect("internal compiler error: no frame layout");
        let fp_off = |key: u64| -> i32 {
            let (_, s) = fl
                .stackslots
                .iter()
                .find(|(_, s)| s.key == Some(StackSlotKey::new(key)))
                .expect("internal compiler error: keyed defer slot missing");
            s.offset as i32 - fl.frame_to_fp_offset as i32
        };
        let sites = thunks.iter().enumerate().map(|(i, t)| (fp_off(KEY_DEFER_ARGS + i as u64), *t)).collect();
        (fp_off(KEY_DEFER_BITS), sites)
    });
    let mut landing_pads = Vec::new();
    for cs in buffer.call_sites() {
        for h in cs.exception_handlers {
            if let FinalizedMachExceptionHandler::Default(off) = h {
                landing_pads.push(LandingPad {
                    ret_off: cs.ret_addr,
                    sp_below_fp: cs.frame_offset.unwrap_or(0),
                    pad_off: *off,
                });
            }
        }
    }
    landing_pads.sort();
    let saved_regs = saved_regs(&buffer.unwind_info);
    CompiledFunc {
        id,
        name: meta.name,
        file: meta.file,
        has_params: meta.has_params,
        kind: meta.kind,
        wrapper: meta.wrapper,
        size: cc.code_buffer().len(),
        lines,
        open_defers,
        landing_pads,
        saved_regs,
        inline: InlineTree { calls, runs },
    }
}

/// Where a prologue with unwind records `unwind` saves the callee-saved
/// integer registers (see the module doc).
fn saved_regs(unwind: &[(u32, UnwindInst)]) -> Vec<(u8, i32)> {
    let mut clobbers_below_fp = 0;
    let mut out = Vec::new();
    for (_, inst) in unwind {
        match inst {
            UnwindInst::DefineNewFrame { offset_downward_to_clobbers, .. } => {
                clobbers_below_fp = *offset_downward_to_clobbers as i32;
            }
            UnwindInst::SaveReg { clobber_offset, reg } => {
                let int = reg.class() == cranelift_codegen::RegClass::Int;
                if let Some(i) = CALLEE_SAVED_ENCODINGS.iter().position(|&e| int && e == reg.hw_enc()) {
                    out.push((i as u8, *clobber_offset as i32 - clobbers_below_fp));
                }
            }
            _ => {}
        }
    }
    out
}

/// Turns collected funcdata into the runtime's table entries, given each
/// function's final address.
pub fn publish(compiled: &[CompiledFunc], addr: impl Fn(ClifFuncId) -> usize) -> Vec<FuncInfo> {
    compiled
        .iter()
        .map(|c| {
            let start = addr(c.id);
            FuncInfo {
                name: c.name.clone(),
                file: c.file.clone(),
                has_params: c.has_params,
                start,
                end: start + c.size,
                kind: c.kind,
                wrapper: c.wrapper,
                lines: c.lines.clone(),
                open_defers: c.open_defers.as_ref().map(|(bits_off, sites)| OpenDeferInfo {
                    bits_off: *bits_off,
                    sites: sites
                        .iter()
                        .map(|(args_off, thunk)| OpenDeferSite { args_off: *args_off, thunk: addr(*thunk) })
                        .collect(),
                }),
                landing_pads: c.landing_pads.clone(),
                saved_regs: c.saved_regs.clone(),
                inline: c.inline.clone(),
                mark_base: 0,
            }
        })
        .collect()
}
