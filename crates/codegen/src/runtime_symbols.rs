//! The compiler↔runtime ABI: the one table of runtime entry points that
//! generated code calls, with their Cranelift signatures and addresses.
//!
//! Conventions (DESIGN §3):
//! * Ordinary entry points are `extern "C"` (SysV) Rust functions called
//!   with plain calls. They never panic and never call Go code, so no
//!   exceptional edge passes through them ([`Unwind::Never`]).
//! * Entry points that raise a Go panic ([`Unwind::Raises`]) are entry
//!   shims that capture the caller's callee-saved registers
//!   (`runtime::panic::entry_shim`); in a function with defers they are
//!   called by `try_call`, and a recovery resumes the caller with the
//!   captured registers, so they are declared SysV like the rest and the
//!   caller keeps values in registers across them.
//! * `deft_deferreturn` runs deferred calls, Go code whose panic a frame's
//!   own defers may recover; the walk to that frame cannot see where the
//!   runtime frames between saved the registers, so it is declared with
//!   Cranelift's **Tail** convention ([`Unwind::RunsGo`]): the exceptional
//!   edge of a `try_call` of a Tail callee assumes every register
//!   clobbered. Tail and SysV agree for ≤ 6 integer arguments and no
//!   result.
//! * Two-word results (strings, interfaces) come back in rax:rdx, which is
//!   Cranelift's SysV multi-value return.

use cranelift_codegen::ir::{AbiParam, Signature, Type, types::*};
use cranelift_codegen::isa::CallConv;

/// A runtime entry point.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum Rt {
    Alloc,
    PrintLock,
    PrintUnlock,
    PrintBool,
    PrintInt,
    PrintUint,
    PrintFloat,
    PrintComplex,
    PrintString,
    PrintPointer,
    PrintEface,
    PrintSlice,
    PrintSp,
    PrintNl,
    ConcatStrings,
    CmpString,
    EqString,
    MemEqual,
    DecodeRune,
    IntString,
    SliceByteToString,
    StringToSliceByte,
    SliceRuneToString,
    StringToSliceRune,
    SliceByteToStringBuf,
    StringToSliceByteBuf,
    Recover,
    DeferProcHeap,
    DeferProcAt,
    DeferProc,
    DeferReturn,
    GoPanic,
    PanicDivide,
    PanicShift,
    PanicMem,
    PanicBounds,
    PanicDottype,
    IfaceMethod,
    AssertIface,
    EfaceEq,
    Uncomparable,
    AssertIfaceError,
    MakeSlice,
    GrowSlice,
    MemMove,
    MemClr,
    UnsafeSliceCheck,
    PanicAlloc,
    PanicRangeState,
    PanicWrap,
    Complex128Div,
    MakeMap,
    MapAccess1,
    MapAccess2,
    MapAssign,
    MapDelete,
    MapClear,
    MapIterInit,
    MapIterNext,
    MakeChan,
    ChanSend,
    ChanRecv,
    CloseChan,
    ChanLen,
    ChanCap,
    Select,
    NewProc,
}

/// Everything the compiler knows about one entry point.
pub struct RtSym {
    /// Symbol name: the Rust function's `no_mangle` name, by which an
    /// executable of `deft build` links to it (the JIT resolves it to `addr`).
    pub name: &'static str,
    /// Parameter types.
    pub params: &'static [Type],
    /// Result types.
    pub returns: &'static [Type],
    /// Whether a call of it can end in a panic.
    pub unwind: Unwind,
    /// Never returns (a `trap` follows the call).
    pub noreturn: bool,
    /// The function's address in this process.
    pub addr: *const u8,
}

/// How a call of a runtime entry point can end other than by returning.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unwind {
    /// It neither panics nor runs Go code: a plain SysV call.
    Never,
    /// It may raise a panic, through a shim capturing the registers: SysV,
    /// called by `try_call` in functions with defers.
    Raises,
    /// It runs Go code that may panic: Tail, called by `try_call` in
    /// functions with defers.
    RunsGo,
}

macro_rules! sym {
    ($name:literal, $f:path, [$($p:expr),*] -> [$($r:expr),*]) => {
        sym!($name, $f, [$($p),*] -> [$($r),*], Never)
    };
    ($name:literal, $f:path, [$($p:expr),*] -> [$($r:expr),*], $unwind:ident) => {
        RtSym {
            name: $name,
            params: &[$($p),*],
            returns: &[$($r),*],
            unwind: Unwind::$unwind,
            noreturn: false,
            addr: $f as *const u8,
        }
    };
    ($name:literal, $f:path, [$($p:expr),*] -> !) => {
        RtSym { name: $name, params: &[$($p),*], returns: &[], unwind: Unwind::Raises, noreturn: true, addr: $f as *const u8 }
    };
}

impl Rt {
    /// Every entry point (for registering symbols with the JIT).
    pub const ALL: &'static [Rt] = &[
        Rt::Alloc,
        Rt::PrintLock,
        Rt::PrintUnlock,
        Rt::PrintBool,
        Rt::PrintInt,
        Rt::PrintUint,
        Rt::PrintFloat,
        Rt::PrintComplex,
        Rt::PrintString,
        Rt::PrintPointer,
        Rt::PrintEface,
        Rt::PrintSlice,
        Rt::PrintSp,
        Rt::PrintNl,
        Rt::ConcatStrings,
        Rt::CmpString,
        Rt::EqString,
        Rt::MemEqual,
        Rt::DecodeRune,
        Rt::IntString,
        Rt::SliceByteToString,
        Rt::StringToSliceByte,
        Rt::SliceRuneToString,
        Rt::StringToSliceRune,
        Rt::SliceByteToStringBuf,
        Rt::StringToSliceByteBuf,
        Rt::Recover,
        Rt::DeferProcHeap,
        Rt::DeferProcAt,
        Rt::DeferProc,
        Rt::DeferReturn,
        Rt::GoPanic,
        Rt::PanicDivide,
        Rt::PanicShift,
        Rt::PanicMem,
        Rt::PanicBounds,
        Rt::PanicDottype,
        Rt::IfaceMethod,
        Rt::AssertIface,
        Rt::EfaceEq,
        Rt::Uncomparable,
        Rt::AssertIfaceError,
        Rt::MakeSlice,
        Rt::GrowSlice,
        Rt::MemMove,
        Rt::MemClr,
        Rt::UnsafeSliceCheck,
        Rt::PanicAlloc,
        Rt::PanicRangeState,
        Rt::PanicWrap,
        Rt::Complex128Div,
        Rt::MakeMap,
        Rt::MapAccess1,
        Rt::MapAccess2,
        Rt::MapAssign,
        Rt::MapDelete,
        Rt::MapClear,
        Rt::MapIterInit,
        Rt::MapIterNext,
        Rt::MakeChan,
        Rt::ChanSend,
        Rt::ChanRecv,
        Rt::CloseChan,
        Rt::ChanLen,
        Rt::ChanCap,
        Rt::Select,
        Rt::NewProc,
    ];

    /// The entry point's symbol, signature and address.
    pub fn sym(self) -> RtSym {
        use runtime::{alloc, chan, complex, iface, maps, panic, print, sched, slices, strings};
        match self {
            Rt::Alloc => sym!("deft_alloc", alloc::deft_alloc, [I64, I64] -> [I64]),
            Rt::PrintLock => sym!("deft_printlock", print::deft_printlock, [] -> []),
            Rt::PrintUnlock => sym!("deft_printunlock", print::deft_printunlock, [] -> []),
            Rt::PrintBool => sym!("deft_printbool", print::deft_printbool, [I8] -> []),
            Rt::PrintInt => sym!("deft_printint", print::deft_printint, [I64] -> []),
            Rt::PrintUint => sym!("deft_printuint", print::deft_printuint, [I64] -> []),
            Rt::PrintFloat => sym!("deft_printfloat", print::deft_printfloat, [F64, I64] -> []),
            Rt::PrintComplex => {
                sym!("deft_printcomplex", print::deft_printcomplex, [F64, F64, I64] -> [])
            }
            Rt::PrintString => sym!("deft_printstring", print::deft_printstring, [I64, I64] -> []),
            Rt::PrintPointer => sym!("deft_printpointer", print::deft_printpointer, [I64] -> []),
            Rt::PrintEface => sym!("deft_printeface", print::deft_printeface, [I64, I64] -> []),
            Rt::PrintSlice => {
                sym!("deft_printslice", print::deft_printslice, [I64, I64, I64] -> [])
            }
            Rt::PrintSp => sym!("deft_printsp", print::deft_printsp, [] -> []),
            Rt::PrintNl => sym!("deft_printnl", print::deft_printnl, [] -> []),
            Rt::ConcatStrings => {
                sym!("deft_concatstrings", strings::deft_concatstrings, [I64, I64, I64, I64] -> [I64, I64])
            }
            Rt::CmpString => {
                sym!("deft_cmpstring", strings::deft_cmpstring, [I64, I64, I64, I64] -> [I64])
            }
            Rt::EqString => {
                sym!("deft_eqstring", strings::deft_eqstring, [I64, I64, I64, I64] -> [I8])
            }
            Rt::MemEqual => sym!("deft_memequal", strings::deft_memequal, [I64, I64, I64] -> [I8]),
            Rt::DecodeRune => {
                sym!("deft_decoderune", strings::deft_decoderune, [I64, I64, I64] -> [I64, I64])
            }
            Rt::IntString => sym!("deft_intstring", strings::deft_intstring, [I64] -> [I64, I64]),
            Rt::SliceByteToString => {
                sym!("deft_slicebytetostring", strings::deft_slicebytetostring, [I64, I64] -> [I64, I64])
            }
            Rt::StringToSliceByte => {
                sym!("deft_stringtoslicebyte", strings::deft_stringtoslicebyte, [I64, I64] -> [I64, I64])
            }
            Rt::SliceRuneToString => {
                sym!("deft_slicerunetostring", strings::deft_slicerunetostring, [I64, I64] -> [I64, I64])
            }
            Rt::StringToSliceRune => {
                sym!("deft_stringtoslicerune", strings::deft_stringtoslicerune, [I64, I64] -> [I64, I64])
            }
            Rt::SliceByteToStringBuf => {
                sym!("deft_slicebytetostring_buf", strings::deft_slicebytetostring_buf, [I64, I64, I64] -> [I64, I64])
            }
            Rt::StringToSliceByteBuf => {
                sym!("deft_stringtoslicebyte_buf", strings::deft_stringtoslicebyte_buf, [I64, I64, I64] -> [I64, I64])
            }
            Rt::Recover => sym!("deft_recover", panic::deft_recover, [I64] -> [I64, I64]),
            Rt::DeferProcHeap => {
                sym!("deft_deferprocheap", panic::deft_deferprocheap, [I64, I64] -> [I64])
            }
            Rt::DeferProcAt => {
                sym!("deft_deferprocat", panic::deft_deferprocat, [I64, I64, I64] -> [I64])
            }
            Rt::DeferProc => sym!("deft_deferproc", panic::deft_deferproc, [I64, I64] -> []),
            Rt::DeferReturn => sym!("deft_deferreturn", panic::deft_deferreturn, [I64] -> [], RunsGo),
            Rt::GoPanic => sym!("deft_gopanic", panic::deft_gopanic, [I64, I64] -> !),
            Rt::PanicDivide => sym!("deft_panicdivide", panic::deft_panicdivide, [] -> !),
            Rt::PanicShift => sym!("deft_panicshift", panic::deft_panicshift, [] -> !),
            Rt::PanicMem => sym!("deft_panicmem", panic::deft_panicmem, [] -> !),
            Rt::PanicBounds => {
                sym!("deft_panicbounds", panic::deft_panicbounds, [I64, I64] -> !)
            }
            Rt::PanicDottype => {
                sym!("deft_panicdottype", panic::deft_panicdottype, [I64, I64, I64] -> !)
            }
            Rt::IfaceMethod => {
                sym!("deft_ifacemethod", iface::deft_ifacemethod, [I64, I64, I64] -> [I64])
            }
            Rt::AssertIface => sym!("deft_assertiface", iface::deft_assertiface, [I64, I64] -> [I8]),
            Rt::EfaceEq => sym!("deft_efaceeq", iface::deft_efaceeq, [I64, I64, I64, I64] -> [I64]),
            Rt::Uncomparable => {
                sym!("deft_uncomparable", iface::deft_uncomparable, [I64] -> [I64, I64])
            }
            Rt::AssertIfaceError => {
                sym!("deft_assertiface_error", iface::deft_assertiface_error, [I64, I64, I64] -> [I64, I64])
            }
            Rt::MakeSlice => sym!("deft_makeslice", slices::deft_makeslice, [I64, I64, I64, I64] -> [I64, I64]),
            Rt::GrowSlice => {
                sym!("deft_growslice", slices::deft_growslice, [I64, I64, I64, I64, I64, I64] -> [I64, I64])
            }
            Rt::MemMove => sym!("deft_memmove", slices::deft_memmove, [I64, I64, I64] -> []),
            Rt::MemClr => sym!("deft_memclr", slices::deft_memclr, [I64, I64] -> []),
            Rt::UnsafeSliceCheck => {
                sym!("deft_unsafeslicecheck", slices::deft_unsafeslicecheck, [I64, I64, I64, I8] -> [I64])
            }
            Rt::PanicAlloc => sym!("deft_panicalloc", panic::deft_panicalloc, [I64] -> !),
            Rt::PanicRangeState => sym!("deft_panicrangestate", panic::deft_panicrangestate, [I64] -> !),
            Rt::PanicWrap => sym!("deft_panicwrap", panic::deft_panicwrap, [I64, I64, I64] -> !),
            Rt::Complex128Div => {
                sym!("deft_complex128div", complex::deft_complex128div, [F64, F64, F64, F64] -> [F64, F64])
            }
            Rt::MakeMap => sym!("deft_makemap", maps::deft_makemap, [I64, I64] -> [I64]),
            Rt::MapAccess1 => sym!("deft_mapaccess1", maps::deft_mapaccess1, [I64, I64, I64] -> [I64], Raises),
            Rt::MapAccess2 => sym!("deft_mapaccess2", maps::deft_mapaccess2, [I64, I64, I64] -> [I64], Raises),
            Rt::MapAssign => sym!("deft_mapassign", maps::deft_mapassign, [I64, I64, I64] -> [I64], Raises),
            Rt::MapDelete => sym!("deft_mapdelete", maps::deft_mapdelete, [I64, I64, I64] -> [], Raises),
            Rt::MapClear => sym!("deft_mapclear", maps::deft_mapclear, [I64] -> []),
            Rt::MapIterInit => sym!("deft_mapiterinit", maps::deft_mapiterinit, [I64, I64] -> []),
            Rt::MapIterNext => sym!("deft_mapiternext", maps::deft_mapiternext, [I64] -> [I8]),
            // Channel operations may block (another goroutine runs meanwhile);
            // the ones that can panic raise, like every panicking entry.
            Rt::MakeChan => sym!("deft_makechan", chan::deft_makechan, [I64, I64, I64] -> [I64], Raises),
            Rt::ChanSend => sym!("deft_chansend", chan::deft_chansend, [I64, I64] -> [], Raises),
            Rt::ChanRecv => sym!("deft_chanrecv", chan::deft_chanrecv, [I64, I64] -> [I8]),
            Rt::CloseChan => sym!("deft_closechan", chan::deft_closechan, [I64] -> [], Raises),
            Rt::ChanLen => sym!("deft_chanlen", chan::deft_chanlen, [I64] -> [I64]),
            Rt::ChanCap => sym!("deft_chancap", chan::deft_chancap, [I64] -> [I64]),
            Rt::Select => sym!("deft_select", chan::deft_select, [I64, I64, I64, I64] -> [I64], Raises),
            Rt::NewProc => sym!("deft_newproc", sched::deft_newproc, [I64, I64] -> []),
        }
    }

    /// The Cranelift signature generated code declares for this entry point.
    pub fn signature(self) -> Signature {
        let s = self.sym();
        let conv = if s.unwind == Unwind::RunsGo { CallConv::Tail } else { CallConv::SystemV };
        let mut sig = Signature::new(conv);
        sig.params.extend(s.params.iter().map(|t| AbiParam::new(*t)));
        sig.returns.extend(s.returns.iter().map(|t| AbiParam::new(*t)));
        sig
    }
}
