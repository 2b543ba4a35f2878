//! Loading a package with its tests, for `deft test`: the program the go
//! command builds as `p.test`.
//!
//! The package directory is read with its `_test.go` files. Those of the
//! package's own name join the package (after its other files, as the go
//! command orders them); those of package `p_test` form the external test
//! package, import path `P_test`, which may import P (no cycle: P does not
//! import it). The main package is generated (`crate::testmain`) from the
//! test files' declarations and imports both. Only the named package gets
//! its test files: its imports are loaded as for `deft run`.
//!
//! A standard package (`deft test strings`, as `go test std` tests it, or
//! `deft test` in its directory) is read from Go's distribution,
//! `GOROOT/src/strings`, whatever serves that
//! path to programs: the tests are upstream's, and its files are chosen
//! with the tags every upstream package gets (`stdsrc::UPSTREAM_TAGS`:
//! `crypto/md5` under test is its pure-Go code, as when imported). It is inserted under its
//! own path before anything is visited, so that every package of the test
//! program importing it (package testing imports strings) gets the one
//! under test, as the go command recompiles dependents against a test
//! variant. It and its external test package are standard packages, which
//! may import `internal/...`.

use std::path::PathBuf;

use syntax::ast::{File, NodeIds};
use syntax::{Diagnostics, SourceMap};

use super::dir::read_package_dir;
use super::env::GoEnv;
use super::errors::StackEntry;
use super::modules::Modules;
use super::{Loader, Program, Request};
use crate::buildtags::BuildContext;
use crate::testmain::{self, TestFuncs, Which};

/// What `deft test` loaded for one package.
pub enum TestLoad {
    /// The package has no `_test.go` files: nothing to run
    /// (`?   \tPATH\t[no test files]`).
    NoTestFiles,
    /// The test program: the package, its test packages and the
    /// generated main, last; and the package's directory, where the go
    /// command runs a test binary.
    Program(Box<Program>, PathBuf),
}

/// Loads the package `req.operands[0]` names (a directory or an import
/// path; `.` when there is none) with its tests. The package's import
/// path comes back with the outcome (or with the error, when it is known).
pub fn load_test(
    req: &Request,
    sources: &mut SourceMap,
    ids: &mut NodeIds,
    diags: &mut Diagnostics,
) -> (Option<String>, Result<TestLoad, String>) {
    let env = GoEnv::from_process();
    let modules = match Modules::discover(&env.cwd, &env) {
        Ok(m) => m,
        Err(e) => return (None, Err(e)),
    };
    let loader = Loader::new(&env, modules.as_ref(), req, sources, ids, diags);
    let operand = req.operands.first().map_or(".", String::as_str);
    if let Some((path, dir)) = standard_package(&env, operand) {
        let result = loader.load_test_program(req, &path, dir, None);
        return (Some(path), result);
    }
    let (path, dir, module) = match loader.root_package(operand) {
        Ok(found) => found,
        Err(e) => return (None, Err(e)),
    };
    let result = loader.load_test_program(req, &path, dir, module);
    (Some(path), result)
}

/// The import paths of the standard library's packages, as `go list std`
/// gives them: the directories below `GOROOT/src` (not `cmd/`, not
/// `testdata/` nor those starting with `.` or `_`) with Go files, test
/// files included, that linux/amd64 builds with `tags`, but `builtin`
/// (documentation, not a package), sorted.
pub fn standard_packages(tags: &str) -> Result<Vec<String>, String> {
    let env = GoEnv::from_process();
    let src = env.goroot().ok_or("cannot find GOROOT directory")?.join("src");
    let ctx = BuildContext { tests: true, ..BuildContext::from_tags_flag(tags) };
    let mut out = Vec::new();
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for e in entries.filter_map(|e| e.ok()) {
            let name = e.file_name().to_string_lossy().into_owned();
            let skip = name.starts_with(['.', '_']) || name == "testdata" || (dir == src && name == "cmd");
            if e.file_type().is_ok_and(|t| t.is_dir()) && !skip {
                stack.push(e.path());
            }
        }
        if dir != src
            && read_package_dir(&dir, &ctx).is_ok()
            && let Some(rel) = dir.strip_prefix(&src).ok().and_then(|r| r.to_str())
            && rel != "builtin"
        {
            out.push(rel.to_string());
        }
    }
    out.sort();
    Ok(out)
}

/// The seed corpus files of fuzz target `name` of the package in `dir`
/// (`testdata/fuzz/NAME/*`, as go test reads them at run time): base
/// name and text, sorted by name; none if there is no such directory.
fn seed_corpus(dir: &std::path::Path, name: &str) -> Vec<(String, String)> {
    let Ok(entries) = std::fs::read_dir(seed_corpus_dir(dir, name)) else { return Vec::new() };
    let mut files: Vec<(String, String)> = entries
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_ok_and(|t| !t.is_dir()))
        .filter_map(|e| {
            let bytes = std::fs::read(e.path()).ok()?;
            Some((e.file_name().to_string_lossy().into_owned(), String::from_utf8_lossy(&bytes).into_owned()))
        })
        .collect();
    files.sort();
    files
}

/// The seed corpus directory of fuzz target `name` of the package in `dir`.
fn seed_corpus_dir(dir: &std::path::Path, name: &str) -> PathBuf {
    dir.join("testdata").join("fuzz").join(name)
}

/// For an operand naming a package of Go's distribution, its import path
/// and directory: a standard import path (`strings`, not a directory
/// here), or a directory inside `GOROOT/src` (`.` there), whose import
/// path is the directory below `src` (module `std`'s packages have no
/// prefix).
fn standard_package(env: &GoEnv, operand: &str) -> Option<(String, PathBuf)> {
    let src = super::normalize(&env.goroot()?.join("src"));
    let as_dir = env.cwd.join(operand);
    if operand.starts_with(['.', '/']) || as_dir.is_dir() {
        let dir = super::normalize(&as_dir);
        let rel = dir.strip_prefix(&src).ok()?.to_str()?.to_string();
        return (!rel.is_empty() && dir.is_dir()).then_some((rel, dir));
    }
    if !super::is_standard(operand) {
        return None;
    }
    let dir = src.join(operand);
    dir.is_dir().then(|| (operand.to_string(), dir))
}

impl Loader<'_, '_> {
    fn load_test_program(
        mut self,
        req: &Request,
        path: &str,
        dir: PathBuf,
        module: Option<super::modules::Module>,
    ) -> Result<TestLoad, String> {
        let standard = module.is_none() && super::is_standard(path) && path != super::COMMAND_LINE;
        // A standard package's files are chosen as for any program that
        // imports it (`purego`: crypto's pure-Go code over assembly).
        let program_ctx = if standard { super::stdsrc::upstream_context(&self.ctx) } else { self.ctx.clone() };
        let ctx = BuildContext { tests: true, ..program_ctx };
        let super::dir::DirFiles { files, problem } = self.command_line_package(path, &dir, &ctx)?;
        if let Some(problem) = problem {
            return Err(self.problem_error(problem, &[], None).render());
        }
        let is_test = |p: &PathBuf| p.to_str().is_some_and(|n| n.ends_with("_test.go"));
        let (tests, plain): (Vec<_>, Vec<_>) = files.into_iter().partition(|(p, _)| is_test(p));
        if tests.is_empty() {
            return Ok(TestLoad::NoTestFiles);
        }
        let lang = req.lang.unwrap_or_else(|| module.as_ref().map_or(types::LangVersion::CURRENT, |m| m.lang));
        let mut own = self.parse_files(&dir, plain.into_iter().map(|(p, t)| (p, t, None)).collect(), false);
        // Test files one by one: they may declare two packages.
        let mut test_files: Vec<File> = Vec::new();
        for (p, t) in tests {
            test_files.extend(self.parse_files(&dir, vec![(p, t, None)], false));
        }
        let name = own.first().or(test_files.first()).map(|f| f.package.name.clone()).unwrap_or_default();
        let name = name.strip_suffix("_test").unwrap_or(&name).to_string();
        let xname = format!("{name}_test");
        if let Some(bad) = test_files.iter().find(|f| f.package.name != name && f.package.name != xname) {
            let file = self.sources.file(bad.package_pos.file).name.clone();
            return Err(format!(
                "found packages {name} and {} ({}) in {}",
                bad.package.name,
                file.rsplit('/').next().unwrap_or(&file),
                dir.display()
            ));
        }
        let (external, internal): (Vec<File>, Vec<File>) =
            test_files.into_iter().partition(|f| f.package.name == xname);
        let mut funcs = TestFuncs::default();
        testmain::collect(&internal, self.sources, Which::Internal, &mut funcs)?;
        testmain::collect(&external, self.sources, Which::External, &mut funcs)?;
        for target in &mut funcs.fuzz {
            target.corpus = seed_corpus(&dir, &target.name);
        }
        let has_external = !external.is_empty();
        own.extend(internal);
        self.insert(path, own, standard, lang, module.clone(), dir.clone());
        // A command's package is tested as an ordinary package.
        if let Some(p) = self.packages.get_mut(path) {
            p.spec_path = path.to_string();
        }
        let xpath = format!("{path}_test");
        if has_external {
            self.insert(&xpath, external, standard, lang, module.clone(), dir.clone());
        }
        let main_key = format!("{path}.test");
        let text = testmain::generate(path, &xpath, &funcs, true, has_external);
        let id = self.sources.add("_testmain.go", text);
        let main = syntax::parser::parse_file(self.sources, id, self.ids, self.diags);
        self.insert(&main_key, vec![main], false, lang, module, dir.clone());
        self.visit(&main_key, &mut vec![StackEntry { pkg: main_key.clone(), from: None }]);
        self.check_errors(&main_key)?;
        let godebug = self.godebug(path);
        let exec_name = format!("{}.test", path.rsplit('/').next().unwrap_or(path));
        let mut program = self.assemble(main_key, exec_name);
        program.godebug = godebug;
        for target in &funcs.fuzz {
            program.inputs.data_dir(&seed_corpus_dir(&dir, &target.name));
        }
        Ok(TestLoad::Program(Box::new(program), dir))
    }
}
