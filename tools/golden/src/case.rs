//! The corpus: which programs exist, and what each one's header asks for.
//!
//! Layout (`tests/go/` is the corpus root):
//!
//! ```text
//! tests/go/<area>/<name>.go        a single-file program
//! tests/go/<area>/<name>.golden    its expectation (see `expect`)
//! tests/go/<area>/<name>/*.go      a package main spread over several files,
//! tests/go/<area>/<name>.golden    run as `deft run <name>` (a directory)
//! tests/go/<area>/<name>/go.mod    a project: a whole module (or a go.work
//! tests/go/<area>/<name>.golden    workspace) run from inside the directory
//! ```
//!
//! Every program opens with a recipe in Go's own style (`test/run.go`): the
//! first line is `// run` (gc builds it; it is run) or `// errorcheck` (gc
//! rejects it; the expectation is gc's diagnostics). Comment lines directly
//! below it may add `// deft-flags: FLAGS`, build flags given identically to
//! `go build` and to `deft run`, e.g. `// deft-flags: -gcflags=-d=defer`.
//! Flags are split like a shell would split them (`'...'` and `"..."`).
//! `// deft-stdin: FILE` names a file next to the program (or in the
//! project) that both compilers' runs of it read as standard input
//! (otherwise standard input is empty).
//! For a directory, the recipe is read from its first file in name order.
//!
//! **Projects.** A directory whose `go.mod` (or, without one, `go.work`)
//! opens with a recipe is a project (the `modules/` area holds them): a
//! module with packages in subdirectories, `internal/`, `vendor/`, local
//! `replace` targets, workspace members, and the sources of its
//! third-party dependencies under `_deps/` (see `modcache`). Its header may
//! also say what `go run` is given and where it runs:
//!
//! ```text
//! // run
//! // deft-flags: -gcflags=-d=defer
//! // deft-run: ./cmd/tool arg1 arg2
//! // deft-dir: sub
//!
//! module example.com/m
//! ```
//!
//! A project whose header has `// deft-test: WORDS` (the words after the
//! flags, as to `go test`, possibly none) is a *test case* instead: both
//! run `go test`/`deft test FLAGS WORDS` from the project, and standard
//! output, where go test puts everything the test binary prints, is
//! compared as standard error is (see `compare::compare_case`). Its
//! recipe says whether go test builds the package (`// run`; its tests
//! may fail) or not (`// errorcheck`: `[build failed]`).
//!
//! `// deft-run:` gives the words after the flags, as to `go run`:
//! `.go` files, or one package (a directory such as `./cmd/tool` or an
//! import path such as `example.com/m/cmd/tool`), then the program's
//! arguments; by default `.`. `// deft-dir:` names the directory, relative
//! to the project, that both compilers run from (default: the project
//! itself). Both run with the environment of [`Project::environment`]: a
//! fresh module cache holding `_deps/`, no network.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::gc::TempDir;
use crate::modcache::{self, DEPS_DIR, Dep};

/// What the recipe line says gc does with the program.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recipe {
    /// `// run`: gc builds it, and it is run.
    Run,
    /// `// errorcheck`: gc rejects it with diagnostics.
    ErrorCheck,
}

/// One program of the corpus.
#[derive(Clone, Debug)]
pub struct Case {
    /// Path relative to the corpus root, with `/`: `defer/order.go`, `multi/initorder`.
    pub name: String,
    /// The directory both compilers are run from: the area directory, or
    /// for a project the project (or its `// deft-dir:`).
    pub cwd: PathBuf,
    /// The words given to `deft run` after the flags, relative to `cwd`:
    /// the file or directory name; for a project, its `// deft-run:` words
    /// (operands, then the program's arguments).
    pub args: Vec<String>,
    /// Whether the case is a directory (a package or a project).
    pub is_dir: bool,
    /// Base names of the program's `.go` files, sorted; empty for a
    /// project, whose paths are normalized by directory (see `normalize`).
    pub files: Vec<String>,
    /// The recipe; `None` for a file outside the corpus that has none.
    pub recipe: Option<Recipe>,
    /// Extra build flags from `// deft-flags:`.
    pub flags: Vec<String>,
    /// Where the expectation lives.
    pub golden: PathBuf,
    /// For a project, what it consists of.
    pub project: Option<Project>,
    /// Whether the case runs `go test`/`deft test` (`// deft-test:`);
    /// `args` are then its words.
    pub test: bool,
    /// The file the program reads as standard input (`// deft-stdin:`);
    /// else it reads an empty one.
    pub stdin: Option<PathBuf>,
}

/// A case that is a whole module project (see the module doc).
#[derive(Clone, Debug)]
pub struct Project {
    /// The project's directory, holding its go.mod or go.work.
    pub root: PathBuf,
    /// The paths of the modules the project declares: the `module` line of
    /// every go.mod in it (its own, workspace members, local `replace`
    /// targets, `_deps/`) and the modules of `vendor/modules.txt`. Frames
    /// of their packages are compared in traces as `main.*` frames are.
    pub modules: Vec<String>,
    /// The third-party modules of `_deps/`, put in the module cache.
    pub deps: Vec<Dep>,
}

/// The header lines of a program (or of a project's go.mod).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Header {
    /// The recipe, if the first line is one.
    pub recipe: Option<Recipe>,
    /// `// deft-flags:` words.
    pub flags: Vec<String>,
    /// `// deft-run:` words, if the line is present (projects only).
    pub run: Option<Vec<String>>,
    /// `// deft-dir:`, if present (projects only).
    pub dir: Option<String>,
    /// `// deft-test:` words, if the line is present (projects only).
    pub test: Option<Vec<String>>,
    /// `// deft-stdin:`, the file (next to the program, or in the project)
    /// given to the program as standard input.
    pub stdin: Option<String>,
}

impl Case {
    /// Reads the case at `path` (a `.go` file, a directory of them, or a
    /// project directory). `name` is how reports call it.
    pub fn load(path: &Path, name: String) -> Result<Case, String> {
        let parent = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let parent = if parent.as_os_str().is_empty() { PathBuf::from(".") } else { parent };
        let base = path
            .file_name()
            .and_then(|n| n.to_str())
            .ok_or_else(|| format!("{}: not a file name", path.display()))?
            .to_string();
        let golden = parent.join(format!("{}.golden", base.trim_end_matches(".go")));
        if let Some(header_file) = project_header_file(path) {
            return Case::load_project(path, name, &header_file, golden);
        }
        let is_dir = path.is_dir();
        let files = if is_dir { go_files(path)? } else { vec![base.clone()] };
        let first = if is_dir { path.join(&files[0]) } else { path.to_path_buf() };
        let source = fs::read_to_string(&first).map_err(|e| format!("{}: {e}", first.display()))?;
        let header = parse_header(&source).map_err(|e| format!("{}: {e}", first.display()))?;
        if header.run.is_some() || header.dir.is_some() || header.test.is_some() {
            return Err(format!(
                "{}: `// deft-run:`, `// deft-dir:` and `// deft-test:` are for projects",
                first.display()
            ));
        }
        let (recipe, flags) = (header.recipe, header.flags);
        let stdin = header.stdin.map(|f| parent.join(f));
        Ok(Case {
            name,
            stdin,
            cwd: parent,
            args: vec![base],
            is_dir,
            files,
            recipe,
            flags,
            golden,
            project: None,
            test: false,
        })
    }

    fn load_project(root: &Path, name: String, header_file: &Path, golden: PathBuf) -> Result<Case, String> {
        let source = fs::read_to_string(header_file).map_err(|e| format!("{}: {e}", header_file.display()))?;
        let header = parse_header(&source).map_err(|e| format!("{}: {e}", header_file.display()))?;
        let root = root.canonicalize().map_err(|e| format!("{}: {e}", root.display()))?;
        let cwd = match &header.dir {
            Some(dir) => root.join(dir),
            None => root.clone(),
        };
        if !cwd.is_dir() {
            return Err(format!("{}: `// deft-dir:` {} is not a directory", header_file.display(), cwd.display()));
        }
        let mut modules = Vec::new();
        module_paths(&root, &mut modules)?;
        modules.sort();
        modules.dedup();
        let deps = modcache::find_deps(&root)?;
        if header.run.is_some() && header.test.is_some() {
            return Err(format!("{}: `// deft-run:` and `// deft-test:` exclude each other", header_file.display()));
        }
        let test = header.test.is_some();
        Ok(Case {
            name,
            stdin: header.stdin.map(|f| root.join(f)),
            cwd,
            test,
            args: header.test.or(header.run).unwrap_or_else(|| vec![".".to_string()]),
            is_dir: true,
            files: Vec::new(),
            recipe: header.recipe,
            flags: header.flags,
            golden,
            project: Some(Project { root, modules, deps }),
        })
    }

    /// The directory holding the program's files (for a project, the
    /// directory it runs from).
    pub fn source_dir(&self) -> PathBuf {
        match (&self.project, self.is_dir) {
            (Some(_), _) => self.cwd.clone(),
            (None, true) => self.cwd.join(&self.args[0]),
            (None, false) => self.cwd.clone(),
        }
    }

    /// The program's own module paths, whose frames traces are compared
    /// by (besides `main.*`); empty for a case that is not a project.
    pub fn own_modules(&self) -> &[String] {
        self.project.as_ref().map_or(&[], |p| &p.modules)
    }
}

/// The file holding a project's header: the directory's go.mod, or its
/// go.work when it has no go.mod, if that file opens with a recipe.
fn project_header_file(dir: &Path) -> Option<PathBuf> {
    let file = ["go.mod", "go.work"].iter().map(|f| dir.join(f)).find(|f| f.is_file())?;
    let text = fs::read_to_string(&file).ok()?;
    parse_header(&text).ok()?.recipe.map(|_| file)
}

/// Collects the `module` lines of every go.mod under `dir` and the `# PATH
/// VERSION` lines of every vendor/modules.txt.
fn module_paths(dir: &Path, out: &mut Vec<String>) -> Result<(), String> {
    for entry in fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if path.is_dir() {
            module_paths(&path, out)?;
            continue;
        }
        let is_vendor_list = name == "modules.txt" && path.parent().is_some_and(|p| p.ends_with("vendor"));
        if name != "go.mod" && !is_vendor_list {
            continue;
        }
        let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        for line in text.lines() {
            let words: Vec<&str> = line.split_whitespace().collect();
            match words.as_slice() {
                ["module", m, ..] if name == "go.mod" => out.push(m.trim_matches('"').to_string()),
                ["#", m, _version, ..] if is_vendor_list => out.push(m.to_string()),
                _ => {}
            }
        }
    }
    Ok(())
}

impl Project {
    /// The environment both compilers run a project in: a fresh module
    /// cache (see `modcache`) holding `_deps/`, the network off, and
    /// nothing from the user's own Go configuration:
    ///
    /// `GOMODCACHE=<fresh> GOPROXY=off GOSUMDB=off GOFLAGS= GOTOOLCHAIN=local
    /// GOENV=off GO111MODULE= PWD=<cwd>`, `GOWORK` unset.
    pub fn environment(&self, cwd: &Path) -> Result<RunEnv, String> {
        let cache = TempDir::new("gomodcache").map_err(|e| format!("temporary directory: {e}"))?;
        modcache::build(&self.deps, &cache.0)?;
        let vars = vec![
            ("GOMODCACHE", cache.0.to_string_lossy().into_owned()),
            ("GOPROXY", "off".to_string()),
            ("GOSUMDB", "off".to_string()),
            ("GOFLAGS", String::new()),
            ("GOTOOLCHAIN", "local".to_string()),
            ("GOENV", "off".to_string()),
            ("GO111MODULE", String::new()),
            ("PWD", cwd.to_string_lossy().into_owned()),
        ];
        Ok(RunEnv { cache, vars })
    }

    /// The `go.sum` lines of `_deps/` that no go.sum (or go.work.sum) of
    /// the project holds: blessing refuses a project that lacks any.
    pub fn missing_go_sum_lines(&self) -> Result<Vec<String>, String> {
        let mut sums = String::new();
        collect_go_sums(&self.root, &mut sums)?;
        let mut missing = Vec::new();
        for dep in &self.deps {
            for line in dep.go_sum_lines()? {
                if !sums.lines().any(|l| l.trim() == line) {
                    missing.push(line);
                }
            }
        }
        Ok(missing)
    }
}

fn collect_go_sums(dir: &Path, out: &mut String) -> Result<(), String> {
    for entry in fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if path.is_dir() && name != DEPS_DIR {
            collect_go_sums(&path, out)?;
        } else if name == "go.sum" || name == "go.work.sum" {
            out.push_str(&fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?);
            out.push('\n');
        }
    }
    Ok(())
}

/// A project's environment, alive as long as its module cache is needed.
pub struct RunEnv {
    /// The module cache directory, removed when this is dropped.
    pub cache: TempDir,
    /// The variables to set (see [`Project::environment`]).
    pub vars: Vec<(&'static str, String)>,
}

impl RunEnv {
    /// Sets the variables on `cmd` and removes `GOWORK`.
    pub fn apply(&self, cmd: &mut Command) {
        cmd.envs(self.vars.iter().map(|(k, v)| (k, v))).env_remove("GOWORK");
    }
}

/// Splits `go run`'s words as the go command does: leading `.go` files,
/// else one package; the rest are the program's arguments.
pub fn split_run_args(args: &[String]) -> (&[String], &[String]) {
    let files = args.iter().take_while(|a| a.ends_with(".go")).count();
    let n = if files > 0 { files } else { args.len().min(1) };
    args.split_at(n)
}

/// The `.go` files of a directory, sorted by name.
fn go_files(dir: &Path) -> Result<Vec<String>, String> {
    let mut files: Vec<String> = fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n.ends_with(".go"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!("{}: no .go files", dir.display()));
    }
    Ok(files)
}

/// Parses the recipe and the `// deft-…:` lines right below it at the top
/// of a program (or of a project's go.mod or go.work).
pub fn parse_header(source: &str) -> Result<Header, String> {
    let mut lines = source.lines();
    let recipe = match lines.next().map(str::trim_end) {
        Some("// run") => Some(Recipe::Run),
        Some("// errorcheck") => Some(Recipe::ErrorCheck),
        _ => None,
    };
    let mut header = Header { recipe, ..Header::default() };
    if recipe.is_some() {
        for line in lines.take_while(|l| l.starts_with("//")) {
            if let Some(rest) = line.strip_prefix("// deft-flags:") {
                header.flags.extend(split_quoted(rest)?);
            } else if let Some(rest) = line.strip_prefix("// deft-run:") {
                let words = split_quoted(rest)?;
                if words.is_empty() {
                    return Err("`// deft-run:` needs at least an operand".into());
                }
                header.run = Some(words);
            } else if let Some(rest) = line.strip_prefix("// deft-test:") {
                header.test = Some(split_quoted(rest)?);
            } else if let Some(rest) = line.strip_prefix("// deft-dir:") {
                header.dir = Some(rest.trim().to_string());
            } else if let Some(rest) = line.strip_prefix("// deft-stdin:") {
                header.stdin = Some(rest.trim().to_string());
            }
        }
    }
    Ok(header)
}

/// Splits a flag string into words, honouring `'...'` and `"..."` quoting.
pub fn split_quoted(s: &str) -> Result<Vec<String>, String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut quote: Option<char> = None;
    for c in s.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => word.push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                in_word = true;
            }
            (None, c) if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            (None, c) => {
                word.push(c);
                in_word = true;
            }
        }
    }
    if quote.is_some() {
        return Err(format!("unterminated quote in {s:?}"));
    }
    if in_word {
        words.push(word);
    }
    Ok(words)
}

/// Every case under the corpus root, sorted by name. A program without a
/// recipe line is an error: the corpus is data, and its recipe says what the
/// data means.
pub fn discover(root: &Path) -> Result<Vec<Case>, String> {
    let mut cases = Vec::new();
    let mut areas = sorted_entries(root)?;
    areas.retain(|p| p.is_dir());
    for area in areas {
        let area_name = file_name(&area);
        for entry in sorted_entries(&area)? {
            let base = file_name(&entry);
            let is_case = entry.is_dir() || base.ends_with(".go");
            if !is_case {
                continue;
            }
            let case = Case::load(&entry, format!("{area_name}/{base}"))?;
            if case.recipe.is_none() {
                return Err(format!("{}: first line must be `// run` or `// errorcheck`", case.name));
            }
            cases.push(case);
        }
    }
    Ok(cases)
}

fn sorted_entries(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut v: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    v.sort();
    Ok(v)
}

fn file_name(p: &Path) -> String {
    p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_with_stdin() {
        let h = parse_header("// run\n// deft-stdin: in.txt\n\npackage main\n").unwrap();
        assert_eq!(h.stdin.as_deref(), Some("in.txt"));
        assert_eq!(parse_header("// run\n\npackage main\n").unwrap().stdin, None);
    }

    #[test]
    fn header_with_flags() {
        let src = "// run\n// deft-flags: -gcflags='-N -d=defer'\n\npackage main\n";
        let h = parse_header(src).unwrap();
        assert_eq!(h.recipe, Some(Recipe::Run));
        assert_eq!(h.flags, ["-gcflags=-N -d=defer"]);
        assert_eq!((h.run, h.dir), (None, None));
    }

    #[test]
    fn header_missing() {
        assert_eq!(parse_header("package main\n").unwrap(), Header::default());
        assert_eq!(parse_header("// errorcheck\npackage main\n").unwrap().recipe, Some(Recipe::ErrorCheck));
    }

    #[test]
    fn discovers_files_and_directories() {
        let tmp = crate::gc::TempDir::new("case-test").unwrap();
        let area = tmp.0.join("area");
        std::fs::create_dir_all(area.join("multi")).unwrap();
        std::fs::write(area.join("b.go"), "// errorcheck\n\npackage main\n").unwrap();
        std::fs::write(area.join("b.golden"), "").unwrap();
        std::fs::write(area.join("multi/z.go"), "package main\n").unwrap();
        std::fs::write(area.join("multi/a.go"), "// run\n// deft-flags: -gcflags=-N\n\npackage main\n").unwrap();
        let cases = discover(&tmp.0).unwrap();
        let names: Vec<&str> = cases.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["area/b.go", "area/multi"]);
        let multi = &cases[1];
        assert!(multi.is_dir);
        assert_eq!(multi.files, ["a.go", "z.go"]);
        assert_eq!(multi.flags, ["-gcflags=-N"]);
        assert_eq!(multi.golden, area.join("multi.golden"));
        assert_eq!(cases[0].recipe, Some(Recipe::ErrorCheck));
        std::fs::write(area.join("c.go"), "package main\n").unwrap();
        assert!(discover(&tmp.0).unwrap_err().contains("area/c.go"));
    }

    #[test]
    fn discovers_projects() {
        let tmp = crate::gc::TempDir::new("case-project").unwrap();
        let proj = tmp.0.join("modules/tool");
        std::fs::create_dir_all(proj.join("cmd/tool")).unwrap();
        std::fs::create_dir_all(proj.join("_deps/example.com/Dep@v1.0.0")).unwrap();
        std::fs::create_dir_all(proj.join("vendor")).unwrap();
        let go_mod = "// run\n// deft-run: ./cmd/tool 'a b' c\n// deft-dir: cmd\n\nmodule example.com/m\n\ngo 1.27\n";
        std::fs::write(proj.join("go.mod"), go_mod).unwrap();
        std::fs::write(proj.join("cmd/tool/main.go"), "package main\n").unwrap();
        std::fs::write(proj.join("_deps/example.com/Dep@v1.0.0/go.mod"), "module example.com/Dep\n").unwrap();
        std::fs::write(proj.join("vendor/modules.txt"), "# example.com/v v1.0.0\n## explicit\nexample.com/v\n")
            .unwrap();
        // A directory with a go.mod but no recipe in it is a package main.
        let plain = tmp.0.join("modules/plain");
        std::fs::create_dir_all(&plain).unwrap();
        std::fs::write(plain.join("go.mod"), "module plain\n").unwrap();
        std::fs::write(plain.join("main.go"), "// run\npackage main\n").unwrap();
        let cases = discover(&tmp.0).unwrap();
        assert_eq!(cases.len(), 2);
        assert!(cases[0].project.is_none() && cases[0].name == "modules/plain");
        let case = &cases[1];
        let project = case.project.as_ref().unwrap();
        assert_eq!(case.args, ["./cmd/tool", "a b", "c"]);
        assert_eq!(case.cwd, proj.canonicalize().unwrap().join("cmd"));
        assert_eq!(case.golden, tmp.0.join("modules/tool.golden"));
        assert_eq!(project.modules, ["example.com/Dep", "example.com/m", "example.com/v"]);
        assert_eq!(project.deps.len(), 1);
        let missing = project.missing_go_sum_lines().unwrap();
        assert_eq!(missing.len(), 2, "{missing:?}");
        std::fs::write(proj.join("go.sum"), missing.join("\n")).unwrap();
        assert_eq!(project.missing_go_sum_lines().unwrap(), Vec::<String>::new());
        let args = ["a.go", "b.go", "x"].map(String::from);
        assert_eq!(split_run_args(&args), (&args[..2], &args[2..]));
        assert_eq!(split_run_args(&args[2..]), (&args[2..], &args[3..]));
    }

    #[test]
    fn quoting() {
        assert_eq!(split_quoted(r#" a "b c" d'e' "#).unwrap(), ["a", "b c", "de"]);
        assert!(split_quoted("'x").is_err());
    }
}
