//! Method tables, and which methods are compiled: gc's dead-method
//! elimination.
//!
//! A type descriptor's method table ([`MethodDesc`]s sorted by name)
//! lists every method of the type, since assertions and reflect's
//! `Implements` compare method sets by name and signature. But a method's
//! code is only ever reached through the table when something looks the
//! method up to call it:
//! * an interface method call or method value, which looks it up by name
//!   at run time (`FnTx::iface_code`), so every method of that name is
//!   **live** once such a call is compiled;
//! * the runtime's printing of a panic value, which calls `Error` or
//!   `String` (always live, as gc's runtime, linked into every program,
//!   calls them through interfaces);
//! * reflect's method lookups ([`REFLECT_METHOD_LOOKUPS`]: `Value.Method`,
//!   `Value.MethodByName`, `Type.Method`, ...), which reach any method:
//!   once one of them is compiled, every method is live.
//!
//! So, as gc's linker does, a table entry gets its code (and what only
//! reflect reads of it: the method's type, the method-value glue, the
//! method expression) only when its method is live; a dead entry keeps
//! its name and signature, with null code. Tables are therefore declared
//! when their descriptor is made ([`ProgramCx::method_table`]), their
//! live entries resolved in rounds between draining the worklist
//! ([`ProgramCx::resolve_method_tables`]: resolving compiles methods,
//! which may call more interface methods and make more descriptors), and
//! defined once nothing changes ([`ProgramCx::define_method_tables`]).
//!
//! Invariant: an entry's code is null only if no compiled code can call
//! it: every lookup by name of a method to call goes through
//! [`ProgramCx::note_iface_call`] or is one of the cases above.
//! (A `hello world` that imports fmt compiles about a third of the
//! functions it would with every method of every table.)

use std::collections::HashSet;

use cranelift_module::{DataDescription, DataId, FuncId as ClifFuncId, Module};
use lower::ir::{FuncId, TyId, TyKind};
use runtime::abi::MethodDesc;

use crate::iface::{method_signature, pointer_shaped, signature};
use crate::program::ProgramCx;

/// lib/reflect's functions that read a method table entry's code, glue or
/// method expression (reflect's `Method`, `MethodByName`, ... all go
/// through them). **Invariant:** lib/reflect reads them nowhere else.
const REFLECT_METHOD_LOOKUPS: &[&str] = &["reflect.Value.methodValue", "reflect.(*rtype).Method"];

/// Methods the runtime itself calls through tables (panic values).
const RUNTIME_CALLED: &[&str] = &["Error", "String"];

/// The method tables of a compilation and what decides their liveness.
#[derive(Default)]
pub struct MethodTables {
    /// Method names looked up by compiled interface calls.
    called: HashSet<String>,
    /// Whether every method is live (reflect's lookups are compiled).
    all_live: bool,
    /// Every concrete type's table, declared, defined at the end.
    tables: Vec<Table>,
    /// The names of the entries defined dead.
    dead: HashSet<String>,
}

/// A concrete type's table awaiting its definition.
struct Table {
    id: DataId,
    /// The table's type (method expressions' types are recorded per it).
    ty: TyId,
    entries: Vec<Entry>,
}

/// One entry of a concrete type's table.
struct Entry {
    name: String,
    /// The signature string (receiver excluded).
    sig: String,
    method: FuncId,
    /// The receiver type `method` takes.
    recv: TyId,
    /// Whether the receiver is behind the data word (a wrapper loads it).
    boxed: bool,
    /// Filled in once the method is live.
    live: Option<Live>,
}

/// What a live entry points to.
struct Live {
    code: ClifFuncId,
    /// With reflect: the func type without receiver, and the method-value
    /// glue for it.
    mtyp: Option<(DataId, ClifFuncId)>,
    /// With reflect: the method expression's func type and func value.
    expr: Option<(DataId, DataId)>,
}

impl MethodTables {
    fn is_live(&self, name: &str) -> bool {
        self.all_live || RUNTIME_CALLED.contains(&name) || self.called.contains(name)
    }
}

impl ProgramCx<'_> {
    /// Starts from what a prebuilt unit's translation assumed: its
    /// interface calls, which this translation does not see, keep their
    /// methods live here.
    pub fn assume(&mut self, assumed: &crate::artifact::Assumptions) {
        self.methods.called.extend(assumed.called.iter().cloned());
        self.methods.all_live |= assumed.all_live;
    }

    /// What this translation assumed of the program: the tables' liveness
    /// and whether reflect's call adapters were made. Called once the
    /// tables are defined.
    pub fn assumptions(&mut self) -> crate::artifact::Assumptions {
        let sorted = |set: &HashSet<String>| {
            let mut v: Vec<String> = set.iter().cloned().collect();
            v.sort();
            v
        };
        let (reflect_calls, reflect_makes) = self.reflect_reach();
        crate::artifact::Assumptions {
            called: sorted(&self.methods.called),
            all_live: self.methods.all_live,
            dead: sorted(&self.methods.dead),
            reflect_calls,
            reflect_makes,
        }
    }

    /// Records that compiled code looks up method `name` to call it.
    pub fn note_iface_call(&mut self, name: &str) {
        if !self.methods.called.contains(name) {
            self.methods.called.insert(name.to_string());
        }
    }

    /// The method table of `ty` and its length; `None` when it has no
    /// methods. An interface type's (its methods' names with null code,
    /// for assertions, and with reflect their types) is defined now; a
    /// concrete type's is declared now and defined by
    /// [`Self::define_method_tables`].
    pub fn method_table(&mut self, ty: TyId) -> Option<(DataId, usize)> {
        let prog = self.prog;
        let def = &prog.types[ty.0 as usize];
        if let TyKind::Interface(ms) = &def.kind {
            return self.interface_table(ty, ms);
        }
        let mut entries = Vec::new();
        let mut add = |methods: &[(String, FuncId)], recv: TyId, boxed: bool| {
            for (name, f) in methods {
                let sig = method_signature(prog, *f);
                entries.push(Entry { name: name.clone(), sig, method: *f, recv, boxed, live: None });
            }
        };
        match &def.kind {
            TyKind::Pointer(elem) => {
                add(&def.methods, ty, false);
                add(&prog.types[elem.0 as usize].methods, *elem, true);
            }
            k => add(&def.methods, ty, !pointer_shaped(k)),
        }
        if entries.is_empty() {
            return None;
        }
        entries.sort_by(|a, b| a.name.cmp(&b.name));
        entries.dedup_by(|a, b| a.name == b.name);
        let (id, len) = (self.anon_data(false), entries.len());
        self.methods.tables.push(Table { id, ty, entries });
        Some((id, len))
    }

    /// The table of interface type `ty`, whose methods are `ms`.
    fn interface_table(&mut self, ty: TyId, ms: &[(String, lower::ir::FuncSig)]) -> Option<(DataId, usize)> {
        if ms.is_empty() {
            return None;
        }
        let prog = self.prog;
        let def = &prog.types[ty.0 as usize];
        let sigs: Vec<String> = ms.iter().map(|(_, s)| signature(prog, &s.params, &s.results)).collect();
        let mut rows = Vec::new();
        for (i, ((name, _), sig)) in ms.iter().zip(&sigs).enumerate() {
            let mtyp = def.reflect.method_types.get(i).copied().filter(|_| prog.uses_reflect);
            let mtyp = mtyp.map(|t| self.typedesc(t));
            rows.push(Row { name, sig, code: None, mtyp, glue: None, expr: None });
        }
        let id = self.anon_data(false);
        self.define_table(id, &rows);
        Some((id, ms.len()))
    }

    /// Resolves the entries of every declared table whose method became
    /// live since the last call (declaring their code, which queues it
    /// for compilation); whether it resolved any.
    pub fn resolve_method_tables(&mut self) -> bool {
        if !self.methods.all_live {
            let lookups = REFLECT_METHOD_LOOKUPS.iter().filter_map(|n| self.func_named(n)).collect::<Vec<_>>();
            self.methods.all_live = lookups.into_iter().any(|f| self.is_queued(f));
        }
        let mut tables = std::mem::take(&mut self.methods.tables);
        let mut resolved = false;
        for t in &mut tables {
            for e in t.entries.iter_mut().filter(|e| e.live.is_none()) {
                if self.methods.is_live(&e.name) {
                    e.live = Some(self.live_entry(t.ty, e));
                    resolved = true;
                }
            }
        }
        // Resolving made descriptors, which declared tables of their own.
        tables.append(&mut self.methods.tables);
        self.methods.tables = tables;
        resolved
    }

    /// What the live entry `e` of `ty`'s table points to.
    fn live_entry(&mut self, ty: TyId, e: &Entry) -> Live {
        let prog = self.prog;
        let code = self.method_code(e.method, e.recv, e.boxed);
        let mtyp = prog.method_types.get(&e.method).copied().and_then(|t| {
            let TyKind::Func(sig) = &prog.types[t.0 as usize].kind else { return None };
            // Method values made by reflect (`Value.Method`) are closures
            // of the interface method-value glue, as `x.M` of an interface
            // value is.
            Some((self.typedesc(t), self.closure_glue(sig)))
        });
        let expr = prog.method_expr_types.get(&(ty, e.method)).copied().map(|ftyp| {
            // A method expression takes the receiver's value, not the data
            // word.
            let expr_code = if e.recv == ty { self.func_decl(e.method) } else { code };
            (self.typedesc(ftyp), self.code_funcval(expr_code))
        });
        Live { code, mtyp, expr }
    }

    /// Defines every concrete type's table, its dead entries with null
    /// code. Called once [`Self::resolve_method_tables`] resolves nothing
    /// more and the worklist is empty.
    pub fn define_method_tables(&mut self) {
        for t in std::mem::take(&mut self.methods.tables) {
            let dead = t.entries.iter().filter(|e| e.live.is_none());
            self.methods.dead.extend(dead.map(|e| e.name.clone()));
            let rows: Vec<Row> = t
                .entries
                .iter()
                .map(|e| Row {
                    name: &e.name,
                    sig: &e.sig,
                    code: e.live.as_ref().map(|l| l.code),
                    mtyp: e.live.as_ref().and_then(|l| l.mtyp.map(|m| m.0)),
                    glue: e.live.as_ref().and_then(|l| l.mtyp.map(|m| m.1)),
                    expr: e.live.as_ref().and_then(|l| l.expr),
                })
                .collect();
            self.define_table(t.id, &rows);
        }
    }

    /// Defines table `id` as `rows` laid out as [`MethodDesc`]s.
    fn define_table(&mut self, id: DataId, rows: &[Row]) {
        let size = std::mem::size_of::<MethodDesc>();
        let mut bytes = vec![0u8; size * rows.len()];
        let mut data = Vec::new();
        let mut funcs = Vec::new();
        for (i, r) in rows.iter().enumerate() {
            let at = |off: usize| i * size + off;
            for (off, s) in
                [(std::mem::offset_of!(MethodDesc, name), r.name), (std::mem::offset_of!(MethodDesc, sig), r.sig)]
            {
                bytes[at(off) + 8..at(off) + 16].copy_from_slice(&s.len().to_le_bytes());
                data.push((at(off), self.bytes_data(s.as_bytes())));
            }
            data.extend(r.mtyp.map(|t| (at(std::mem::offset_of!(MethodDesc, mtyp)), t)));
            funcs.extend(r.code.map(|c| (at(std::mem::offset_of!(MethodDesc, code)), c)));
            funcs.extend(r.glue.map(|g| (at(std::mem::offset_of!(MethodDesc, glue)), g)));
            if let Some((ftyp, func)) = r.expr {
                data.push((at(std::mem::offset_of!(MethodDesc, ftyp)), ftyp));
                data.push((at(std::mem::offset_of!(MethodDesc, func)), func));
            }
        }
        let mut d = DataDescription::new();
        d.define(bytes.into_boxed_slice());
        d.set_align(8);
        for (at, s) in data {
            let gv = self.module.declare_data_in_data(s, &mut d);
            d.write_data_addr(at as u32, gv, 0);
        }
        for (at, code) in funcs {
            let fr = self.module.declare_func_in_data(code, &mut d);
            d.write_function_addr(at as u32, fr);
        }
        self.define_data(id, &d);
    }
}

/// A table entry as laid out.
struct Row<'a> {
    name: &'a str,
    sig: &'a str,
    code: Option<ClifFuncId>,
    mtyp: Option<DataId>,
    glue: Option<ClifFuncId>,
    expr: Option<(DataId, DataId)>,
}
