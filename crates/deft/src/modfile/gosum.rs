//! `go.sum`: the hashes of the module versions a build may use, one line
//! each, `PATH VERSION HASH` (the module's files) or `PATH VERSION/go.mod
//! HASH` (its go.mod alone), checked against gc 1.27.3:
//!
//! * a line that is not three fields (blank lines aside) makes the whole
//!   file malformed, an error that ends the go command:
//!   `malformed go.sum:\nFILE:LINE: wrong number of fields N`;
//! * a module version a package is loaded from needs its files' line
//!   (`missing go.sum entry for module providing package ...`) and then
//!   its go.mod's (`PATH@VERSION: missing go.sum entry for go.mod file`);
//! * the files' hash must equal the one the module cache recorded when it
//!   downloaded the module (`cache/download/PATH/@v/VERSION.ziphash`),
//!   else `verifying PATH@VERSION: checksum mismatch` ends the go command.
//!
//! Left out: the go.mod hash is not recomputed and compared (the go
//! command does: a go.mod edited in the cache), and `GONOSUMCHECK`-style
//! settings (`GOFLAGS=-mod=mod` with `GONOSUMDB` and friends) are not read.

use std::collections::HashMap;

/// The lines of one or more go.sum files.
#[derive(Clone, Debug, Default)]
pub struct GoSum {
    /// Hash by (module path, version or `VERSION/go.mod`): the first line
    /// of each wins, as the go command keeps the first.
    hashes: HashMap<(String, String), String>,
}

impl GoSum {
    /// Adds the lines of go.sum file `shown` (its name in messages) whose
    /// text is `text`; `Err` is the go command's message for a malformed
    /// file.
    pub fn add(&mut self, shown: &str, text: &str) -> Result<(), String> {
        for (n, line) in text.lines().enumerate() {
            let fields: Vec<&str> = line.split_whitespace().collect();
            match fields[..] {
                [] => {}
                [path, version, hash] => {
                    self.hashes.entry((path.to_string(), version.to_string())).or_insert_with(|| hash.to_string());
                }
                _ => {
                    return Err(format!(
                        "malformed go.sum:\n{shown}:{}: wrong number of fields {}",
                        n + 1,
                        fields.len()
                    ));
                }
            }
        }
        Ok(())
    }

    /// The hash of the files of `path` at `version`, if go.sum has it.
    pub fn files(&self, path: &str, version: &str) -> Option<&str> {
        self.hashes.get(&(path.to_string(), version.to_string())).map(String::as_str)
    }

    /// Whether go.sum has the hash of the go.mod of `path` at `version`.
    pub fn has_go_mod(&self, path: &str, version: &str) -> bool {
        self.hashes.contains_key(&(path.to_string(), format!("{version}/go.mod")))
    }
}

/// The go command's error for a module version whose files' hash in
/// go.sum is not the one the module cache recorded.
pub fn mismatch(path: &str, version: &str, downloaded: &str, go_sum: &str) -> String {
    format!(
        "verifying {path}@{version}: checksum mismatch\n\tdownloaded: {downloaded}\n\tgo.sum:     {go_sum}\n\n\
SECURITY ERROR\n\
This download does NOT match an earlier download recorded in go.sum.\n\
The bits may have been replaced on the origin server, or an attacker may\n\
have intercepted the download attempt.\n\n\
For more information, see 'go help module-auth'."
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_lines_and_refuses_a_malformed_file() {
        let mut sum = GoSum::default();
        let text =
            "example.com/a v1.0.0 h1:AAA=\n\nexample.com/a v1.0.0/go.mod h1:BBB=\nexample.com/a v1.0.0 h1:later=\n";
        sum.add("go.sum", text).unwrap();
        assert_eq!(sum.files("example.com/a", "v1.0.0"), Some("h1:AAA="));
        assert!(sum.has_go_mod("example.com/a", "v1.0.0"));
        assert!(!sum.has_go_mod("example.com/a", "v1.1.0"));
        let err = sum.add("/m/go.sum", "x v1 h1:A=\ngarbage line\n").unwrap_err();
        assert_eq!(err, "malformed go.sum:\n/m/go.sum:2: wrong number of fields 2");
    }
}
