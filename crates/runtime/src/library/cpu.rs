//! Package `internal/cpu`'s instructions: what gc writes in assembly
//! (`cpu_x86.s`) to ask the processor what it has.
//!
//! deft never runs `internal/cpu.Initialize` itself (so the library's
//! feature flags stay false and its portable code runs), but
//! `internal/cpu`'s own tests and `cpu.Name` (the `cpu:` line of
//! benchmarks, `internal/sysinfo`) execute these.

use super::Pair;

/// The four registers `cpuid` leaves, laid out as a Go struct of the
/// results `(eax, ebx, ecx, edx uint32)`.
#[repr(C)]
pub struct Cpuid([u32; 4]);

/// `func cpuid(eaxArg, ecxArg uint32) (eax, ebx, ecx, edx uint32)`.
pub extern "C" fn cpuid(out: *mut Cpuid, eax: u32, ecx: u32) {
    // Every x86-64 processor has `cpuid`; an unknown leaf reads as the
    // highest basic one, as the instruction does for gc.
    let r = core::arch::x86_64::__cpuid_count(eax, ecx);
    // SAFETY: `out` is the adapter's result area.
    unsafe { out.write(Cpuid([r.eax, r.ebx, r.ecx, r.edx])) };
}

/// `func xgetbv() (eax, edx uint32)`: the extended control register 0
/// (which register sets the OS saves). Go calls it only once `cpuid`
/// reported OSXSAVE, as the instruction requires.
pub extern "C" fn xgetbv() -> Pair {
    let (eax, edx): (u32, u32);
    // SAFETY: reads XCR0 (ecx = 0); the caller checked OSXSAVE.
    unsafe { core::arch::asm!("xgetbv", in("ecx") 0, out("eax") eax, out("edx") edx, options(nomem, nostack)) };
    Pair(i64::from(eax), i64::from(edx))
}

/// `func getGOAMD64level() int32`: the microarchitecture level the
/// program was built for, which `internal/cpu` checks the processor
/// meets. deft selects files as gc's default `GOAMD64=v1` does
/// (the build tag `amd64.v1`), so 1.
pub extern "C" fn go_amd64_level() -> i32 {
    1
}
