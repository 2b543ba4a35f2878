//! The runtime half of deft's standard library.
//!
//! The library is Go source (`lib/` at the repository root); a function
//! declared there without a body is implemented here, by an `extern "C"`
//! Rust function registered in [`symbol`] under the Go function's name
//! (`os.runtime_args`, `time.now`). The compiler emits a call to it from a
//! small adapter (codegen's `external` module), which fixes the calling
//! convention both sides follow:
//!
//! * parameters arrive as the Go values' scalars in order (`bool` a byte,
//!   `string` pointer and length, `[]T` pointer, length and capacity,
//!   `interface{}` type descriptor and data word);
//! * one or two result scalars are returned in registers: a scalar, or a
//!   two-word `#[repr(C)]` struct such as `GoString` or [`Pair`];
//! * three or more result scalars are written through a pointer that comes
//!   as an extra first argument, laid out as a Go struct of the results.
//!
//! Each function's doc names the Go declaration it implements. One that
//! must raise a Go panic (`internal/bytealg.MakeNoZero`'s `makeslice: len
//! out of range`) is registered as an `entry_shim` (`crate::panic`), which
//! captures the caller's registers before any Rust frame, as the compiler's
//! own runtime calls that may panic do: no panic crosses a Rust frame.

mod bytealg;
mod cpu;
mod crc32;
pub mod crypto;
mod maps;
mod math;
mod os;
mod rand;
mod reflect;
mod reflecthooks;
mod runtime;
mod signal;
mod sync;
mod syscall;
mod time;

pub use reflecthooks::register_typelinks;
pub(crate) use time::{instant_at, monotonic_nanos as nanotime};

/// Two integer results, returned in `rax:rdx`.
#[repr(C)]
pub struct Pair(pub i64, pub i64);

/// The runtime implementation of library function `name` (its Go name,
/// qualified by import path), if there is one.
pub fn symbol(name: &str) -> Option<*const u8> {
    SYMBOLS.iter().find(|(n, _)| *n == name).map(|&(_, f)| f())
}

/// The Go names of every library function the runtime implements (each
/// also an exported symbol of that name).
pub fn names() -> impl Iterator<Item = &'static str> {
    SYMBOLS.iter().map(|(n, _)| *n)
}

type Address = fn() -> *const u8;

/// Defines [`SYMBOLS`], every implementation by Go name, and exports each
/// under its Go name (`"os.write"`) for executables built by `deft build`,
/// whose generated code calls it by that symbol: the export is a `jmp` to
/// the Rust function (whose own symbol is mangled), so an implementation
/// may serve two Go names.
macro_rules! library {
    ($($name:literal => $f:path,)*) => {
        /// Every implementation, by Go name. (Addresses are taken through
        /// `fn`s because a static table cannot hold raw pointers.)
        static SYMBOLS: &[(&str, Address)] = &[$(($name, || $f as *const u8)),*];
        $(
            core::arch::global_asm!(
                ".pushsection .text.deft_library,\"ax\",@progbits",
                concat!(".globl \"", $name, "\""),
                concat!(".type \"", $name, "\",@function"),
                concat!("\"", $name, "\":"),
                "jmp {f}",
                ".popsection",
                f = sym $f,
            );
        )*
    };
}

library! {
    "os.runtime_args" => os::runtime_args,
    "time.now" => time::now,
    "time.runtimeNow" => time::now,
    "time.runtimeNano" => time::runtime_nano,
    "time.runtimeIsBubbled" => time::runtime_is_bubbled,
    "time.Sleep" => time::sleep,
    "runtime.timerNew" => crate::sched::timer_new,
    "runtime.timerStop" => crate::sched::timer_stop,
    "runtime.timerReset" => crate::sched::timer_reset,
    "runtime.Goexit" => crate::panic::deft_goexit,
    "testing.cpuName" => runtime::cpu_name,
    "testing.setTracebackAll" => crate::panic::set_traceback_all,
    "runtime/debug.setTracebackAll" => crate::panic::set_traceback_all_to,
    "runtime.SetFinalizer" => runtime::set_finalizer,
    "runtime.addCleanup" => runtime::add_cleanup,
    "runtime.stopCleanup" => runtime::stop_cleanup,
    "weak.runtime_registerWeakPointer" => runtime::register_weak_pointer,
    "weak.runtime_makeStrongFromWeak" => runtime::make_strong_from_weak,
    "unique.runtime_blockUntilEmptyCleanupQueue" => crate::sched::block_until_empty_cleanup_queue,
    "sync_test.runtime_blockUntilEmptyCleanupQueue" => crate::sched::block_until_empty_cleanup_queue,
    "runtime.fatal" => sync::fatal_shim,
    "runtime.getenv" => os::getenv,
    "runtime.godebugDefault" => runtime::godebug_default,
    "runtime.runtimeError" => runtime::runtime_error,
    "runtime.Gosched" => crate::sched::gosched,
    "runtime.NumGoroutine" => crate::sched::num_goroutine,
    "sync.runtime_SemacquireMutex" => crate::sched::semacquire_mutex,
    "sync.runtime_SemacquireRWMutex" => crate::sched::semacquire_rwmutex,
    "sync.runtime_SemacquireRWMutexR" => crate::sched::semacquire_rwmutex_r,
    "sync.runtime_SemacquireWaitGroup" => crate::sched::semacquire_waitgroup,
    "sync.runtime_Semrelease" => crate::sched::semrelease,
    "sync.runtime_notifyListWait" => crate::sched::notify_list_wait,
    "sync.runtime_poolTake" => sync::pool_take,
    "sync.runtime_poolOffer" => sync::pool_offer,
    "sync.runtime_notifyListNotifyOne" => crate::sched::notify_list_notify_one,
    "sync.runtime_notifyListNotifyAll" => crate::sched::notify_list_notify_all,
    "runtime.NumCPU" => runtime::num_cpu,
    "runtime.Breakpoint" => runtime::breakpoint,
    "runtime.GC" => runtime::gc,
    "runtime.ReadMemStats" => runtime::read_mem_stats,
    "runtime.Caller" => runtime::caller_shim,
    "runtime/debug.SetGCPercent" => runtime::set_gc_percent,
    "runtime/debug.stack" => runtime::stack_shim,
    "runtime.stack" => runtime::runtime_stack_shim,
    "runtime.callers" => runtime::callers_shim,
    "runtime.funcEntry" => runtime::func_entry,
    "runtime.funcName" => runtime::func_name,
    "runtime.funcFileLine" => runtime::func_file_line,
    "runtime.funcInlined" => runtime::func_inlined,
    "sync.fatal" => sync::fatal_shim,
    "sync/atomic.sameType" => sync::same_type,
    "math/rand.runtime_rand" => rand::runtime_rand,
    "unique.runtime_rand" => rand::runtime_rand,
    "net.runtime_rand" => rand::runtime_rand,
    "internal/sync.runtime_rand" => rand::runtime_rand,
    "internal/sync.runtime_SemacquireMutex" => sync::internal_semacquire_mutex,
    "internal/sync.runtime_Semrelease" => sync::internal_semrelease,
    "internal/sync.runtime_canSpin" => sync::can_spin,
    "internal/sync.runtime_doSpin" => sync::do_spin,
    "internal/sync.runtime_nanotime" => time::runtime_nano,
    "internal/sync.throw" => sync::internal_fatal_shim,
    "internal/sync.fatal" => sync::internal_fatal_shim,
    "math.archFloor" => math::floor,
    "math.archCeil" => math::ceil,
    "math.archTrunc" => math::trunc,
    "math.archExp" => math::exp,
    "math.archLog" => math::log,
    "math.archHypot" => math::hypot,
    "math.archMax" => math::max,
    "math.archMin" => math::min,
    "reflect.DeepEqual" => reflect::deep_equal,
    "reflect.unsafe_New" => reflecthooks::unsafe_new,
    "reflect.unsafe_NewArray" => reflecthooks::unsafe_new_array,
    "reflect.typedmemmove" => reflecthooks::typedmemmove,
    "reflect.ptrTo" => reflecthooks::ptr_to,
    "reflect.sliceOf" => reflecthooks::slice_of,
    "reflect.mapOf" => reflecthooks::map_of,
    "reflect.arrayOf" => reflecthooks::array_of,
    "reflect.chanOf" => reflecthooks::chan_of,
    "reflect.funcOf" => reflecthooks::func_of,
    "reflect.structOf" => reflecthooks::struct_of,
    "reflect.growslice" => crate::slices::deft_growslice,
    "reflect.makemap" => crate::maps::deft_makemap,
    "reflect.mapaccess" => crate::maps::deft_mapaccess2,
    "reflect.mapassign" => crate::maps::deft_mapassign,
    "reflect.mapdelete" => crate::maps::deft_mapdelete,
    "reflect.mapiterinit" => crate::maps::deft_mapiterinit,
    "reflect.mapiternext" => crate::maps::deft_mapiternext,
    "reflect.makechan" => crate::chan::deft_makechan,
    "reflect.chanlen" => crate::chan::deft_chanlen,
    "reflect.chancap" => crate::chan::deft_chancap,
    "reflect.chansend" => crate::chan::deft_chansend,
    "reflect.chanrecv" => crate::chan::deft_chanrecv,
    "reflect.chanclose" => crate::chan::deft_closechan,
    "reflect.rselect" => crate::chan::deft_select,
    "os.runtime_rand" => rand::runtime_rand,
    "math/rand/v2.runtime_rand" => rand::runtime_rand,
    "maps.clone" => maps::clone,
    "internal/bytealg.Compare" => bytealg::compare,
    "internal/bytealg.abigen_runtime_cmpstring" => bytealg::compare_string,
    "internal/bytealg.Count" => bytealg::count,
    "internal/bytealg.CountString" => bytealg::count_string,
    "internal/bytealg.Index" => bytealg::index_bytes,
    "internal/bytealg.IndexString" => bytealg::index_string,
    "internal/bytealg.IndexByte" => bytealg::index_byte_bytes,
    "internal/bytealg.IndexByteString" => bytealg::index_byte_string,
    "internal/bytealg.MakeNoZero" => bytealg::deft_makenozero,
    "hash/crc32.castagnoliSSE42" => crc32::castagnoli_sse42,
    "hash/crc32.castagnoliSSE42Triple" => crc32::castagnoli_sse42_triple,
    "hash/crc32.ieeeCLMUL" => crc32::ieee_clmul,
    "iter.newcoro" => crate::coro::newcoro,
    "iter.coroswitch" => crate::coro::coroswitch,
    "internal/runtime/syscall/linux.Syscall6" => syscall::syscall6,
    "syscall.runtime_entersyscall" => syscall::enter_syscall,
    "syscall.runtime_exitsyscall" => syscall::exit_syscall,
    "syscall.rawSyscallNoError" => syscall::raw_syscall_no_error,
    "syscall.rawVforkSyscall" => syscall::raw_vfork_syscall,
    "syscall.runtime_BeforeFork" => syscall::before_fork,
    "syscall.runtime_AfterFork" => syscall::after_fork,
    "syscall.runtime_AfterForkInChild" => syscall::after_fork_in_child,
    "syscall.runtime_envs" => syscall::runtime_envs,
    "syscall.Getpagesize" => syscall::getpagesize,
    "syscall.Exit" => syscall::exit,
    "os.runtime_beforeExit" => syscall::before_exit,
    "os.sigpipe" => syscall::sigpipe,
    "os.ignoreSIGSYS" => syscall::ignore_sigsys,
    "os.restoreSIGSYS" => syscall::restore_sigsys,
    "internal/syscall/unix.fcntl" => syscall::fcntl,
    "internal/syscall/unix.vgetrandom" => syscall::vgetrandom,
    "internal/godebug.write" => syscall::write,
    "internal/poll.runtimeNano" => time::runtime_nano,
    "internal/poll.runtime_Semacquire" => crate::sched::semacquire_plain,
    "internal/poll.runtime_Semrelease" => crate::sched::semrelease,
    "internal/poll.runtime_pollServerInit" => crate::netpoll::poll_server_init,
    "internal/poll.runtime_pollOpen" => crate::netpoll::poll_open,
    "internal/poll.runtime_pollClose" => crate::netpoll::poll_close,
    "internal/poll.runtime_pollWait" => crate::netpoll::poll_wait,
    "internal/poll.runtime_pollWaitCanceled" => crate::netpoll::poll_wait_canceled,
    "internal/poll.runtime_pollReset" => crate::netpoll::poll_reset,
    "internal/poll.runtime_pollSetDeadline" => crate::netpoll::poll_set_deadline,
    "internal/poll.runtime_pollUnblock" => crate::netpoll::poll_unblock,
    "internal/poll.runtime_isPollServerDescriptor" => crate::netpoll::is_poll_server_descriptor,
    "os/signal.signal_enable" => signal::signal_enable,
    "os/signal.signal_disable" => signal::signal_disable,
    "os/signal.signal_ignore" => signal::signal_ignore,
    "os/signal.signal_ignored" => signal::signal_ignored,
    "os/signal.signal_recv" => signal::signal_recv,
    "os/signal.signalWaitUntilIdle" => signal::signal_wait_until_idle,
    "internal/cpu.cpuid" => cpu::cpuid,
    "internal/cpu.xgetbv" => cpu::xgetbv,
    "internal/cpu.getGOAMD64level" => cpu::go_amd64_level,
    "crypto/internal/fips140.fatal" => sync::internal_fatal_shim,
    "crypto/internal/sysrand.fatal" => sync::internal_fatal_shim,
    "crypto/rand.fatal" => sync::internal_fatal_shim,
    "crypto/internal/fips140.getIndicator" => crypto::get_indicator,
    "crypto/internal/fips140.setIndicator" => crypto::set_indicator,
    "crypto/fips140.setBypass" => crypto::set_bypass,
    "crypto/fips140.unsetBypass" => crypto::unset_bypass,
    "crypto/fips140.isBypassed" => crypto::is_bypassed,
    "crypto/subtle.setDITEnabled" => crypto::set_dit_enabled,
    "crypto/subtle.setDITDisabled" => crypto::set_dit_disabled,
    "crypto/internal/boring/bcache.registerCache" => crypto::register_cache,
    "crypto/internal/boring/sig.StandardCrypto" => crypto::signature_marker,
    "crypto/internal/boring/sig.BoringCrypto" => crypto::signature_marker,
    "crypto/internal/boring/sig.FIPSOnly" => crypto::signature_marker,
    "crypto/internal/fips140deps/time.monoTime" => time::runtime_nano,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_resolve() {
        for (i, (name, _)) in SYMBOLS.iter().enumerate() {
            assert!(SYMBOLS[..i].iter().all(|(n, _)| n != name), "duplicate library symbol {name}");
            assert!(symbol(name).is_some_and(|p| !p.is_null()));
        }
        assert!(symbol("os.nonexistent").is_none());
    }
}
