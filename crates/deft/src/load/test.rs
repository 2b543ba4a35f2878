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

use std::path::PathBuf;

use syntax::ast::{File, NodeIds};
use syntax::{Diagnostics, SourceMap};

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
    /// generated main, last.
    Program(Program),
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
    let loader = Loader::new(&env, modules.as_ref(), req.tags, sources, ids, diags);
    let operand = req.operands.first().map_or(".", String::as_str);
    let (path, dir, module) = match loader.root_package(operand) {
        Ok(found) => found,
        Err(e) => return (None, Err(e)),
    };
    let result = loader.load_test_program(req, &path, dir, module);
    (Some(path), result)
}

impl Loader<'_, '_> {
    fn load_test_program(
        mut self,
        req: &Request,
        path: &str,
        dir: PathBuf,
        module: Option<super::modules::Module>,
    ) -> Result<TestLoad, String> {
        let ctx = BuildContext { tests: true, ..self.ctx.clone() };
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
        let mut own = self.parse_files(&dir, plain.into_iter().map(|(p, t)| (p, t, None)).collect());
        // Test files one by one: they may declare two packages.
        let mut test_files: Vec<File> = Vec::new();
        for (p, t) in tests {
            test_files.extend(self.parse_files(&dir, vec![(p, t, None)]));
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
        let has_external = !external.is_empty();
        own.extend(internal);
        self.insert(path, own, false, lang, module.clone(), dir.clone());
        // A command's package is tested as an ordinary package.
        if let Some(p) = self.packages.get_mut(path) {
            p.spec_path = path.to_string();
        }
        let xpath = format!("{path}_test");
        if has_external {
            self.insert(&xpath, external, false, lang, module.clone(), dir.clone());
        }
        let main_key = format!("{path}.test");
        let text = testmain::generate(path, &xpath, &funcs, true, has_external);
        let id = self.sources.add("_testmain.go", text);
        let main = syntax::parser::parse_file(self.sources, id, self.ids, self.diags);
        self.insert(&main_key, vec![main], false, lang, module, dir);
        self.visit(&main_key, &mut vec![StackEntry { pkg: main_key.clone(), from: None }]);
        self.check_errors(&main_key)?;
        let godebug = self.godebug(path);
        let exec_name = format!("{}.test", path.rsplit('/').next().unwrap_or(path));
        let mut program = self.assemble(main_key, exec_name);
        program.godebug = godebug;
        Ok(TestLoad::Program(program))
    }
}
