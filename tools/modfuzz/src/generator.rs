//! The generator: a seed becomes a random module project.
//!
//! A project is a main module `m/` (its go.mod sometimes broken) with 1–8
//! packages whose imports form a random graph (cycles, self-imports and
//! `internal/` uses from inside and outside the allowed tree included),
//! plus, by chance, a third-party module `example.com/dep` (required or
//! not, in the module cache or not, replaced by a local directory that
//! exists or not or by another version, vendored consistently or not), a
//! second module `example.com/other` (a go.work member or a `replace`
//! target), imports of the standard packages deft has, of ones it lacks,
//! and of paths nothing provides. Files carry build constraints
//! (`//go:build`, `// +build`, `_GOOS`/`_GOARCH` names, `ignore`, `-tags`),
//! and there are `_test.go` files, hidden `_x.go`/`.x.go` files, files
//! importing "C", files of another package, empty directories.
//!
//! Two projects in five are *sound*: no deliberate fault (a valid go.mod
//! with a go line this toolchain accepts, modules where they should be,
//! allowed imports only, a runnable main package named properly), so
//! that loading, build constraints that hold or exclude files, and the
//! initialisation order are exercised on projects that run; the others
//! get each fault with some probability ([`Gen::fault`]).
//!
//! Every package prints from its package-level variables and `init`
//! functions, so the initialisation order is part of the output; every
//! import is used (`var _ = p.F3`), so a project that loads compiles.
//! Each file is self-contained (it declares what it prints with), so
//! excluding one by a constraint leaves the others valid.
//!
//! The same seed gives the same project on every machine: the only
//! randomness is `deft_fuzz::rng::Rng`, and no hash-map order is used.

use deft_fuzz::rng::Rng;

use crate::project::{GO_SUM_FAULT, GO_SUM_MARK, NOT_IN_CACHE, Project};

/// The third-party module, its packages (directory, name, exported
/// function) and its versions in the module cache.
const DEP: &str = "example.com/dep";
const DEP_PKGS: [(&str, &str, &str); 3] = [("", "dep", "D"), ("sub", "sub", "S"), ("internal/i", "i", "I")];

/// Directories packages may live in, below the main module.
const DIRS: [&str; 15] = [
    "a",
    "b",
    "c/d",
    "lib",
    "internal/x",
    "a/internal/y",
    "c/internal",
    "b/e",
    "util",
    "x.y",
    "testdata/t",
    "_hidden",
    "Upper",
    "a/b/c",
    "internal",
];

/// Standard packages deft has, each with a function to refer to.
const STD: [(&str, &str); 6] = [
    ("fmt", "Sprint"),
    ("strings", "ToUpper"),
    ("sort", "Ints"),
    ("errors", "New"),
    ("os", "Getenv"),
    ("strconv", "Itoa"),
];

/// Standard packages deft lacks (deft: "does not support package X yet").
const STD_LACKING: [(&str, &str); 3] =
    [("net/url", "Parse"), ("encoding/hex", "EncodeToString"), ("hash/crc32", "NewIEEE")];

/// Paths nothing provides, or that are malformed; (path, name, symbol).
const NOWHERE: [(&str, &str, &str); 7] = [
    ("foo/bar", "bar", "X"),
    ("nosuch", "nosuch", "X"),
    ("fmt/nope", "nope", "X"),
    ("example.org/none/x", "x", "X"),
    ("example.com/dep/nope", "nope", "X"),
    ("example.com/other/nope", "nope", "X"),
    ("a b", "ab", "X"),
];

/// Headers (the text before `package`) whose constraint holds on
/// linux/amd64 whatever `-tags` says, or that are no constraint at all.
const HEADERS_IN: [&str; 10] = [
    "//go:build linux\n\n",
    "//go:build linux && amd64\n\n",
    "//go:build go1.21\n\n",
    "//go:build gc && !gccgo\n\n",
    "//go:build unix\n\n",
    "// +build linux\n\n",
    "// +build linux,amd64 darwin\n\n",
    "// +build !linux\n",
    "/* block\n//go:build ignore\n*/\n\n",
    "//go:build linux\n// +build !linux\n\n",
];

/// Valid headers that exclude the file, or do so depending on `-tags`.
const HEADERS_OUT: [&str; 14] = [
    "//go:build !linux\n\n",
    "//go:build ignore\n\n",
    "//go:build windows || darwin\n\n",
    "//go:build go1.28\n\n",
    "//go:build amd64.v2\n\n",
    "// +build !linux\n\n",
    "// +build ignore\n\n",
    "// Copyright 2026.\n\n//go:build !amd64\n\n",
    "//go:build mytag\n\n",
    "//go:build !mytag\n\n",
    "//go:build mytag || othertag\n\n",
    "//go:build cgo\n\n",
    "//go:build !cgo\n\n",
    "// +build mytag\n\n",
];

/// Malformed constraints: errors of the go command.
const HEADERS_BAD: [&str; 3] = ["//go:build (linux\n\n", "//go:build linux\n//go:build amd64\n\n", "//go:build\n\n"];

/// File name endings (before `.go`) that hold on linux/amd64, and ones
/// that do not.
const SUFFIXES_IN: [&str; 6] = ["_linux", "_amd64", "_linux_amd64", "_x", "_unix", "_gccgo"];
const SUFFIXES_OUT: [&str; 6] = ["_windows", "_arm64", "_darwin_amd64", "_js_wasm", "_linux_arm64", "_ios"];

/// Values of `-tags`. (`ignore`, `gccgo` or an operating system's name
/// would break Go's own packages under the go command.)
const TAGS: [&str; 7] = [
    "-tags=mytag",
    "-tags=mytag,othertag",
    "-tags=othertag",
    "-tags=cgo",
    "-tags=linux,unix",
    "-tags=",
    "-tags=,mytag,",
];

/// `go` lines of a sound go.mod, and of a faulty one (`None`: no line).
const GO_GOOD: [&str; 7] = ["1.22", "1.23.4", "1.24", "1.26", "1.27", "1.27.0", "1.27.3"];
const GO_FAULTY: [Option<&str>; 17] = [
    None,
    Some("1.13"),
    Some("1.16"),
    Some("1.17"),
    Some("1.20"),
    Some("1.21"),
    Some("1.21.0"),
    Some("1.21rc1"),
    Some("1.27.4"),
    Some("1.28"),
    Some("1.30"),
    Some("2.0"),
    Some("1.28rc1"),
    Some("1.27.x"),
    Some("1.x"),
    Some("v1.22"),
    Some("1.22 extra"),
];

/// How `example.com/dep` takes part.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DepMode {
    /// Not in go.mod (imports of it fail).
    Absent,
    /// Required at v1.0.0, which the cache holds.
    Required,
    /// Required, in go.sum, missing from the cache.
    NotCached,
    /// In the cache, not required.
    NotRequired,
    /// Replaced by a local directory.
    ReplaceDir,
    /// Replaced by v1.1.0.
    ReplaceVersion,
    /// Required and vendored.
    Vendored,
    /// Required at a non-canonical version.
    NonCanonical,
}

/// How `example.com/other` takes part.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum OtherMode {
    Absent,
    Workspace,
    Replace,
}

/// What an import refers to: path, package name, an exported function.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Target {
    path: String,
    name: String,
    sym: String,
}

/// One package of the main module.
struct Pkg {
    /// Directory below `m/` (`""` for the module root).
    dir: String,
    /// Its import path.
    path: String,
    /// Its package clause.
    name: String,
    /// What it imports.
    imports: Vec<Target>,
}

/// What one file of a package holds besides its body.
struct FileSpec<'a> {
    /// Build constraints (the text before `package`).
    header: &'a str,
    /// The package clause.
    name: &'a str,
    imports: &'a [Target],
    /// What its variable and init print.
    tag: String,
    /// The name of its printing variable.
    var: String,
}

/// The generator's state for one project.
struct Gen {
    rng: Rng,
    /// A sound project: no deliberate fault (see [`Gen::fault`]).
    sound: bool,
    p: Project,
    module: String,
    pkgs: Vec<Pkg>,
    dep: DepMode,
    other: OtherMode,
    /// `m/other` (nested in the main module) or `other`.
    other_dir: &'static str,
    /// The go line of the dependency's go.mod.
    dep_go: &'static str,
    /// The main go.mod's go line.
    go: Option<&'static str>,
}

/// Whether the project for `seed` is sound (see the module doc).
pub fn is_sound(seed: u64) -> bool {
    Rng::new(seed).chance(40)
}

/// The project for `seed`.
pub fn generate(seed: u64) -> Project {
    let mut rng = Rng::new(seed);
    let sound = rng.chance(40);
    let mut g = Gen {
        rng,
        sound,
        p: Project::default(),
        module: String::new(),
        pkgs: Vec::new(),
        dep: DepMode::Absent,
        other: OtherMode::Absent,
        other_dir: "m/other",
        dep_go: "1.21",
        go: Some("1.27"),
    };
    let modules = [
        ("example.com/m", 70),
        ("m", 10),
        ("example.com/m/v2", 5),
        ("golang.org/x/m", 3),
        ("Example.com/M", 3),
        ("test", 2),
    ];
    g.module = modules[g.rng.weighted(&modules.map(|m| m.1))].0.to_string();
    if g.fault(1) {
        g.module.push('/');
    }
    g.choose_modules();
    g.choose_packages();
    g.choose_imports();
    for i in 0..g.pkgs.len() {
        g.write_package(i);
    }
    g.write_go_mod();
    g.write_dep();
    g.write_other();
    g.choose_run();
    g.p
}

impl Gen {
    /// Whether to put in a deliberate fault, with probability `percent`
    /// in a faulty project and never in a sound one (the random stream is
    /// the same either way).
    fn fault(&mut self, percent: u32) -> bool {
        self.rng.chance(percent) && !self.sound
    }

    fn choose_modules(&mut self) {
        use DepMode::*;
        let sound = [(Absent, 40), (Required, 30), (ReplaceDir, 10), (ReplaceVersion, 5), (Vendored, 15)];
        let faulty = [(NotCached, 25), (NotRequired, 25), (NonCanonical, 15), (ReplaceDir, 35)];
        self.dep = sound[self.rng.weighted(&sound.map(|m| m.1))].0;
        let faulty_dep = faulty[self.rng.weighted(&faulty.map(|m| m.1))].0;
        if self.fault(20) {
            self.dep = faulty_dep;
        }
        self.other = [OtherMode::Absent, OtherMode::Workspace, OtherMode::Replace][self.rng.weighted(&[70, 18, 12])];
        if self.other != OtherMode::Absent && self.dep == Vendored {
            self.dep = Required;
        }
        self.other_dir = if self.rng.chance(70) { "m/other" } else { "other" };
        self.go = Some(*self.rng.pick(&GO_GOOD));
        let faulty_go = *self.rng.pick(&GO_FAULTY);
        if self.fault(25) {
            self.go = faulty_go;
        }
        self.dep_go = *self.rng.pick(&["1.21", "1.21.0", "1.22"]);
        let faulty_dep_go = *self.rng.pick(&["1.16", "1.30", "1.22.x", "1.27.9"]);
        if self.fault(8) {
            self.dep_go = faulty_dep_go;
        }
    }

    /// The main package (index 0) and 0–7 others.
    fn choose_packages(&mut self) {
        let main_dir = if self.rng.chance(80) { "" } else { "cmd/tool" };
        let mut dirs: Vec<&str> = DIRS.to_vec();
        if self.fault(4) {
            dirs.push("vendor/v");
        }
        self.rng.shuffle(&mut dirs);
        let n = self.rng.range(0, 7) as usize;
        let mut chosen = vec![main_dir];
        if !main_dir.is_empty() && self.rng.chance(50) {
            chosen.push("");
        }
        chosen.extend(dirs.into_iter().take(n));
        chosen.truncate(8);
        for (i, dir) in chosen.into_iter().enumerate() {
            let path = if dir.is_empty() { self.module.clone() } else { format!("{}/{dir}", self.module) };
            let last = path.rsplit('/').next().unwrap_or("p");
            let natural: String = last.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
            let natural = if natural.is_empty() || natural.starts_with(|c: char| c.is_ascii_digit()) {
                format!("p{i}")
            } else {
                natural
            };
            let name = match i {
                0 => "main".to_string(),
                _ if self.fault(3) => "main".to_string(),
                _ if self.rng.chance(15) => format!("pk{i}"),
                _ => natural,
            };
            self.pkgs.push(Pkg { dir: dir.to_string(), path, name, imports: Vec::new() });
        }
    }

    fn local(&self, j: usize) -> Target {
        let p = &self.pkgs[j];
        Target { path: p.path.clone(), name: p.name.clone(), sym: format!("F{j}") }
    }

    /// Whether package `i` may import package `j` by the `internal/` rule.
    fn internal_allows(&self, i: usize, j: usize) -> bool {
        let (from, to) = (&self.pkgs[i].path, &self.pkgs[j].path);
        let parent = match to.rfind("/internal/") {
            Some(k) => &to[..k],
            None => match to.strip_suffix("/internal") {
                Some(p) => p,
                None => return true,
            },
        };
        from == parent || from.starts_with(&format!("{parent}/"))
    }

    fn choose_imports(&mut self) {
        let n = self.pkgs.len();
        let dep_used = self.dep != DepMode::Absent || self.fault(5);
        let other_used = self.other != OtherMode::Absent || self.fault(3);
        for i in 0..n {
            let mut t: Vec<Target> = Vec::new();
            for j in i + 1..n {
                if self.rng.chance(35) && (self.internal_allows(i, j) || self.fault(100)) {
                    t.push(self.local(j));
                }
            }
            if i > 0 && self.fault(5) {
                let j = self.rng.index(i);
                t.push(self.local(j));
            }
            if self.fault(1) {
                t.push(self.local(i));
            }
            for (path, sym) in STD {
                if self.rng.chance(12) {
                    t.push(Target { path: path.into(), name: last(path), sym: sym.into() });
                }
            }
            if self.rng.chance(3) {
                let (path, sym) = *self.rng.pick(&STD_LACKING);
                t.push(Target { path: path.into(), name: last(path), sym: sym.into() });
            }
            if self.fault(3) {
                let (path, name, sym) = *self.rng.pick(&NOWHERE);
                t.push(Target { path: path.into(), name: name.into(), sym: sym.into() });
            }
            if self.fault(2) {
                let what = *self.rng.pick(&["nope", "empty", "onlytest", "onlyignored"]);
                t.push(Target { path: format!("{}/{what}", self.module), name: what.into(), sym: "X".into() });
            }
            if self.fault(1) && n > 1 {
                let j = 1 + self.rng.index(n - 1);
                let rel = format!("./{}", self.pkgs[j].dir);
                t.push(Target { path: rel, name: self.pkgs[j].name.clone(), sym: format!("F{j}") });
            }
            if self.rng.chance(4) {
                t.push(Target { path: "unsafe".into(), name: "unsafe".into(), sym: "Sizeof(0)".into() });
            }
            if dep_used {
                for (k, (dir, name, sym)) in DEP_PKGS.iter().enumerate() {
                    let wanted = self.rng.chance([35, 12, 0][k]) || (k == 2 && self.fault(5));
                    if wanted {
                        let path = if dir.is_empty() { DEP.to_string() } else { format!("{DEP}/{dir}") };
                        t.push(Target { path, name: name.to_string(), sym: sym.to_string() });
                    }
                }
            }
            if other_used && self.rng.chance(40) {
                t.push(Target { path: "example.com/other/p".into(), name: "p".into(), sym: "P".into() });
            }
            let mut seen = std::collections::BTreeSet::new();
            t.retain(|x| seen.insert(x.path.clone()));
            self.pkgs[i].imports = t;
        }
        if self.dep != DepMode::Absent && !self.pkgs.iter().any(|p| p.imports.iter().any(|t| t.path == DEP)) {
            let t = Target { path: DEP.into(), name: "dep".into(), sym: "D".into() };
            self.pkgs[0].imports.push(t);
        }
    }

    /// A file's header: sometimes a constraint that holds, sometimes one
    /// that excludes the file (never for a sound project's primary file),
    /// sometimes a malformed one (faulty projects only).
    fn header(&mut self, primary: bool) -> &'static str {
        let (in_, out, bad) = (*self.rng.pick(&HEADERS_IN), *self.rng.pick(&HEADERS_OUT), *self.rng.pick(&HEADERS_BAD));
        match self.rng.below(100) {
            _ if self.fault(2) => bad,
            0..=9 if !primary => out,
            0..=4 if self.fault(100) => out,
            10..=24 => in_,
            _ => "",
        }
    }

    /// A file name's ending before `.go`, on the same terms as [`Gen::header`].
    fn suffix(&mut self, primary: bool) -> &'static str {
        let (in_, out) = (*self.rng.pick(&SUFFIXES_IN), *self.rng.pick(&SUFFIXES_OUT));
        match self.rng.below(100) {
            0..=5 if !primary => out,
            0..=2 if self.fault(100) => out,
            6..=11 => in_,
            _ => "",
        }
    }

    /// The files of package `i`: a primary file (declaring `F<i>`, and
    /// `main` for the main package), 0–2 more, and extras.
    fn write_package(&mut self, i: usize) {
        let pkg = &self.pkgs[i];
        let (dir, name, path) = (pkg.dir.clone(), pkg.name.clone(), pkg.path.clone());
        let imports = pkg.imports.clone();
        let base = if i == 0 { "main".to_string() } else { name.to_lowercase() };
        let extra = self.rng.range(0, 2) as usize;
        let mut groups: Vec<Vec<Target>> = vec![Vec::new(); extra + 1];
        for t in imports {
            let k = self.rng.index(extra + 1);
            groups[k].push(t);
        }
        let at = |file: &str| if dir.is_empty() { format!("m/{file}") } else { format!("m/{dir}/{file}") };
        for (k, group) in groups.into_iter().enumerate() {
            let header = self.header(k == 0);
            let suffix = self.suffix(k == 0);
            let file = if k == 0 { format!("{base}{suffix}.go") } else { format!("f{k}{suffix}.go") };
            let mut body = String::new();
            if k == 0 {
                body.push_str(&format!("func F{i}() int {{ return v{i}_0 }}\n"));
                if i == 0 {
                    body.push_str("\nfunc main() { println(\"main\") }\n");
                }
            } else if self.rng.chance(20) {
                // Depends on the primary file's variable: initialised after it.
                body.push_str(&format!("var w{i}_{k} = F{i}() + 1\n"));
            }
            let spec = FileSpec {
                header,
                name: &name,
                imports: &group,
                tag: format!("{path} {file}"),
                var: format!("v{i}_{k}"),
            };
            let text = self.file_text(&spec, &body);
            self.p.files.insert(at(&file), text);
        }
        self.write_extras(i, &name, &at);
    }

    /// Test files, hidden files, a cgo file, an ignored `package main`
    /// file; in faulty projects a file of another package and unparsable
    /// files.
    fn write_extras(&mut self, i: usize, name: &str, at: &dyn Fn(&str) -> String) {
        if self.rng.chance(15) {
            let clause = if self.rng.chance(60) { format!("{name}_test") } else { name.to_string() };
            let clause = if self.fault(10) { "other".to_string() } else { clause };
            let text = format!(
                "package {clause}\n\nimport (\n\t\"testing\"\n\n\t\"example.com/nowhere/x\"\n)\n\nvar _ = x.X\n\nfunc TestT(t *testing.T) {{}}\n"
            );
            self.p.files.insert(at("x_test.go"), text);
        }
        if self.rng.chance(8) {
            let hidden = if self.rng.chance(50) { "_hidden.go" } else { ".hidden.go" };
            self.p.files.insert(at(hidden), "package zz\n\nimport \"nowhere/at/all\"\n".into());
        }
        if self.rng.chance(7) {
            let clause = if self.fault(10) { "other" } else { name };
            let text = format!(
                "package {clause}\n\nimport \"C\"\n\nvar _ = C.int(0)\n\nfunc init() {{ println(\"cgo {i}\") }}\n"
            );
            self.p.files.insert(at("cgo.go"), text);
        }
        if self.rng.chance(5) {
            let text = "//go:build ignore\n\npackage main\n\nimport \"nowhere/gen\"\n\nfunc main() { gen.Run() }\n";
            self.p.files.insert(at("gen.go"), text.into());
        }
        if self.fault(3) {
            self.p.files.insert(at("zother.go"), format!("package other{i}\n"));
        }
        if self.fault(2) {
            let text = match self.rng.below(3) {
                0 => format!("pakage {name}\n"),
                1 => format!("package {name}\n\nimport \"fmt\n"),
                _ => format!("package {name}\n\nfunc g() {{\n"),
            };
            self.p.files.insert(at("zbroken.go"), text);
        }
    }

    /// One file: header, package clause, imports (each used once, by a
    /// plain, renamed, dot or blank import), a printing variable and init.
    fn file_text(&mut self, spec: &FileSpec, body: &str) -> String {
        let FileSpec { header, name, imports, tag, var } = spec;
        let mut out = format!("{header}package {name}\n");
        let mut uses = String::new();
        let mut names: Vec<String> = Vec::new();
        let mut dot = false;
        if !imports.is_empty() {
            out.push_str("\nimport (\n");
        }
        for (n, t) in imports.iter().enumerate() {
            let form = self.rng.below(100);
            let can_dot = !dot && t.path != "unsafe" && !t.sym.contains('(');
            if form < 15 {
                out.push_str(&format!("\t_ \"{}\"\n", t.path));
            } else if form < 25 && can_dot {
                dot = true;
                out.push_str(&format!("\t. \"{}\"\n", t.path));
                uses.push_str(&format!("var _ = {}\n", t.sym));
            } else if form < 40 || names.contains(&t.name) || t.name == *name {
                let alias = format!("x{n}");
                out.push_str(&format!("\t{alias} \"{}\"\n", t.path));
                uses.push_str(&format!("var _ = {alias}.{}\n", t.sym));
            } else {
                names.push(t.name.clone());
                out.push_str(&format!("\t\"{}\"\n", t.path));
                uses.push_str(&format!("var _ = {}.{}\n", t.name, t.sym));
            }
        }
        if !imports.is_empty() {
            out.push_str(")\n");
        }
        out.push('\n');
        out.push_str(&uses);
        if !uses.is_empty() {
            out.push('\n');
        }
        out.push_str(&format!("var {var} = func() int {{ println(\"var {tag}\"); return 0 }}()\n\n"));
        out.push_str(&format!("func init() {{ println(\"init {tag}\") }}\n"));
        if !body.is_empty() {
            out.push('\n');
            out.push_str(body);
        }
        out
    }

    /// The main module's go.mod (and go.sum), sometimes broken.
    fn write_go_mod(&mut self) {
        let module = match self.rng.below(100) {
            0 if self.fault(100) => String::new(),
            1 => format!("module \"{}\"\n", self.module),
            2 if self.fault(100) => format!("module {} extra\n", self.module),
            3 if self.fault(100) => format!("module {0}\nmodule {0}\n", self.module),
            4 => format!("module {} // the module\n", self.module),
            _ => format!("module {}\n", self.module),
        };
        let mut text = module;
        if let Some(v) = self.go {
            text.push_str(&format!("\ngo {v}\n"));
        }
        if self.rng.chance(8) {
            // A toolchain line equal to the go line, or `default`, is one
            // `go mod tidy` would remove: the go command wants it gone.
            let same = self.go.map_or("go1.27.3".to_string(), |v| format!("go{v}"));
            let tc = if same == "go1.27.3" { "go1.21.0" } else { *self.rng.pick(&["go1.27.3", "go1.21.0"]) };
            let bad = *self.rng.pick(&["go1.28", "1.27", "go1.27.3 x", "default", same.as_str()]);
            let tc = if self.fault(40) { bad } else { tc };
            text.push_str(&format!("\ntoolchain {tc}\n"));
        }
        if self.rng.chance(4) {
            let one = self.rng.chance(50);
            text.push_str(if one { "\ngodebug panicnil=1\n" } else { "\ngodebug (\n\tpanicnil=0\n)\n" });
        }
        let mut requires: Vec<String> = Vec::new();
        let mut replaces: Vec<String> = Vec::new();
        use DepMode::*;
        match self.dep {
            Absent | NotRequired => {}
            Required | NotCached | Vendored => requires.push(format!("{DEP} v1.0.0")),
            NonCanonical => requires.push(format!("{DEP} v1.0")),
            ReplaceDir => {
                requires.push(format!("{DEP} v1.0.0"));
                let (at, to) = *self.rng.pick(&[("", "../depsrc"), (" v1.0.0", "./depsrc")]);
                let faulty = *self.rng.pick(&[("", "../nowhere"), (" v1.1.0", "../depsrc")]);
                let (at, to) = if self.fault(50) { faulty } else { (at, to) };
                replaces.push(format!("{DEP}{at} => {to}"));
            }
            ReplaceVersion => {
                requires.push(format!("{DEP} v1.0.0"));
                let to = if self.fault(30) { "v1.2.0" } else { "v1.1.0" };
                replaces.push(format!("{DEP} => {DEP} {to}"));
            }
        }
        if self.other == OtherMode::Replace {
            requires.push("example.com/other v0.0.0".into());
            let to = if self.other_dir == "m/other" { "./other" } else { "../other" };
            replaces.push(format!("example.com/other => {to}"));
        }
        if self.rng.chance(30) && !requires.is_empty() {
            text.push_str("\nrequire (\n");
            for req in &requires {
                let indirect = if self.rng.chance(20) { " // indirect" } else { "" };
                text.push_str(&format!("\t{req}{indirect}\n"));
            }
            text.push_str(")\n");
        } else {
            for req in &requires {
                text.push_str(&format!("\nrequire {req}\n"));
            }
        }
        for rep in &replaces {
            text.push_str(&format!("\nreplace {rep}\n"));
        }
        match self.rng.below(100) {
            0 => text.push_str("\nexclude example.com/dep v0.9.0\n"),
            1 if self.fault(100) => text.push_str("\nretract v0.0.1\n"),
            2 if self.fault(100) => text.push_str("\nfrobnicate everything\n"),
            3 if self.fault(100) => text.push_str("\nrequire\n"),
            4 if self.fault(100) => text.push_str("\nreplace example.com/dep => \n"),
            5 if self.fault(100) => text.push_str("\nrequire (\n\texample.com/dep v1.0.0\n"),
            _ => {}
        }
        self.p.files.insert("m/go.mod".into(), text);
        for (dir, p) in [("empty", 0), ("onlytest", 1), ("onlyignored", 2)] {
            if self.rng.chance(8) {
                match p {
                    0 => self.p.dirs.push(format!("m/{dir}")),
                    1 => drop(self.p.files.insert(format!("m/{dir}/a_test.go"), "package onlytest\n".into())),
                    _ => drop(self.p.files.insert(format!("m/{dir}/a.go"), "//go:build ignore\n\npackage x\n".into())),
                }
            }
        }
    }

    /// The dependency's versions in the cache, its replacement directory,
    /// its vendored copy.
    fn write_dep(&mut self) {
        use DepMode::*;
        let dep = self.dep;
        let files = |version: &str, go: &str, module: &str| -> Vec<(String, String)> {
            let mut out = vec![("go.mod".to_string(), format!("module {module}\n\ngo {go}\n"))];
            for (dir, name, sym) in DEP_PKGS {
                let imp = if dir.is_empty() {
                    format!("\nimport \"{DEP}/internal/i\"\n\nvar _ = i.I\n")
                } else {
                    String::new()
                };
                let file = if dir.is_empty() { "dep.go".to_string() } else { format!("{dir}/{name}.go") };
                let text = format!(
                    "package {name}\n{imp}\nfunc {sym}() int {{ return 1 }}\n\nfunc init() {{ println(\"init {DEP}/{dir} {version}\") }}\n"
                );
                out.push((file, text));
            }
            out
        };
        let in_cache = dep != Absent && (dep != Vendored || self.rng.chance(50));
        if in_cache {
            self.p.files.insert("m/go.sum".into(), GO_SUM_MARK.into());
            for (f, t) in files("v1.0.0", self.dep_go, DEP) {
                self.p.files.insert(format!("_deps/{DEP}@v1.0.0/{f}"), t);
            }
            if dep == NotCached {
                self.p.files.insert(format!("_deps/{DEP}@v1.0.0/{NOT_IN_CACHE}"), String::new());
            }
            if self.fault(8) {
                let kind = *self.rng.pick(&["files", "go.mod", "hash", "malformed"]);
                self.p.files.insert(format!("_deps/{DEP}@v1.0.0/{GO_SUM_FAULT}"), format!("{kind}\n"));
            }
            if dep == ReplaceVersion || self.rng.chance(10) {
                let module = if self.fault(10) { "example.com/wrong" } else { DEP };
                for (f, t) in files("v1.1.0", "1.21", module) {
                    self.p.files.insert(format!("_deps/{DEP}@v1.1.0/{f}"), t);
                }
            }
        }
        if dep == ReplaceDir && !self.fault(30) {
            let module = match self.rng.below(10) {
                0 if self.fault(100) => None,
                1 if self.fault(100) => Some("example.com/wrong"),
                _ => Some(DEP),
            };
            for (f, t) in files("local", "1.21", module.unwrap_or(DEP)) {
                if f == "go.mod" && module.is_none() {
                    continue;
                }
                self.p.files.insert(format!("depsrc/{f}"), t.clone());
                self.p.files.insert(format!("m/depsrc/{f}"), t);
            }
        }
        if dep == Vendored {
            let (explicit, version) = match self.rng.below(10) {
                0 if self.fault(100) => ("", "v1.0.0"),
                1 if self.fault(100) => ("## explicit; go 1.21\n", "v1.1.0"),
                2 => ("## explicit\n", "v1.0.0"),
                _ => ("## explicit; go 1.21\n", "v1.0.0"),
            };
            let mut list = format!("# {DEP} {version}\n{explicit}");
            for (dir, _, _) in DEP_PKGS {
                if !self.fault(10) {
                    list.push_str(&if dir.is_empty() { format!("{DEP}\n") } else { format!("{DEP}/{dir}\n") });
                }
            }
            if !self.fault(10) {
                self.p.files.insert("m/vendor/modules.txt".into(), list);
            }
            for (f, t) in files("vendored", "1.21", DEP) {
                if f != "go.mod" && !self.fault(5) {
                    self.p.files.insert(format!("m/vendor/{DEP}/{f}"), t);
                }
            }
        }
    }

    /// The module `example.com/other` and, in workspace mode, go.work.
    fn write_other(&mut self) {
        if self.other == OtherMode::Absent && !self.fault(5) {
            return;
        }
        let dir = self.other_dir;
        match self.rng.below(10) {
            0 if self.fault(100) => {}
            1 if self.fault(100) => {
                self.p.files.insert(format!("{dir}/go.mod"), "module example.com/wrong\n\ngo 1.21\n".into());
            }
            _ => drop(self.p.files.insert(format!("{dir}/go.mod"), "module example.com/other\n\ngo 1.21\n".into())),
        }
        let text = "package p\n\nfunc P() int { return 2 }\n\nfunc init() { println(\"init example.com/other/p\") }\n";
        self.p.files.insert(format!("{dir}/p/p.go"), text.into());
        if self.other != OtherMode::Workspace {
            return;
        }
        // A sound go.work's go line is at least its modules'.
        let go = self.go.unwrap_or("1.27");
        let faulty = *self.rng.pick(&["1.22", "1.21", "1.30", "1.27.x", ""]);
        let go = if self.fault(30) { faulty } else { go };
        let mut work = if go.is_empty() { String::new() } else { format!("go {go}\n\n") };
        let rel = if dir == "m/other" { "./other" } else { "../other" };
        let mut uses: Vec<&str> = vec![".", rel];
        match self.rng.below(12) {
            0 if self.fault(100) => drop(uses.remove(0)),
            1 if self.fault(100) => uses.push("./nowhere"),
            2 if self.fault(100) => uses.push("."),
            3 if self.fault(100) => uses.push("./a"),
            _ => {}
        }
        if self.rng.chance(50) {
            work.push_str("use (\n");
            for u in &uses {
                work.push_str(&format!("\t{u}\n"));
            }
            work.push_str(")\n");
        } else {
            for u in &uses {
                work.push_str(&format!("use {u}\n"));
            }
        }
        match self.rng.below(12) {
            0 if self.fault(100) => work.push_str("\nreplace example.com/dep => ../nowhere\n"),
            1 if self.fault(100) => work.push_str("\nfrobnicate\n"),
            2 => work.push_str("\ntoolchain go1.27.3\n"),
            _ => {}
        }
        self.p.files.insert("m/go.work".into(), work);
    }

    /// Where to run and what to give `run`.
    fn choose_run(&mut self) {
        let main_dir = self.pkgs[0].dir.clone();
        let main_at = if main_dir.is_empty() { "m".to_string() } else { format!("m/{main_dir}") };
        let other_pkg = (self.pkgs.len() > 1).then(|| 1 + self.rng.index(self.pkgs.len() - 1));
        self.p.cwd = match self.rng.below(100) {
            0..=76 => "m".into(),
            77..=86 => main_at.clone(),
            87..=97 => match other_pkg {
                Some(j) if !self.pkgs[j].dir.is_empty() => format!("m/{}", self.pkgs[j].dir),
                _ => "m".into(),
            },
            _ if self.fault(100) => String::new(),
            _ => "m".into(),
        };
        let cwd = self.p.cwd.clone();
        let mut args: Vec<String> = Vec::new();
        if self.rng.chance(20) {
            args.push(self.rng.pick(&TAGS).to_string());
        }
        let main_files: Vec<String> = self
            .p
            .files
            .keys()
            .filter(|f| f.ends_with(".go"))
            .filter(|f| f.strip_prefix(&format!("{main_at}/")).is_some_and(|rest| !rest.contains('/')))
            .filter(|f| !f.ends_with("_test.go") || !self.sound)
            .map(|f| relative(&cwd, f))
            .filter(|f| !f.rsplit('/').next().unwrap_or(f).starts_with(['_', '.']))
            .collect();
        let choice = self.rng.below(100);
        let choice = if choice >= 85 && self.sound { choice % 85 } else { choice };
        match choice {
            0..=54 => args.push(dir_operand(&cwd, &main_at)),
            55..=69 => args.push(self.pkgs[0].path.clone()),
            70..=84 => {
                let all = self.rng.chance(70);
                for f in &main_files {
                    if all || f.ends_with("/main.go") || f == "main.go" {
                        args.push(f.clone());
                    }
                }
                if args.iter().all(|a| !a.ends_with(".go")) {
                    let any = main_files.iter().find(|f| !f.ends_with("_test.go"));
                    args.push(any.cloned().unwrap_or_else(|| relative(&cwd, &format!("{main_at}/main.go"))));
                }
            }
            85..=89 => match other_pkg {
                Some(j) => {
                    let p = &self.pkgs[j];
                    let at = if p.dir.is_empty() { "m".to_string() } else { format!("m/{}", p.dir) };
                    let path = p.path.clone();
                    args.push(if self.rng.chance(50) { dir_operand(&cwd, &at) } else { path });
                }
                None => args.push(dir_operand(&cwd, "m/nope")),
            },
            90..=92 => args.push(dir_operand(&cwd, "m/nope")),
            93..=94 => args.push(format!("{}/nope", self.module)),
            95 => args.push("./...".into()),
            96 => args.push("fmt".into()),
            97 => args.push(if main_dir.is_empty() { "cmd/tool".into() } else { main_dir.clone() }),
            _ => {
                args.push(relative(&cwd, &format!("{main_at}/main.go")));
                let other = self
                    .p
                    .files
                    .keys()
                    .find(|f| f.starts_with("m/") && f.ends_with(".go") && !f.starts_with(&format!("{main_at}/")));
                args.push(relative(&cwd, other.map_or("m/x.go", |s| s.as_str())));
            }
        }
        self.p.args = args;
    }
}

/// The last element of an import path.
fn last(path: &str) -> String {
    path.rsplit('/').next().unwrap_or(path).to_string()
}

/// `to` (a path below the scratch root) relative to directory `from`.
fn relative(from: &str, to: &str) -> String {
    let f: Vec<&str> = from.split('/').filter(|s| !s.is_empty()).collect();
    let t: Vec<&str> = to.split('/').filter(|s| !s.is_empty()).collect();
    let common = f.iter().zip(&t).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<&str> = vec![".."; f.len() - common];
    parts.extend(&t[common..]);
    if parts.is_empty() { ".".into() } else { parts.join("/") }
}

/// A directory operand as the go command wants it: `.`, `./x`, `../x`.
fn dir_operand(from: &str, to: &str) -> String {
    match relative(from, to) {
        r if r == "." || r.starts_with("..") => r,
        r => format!("./{r}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_project() {
        for seed in 0..200 {
            assert_eq!(generate(seed), generate(seed), "seed {seed}");
        }
    }

    #[test]
    fn relative_paths() {
        assert_eq!(relative("m", "m/a/b.go"), "a/b.go");
        assert_eq!(relative("m/a", "m"), "..");
        assert_eq!(relative("m/a", "m/cmd/tool"), "../cmd/tool");
        assert_eq!(relative("", "m/main.go"), "m/main.go");
        assert_eq!(dir_operand("m", "m"), ".");
        assert_eq!(dir_operand("m", "m/cmd/tool"), "./cmd/tool");
    }

    #[test]
    fn every_project_has_a_go_mod_and_a_run_line() {
        for seed in 0..200 {
            let p = generate(seed);
            assert!(p.files.contains_key("m/go.mod"), "seed {seed}");
            assert!(!p.args.is_empty(), "seed {seed}");
        }
    }
}
