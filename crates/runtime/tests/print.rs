//! `print`/`println` formats. Every expected string here was produced by
//! running gc on a Go program (quoted beside each test) and copying its
//! stderr: gc 1.27.3 for floats and complex numbers (strconv's shortest
//! `'g'` form; gc before 1.22 printed `+1.500000e+000`), gc 1.19.8 for the
//! rest, which has not changed; `data/floats.txt` comes from
//! `data/gen_floats.go` run by gc 1.27.3.

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
        let have = fmt(|o| fmt_float(o, v, 64));
        if have != want {
            bad.push(format!("{v:e}: have {have}, want {want}"));
        }
    }
    assert!(bad.is_empty(), "{} mismatches:\n{}", bad.len(), bad.join("\n"));
    assert!(data.lines().count() > 4000);
}

#[test]
fn floats_special() {
    // gc: println(1.5, float32(0.1), -0.0, negz, 1e300*10) -> 1.5 0.1 0 -0 1e+301
    //     println(inf, -inf, inf-inf, 0.0) -> +Inf -Inf NaN 0
    //     println(5e-324, 123456789.0, 9.9999999) -> 5e-324 1.23456789e+08 9.9999999
    let cases: &[(f64, i64, &str)] = &[
        (1.5, 64, "1.5"),
        (f32::from_bits(0x3dcccccd) as f64, 32, "0.1"),
        (0.0, 64, "0"),
        (-0.0, 64, "-0"),
        (1e301, 64, "1e+301"),
        (f64::INFINITY, 64, "+Inf"),
        (f64::NEG_INFINITY, 64, "-Inf"),
        (f64::NAN, 64, "NaN"),
        (5e-324, 64, "5e-324"),
        (123456789.0, 64, "1.23456789e+08"),
        (9.9999999, 64, "9.9999999"),
    ];
    for &(v, bits, want) in cases {
        assert_eq!(fmt(|o| fmt_float(o, v, bits)), want, "value {v:e}");
    }
}

#[test]
fn float32_is_shortest_for_32_bits() {
    // gc: println(float32(1)/3, float32(16777216), float32(1e10),
    //     float32(math.MaxFloat32), float32(1e-45))
    //     -> 0.33333334 1.6777216e+07 1e+10 3.4028235e+38 1e-45
    let cases: &[(f32, &str)] = &[
        (1.0 / 3.0, "0.33333334"),
        (16777216.0, "1.6777216e+07"),
        (1e10, "1e+10"),
        (f32::MAX, "3.4028235e+38"),
        (1e-45, "1e-45"),
    ];
    for &(v, want) in cases {
        assert_eq!(fmt(|o| fmt_float(o, f64::from(v), 32)), want, "value {v:e}");
    }
}

#[test]
fn complex() {
    // gc: println(complex(1, 2), complex(-1.5, -0.0)) -> (1+2i) (-1.5+0i)
    //     (the constant -0.0 is +0 in Go)
    assert_eq!(fmt(|o| fmt_complex(o, 1.0, 2.0, 128)), "(1+2i)");
    assert_eq!(fmt(|o| fmt_complex(o, -1.5, 0.0, 128)), "(-1.5+0i)");
    // gc: var c64 complex64 = complex(float32(0.1), 3); println(c64,
    //     complex(inf, -inf), complex(inf-inf, inf-inf)) -> (0.1+3i) (+Inf-Infi) (NaN+NaNi)
    let re = f32::from_bits(0x3dcccccd) as f64;
    assert_eq!(fmt(|o| fmt_complex(o, re, 3.0, 64)), "(0.1+3i)");
    assert_eq!(fmt(|o| fmt_complex(o, f64::INFINITY, f64::NEG_INFINITY, 128)), "(+Inf-Infi)");
    assert_eq!(fmt(|o| fmt_complex(o, f64::NAN, f64::NAN, 128)), "(NaN+NaNi)");
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
            deft_printfloat(3.0, 64);
            deft_printstring(b"\n".as_ptr(), 1);
            deft_printunlock();
            deft_printlock();
            deft_printbool(true);
            deft_printsp();
            deft_printint(-7);
            deft_printsp();
            deft_printuint(200);
            deft_printsp();
            deft_printcomplex(1.0, -2.0, 128);
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
    // gc 1.27.3: print(1, 2, "x", 3.0, "\n") -> 12x3
    //     println(complex(1, -2), "a\x00b") -> (1-2i) a\0b
    //     (the other pieces are the formats checked above, separated by spaces)
    let (code, err) = run_child("println");
    assert_eq!(code, 3);
    let text = String::from_utf8_lossy(&err);
    let want = "12x3\n\
                true -7 200 (1-2i) a\0b 0x0 (0x0,0x0) [0/0]0x0 0xff\n";
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
