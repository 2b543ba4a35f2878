//! `print`/`println` formats. Every expected string here was produced by
//! running gc 1.19.8 on a Go program (quoted beside each test) and copying
//! its stderr; `data/floats.txt` comes from `data/gen_floats.go`.

use runtime::print::*;

/// Formats with `f` into a fresh buffer.
fn fmt(f: impl FnOnce(&mut Vec<u8>)) -> String {
    let mut out = Vec::new();
    f(&mut out);
    String::from_utf8(out).unwrap()
}

#[test]
fn floats_match_gc_on_4000_values() {
    // gc: `println(math.Float64bits(v), v)` for each value, see gen_floats.go.
    let data = include_str!("data/floats.txt");
    let mut bad = Vec::new();
    for line in data.lines() {
        let (bits, want) = line.split_once(' ').unwrap();
        let v = f64::from_bits(bits.parse().unwrap());
        let have = fmt(|o| fmt_float(o, v));
        if have != want {
            bad.push(format!("{v:e}: have {have}, want {want}"));
        }
    }
    assert!(bad.is_empty(), "{} mismatches:\n{}", bad.len(), bad.join("\n"));
    assert!(data.lines().count() > 4000);
}

#[test]
fn floats_special() {
    // gc: println(1.5, float32(0.1), -0.0, negz, 1e300*10)
    //     -> +1.500000e+000 +1.000000e-001 +0.000000e+000 -0.000000e+000 +1.000000e+301
    //     println(inf, -inf, inf-inf, 0.0) -> +Inf -Inf NaN +0.000000e+000
    let cases: &[(f64, &str)] = &[
        (1.5, "+1.500000e+000"),
        (f32::from_bits(0x3dcccccd) as f64, "+1.000000e-001"),
        (0.0, "+0.000000e+000"),
        (-0.0, "-0.000000e+000"),
        (1e301, "+1.000000e+301"),
        (f64::INFINITY, "+Inf"),
        (f64::NEG_INFINITY, "-Inf"),
        (f64::NAN, "NaN"),
        (5e-324, "+4.940656e-324"),
        (123456789.0, "+1.234568e+008"),
        (9.9999999, "+1.000000e+001"),
    ];
    for &(v, want) in cases {
        assert_eq!(fmt(|o| fmt_float(o, v)), want, "value {v:e}");
    }
}

#[test]
fn complex() {
    // gc: println(complex(1, 2), complex(-1.5, -0.0))
    //     -> (+1.000000e+000+2.000000e+000i) (-1.500000e+000+0.000000e+000i)
    //     (the constant -0.0 is +0 in Go)
    assert_eq!(fmt(|o| fmt_complex(o, 1.0, 2.0)), "(+1.000000e+000+2.000000e+000i)");
    assert_eq!(fmt(|o| fmt_complex(o, -1.5, 0.0)), "(-1.500000e+000+0.000000e+000i)");
    // gc: var c64 complex64 = complex(float32(0.1), 3); println(c64)
    let re = f32::from_bits(0x3dcccccd) as f64;
    assert_eq!(fmt(|o| fmt_complex(o, re, 3.0)), "(+1.000000e-001+3.000000e+000i)");
}

#[test]
fn integers_and_bools() {
    // gc: println(true, false, 42, -42, uint64(18446744073709551615),
    //     int64(-9223372036854775808)) -> true false 42 -42 18446744073709551615 -9223372036854775808
    assert_eq!(fmt(|o| fmt_bool(o, true)), "true");
    assert_eq!(fmt(|o| fmt_bool(o, false)), "false");
    assert_eq!(fmt(|o| fmt_int(o, 42)), "42");
    assert_eq!(fmt(|o| fmt_int(o, -42)), "-42");
    assert_eq!(fmt(|o| fmt_int(o, 0)), "0");
    assert_eq!(fmt(|o| fmt_uint(o, u64::MAX)), "18446744073709551615");
    assert_eq!(fmt(|o| fmt_int(o, i64::MIN)), "-9223372036854775808");
}

#[test]
fn pointers_interfaces_slices() {
    // gc: var p *int; println(p) -> 0x0; var e interface{}; println(e) -> (0x0,0x0);
    //     var s []int; println(s) -> [0/0]0x0
    assert_eq!(fmt(|o| fmt_hex(o, 0)), "0x0");
    assert_eq!(fmt(|o| fmt_hex(o, 0xc000012345)), "0xc000012345");
    assert_eq!(fmt(|o| fmt_hex(o, u64::MAX)), "0xffffffffffffffff");
    assert_eq!(fmt(|o| fmt_eface(o, 0, 0)), "(0x0,0x0)");
    assert_eq!(fmt(|o| fmt_eface(o, 0x4a0f20, 0xc000012345)), "(0x4a0f20,0xc000012345)");
    assert_eq!(fmt(|o| fmt_slice(o, 0, 0, 0)), "[0/0]0x0");
    assert_eq!(fmt(|o| fmt_slice(o, 0xc000010030, 3, 10)), "[3/10]0xc000010030");
}

/// Runs this test binary again with `DEFT_PRINT_CHILD=scenario`, returning
/// the child's exit code and stderr.
fn run_child(scenario: &str) -> (i32, Vec<u8>) {
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "child_entry", "--nocapture", "--test-threads=1"])
        .env("DEFT_PRINT_CHILD", scenario)
        .output()
        .unwrap();
    (out.status.code().unwrap_or(-1), out.stderr)
}

/// The child side of [`run_child`]: does nothing unless asked.
#[test]
fn child_entry() {
    let Ok(scenario) = std::env::var("DEFT_PRINT_CHILD") else {
        return;
    };
    match scenario.as_str() {
        // SAFETY: every string passed is a live static byte string.
        "println" => unsafe {
            // print(1, 2, "x", 3.0, "\n"); println(true, -7, uint8(200), complex(1, -2),
            //     "a\x00b", nil ptr, nil iface, nil slice, hex 255)
            deft_printlock();
            deft_printint(1);
            deft_printint(2);
            deft_printstring(b"x".as_ptr(), 1);
            deft_printfloat(3.0);
            deft_printstring(b"\n".as_ptr(), 1);
            deft_printunlock();
            deft_printlock();
            deft_printbool(true);
            deft_printsp();
            deft_printint(-7);
            deft_printsp();
            deft_printuint(200);
            deft_printsp();
            deft_printcomplex(1.0, -2.0);
            deft_printsp();
            deft_printstring(b"a\0b".as_ptr(), 3);
            deft_printsp();
            deft_printpointer(std::ptr::null());
            deft_printsp();
            deft_printeface(std::ptr::null(), std::ptr::null());
            deft_printsp();
            deft_printslice(std::ptr::null(), 0, 0);
            deft_printsp();
            deft_printhex(255);
            deft_printnl();
            deft_printunlock();
            runtime::proc::deft_exit(3);
        },
        "throw" => runtime::proc::throw("runtime: out of memory"),
        // SAFETY: `s` outlives the calls that read it.
        "big" => unsafe {
            let s = vec![b'y'; 5000];
            deft_printlock();
            deft_printstring(b"<".as_ptr(), 1);
            deft_printstring(s.as_ptr(), s.len());
            deft_printstring(b">".as_ptr(), 1);
            deft_printnl();
            deft_printunlock();
        },
        _ => panic!("unknown scenario {scenario}"),
    }
}

#[test]
fn print_statements_write_stderr() {
    // gc: print(1, 2, "x", 3.0, "\n") -> 12x+3.000000e+000
    //     println(complex(1, -2), "a\x00b") -> (+1.000000e+000-2.000000e+000i) a\0b
    //     (the other pieces are the formats checked above, separated by spaces)
    let (code, err) = run_child("println");
    assert_eq!(code, 3);
    let text = String::from_utf8_lossy(&err);
    let want = "12x+3.000000e+000\n\
                true -7 200 (+1.000000e+000-2.000000e+000i) a\0b 0x0 (0x0,0x0) [0/0]0x0 0xff\n";
    assert!(text.starts_with(want), "have {text:?}");
}

#[test]
fn long_strings_are_not_truncated() {
    let (code, err) = run_child("big");
    assert_eq!(code, 0);
    let want = format!("<{}>\n", "y".repeat(5000));
    assert!(String::from_utf8_lossy(&err).starts_with(&want));
}

#[test]
fn throw_prints_fatal_error_and_exits_2() {
    // gc (allocating new([1 << 40]byte)): "fatal error: runtime: out of memory", exit status 2.
    let (code, err) = run_child("throw");
    assert_eq!(code, 2);
    assert!(err.starts_with(b"fatal error: runtime: out of memory\n"), "{err:?}");
}
