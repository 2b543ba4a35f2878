//! The go command's files: `go.mod`, `go.work`, `vendor/modules.txt`, and
//! the layout of the module cache — parsed and checked with the go
//! command's own error messages (gc 1.27.3).
//!
//! This module owns the *text* of those files and nothing else: it never
//! touches the file system (the one exception, [`cache::default_gomodcache`],
//! reads environment variables), never contacts the network, and never
//! decides which files to read; the package loader does, and hands the
//! text here.
//!
//! # Errors, as the go command prints them
//!
//! * A file that does not parse: `go: errors parsing go.mod:` then one line
//!   per error, `go.mod:3: unknown directive: foo` ([`errors_parsing`]).
//!   Each line is [`FileError::render`]: `NAME:LINE: MSG`, or
//!   `NAME:LINE:COL: MSG` when the error is not at the start of its line
//!   (an indented directive, a block line, most syntax errors); the column
//!   counts characters. NAME is the file's path relative to the current
//!   directory when that is shorter than the absolute path
//!   ([`short_path`]): `go.mod`, `../go.mod`, `/abs/dir/go.mod`. The first
//!   line names go.mod the same way, but go.work always as `go.work`
//!   (`go: errors parsing go.work:\n../../go.work:3: …`). A syntax error
//!   stops the parse (one error); other errors are all reported, in line
//!   order, except that `retract` versions are checked after every other
//!   line.
//! * The one message that names the file inside its text, `syntax error
//!   (unterminated block started at FILE:2:1)`, uses the name the go
//!   command opened the file by — go.mod's absolute path, go.work's NAME —
//!   which is why the parsers take it.
//! * Errors found when the main module is loaded rather than parsed are
//!   single messages ([`check_main_module`], [`check_work`]): `go: error
//!   reading go.mod: missing module declaration. …`, `go: malformed module
//!   path "a b": invalid char ' '`, `go: conflicting replacements for …`,
//!   `go: error loading go.work:\ngo.work:3: path … appears multiple times
//!   in workspace`.
//! * A dependency's go.mod (parsed by [`parse_go_mod_lax`]) fails the
//!   import that needed it: `main.go:2:8: example.com/d@v1.0.0: parsing
//!   go.mod: go.mod:4:2: usage: require module/path v1.2.3`.
//!
//! # Strict and lax
//!
//! The main module's go.mod and go.work are parsed strictly: every
//! directive is checked and an unknown one is `unknown directive: foo`.
//! A dependency's go.mod is parsed laxly, as the go command does, so that
//! newer directives do not break older readers: only `module`, `go`,
//! `require` and `ignore` are read (and checked); every other line, known
//! or not, is skipped unread. A lax `go` line may have junk after `1.N`
//! (`go 1.21x` and `go v1.20.0` are `1.21` and `1.20`).
//!
//! # Versions
//!
//! In the main module a version must be canonical (`v1.2.3`, not `v1.2`):
//! the go command would look a non-canonical one up in the module proxy
//! and then ask for `go mod tidy`; deft never contacts the network, so it
//! answers as the go command does with `GOPROXY=off`: `go.mod:3: module
//! lookup disabled by GOPROXY=off`. Before that, a module path with a
//! malformed major suffix is `require example.com/a/v1: version "v1.1.0"
//! invalid: malformed module path "example.com/a/v1"`. A dependency's
//! go.mod and go.work are read without lookups: a semantic version is
//! made canonical (`v1.2` → `v1.2.0`), anything else is `replace
//! example.com/x: version "1.0" invalid: must be of the form v1.2.3`, and
//! a dependency's `require` of a malformed path is `invalid module path`.
//! In every file a version must fit the major-version suffix of its module
//! path (`require example.com/a/v2: version "v1.0.0" invalid: should be
//! v2, not v1`).
//!
//! **Simplification (by design):** no minimal version selection. The
//! loader takes each module's version from the main module's `require`
//! lines: since Go 1.17 a module's go.mod lists every module that provides
//! a package its build needs (graph pruning), so for `go ≥ 1.17` main
//! modules these are the versions MVS would select, and the lines of
//! dependencies' go.mod files are needed only for their `go` version.
//!
//! # Loading a main module, in the go command's order
//!
//! 1. Read go.mod laxly ([`parse_go_mod_lax`]): if that succeeds and its
//!    `go` version is newer than the toolchain's, that is the error (`go:
//!    go.mod requires go >= 2.0 (running go 1.27.3; GOTOOLCHAIN=local)`),
//!    before any parse error; a lax read accepts `go v2.0.0` as `2.0`.
//! 2. Parse strictly ([`parse_go_mod`]) and report [`errors_parsing`].
//! 3. [`check_main_module`].
//!
//! Left out: the go command's lookups of its own modules `go` and
//! `toolchain` (`require go 1.0` and `require go ,` have messages of
//! their own; deft says `module lookup disabled`); `godebug` keys are not
//! checked against the known settings (`go: error loading
//! go.mod:\ngo.mod:2: unknown godebug "foo"`); tool paths are not checked
//! (`go: malformed tool path`); go.sum is `gosum`'s; go.work's replacements
//! are not checked against its modules'.

pub mod cache;
pub mod gosum;
pub mod module;
mod read;
pub mod vendor;

use std::fmt;
use std::path::{Component, Path, PathBuf};

use module::{
    canonical_version, check_import_path, check_module_path, check_path_major, is_go_version, is_toolchain_version,
    path_major, quote,
};
use read::{Block, Line, Pos, Stmt};

/// An error in a go.mod or go.work file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileError {
    /// The line, from 1.
    pub line: usize,
    /// The column, from 1, in characters; the go command omits it when 1.
    pub col: usize,
    pub msg: String,
}

impl FileError {
    /// The error as the go command prints it, the file called `shown`.
    pub fn render(&self, shown: &str) -> String {
        match self.col {
            0 | 1 => format!("{shown}:{}: {}", self.line, self.msg),
            col => format!("{shown}:{}:{col}: {}", self.line, self.msg),
        }
    }
}

/// The go command's report of a main go.mod or go.work that does not
/// parse: `go: errors parsing TITLE:` and the errors, one per line, each
/// naming the file `shown`. TITLE is `shown` for go.mod, `go.work` for
/// go.work.
pub fn errors_parsing(title: &str, shown: &str, errors: &[FileError]) -> String {
    let lines: Vec<String> = errors.iter().map(|e| e.render(shown)).collect();
    format!("go: errors parsing {title}:\n{}", lines.join("\n"))
}

/// How the go command names a file in messages: relative to the current
/// directory `cwd` when that is shorter than the absolute `path`.
pub fn short_path(path: &Path, cwd: &Path) -> String {
    let full = path.display().to_string();
    let (p, c): (Vec<Component>, Vec<Component>) = (path.components().collect(), cwd.components().collect());
    let common = p.iter().zip(&c).take_while(|(a, b)| a == b).count();
    if common == 0 {
        return full;
    }
    let mut rel = PathBuf::new();
    c[common..].iter().for_each(|_| rel.push(".."));
    p[common..].iter().for_each(|part| rel.push(part));
    let rel = if rel.as_os_str().is_empty() { ".".to_string() } else { rel.display().to_string() };
    if rel.len() < full.len() { rel } else { full }
}

/// A parsed go.mod file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ModFile {
    /// The module path; `None` without a `module` line (which the go
    /// command reports only when loading: [`check_main_module`]).
    pub module: Option<String>,
    /// The module's deprecation message: the paragraph of the `module`
    /// line's comments that starts with `Deprecated:` (see
    /// [`deprecation`]).
    pub deprecated: Option<String>,
    /// The `go` version as written (`1.21`, `1.21.3`, `1.22rc1`).
    pub go: Option<String>,
    /// The `toolchain` version as written (`go1.21.3`, `default`).
    pub toolchain: Option<String>,
    /// `godebug` settings, key and value, in order.
    pub godebug: Vec<(String, String)>,
    pub requires: Vec<Require>,
    pub excludes: Vec<ModuleVersion>,
    pub replaces: Vec<Replace>,
    pub retracts: Vec<Retract>,
    /// `tool` package paths.
    pub tools: Vec<String>,
    /// `ignore` directories, as written.
    pub ignores: Vec<String>,
}

/// A module at a version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModuleVersion {
    pub path: String,
    pub version: String,
}

/// A `require` line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Require {
    pub path: String,
    /// Canonical.
    pub version: String,
    /// Marked `// indirect`: the line's own comment, after `//`, is the word
    /// `indirect`, or starts with the word `indirect;`.
    pub indirect: bool,
}

/// A `replace` line: `old[ v] => new`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Replace {
    pub old_path: String,
    /// `None` replaces every version.
    pub old_version: Option<String>,
    pub new: Replacement,
}

/// What a module is replaced by.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Replacement {
    /// A directory, as written: `.`, `..`, or starting with `./`, `../`
    /// or `/` (relative to the directory of the go.mod or go.work).
    Dir(String),
    /// Another module at a version.
    Module(ModuleVersion),
}

impl fmt::Display for Replacement {
    /// As the go command shows a replacement: `./dir` or `path@version`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Replacement::Dir(dir) => f.write_str(dir),
            Replacement::Module(m) => write!(f, "{}@{}", m.path, m.version),
        }
    }
}

/// A `retract` line: the versions `low` through `high` (equal for a single
/// version), with the rationale written in its comments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Retract {
    pub low: String,
    pub high: String,
    pub rationale: String,
}

/// A parsed go.work file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WorkFile {
    /// The `go` version; without one the go command takes go 1.18.
    pub go: Option<String>,
    pub toolchain: Option<String>,
    pub godebug: Vec<(String, String)>,
    pub uses: Vec<Use>,
    pub replaces: Vec<Replace>,
}

/// A `use` line of go.work: a module directory, relative to go.work's
/// directory unless absolute (`./a` and `a` are the same).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Use {
    pub dir: String,
    pub line: usize,
}

/// Parses the main module's go.mod (strictly). `file` is its absolute
/// path, which one message quotes.
pub fn parse_go_mod(file: &str, text: &str) -> Result<ModFile, Vec<FileError>> {
    parse(Mode::Main, file, text).map(|(m, _)| m)
}

/// Parses a dependency's go.mod (laxly: see the module documentation).
pub fn parse_go_mod_lax(file: &str, text: &str) -> Result<ModFile, Vec<FileError>> {
    parse(Mode::Dependency, file, text).map(|(m, _)| m)
}

/// Parses a go.work file: `go`, `toolchain`, `godebug`, `use` and `replace`
/// (every other directive, `module` and `require` included, is unknown).
/// `file` is its name as shown in messages ([`short_path`]), which one
/// message quotes.
pub fn parse_go_work(file: &str, text: &str) -> Result<WorkFile, Vec<FileError>> {
    let (m, uses) = parse(Mode::Work, file, text)?;
    Ok(WorkFile { go: m.go, toolchain: m.toolchain, godebug: m.godebug, uses, replaces: m.replaces })
}

/// The checks the go command makes when it loads the main module's go.mod
/// (named `shown`) rather than when it parses it: a `module` line, a
/// well-formed module path, and no two different replacements of one
/// module (at one version, or at all versions).
pub fn check_main_module(m: &ModFile, shown: &str) -> Result<(), String> {
    let Some(path) = &m.module else {
        return Err(format!(
            "go: error reading {shown}: missing module declaration. To specify the module path:\n\tgo mod edit -module=example.com/mod"
        ));
    };
    check_import_path(path).map_err(|why| format!("go: malformed module path {}: {why}", quote(path)))?;
    for (i, r) in m.replaces.iter().enumerate() {
        let same_old = |p: &&Replace| p.old_path == r.old_path && p.old_version == r.old_version;
        if let Some(first) = m.replaces[..i].iter().filter(same_old).find(|p| p.new != r.new) {
            let old = match &r.old_version {
                Some(v) => format!("{}@{v}", r.old_path),
                None => r.old_path.clone(),
            };
            return Err(format!("go: conflicting replacements for {old}:\n\t{}\n\t{}", first.new, r.new));
        }
    }
    Ok(())
}

/// The checks the go command makes when it loads go.work (named `shown`,
/// in directory `dir`): no module directory used twice (`./a` and `a` are
/// one; the message shows the absolute path).
pub fn check_work(work: &WorkFile, dir: &Path, shown: &str) -> Result<(), String> {
    let mut seen = Vec::new();
    for u in &work.uses {
        let abs = clean(&dir.join(&u.dir));
        if seen.contains(&abs) {
            let msg = format!("path {} appears multiple times in workspace", abs.display());
            return Err(format!("go: error loading go.work:\n{shown}:{}: {msg}", u.line));
        }
        seen.push(abs);
    }
    Ok(())
}

/// `path` with `.` and `..` resolved lexically.
fn clean(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            c => out.push(c),
        }
    }
    out
}

/// The message for a version deft would have to look up.
const LOOKUP_DISABLED: &str = "module lookup disabled by GOPROXY=off";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    /// The main module's go.mod.
    Main,
    /// A dependency's go.mod.
    Dependency,
    Work,
}

/// A directive handler: records one line or returns its error.
type Handler = fn(&mut Parser, &Directive) -> Result<(), String>;

/// Every directive: name, whether it may form a block, handler. Which of
/// them a file knows depends on its kind ([`Parser::handler`]).
const DIRECTIVES: &[(&str, bool, Handler)] = &[
    ("module", true, Parser::module),
    ("go", false, Parser::go),
    ("toolchain", false, Parser::toolchain),
    ("godebug", true, Parser::godebug),
    ("require", true, Parser::require),
    ("exclude", true, Parser::exclude),
    ("replace", true, Parser::replace),
    ("retract", true, Parser::retract),
    ("tool", true, Parser::tool),
    ("ignore", true, Parser::ignore),
    ("use", true, Parser::use_dir),
];
const GO_MOD_LAX: &[&str] = &["module", "go", "require", "ignore"];
const GO_WORK: &[&str] = &["go", "toolchain", "godebug", "use", "replace"];

/// One directive line: its verb, its arguments (the tokens after the verb,
/// or the whole line in a block), and where it stands.
struct Directive<'a> {
    verb: &'a str,
    args: &'a [String],
    line: &'a Line,
    block: Option<&'a Block>,
}

struct Parser {
    mode: Mode,
    file: ModFile,
    /// Whether a `module` line was met, well-formed or not.
    module_seen: bool,
    /// `retract` lines, checked once the module path is known.
    retracts: Vec<PendingRetract>,
    uses: Vec<Use>,
    errors: Vec<FileError>,
}

/// A `retract` line read but not yet checked: its versions unquoted.
struct PendingRetract {
    low: String,
    high: String,
    rationale: String,
    pos: Pos,
}

fn parse(mode: Mode, file: &str, text: &str) -> Result<(ModFile, Vec<Use>), Vec<FileError>> {
    let stmts = read::parse(file, text).map_err(|e| vec![e])?;
    let mut p = Parser {
        mode,
        file: ModFile::default(),
        module_seen: false,
        retracts: Vec::new(),
        uses: Vec::new(),
        errors: Vec::new(),
    };
    for stmt in &stmts {
        match stmt {
            Stmt::Line(line) => {
                if let Some((verb, args)) = line.tokens.split_first() {
                    p.directive(&Directive { verb, args, line, block: None });
                }
            }
            Stmt::Block(block) => p.block(block),
        }
    }
    p.check_retracts();
    if p.errors.is_empty() { Ok((p.file, p.uses)) } else { Err(p.errors) }
}

impl Parser {
    /// The handler of `verb` in this kind of file, and whether it takes a
    /// block.
    fn handler(&self, verb: &str) -> Option<(bool, Handler)> {
        let known = match self.mode {
            Mode::Main => verb != "use",
            Mode::Dependency => GO_MOD_LAX.contains(&verb),
            Mode::Work => GO_WORK.contains(&verb),
        };
        let &(_, blocks, handler) = DIRECTIVES.iter().find(|(name, ..)| *name == verb)?;
        known.then_some((blocks, handler))
    }

    fn error(&mut self, pos: Pos, msg: String) {
        self.errors.push(FileError { line: pos.line, col: pos.col, msg });
    }

    fn directive(&mut self, d: &Directive) {
        match self.handler(d.verb) {
            Some((_, handler)) => {
                if let Err(msg) = handler(self, d) {
                    self.error(d.line.pos, msg);
                }
            }
            None if self.mode == Mode::Dependency => {}
            None => self.error(d.line.pos, format!("unknown directive: {}", d.verb)),
        }
    }

    fn block(&mut self, block: &Block) {
        let verb = block.verb.join(" ");
        match self.handler(&verb) {
            Some((true, _)) => {
                for line in &block.lines {
                    self.directive(&Directive { verb: &verb, args: &line.tokens, line, block: Some(block) });
                }
            }
            _ if self.mode == Mode::Dependency => {}
            _ => self.error(block.pos, format!("unknown block type: {verb}")),
        }
    }

    fn module(&mut self, d: &Directive) -> Result<(), String> {
        if std::mem::replace(&mut self.module_seen, true) {
            return Err("repeated module statement".into());
        }
        let [path] = d.args else { return Err("usage: module module/path".into()) };
        self.file.module = Some(unquote_path(path)?);
        self.file.deprecated = deprecation(&directive_comment(d));
        Ok(())
    }

    /// `go 1.N[.P]`; read laxly, a version with junk after `1.N` (`1.21x`,
    /// `v1.20.0`) is `1.N`.
    fn go(&mut self, d: &Directive) -> Result<(), String> {
        let v = single_version(d, self.file.go.is_some())?;
        let lax = || lax_go_version(v).filter(|_| self.mode == Mode::Dependency);
        let v = if is_go_version(v) {
            v
        } else {
            lax().ok_or_else(|| format!("invalid go version '{v}': must match format 1.23.0"))?
        };
        self.file.go = Some(v.to_string());
        Ok(())
    }

    fn toolchain(&mut self, d: &Directive) -> Result<(), String> {
        let v = single_version(d, self.file.toolchain.is_some())?;
        if !is_toolchain_version(v) {
            return Err(format!("invalid toolchain version '{v}': must match format go1.23.0 or default"));
        }
        self.file.toolchain = Some(v.to_string());
        Ok(())
    }

    /// `godebug key=value`: one token, no quotes or commas.
    fn godebug(&mut self, d: &Directive) -> Result<(), String> {
        let usage = || "usage: godebug key=value".to_string();
        let [arg] = d.args else { return Err(usage()) };
        let (key, value) = arg.split_once('=').ok_or_else(usage)?;
        if arg.contains(['"', '`', '\'', ',']) {
            return Err(usage());
        }
        self.file.godebug.push((key.to_string(), value.to_string()));
        Ok(())
    }

    fn require(&mut self, d: &Directive) -> Result<(), String> {
        let m = self.module_version(d)?;
        let indirect = d.line.suffix.as_deref().is_some_and(is_indirect);
        self.file.requires.push(Require { path: m.path, version: m.version, indirect });
        Ok(())
    }

    fn exclude(&mut self, d: &Directive) -> Result<(), String> {
        let m = self.module_version(d)?;
        self.file.excludes.push(m);
        Ok(())
    }

    /// `verb module/path version`, for `require` and `exclude`.
    fn module_version(&self, d: &Directive) -> Result<ModuleVersion, String> {
        let [path, version] = d.args else { return Err(format!("usage: {} module/path v1.2.3", d.verb)) };
        let path = unquote_path(path)?;
        let version = self.version(d.verb, &path, version)?;
        if path_major(&path).is_none() {
            return Err("invalid module path".into());
        }
        Ok(ModuleVersion { path, version })
    }

    /// `replace old [v] => new [v]`.
    fn replace(&mut self, d: &Directive) -> Result<(), String> {
        let args = d.args;
        let arrow = if args.get(1).is_some_and(|a| a == "=>") { 1 } else { 2 };
        if args.len() < arrow + 2 || args.len() > arrow + 3 || args[arrow] != "=>" {
            return Err("usage: replace module/path [v1.2.3] => other/module v1.4\n\t or replace module/path [v1.2.3] => ../local/directory".into());
        }
        let old_path = unquote_path(&args[0])?;
        let old_version = match arrow {
            2 => Some(self.version(d.verb, &old_path, &args[1])?),
            _ => None,
        };
        let new_path = unquote_path(&args[arrow + 1])?;
        let new = match args.get(arrow + 2) {
            None => Replacement::Dir(replacement_dir(new_path)?),
            Some(_) if is_directory_path(&new_path) => {
                return Err(format!("replacement module directory path {} cannot have version", quote(&new_path)));
            }
            Some(v) => {
                let version = self.version(d.verb, &new_path, v)?;
                Replacement::Module(ModuleVersion { path: new_path, version })
            }
        };
        self.file.replaces.push(Replace { old_path, old_version, new });
        Ok(())
    }

    /// `retract v` or `retract [low, high]`: its form now, its versions
    /// at the end of the file ([`Parser::check_retracts`]).
    fn retract(&mut self, d: &Directive) -> Result<(), String> {
        let (low, high) = retract_interval(d.args)?;
        self.retracts.push(PendingRetract { low, high, rationale: directive_comment(d), pos: d.line.pos });
        Ok(())
    }

    /// Checks the versions of the `retract` lines against the module path,
    /// as the go command does after every other line: without a module
    /// line, one error at the first `retract`; else at most one error per
    /// line, after the file's other errors.
    fn check_retracts(&mut self) {
        let Some(first) = self.retracts.first() else { return };
        if self.file.module.as_deref().unwrap_or_default().is_empty() {
            self.error(first.pos, "no module directive found, so retract cannot be used".into());
            return;
        }
        let path = self.file.module.clone().unwrap_or_default();
        for r in std::mem::take(&mut self.retracts) {
            let versions = self
                .fix_version("retract", &path, r.low)
                .and_then(|low| Ok((low, self.fix_version("retract", &path, r.high)?)));
            match versions {
                Ok((low, high)) => self.file.retracts.push(Retract { low, high, rationale: r.rationale }),
                Err(msg) => self.error(r.pos, msg),
            }
        }
    }

    fn tool(&mut self, d: &Directive) -> Result<(), String> {
        let path = single_path(d)?;
        self.file.tools.push(path);
        Ok(())
    }

    fn ignore(&mut self, d: &Directive) -> Result<(), String> {
        let dir = single_path(d)?;
        self.file.ignores.push(dir);
        Ok(())
    }

    fn use_dir(&mut self, d: &Directive) -> Result<(), String> {
        let [dir] = d.args else { return Err("usage: use local/dir".into()) };
        self.uses.push(Use { dir: unquote_path(dir)?, line: d.line.pos.line });
        Ok(())
    }

    /// Checks the version token `raw` of module `path` on a `verb` line
    /// (see "Versions" in the module documentation) and returns it
    /// canonical.
    fn version(&self, verb: &str, path: &str, raw: &str) -> Result<String, String> {
        let invalid = |v: &str, why: String| format!("{verb} {path}: version {} invalid: {why}", quote(v));
        let v = unquote(raw).map_err(|why| invalid(raw, why))?;
        if self.mode == Mode::Main {
            return self.fix_version(verb, path, v);
        }
        let v = canonical_version(&v).ok_or_else(|| invalid(&v, "must be of the form v1.2.3".into()))?;
        if let Some(major) = path_major(path) {
            check_path_major(&v, major).map_err(|why| invalid(&v, why))?;
        }
        Ok(v)
    }

    /// The go command's check of version `v` of module `path` in the main
    /// module, up to where it would look the version up.
    fn fix_version(&self, verb: &str, path: &str, v: String) -> Result<String, String> {
        let invalid = |why: String| format!("{verb} {path}: version {} invalid: {why}", quote(&v));
        let major = path_major(path).ok_or_else(|| invalid(format!("malformed module path {}", quote(path))))?;
        if canonical_version(&v).as_deref() == Some(v.as_str()) {
            check_path_major(&v, major).map_err(invalid)?;
            return Ok(v);
        }
        // The go command's own modules are looked up without a path check.
        if !matches!(path, "go" | "toolchain") {
            check_module_path(path).map_err(|why| format!("malformed module path {}: {why}", quote(path)))?;
        }
        Err(LOOKUP_DISABLED.into())
    }
}

/// The one argument of `go` or `toolchain` (taken as written: quotes are
/// not removed); `repeated` if the file already has one.
fn single_version<'a>(d: &'a Directive, repeated: bool) -> Result<&'a str, String> {
    if repeated {
        return Err(format!("repeated {} statement", d.verb));
    }
    match d.args {
        [v] => Ok(v),
        _ => Err(format!("{} directive expects exactly one argument", d.verb)),
    }
}

/// The `1.N` of a version that does not match the `go` line's format but
/// starts with `1.N` (or `v1.N`) and then something other than a digit.
fn lax_go_version(v: &str) -> Option<&str> {
    let v = v.strip_prefix('v').unwrap_or(v);
    let (major, rest) = v.split_once('.')?;
    let minor = rest.bytes().take_while(u8::is_ascii_digit).count();
    let well_formed =
        |n: &str| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) && (n == "0" || !n.starts_with('0'));
    let junk = rest[minor..].chars().next().is_some();
    (well_formed(major) && major != "0" && well_formed(&rest[..minor]) && junk).then(|| &v[..major.len() + 1 + minor])
}

/// The one argument of `tool` or `ignore`, unquoted.
fn single_path(d: &Directive) -> Result<String, String> {
    match d.args {
        [arg] => unquote_path(arg),
        _ => Err(format!("{} directive expects exactly one argument", d.verb)),
    }
}

/// The value of a token: a `"`-quoted string is unquoted as Go unquotes
/// it; any other quote character in a token is an error (the reason is
/// returned bare; each caller words the error its own way).
fn unquote(token: &str) -> Result<String, String> {
    if token.starts_with('"') {
        let bytes = go_unquote(token).ok_or("invalid syntax")?;
        return Ok(String::from_utf8_lossy(&bytes).into_owned());
    }
    if token.contains(['"', '\'', '`']) {
        return Err("unquoted string cannot contain quote".into());
    }
    Ok(token.to_string())
}

/// A token that is not a version: errors are `invalid quoted string: …`.
fn unquote_path(token: &str) -> Result<String, String> {
    unquote(token).map_err(|why| format!("invalid quoted string: {why}"))
}

/// `strconv.Unquote` of a `"` string: the syntax crate's decoding, which
/// also accepts `\'` (valid in rune literals only, so refused here).
fn go_unquote(token: &str) -> Option<Vec<u8>> {
    let mut chars = token.chars();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.next() == Some('\'') {
            return None;
        }
    }
    syntax::literal::unquote_string(token)
}

/// Whether a replacement path names a directory: `.`, `..`, or starting
/// with `./`, `../`, `/`, their backslash forms, or a drive letter and `:`.
fn is_directory_path(p: &str) -> bool {
    let drive = p.as_bytes().first().is_some_and(u8::is_ascii_alphabetic) && p.as_bytes().get(1) == Some(&b':');
    p == "." || p == ".." || ["./", "../", "/", ".\\", "..\\", "\\"].iter().any(|pre| p.starts_with(pre)) || drive
}

/// A replacement without a version, which must be a directory.
fn replacement_dir(path: String) -> Result<String, String> {
    if !is_directory_path(&path) {
        return Err(
            "replacement module without version must be directory path (rooted or starting with . or ..)".into()
        );
    }
    if path.contains('\\') {
        return Err("replacement directory appears to be Windows path (on a non-windows system)".into());
    }
    Ok(path)
}

/// The low and high versions of a `retract` line, unquoted, read and
/// checked token by token as the go command reads them.
fn retract_interval(args: &[String]) -> Result<(String, String), String> {
    let version = |raw: &str| unquote(raw).map_err(|why| format!("retract: version {} invalid: {why}", quote(raw)));
    let at = |i: usize| args.get(i).map(String::as_str);
    let (low, high, next) = match at(0) {
        None | Some("(") => return Err("expected '[' or version".into()),
        Some("[") => {
            let low = version(at(1).ok_or("expected version after '['")?)?;
            if at(2) != Some(",") {
                return Err("expected ',' after version".into());
            }
            let high = version(at(3).ok_or("expected version after ','")?)?;
            if at(4) != Some("]") {
                return Err("expected ']' after version".into());
            }
            (low, high, 5)
        }
        Some(v) => {
            let v = version(v)?;
            (v.clone(), v, 1)
        }
    };
    match at(next) {
        Some(extra) => Err(format!("unexpected token after version: {}", quote(extra))),
        None => Ok((low, high)),
    }
}

/// Whether a line's own comment marks it `// indirect`.
fn is_indirect(comment: &str) -> bool {
    let words: Vec<&str> = comment.strip_prefix("//").unwrap_or(comment).split_whitespace().collect();
    words == ["indirect"] || (words.len() > 1 && words[0] == "indirect;")
}

/// The text of the comments on a directive: its line's (above it, then at
/// its end), or if it has none, its block's; each without `//` and trimmed,
/// joined by newlines (blank lines skipped).
fn directive_comment(d: &Directive) -> String {
    let own = !d.line.before.is_empty() || d.line.suffix.is_some();
    let (before, suffix) = match d.block {
        Some(block) if !own => (&block.before, None),
        _ => (&d.line.before, d.line.suffix.as_ref()),
    };
    let texts = before.iter().chain(suffix).filter_map(|c| c.strip_prefix("//")).map(str::trim);
    texts.collect::<Vec<_>>().join("\n")
}

/// The deprecation message in a module's comment text: the paragraph
/// (paragraphs are separated by an empty line) that starts with
/// `Deprecated:`, without that word and the spaces after it; `None` if
/// there is none or it is empty.
fn deprecation(text: &str) -> Option<String> {
    const WORD: &str = "Deprecated:";
    let start = if text.starts_with(WORD) { 0 } else { text.find("\n\nDeprecated:")? + 2 };
    let rest = text[start + WORD.len()..].trim_start_matches(' ');
    let msg = rest.split("\n\n").next().unwrap_or_default();
    (!msg.is_empty()).then(|| msg.to_string())
}

#[cfg(test)]
mod tests;
