//! Quoting for `%q` as strconv quotes (`Quote`, `QuoteToASCII`,
//! `QuoteRune`, `QuoteRuneToASCII`, with gc 1.27's `unicode.IsPrint`
//! tables), and `CanBackquote` for `%#q`. (Go programs use upstream
//! `strconv` itself; this is the Rust fmt engine's copy of the rules.)

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Largest Unicode code point.
pub const MAX_RUNE: u32 = 0x10FFFF;

/// Whether Go's `unicode.IsPrint` holds for `r`.
pub fn is_print(r: u32) -> bool {
    i32::try_from(r).is_ok_and(|r| crate::library::unicode::is_print(r))
}

/// `strconv.Quote(s)` (`ascii_only`: `strconv.QuoteToASCII(s)`): a
/// double-quoted Go literal; non-printable runes and invalid bytes are
/// escaped.
pub fn quote(s: &[u8], ascii_only: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len() + 2);
    out.push(b'"');
    let mut i = 0;
    while i < s.len() {
        let (r, next) = crate::strings::decode_rune(s, i);
        escape(&mut out, r, next - i, &s[i..next], b'"', ascii_only);
        i = next;
    }
    out.push(b'"');
    out
}

/// `strconv.QuoteRune(r)` (`ascii_only`: `QuoteRuneToASCII`); invalid
/// runes (surrogates, beyond [`MAX_RUNE`]) quote as U+FFFD.
pub fn quote_rune(r: u32, ascii_only: bool) -> Vec<u8> {
    let r = if r < 0xD800 || (0xE000..=MAX_RUNE).contains(&r) { r } else { 0xFFFD };
    let mut buf = [0u8; 4];
    let n = crate::strings::encode_rune(i64::from(r), &mut buf);
    let mut out = vec![b'\''];
    escape(&mut out, r, n, &buf[..n], b'\'', ascii_only);
    out.push(b'\'');
    out
}

/// Appends the escaped form of rune `r` (its source bytes being `raw`)
/// inside a literal delimited by `quote`, leaving printable runes (only
/// printable ASCII when `ascii_only`) as they are. A `raw` byte that is not valid UTF-8 (decoded
/// as U+FFFD with width 1) is written as `\xHH`.
fn escape(out: &mut Vec<u8>, r: u32, width: usize, raw: &[u8], quote: u8, ascii_only: bool) {
    if width == 1 && r == 0xFFFD {
        out.extend_from_slice(&[b'\\', b'x', HEX[(raw[0] >> 4) as usize], HEX[(raw[0] & 15) as usize]]);
        return;
    }
    if r == quote as u32 || r == '\\' as u32 {
        out.extend_from_slice(&[b'\\', r as u8]);
        return;
    }
    if (!ascii_only || r < 0x80) && is_print(r) {
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

/// `strconv.CanBackquote(s)`: valid UTF-8 without backquotes, controls
/// other than tab, or a byte order mark.
pub fn can_backquote(s: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(s) else {
        return false;
    };
    text.chars().all(|c| c == '\t' || !(c < ' ' || c == '`' || c == '\u{7F}' || c == '\u{FEFF}'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        assert_eq!(quote(b"a\"b\\\n\x00\x7f\xff\xe2\x82", false), b"\"a\\\"b\\\\\\n\\x00\\x7f\\xff\\xe2\\x82\"");
        assert_eq!(quote("é\u{a0}\u{2028}😀".as_bytes(), false), "\"é\\u00a0\\u2028😀\"".as_bytes());
        assert_eq!(quote("é😀".as_bytes(), true), b"\"\\u00e9\\U0001f600\"");
        assert_eq!(quote_rune('\'' as u32, false), b"'\\''");
        assert_eq!(quote_rune('"' as u32, false), b"'\"'");
        assert_eq!(quote_rune(0xD800, false), "'\u{fffd}'".as_bytes());
    }
}
