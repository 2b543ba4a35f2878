//! Package `strconv`: quoting strings and runes as Go literals. (The
//! integer conversions are Go code in `lib/strconv`; float formatting and
//! parsing belong to the fmt engine.)

use crate::abi::GoString;
use crate::strings::{go_bytes, new_string};

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Which runes a quoting function leaves unescaped.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    /// Printable runes (`Quote`).
    Print,
    /// Printable ASCII only (`QuoteToASCII`).
    Ascii,
    /// Graphic runes, which include every Zs space (`QuoteToGraphic`).
    Graphic,
}

/// Appends the escaped form of rune `r` (its source bytes being `raw`)
/// inside a literal delimited by `quote`, leaving the runes `keep` names
/// as they are. A `raw` byte that is not valid UTF-8 (decoded
/// as U+FFFD with width 1) is written as `\xHH`.
fn escape(out: &mut Vec<u8>, r: u32, width: usize, raw: &[u8], quote: u8, keep: Keep) {
    if width == 1 && r == 0xFFFD {
        out.extend_from_slice(&[b'\\', b'x', HEX[(raw[0] >> 4) as usize], HEX[(raw[0] & 15) as usize]]);
        return;
    }
    if r == quote as u32 || r == '\\' as u32 {
        out.extend_from_slice(&[b'\\', r as u8]);
        return;
    }
    let kept = match keep {
        Keep::Print => super::unicode::is_print(r as i32),
        Keep::Ascii => r < 0x80 && super::unicode::is_print(r as i32),
        Keep::Graphic => super::unicode::is_graphic(r as i32),
    };
    if kept {
        let mut buf = [0u8; 4];
        let n = crate::strings::encode_rune(r as i64, &mut buf);
        out.extend_from_slice(&buf[..n]);
        return;
    }
    let simple = match r {
        7 => Some(b'a'),
        8 => Some(b'b'),
        12 => Some(b'f'),
        10 => Some(b'n'),
        13 => Some(b'r'),
        9 => Some(b't'),
        11 => Some(b'v'),
        _ => None,
    };
    if let Some(c) = simple {
        out.extend_from_slice(&[b'\\', c]);
    } else if r < ' ' as u32 || r == 0x7f {
        out.extend_from_slice(&[b'\\', b'x', HEX[(r >> 4) as usize], HEX[(r & 15) as usize]]);
    } else if r < 0x10000 {
        out.extend_from_slice(b"\\u");
        out.extend((0..4).rev().map(|k| HEX[((r >> (4 * k)) & 15) as usize]));
    } else {
        out.extend_from_slice(b"\\U");
        out.extend((0..8).rev().map(|k| HEX[((r >> (4 * k)) & 15) as usize]));
    }
}

/// `s` as a Go literal delimited by `quote`.
pub fn quote_bytes(s: &[u8], quote: u8, keep: Keep) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len() + 2);
    out.push(quote);
    let mut i = 0;
    while i < s.len() {
        let (r, next) = crate::strings::decode_rune(s, i);
        escape(&mut out, r, next - i, &s[i..next], quote, keep);
        i = next;
    }
    out.push(quote);
    out
}

/// `func Quote(s string) string`: a double-quoted Go literal for `s`;
/// non-printable runes and invalid bytes are escaped.
///
/// # Safety
/// `ptr`/`len` must be a valid Go string.
pub unsafe extern "C" fn quote(ptr: *const u8, len: usize) -> GoString {
    // SAFETY: the caller passes a valid Go string.
    new_string(&quote_bytes(unsafe { go_bytes(ptr, len) }, b'"', Keep::Print))
}

/// `func QuoteToASCII(s string) string`: `Quote` with every non-ASCII rune
/// escaped too.
///
/// # Safety
/// `ptr`/`len` must be a valid Go string.
pub unsafe extern "C" fn quote_to_ascii(ptr: *const u8, len: usize) -> GoString {
    // SAFETY: the caller passes a valid Go string.
    new_string(&quote_bytes(unsafe { go_bytes(ptr, len) }, b'"', Keep::Ascii))
}

/// `func QuoteToGraphic(s string) string`: `Quote` leaving every graphic
/// rune (including spaces such as U+00A0) unescaped.
///
/// # Safety
/// `ptr`/`len` must be a valid Go string.
pub unsafe extern "C" fn quote_to_graphic(ptr: *const u8, len: usize) -> GoString {
    // SAFETY: the caller passes a valid Go string.
    new_string(&quote_bytes(unsafe { go_bytes(ptr, len) }, b'"', Keep::Graphic))
}

/// The single-quoted literal for rune `r`; an invalid rune is quoted as
/// U+FFFD.
pub fn quote_rune_bytes(r: i32, keep: Keep) -> Vec<u8> {
    let r = if (0..0xD800).contains(&r) || (0xE000..=0x10FFFF).contains(&r) { r as u32 } else { 0xFFFD };
    let mut buf = [0u8; 4];
    let n = crate::strings::encode_rune(r as i64, &mut buf);
    let mut out = vec![b'\''];
    escape(&mut out, r, n, &buf[..n], b'\'', keep);
    out.push(b'\'');
    out
}

/// `func QuoteRune(r rune) string`.
pub extern "C" fn quote_rune(r: i32) -> GoString {
    new_string(&quote_rune_bytes(r, Keep::Print))
}

/// `func QuoteRuneToASCII(r rune) string`.
pub extern "C" fn quote_rune_to_ascii(r: i32) -> GoString {
    new_string(&quote_rune_bytes(r, Keep::Ascii))
}

/// `func QuoteRuneToGraphic(r rune) string`.
pub extern "C" fn quote_rune_to_graphic(r: i32) -> GoString {
    new_string(&quote_rune_bytes(r, Keep::Graphic))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        assert_eq!(
            quote_bytes(b"a\"b\\\n\x00\x7f\xff\xe2\x82", b'"', Keep::Print),
            b"\"a\\\"b\\\\\\n\\x00\\x7f\\xff\\xe2\\x82\""
        );
        assert_eq!(quote_bytes("é\u{a0}\u{2028}😀".as_bytes(), b'"', Keep::Print), "\"é\\u00a0\\u2028😀\"".as_bytes());
        assert_eq!(quote_bytes("é😀".as_bytes(), b'"', Keep::Ascii), b"\"\\u00e9\\U0001f600\"");
        assert_eq!(quote_rune_bytes('\'' as i32, Keep::Print), b"'\\''");
        assert_eq!(quote_rune_bytes('"' as i32, Keep::Print), b"'\"'");
        assert_eq!(quote_rune_bytes(0xD800, Keep::Print), "'\u{fffd}'".as_bytes());
        assert_eq!(quote_bytes("\u{a0}\u{2028}".as_bytes(), b'"', Keep::Graphic), "\"\u{a0}\\u2028\"".as_bytes());
    }
}
