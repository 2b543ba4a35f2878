//! A small builder for hand-made lowered IR, and the runner that compiles a
//! program, runs it in a child process (the runtime writes to fd 1/2 and
//! exits the process on an unrecovered panic), and compares the result
//! with what gc printed for the equivalent Go program in `tests/cases/`.
#![allow(dead_code)]

use std::collections::HashMap;
use std::path::PathBuf;

use lower::ir::*;
use syntax::{FileId, Pos, SourceMap};

/// Common types of a test program.
#[derive(Clone, Copy)]
pub struct Tys {
    pub int: TyId,
    pub int8: TyId,
    pub int32: TyId,
    pub int64: TyId,
    pub uint: TyId,
    pub uint8: TyId,
    pub uint32: TyId,
    pub uint64: TyId,
    pub f32: TyId,
    pub f64: TyId,
    pub bool: TyId,
    pub string: TyId,
    pub eface: TyId,
    pub unit: TyId,
    pub func0: TyId,
}

/// A program under construction.
pub struct PB {
    pub prog: Program,
    pub sources: SourceMap,
    names: HashMap<String, TyId>,
    pub t: Tys,
}

pub fn pos(line: u32) -> Pos {
    Pos { file: FileId(0), line, col: 2 }
}

impl PB {
    /// A program whose source file is the case `name` (for positions).
    pub fn new(case: &str) -> PB {
        let mut sources = SourceMap::default();
        let path = case_path(case, "go");
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        sources.add(path.to_string_lossy().to_string(), text);
        let mut pb = PB {
            prog: Program::default(),
            sources,
            names: HashMap::new(),
            t: Tys {
                int: TyId(0),
                int8: TyId(0),
                int32: TyId(0),
                int64: TyId(0),
                uint: TyId(0),
                uint8: TyId(0),
                uint32: TyId(0),
                uint64: TyId(0),
                f32: TyId(0),
                f64: TyId(0),
                bool: TyId(0),
                string: TyId(0),
                eface: TyId(0),
                unit: TyId(0),
                func0: TyId(0),
            },
        };
        let int = |bits, signed| TyKind::Int(IntTy { bits, signed });
        pb.t.int = pb.ty("int", int(64, true));
        pb.t.int8 = pb.ty("int8", int(8, true));
        pb.t.int32 = pb.ty("int32", int(32, true));
        pb.t.int64 = pb.ty("int64", int(64, true));
        pb.t.uint = pb.ty("uint", int(64, false));
        pb.t.uint8 = pb.ty("uint8", int(8, false));
        pb.t.uint32 = pb.ty("uint32", int(32, false));
        pb.t.uint64 = pb.ty("uint64", int(64, false));
        pb.t.f32 = pb.ty("float32", TyKind::Float(32));
        pb.t.f64 = pb.ty("float64", TyKind::Float(64));
        pb.t.bool = pb.ty("bool", TyKind::Bool);
        pb.t.string = pb.ty("string", TyKind::String);
        pb.t.eface = pb.ty("interface {}", TyKind::Interface(vec![]));
        pb.t.unit = pb.ty("()", TyKind::Tuple(vec![]));
        pb.t.func0 = pb.func_ty(&[], &[]);
        pb
    }

    /// The type named `name` (created with `kind` the first time).
    pub fn ty(&mut self, name: &str, kind: TyKind) -> TyId {
        if let Some(t) = self.names.get(name) {
            return *t;
        }
        let id = TyId(self.prog.types.len() as u32);
        self.prog.types.push(TyDef {
            kind,
            name: name.to_string(),
            link: name.to_string(),
            named: false,
            methods: vec![],
            reflect: Default::default(),
        });
        self.names.insert(name.to_string(), id);
        id
    }

    fn name(&self, t: TyId) -> String {
        self.prog.types[t.0 as usize].name.clone()
    }

    /// `func(params) results`.
    pub fn func_ty(&mut self, params: &[TyId], results: &[TyId]) -> TyId {
        let ps: Vec<String> = params.iter().map(|t| self.name(*t)).collect();
        let rs: Vec<String> = results.iter().map(|t| self.name(*t)).collect();
        let r = match rs.len() {
            0 => String::new(),
            1 => format!(" {}", rs[0]),
            _ => format!(" ({})", rs.join(", ")),
        };
        let name = format!("func({}){}", ps.join(", "), r);
        self.ty(&name, TyKind::Func(FuncSig { params: params.to_vec(), results: results.to_vec() }))
    }

    /// A tuple of several results.
    pub fn tuple(&mut self, elems: &[TyId]) -> TyId {
        let ns: Vec<String> = elems.iter().map(|t| self.name(*t)).collect();
        self.ty(&format!("({})", ns.join(", ")), TyKind::Tuple(elems.to_vec()))
    }

    /// `[]elem`.
    pub fn slice(&mut self, elem: TyId) -> TyId {
        let n = format!("[]{}", self.name(elem));
        self.ty(&n, TyKind::Slice(elem))
    }

    /// Reserves a function id.
    pub fn declare(&mut self) -> FuncId {
        let id = FuncId(self.prog.funcs.len() as u32);
        self.prog.funcs.push(FB::new("<declared>", 0).f);
        id
    }

    /// Defines a reserved function.
    pub fn define(&mut self, id: FuncId, f: FB) {
        self.prog.funcs[id.0 as usize] = f.f;
    }

    /// Declares and defines.
    pub fn add(&mut self, f: FB) -> FuncId {
        let id = self.declare();
        self.define(id, f);
        id
    }

    /// Adds an empty `init` and sets `main`.
    pub fn finish(mut self, main: FuncId) -> (Program, SourceMap) {
        let mut init = FB::new("main.init", 0);
        init.f.body.push(Stmt::Return(Pos::NONE));
        self.prog.init = self.add(init);
        self.prog.main = Some(main);
        (self.prog, self.sources)
    }
}

/// A function under construction.
pub struct FB {
    pub f: Func,
}

impl FB {
    pub fn new(name: &str, line: u32) -> FB {
        FB {
            f: Func {
                name: name.to_string(),
                link: name.to_string(),
                pos: pos(line),
                end: Pos::NONE,
                params: vec![],
                results: vec![],
                captures: vec![],
                locals: vec![],
                body: vec![],
                defers: vec![],
                range_defers: false,
                external: false,
                noinline: false,
                on_demand: false,
                unit: None,
            },
        }
    }

    fn local_(&mut self, name: &str, ty: TyId, heap: bool) -> LocalId {
        self.f.locals.push(Local { name: name.to_string(), ty, heap });
        LocalId(self.f.locals.len() as u32 - 1)
    }

    pub fn param(&mut self, name: &str, ty: TyId) -> LocalId {
        let l = self.local_(name, ty, false);
        self.f.params.push(l);
        l
    }

    pub fn heap_param(&mut self, name: &str, ty: TyId) -> LocalId {
        let l = self.local_(name, ty, true);
        self.f.params.push(l);
        l
    }

    pub fn result(&mut self, name: &str, ty: TyId) -> LocalId {
        let l = self.local_(name, ty, false);
        self.f.results.push(l);
        l
    }

    pub fn heap_result(&mut self, name: &str, ty: TyId) -> LocalId {
        let l = self.local_(name, ty, true);
        self.f.results.push(l);
        l
    }

    pub fn var(&mut self, name: &str, ty: TyId) -> LocalId {
        self.local_(name, ty, false)
    }

    pub fn heap(&mut self, name: &str, ty: TyId) -> LocalId {
        self.local_(name, ty, true)
    }

    pub fn capture(&mut self, name: &str, ty: TyId) -> LocalId {
        let l = self.local_(name, ty, true);
        self.f.captures.push(l);
        l
    }

    /// A defer site at `line`.
    pub fn site(&mut self, line: u32, kind: DeferKind) -> usize {
        self.f.defers.push(DeferSite { pos: pos(line), kind, outer: None });
        self.f.defers.len() - 1
    }

    pub fn body(mut self, stmts: Vec<Stmt>) -> FB {
        self.f.body = stmts;
        self
    }
}

// ---- expressions ----

pub fn ex(kind: ExprKind, ty: TyId, line: u32) -> Expr {
    Expr { kind, ty, pos: pos(line) }
}
pub fn int(v: i64, ty: TyId) -> Expr {
    ex(ExprKind::Const(Const::Int(v as u64)), ty, 0)
}
pub fn float(v: f64, ty: TyId) -> Expr {
    ex(ExprKind::Const(Const::Float(v)), ty, 0)
}
pub fn boolean(v: bool, ty: TyId) -> Expr {
    ex(ExprKind::Const(Const::Bool(v)), ty, 0)
}
pub fn s(v: &str, t: &Tys) -> Expr {
    ex(ExprKind::Const(Const::String(v.to_string())), t.string, 0)
}
pub fn nil(ty: TyId) -> Expr {
    ex(ExprKind::Const(Const::Nil), ty, 0)
}
pub fn lv(l: LocalId, ty: TyId) -> Expr {
    ex(ExprKind::Local(l), ty, 0)
}
pub fn bin(op: BinOp, a: Expr, b: Expr, ty: TyId, line: u32) -> Expr {
    ex(ExprKind::Binary(op, Box::new(a), Box::new(b)), ty, line)
}
pub fn un(op: UnOp, a: Expr, ty: TyId) -> Expr {
    ex(ExprKind::Unary(op, Box::new(a)), ty, 0)
}
pub fn conv(a: Expr, ty: TyId, line: u32) -> Expr {
    ex(ExprKind::Convert(Box::new(a)), ty, line)
}
pub fn iface(a: Expr, t: &Tys) -> Expr {
    ex(ExprKind::ToInterface(Box::new(a)), t.eface, 0)
}
pub fn call(f: FuncId, args: Vec<Expr>, ty: TyId, line: u32) -> Expr {
    ex(ExprKind::Call(Box::new(Call { callee: Callee::Func(f), args, pos: pos(line) })), ty, line)
}
pub fn callv(fv: Expr, args: Vec<Expr>, ty: TyId, line: u32) -> Expr {
    ex(ExprKind::Call(Box::new(Call { callee: Callee::Value(fv), args, pos: pos(line) })), ty, line)
}
pub fn closure(f: FuncId, captures: Vec<LocalId>, ty: TyId) -> Expr {
    ex(ExprKind::Closure { func: f, captures }, ty, 0)
}
pub fn recover(t: &Tys, line: u32) -> Expr {
    ex(ExprKind::Recover, t.eface, line)
}
pub fn assert_(x: Expr, ty: TyId, line: u32) -> Expr {
    ex(ExprKind::TypeAssert { x: Box::new(x), comma_ok: false }, ty, line)
}

// ---- statements ----

pub fn println_(args: Vec<Expr>, t: &Tys, line: u32) -> Stmt {
    Stmt::Eval(ex(ExprKind::Print { args, newline: true }, t.unit, line))
}
pub fn panic_(v: Expr, t: &Tys, line: u32) -> Stmt {
    Stmt::Eval(ex(ExprKind::Panic(Box::new(v)), t.unit, line))
}
pub fn set(l: LocalId, e: Expr) -> Stmt {
    Stmt::Assign(Place::Local(l), e)
}
pub fn decl_set(l: LocalId, e: Expr) -> Vec<Stmt> {
    vec![Stmt::Decl(l), set(l, e)]
}
pub fn eval(e: Expr) -> Stmt {
    Stmt::Eval(e)
}
pub fn ret() -> Stmt {
    Stmt::Return(Pos::NONE)
}
pub fn defer_f(site: usize, f: FuncId, args: Vec<Expr>, line: u32) -> Stmt {
    Stmt::Defer { site, call: Call { callee: Callee::Func(f), args, pos: pos(line) } }
}
pub fn defer_v(site: usize, fv: Expr, args: Vec<Expr>, line: u32) -> Stmt {
    Stmt::Defer { site, call: Call { callee: Callee::Value(fv), args, pos: pos(line) } }
}
pub fn if_(cond: Expr, then: Vec<Stmt>, els: Vec<Stmt>) -> Stmt {
    Stmt::If { cond, then, els }
}

// ---- running ----

pub fn case_path(case: &str, ext: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/cases").join(format!("{case}.{ext}"))
}

const CHILD_ENV: &str = "DEFT_CODEGEN_CASE";

/// Compiles `tests/cases/NAME.go` through the whole pipeline (parse, check,
/// lower) into IR.
pub fn from_source(case: &str, no_open_defers: bool) -> (Program, SourceMap) {
    let mut sources = SourceMap::default();
    let path = case_path(case, "go");
    let text = std::fs::read_to_string(&path).unwrap();
    let file = sources.add(path.to_string_lossy().to_string(), text);
    let mut diags = syntax::Diagnostics::default();
    let mut ids = syntax::ast::NodeIds::default();
    let files = vec![syntax::parser::parse_file(&sources, file, &mut ids, &mut diags)];
    let info = types::check_package(&sources, &files, &mut diags);
    let opts = lower::LowerOptions { disable_open_defers: no_open_defers, ..Default::default() };
    let prog = if diags.has_errors() { None } else { lower::lower_program(&sources, &files, &info, &opts, &mut diags) };
    match prog {
        Some(p) if !diags.has_errors() => (p, sources),
        _ => {
            eprint!("{}", diags.render(&sources));
            std::process::exit(100);
        }
    }
}

/// Runs case `name` from its Go source (see [`from_source`]), once as
/// compiled normally and once with open-coded defers disabled (gc's `-N`:
/// every defer becomes a record).
pub fn check_go(name: &str) {
    check_as(name, &format!("{name}/go"), || from_source(name, false));
    // gc -N's output where it differs (`regen.sh` keeps it as NAME.N.*).
    let n_name = format!("{name}.N");
    let expected = if case_path(&n_name, "stderr").exists() { n_name.as_str() } else { name };
    check_as(expected, &format!("{name}/go-N"), || from_source(name, true));
}

/// Runs case `name` built by `build` and compares it with gc's output. In
/// the child process (selected by an environment variable) it compiles
/// and runs the program instead, and exits with its status.
pub fn check(name: &str, build: impl FnOnce() -> (Program, SourceMap)) {
    check_as(name, name, build);
}

fn check_as(name: &str, key: &str, build: impl FnOnce() -> (Program, SourceMap)) {
    let test_name = std::thread::current().name().unwrap_or(name).to_string();
    if std::env::var(CHILD_ENV).as_deref() == Ok(key) {
        let (prog, sources) = build();
        let jit = match codegen::compile_jit(&prog, &sources, &codegen::Options::default()) {
            Ok(j) => j,
            Err(diags) => {
                for d in diags.into_diagnostics() {
                    eprintln!("{}: {}", sources.render(d.pos), d.msg);
                }
                std::process::exit(101);
            }
        };
        std::process::exit(jit.run(vec![]));
    }
    let exe = std::env::current_exe().unwrap();
    let out = std::process::Command::new(exe)
        .args([test_name.as_str(), "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, key)
        .env("RUST_BACKTRACE", "0")
        .output()
        .unwrap();
    let have_stderr = String::from_utf8_lossy(&out.stderr).to_string();
    let have_stdout = String::from_utf8_lossy(&out.stdout).to_string();
    // libtest prints its own lines to stdout in the child; keep only the program's.
    let have_stdout: String = have_stdout
        .lines()
        .filter(|l| !l.starts_with("running ") && !l.starts_with("test ") && !l.is_empty())
        .map(|l| format!("{l}\n"))
        .collect();
    let want_stdout = std::fs::read_to_string(case_path(name, "stdout")).unwrap();
    let want_stderr = std::fs::read_to_string(case_path(name, "stderr")).unwrap();
    let want_status: i32 = std::fs::read_to_string(case_path(name, "status")).unwrap().trim().parse().unwrap();
    let have_status = out.status.code().unwrap_or(-1);
    let (hs, ws) = (normalize(&have_stderr), normalize(&want_stderr));
    assert!(
        hs == ws && have_status == want_status && have_stdout.trim() == want_stdout.trim(),
        "case {name}:\n--- have (status {have_status}) stderr:\n{have_stderr}\n--- want (status {want_status}) stderr:\n{want_stderr}\n--- have stdout:\n{have_stdout}\n--- want stdout:\n{want_stdout}"
    );
}

/// Makes tracebacks comparable: drops `+0x..` offsets, argument words and
/// the addresses in `panic({..})` frames, which cannot match gc.
pub fn normalize(s: &str) -> String {
    let mut out = String::new();
    for line in s.lines() {
        let mut l = line.to_string();
        if let Some(i) = l.find(" +0x") {
            l.truncate(i);
        }
        // Source paths: compare file names (the cases are built in any directory).
        if l.starts_with('\t')
            && let Some(slash) = l.rfind('/')
        {
            l = format!("\t{}", &l[slash + 1..]);
        }
        if l.starts_with("panic({") && l.ends_with("})") {
            l = "panic(...)".to_string();
        } else if !l.starts_with('\t')
            && l.ends_with(')')
            && let Some(open) = l.find('(')
            && !l.starts_with("panic: ")
            && !l.contains(' ')
            && open + 1 < l.len() - 1
        {
            l = format!("{}(...)", &l[..open]);
        }
        out.push_str(&l);
        out.push('\n');
    }
    out
}
