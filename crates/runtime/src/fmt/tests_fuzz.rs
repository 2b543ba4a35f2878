//! Random cases with gc 1.27's results, from `testdata/fuzz.txt` (made by
//! `testdata/fuzz/main.go`, whose doc describes the line format).

use super::deft_fmt_sprintf;
use super::float::format_float;
use super::tests::*;
use crate::abi::{Eface, GoString};
use crate::strings::go_bytes;

/// The operands `composites` of `testdata/fuzz/main.go`, in order.
fn composite(i: usize) -> Eface {
    match i {
        0 => st(-3, "a b"),
        1 => ints(&[1, -20, 300]),
        2 => strs(&["x", "", "h\u{e9}"]),
        3 => bytes(b"hi\x00\xff"),
        4 => wst(float(2.5), nil()),
        5 => wst(nil(), nil()),
        6 => arr3([7, 8, 9]),
        7 => pst(1, "p"),
        8 => nilp(),
        9 => ifaces(vec![int(1), str("a"), nil(), st(2, "q")]),
        10 => floats(&[0.1, -2.0, 1e21]),
        11 => c128(1.5, -2.0),
        12 => b(true),
        13 => u8v(200),
        14 => int8v(-5),
        15 => f32v(0.3),
        16 => sv(5),
        17 => ev(7),
        18 => vst(1, 2),
        19 => svals(&[1, 2]),
        20 => wst(sv(3), ev(4)),
        21 => nil_ps(),
        22 => map_si(&[("b", 2), ("a", 1)]),
        _ => map_is_s(&[(3, 1), (-1, 2)]),
    }
}

fn unhex(s: &str) -> Vec<u8> {
    if s == "-" {
        return Vec::new();
    }
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hex")).collect()
}

fn bits(s: &str) -> u64 {
    u64::from_str_radix(s, 16).expect("hex bits")
}

fn text(s: GoString) -> Vec<u8> {
    // SAFETY: the engine returns valid strings.
    unsafe { go_bytes(s.ptr, s.len) }.to_vec()
}

fn sprintf(format: &[u8], arg: Eface) -> Vec<u8> {
    // SAFETY: the format and operand are valid.
    text(returned(|out| unsafe { deft_fmt_sprintf(out, format.as_ptr(), format.len(), &arg, 1, 1) }))
}

/// What the engine gives for one line, and what gc gave.
fn run(line: &str) -> (Vec<u8>, Vec<u8>) {
    let f: Vec<&str> = line.split(' ').collect();
    match f[0] {
        "ff" => {
            let v = f64::from_bits(bits(f[4]));
            let got = format_float(v, f[2].as_bytes()[0], f[3].parse().expect("prec"), f[1].parse().expect("bits"));
            (got, unhex(f[5]))
        }
        _ => {
            let arg = match f[1] {
                "i" => int(f[2].parse().expect("int")),
                "f" => float(f64::from_bits(bits(f[2]))),
                "c" => composite(f[2].parse().expect("index")),
                _ => strbytes(&unhex(f[2])),
            };
            (sprintf(&unhex(f[3]), arg), unhex(f[4]))
        }
    }
}

#[test]
fn gc_random_cases() {
    let data = include_str!("testdata/fuzz.txt");
    let failures: Vec<String> = data
        .lines()
        .filter_map(|line| {
            let (got, want) = run(line);
            (got != want).then(|| {
                format!("{line}\n  got  {}\n  want {}", String::from_utf8_lossy(&got), String::from_utf8_lossy(&want))
            })
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        data.lines().count(),
        failures[..failures.len().min(25)].join("\n")
    );
}
