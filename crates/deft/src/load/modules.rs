//! The modules of a build and which one provides an import path.
//!
//! The main modules are the module whose go.mod is in the current
//! directory or above it, or the modules a go.work there `use`s. Every
//! other module comes from the main modules' `require` lines, at the
//! version they name: since Go 1.17 a module's go.mod lists every module
//! its packages need (the go command keeps it so), which is what minimal
//! version selection would choose for a tidy module; deft does not read
//! dependencies' requirements. A required module is found, in order, as
//! its `replace` directive says (a local directory, or another module
//! version), in `vendor/` when the main module vendors (go ≥ 1.14 and a
//! `vendor/modules.txt`, or `-mod=vendor`), else in the module cache
//! (`$GOMODCACHE/<escaped path>@<escaped version>`). deft never downloads:
//! a module missing from the cache is reported with the command that
//! fetches it.
//!
//! Standard-library paths (first element without a dot) are resolved by
//! the caller before any module is asked.

use std::cell::{Cell, RefCell};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

use types::LangVersion;

use crate::load::env::{GoEnv, ModMode};
use crate::modfile::gosum::{self, GoSum};
use crate::modfile::vendor::ModulesTxt;
use crate::modfile::{self, ModFile, Replace, Replacement};

/// One module of the build.
#[derive(Clone, Debug)]
pub struct Module {
    /// Module path (`example.com/m`).
    pub path: String,
    /// Its root directory.
    pub dir: PathBuf,
    /// The language version of its packages: its go.mod's `go` line
    /// (go1.16 without one).
    pub lang: LangVersion,
    /// Whether it is a main module.
    pub main: bool,
    /// The version it is required at, for a module from the module cache.
    pub version: Option<String>,
}

/// The package that imports another, as go.sum's errors name it.
pub struct Importer<'a> {
    /// Its import path.
    pub path: &'a str,
    /// The version of its module, when that is not a main module.
    pub version: Option<&'a str>,
}

/// The modules of the build, as far as they are known.
pub struct Modules {
    /// The main modules (one, or a workspace's).
    pub main: Vec<Module>,
    /// Required modules.
    requires: Vec<Requirement>,
    /// `vendor/modules.txt` of the main module, when it vendors.
    vendor: Option<(PathBuf, ModulesTxt)>,
    /// How an import no module provides is refused.
    lookup: Lookup,
    /// The module cache.
    cache: PathBuf,
    /// The `godebug` settings (`key=value`) of the main go.mod or go.work.
    pub godebug: Vec<String>,
    /// An error that ends the whole load, found while looking a package
    /// up (the go command exits at once): the first one.
    fatal: RefCell<Option<String>>,
    /// `GOPROXY=off`.
    proxy_off: bool,
    /// The modules whose download the go command has announced.
    announced: RefCell<HashSet<String>>,
    /// The main go.mod's `go` line (single-module mode only: go.work's
    /// modules are not checked this way).
    main_go: Option<Option<String>>,
    /// Whether the go command would have to update the main go.mod (see
    /// [`Modules::note_dependency_go`]): an error once loading is done.
    dirty: Cell<bool>,
    /// Whether a go.work names the main modules.
    pub workspace: bool,
    /// The current directory (messages name files relative to it).
    cwd: PathBuf,
    /// The main modules' go.sum lines (and go.work.sum's), or the error
    /// of a malformed one, which ends the load at the first module
    /// version it should vouch for.
    sums: Result<GoSum, String>,
}

/// A required module, at the version the main modules require.
#[derive(Clone, Debug)]
struct Requirement {
    path: String,
    version: String,
    /// The replacement that applies, as written.
    replacement: Option<Replacement>,
    /// The directory of the go.mod or go.work that says it (where a
    /// replacement directory is relative to).
    base: PathBuf,
}

/// The go command's `-mod` mode as its refusal to look a missing import
/// up shows it: `-mod=vendor` or `-mod=readonly`, set by `GOFLAGS` or
/// chosen, and why it was chosen when a vendor directory was involved.
#[derive(Clone, Debug, Default)]
struct Lookup {
    /// `vendor` or `readonly` (empty: `-mod=mod`, a lookup is tried).
    mode: &'static str,
    /// Whether `GOFLAGS` set it.
    explicit: bool,
    /// Why it was chosen (the go command's `BuildModReason`).
    reason: Option<String>,
}

impl Lookup {
    /// The mode of a build whose main go.mod (or go.work: `source`) says
    /// go `version`, with a vendor directory at `vendor` (for a workspace
    /// when `workspace`).
    fn choose(env: &GoEnv, source: &str, version: Option<&str>, vendor: &Path, workspace: bool) -> Lookup {
        match env.mod_mode {
            ModMode::Vendor => return Lookup { mode: "vendor", explicit: true, reason: None },
            ModMode::Cache => return Lookup { mode: "", explicit: true, reason: None },
            ModMode::Default => {}
        }
        let readonly = |reason: String| Lookup { mode: "readonly", explicit: false, reason: Some(reason) };
        if !vendor.is_dir() {
            return Lookup { mode: "readonly", ..Lookup::default() };
        }
        let Some(version) = version else {
            return readonly(format!("Go version in {source} is unspecified, so vendor directory was not used."));
        };
        if LangVersion::parse_go_mod(version).is_none_or(|v| v < LangVersion::go1(14)) {
            return readonly(format!("Go version in {source} is {version}, so vendor directory was not used."));
        }
        match (is_workspace_vendor(vendor), workspace) {
            (true, false) => readonly("Outside workspace mode, but vendor directory is for a workspace.".into()),
            (false, true) => readonly("In workspace mode, but vendor directory is not for a workspace".into()),
            _ => Lookup {
                mode: "vendor",
                explicit: false,
                reason: Some(format!("Go version in {source} is at least 1.14 and vendor directory exists.")),
            },
        }
    }

    /// The go command's error for a go.mod it would have to update.
    fn go_mod_dirty(&self) -> Option<String> {
        let mode = self.mode;
        match &self.reason {
            // With -mod=mod the go command updates go.mod; deft need not.
            _ if mode.is_empty() => None,
            _ if self.explicit => {
                Some(format!("go: updates to go.mod needed, disabled by -mod={mode}; to update it:\n\tgo mod tidy"))
            }
            Some(reason) => Some(format!(
                "go: updates to go.mod needed, disabled by -mod={mode}\n\t({reason})\n\tto update it:\n\tgo mod tidy"
            )),
            None => Some("go: updates to go.mod needed; to update it:\n\tgo mod tidy".into()),
        }
    }

    /// The error for import `import` that no module provides.
    fn missing(&self, import: &str) -> String {
        let disabled =
            format!("cannot find module providing package {import}: import lookup disabled by -mod={}", self.mode);
        match &self.reason {
            _ if self.mode.is_empty() => {
                format!("no required module provides package {import}; to add it:\n\tgo get {import}")
            }
            _ if self.explicit => disabled,
            Some(reason) => format!("{disabled}\n\t({reason})"),
            None => format!("no required module provides package {import}; to add it:\n\tgo get {import}"),
        }
    }
}

/// Whether the vendor directory `vendor` was made for a workspace (its
/// modules.txt's first line is annotated `workspace`).
fn is_workspace_vendor(vendor: &Path) -> bool {
    let text = std::fs::read_to_string(vendor.join("modules.txt")).unwrap_or_default();
    let first = text.lines().next().unwrap_or("");
    first.strip_prefix("## ").is_some_and(|a| a.split(';').any(|e| e.trim() == "workspace"))
}

/// Where an import path's package is.
pub enum Provided {
    /// In this directory, part of this module.
    Dir(PathBuf, Module),
    /// No module provides it: the go command's error.
    Missing(String),
}

impl Module {
    /// The import path of the package in `dir`, a directory of this module.
    pub fn import_path(&self, dir: &Path) -> String {
        let rel = dir.strip_prefix(&self.dir).map(|r| r.to_string_lossy().into_owned()).unwrap_or_default();
        if rel.is_empty() { self.path.clone() } else { format!("{}/{rel}", self.path) }
    }
}

impl Modules {
    /// The modules of a build run in directory `start`; `Ok(None)` outside
    /// any module. A broken go.mod or go.work is the go command's error.
    pub fn discover(start: &Path, env: &GoEnv) -> Result<Option<Modules>, String> {
        if let Some(work) = find_go_work(start, env) {
            return Modules::workspace(env, &work).map(Some);
        }
        let Some(go_mod) = find_up(start, "go.mod") else { return Ok(None) };
        let root = go_mod.parent().unwrap_or(Path::new("/")).to_path_buf();
        let file = read_go_mod(env, &go_mod)?;
        let main = main_module(&file, root.clone());
        let requires = requirements(&file, &root);
        let lookup = Lookup::choose(env, "go.mod", file.go.as_deref(), &root.join("vendor"), false);
        let vendor = vendor_list(env, &file, &root, &go_mod, &lookup)?;
        let godebug = godebug_lines(&file.godebug);
        let mut modules = Modules::new(vec![main], requires, vendor, lookup, env, godebug);
        modules.sums = read_sums(&[root.join("go.sum")]);
        modules.main_go = Some(file.go.clone());
        modules.dirty.set(drops_toolchain(&file));
        // Before go 1.17 the module graph is not pruned: the go command
        // reads every required module's go.mod before anything else.
        if go_version(&file) < LangVersion::go1(17) {
            modules.check_unpruned()?;
        }
        Ok(Some(modules))
    }

    /// The modules of the workspace `work` (a go.work file).
    fn workspace(env: &GoEnv, work: &Path) -> Result<Modules, String> {
        let dir = work.parent().unwrap_or(Path::new("/")).to_path_buf();
        let text = read(work)?;
        let shown = env.short_path(work);
        let file = modfile::parse_go_work(&work.to_string_lossy(), &text)
            .map_err(|errors| modfile::errors_parsing("go.work", &shown, &errors))?;
        modfile::check_work(&file, &dir, &shown)?;
        if let Some(v) = file.go.as_deref().filter(|v| newer_than_go(v)) {
            return Err(format!("go: {shown} requires go >= {v} (running go {GO_VERSION}; GOTOOLCHAIN=local)"));
        }
        let mut main = Vec::new();
        let mut requires = Vec::new();
        // The go command reports the errors of every module before it
        // stops.
        let mut errors = Vec::new();
        for used in &file.uses {
            let root = crate::load::normalize(&dir.join(&used.dir));
            if let Some(v) = read_dep_go_mod(&root).and_then(|m| m.go).filter(|v| newer_than_go(v)) {
                errors.push(work_too_old(env, file.go.as_deref(), &v, &root));
                continue;
            }
            let m = match read_member_go_mod(env, &root) {
                Ok(m) => m,
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            };
            errors.extend(check_work_go(env, file.go.as_deref(), m.go.as_deref(), &root).err());
            requires.extend(requirements(&m, &root));
            main.push(main_module(&m, root));
        }
        if !errors.is_empty() {
            return Err(errors.join("\n"));
        }
        // The workspace's own replacements win over its modules'.
        for r in &file.replaces {
            for req in requires.iter_mut().filter(|req| applies(r, &req.path, &req.version)) {
                req.replacement = Some(r.new.clone());
                req.base = dir.clone();
            }
        }
        let godebug = godebug_lines(&file.godebug);
        let lookup = Lookup::choose(env, "go.work", file.go.as_deref(), &dir.join("vendor"), true);
        let mut sum_files: Vec<PathBuf> = main.iter().map(|m| m.dir.join("go.sum")).collect();
        sum_files.push(dir.join("go.work.sum"));
        let mut modules = Modules::new(main, requires, None, lookup, env, godebug);
        modules.sums = read_sums(&sum_files);
        modules.workspace = true;
        Ok(modules)
    }

    /// The go command's error for directory `dir`, which no main module
    /// contains.
    pub fn outside(&self, dir: &Path, env: &GoEnv) -> String {
        let shown = match env.short_path(dir) {
            d if d == "." => "current directory".to_string(),
            d => format!("directory {d}"),
        };
        if !self.workspace {
            return format!("{shown} outside main module or its selected dependencies");
        }
        match find_up(dir, "go.mod").and_then(|m| m.parent().map(Path::to_path_buf)) {
            Some(root) => format!(
                "{shown} is contained in a module that is not one of the workspace modules listed in go.work. You can add the module to the workspace using:\n\tgo work use {}",
                env.short_path(&root)
            ),
            None => format!("{shown} outside modules listed in go.work or their selected dependencies"),
        }
    }

    fn new(
        main: Vec<Module>,
        requires: Vec<Requirement>,
        vendor: Option<(PathBuf, ModulesTxt)>,
        lookup: Lookup,
        env: &GoEnv,
        godebug: Vec<String>,
    ) -> Modules {
        let cache = env.gomodcache.clone();
        let (fatal, proxy_off) = (RefCell::new(None), env.proxy_off);
        let (announced, main_go, dirty) = (RefCell::new(HashSet::new()), None, Cell::new(false));
        Modules {
            main,
            requires,
            vendor,
            lookup,
            cache,
            godebug,
            fatal,
            proxy_off,
            announced,
            main_go,
            dirty,
            workspace: false,
            cwd: env.cwd.clone(),
            sums: Ok(GoSum::default()),
        }
    }

    /// The error that ended the load, if looking a package up found one,
    /// else the go command's refusal to update go.mod when it would have
    /// to (it checks that once the packages are loaded, before reporting
    /// their errors).
    pub fn fatal(&self) -> Option<String> {
        let fatal = self.fatal.borrow().clone();
        fatal.or_else(|| self.dirty.get().then(|| self.lookup.go_mod_dirty()).flatten())
    }

    /// Notes that a module whose go.mod says go `version` was loaded: the
    /// go command raises the main module's go line to it (so go.mod is
    /// out of date) when it is go 1.21 or later and newer than the main
    /// module's (1.16 without a go line). gc 1.27.3 leaves a main module
    /// at exactly `go 1.21` alone (measured).
    fn note_dependency_go(&self, version: &str) {
        let Some(main) = &self.main_go else { return };
        let main = main.as_deref().unwrap_or("1.16");
        let key = go_version_key(version);
        if key >= go_version_key("1.21") && key > go_version_key(main) && main != "1.21" {
            self.dirty.set(true);
        }
    }

    /// The go command's reading of every required module's go.mod in an
    /// unpruned module graph (go < 1.17).
    fn check_unpruned(&self) -> Result<(), String> {
        for req in &self.requires {
            let name = format!("{}@{}", req.path, req.version);
            if let Some(Replacement::Dir(d)) = &req.replacement
                && let Err(e) = self.replacement_go_mod(d, &req.base)
            {
                return Err(format!("go: {name} (replaced by {d}): {e}"));
            }
            let root = self.module_root(req);
            let go = read_dep_go_mod(&root).and_then(|f| f.go);
            if let Some(v) = go.as_deref().filter(|v| newer_than_go(v)) {
                return Err(format!(
                    "go: {name}: module {name} requires go >= {v} (running go {GO_VERSION}; GOTOOLCHAIN=local)"
                ));
            }
            if let Some(v) = &go {
                self.note_dependency_go(v);
            }
        }
        Ok(())
    }

    /// The error loading the whole module graph gives (outside vendor
    /// mode): a replacement directory without a go.mod.
    fn graph_error(&self) -> Option<String> {
        if self.vendor.is_some() {
            return None;
        }
        self.requires.iter().find_map(|req| match &req.replacement {
            Some(Replacement::Dir(d)) => self
                .replacement_go_mod(d, &req.base)
                .err()
                .map(|e| format!("{}@{} (replaced by {d}): {e}", req.path, req.version)),
            _ => None,
        })
    }

    /// Whether replacement directory `dir` (relative to `base`) has a
    /// go.mod; the go command's error when it does not.
    fn replacement_go_mod(&self, dir: &str, base: &Path) -> Result<(), String> {
        let go_mod = crate::load::normalize(&base.join(dir)).join("go.mod");
        if go_mod.is_file() {
            return Ok(());
        }
        let shown = modfile::short_path(&go_mod, &self.cwd);
        Err(format!("reading {shown}: open {}: no such file or directory", go_mod.display()))
    }

    /// The directory of required module `req`.
    fn module_root(&self, req: &Requirement) -> PathBuf {
        match &req.replacement {
            Some(Replacement::Dir(dir)) => crate::load::normalize(&req.base.join(dir)),
            Some(Replacement::Module(m)) => modfile::cache::module_dir(&self.cache, &m.path, &m.version),
            None => modfile::cache::module_dir(&self.cache, &req.path, &req.version),
        }
    }

    /// The main module whose directory is or contains `dir`.
    pub fn main_module_of(&self, dir: &Path) -> Option<&Module> {
        self.main.iter().filter(|m| dir.starts_with(&m.dir)).max_by_key(|m| m.dir.as_os_str().len())
    }

    /// The module providing package `import` (not a standard path),
    /// imported by `importer` (none: named on the command line).
    pub fn provide(&self, import: &str, importer: Option<&Importer>) -> Provided {
        if let Some(m) = longest_prefix(self.main.iter().map(|m| (m.path.as_str(), m)), import) {
            let dir = package_dir(&m.dir, &m.path, import);
            if dir.is_dir() {
                return Provided::Dir(dir, m.clone());
            }
        }
        if let Some((root, list)) = &self.vendor {
            let dir = root.join("vendor").join(import);
            return match list.provider(import) {
                _ if !dir.is_dir() => Provided::Missing(self.lookup.missing(import)),
                Some(vm) => {
                    let lang =
                        vm.go.as_deref().and_then(LangVersion::parse_go_mod).unwrap_or(LangVersion::GO_MOD_DEFAULT);
                    let module = Module {
                        path: vm.path.clone(),
                        dir: root.join("vendor").join(&vm.path),
                        lang,
                        main: false,
                        version: None,
                    };
                    Provided::Dir(dir, module)
                }
                // Before go 1.23 a vendored package need not be listed: it
                // belongs to no module (and gets no -lang).
                None if self.main.first().is_some_and(|m| m.lang < LangVersion::go1(23)) => {
                    let module = Module {
                        path: import.to_string(),
                        dir: dir.clone(),
                        lang: LangVersion::CURRENT,
                        main: false,
                        version: None,
                    };
                    Provided::Dir(dir, module)
                }
                None => {
                    eprintln!(
                        "go: ignoring package {import} which exists in the vendor directory but is missing from vendor/modules.txt. To sync the vendor directory run go mod vendor."
                    );
                    Provided::Missing(self.lookup.missing(import))
                }
            };
        }
        let required = self.requires.iter().map(|r| (r.path.as_str(), r));
        let Some(req) = longest_prefix(required, import) else {
            // The go command then looks in the whole module graph, whose
            // loading may fail first.
            return Provided::Missing(self.graph_error().unwrap_or_else(|| self.lookup.missing(import)));
        };
        match self.required_module(req, import, importer) {
            Ok(module) => Provided::Dir(package_dir(&module.dir, &req.path, import), module),
            Err(msg) => Provided::Missing(msg),
        }
    }

    /// Required module `req`, checked as the go command checks a module
    /// it loads package `import` (imported by `importer`) from; `Err` is
    /// the error of the import that needed it (a go line too new for the
    /// toolchain, a malformed go.sum or a checksum mismatch ends the load).
    fn required_module(&self, req: &Requirement, import: &str, importer: Option<&Importer>) -> Result<Module, String> {
        let (path, version) = (&req.path, &req.version);
        if let Some(Replacement::Dir(d)) = &req.replacement {
            // A workspace's module graph words it as an unpruned one does.
            if self.workspace {
                self.replacement_go_mod(d, &req.base)
                    .map_err(|e| format!("{path}@{version} (replaced by {d}): {e}"))?;
            }
            if !crate::load::normalize(&req.base.join(d)).is_dir() {
                return Err(format!("{path}@{version}: replacement directory {d} does not exist"));
            }
            self.replacement_go_mod(d, &req.base).map_err(|e| format!("module {d}: {e}"))?;
        }
        // go.sum must vouch for a module version before it is looked for.
        let summed = match &req.replacement {
            Some(Replacement::Dir(_)) => None,
            Some(Replacement::Module(m)) => Some((m.path.as_str(), m.version.as_str())),
            None => Some((path.as_str(), version.as_str())),
        };
        if let Some((p, v)) = summed {
            self.files_summed(p, v, import, importer)?;
        }
        let root = self.module_root(req);
        if !root.is_dir() {
            // The go command would download it; deft never does.
            if self.proxy_off {
                if self.announced.borrow_mut().insert(format!("{path}@{version}")) {
                    eprintln!("go: downloading {path} {version}");
                }
                return Err("module lookup disabled by GOPROXY=off".into());
            }
            return Err(format!(
                "module {path}@{version} is not in the module cache ({}); deft does not download modules: run 'go mod download {path}'",
                self.cache.display()
            ));
        }
        if let Some((p, v)) = summed {
            self.verify_sums(p, v)?;
        }
        let file = read_dep_go_mod(&root);
        if req.replacement.is_none()
            && let Some(declared) = file.as_ref().and_then(|f| f.module.as_ref()).filter(|m| *m != path)
        {
            return Err(format!(
                "{path}@{version}: parsing go.mod:\n\tmodule declares its path as: {declared}\n\t        but was required as: {path}"
            ));
        }
        if let Some(v) = file.as_ref().and_then(|f| f.go.as_deref()) {
            if newer_than_go(v) {
                let fatal =
                    format!("go: {path}@{version} requires go >= {v} (running go {GO_VERSION}; GOTOOLCHAIN=local)");
                self.fatal.borrow_mut().get_or_insert(fatal.clone());
                return Err(fatal);
            }
            self.note_dependency_go(v);
        }
        let lang = file.as_ref().map_or(LangVersion::GO_MOD_DEFAULT, go_version);
        let version = Some(version.clone());
        Ok(Module { path: path.clone(), dir: root, lang, main: false, version })
    }
}

impl Modules {
    /// The go.sum of the main modules, or the error of a malformed one
    /// (which ends the load).
    fn sums(&self) -> Result<&GoSum, String> {
        self.sums.as_ref().map_err(|malformed| {
            self.fatal.borrow_mut().get_or_insert(malformed.clone());
            malformed.clone()
        })
    }

    /// Whether go.sum has the hash of the files of module `path` at
    /// `version`, which package `import` (imported by `importer`) is
    /// loaded from; the go command checks this before it looks in the
    /// module cache.
    fn files_summed(&self, path: &str, version: &str, import: &str, importer: Option<&Importer>) -> Result<(), String> {
        if self.sums()?.files(path, version).is_some() {
            return Ok(());
        }
        Err(match importer {
            Some(i) => {
                let get = i.version.map_or_else(|| i.path.to_string(), |v| format!("{}@{v}", i.path));
                format!(
                    "missing go.sum entry for module providing package {import} (imported by {}); to add:\n\tgo get {get}",
                    i.path
                )
            }
            None => {
                format!("missing go.sum entry for module providing package {import}; to add:\n\tgo mod download {path}")
            }
        })
    }

    /// go.sum's checks of module `path` at `version` once it is found in
    /// the module cache: the hash the cache recorded when it downloaded
    /// the module is go.sum's (a mismatch ends the load), and go.sum has
    /// the hash of its go.mod.
    fn verify_sums(&self, path: &str, version: &str) -> Result<(), String> {
        let sums = self.sums()?;
        let recorded = std::fs::read_to_string(modfile::cache::zip_hash_file(&self.cache, path, version));
        let recorded = recorded.as_deref().map(str::trim).unwrap_or("");
        if let Some(hash) = sums.files(path, version).filter(|h| !recorded.is_empty() && recorded != *h) {
            let mismatch = gosum::mismatch(path, version, recorded, hash);
            self.fatal.borrow_mut().get_or_insert(mismatch.clone());
            return Err(mismatch);
        }
        if !sums.has_go_mod(path, version) {
            return Err(format!(
                "{path}@{version}: missing go.sum entry for go.mod file; to add it:\n\tgo mod download {path}"
            ));
        }
        Ok(())
    }
}

/// The lines of go.sum files `files` (a missing file has none).
fn read_sums(files: &[PathBuf]) -> Result<GoSum, String> {
    let mut sums = GoSum::default();
    for file in files {
        if let Ok(text) = std::fs::read_to_string(file) {
            sums.add(&file.to_string_lossy(), &text)?;
        }
    }
    Ok(sums)
}

/// `godebug` directives as `key=value` settings.
fn godebug_lines(settings: &[(String, String)]) -> Vec<String> {
    settings.iter().map(|(k, v)| format!("{k}={v}")).collect()
}

/// The part of import path `import` below module path `module`.
fn subdir<'a>(module: &str, import: &'a str) -> &'a str {
    import[module.len()..].trim_start_matches('/')
}

/// The directory of package `import` of the module `module` rooted at
/// `root` (`root` itself for the module's root package: no trailing `/`).
fn package_dir(root: &Path, module: &str, import: &str) -> PathBuf {
    match subdir(module, import) {
        "" => root.to_path_buf(),
        sub => root.join(sub),
    }
}

/// The entry whose module path is the longest prefix (at a `/`) of `import`.
fn longest_prefix<'a, T>(entries: impl Iterator<Item = (&'a str, T)>, import: &str) -> Option<T> {
    entries
        .filter(|(p, _)| import == *p || import.strip_prefix(p).is_some_and(|rest| rest.starts_with('/')))
        .max_by_key(|(p, _)| p.len())
        .map(|(_, t)| t)
}

/// The main module a go.mod describes, rooted at `dir`.
fn main_module(file: &ModFile, dir: PathBuf) -> Module {
    Module { path: file.module.clone().unwrap_or_default(), dir, lang: go_version(file), main: true, version: None }
}

/// Whether replace directive `r` applies to module `path` at `version`.
fn applies(r: &Replace, path: &str, version: &str) -> bool {
    r.old_path == path && r.old_version.as_deref().is_none_or(|v| v == version)
}

/// A go.mod's language version (go1.16 without a `go` line).
fn go_version(file: &ModFile) -> LangVersion {
    file.go.as_deref().and_then(LangVersion::parse_go_mod).unwrap_or(LangVersion::GO_MOD_DEFAULT)
}

/// The requirements of a main module's go.mod (in `root`), with the
/// replacement that applies to each.
fn requirements(file: &ModFile, root: &Path) -> Vec<Requirement> {
    file.requires
        .iter()
        .map(|r| {
            let replacement = file
                .replaces
                .iter()
                .filter(|rep| applies(rep, &r.path, &r.version))
                .max_by_key(|rep| rep.old_version.is_some())
                .map(|rep| rep.new.clone());
            Requirement { path: r.path.clone(), version: r.version.clone(), replacement, base: root.to_path_buf() }
        })
        .collect()
}

/// A dependency's go.mod in its root directory, read laxly (`None` when
/// it cannot be read).
fn read_dep_go_mod(root: &Path) -> Option<ModFile> {
    let go_mod = root.join("go.mod");
    let text = std::fs::read_to_string(&go_mod).ok()?;
    modfile::parse_go_mod_lax(&go_mod.to_string_lossy(), &text).ok()
}

/// The main module's vendor list when the build uses vendor/ (`lookup`
/// says whether), checked against its go.mod (`go_mod`).
fn vendor_list(
    env: &GoEnv,
    file: &ModFile,
    root: &Path,
    go_mod: &Path,
    lookup: &Lookup,
) -> Result<Option<(PathBuf, ModulesTxt)>, String> {
    if lookup.mode != "vendor" {
        return Ok(None);
    }
    let txt = root.join("vendor").join("modules.txt");
    let text = std::fs::read_to_string(&txt).unwrap_or_default();
    let list = ModulesTxt::parse(&text);
    modfile::vendor::check_vendor_consistency(file, &list, &root.display().to_string(), &env.short_path(go_mod))?;
    Ok(Some((root.to_path_buf(), list)))
}

/// The go.work file of the build: `$GOWORK`, else one in `start` or
/// above it.
fn find_go_work(start: &Path, env: &GoEnv) -> Option<PathBuf> {
    match &env.gowork {
        Some(set) => set.clone(),
        None => find_up(start, "go.work"),
    }
}

/// The nearest file `name` in `dir` or a directory above it.
pub fn find_up(dir: &Path, name: &str) -> Option<PathBuf> {
    dir.ancestors().map(|d| d.join(name)).find(|p| p.is_file())
}

/// The go.mod of workspace module `root`; its errors as the go command
/// words them for a workspace (naming the module, relative to the current
/// directory, when the file cannot be read or parsed).
fn read_member_go_mod(env: &GoEnv, root: &Path) -> Result<ModFile, String> {
    let go_mod = root.join("go.mod");
    let read = if go_mod.is_file() {
        parse_main_go_mod(env, &go_mod)
    } else {
        Err(format!("go: open {}: no such file or directory", env.short_path(&go_mod)))
    };
    let name = env.short_path(root);
    let in_workspace =
        |e: String| format!("go: cannot load module {name} listed in go.work file: {}", e.trim_start_matches("go: "));
    let file = read.map_err(in_workspace)?;
    // A go.mod without a module line is an error reading it; its other
    // mistakes (a malformed path, ...) are not named after the module.
    let checked = modfile::check_main_module(&file, &env.short_path(&go_mod));
    checked.map_err(|e| if file.module.is_none() { in_workspace(e) } else { e })?;
    Ok(file)
}

/// Whether the go command would drop the main go.mod's `toolchain` line
/// (and so find go.mod out of date): one naming the go line's own
/// version, or one older than go1.21 (`default` included).
fn drops_toolchain(file: &ModFile) -> bool {
    let Some(toolchain) = &file.toolchain else { return false };
    let go = file.go.as_deref().unwrap_or("1.16");
    let version = toolchain.strip_prefix("go").unwrap_or("");
    *toolchain == format!("go{go}") || go_version_key(version) < go_version_key("1.21")
}

/// A workspace module (in `root`, whose go.mod says go `module`) may not
/// need a newer Go than its go.work (which says go `work`, 1.18 without a
/// `go` line), from go 1.21 on.
fn check_work_go(env: &GoEnv, work: Option<&str>, module: Option<&str>, root: &Path) -> Result<(), String> {
    let module = module.unwrap_or("1.16");
    let work_key = go_version_key(work.unwrap_or("1.18"));
    if go_version_key(module) <= work_key || go_version_key(module) < go_version_key("1.21") {
        return Ok(());
    }
    Err(work_too_old(env, work, module, root))
}

/// The go command's error for workspace module `root` needing go
/// `module`, which go.work (saying go `work`) does not allow; it is also
/// its error for a module too new for the toolchain.
fn work_too_old(env: &GoEnv, work: Option<&str>, module: &str, root: &Path) -> String {
    let (verb, work) = match work {
        Some(w) => ("lists", w),
        None => ("implicitly requires", "1.18"),
    };
    format!(
        "go: module {} listed in go.work file requires go >= {module}, but go.work {verb} go {work}; to download and use go {module}:\n\tgo work use",
        env.short_path(root)
    )
}

/// The Go release deft implements, as the go command reports its own.
const GO_VERSION: &str = "1.27.3";

/// Whether Go version `v` is newer than [`GO_VERSION`].
fn newer_than_go(v: &str) -> bool {
    go_version_key(v) > go_version_key(GO_VERSION)
}

/// A Go version (`1.N`, `1.NrcK`, `1.N.P`, `2.0`) as a key that orders
/// versions as the go command does: the language version 1.N comes
/// before its pre-releases, which come before 1.N.0. A version that is not
/// one sorts first.
fn go_version_key(v: &str) -> (u32, u32, u32, u32) {
    let number = |s: &str| -> (u32, usize) {
        let digits = s.bytes().take_while(u8::is_ascii_digit).count();
        (s[..digits].parse().unwrap_or(0), digits)
    };
    let (major, n) = number(v);
    let Some(rest) = v[n..].strip_prefix('.').filter(|_| n > 0) else { return (0, 0, 0, 0) };
    let (minor, n) = number(rest);
    let tail = &rest[n..];
    if let Some(patch) = tail.strip_prefix('.') {
        (major, minor, 2, number(patch).0)
    } else if let Some(pre) = tail.strip_prefix("rc").or_else(|| tail.strip_prefix("beta")) {
        (major, minor, 1, number(pre).0)
    } else {
        (major, minor, 0, 0)
    }
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path)
        .map_err(|e| format!("go: reading {}: {}", path.display(), crate::load::describe_io(&e)))
}

/// Reads and parses a go.mod; errors are the go command's. As the go
/// command, a `go` line newer than deft's Go is reported before anything
/// else the file gets wrong (read laxly first).
fn read_go_mod(env: &GoEnv, path: &Path) -> Result<ModFile, String> {
    let file = parse_main_go_mod(env, path)?;
    modfile::check_main_module(&file, &env.short_path(path))?;
    Ok(file)
}

/// [`read_go_mod`] without the checks made once the file is read.
fn parse_main_go_mod(env: &GoEnv, path: &Path) -> Result<ModFile, String> {
    let text = read(path)?;
    let shown = env.short_path(path);
    let name = path.to_string_lossy();
    if let Ok(lax) = modfile::parse_go_mod_lax(&name, &text)
        && let Some(v) = lax.go.as_deref().filter(|v| newer_than_go(v))
    {
        return Err(format!("go: {shown} requires go >= {v} (running go {GO_VERSION}; GOTOOLCHAIN=local)"));
    }
    modfile::parse_go_mod(&name, &text).map_err(|errors| modfile::errors_parsing(&shown, &shown, &errors))
}

#[cfg(test)]
mod tests {
    #[test]
    fn versions_newer_than_go() {
        for (v, newer) in
            [("1.27.4", true), ("1.28rc1", true), ("1.30", true), ("2.0", true), ("1.27.3", false), ("1.27", false)]
        {
            assert_eq!(super::newer_than_go(v), newer, "{v}");
        }
        assert!(!super::newer_than_go("1.27rc2") && !super::newer_than_go("1.21.0"));
    }

    #[test]
    fn go_versions_ordered_as_the_go_command() {
        let order = ["1.16", "1.21", "1.21rc1", "1.21.0", "1.21.3", "1.22"];
        for pair in order.windows(2) {
            assert!(super::go_version_key(pair[0]) < super::go_version_key(pair[1]), "{pair:?}");
        }
    }
}
