//! Values of string and rune literals (their escapes decoded).
//!
//! The lexer has already validated every literal that reaches the tree
//! (malformed ones become `Bad` nodes), so these functions only decode;
//! they return `None` instead of panicking on text that is not a
//! well-formed literal.

/// The bytes a string literal denotes, from its source text including the
/// quotes: `"a\n"` → `a` + newline; `` `a\r\nb` `` → `a\nb` (carriage
/// returns are dropped from raw strings, as the spec says).
pub fn unquote_string(raw: &str) -> Option<Vec<u8>> {
    if let Some(body) = raw.strip_prefix('`').and_then(|s| s.strip_suffix('`')) {
        return Some(body.bytes().filter(|&b| b != b'\r').collect());
    }
    let body = raw.strip_prefix('"')?.strip_suffix('"')?;
    let mut out = Vec::with_capacity(body.len());
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            let mut buf = [0u8; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            continue;
        }
        match escape(&mut chars)? {
            Escaped::Byte(b) => out.push(b),
            Escaped::Char(c) => {
                let mut buf = [0u8; 4];
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            }
        }
    }
    Some(out)
}

/// The code point a rune literal denotes, from its source text including
/// the quotes: `'a'` → 97, `'\xff'` → 255, `'\u00e9'` → 233.
pub fn rune_value(raw: &str) -> Option<u32> {
    let body = raw.strip_prefix('\'')?.strip_suffix('\'')?;
    let mut chars = body.chars();
    let value = match chars.next()? {
        '\\' => match escape(&mut chars)? {
            Escaped::Byte(b) => b as u32,
            Escaped::Char(c) => c as u32,
        },
        c => c as u32,
    };
    chars.next().is_none().then_some(value)
}

/// What an escape sequence stands for: `\x` and octal escapes are single
/// bytes, the others characters.
enum Escaped {
    Byte(u8),
    Char(char),
}

/// Decodes the escape after a `\`.
fn escape(chars: &mut std::str::Chars<'_>) -> Option<Escaped> {
    let c = chars.next()?;
    let simple = match c {
        'a' => '\x07',
        'b' => '\x08',
        'f' => '\x0c',
        'n' => '\n',
        'r' => '\r',
        't' => '\t',
        'v' => '\x0b',
        '\\' | '\'' | '"' => c,
        '0'..='7' => {
            let mut v = c.to_digit(8)?;
            for _ in 0..2 {
                v = v * 8 + chars.next()?.to_digit(8)?;
            }
            return u8::try_from(v).ok().map(Escaped::Byte);
        }
        'x' => return u8::try_from(hex(chars, 2)?).ok().map(Escaped::Byte),
        'u' => return char::from_u32(hex(chars, 4)?).map(Escaped::Char),
        'U' => return char::from_u32(hex(chars, 8)?).map(Escaped::Char),
        _ => return None,
    };
    Some(Escaped::Char(simple))
}

fn hex(chars: &mut std::str::Chars<'_>, n: usize) -> Option<u32> {
    let mut v: u32 = 0;
    for _ in 0..n {
        v = v.checked_mul(16)?.checked_add(chars.next()?.to_digit(16)?)?;
    }
    Some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings() {
        assert_eq!(unquote_string(r#""a\n\x41\101\u00e9""#).unwrap(), "a\nAAé".as_bytes());
        assert_eq!(unquote_string(r#""\xff""#).unwrap(), vec![0xff]);
        assert_eq!(unquote_string("`a\r\nb`").unwrap(), b"a\nb");
        assert_eq!(unquote_string(r#""\q""#), None);
    }

    #[test]
    fn runes() {
        assert_eq!(rune_value("'a'"), Some(97));
        assert_eq!(rune_value(r"'\xff'"), Some(255));
        assert_eq!(rune_value(r"'\''"), Some(39));
        assert_eq!(rune_value(r"'\U0001F600'"), Some(0x1F600));
        assert_eq!(rune_value("'ab'"), None);
    }
}
