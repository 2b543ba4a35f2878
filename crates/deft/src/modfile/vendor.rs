//! `vendor/modules.txt`, written by `go mod vendor`, and the go command's
//! check that it still matches go.mod.
//!
//! The format (gc 1.27.3):
//!
//! ```text
//! # example.com/dep v1.3.0                      a module, at a version
//! ## explicit; go 1.21                          its annotations
//! example.com/dep                               the packages vendored from it
//! # example.com/old v1.0.0 => example.com/fork v1.1.0
//! # example.com/rep v0.0.0 => ./rep             a replaced module
//! # example.com/rep => ./rep                    a replacement of all versions, as in go.mod
//! ```
//!
//! `explicit` marks a module the main go.mod requires (`// indirect` ones
//! included); `go 1.N` is the module's own `go` version. The go command
//! reads the file leniently, and so does [`ModulesTxt::parse`]: a `#` line
//! whose third field is neither a semantic version nor `=>` ends the
//! current module, a replacement it cannot read is dropped, unknown
//! annotations are skipped, a package line must be one valid import path.
//!
//! With a `vendor` directory, a main module whose `go` version is 1.14 or
//! later builds from it by default (`-mod=vendor`), and a package's
//! directory is `vendor/IMPORT/PATH`; the go command finds a package there
//! even if modules.txt does not list it (it then belongs to no module).

use super::module::{check_import_path, is_semver};
use super::{ModFile, ModuleVersion, Replacement};

/// The contents of `vendor/modules.txt`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ModulesTxt {
    /// In file order; a module appears once, its lines merged.
    pub modules: Vec<VendoredModule>,
}

/// One module of modules.txt.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VendoredModule {
    pub path: String,
    /// `None` for a `# path => new` line: go.mod replaces every version.
    pub version: Option<String>,
    pub replacement: Option<Replacement>,
    /// `## explicit`: the main module's go.mod requires it.
    pub explicit: bool,
    /// `## go 1.N`: the module's own `go` version.
    pub go: Option<String>,
    /// The packages vendored from it.
    pub packages: Vec<String>,
}

impl ModulesTxt {
    /// Reads modules.txt (never fails: see the module documentation).
    pub fn parse(text: &str) -> ModulesTxt {
        let mut txt = ModulesTxt::default();
        let mut current: Option<usize> = None;
        for line in text.lines() {
            if line.starts_with("# ") {
                if let Some(m) = txt.module_line(line) {
                    current = m;
                }
                continue;
            }
            let Some(m) = current.map(|i| &mut txt.modules[i]) else { continue };
            if let Some(annotations) = line.strip_prefix("## ") {
                m.annotate(annotations);
            } else if let [pkg] = line.split_whitespace().collect::<Vec<_>>()[..]
                && check_import_path(pkg).is_ok()
            {
                m.packages.push(pkg.to_string());
            }
        }
        txt
    }

    /// Reads a `# path version [=> new]` line: `Some(Some(i))` for module
    /// `i`, `Some(None)` for a line that ends the current module, `None`
    /// for one too short to change anything.
    fn module_line(&mut self, line: &str) -> Option<Option<usize>> {
        let fields: Vec<&str> = line.split_whitespace().collect();
        let (path, version, rest) = match fields[..] {
            [_, path, v, ref rest @ ..] if is_semver(v) => (path, Some(v), rest),
            [_, path, "=>", ..] => (path, None, &fields[2..]),
            [_, _, _, ..] => return Some(None),
            _ => return None,
        };
        let i = self.find(path, version).unwrap_or_else(|| {
            let version = version.map(str::to_string);
            self.modules.push(VendoredModule { path: path.to_string(), version, ..VendoredModule::default() });
            self.modules.len() - 1
        });
        match rest {
            ["=>", dir] => self.modules[i].replacement = Some(Replacement::Dir(dir.to_string())),
            ["=>", path, v] if is_semver(v) => {
                let new = ModuleVersion { path: path.to_string(), version: v.to_string() };
                self.modules[i].replacement = Some(Replacement::Module(new));
            }
            _ => {}
        }
        Some(Some(i))
    }

    fn find(&self, path: &str, version: Option<&str>) -> Option<usize> {
        self.modules.iter().position(|m| m.path == path && m.version.as_deref() == version)
    }

    /// The vendored module that provides package `import_path`: of the
    /// modules that list it, the one with the longest path (a prefix of
    /// `import_path`).
    pub fn provider(&self, import_path: &str) -> Option<&VendoredModule> {
        let prefix = |m: &&VendoredModule| {
            import_path.strip_prefix(m.path.as_str()).is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
        };
        let lists = |m: &&VendoredModule| m.packages.iter().any(|p| p == import_path);
        self.modules.iter().filter(prefix).filter(lists).max_by_key(|m| m.path.len())
    }
}

impl VendoredModule {
    /// Reads the annotations of a `## a; b` line (several lines add up).
    fn annotate(&mut self, annotations: &str) {
        for a in annotations.split(';').map(str::trim) {
            if a == "explicit" {
                self.explicit = true;
            } else if let Some(v) = a.strip_prefix("go ") {
                self.go = Some(v.to_string());
            }
        }
    }

    /// `path@version`, or `path` for a replacement of all versions.
    fn name(&self) -> String {
        name(&self.path, self.version.as_deref())
    }
}

fn name(path: &str, version: Option<&str>) -> String {
    match version {
        Some(v) => format!("{path}@{v}"),
        None => path.to_string(),
    }
}

/// The go command's check that modules.txt matches the main module's
/// go.mod (`main`, in directory `mod_root`, shown as `go_mod` in
/// messages). In order: every `require` is marked explicit; every
/// `replace` is recorded with the same replacement; every explicit module
/// is required; every recorded replacement is in go.mod (a versioned
/// replacement may be covered by go.mod's replacement of all versions).
/// Before go 1.14 (a missing `go` line included) modules.txt had no
/// annotations: a required module is then only checked against the
/// vendored version, and a replacement only if it names the version
/// vendored.
pub fn check_vendor_consistency(
    main: &ModFile,
    vendor: &ModulesTxt,
    mod_root: &str,
    go_mod: &str,
) -> Result<(), String> {
    let pre114 = main.go.as_deref().is_none_or(|v| {
        let rest = v.strip_prefix("1.").unwrap_or("0");
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        !v.starts_with("1.") || rest[..digits].parse::<u32>().unwrap_or(0) < 14
    });
    let vendored_version = |path: &str| vendor.modules.iter().find(|m| m.path == path && m.version.is_some());
    let mut problems = Vec::new();
    for r in &main.requires {
        if vendor.find(&r.path, Some(&r.version)).is_some_and(|i| vendor.modules[i].explicit) {
            continue;
        }
        let required = name(&r.path, Some(&r.version));
        if !pre114 {
            let what = "is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt";
            problems.push(format!("{required}: {what}"));
        } else if let Some(m) = vendored_version(&r.path).filter(|m| m.version.as_ref() != Some(&r.version)) {
            let what = "is explicitly required in go.mod, but vendor/modules.txt indicates";
            problems.push(format!("{required}: {what} {}", m.name()));
        }
    }
    for r in &main.replaces {
        let old = name(&r.old_path, r.old_version.as_deref());
        let recorded =
            vendor.find(&r.old_path, r.old_version.as_deref()).and_then(|i| vendor.modules[i].replacement.as_ref());
        let vendored = |v: &String| vendored_version(&r.old_path).is_some_and(|m| m.version.as_ref() == Some(v));
        match recorded {
            None if pre114 && !r.old_version.as_ref().is_some_and(vendored) => {}
            None => problems
                .push(format!("{old}: is replaced in {go_mod}, but not marked as replaced in vendor/modules.txt")),
            Some(v) if *v != r.new => problems.push(format!(
                "{old}: is replaced by {} in {go_mod}, but marked as replaced by {v} in vendor/modules.txt",
                r.new
            )),
            Some(_) => {}
        }
    }
    for m in vendor.modules.iter().filter(|m| m.explicit && m.version.is_some()) {
        if !main.requires.iter().any(|r| r.path == m.path && Some(&r.version) == m.version.as_ref()) {
            let what = "is marked as explicit in vendor/modules.txt, but not explicitly required in go.mod";
            problems.push(format!("{}: {what}", m.name()));
        }
    }
    for m in vendor.modules.iter().filter(|m| m.replacement.is_some()) {
        let replaced = |version: Option<&String>| {
            main.replaces.iter().any(|r| r.old_path == m.path && r.old_version.as_ref() == version)
        };
        if !replaced(m.version.as_ref()) && !replaced(None) {
            let what = "is marked as replaced in vendor/modules.txt, but not replaced in go.mod";
            problems.push(format!("{}: {what}", m.name()));
        }
    }
    if problems.is_empty() {
        return Ok(());
    }
    Err(format!(
        "go: inconsistent vendoring in {mod_root}:\n\t{}\n\n\tTo ignore the vendor directory, use -mod=readonly or -mod=mod.\n\tTo sync the vendor directory, run:\n\t\tgo mod vendor",
        problems.join("\n\t")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::modfile::parse_go_mod;

    /// modules.txt as `go mod vendor` of gc 1.27.3 wrote it for a module
    /// with a mixed-case path, a pre-release, nested module paths, an
    /// indirect requirement and three kinds of replacement.
    const MODULES_TXT: &str = "\
# example.com/Upper/Mod v1.0.0-RC1
## explicit; go 1.20
example.com/Upper/Mod
example.com/Upper/Mod/sub
# example.com/dep v1.3.0
## explicit; go 1.21
example.com/dep
# example.com/dep/nested v0.1.0
## explicit
example.com/dep/nested
# example.com/indir v1.0.0
## explicit; go 1.21
example.com/indir
# example.com/old v1.0.0 => example.com/fork v1.1.0
## explicit; go 1.21
example.com/old
# example.com/rep v0.0.0 => ./rep
## explicit
example.com/rep
# example.com/rep => ./rep
# example.com/unused => ./rep2
";

    /// The go.mod beside it.
    const GO_MOD: &str = "\
module example.com/main

go 1.22

require (
\texample.com/Upper/Mod v1.0.0-RC1
\texample.com/dep v1.3.0
\texample.com/dep/nested v0.1.0
\texample.com/old v1.0.0
\texample.com/rep v0.0.0
)

require example.com/indir v1.0.0 // indirect

replace example.com/rep => ./rep

replace example.com/old v1.0.0 => example.com/fork v1.1.0

replace example.com/unused => ./rep2
";

    fn module(path: &str, version: Option<&str>) -> VendoredModule {
        VendoredModule { path: path.into(), version: version.map(String::from), ..VendoredModule::default() }
    }

    #[test]
    fn reads_modules_txt() {
        let txt = ModulesTxt::parse(MODULES_TXT);
        let paths: Vec<String> = txt.modules.iter().map(VendoredModule::name).collect();
        assert_eq!(
            paths,
            [
                "example.com/Upper/Mod@v1.0.0-RC1",
                "example.com/dep@v1.3.0",
                "example.com/dep/nested@v0.1.0",
                "example.com/indir@v1.0.0",
                "example.com/old@v1.0.0",
                "example.com/rep@v0.0.0",
                "example.com/rep",
                "example.com/unused",
            ]
        );
        assert_eq!(
            txt.modules[0],
            VendoredModule {
                explicit: true,
                go: Some("1.20".into()),
                packages: vec!["example.com/Upper/Mod".into(), "example.com/Upper/Mod/sub".into()],
                ..module("example.com/Upper/Mod", Some("v1.0.0-RC1"))
            }
        );
        assert_eq!(txt.modules[2].go, None);
        let fork = ModuleVersion { path: "example.com/fork".into(), version: "v1.1.0".into() };
        assert_eq!(txt.modules[4].replacement, Some(Replacement::Module(fork)));
        assert_eq!(txt.modules[5].replacement, Some(Replacement::Dir("./rep".into())));
        assert_eq!(
            txt.modules[7],
            VendoredModule {
                replacement: Some(Replacement::Dir("./rep2".into())),
                ..module("example.com/unused", None)
            }
        );
    }

    #[test]
    fn reads_leniently() {
        let txt = ModulesTxt::parse(
            "pkg/before/any/module\n# a.com/m v1.0.0 extra\n## explicit; bogus\n## go 1.19\na.com/m\nnot one path\na b\n# a.com/x\na.com/m/y\n# a.com/n notaversion\na.com/n\n# a.com/m v1.0.0 => ./m notv\n",
        );
        assert_eq!(
            txt.modules,
            [VendoredModule {
                explicit: true,
                go: Some("1.19".into()),
                packages: vec!["a.com/m".into(), "a.com/m/y".into()],
                ..module("a.com/m", Some("v1.0.0"))
            }]
        );
    }

    #[test]
    fn finds_the_providing_module() {
        let txt = ModulesTxt::parse(MODULES_TXT);
        let provider = |p: &str| txt.provider(p).map(VendoredModule::name);
        assert_eq!(provider("example.com/dep").as_deref(), Some("example.com/dep@v1.3.0"));
        assert_eq!(provider("example.com/dep/nested").as_deref(), Some("example.com/dep/nested@v0.1.0"));
        assert_eq!(provider("example.com/Upper/Mod/sub").as_deref(), Some("example.com/Upper/Mod@v1.0.0-RC1"));
        assert_eq!(provider("example.com/old").as_deref(), Some("example.com/old@v1.0.0"));
        assert_eq!(provider("example.com/dep/extra"), None);
        assert_eq!(provider("example.com/depx"), None);
        // A module that lists a package outside its path does not provide it.
        let odd = ModulesTxt::parse("# a.com/m v1.0.0\nb.com/p\n");
        assert!(odd.provider("b.com/p").is_none());
    }

    /// The consistency check on GO_MOD edited by `edit` and MODULES_TXT by
    /// `vendor_edit`, as `(from, to)` replacements of text.
    fn check(edit: &[(&str, &str)], vendor_edit: &[(&str, &str)]) -> Result<(), String> {
        let apply = |text: &str, edits: &[(&str, &str)]| {
            edits.iter().fold(text.to_string(), |t, (from, to)| {
                assert!(t.contains(from), "{from:?}");
                t.replacen(from, to, 1)
            })
        };
        let m = parse_go_mod("/m/go.mod", &apply(GO_MOD, edit)).unwrap();
        check_vendor_consistency(&m, &ModulesTxt::parse(&apply(MODULES_TXT, vendor_edit)), "/m", "go.mod")
    }

    fn problems(lines: &[&str]) -> Result<(), String> {
        Err(format!(
            "go: inconsistent vendoring in /m:\n\t{}\n\n\tTo ignore the vendor directory, use -mod=readonly or -mod=mod.\n\tTo sync the vendor directory, run:\n\t\tgo mod vendor",
            lines.join("\n\t")
        ))
    }

    #[test]
    fn consistency_as_gc_reports_it() {
        assert_eq!(check(&[], &[]), Ok(()));
        assert_eq!(
            check(&[("dep v1.3.0", "dep v1.2.0")], &[]),
            problems(&[
                "example.com/dep@v1.2.0: is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt",
                "example.com/dep@v1.3.0: is marked as explicit in vendor/modules.txt, but not explicitly required in go.mod",
            ])
        );
        assert_eq!(
            check(&[], &[("# example.com/rep => ./rep\n", "")]),
            problems(&["example.com/rep: is replaced in go.mod, but not marked as replaced in vendor/modules.txt"])
        );
        assert_eq!(
            check(&[("replace example.com/unused => ./rep2\n", "")], &[]),
            problems(&["example.com/unused: is marked as replaced in vendor/modules.txt, but not replaced in go.mod"])
        );
        assert_eq!(
            check(&[("rep => ./rep\n", "rep => ./rep2\n")], &[]),
            problems(&[
                "example.com/rep: is replaced by ./rep2 in go.mod, but marked as replaced by ./rep in vendor/modules.txt",
            ])
        );
        assert_eq!(
            check(&[("fork v1.1.0", "fork v1.1.1")], &[]),
            problems(&[
                "example.com/old@v1.0.0: is replaced by example.com/fork@v1.1.1 in go.mod, but marked as replaced by example.com/fork@v1.1.0 in vendor/modules.txt"
            ])
        );
        assert_eq!(
            check(&[("replace example.com/rep => ./rep", "replace example.com/rep v0.0.0 => ./rep")], &[]),
            problems(&["example.com/rep: is marked as replaced in vendor/modules.txt, but not replaced in go.mod"])
        );
        // Annotations that go.mod does not decide are not compared.
        assert_eq!(check(&[], &[("## explicit; go 1.20", "## explicit; go 1.19")]), Ok(()));
        // Before go 1.14, requirements are checked against the vendored
        // versions only, and replacements not recorded are fine.
        assert_eq!(
            check(&[("go 1.22", "go 1.13"), ("dep v1.3.0", "dep v1.2.0")], &[("# example.com/rep => ./rep\n", "")]),
            problems(&[
                "example.com/dep@v1.2.0: is explicitly required in go.mod, but vendor/modules.txt indicates example.com/dep@v1.3.0",
                "example.com/dep@v1.3.0: is marked as explicit in vendor/modules.txt, but not explicitly required in go.mod",
            ])
        );
    }

    #[test]
    fn consistency_reports_in_gc_order() {
        let got = check(
            &[
                ("dep v1.3.0", "dep v1.3.1"),
                ("unused => ./rep2", "unused => ./rep3\nreplace example.com/q v1.0.0 => ./q"),
            ],
            &[(
                "# example.com/unused => ./rep2\n",
                "# example.com/unused => ./rep2\n# example.com/zz v1.0.0 => ./zz\n# example.com/yy => ./yy\n",
            )],
        );
        assert_eq!(
            got,
            problems(&[
                "example.com/dep@v1.3.1: is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt",
                "example.com/unused: is replaced by ./rep3 in go.mod, but marked as replaced by ./rep2 in vendor/modules.txt",
                "example.com/q@v1.0.0: is replaced in go.mod, but not marked as replaced in vendor/modules.txt",
                "example.com/dep@v1.3.0: is marked as explicit in vendor/modules.txt, but not explicitly required in go.mod",
                "example.com/zz@v1.0.0: is marked as replaced in vendor/modules.txt, but not replaced in go.mod",
                "example.com/yy: is marked as replaced in vendor/modules.txt, but not replaced in go.mod",
            ])
        );
    }
}
