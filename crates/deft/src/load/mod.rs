//! The package loader: from the operands of `deft run` to every package of
//! the program, parsed, in initialisation order.
//!
//! Packages come from three places:
//! * **deft's overlays** (`lib/`, embedded by `build.rs` as
//!   [`stdlib::PACKAGES`]) for the standard import paths where deft keeps
//!   its own code (see [`stdsrc`]); their files join the [`SourceMap`] as
//!   `lib/<path>/<file>.go`;
//! * **Go's distribution** (`GOROOT/src`) for every other standard path,
//!   compiled as a library package (see [`stdsrc`]); a standard path Go lacks
//!   is the go command's `package x is not in std`;
//! * **modules** (see [`modules`]): the main module or workspace, vendor/,
//!   `replace` directories and the module cache.
//!
//! A package directory's files are those the build constraints admit (see
//! [`dir`]). Errors are the go command's, worded and ordered as it prints
//! them: the whole import graph is loaded (imports of a package in
//! import-path order), each package keeps its first error, and every
//! package with one is reported (see [`errors`]).
//!
//! Every package comes after the packages it imports, and among those
//! whose imports are all placed, the one with the smallest import path
//! comes first: Go 1.21's initialisation order, over gc's import graph
//! (see [`initorder`]), which the type checker and the code generator
//! follow. The program's main package is last.

mod dir;
pub mod env;
mod errors;
mod godebug;
mod header;
mod initorder;
mod inputs;
mod libdir;
mod modules;
mod pattern;
mod prune;
mod stdsrc;
mod test;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use syntax::ast::{File, NodeIds};
use syntax::{Diagnostics, SourceMap};
use types::{LangVersion, PackageSpec};

use crate::buildtags::BuildContext;
use dir::{DirError, DirFiles, Problem, read_package_dir};
use env::GoEnv;
use errors::{PackageError, StackEntry};
use header::Header;
pub use inputs::Inputs;
use modules::{Importer, Module, Modules, Provided};
pub use test::{TestLoad, load_test, standard_packages};

mod stdlib {
    include!(concat!(env!("OUT_DIR"), "/stdlib.rs"));
}

/// The go command's error for a command that needs a module, outside one.
const NO_GO_MOD: &str = "go: go.mod file not found in current directory or any parent directory; see 'go help modules'";

/// The import path the go command gives the package of files named on
/// the command line.
const COMMAND_LINE: &str = "command-line-arguments";

/// The files of a whole program, package by package (see
/// [`types::check_program`]).
pub struct Program {
    /// All files, grouped by package.
    pub files: Vec<File>,
    /// The packages, in initialisation order; the program's own last.
    pub packages: Vec<PackageSpec>,
    /// The name `go run` gives the executable (`os.Args[0]`'s base name).
    pub exec_name: String,
    /// The last package's import path as the go command names it
    /// (`example.com/m/cmd/tool`, `command-line-arguments`).
    pub main_path: String,
    /// The program's default GODEBUG (see `godebug`).
    pub godebug: String,
    /// The go-command import path of each package of `packages`.
    pub go_paths: Vec<String>,
    /// The paths whose state decided the load (for the program cache).
    pub inputs: Inputs,
    /// The packages (indices of `packages`) whose files were parsed for
    /// their declarations only (see [`Request::decls_first`]); the rest
    /// are parsed whole.
    pub decls_only: Vec<usize>,
}

impl Program {
    /// Whether package `i` is one `-gcflags=PATTERN=...` applies to (an
    /// empty pattern: the package named on the command line; `...` in a
    /// pattern matches any string, and `x/...` matches `x` too). Relative
    /// patterns (`./...`) are not supported: they match nothing.
    pub fn matches(&self, i: usize, pattern: &str) -> bool {
        let path = &self.go_paths[i];
        match pattern {
            "" => i + 1 == self.packages.len(),
            "all" => !self.packages[i].library,
            "std" => self.packages[i].library,
            _ => wildcard_match(pattern, path) || pattern.strip_suffix("/...").is_some_and(|p| p == path),
        }
    }
}

/// Whether `text` matches `pattern`, in which `...` matches any string.
fn wildcard_match(pattern: &str, text: &str) -> bool {
    match pattern.split_once("...") {
        None => pattern == text,
        Some((head, tail)) => {
            text.starts_with(head) && (head.len()..=text.len()).any(|i| wildcard_match(tail, &text[i..]))
        }
    }
}

/// What to load.
pub struct Request<'a> {
    /// The operands of `deft run`: `.go` files, or one package (a
    /// directory or an import path).
    pub operands: &'a [String],
    /// `-gcflags=-lang=go1.N`: the language version of the named package.
    pub lang: Option<LangVersion>,
    /// Packages named by their files (`--package PATH=FILE,...`): an
    /// import of `PATH`, or `./NAME` for a `PATH` ending in `NAME`, names
    /// the package of those files.
    pub explicit: &'a [(String, Vec<String>)],
    /// Extra build tags (the value of `-tags`).
    pub tags: &'a str,
    /// Only a main package may be named (`go run`'s rule; `go build` and
    /// checking take any package).
    pub main_only: bool,
    /// The packages of modules that another package imports are parsed
    /// for their declarations only (`syntax::parser::parse_decls`, a
    /// fraction of a full parse), as the package cache wants them: a hit
    /// needs no more, and a miss is parsed again whole (`pkgcache::parse_whole`).
    /// A package whose declarations have a syntax error is parsed whole
    /// at once, so that its errors are reported as a full parse reports
    /// them.
    pub decls_first: bool,
    /// The program is only checked (`--check-only`), as gc's compiler
    /// checks files (the way Go's test harness and `scripts/gc-as-deft`
    /// run it): an import no package is found for is then no load error
    /// but the compiler's, `could not import P (file not found)`, which
    /// the type checker reports ([`PackageSpec::unfound_imports`]); the
    /// go command's wording (`package P is not in std`) is `go run`'s
    /// and `go build`'s.
    pub compile_only: bool,
}

/// Loads the program `req` names. `Err` is the go command's message for a
/// program that cannot be loaded; syntax errors go to `diags` (the caller
/// renders them once the whole program is parsed).
pub fn load(
    req: &Request,
    sources: &mut SourceMap,
    ids: &mut NodeIds,
    diags: &mut Diagnostics,
) -> Result<Program, String> {
    let env = GoEnv::from_process();
    // With --package, files are compiled as Go's test harness compiles
    // them (`go tool compile`), not named as `go run` takes them.
    if req.explicit.is_empty() && req.operands.iter().all(|o| o.ends_with(".go")) {
        check_file_operands(&env, req.operands)?;
    }
    let mut modules = Modules::discover(&env.cwd, &env)?;
    if modules.is_none()
        && let [op] = req.operands
        && !op.ends_with(".go")
        && env.cwd.join(op).is_dir()
    {
        // The go command wants a module at the current directory; deft
        // also takes a package directory's own (`deft run dir` as
        // `cd dir && go run .`).
        modules = Modules::discover(&normalize(&env.cwd.join(op)), &env)?;
    }
    let mut loader = Loader::new(&env, modules.as_ref(), req, sources, ids, diags);
    // An error that ends the go command (go.mod out of date) comes before
    // the operand's.
    let root = loader.root(req).map_err(|e| modules.as_ref().and_then(Modules::fatal).unwrap_or(e))?;
    loader.visit(&root, &mut vec![StackEntry { pkg: root.clone(), from: None }]);
    // `go run` takes only a main package from a package operand: another
    // is that package's error, reported with the others.
    if req.main_only
        && root != COMMAND_LINE
        && let Some(p) = loader.packages.get_mut(&root).filter(|p| p.name != "main" && p.error.is_none())
    {
        p.error = Some(PackageError::at(&[], None, format!("package {root} is not a main package")));
    }
    loader.check_errors(&root)?;
    let pkg = &loader.packages[&root];
    let first = pkg.files.first().map(|f| PathBuf::from(&loader.sources.file(f.package_pos.file).name));
    let exec_name = exec_name(&root, &first.unwrap_or_default(), &pkg.dir);
    let godebug = loader.godebug(&root);
    let mut program = loader.assemble(root, exec_name);
    program.godebug = godebug;
    Ok(program)
}

/// The go command's refusals of file operands, made before it reads any
/// go.mod: test files; then, file by file, one that cannot be found or is
/// a directory, and files of several directories.
fn check_file_operands(env: &GoEnv, operands: &[String]) -> Result<(), String> {
    if let Some(test) = operands.iter().find(|o| o.ends_with("_test.go")) {
        return Err(format!("go: cannot run *_test.go files ({test})"));
    }
    let dir_of = |o: &String| normalize(&env.cwd.join(o)).parent().map(Path::to_path_buf).unwrap_or_default();
    for name in operands {
        match std::fs::metadata(env.cwd.join(name)) {
            Err(e) => return Err(format!("stat {name}: {}", describe_io(&e))),
            Ok(m) if m.is_dir() => return Err(format!("{name} is a directory, should be a Go file")),
            Ok(_) => {}
        }
        if dir_of(name) != dir_of(&operands[0]) {
            return Err(format!(
                "named files must all be in one directory; have {} and {}",
                env.short_path(&dir_of(&operands[0])),
                env.short_path(&dir_of(name))
            ));
        }
    }
    Ok(())
}

/// `path` with `.` and `..` components resolved lexically.
pub(crate) fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// One loaded package.
struct Loaded {
    /// Import path (`main` for the program's main package, whatever its
    /// go-command path).
    spec_path: String,
    /// The package name its files declare.
    name: String,
    files: Vec<File>,
    /// The error building it gives once loading succeeds (a package of
    /// test files only).
    build_error: Option<String>,
    /// Resolved imports, in import-path order: (as written, package key).
    imports: Vec<(String, String)>,
    library: bool,
    lang: LangVersion,
    /// Its module (`None` for the library and for files named on the
    /// command line outside any module).
    module: Option<Module>,
    /// Its directory (for `internal/` checks and messages).
    dir: PathBuf,
    /// Every import's package, failed ones included, in import-path
    /// order (the order the go command walks to report errors).
    deps: Vec<String>,
    /// Its load error (the first found), if any.
    error: Option<PackageError>,
    /// Whether its imports are being visited.
    visiting: bool,
    /// Whether its imports have all been visited.
    done: bool,
    /// Whether its files were parsed for their declarations only.
    decls_only: bool,
    /// Its imports no package was found for (see [`Request::compile_only`]).
    unfound: std::collections::BTreeSet<String>,
}

struct Loader<'e, 's> {
    env: &'e GoEnv,
    modules: Option<&'e Modules>,
    ctx: BuildContext,
    sources: &'s mut SourceMap,
    ids: &'s mut NodeIds,
    diags: &'s mut Diagnostics,
    /// Packages by go-command import path.
    packages: HashMap<String, Loaded>,
    /// The import paths of `--package` packages.
    explicit: std::collections::HashSet<String>,
    /// Why Go's distribution cannot serve the standard library, once a
    /// package needed it: the load's only error then.
    no_distribution: std::cell::OnceCell<String>,
    /// See [`Request::decls_first`].
    decls_first: bool,
    /// See [`Request::compile_only`].
    compile_only: bool,
}

/// How an import is satisfied.
enum Source {
    /// deft's overlay of a standard package (see [`stdsrc`]).
    Overlay(&'static [(&'static str, &'static str)]),
    /// A standard package compiled from Go's distribution: its directory.
    Upstream(PathBuf),
    /// A package directory of a module.
    Dir(PathBuf, Module),
}

impl<'e, 's> Loader<'e, 's> {
    /// A loader of nothing yet, for builds with tags `tags` (`-tags`).
    fn new(
        env: &'e GoEnv,
        modules: Option<&'e Modules>,
        req: &Request,
        sources: &'s mut SourceMap,
        ids: &'s mut NodeIds,
        diags: &'s mut Diagnostics,
    ) -> Loader<'e, 's> {
        Loader {
            env,
            modules,
            ctx: BuildContext::from_tags_flag(req.tags),
            sources,
            ids,
            diags,
            packages: HashMap::new(),
            explicit: Default::default(),
            no_distribution: Default::default(),
            decls_first: req.decls_first,
            compile_only: req.compile_only,
        }
    }

    /// Go's distribution at `goroot`, checked to be the one deft compiles
    /// the standard library from (the failure is remembered for
    /// [`Loader::check_errors`]).
    fn distribution<'r>(&self, goroot: Option<&'r Path>) -> Result<&'r Path, String> {
        stdsrc::check_distribution(goroot).inspect_err(|e| {
            let _ = self.no_distribution.set(e.clone());
        })
    }

    /// Loads the package the operands name; returns its import path.
    fn root(&mut self, req: &Request) -> Result<String, String> {
        if req.operands.iter().all(|o| o.ends_with(".go")) {
            return self.root_files(req);
        }
        let operand = &req.operands[0];
        let (path, dir, module) = self.root_package(operand)?;
        let DirFiles { files, problem } = self.command_line_package(&path, &dir, &self.ctx)?;
        let lang = req.lang.unwrap_or_else(|| module.as_ref().map_or(LangVersion::CURRENT, |m| m.lang));
        let files = self.parse_files(&dir, files.into_iter().map(|(p, t)| (p, t, None)).collect(), false);
        self.insert(&path, files, false, lang, module, dir);
        // Its imports are loaded all the same (their errors come first).
        if let Some(problem) = problem {
            let error = self.problem_error(problem, &[], None);
            if let Some(p) = self.packages.get_mut(&path) {
                p.error = Some(error);
            }
        }
        Ok(path)
    }

    /// The compiled files of package `path` in `dir`, named on the command
    /// line, or the go command's error for it.
    fn command_line_package(&self, path: &str, dir: &Path, ctx: &BuildContext) -> Result<DirFiles, String> {
        match read_package_dir(dir, ctx) {
            Ok(f) => Ok(f),
            Err(DirError::NoGoFiles) => Err(format!("no Go files in {}", dir.display())),
            Err(DirError::Excluded) => {
                Err(format!("package {path}: build constraints exclude all Go files in {}", dir.display()))
            }
            // `go run` refuses a package other than main before building it.
            Err(DirError::OnlyTests { name, msg }) if name == "main" => Err(format!("{path}: {msg}")),
            Err(DirError::OnlyTests { .. }) => Err(format!("package {path} is not a main package")),
        }
    }

    /// The error of a package whose files have `problem`, reached by
    /// `stack` through an import at `import_pos` (none for the package
    /// named on the command line).
    fn problem_error(&self, problem: Problem, stack: &[StackEntry], import_pos: Option<String>) -> PackageError {
        match problem {
            Problem::Bad(msg) => PackageError::at(stack, import_pos, msg),
            Problem::Syntax { file, line, col, msg } => {
                PackageError::at(stack, Some(format!("{}:{line}:{col}", self.env.short_path(&file))), msg)
            }
        }
    }

    /// The package of `.go` files named on the command line.
    fn root_files(&mut self, req: &Request) -> Result<String, String> {
        for (path, names) in req.explicit {
            self.load_files(path, names, req.lang)?;
            self.explicit.insert(path.clone());
        }
        self.load_files(COMMAND_LINE, req.operands, req.lang)?;
        Ok(COMMAND_LINE.to_string())
    }

    /// Loads the package `path` of the files `names` (as given on the
    /// command line, and shown so in messages).
    /// Named files are compiled whatever their build constraints say (a
    /// malformed one is still an error), except those importing "C" (cgo
    /// is off), which still name the package.
    fn load_files(&mut self, path: &str, names: &[String], lang: Option<LangVersion>) -> Result<(), String> {
        let mut files = Vec::new();
        let mut package: Option<(String, String)> = None;
        for name in names {
            let full = normalize(&self.env.cwd.join(name));
            let bytes = std::fs::read(&full).map_err(|e| format!("stat {name}: {}", describe_io(&e)))?;
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let base = full.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let shown = name.trim_start_matches("./").to_string();
            self.ctx
                .include(&base, &text[..crate::buildtags::header_end(&text)])
                .map_err(|msg| format!("{base}: {msg}"))?;
            let cgo = match header::read(&text) {
                Header::Read { package: declared, imports } => {
                    match &package {
                        None => package = Some((declared, base)),
                        Some((first, first_file)) if *first != declared => {
                            let dir = full.parent().unwrap_or(Path::new("/")).display();
                            return Err(format!(
                                "found packages {first} ({first_file}) and {declared} ({base}) in {dir}"
                            ));
                        }
                        Some(_) => {}
                    }
                    crate::buildtags::imports_exclude(imports.iter().map(String::as_str))
                }
                // Left to the parser: `deft run --check-only` compiles
                // named files as the compiler does (Go's errorcheck tests),
                // with the compiler's wording of syntax errors.
                Header::Error { .. } | Header::InvalidImport { .. } | Header::Unknown => false,
            };
            if !cgo {
                files.push((full, text, Some(shown)));
            }
        }
        if files.is_empty() {
            return Err("go: no Go source files".into());
        }
        let dir = files.first().and_then(|f| f.0.parent()).map(Path::to_path_buf).unwrap_or_default();
        let module = self.modules.and_then(|m| m.main_module_of(&dir)).cloned();
        // Files named one by one are compiled with the go command's own
        // language version, whatever module they sit in.
        let lang = lang.unwrap_or(LangVersion::CURRENT);
        let files = self.parse_files(&dir, files, false);
        self.insert(path, files, false, lang, module, dir);
        Ok(())
    }

    /// The import path, directory and module of the package operand `op`:
    /// a pattern, a directory (a local path such as `.` or `./cmd/tool`,
    /// an absolute one, or, from outside any module, any existing
    /// directory: deft's `deft run dir`) or an import path.
    fn root_package(&self, op: &str) -> Result<(String, PathBuf, Option<Module>), String> {
        if pattern::is_pattern(op) {
            return match self.modules {
                Some(modules) => self.root_pattern(op, modules),
                None => Err(NO_GO_MOD.to_string()),
            };
        }
        let as_dir = self.env.cwd.join(op);
        let outside = self.modules.is_none_or(|m| !m.workspace && m.main_module_of(&self.env.cwd).is_none());
        let is_dir_form = is_local(op) || op.starts_with('/') || (outside && as_dir.is_dir());
        if !is_dir_form {
            return match self.source(op, None) {
                Ok(Source::Dir(dir, module)) => Ok((op.to_string(), dir, Some(module))),
                Ok(_) => Err(format!("package {op} is not a main package")),
                Err(msg) => Err(msg),
            };
        }
        let dir = normalize(&as_dir);
        if !dir.is_dir() {
            return Err(format!("stat {}: directory not found", dir.display()));
        }
        let Some(modules) = self.modules else {
            // The go command wants a module here; deft runs a directory
            // outside one as a package of its own, importing the
            // standard library only.
            return Ok((COMMAND_LINE.to_string(), dir, None));
        };
        match modules.main_module_of(&dir) {
            Some(m) => Ok((m.import_path(&dir), dir, Some(m.clone()))),
            None => Err(modules.outside(&dir, self.env)),
        }
    }

    /// The one main package pattern `op` matches: `go run` takes the main
    /// packages a pattern matches (and those in error), and needs exactly
    /// one.
    fn root_pattern(&self, op: &str, modules: &Modules) -> Result<(String, PathBuf, Option<Module>), String> {
        let mut any = false;
        let mains: Vec<(String, PathBuf)> = pattern::matching_dirs(op, &self.env.cwd, modules)?
            .into_iter()
            .filter(|(_, dir)| match dir::package_name(dir, &self.ctx) {
                None => false,
                Some(name) => {
                    any = true;
                    name.is_none_or(|n| n == "main")
                }
            })
            .collect();
        match &mains[..] {
            [(path, dir)] => Ok((path.clone(), dir.clone(), modules.main_module_of(dir).cloned())),
            [] => {
                let what = if any { "matched only non-main packages" } else { "matched no packages" };
                eprintln!("go: warning: \"{op}\" {what}");
                Err(format!("go: no packages loaded from {op}"))
            }
            _ => {
                let paths: Vec<&str> = mains.iter().map(|(p, _)| p.as_str()).collect();
                Err(format!("go: pattern {op} matches multiple packages:\n\t{}", paths.join("\n\t")))
            }
        }
    }

    /// Parses `files` (path, text, and the name to show, if not the
    /// go command's compile-error name) of the package in `dir`; `std`: a
    /// package of the standard library.
    fn parse_files(&mut self, dir: &Path, files: Vec<(PathBuf, String, Option<String>)>, std: bool) -> Vec<File> {
        let parse = if std { syntax::parser::parse_std_file } else { syntax::parser::parse_file };
        let ids = self.add_sources(dir, files);
        ids.into_iter().map(|id| parse(self.sources, id, self.ids, self.diags)).collect()
    }

    /// Adds `files` (as for [`Loader::parse_files`]) to the source map.
    fn add_sources(&mut self, dir: &Path, files: Vec<(PathBuf, String, Option<String>)>) -> Vec<syntax::FileId> {
        // As gc's messages name them: `./main.go` in the current directory.
        let shown_dir = self.env.short_path(dir);
        let mut ids = Vec::new();
        for (path, text, shown) in files {
            let base = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let name = shown.unwrap_or_else(|| format!("{shown_dir}/{base}"));
            ids.push(self.sources.add(name, text));
        }
        ids
    }

    /// Parses `files` as [`Loader::parse_files`] does, for their
    /// declarations only (see [`Request::decls_first`]) unless those have
    /// a syntax error; whether they were.
    fn parse_decls_first(&mut self, dir: &Path, files: Vec<(PathBuf, String, Option<String>)>) -> (Vec<File>, bool) {
        let ids = self.add_sources(dir, files);
        let mut scratch = Diagnostics::default();
        let parsed = ids.iter().map(|&id| syntax::parser::parse_decls(self.sources, id, self.ids, &mut scratch, false));
        let parsed: Vec<File> = parsed.collect();
        if !scratch.has_errors() {
            return (parsed, true);
        }
        // Errors go to the program's diagnostics, as a full parse finds them.
        let reparsed = ids.into_iter().map(|id| syntax::parser::parse_file(self.sources, id, self.ids, self.diags));
        (reparsed.collect(), false)
    }

    fn insert(
        &mut self,
        path: &str,
        files: Vec<File>,
        library: bool,
        lang: LangVersion,
        module: Option<Module>,
        dir: PathBuf,
    ) {
        let is_main = !library && files.first().is_some_and(|f| f.package.name == "main");
        let spec_path = if is_main { "main".to_string() } else { path.to_string() };
        let loaded = Loaded {
            spec_path,
            name: files.first().map(|f| f.package.name.clone()).unwrap_or_default(),
            files,
            build_error: None,
            imports: Vec::new(),
            deps: Vec::new(),
            error: None,
            library,
            lang,
            module,
            dir,
            visiting: false,
            done: false,
            decls_only: false,
            unfound: Default::default(),
        };
        self.packages.insert(path.to_string(), loaded);
    }

    /// Loads the imports of package `path` (loaded already), depth first,
    /// as the go command does: in import-path order, each package once.
    /// `stack` is the chain of imports that reached `path`, ending with
    /// it. Errors are recorded on the packages they belong to (see
    /// [`errors`]).
    fn visit(&mut self, path: &str, stack: &mut Vec<StackEntry>) {
        let Some(pkg) = self.packages.get_mut(path).filter(|p| !p.done && !p.visiting) else { return };
        pkg.visiting = true;
        let library = pkg.library;
        // Each import once, in import-path order, with its first position.
        let mut imports: BTreeMap<String, syntax::Pos> = BTreeMap::new();
        for f in &pkg.files {
            for imp in &f.imports {
                imports.entry(imp.path.clone()).or_insert(imp.pos);
            }
        }
        if library {
            for (target, pos) in linked_variable_packages(&pkg.files).into_iter().filter(|(t, _)| t != path) {
                imports.entry(target).or_insert(pos);
            }
        }
        let (mut deps, mut resolved) = (Vec::new(), Vec::new());
        let mut unfound = std::collections::BTreeSet::new();
        for (import, pos) in imports {
            if import == "unsafe" || import == "C" {
                continue;
            }
            let key = match self.explicit_key(&import) {
                // The standard library's own copies of other modules.
                _ if library && !is_standard(&import) => format!("vendor/{import}"),
                _ if library => import.clone(),
                Some(key) => key,
                None => import.clone(),
            };
            // A malformed path is the compiler's error, reported by the
            // type checker.
            if !is_local(&key)
                && !self.explicit.contains(&key)
                && crate::modfile::module::check_import_path(&key).is_err()
            {
                continue;
            }
            let file = &self.sources.file(pos.file).name;
            let from = Path::new(file).file_name().map(|n| n.to_string_lossy().into_owned());
            stack.push(StackEntry { pkg: key.clone(), from });
            let loaded = self.load_import(&key, pos, stack);
            stack.pop();
            let Some(key) = loaded else {
                unfound.insert(import);
                continue;
            };
            if let Some(err) = self.import_error(path, &key, pos, stack)
                && let Some(p) = self.packages.get_mut(path)
            {
                p.error.get_or_insert(err);
            }
            if self.packages.get(&key).is_some_and(|p| p.error.is_none()) {
                resolved.push((import, key.clone()));
            }
            deps.push(key);
        }
        if let Some(p) = self.packages.get_mut(path) {
            p.imports = resolved;
            p.deps = deps;
            p.unfound = unfound;
            p.done = true;
        }
    }

    /// The go command's report of the load: an error that ends it, else
    /// the error of every package
    /// reachable from `root` that has one, in a depth-first post-order
    /// walk of the imports; without any, the packages that cannot be
    /// built.
    fn check_errors(&self, root: &str) -> Result<(), String> {
        // A missing or wrong Go distribution alone, in one sentence.
        if let Some(sentence) = self.no_distribution.get() {
            return Err(sentence.clone());
        }
        if let Some(fatal) = self.modules.and_then(Modules::fatal) {
            return Err(fatal);
        }
        fn walk<'a>(ld: &'a Loader, key: &'a str, seen: &mut HashSet<&'a str>, out: &mut (Vec<String>, Vec<String>)) {
            let Some(pkg) = ld.packages.get(key).filter(|_| seen.insert(key)) else { return };
            for dep in &pkg.deps {
                walk(ld, dep, seen, out);
            }
            out.0.extend(pkg.error.as_ref().map(PackageError::render));
            out.1.extend(pkg.build_error.clone());
        }
        let mut out = (Vec::new(), Vec::new());
        walk(self, root, &mut HashSet::new(), &mut out);
        match out {
            (load, _) if !load.is_empty() => Err(load.join("\n")),
            (_, build) if !build.is_empty() => Err(build.join("\n")),
            _ => Ok(()),
        }
    }

    /// The `--package` package an import of `import` (from a package not
    /// in deft's library) names: the one of that path, or for `./NAME`,
    /// as Go's test directories import, the one whose path is `NAME` or
    /// ends in `/NAME` (gc's `-D`: `test/a` is imported as `./a`).
    fn explicit_key(&self, import: &str) -> Option<String> {
        if self.explicit.contains(import) {
            return Some(import.to_string());
        }
        let name = import.strip_prefix("./")?;
        let suffix = format!("/{name}");
        let mut found = self.explicit.iter().filter(|p| *p == name || p.ends_with(&suffix));
        found.next().cloned()
    }

    /// Loads (if not loaded yet) the package `key` (the last of `stack`),
    /// imported at `pos`; its key, none when no package is found for it
    /// and the program is only checked ([`Request::compile_only`]). A
    /// package that cannot be loaded gets its error; one
    /// reached again keeps the shorter import stack, or is an import
    /// cycle when it is still being loaded.
    fn load_import(&mut self, key: &str, pos: syntax::Pos, stack: &mut Vec<StackEntry>) -> Option<String> {
        if let Some(p) = self.packages.get_mut(key) {
            // Inserted before the walk (a test program's packages).
            if !p.done && !p.visiting {
                self.visit(key, stack);
                return Some(key.to_string());
            }
            match (&mut p.error, p.done) {
                (None, false) => p.error = Some(PackageError::cycle(stack)),
                (Some(e), false) => e.cycle = true,
                (Some(e), true) => e.offer_stack(stack),
                (None, true) => {}
            }
            return Some(key.to_string());
        }
        let shown = self.shown_pos(pos);
        let at = |msg: String| PackageError::at(stack, Some(shown.clone()), msg);
        if is_local(key) {
            let msg = format!("\"{key}\" is relative, but relative import paths are not supported in module mode");
            self.insert_failed(key, at(msg));
            return Some(key.to_string());
        }
        let importer = stack.len().checked_sub(2).map(|i| stack[i].pkg.clone()).filter(|p| p != COMMAND_LINE);
        let (dir, module) = match self.source(key, importer.as_deref()) {
            // gc's compiler finds no package there (unless Go's
            // distribution is missing: the load's only error then).
            Err(_) if self.compile_only && self.no_distribution.get().is_none() => return None,
            Err(msg) => {
                self.insert_failed(key, at(msg));
                return Some(key.to_string());
            }
            Ok(Source::Overlay(files)) => {
                let parsed: Vec<File> = files
                    .iter()
                    .map(|(name, text)| {
                        let id = self.sources.add(format!("lib/{key}/{name}"), *text);
                        syntax::parser::parse_std_file(self.sources, id, self.ids, self.diags)
                    })
                    .collect();
                self.insert(key, parsed, true, LangVersion::CURRENT, None, PathBuf::new());
                self.visit(key, stack);
                return Some(key.to_string());
            }
            Ok(Source::Upstream(dir)) => {
                self.load_upstream(key, dir, stack, shown);
                return Some(key.to_string());
            }
            Ok(Source::Dir(dir, module)) => (dir, module),
        };
        let DirFiles { files, problem } = match read_package_dir(&dir, &self.ctx) {
            Ok(f) => f,
            Err(DirError::NoGoFiles) => {
                let msg = format!("no required module provides package {key}; to add it:\n\tgo get {key}");
                self.insert_failed(key, at(msg));
                return Some(key.to_string());
            }
            Err(DirError::Excluded) => {
                let msg = format!("build constraints exclude all Go files in {}", dir.display());
                self.insert_failed(key, PackageError::of_package(stack, msg));
                return Some(key.to_string());
            }
            // A package of test files only loads (it may be a program);
            // building it fails.
            Err(DirError::OnlyTests { name, msg }) => {
                self.insert(key, Vec::new(), false, module.lang, Some(module), dir);
                if let Some(p) = self.packages.get_mut(key) {
                    p.name = name;
                    p.build_error = Some(format!("{key}: {msg}"));
                    p.done = true;
                }
                return Some(key.to_string());
            }
        };
        let error = problem.map(|p| self.problem_error(p, stack, Some(shown.clone())));
        let files = files.into_iter().map(|(p, t)| (p, t, None)).collect();
        let (parsed, decls_only) = match self.decls_first {
            true => self.parse_decls_first(&dir, files),
            false => (self.parse_files(&dir, files, false), false),
        };
        self.insert(key, parsed, false, module.lang, Some(module), dir);
        // A package whose files are wrong still loads its imports.
        if let Some(p) = self.packages.get_mut(key) {
            p.error = error;
            p.decls_only = decls_only;
        }
        self.visit(key, stack);
        Some(key.to_string())
    }

    /// Loads the standard package `key` from Go's source in `dir` (see
    /// [`stdsrc`]): a library package, its files shown by their full
    /// paths as gc shows the standard library's. `shown` is the import's
    /// position, for an error there.
    fn load_upstream(&mut self, key: &str, dir: PathBuf, stack: &mut Vec<StackEntry>, shown: String) {
        let ctx = stdsrc::upstream_context(&self.ctx);
        let files = match read_package_dir(&dir, &ctx) {
            Ok(DirFiles { files, .. }) => files,
            Err(DirError::Excluded) => {
                let msg = format!("build constraints exclude all Go files in {}", dir.display());
                self.insert_failed(key, PackageError::of_package(stack, msg));
                return;
            }
            Err(_) => {
                let msg = format!("package {key} is not in std ({})", dir.display());
                self.insert_failed(key, PackageError::at(stack, Some(shown), msg));
                return;
            }
        };
        let files = files
            .into_iter()
            .map(|(p, t)| {
                let shown = p.display().to_string();
                (p, t, Some(shown))
            })
            .collect();
        let parsed = self.parse_files(&dir, files, true);
        self.insert(key, parsed, true, LangVersion::CURRENT, None, dir);
        self.visit(key, stack);
    }

    /// A package that could not be loaded, with its error.
    fn insert_failed(&mut self, key: &str, error: PackageError) {
        self.insert(key, Vec::new(), false, LangVersion::CURRENT, None, PathBuf::new());
        if let Some(p) = self.packages.get_mut(key) {
            p.error = Some(error);
            p.done = true;
        }
    }

    /// `pos` as the go command shows an import's position.
    fn shown_pos(&self, pos: syntax::Pos) -> String {
        let name = self.sources.file(pos.file).name.trim_start_matches("./");
        format!("{name}:{}:{}", pos.line, pos.col)
    }

    /// The error of package `importer` (the last of `stack`) importing
    /// `import` (loaded) at `pos`, if it may not: an internal package
    /// outside its tree (unless the package has an error of its own), a
    /// path through a vendor/ directory (imported from outside the tree
    /// above it, or at all), a program, a local path from a package not
    /// named by its files.
    fn import_error(
        &self,
        importer: &str,
        import: &str,
        pos: syntax::Pos,
        stack: &[StackEntry],
    ) -> Option<PackageError> {
        let pkg = &self.packages[import];
        if pkg.error.is_none() && !self.internal_allowed(importer, import) {
            return Some(PackageError::internal(stack, self.shown_pos(pos), import));
        }
        let at = |msg: String| Some(PackageError::at(stack, Some(self.shown_pos(pos)), msg));
        // The standard library's imports of its vendor/ copies are the
        // loader's own mapping (see `visit`), not paths written so.
        let std_vendor = pkg.library && self.packages.get(importer).is_some_and(|p| p.library);
        if let Some(i) = find_vendor(import).filter(|_| !std_vendor) {
            let importer_dir = self.packages.get(importer).map(|p| p.dir.as_path()).unwrap_or(Path::new(""));
            let below_vendor = Path::new(&import[i..]).components().count();
            let mut parent = pkg.dir.clone();
            (0..below_vendor).for_each(|_| _ = parent.pop());
            if !importer_dir.starts_with(&parent) {
                return at("use of vendored package not allowed".into());
            }
            return at(format!("{import} must be imported as {}", &import[i + "vendor/".len()..]));
        }
        let is_main = pkg.name == "main" && !pkg.library;
        if is_main && self.packages.get(importer).is_some_and(|p| p.dir != pkg.dir) {
            return at(format!("import \"{import}\" is a program, not an importable package"));
        }
        if is_local(import) && importer != COMMAND_LINE {
            return at(format!("local import \"{import}\" in non-local package"));
        }
        None
    }

    /// Where the package of import path `import` (imported by package
    /// `importer`, none for a command-line operand) is: a standard path is
    /// an overlay, else Go's distribution's (checked to be Go 1.27's), else
    /// the main module's when its path has no dot.
    fn source(&self, import: &str, importer: Option<&str>) -> Result<Source, String> {
        if let Some(files) = stdsrc::overlay(import) {
            return Ok(Source::Overlay(files));
        }
        if is_standard(import) {
            let goroot = self.env.goroot();
            if let Some(root) = goroot {
                let dir = stdsrc::upstream_dir(root, import);
                if dir.is_dir() {
                    self.distribution(goroot)?;
                    return Ok(Source::Upstream(dir));
                }
            }
            // The main module may have a path without a dot.
            if let Some(Provided::Dir(dir, m)) = self.modules.map(|m| m.provide(import, None))
                && m.main
            {
                return Ok(Source::Dir(dir, m));
            }
            let root = self.distribution(goroot)?;
            return Err(format!("package {import} is not in std ({})", stdsrc::upstream_dir(root, import).display()));
        }
        let Some(modules) = self.modules else {
            return Err(format!(
                "cannot find module providing package {import}: deft found no go.mod in the current directory or any parent directory"
            ));
        };
        let importer = importer.map(|path| {
            let module = self.packages.get(path).and_then(|p| p.module.as_ref());
            Importer { path, version: module.and_then(|m| m.version.as_deref()) }
        });
        match modules.provide(import, importer.as_ref()) {
            Provided::Dir(dir, module) => Ok(Source::Dir(dir, module)),
            Provided::Missing(msg) => Err(msg),
        }
    }

    /// `importer` may import `import` only if it is inside the tree rooted
    /// at the parent of `import`'s `internal` element.
    fn internal_allowed(&self, importer: &str, import: &str) -> bool {
        let Some(parent) = internal_parent(import) else { return true };
        // A test main (`P.test`) and the external test package (`P_test`,
        // in P's directory) import what the package under test may: the
        // go command loads their imports on behalf of P, from P's
        // directory.
        let same_dir = |p: &str| match (self.packages.get(p), self.packages.get(importer)) {
            (Some(p), Some(i)) => p.dir == i.dir,
            _ => false,
        };
        let importer = importer
            .strip_suffix(".test")
            .filter(|p| self.packages.contains_key(*p))
            .or_else(|| importer.strip_suffix("_test").filter(|p| same_dir(p)))
            .unwrap_or(importer);
        let importer_path = match self.packages.get(importer) {
            Some(p) if importer == COMMAND_LINE => p.module.as_ref().map_or(String::new(), |m| m.import_path(&p.dir)),
            _ => importer.to_string(),
        };
        if parent.is_empty() {
            is_standard(&importer_path) && self.packages.get(importer).is_some_and(|p| p.library)
        } else {
            importer_path == parent || importer_path.starts_with(&format!("{parent}/"))
        }
    }
    /// The default GODEBUG of the program whose main package is `root`:
    /// its main module's version and `godebug` lines (Go's own version
    /// outside a module), its files' `//go:debug` directives.
    fn godebug(&self, root: &str) -> String {
        let pkg = &self.packages[root];
        let main = pkg.module.as_ref().filter(|m| m.main);
        let version = main.map_or(LangVersion::CURRENT, |m| m.lang);
        let module_lines = self.modules.map_or(&[][..], |m| &m.godebug[..]);
        let directives: Vec<String> =
            pkg.files.iter().flat_map(|f| godebug::directives(&self.sources.file(f.package_pos.file).text)).collect();
        godebug::default_godebug(version, module_lines, &directives)
    }

    /// The program's packages in initialisation order (see [`initorder`]),
    /// gc's library's import graph read from the distribution when there
    /// is one of Go 1.27.
    fn init_order(&self, root: &str) -> Vec<String> {
        let ctx = stdsrc::upstream_context(&self.ctx);
        let distribution = std::cell::OnceCell::new();
        let upstream = |path: &str| {
            let goroot = *distribution.get_or_init(|| stdsrc::check_distribution(self.env.goroot()).ok());
            upstream_imports(&stdsrc::upstream_dir(goroot?, path), &ctx)
        };
        initorder::init_order(&self.packages, root, &upstream)
    }

    /// The program: packages in initialisation order, the root last.
    fn assemble(mut self, root: String, exec_name: String) -> Program {
        let order = self.init_order(&root);
        let mut spec_paths: HashMap<String, String> = HashMap::new();
        let mut go_paths = Vec::new();
        let mut files = Vec::new();
        let mut packages = Vec::new();
        let mut inputs = Inputs::default();
        let mut decls_only = Vec::new();
        inputs.cwd(&self.env.cwd);
        for key in order {
            let Some(pkg) = self.packages.remove(&key) else { continue };
            if pkg.decls_only {
                decls_only.push(packages.len());
            }
            inputs.package(&pkg.dir, pkg.module.as_ref().map(|m| m.dir.as_path()));
            let import_map = pkg
                .imports
                .iter()
                .filter_map(|(written, k)| {
                    let spec = spec_paths.get(k)?;
                    (spec != written).then(|| (written.clone(), spec.clone()))
                })
                .collect();
            spec_paths.insert(key.clone(), pkg.spec_path.clone());
            go_paths.push(key);
            packages.push(PackageSpec {
                path: pkg.spec_path,
                files: files.len()..files.len() + pkg.files.len(),
                library: pkg.library,
                lang: pkg.lang,
                import_map,
                unfound_imports: pkg.unfound,
            });
            files.extend(pkg.files);
        }
        prune::unreferenced_library_vars(&mut files, &packages, self.sources);
        Program { files, packages, exec_name, main_path: root, godebug: String::new(), go_paths, inputs, decls_only }
    }
}

/// The packages whose variables the `//go:linkname local target`
/// directives of `files` make the package's own variables
/// (`math/bits`'s `overflowError` is `runtime.overflowError`), with the
/// directives' positions. gc's linker finds them whatever the package
/// imports; here they are loaded, and initialised, before it.
fn linked_variable_packages(files: &[File]) -> Vec<(String, syntax::Pos)> {
    let mut found = Vec::new();
    for (pos, local, target) in files.iter().flat_map(File::linkname_args) {
        let Some(target) = target else { continue };
        let dir_end = target.rfind('/').map_or(0, |i| i + 1);
        if let Some(dot) = target[dir_end..].find('.')
            && files.iter().any(|f| f.declares_var(local))
        {
            found.push((target[..dir_end + dot].to_string(), pos));
        }
    }
    found
}

/// The imports of the files of the package in `dir` the build compiles
/// (`unsafe` left out), read from their headers; `None` without such a
/// package.
fn upstream_imports(dir: &Path, ctx: &BuildContext) -> Option<Vec<String>> {
    let files = read_package_dir(dir, ctx).ok()?;
    let mut imports = std::collections::BTreeSet::new();
    for (_, text) in &files.files {
        if let Header::Read { imports: found, .. } = header::read(text) {
            imports.extend(found.into_iter().filter(|i| i != "unsafe"));
        }
    }
    Some(imports.into_iter().collect())
}

/// The name `go run` gives the executable of package `path` (files named
/// on the command line: the first file's; a directory outside a module:
/// the directory's): the last element of the import path, or the one
/// before a major-version suffix (`example.com/tool/v2` → `tool`).
fn exec_name(path: &str, first_file: &Path, dir: &Path) -> String {
    let stem = |p: &Path| p.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    if path != COMMAND_LINE {
        let mut elems = path.rsplit('/');
        let last = elems.next().unwrap_or(path);
        let is_major = last.len() > 1 && last.starts_with('v') && last[1..].bytes().all(|b| b.is_ascii_digit());
        return match elems.next() {
            Some(prev) if is_major => prev.to_string(),
            _ => last.to_string(),
        };
    }
    if first_file.extension().is_some_and(|e| e == "go") { stem(first_file) } else { stem(dir) }
}

/// Where the last `vendor` element of import path `path` that is not its
/// last element starts.
fn find_vendor(path: &str) -> Option<usize> {
    match path.rfind("/vendor/") {
        Some(i) => Some(i + 1),
        None => path.starts_with("vendor/").then_some(0),
    }
}

/// Whether `path` is a local import path (`.`, `..`, `./x`, `../x`).
fn is_local(path: &str) -> bool {
    path == "." || path == ".." || path.starts_with("./") || path.starts_with("../")
}

/// Whether `path` is a standard-library import path: its first element
/// has no dot.
fn is_standard(path: &str) -> bool {
    !path.split('/').next().unwrap_or(path).contains('.')
}

/// For an import path with an `internal` element, the path above the
/// last such element (`""` for `internal/abi`).
fn internal_parent(path: &str) -> Option<&str> {
    if path == "internal" || path.starts_with("internal/") {
        return Some("");
    }
    let i = path.rfind("/internal/").or_else(|| path.ends_with("/internal").then(|| path.len() - "/internal".len()))?;
    Some(&path[..i])
}

/// The OS error without Rust's "(os error N)" suffix, as Go prints it.
pub fn describe_io(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_parents() {
        assert_eq!(internal_parent("internal/abi"), Some(""));
        assert_eq!(internal_parent("example.com/m/internal"), Some("example.com/m"));
        assert_eq!(internal_parent("example.com/m/a/internal/x/y"), Some("example.com/m/a"));
        assert_eq!(internal_parent("example.com/m/internals"), None);
    }

    #[test]
    fn executable_names() {
        let none = Path::new("");
        assert_eq!(exec_name("example.com/tool/v2", none, none), "tool");
        assert_eq!(exec_name("example.com/m/cmd/app", none, none), "app");
        assert_eq!(exec_name("example.com/v2", none, none), "example.com");
        assert_eq!(exec_name(COMMAND_LINE, Path::new("dir/main.go"), none), "main");
        assert_eq!(exec_name(COMMAND_LINE, Path::new(""), Path::new("/x/proj")), "proj");
    }

    #[test]
    fn patterns() {
        assert!(wildcard_match("example.com/m/...", "example.com/m/a/b"));
        assert!(!wildcard_match("example.com/m/...", "example.com/n"));
        assert!(wildcard_match(".../lib", "example.com/m/lib"));
        assert!(wildcard_match("a...b...c", "aXbYc") && !wildcard_match("a...b...c", "aXcYb"));
    }
}
