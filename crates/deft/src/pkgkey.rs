//! The keys of issue 14's package cache: what a package's compiled code
//! depends on, hashed, so that a package whose key is unchanged need not
//! be compiled again.
//!
//! Two hashes per package, computed in dependency order:
//! * the **API hash**: the package's path, its files' names and API texts
//!   (`syntax::api`: the text with non-generic function bodies blanked,
//!   what importers compile against), its settings, and the API hashes of
//!   its imports. Transitive, because an importer can reach an import's
//!   declarations through the package's own (`type T = q.T`, an embedded
//!   field, a generic body calling into q), and its code depends on them;
//! * the **key**: the package's path, its files' names and full texts, its
//!   settings, the API hashes of its imports, and the compiler's identity.
//!   Editing a non-generic body of package P changes P's key only; editing
//!   what P's importers compile against changes P's API hash, hence the
//!   keys of every package that imports P, directly or not.
//!
//! Settings are whatever else changes the code: the language version, the
//! import map, flags such as `-N`. The compiler's identity
//! ([`compiler_id`]) makes a rebuilt deft ignore what an older build made.
//!
//! Invariant: hashed fields are length-prefixed, so no two different
//! inputs hash the same bytes.

use sha2::{Digest, Sha256};

/// A 32-byte SHA-256 digest.
pub type Hash = [u8; 32];

/// One package as the keys see it.
#[derive(Clone, Debug)]
pub struct PackageText<'a> {
    /// Its import path.
    pub path: &'a str,
    /// Its files: name, text and API text.
    pub files: Vec<(&'a str, &'a str, String)>,
    /// The packages it imports, as indices of packages before it.
    pub imports: Vec<usize>,
    /// Everything else its code depends on (language version, flags).
    pub settings: String,
}

/// A package's hashes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Keys {
    /// What its importers compile against (see the module doc).
    pub api: Hash,
    /// What its own code depends on.
    pub key: Hash,
}

/// The keys of `packages`, which come in dependency order (a package's
/// imports before it); `compiler` is the compiler's identity.
pub fn package_keys(packages: &[PackageText], compiler: &str) -> Vec<Keys> {
    let mut keys: Vec<Keys> = Vec::with_capacity(packages.len());
    for p in packages {
        let mut imports: Vec<Hash> = p.imports.iter().map(|&i| keys[i].api).collect();
        // Import order in the source does not matter.
        imports.sort_unstable();
        let hash = |full: bool| {
            let mut h = Field(Sha256::new());
            h.put(if full { b"key" } else { b"api" });
            h.put(p.path.as_bytes());
            h.put(p.settings.as_bytes());
            h.put(&(p.files.len() as u64).to_le_bytes());
            for (name, text, api) in &p.files {
                h.put(name.as_bytes());
                h.put(if full { text.as_bytes() } else { api.as_bytes() });
            }
            h.put(&(imports.len() as u64).to_le_bytes());
            for i in &imports {
                h.put(i);
            }
            if full {
                h.put(compiler.as_bytes());
            }
            h.0.finalize().into()
        };
        keys.push(Keys { api: hash(false), key: hash(true) });
    }
    keys
}

/// The key of the library's unit (see `pkgcache`): `fields` (what the
/// library's code as one program reached it depends on) and the
/// compiler's identity.
pub fn library_key(fields: &[String], compiler: &str) -> Hash {
    let mut h = Field(Sha256::new());
    h.put(b"library");
    h.put(&(fields.len() as u64).to_le_bytes());
    for f in fields {
        h.put(f.as_bytes());
    }
    h.put(compiler.as_bytes());
    h.0.finalize().into()
}

/// A hasher of length-prefixed fields.
struct Field(Sha256);

impl Field {
    fn put(&mut self, bytes: &[u8]) {
        self.0.update((bytes.len() as u64).to_le_bytes());
        self.0.update(bytes);
    }
}

/// This deft's identity: its version and its executable's size and
/// modification time, which every build changes (reading the executable
/// to hash it would cost more than most compilations). Without them
/// (no `/proc`), the version alone.
pub fn compiler_id() -> String {
    let version = env!("CARGO_PKG_VERSION");
    let Ok(meta) = std::env::current_exe().and_then(std::fs::metadata) else { return version.to_string() };
    let mtime = meta.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok());
    format!("{version} {} {}", meta.len(), mtime.map_or(0, |d| d.as_nanos()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The API text of `text` (package files of these tests).
    fn api(text: &str) -> String {
        let mut sources = syntax::SourceMap::default();
        let id = sources.add("x.go", text);
        let (mut ids, mut diags) = (syntax::ast::NodeIds::default(), syntax::Diagnostics::default());
        let file = syntax::parser::parse_decls(&sources, id, &mut ids, &mut diags, false);
        assert!(!diags.has_errors(), "{text}");
        syntax::api::api_text(text, &file)
    }

    /// A chain base ← mid ← main with the given sources.
    fn keys(base: &str, mid: &str, main: &str) -> Vec<Keys> {
        let pkg = |path, text, imports| PackageText {
            path,
            files: vec![("x.go", text, api(text))],
            imports,
            settings: "go1.27".into(),
        };
        package_keys(&[pkg("m/base", base, vec![]), pkg("m/mid", mid, vec![0]), pkg("main", main, vec![1])], "deft")
    }

    const BASE: &str = "package base\n\ntype T struct{ N int }\n\nfunc F() int { return 1 }\n";
    const MID: &str = "package mid\n\nimport \"m/base\"\n\ntype U = base.T\n\nfunc G() int { return base.F() }\n";
    const MAIN: &str = "package main\n\nimport \"m/mid\"\n\nfunc main() { println(mid.G(), mid.U{}.N) }\n";

    #[test]
    fn a_body_edit_changes_its_package_key_only() {
        let before = keys(BASE, MID, MAIN);
        let after = keys(&BASE.replace("return 1", "return 2"), MID, MAIN);
        assert_ne!(before[0].key, after[0].key);
        assert_eq!(before[0].api, after[0].api);
        assert_eq!(&before[1..], &after[1..]);
    }

    #[test]
    fn an_api_edit_reaches_every_importer_transitively() {
        let before = keys(BASE, MID, MAIN);
        let after = keys(&BASE.replace("N int", "N int64"), MID, MAIN);
        for (i, (b, a)) in before.iter().zip(&after).enumerate() {
            assert_ne!(b.key, a.key, "package {i}");
            assert_ne!(b.api, a.api, "package {i}");
        }
    }

    #[test]
    fn the_compiler_id_names_this_build() {
        let id = compiler_id();
        assert!(id.starts_with(env!("CARGO_PKG_VERSION")), "{id}");
        assert!(id.split(' ').count() == 3, "the executable's size and time: {id}");
        assert_eq!(compiler_id(), id);
    }

    #[test]
    fn settings_and_the_compiler_are_part_of_the_key() {
        let text =
            |path| PackageText { path, files: vec![("x.go", BASE, api(BASE))], imports: vec![], settings: "".into() };
        let plain = package_keys(&[text("m/base")], "deft 1");
        let mut flagged = text("m/base");
        flagged.settings = "-N".into();
        assert_ne!(package_keys(&[flagged], "deft 1")[0].key, plain[0].key);
        assert_ne!(package_keys(&[text("m/base")], "deft 2")[0].key, plain[0].key);
        assert_eq!(package_keys(&[text("m/base")], "deft 2")[0].api, plain[0].api);
        assert_ne!(package_keys(&[text("m/other")], "deft 1")[0].key, plain[0].key);
    }
}
