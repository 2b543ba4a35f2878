//! String entry points. Expected values come from gc 1.19.8 runs of the Go
//! programs quoted in each test.

use runtime::abi::GoString;
use runtime::strings::*;

/// The bytes of a Go string returned by the runtime.
fn bytes(s: GoString) -> Vec<u8> {
    // SAFETY: the runtime returns valid strings that are never freed.
    unsafe { s.bytes() }.to_vec()
}

fn concat2(a: &[u8], b: &[u8]) -> GoString {
    // SAFETY: both are live byte slices.
    unsafe { deft_concatstrings(a.as_ptr(), a.len(), b.as_ptr(), b.len()) }
}

#[test]
fn concatenation() {
    assert_eq!(bytes(concat2(b"foo", b"bar")), b"foobar");
    assert_eq!(bytes(concat2(b"", b"")), b"");
    // One non-empty operand is returned as is, without a copy.
    let a = b"only";
    assert_eq!(concat2(a, b"").ptr, a.as_ptr());
    assert_eq!(concat2(b"", a).ptr, a.as_ptr());

    let parts: Vec<GoString> =
        ["a", "", "bc", "def"].iter().map(|s| GoString { ptr: s.as_ptr(), len: s.len() }).collect();
    // SAFETY: `parts` holds valid strings.
    let s = unsafe { deft_concatstringn(parts.as_ptr(), parts.len()) };
    assert_eq!(bytes(s), b"abcdef");
    // More parts than the on-stack array holds.
    let many: Vec<GoString> = (0..40).map(|_| GoString::from_static(b"xy")).collect();
    // SAFETY: `many` holds valid strings.
    let s = unsafe { deft_concatstringn(many.as_ptr(), many.len()) };
    assert_eq!(bytes(s), "xy".repeat(40).as_bytes());
}

#[test]
fn comparison() {
    // gc: println("abc" < "abd", "ab" < "abc", "b" > "abc") -> true true true
    let cmp = |a: &[u8], b: &[u8]| {
        // SAFETY: both are live byte slices.
        unsafe { deft_cmpstring(a.as_ptr(), a.len(), b.as_ptr(), b.len()) }
    };
    assert_eq!(cmp(b"abc", b"abd"), -1);
    assert_eq!(cmp(b"ab", b"abc"), -1);
    assert_eq!(cmp(b"b", b"abc"), 1);
    assert_eq!(cmp(b"", b""), 0);
    assert_eq!(cmp(b"\xff", b"a"), 1, "bytes compare unsigned");
    let eq = |a: &[u8], b: &[u8]| {
        // SAFETY: both are live byte slices.
        unsafe { deft_eqstring(a.as_ptr(), a.len(), b.as_ptr(), b.len()) }
    };
    assert!(eq(b"abc", b"abc"));
    assert!(!eq(b"abc", b"abd"));
    assert!(eq(b"", b""));
    // An empty string with a null pointer is still a valid string.
    // SAFETY: a null pointer with length 0 is a valid Go string.
    assert!(unsafe { deft_eqstring(std::ptr::null(), 0, b"".as_ptr(), 0) });
}

#[test]
fn string_of_rune() {
    // gc: for v in {65, -1, 0xD800, 0xDFFF, 0x10FFFF, 0x110000, 1<<32+65, 0x7F,
    //     0x80, 0x7FF, 0x800, 0xFFFF, 0x10000, 0}: println(v, len(string(rune(v))),
    //     string(...)[0]) and len(string(v)) for an int64 v:
    //   65 1 65 / -1 3 239 / 55296 3 239 / 57343 3 239 / 1114111 4 244 /
    //   1114112 3 239 / string(int64(1<<32+65)) has length 3 (U+FFFD) /
    //   127 1 127 / 128 2 194 / 2047 2 223 / 2048 3 224 / 65535 3 239 /
    //   65536 4 240 / 0 1 0
    let cases: &[(i64, usize, u8)] = &[
        (65, 1, 65),
        (-1, 3, 239),
        (0xD800, 3, 239),
        (0xDFFF, 3, 239),
        (0x10FFFF, 4, 244),
        (0x110000, 3, 239),
        ((1 << 32) + 65, 3, 239),
        (0x7F, 1, 127),
        (0x80, 2, 194),
        (0x7FF, 2, 223),
        (0x800, 3, 224),
        (0xFFFF, 3, 239),
        (0x10000, 4, 240),
        (0, 1, 0),
    ];
    for &(v, len, first) in cases {
        let s = bytes(deft_intstring(v));
        assert_eq!((s.len(), s[0]), (len, first), "string(rune({v}))");
    }
    assert_eq!(bytes(deft_intstring(-1)), "\u{FFFD}".as_bytes());
    assert_eq!(bytes(deft_intstring(0x4e16)), "世".as_bytes());
}

/// gc: `for i, r := range bad { print(i, ":", r, " ") }` printed
/// `0:97 1:65533 2:98 3:65533 4:40 5:8353 8:65533 9:65533 10:65533 …
/// 23:65533` (every index from 8 to 23), and `len([]rune(bad))` was 22.
const BAD: &[u8] = b"a\xffb\xc3\x28\xe2\x82\xa1\xe2\x82\xf0\x90\x80\xed\xa0\x80\xf4\x90\x80\x80\xc0\xaf\xe2\x82";

fn gc_range_of_bad() -> Vec<(usize, u32)> {
    let mut want = vec![(0, 97), (1, 65533), (2, 98), (3, 65533), (4, 40), (5, 8353)];
    want.extend((8..=23).map(|i| (i, 65533)));
    want
}

#[test]
fn range_over_ill_formed_utf8() {
    let mut have = Vec::new();
    let mut i = 0;
    while i < BAD.len() {
        // SAFETY: BAD is a live byte string and i < len.
        let rn = unsafe { deft_decoderune(BAD.as_ptr(), BAD.len(), i as i64) };
        have.push((i, rn.rune as u32));
        i = rn.next as usize;
    }
    assert_eq!(have, gc_range_of_bad());
    // SAFETY: as above.
    assert_eq!(unsafe { deft_countrunes(BAD.as_ptr(), BAD.len()) }, 22);
}

#[test]
fn decode_well_formed() {
    for s in ["héllo", "世界", "\u{10FFFF}\u{10000}", "\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}"] {
        let want: Vec<(usize, u32)> = s.char_indices().map(|(i, c)| (i, c as u32)).collect();
        let mut have = Vec::new();
        let mut i = 0;
        while i < s.len() {
            let (r, next) = decode_rune(s.as_bytes(), i);
            have.push((i, r));
            i = next;
        }
        assert_eq!(have, want, "{s:?}");
    }
}

#[test]
fn rune_slices() {
    // gc: rs := []rune(bad) -> 22 runes: 97 65533 98 65533 40 8353 then 65533 x16
    // SAFETY: BAD is a live byte string.
    let sl = unsafe { deft_stringtoslicerune(BAD.as_ptr(), BAD.len()) };
    // SAFETY: the runtime returned `len` runes at `ptr`.
    let rs = unsafe { std::slice::from_raw_parts(sl.ptr.cast::<i32>(), sl.len) };
    let want: Vec<i32> = gc_range_of_bad().iter().map(|&(_, r)| r as i32).collect();
    assert_eq!(rs, &want[..]);

    // gc: s2 := string([]rune{65, -1, 0xD800, 0x10FFFF, 0x110000, 0x4e16});
    //     println(len(s2), s2) -> 17 A\u{FFFD}\u{FFFD}\u{10FFFF}\u{FFFD}世
    let rs2 = [65, -1, 0xD800, 0x10FFFF, 0x110000, 0x4e16];
    // SAFETY: `rs2` is a live array of runes.
    let s2 = bytes(unsafe { deft_slicerunetostring(rs2.as_ptr(), rs2.len()) });
    assert_eq!(s2.len(), 17);
    assert_eq!(s2, "A\u{FFFD}\u{FFFD}\u{10FFFF}\u{FFFD}世".as_bytes());

    // SAFETY: an empty rune slice may have a null pointer.
    let empty = unsafe { deft_slicerunetostring(std::ptr::null(), 0) };
    assert_eq!(empty.len, 0);
}

#[test]
fn byte_slices() {
    // gc: b := []byte("héllo"); println(len(b)) -> 6
    let s = "héllo";
    // SAFETY: `s` is a live string.
    let sl = unsafe { deft_stringtoslicebyte(s.as_ptr(), s.len()) };
    assert_eq!(sl.len, 6);
    assert_ne!(sl.ptr as *const u8, s.as_ptr(), "a fresh copy");
    // SAFETY: the runtime returned `len` bytes at `ptr`.
    let copy = unsafe { std::slice::from_raw_parts(sl.ptr, sl.len) };
    assert_eq!(copy, s.as_bytes());

    // []byte("") is empty but not nil.
    // SAFETY: an empty string may have a null pointer.
    let empty = unsafe { deft_stringtoslicebyte(std::ptr::null(), 0) };
    assert_eq!(empty.len, 0);
    assert!(!empty.ptr.is_null());

    // string(b) copies.
    let mut buf = *b"abc";
    // SAFETY: `buf` is live.
    let st = unsafe { deft_slicebytetostring(buf.as_ptr(), buf.len()) };
    buf[0] = b'z';
    assert_eq!((bytes(st), buf[0]), (b"abc".to_vec(), b'z'));
}

#[test]
fn memequal() {
    let a = [1u64, 2, 3];
    let b = [1u64, 2, 4];
    // SAFETY: both arrays are 24 readable bytes.
    unsafe {
        assert!(deft_memequal(a.as_ptr().cast(), a.as_ptr().cast(), 24));
        assert!(deft_memequal(a.as_ptr().cast(), b.as_ptr().cast(), 16));
        assert!(!deft_memequal(a.as_ptr().cast(), b.as_ptr().cast(), 24));
    }
}
