//! GODEBUG settings: the program's defaults and the environment's
//! overrides.
//!
//! A Go program's behaviour for a setting changed since Go 1.20 (`panicnil`,
//! `randautoseed`, ...) depends on the Go version of its main module: the
//! loader computes the program's default `GODEBUG` (settings whose new
//! behaviour is newer than that version, with their old values, then the
//! module's `godebug` lines and the main package's `//go:debug`
//! directives) and hands it here once, before the program starts. The
//! `GODEBUG` environment variable overrides it setting by setting, as in
//! gc. The default is written once, before any goroutine runs, and only
//! read after.

use std::sync::OnceLock;

static DEFAULT: OnceLock<String> = OnceLock::new();

/// Sets the program's default GODEBUG (`k=v,k2=v2`); the first call wins.
pub fn set_default(settings: String) {
    let _ = DEFAULT.set(settings);
}

/// The program's default GODEBUG (empty until set).
pub fn default() -> &'static str {
    DEFAULT.get().map_or("", String::as_str)
}

/// The value of setting `name` in a GODEBUG string (`k=v,k2=v2`; a later
/// setting overrides an earlier one), if it has one.
pub fn value_in<'a>(godebug: &'a [u8], name: &[u8]) -> Option<&'a [u8]> {
    godebug.split(|&b| b == b',').filter_map(|kv| kv.strip_prefix(name)?.strip_prefix(b"=")).next_back()
}

/// The value of setting `name`: the environment's, else the program's
/// default, else empty.
pub fn value(name: &[u8]) -> Vec<u8> {
    let env = std::env::var_os("GODEBUG").unwrap_or_default();
    if let Some(v) = value_in(env.as_encoded_bytes(), name) {
        return v.to_vec();
    }
    value_in(default().as_bytes(), name).unwrap_or(b"").to_vec()
}

#[cfg(test)]
mod tests {
    use super::value_in;

    #[test]
    fn last_setting_wins() {
        let g = b"randautoseed=0,x=1,randseednop=0,randautoseed=1";
        assert_eq!(value_in(g, b"randautoseed"), Some(&b"1"[..]));
        assert_eq!(value_in(g, b"randseednop"), Some(&b"0"[..]));
        assert_eq!(value_in(g, b"rand"), None);
        assert_eq!(value_in(b"", b"x"), None);
    }
}
