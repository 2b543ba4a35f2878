//! `strconv.Quote` and friends: Go's escaping of strings and runes.
//!
//! Printability is gc 1.19's `unicode.IsPrint`, from a generated table.

use super::print_ranges::PRINTABLE;
use crate::strings::{RUNE_ERROR, decode_rune, encode_rune};
use std::cmp::Ordering;

/// Largest Unicode code point.
pub const MAX_RUNE: u32 = 0x10FFFF;

/// Whether Go's `unicode.IsPrint` holds for `r`: letters, marks, numbers,
/// punctuation, symbols and U+0020.
pub fn is_print(r: u32) -> bool {
    let place = |&(lo, hi): &(u32, u32)| {
        if hi < r {
            Ordering::Less
        } else if lo > r {
            Ordering::Greater
        } else {
            Ordering::Equal
        }
    };
    PRINTABLE.binary_search_by(place).is_ok()
}

/// Appends rune `r` escaped for a literal delimited by `quote`.
fn push_escaped(out: &mut Vec<u8>, r: u32, quote: u8, ascii_only: bool) {
    if r == u32::from(quote) || r == u32::from(b'\\') {
        out.extend_from_slice(&[b'\\', r as u8]);
        return;
    }
    if is_print(r) && (!ascii_only || r < 0x80) {
        let mut buf = [0; 4];
        let n = encode_rune(i64::from(r), &mut buf);
        out.extend_from_slice(&buf[..n]);
        return;
    }
    let named = match r {
        0x07 => b'a',
        0x08 => b'b',
        0x0C => b'f',
        0x0A => b'n',
        0x0D => b'r',
        0x09 => b't',
        0x0B => b'v',
        _ => 0,
    };
    let text = if named != 0 {
        format!("\\{}", named as char)
    } else if r < 0x20 || r == 0x7F {
        format!("\\x{r:02x}")
    } else if r > MAX_RUNE {
        "\\ufffd".to_string()
    } else if r < 0x10000 {
        format!("\\u{r:04x}")
    } else {
        format!("\\U{r:08x}")
    };
    out.extend_from_slice(text.as_bytes());
}

/// `strconv.Quote(s)` (`ascii_only`: `strconv.QuoteToASCII(s)`).
pub fn quote(s: &[u8], ascii_only: bool) -> Vec<u8> {
    let mut out = vec![b'"'];
    let mut i = 0;
    while i < s.len() {
        let (r, next) = decode_rune(s, i);
        if r == RUNE_ERROR && next == i + 1 {
            // An ill-formed byte, not an encoded U+FFFD.
            out.extend_from_slice(format!("\\x{:02x}", s[i]).as_bytes());
        } else {
            push_escaped(&mut out, r, b'"', ascii_only);
        }
        i = next;
    }
    out.push(b'"');
    out
}

/// `strconv.QuoteRune(r)` (`ascii_only`: `QuoteRuneToASCII`); invalid
/// runes quote as U+FFFD.
pub fn quote_rune(r: u32, ascii_only: bool) -> Vec<u8> {
    let r = if r > MAX_RUNE || (0xD800..0xE000).contains(&r) { RUNE_ERROR } else { r };
    let mut out = vec![b'\''];
    push_escaped(&mut out, r, b'\'', ascii_only);
    out.push(b'\'');
    out
}

/// `strconv.CanBackquote(s)`: valid UTF-8 without backquotes, controls
/// other than tab, or a byte order mark.
pub fn can_backquote(s: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(s) else {
        return false;
    };
    text.chars().all(|c| c == '\t' || !(c < ' ' || c == '`' || c == '\u{7F}' || c == '\u{FEFF}'))
}
