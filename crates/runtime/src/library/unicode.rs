//! Package `unicode`: character classes and case mapping.
//!
//! The answers come from tables generated from gc's own `unicode` package
//! (`scripts/gen-unicode-tables.go`, Unicode 17 for Go 1.27), not from
//! Rust's `char` methods, whose notions differ from Go's categories:
//! `char::is_alphabetic` is the Alphabetic property (Go's `IsLetter` is
//! category L only), `is_lowercase`/`is_uppercase` include
//! Other_Lowercase/Other_Uppercase (so `ª`, `º`, `Ⓐ` would differ), there
//! is no category Nd, P or Print, and `to_uppercase` applies full case
//! mappings (`ß` → `SS`) where Go maps one rune to one rune.

#[rustfmt::skip]
mod tables;

use tables::*;

/// Whether `r` lies in one of `table`'s sorted inclusive ranges.
fn in_table(table: &[(u32, u32)], r: i32) -> bool {
    if r < 0 {
        return false;
    }
    let r = r as u32;
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < r {
                std::cmp::Ordering::Less
            } else if lo > r {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

macro_rules! predicates {
    ($($(#[$doc:meta])* $name:ident => $table:ident;)*) => {
        $(
            $(#[$doc])*
            pub extern "C" fn $name(r: i32) -> bool {
                in_table($table, r)
            }
        )*
    };
}

predicates! {
    /// `func IsUpper(r rune) bool`: category Lu.
    is_upper => ISUPPER;
    /// `func IsLower(r rune) bool`: category Ll.
    is_lower => ISLOWER;
    /// `func IsTitle(r rune) bool`: category Lt.
    is_title => ISTITLE;
    /// `func IsLetter(r rune) bool`: category L.
    is_letter => ISLETTER;
    /// `func IsDigit(r rune) bool`: category Nd.
    is_digit => ISDIGIT;
    /// `func IsNumber(r rune) bool`: category N.
    is_number => ISNUMBER;
    /// `func IsSpace(r rune) bool`: Go's white space (Latin-1 spaces, then
    /// the White_Space property).
    is_space => ISSPACE;
    /// `func IsPunct(r rune) bool`: category P.
    is_punct => ISPUNCT;
    /// `func IsPrint(r rune) bool`: categories L, M, N, P, S and the ASCII
    /// space.
    is_print => ISPRINT;
    /// `func IsGraphic(r rune) bool`: categories L, M, N, P, S, Zs.
    is_graphic => ISGRAPHIC;
    /// `func IsControl(r rune) bool`: category Cc.
    is_control => ISCONTROL;
    /// `func IsMark(r rune) bool`: category M.
    is_mark => ISMARK;
    /// `func IsSymbol(r rune) bool`: category S.
    is_symbol => ISSYMBOL;
}

/// `func inTable(id int, r rune) bool`: whether `r` is in range table
/// `id` (its index in [`RANGE_TABLES`], as `lib/unicode/tables.go`
/// numbers them); false for an unknown id.
pub extern "C" fn in_range_table(id: i64, r: i32) -> bool {
    usize::try_from(id).ok().and_then(|i| RANGE_TABLES.get(i)).is_some_and(|t| in_table(t, r))
}

/// `func SimpleFold(r rune) rune`: the next rune after `r` in its orbit
/// under simple case folding (`A` → `a` → `A`, `K` → `k` → U+212A → `K`);
/// `r` itself when it has no other case or is not a valid code point.
pub extern "C" fn simple_fold(r: i32) -> i32 {
    if r < 0 {
        return r;
    }
    match SIMPLE_FOLD.binary_search_by_key(&(r as u32), |&(from, _)| from) {
        Ok(i) => SIMPLE_FOLD[i].1 as i32,
        Err(_) => r,
    }
}

/// Case indices into [`CASE_RANGES`]' deltas, as Go's `UpperCase`,
/// `LowerCase`, `TitleCase`.
const UPPER: i64 = 0;
const LOWER: i64 = 1;

/// `func To(_case int, r rune) rune`: `r` mapped to case `c` (0 upper,
/// 1 lower, 2 title); unchanged when it has no such mapping or `c` is out
/// of range (Go returns `ReplacementChar` for a bad case; the Go side
/// checks that).
pub extern "C" fn to(c: i64, r: i32) -> i32 {
    if !(0..3).contains(&c) || r < 0 {
        return r;
    }
    let u = r as u32;
    let Ok(i) = CASE_RANGES.binary_search_by(|&(lo, hi, _)| {
        if hi < u {
            std::cmp::Ordering::Less
        } else if lo > u {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Equal
        }
    }) else {
        return r;
    };
    let (lo, _, delta) = CASE_RANGES[i];
    let d = delta[c as usize];
    if d == UPPER_LOWER {
        // Alternating pairs starting at `lo`: even offsets are upper case.
        let off = u - lo;
        return (lo + if c == LOWER { off | 1 } else { off & !1 }) as i32;
    }
    r + d
}

/// `func ToUpper(r rune) rune`.
pub extern "C" fn to_upper(r: i32) -> i32 {
    to(UPPER, r)
}

/// `func ToLower(r rune) rune`.
pub extern "C" fn to_lower(r: i32) -> i32 {
    to(LOWER, r)
}

/// `func ToTitle(r rune) rune`.
pub extern "C" fn to_title(r: i32) -> i32 {
    to(2, r)
}

/// Case-insensitive identity of `r` as gc's `strings.EqualFold` sees it:
/// two runes are equal under simple folding exactly when their folds
/// match. Lower-of-upper gives the same classes as Go's fold orbits,
/// except that U+0130 and U+0131 fold only to themselves.
pub fn fold(r: i32) -> i32 {
    if r == 0x130 || r == 0x131 { r } else { to_lower(to_upper(r)) }
}

/// `func foldRune(r rune) rune` (package strings): [`fold`].
pub extern "C" fn fold_rune(r: i32) -> i32 {
    fold(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_match_go_on_latin1() {
        assert!(is_upper('A' as i32) && !is_upper('a' as i32) && is_upper('À' as i32));
        assert!(!is_lower('ª' as i32) && is_letter('ª' as i32) && is_lower('ß' as i32));
        assert!(is_space(0x85) && is_space(0xa0) && !is_space(0x200b) && is_space(0x2028));
        assert!(is_punct('!' as i32) && !is_punct('+' as i32) && is_symbol('+' as i32));
        assert!(is_print(' ' as i32) && !is_print(0xa0) && is_graphic(0xa0));
        assert!(is_digit('٣' as i32) && !is_digit('½' as i32) && is_number('½' as i32));
        assert!(!is_letter(-1) && !is_letter(0x110000));
    }

    #[test]
    fn case_mapping() {
        assert_eq!(to_upper('a' as i32), 'A' as i32);
        assert_eq!(to_upper('ß' as i32), 'ß' as i32);
        assert_eq!(to_upper('ÿ' as i32), 'Ÿ' as i32);
        assert_eq!(to_lower('İ' as i32), 'i' as i32);
        assert_eq!(to_title('ǆ' as i32), 'ǅ' as i32);
        assert_eq!(to_upper('ǆ' as i32), 'Ǆ' as i32);
        assert_eq!(to_lower('Ā' as i32), 'ā' as i32);
        assert_eq!(to_upper('ā' as i32), 'Ā' as i32);
        assert_eq!(fold('K' as i32), fold('\u{212a}' as i32));
        assert_ne!(fold('i' as i32), fold('ı' as i32));
        assert_eq!(simple_fold('K' as i32), 'k' as i32);
        assert_eq!(simple_fold('k' as i32), 0x212a);
        assert_eq!(simple_fold(0x212a), 'K' as i32);
        assert_eq!(simple_fold('1' as i32), '1' as i32);
        assert_eq!(simple_fold(-2), -2);
    }
}
