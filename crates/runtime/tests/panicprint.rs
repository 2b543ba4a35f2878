//! Panic value, panic chain and traceback text. Every expected string was
//! printed by gc 1.19.8 for the Go program quoted beside it (for values:
//! `panic(v)` in `main`, first line of stderr).

use runtime::abi::{Eface, GoString, Kind, MethodDesc, TYPE_FLAG_NAMED, TypeDesc};
use runtime::errors::{BoundsCode, BoundsError, RuntimeError, runtime_error_eface};
use runtime::panicprint::*;
use runtime::traceback_fmt::*;

/// A leaked descriptor for a type called `name` (named when it has a dot).
fn ty(name: &'static str, kind: Kind, methods: &'static [MethodDesc]) -> &'static TypeDesc {
    Box::leak(Box::new(TypeDesc {
        flags: if name.contains('.') { TYPE_FLAG_NAMED } else { 0 },
        methods: methods.as_ptr(),
        nmethods: methods.len(),
        ..TypeDesc::bare(name, kind, 8)
    }))
}

/// An interface holding `v` boxed (not pointer-shaped), of type `name`.
fn boxed<T>(name: &'static str, kind: Kind, v: T) -> Eface {
    Eface { ty: ty(name, kind, &[]), data: Box::leak(Box::new(v)) as *const T as *const u8 }
}

fn text(v: Eface) -> String {
    let mut out = Vec::new();
    fmt_panic_value(&mut out, v, None);
    String::from_utf8_lossy(&out).into_owned()
}

#[test]
fn basic_values() {
    let s = |x: &'static str| GoString::from_static(x.as_bytes());
    let cases: Vec<(Eface, &str)> = vec![
        // panic(nil)
        (Eface { ty: std::ptr::null(), data: std::ptr::null() }, "nil"),
        (boxed("int", Kind::Int, 5i64), "5"),
        (boxed("string", Kind::String, s("str")), "str"),
        // gc 1.23+ indents the later lines of a string value
        (boxed("string", Kind::String, s("a\nb")), "a\n\tb"),
        (boxed("float64", Kind::Float64, 1.5f64), "1.5"),
        (boxed("float32", Kind::Float32, 2.5f32), "2.5"),
        (boxed("bool", Kind::Bool, true), "true"),
        (boxed("complex128", Kind::Complex128, [1.0f64, 2.0]), "(1+2i)"),
        // complex64(complex(0.5, 2))
        (boxed("complex64", Kind::Complex64, [0.5f32, 2.0]), "(0.5+2i)"),
        (boxed("uintptr", Kind::Uintptr, 3u64), "3"),
        (boxed("int8", Kind::Int8, -3i8), "-3"),
        (boxed("int32", Kind::Int32, 'x' as i32), "120"),
        (boxed("uint8", Kind::Uint8, 9u8), "9"),
        (boxed("uint64", Kind::Uint64, 1u64 << 63), "9223372036854775808"),
        (boxed("int16", Kind::Int16, -300i16), "-300"),
        (boxed("uint32", Kind::Uint32, 4000000000u32), "4000000000"),
    ];
    for (v, want) in cases {
        assert_eq!(text(v), want);
    }
    // panic("bad\xff\x00z") prints the bytes as they are.
    let mut out = Vec::new();
    fmt_panic_value(&mut out, boxed("string", Kind::String, s("bad\u{0}z")), None);
    assert_eq!(out, b"bad\0z");
    let raw: &'static [u8] = b"bad\xff\x00z";
    let mut out = Vec::new();
    fmt_panic_value(&mut out, boxed("string", Kind::String, GoString::from_static(raw)), None);
    assert_eq!(out, raw);
}

#[test]
fn named_basic_values() {
    // type I int; type S string; type F float64; type B bool; type C complex128;
    // type U uint8; type F32 float32; type C64 complex64; type I8 int8;
    // type U16 uint16; type UP uintptr; type I32 int32; type U64 uint64
    let s = GoString::from_static(b"x\"y\nz");
    let cases: Vec<(Eface, &str)> = vec![
        (boxed("main.I", Kind::Int, 5i64), "main.I(5)"),
        (boxed("main.S", Kind::String, s), "main.S(\"x\"y\n\tz\")"),
        (boxed("main.F", Kind::Float64, 1.5f64), "main.F(1.5)"),
        (boxed("main.B", Kind::Bool, true), "main.B(true)"),
        (boxed("main.C", Kind::Complex128, [1.0f64, 2.0]), "main.C(1+2i)"),
        (boxed("main.U", Kind::Uint8, 7u8), "main.U(7)"),
        (boxed("main.F32", Kind::Float32, 0.1f32), "main.F32(0.1)"),
        (boxed("main.C64", Kind::Complex64, [1.0f32, -2.0]), "main.C64(1-2i)"),
        (boxed("main.I8", Kind::Int8, -8i8), "main.I8(-8)"),
        (boxed("main.U16", Kind::Uint16, 65535u16), "main.U16(65535)"),
        (boxed("main.UP", Kind::Uintptr, 255u64), "main.UP(255)"),
        (boxed("main.I32", Kind::Int32, -5i32), "main.I32(-5)"),
        (boxed("main.U64", Kind::Uint64, 1u64 << 63), "main.U64(9223372036854775808)"),
    ];
    for (v, want) in cases {
        assert_eq!(text(v), want);
    }
}

#[test]
fn other_values_print_type_and_data_word() {
    // panic(T{1}) -> (main.T) 0x5349a8; panic(&T{1}) -> (*main.T) 0xc0000a4000;
    // []int{1} -> ([]int) 0xc000010030; map -> (map[int]int) 0xc00008e150;
    // [2]int -> ([2]int) 0x...; func(){} -> (func()) 0x4af9f0;
    // make(chan int) -> (chan int) 0x...; struct{}{} -> (struct {}) 0x570438;
    // new(int) -> (*int) 0xc0000180a8
    let cases = [
        ("main.T", Kind::Struct, 0x5349a8u64, "(main.T) 0x5349a8"),
        ("*main.T", Kind::Pointer, 0xc0000a4000, "(*main.T) 0xc0000a4000"),
        ("[]int", Kind::Slice, 0xc000010030, "([]int) 0xc000010030"),
        ("map[int]int", Kind::Map, 0xc00008e150, "(map[int]int) 0xc00008e150"),
        ("[2]int", Kind::Array, 0xc0000180c0, "([2]int) 0xc0000180c0"),
        ("func()", Kind::Func, 0x4af9f0, "(func()) 0x4af9f0"),
        ("chan int", Kind::Chan, 0xc000066060, "(chan int) 0xc000066060"),
        ("struct {}", Kind::Struct, 0x570438, "(struct {}) 0x570438"),
        ("*int", Kind::Pointer, 0xc0000180a8, "(*int) 0xc0000180a8"),
    ];
    for (name, kind, data, want) in cases {
        let v = Eface { ty: ty(name, kind, &[]), data: data as *const u8 };
        assert_eq!(text(v), want);
    }
}

/// Method tables in statics.
struct Methods<const N: usize>([MethodDesc; N]);
// SAFETY: immutable static data.
unsafe impl<const N: usize> Sync for Methods<N> {}

const fn method(name: &'static [u8]) -> MethodDesc {
    MethodDesc {
        name: GoString::from_static(name),
        sig: GoString::from_static(b""),
        code: std::ptr::null(),
        mtyp: std::ptr::null(),
        glue: std::ptr::null(),
        ftyp: std::ptr::null(),
        func: std::ptr::null(),
    }
}

static ERROR_AND_STRING: Methods<2> = Methods([method(b"Error"), method(b"String")]);
static STRING_ONLY: Methods<1> = Methods([method(b"String")]);

#[test]
fn methods_and_runtime_errors() {
    // type ES struct{} with both Error and String: gc printed "err wins",
    // its Error(); type St with String only: "St string"; type E int with
    // Error: "E5" (not main.E(5)); type PE struct{} with func (*PE) Error():
    // panic(PE{}) printed "(main.PE) 0x5561b8".
    let both = ty("main.ES", Kind::Struct, &ERROR_AND_STRING.0);
    let string_only = ty("main.St", Kind::Struct, &STRING_ONLY.0);
    let plain = ty("main.PE", Kind::Struct, &[]);
    // SAFETY: static descriptors.
    unsafe {
        let m = panic_text_method(both).unwrap();
        assert_eq!(m.name.bytes(), b"Error");
        assert_eq!(panic_text_method(string_only).unwrap().name.bytes(), b"String");
        assert!(panic_text_method(plain).is_none());
        assert!(panic_text_method(std::ptr::null()).is_none());
    }
    let e = boxed("main.E", Kind::Int, 5i64);
    let mut out = Vec::new();
    fmt_panic_value(&mut out, e, Some(b"E5"));
    assert_eq!(out, b"E5");

    // Runtime errors print their Error() text with no method call:
    // var m map[int]int; m[zero] = 1 -> panic: assignment to entry in nil map
    let re = runtime_error_eface(RuntimeError::NilMapWrite);
    // SAFETY: a runtime error descriptor.
    assert!(unsafe { panic_text_method(re.ty) }.is_none());
    assert_eq!(text(re), "assignment to entry in nil map");
    let idx =
        runtime_error_eface(RuntimeError::Bounds(BoundsError { x: 7, y: 1, signed: true, code: BoundsCode::Index }));
    assert_eq!(text(idx), "runtime error: index out of range [7] with length 1");
}

fn entry(text: &str, recovered: bool) -> ChainEntry<'_> {
    ChainEntry { text: text.as_bytes(), recovered, goexit: false, repanicked: false }
}

/// An entry whose value the next panic raised again.
fn repanicked(text: &str) -> ChainEntry<'_> {
    ChainEntry { text: text.as_bytes(), recovered: true, goexit: false, repanicked: true }
}

fn chain(entries: &[ChainEntry<'_>], signal: Option<SignalInfo>) -> String {
    let mut out = Vec::new();
    fmt_unrecovered_panic(&mut out, entries, signal);
    String::from_utf8(out).unwrap()
}

#[test]
fn panic_chains() {
    // gc 1.27.3: main: defer func() { panic(recover()) }(); f(1, "x") where
    // f defers func() { panic("second\nline") }() and writes a nil map (the
    // value's text comes indented from fmt_panic_value):
    assert_eq!(
        chain(
            &[
                entry("assignment to entry in nil map", false),
                repanicked("second\n\tline"),
                entry("second\n\tline", false),
            ],
            None
        ),
        "panic: assignment to entry in nil map\n\
         \tpanic: second\n\tline [recovered, repanicked]\n\n"
    );
    // gc 1.27.3: defer func() { panic("b") }(); panic(nil)
    assert_eq!(
        chain(&[entry("runtime error: panic called with nil argument", false), entry("b", false)], None),
        "panic: runtime error: panic called with nil argument\n\tpanic: b\n\n"
    );
    // gc 1.27.3: defer func() { panic("x") }(); defer func() { panic("x") }();
    // panic("a") (both "x" are one static value): the second is not printed.
    let x_again = ChainEntry { text: b"x", recovered: false, goexit: false, repanicked: true };
    assert_eq!(chain(&[entry("a", false), x_again, entry("x", false)], None), "panic: a\n\tpanic: x\n\n");
    // var p *T; defer func() { recover(); println(p.C) }(); println(p.B)
    assert_eq!(
        chain(
            &[
                entry("runtime error: invalid memory address or nil pointer dereference", true),
                entry("runtime error: invalid memory address or nil pointer dereference", false),
            ],
            Some(SignalInfo { addr: 0x10, pc: 0x457d4c })
        ),
        "panic: runtime error: invalid memory address or nil pointer dereference [recovered]\n\
         \tpanic: runtime error: invalid memory address or nil pointer dereference\n\
         [signal SIGSEGV: segmentation violation code=0x1 addr=0x10 pc=0x457d4c]\n\n"
    );
    // var p *T; defer func() { panic("again") }(); println(p.B)
    assert_eq!(
        chain(
            &[entry("runtime error: invalid memory address or nil pointer dereference", false), entry("again", false),],
            Some(SignalInfo { addr: 0, pc: 0x457cdc })
        ),
        "panic: runtime error: invalid memory address or nil pointer dereference\n\
         \tpanic: again\n\
         [signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x457cdc]\n\n"
    );
    // var zero = 0; println(1 / zero)
    assert_eq!(
        chain(&[entry("runtime error: integer divide by zero", false)], None),
        "panic: runtime error: integer divide by zero\n\n"
    );
}

#[test]
fn goexit_entries_print_nothing_and_drop_the_next_tab() {
    // go func() { defer func() { panic("x") }(); runtime.Goexit() }() -> panic: x
    // go func() { defer func() { panic("b") }(); defer func() { runtime.Goexit() }();
    //     panic("a") }() -> panic: a / <tab>panic: b
    let goexit = ChainEntry { text: b"", recovered: false, goexit: true, repanicked: false };
    assert_eq!(chain(&[goexit, entry("x", false)], None), "panic: x\n\n");
    assert_eq!(chain(&[entry("a", true), goexit, entry("b", false)], None), "panic: a [recovered]\n\tpanic: b\n\n");
}

#[test]
fn traceback_lines() {
    // gc 1.27.3, for a panic in a deferred closure while main.main's panic
    // runs (gc's own GOROOT in the paths; deft prints /usr/local/go's):
    //   goroutine 1 [running]:
    //   main.main.func1()
    //   	/tmp/gx/p12.go:4 +0x27
    //   panic({0x0, 0x0})
    //   	/usr/local/go/src/runtime/panic.go:859 +0x125
    //   main.main()
    //   	/tmp/gx/p12.go:5 +0x3f
    let mut out = Vec::new();
    fmt_goroutine_header(&mut out, 1, b"running");
    fmt_frame(&mut out, b"main.main.func1", FrameArgs::None, b"/tmp/gx/p12.go", 4, Some(0x27));
    fmt_panic_frame(&mut out, Eface { ty: std::ptr::null(), data: std::ptr::null() });
    fmt_frame(&mut out, b"main.main", FrameArgs::None, b"/tmp/gx/p12.go", 5, Some(0x3f));
    fmt_frame(&mut out, b"main.(*T).M", FrameArgs::Elided, b"/tmp/gx/p9.go", 7, None);
    // gc, for a panic in a deferred call run by runtime.Goexit in a goroutine:
    //   runtime.Goexit()
    //   	/usr/local/go/src/runtime/panic.go:694 +0x54
    //   ...
    //   created by main.main in goroutine 1
    //   	/tmp/gx/g1.go:10 +0x25
    fmt_goexit_frame(&mut out);
    fmt_created_by(&mut out, b"main.main", 1, b"/tmp/gx/g1.go", 10, Some(0x25));
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "goroutine 1 [running]:\n\
         main.main.func1()\n\t/tmp/gx/p12.go:4 +0x27\n\
         panic({0x0, 0x0})\n\t/usr/local/go/src/runtime/panic.go:859 +0x125\n\
         main.main()\n\t/tmp/gx/p12.go:5 +0x3f\n\
         main.(*T).M(...)\n\t/tmp/gx/p9.go:7\n\
         runtime.Goexit()\n\t/usr/local/go/src/runtime/panic.go:694 +0x54\n\
         created by main.main in goroutine 1\n\t/tmp/gx/g1.go:10 +0x25\n"
    );
    // gc: fatal error: all goroutines are asleep - deadlock!
    //     (blank line)
    //     goroutine 1 [chan receive]:
    let mut out = Vec::new();
    runtime::proc::fmt_fatal_error(&mut out, b"all goroutines are asleep - deadlock!");
    out.push(b'\n');
    fmt_goroutine_header(&mut out, 1, b"chan receive");
    assert_eq!(out, b"fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive]:\n");
}
