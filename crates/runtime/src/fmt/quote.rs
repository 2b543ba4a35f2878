//! Quoting for `%q`: strconv's quoting (`crate::library::strconv`, which
//! uses gc 1.27's `unicode.IsPrint` tables), and `CanBackquote` for `%#q`.

use crate::library::strconv::{Keep, quote_bytes, quote_rune_bytes};

/// Largest Unicode code point.
pub const MAX_RUNE: u32 = 0x10FFFF;

/// Whether Go's `unicode.IsPrint` holds for `r`.
pub fn is_print(r: u32) -> bool {
    i32::try_from(r).is_ok_and(|r| crate::library::unicode::is_print(r))
}

fn keep(ascii_only: bool) -> Keep {
    if ascii_only { Keep::Ascii } else { Keep::Print }
}

/// `strconv.Quote(s)` (`ascii_only`: `strconv.QuoteToASCII(s)`).
pub fn quote(s: &[u8], ascii_only: bool) -> Vec<u8> {
    quote_bytes(s, b'"', keep(ascii_only))
}

/// `strconv.QuoteRune(r)` (`ascii_only`: `QuoteRuneToASCII`); invalid
/// runes quote as U+FFFD.
pub fn quote_rune(r: u32, ascii_only: bool) -> Vec<u8> {
    quote_rune_bytes(i32::try_from(r).unwrap_or(-1), keep(ascii_only))
}

/// `strconv.CanBackquote(s)`: valid UTF-8 without backquotes, controls
/// other than tab, or a byte order mark.
pub fn can_backquote(s: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(s) else {
        return false;
    };
    text.chars().all(|c| c == '\t' || !(c < ' ' || c == '`' || c == '\u{7F}' || c == '\u{FEFF}'))
}
