//! Padding and the layout of single operands under the current flags:
//! integers, runes, strings, byte strings, booleans and floats.

use super::Printer;
use super::float::format_float;
use super::quote::{MAX_RUNE, can_backquote, is_print, quote, quote_rune};
use crate::strings::{RUNE_ERROR, decode_rune, encode_rune};

/// The flags, width and precision of the verb being formatted.
#[derive(Clone, Copy, Default)]
pub(super) struct Flags {
    pub sharp: bool,
    pub zero: bool,
    pub plus: bool,
    pub minus: bool,
    pub space: bool,
    /// `%+v`: field names in structs.
    pub plus_v: bool,
    /// `%#v`: Go syntax.
    pub sharp_v: bool,
    pub wid: Option<usize>,
    pub prec: Option<usize>,
}

/// The number of runes in `s`, an ill-formed byte counting as one.
fn rune_count(s: &[u8]) -> usize {
    let (mut i, mut n) = (0, 0);
    while i < s.len() {
        i = decode_rune(s, i).1;
        n += 1;
    }
    n
}

/// The prefix of `s` holding at most `n` runes.
fn first_runes(s: &[u8], n: usize) -> &[u8] {
    let mut i = 0;
    for _ in 0..n {
        if i >= s.len() {
            break;
        }
        i = decode_rune(s, i).1;
    }
    &s[..i.min(s.len())]
}

impl Printer {
    /// `n` bytes of padding: zeros under the `0` flag, else spaces.
    pub(super) fn write_padding(&mut self, n: usize) {
        let b = if self.f.zero { b'0' } else { b' ' };
        self.buf.resize(self.buf.len() + n, b);
    }

    /// Writes `s` padded to the width, on the left unless `-`.
    pub(super) fn pad(&mut self, s: &[u8]) {
        let width = self.f.wid.unwrap_or(0).saturating_sub(rune_count(s));
        if self.f.minus {
            self.buf.extend_from_slice(s);
            self.write_padding(width);
        } else {
            self.write_padding(width);
            self.buf.extend_from_slice(s);
        }
    }

    /// [`Printer::pad`] with spaces even under the `0` flag.
    fn pad_spaces(&mut self, s: &[u8]) {
        let zero = std::mem::replace(&mut self.f.zero, false);
        self.pad(s);
        self.f.zero = zero;
    }

    pub(super) fn fmt_bool(&mut self, v: bool) {
        self.pad(if v { b"true" } else { b"false" });
    }

    /// Integer `u` (two's complement when `signed`) in `base`; `verb` is
    /// the verb (`O` adds `0o`), `upper` selects `A-F`.
    pub(super) fn fmt_integer(&mut self, u: u64, base: u64, signed: bool, verb: u8, upper: bool) {
        let negative = signed && (u as i64) < 0;
        let mut u = if negative { u.wrapping_neg() } else { u };
        // Minimum digit count: the precision, or the width under `0`.
        let mut min_digits = 0;
        if let Some(p) = self.f.prec {
            if p == 0 && u == 0 {
                let zero = std::mem::replace(&mut self.f.zero, false);
                self.write_padding(self.f.wid.unwrap_or(0));
                self.f.zero = zero;
                return;
            }
            min_digits = p;
        } else if let (true, Some(w)) = (self.f.zero, self.f.wid) {
            let sign = negative || self.f.plus || self.f.space;
            min_digits = w.saturating_sub(usize::from(sign));
        }
        let digits: &[u8; 16] = if upper { b"0123456789ABCDEF" } else { b"0123456789abcdef" };
        let mut rev = Vec::new();
        loop {
            rev.push(digits[(u % base) as usize]);
            u /= base;
            if u == 0 {
                break;
            }
        }
        while rev.len() < min_digits {
            rev.push(b'0');
        }
        if self.f.sharp {
            match base {
                2 => rev.extend_from_slice(b"b0"),
                8 if rev.last() != Some(&b'0') => rev.push(b'0'),
                16 => rev.extend_from_slice(if upper { b"X0" } else { b"x0" }),
                _ => {}
            }
        }
        if verb == b'O' {
            rev.extend_from_slice(b"o0");
        }
        if negative {
            rev.push(b'-');
        } else if self.f.plus {
            rev.push(b'+');
        } else if self.f.space {
            rev.push(b' ');
        }
        rev.reverse();
        self.pad_spaces(&rev);
    }

    /// `0x`-prefixed (when `prefix`) lower-case hex, as pointers print.
    pub(super) fn fmt_0x64(&mut self, v: u64, prefix: bool) {
        let sharp = std::mem::replace(&mut self.f.sharp, prefix);
        self.fmt_integer(v, 16, false, b'v', false);
        self.f.sharp = sharp;
    }

    /// `%U`: `U+0041`, with ` 'A'` under `#` for printable runes.
    pub(super) fn fmt_unicode(&mut self, u: u64) {
        let min = self.f.prec.unwrap_or(0).max(4);
        let mut s = format!("U+{u:0min$X}").into_bytes();
        if self.f.sharp && u <= u64::from(MAX_RUNE) && is_print(u as u32) {
            s.extend_from_slice(b" '");
            self.push_rune_to(&mut s, u);
            s.push(b'\'');
        }
        self.pad_spaces(&s);
    }

    fn push_rune_to(&self, out: &mut Vec<u8>, u: u64) {
        let mut buf = [0; 4];
        let n = encode_rune(i64::try_from(u).unwrap_or(-1), &mut buf);
        out.extend_from_slice(&buf[..n]);
    }

    /// `%c`.
    pub(super) fn fmt_c(&mut self, u: u64) {
        let mut s = Vec::new();
        self.push_rune_to(&mut s, u);
        self.pad(&s);
    }

    /// `%q` of an integer: a quoted rune.
    pub(super) fn fmt_qc(&mut self, u: u64) {
        let r = u32::try_from(u).unwrap_or(RUNE_ERROR);
        self.pad(&quote_rune(r, self.f.plus));
    }

    /// `s` cut to the precision, counted in runes.
    fn truncate<'a>(&self, s: &'a [u8]) -> &'a [u8] {
        match self.f.prec {
            Some(p) => first_runes(s, p),
            None => s,
        }
    }

    /// `%s`.
    pub(super) fn fmt_s(&mut self, s: &[u8]) {
        let s = self.truncate(s);
        self.pad(s);
    }

    /// `%q` of a string: backquoted under `#` when possible.
    pub(super) fn fmt_q(&mut self, s: &[u8]) {
        let s = self.truncate(s);
        if self.f.sharp && can_backquote(s) {
            let q = [b"`", s, b"`"].concat();
            self.pad(&q);
        } else {
            self.pad(&quote(s, self.f.plus));
        }
    }

    /// `%x`/`%X` of a string or byte slice: two hex digits a byte, the
    /// precision limiting the bytes; ` ` separates bytes, `#` adds `0x`.
    pub(super) fn fmt_sbx(&mut self, s: &[u8], upper: bool) {
        let s = &s[..self.f.prec.unwrap_or(usize::MAX).min(s.len())];
        let prefix: &[u8] = if upper { b"0X" } else { b"0x" };
        let mut out = Vec::new();
        for (i, &c) in s.iter().enumerate() {
            if self.f.space && i > 0 {
                out.push(b' ');
            }
            if self.f.sharp && (i == 0 || self.f.space) {
                out.extend_from_slice(prefix);
            }
            let hex = if upper { format!("{c:02X}") } else { format!("{c:02x}") };
            out.extend_from_slice(hex.as_bytes());
        }
        if out.is_empty() {
            self.write_padding(self.f.wid.unwrap_or(0));
            return;
        }
        let width = self.f.wid.unwrap_or(0).saturating_sub(out.len());
        if !self.f.minus {
            self.write_padding(width);
        }
        self.buf.extend_from_slice(&out);
        if self.f.minus {
            self.write_padding(width);
        }
    }

    /// A float of `bits` (32/64) in strconv format `verb` with precision
    /// `prec` (-1: shortest) unless one was given; flags lay out the sign,
    /// `#` keeps the point and trailing zeros.
    pub(super) fn fmt_float(&mut self, v: f64, bits: i64, verb: u8, prec: i64) {
        let prec = self.f.prec.map_or(prec, |p| p as i64);
        let mut num = format_float(v, verb, prec, bits);
        if num[0] != b'-' && num[0] != b'+' {
            num.insert(0, b'+');
        }
        if self.f.space && num[0] == b'+' && !self.f.plus {
            num[0] = b' ';
        }
        if num[1] == b'I' || num[1] == b'N' {
            // Infinities and NaN never pad with zeros; NaN has no sign
            // unless asked for one.
            if num[1] == b'N' && !self.f.space && !self.f.plus {
                num.remove(0);
            }
            self.pad_spaces(&num);
            return;
        }
        if self.f.sharp && verb != b'b' {
            num = keep_point(num, verb, prec);
        }
        if self.f.plus || num[0] != b'+' {
            match self.f.wid {
                Some(w) if self.f.zero && w > num.len() => {
                    // Zeros go between the sign and the digits.
                    self.buf.push(num[0]);
                    self.write_padding(w - num.len());
                    self.buf.extend_from_slice(&num[1..]);
                }
                _ => self.pad(&num),
            }
        } else {
            self.pad(&num[1..]);
        }
    }
}

/// `#` on a float (`num` starts with its sign): always a decimal point,
/// and for `%g`/`%G`/`%v`/`%x` trailing zeros up to the precision (6 when
/// shortest) in significant digits.
fn keep_point(num: Vec<u8>, verb: u8, prec: i64) -> Vec<u8> {
    let mut digits = match verb {
        // `X` is not among them in gc.
        b'v' | b'g' | b'G' | b'x' => {
            if prec < 0 {
                6
            } else {
                prec
            }
        }
        _ => 0,
    };
    let marks: &[u8] = if verb == b'x' || verb == b'X' { b"pP" } else { b"eE" };
    let exp_at = num.iter().position(|c| marks.contains(c)).unwrap_or(num.len());
    let (mut head, tail) = (num[..exp_at].to_vec(), &num[exp_at..]);
    let mut saw_dot = false;
    let mut saw_nonzero = false;
    for &c in &head[1..] {
        if c == b'.' {
            saw_dot = true;
            continue;
        }
        saw_nonzero |= c != b'0';
        if saw_nonzero {
            digits -= 1;
        }
    }
    if !saw_dot {
        // A lone zero counts as one significant digit.
        if head.len() == 2 && head[1] == b'0' {
            digits -= 1;
        }
        head.push(b'.');
    }
    head.resize(head.len() + digits.max(0) as usize, b'0');
    head.extend_from_slice(tail);
    head
}
