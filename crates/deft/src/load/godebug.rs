//! The program's default GODEBUG, as the go command computes it for a
//! main package: every setting whose behaviour changed in a Go release
//! newer than the main module's `go` version keeps its old value; then the
//! main module's `godebug` lines, then the main package's `//go:debug`
//! directives, override. The runtime applies the environment's GODEBUG on
//! top (see `runtime::godebug`).
//!
//! Only the settings deft's runtime and library act on are listed.

use types::LangVersion;

/// (setting, the Go 1.N release that changed its default, the value
/// before it).
const CHANGED: &[(&str, u32, &str)] = &[
    // math/rand's top-level functions seed themselves randomly.
    ("randautoseed", 20, "0"),
    // panic(nil) raises *runtime.PanicNilError.
    ("panicnil", 21, "1"),
    // math/rand.Seed does nothing.
    ("randseednop", 24, "0"),
];

/// The default GODEBUG of a program whose main module says `go` `version`,
/// with go.mod `godebug` settings `module` and `//go:debug` directives
/// `directives` (each `key=value`).
pub fn default_godebug(version: LangVersion, module: &[String], directives: &[String]) -> String {
    let old = CHANGED
        .iter()
        .filter(|(_, changed, _)| version < LangVersion::go1(*changed))
        .map(|(k, _, v)| format!("{k}={v}"));
    old.chain(module.iter().cloned()).chain(directives.iter().cloned()).collect::<Vec<_>>().join(",")
}

/// The `//go:debug key=value` directives of a file's header (the lines
/// before its `package` clause).
pub fn directives(text: &str) -> Vec<String> {
    text[..crate::buildtags::header_end(text)]
        .lines()
        .filter_map(|l| l.trim_end().strip_prefix("//go:debug "))
        .map(|kv| kv.trim().to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_follow_the_version() {
        assert_eq!(default_godebug(LangVersion::go1(19), &[], &[]), "randautoseed=0,panicnil=1,randseednop=0");
        assert_eq!(default_godebug(LangVersion::go1(21), &[], &[]), "randseednop=0");
        assert_eq!(default_godebug(LangVersion::go1(27), &["panicnil=1".into()], &["x=1".into()]), "panicnil=1,x=1");
    }

    #[test]
    fn header_directives() {
        let text = "// Copyright\n//go:debug panicnil=1\n//go:build go1.21\n\npackage main\n//go:debug late=1\n";
        assert_eq!(directives(text), ["panicnil=1"]);
    }
}
