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
//! Each function's doc names the Go declaration it implements.

mod bits;
mod bytealg;
mod errors;
mod maps;
mod math;
mod mem;
mod os;
mod rand;
mod reflect;
mod runtime;
pub(crate) mod strconv;
mod sync;
mod time;
pub(crate) mod unicode;

/// Two integer results, returned in `rax:rdx`.
#[repr(C)]
pub struct Pair(pub i64, pub i64);

/// The runtime implementation of library function `name` (its Go name,
/// qualified by import path), if there is one.
pub fn symbol(name: &str) -> Option<*const u8> {
    SYMBOLS.iter().find(|(n, _)| *n == name).map(|&(_, f)| f())
}

/// Whether the implementation of library function `name` may call Go code
/// (fmt calls `String` and `Error` methods). A panic in that Go code may be
/// recovered by a frame above the library call, and the walk to it cannot
/// see where the Rust frames between saved the callee-saved registers; so
/// the compiler's adapter for such a function saves them all itself (see
/// `codegen::external`).
pub fn calls_go(name: &str) -> bool {
    CALLS_GO.contains(&name)
}

/// The library functions [`calls_go`] reports.
const CALLS_GO: &[&str] = &["fmt.sprintf", "fmt.sprint", "fmt.sprintln", "fmt.errorf"];

type Address = fn() -> *const u8;

/// Every implementation, by Go name. (Addresses are taken through `fn`s
/// because a static table cannot hold raw pointers.)
static SYMBOLS: &[(&str, Address)] = &[
    ("os.runtime_args", || os::runtime_args as *const u8),
    ("os.write", || os::write as *const u8),
    ("os.read", || os::read as *const u8),
    ("os.exit", || os::exit as *const u8),
    ("time.now", || time::now as *const u8),
    ("runtime.Goexit", || crate::panic::deft_goexit as *const u8),
    ("testing.cpuName", || runtime::cpu_name as *const u8),
    ("testing.setTracebackAll", || crate::panic::set_traceback_all as *const u8),
    ("os.runtime_reserveFinalizerGoroutine", || crate::sched::reserve_finalizer_goroutine as *const u8),
    ("runtime.SetFinalizer", || runtime::set_finalizer as *const u8),
    ("runtime.Gosched", || crate::sched::gosched as *const u8),
    ("runtime.NumGoroutine", || crate::sched::num_goroutine as *const u8),
    ("sync.runtime_SemacquireMutex", || crate::sched::semacquire_mutex as *const u8),
    ("sync.runtime_SemacquireRWMutex", || crate::sched::semacquire_rwmutex as *const u8),
    ("sync.runtime_SemacquireRWMutexR", || crate::sched::semacquire_rwmutex_r as *const u8),
    ("sync.runtime_SemacquireWaitGroup", || crate::sched::semacquire_waitgroup as *const u8),
    ("sync.runtime_Semrelease", || crate::sched::semrelease as *const u8),
    ("sync.runtime_notifyListWait", || crate::sched::notify_list_wait as *const u8),
    ("sync.runtime_notifyListNotifyOne", || crate::sched::notify_list_notify_one as *const u8),
    ("sync.runtime_notifyListNotifyAll", || crate::sched::notify_list_notify_all as *const u8),
    ("runtime.NumCPU", || runtime::num_cpu as *const u8),
    ("runtime.Breakpoint", || runtime::breakpoint as *const u8),
    ("runtime.GC", || runtime::gc as *const u8),
    ("runtime.ReadMemStats", || runtime::read_mem_stats as *const u8),
    ("runtime.Caller", || runtime::caller_shim as *const u8),
    ("runtime/debug.SetGCPercent", || runtime::set_gc_percent as *const u8),
    ("runtime/debug.stack", || runtime::stack_shim as *const u8),
    ("runtime.callers", || runtime::callers_shim as *const u8),
    ("runtime.funcEntry", || runtime::func_entry as *const u8),
    ("runtime.funcName", || runtime::func_name as *const u8),
    ("runtime.funcFileLine", || runtime::func_file_line as *const u8),
    ("time.startTimer", || crate::sched::start_timer as *const u8),
    ("time.stopTimer", || crate::sched::stop_timer as *const u8),
    ("time.resetTimer", || crate::sched::reset_timer as *const u8),
    ("time.sleep", || time::sleep as *const u8),
    ("time.readFile", || time::read_file as *const u8),
    ("time.getenv", || os::getenv as *const u8),
    ("sync.fatal", || sync::fatal_shim as *const u8),
    ("sync/atomic.sameType", || sync::same_type as *const u8),
    ("os.getenv", || os::getenv as *const u8),
    ("os.mkdir", || os::mkdir as *const u8),
    ("os.removeAll", || os::remove_all as *const u8),
    ("os.chdir", || os::chdir as *const u8),
    ("os.getwd", || os::getwd as *const u8),
    ("os.runtime_rand", || rand::runtime_rand as *const u8),
    ("math/rand.runtimeRand", || rand::runtime_rand as *const u8),
    ("math/rand/v2.runtime_rand", || rand::runtime_rand as *const u8),
    ("math/rand.godebug", || rand::godebug as *const u8),
    ("fmt.sprintf", || crate::fmt::deft_fmt_sprintf as *const u8),
    ("fmt.sprint", || crate::fmt::deft_fmt_sprint as *const u8),
    ("fmt.sprintln", || crate::fmt::deft_fmt_sprintln as *const u8),
    ("fmt.errorf", || crate::fmt::deft_fmt_errorf as *const u8),
    ("strconv.formatFloat", || crate::fmt::deft_strconv_formatfloat as *const u8),
    ("strconv.parseFloat", || crate::fmt::deft_strconv_parsefloat as *const u8),
    ("math.Sqrt", || math::sqrt as *const u8),
    ("math.Floor", || math::floor as *const u8),
    ("math.Ceil", || math::ceil as *const u8),
    ("math.Trunc", || math::trunc as *const u8),
    ("math.Abs", || math::abs as *const u8),
    ("math.Pow", || math::pow as *const u8),
    ("math.Exp", || math::exp as *const u8),
    ("math.Log", || math::log as *const u8),
    ("math.Log2", || math::log2 as *const u8),
    ("math.Log10", || math::log10 as *const u8),
    ("math.Sin", || math::sin as *const u8),
    ("math.Cos", || math::cos as *const u8),
    ("math.Tan", || math::tan as *const u8),
    ("math.Atan", || math::atan as *const u8),
    ("math.Atan2", || math::atan2 as *const u8),
    ("math.Hypot", || math::hypot as *const u8),
    ("math.Mod", || math::fmod as *const u8),
    ("math.Float64bits", || math::float64bits as *const u8),
    ("math.Float64frombits", || math::float64frombits as *const u8),
    ("math.Float32bits", || math::float32bits as *const u8),
    ("math.Float32frombits", || math::float32frombits as *const u8),
    ("errors.checkTarget", || errors::check_target as *const u8),
    ("errors.assignTo", || errors::assign_to as *const u8),
    ("errors.comparable", || errors::comparable as *const u8),
    ("math/bits.Mul64", || bits::mul64 as *const u8),
    ("math/bits.div64", || bits::div64 as *const u8),
    ("unicode.IsUpper", || unicode::is_upper as *const u8),
    ("unicode.IsLower", || unicode::is_lower as *const u8),
    ("unicode.IsTitle", || unicode::is_title as *const u8),
    ("unicode.IsLetter", || unicode::is_letter as *const u8),
    ("unicode.IsDigit", || unicode::is_digit as *const u8),
    ("unicode.IsNumber", || unicode::is_number as *const u8),
    ("unicode.IsSpace", || unicode::is_space as *const u8),
    ("unicode.IsPunct", || unicode::is_punct as *const u8),
    ("unicode.IsPrint", || unicode::is_print as *const u8),
    ("unicode.IsGraphic", || unicode::is_graphic as *const u8),
    ("unicode.IsControl", || unicode::is_control as *const u8),
    ("unicode.IsMark", || unicode::is_mark as *const u8),
    ("unicode.IsSymbol", || unicode::is_symbol as *const u8),
    ("unicode.ToUpper", || unicode::to_upper as *const u8),
    ("unicode.ToLower", || unicode::to_lower as *const u8),
    ("unicode.ToTitle", || unicode::to_title as *const u8),
    ("unicode.to", || unicode::to as *const u8),
    ("unicode.inTable", || unicode::in_range_table as *const u8),
    ("unicode.SimpleFold", || unicode::simple_fold as *const u8),
    ("strings.foldRune", || unicode::fold_rune as *const u8),
    ("strings.unsafeString", || mem::unsafe_string as *const u8),
    ("strconv.Quote", || strconv::quote as *const u8),
    ("strconv.QuoteToASCII", || strconv::quote_to_ascii as *const u8),
    ("strconv.QuoteRune", || strconv::quote_rune as *const u8),
    ("strconv.QuoteRuneToASCII", || strconv::quote_rune_to_ascii as *const u8),
    ("strconv.QuoteToGraphic", || strconv::quote_to_graphic as *const u8),
    ("strconv.QuoteRuneToGraphic", || strconv::quote_rune_to_graphic as *const u8),
    ("strconv.IsPrint", || unicode::is_print as *const u8),
    ("strconv.IsGraphic", || unicode::is_graphic as *const u8),
    ("sort.lenAny", || mem::len_any as *const u8),
    ("sort.swapAny", || mem::swap_any as *const u8),
    ("sort.kindAny", || mem::kind_any as *const u8),
    ("sort.sortInts", || mem::sort_ints as *const u8),
    ("sort.sortStrings", || mem::sort_strings as *const u8),
    ("reflect.DeepEqual", || reflect::deep_equal as *const u8),
    ("maps.clone", || maps::clone as *const u8),
    ("internal/bytealg.Compare", || bytealg::compare as *const u8),
    ("internal/bytealg.abigen_runtime_cmpstring", || bytealg::compare_string as *const u8),
    ("internal/bytealg.Count", || bytealg::count as *const u8),
    ("internal/bytealg.CountString", || bytealg::count_string as *const u8),
    ("internal/bytealg.Index", || bytealg::index_bytes as *const u8),
    ("internal/bytealg.IndexString", || bytealg::index_string as *const u8),
    ("internal/bytealg.IndexByte", || bytealg::index_byte_bytes as *const u8),
    ("internal/bytealg.IndexByteString", || bytealg::index_byte_string as *const u8),
    ("internal/bytealg.MakeNoZero", || bytealg::make_no_zero as *const u8),
    ("iter.newcoro", || crate::coro::newcoro as *const u8),
    ("iter.coroswitch", || crate::coro::coroswitch as *const u8),
];

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
