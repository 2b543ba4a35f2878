//! Which entries of the program's method tables get code: gc's linker
//! keeps a method of a type that reaches an interface only when some
//! interface call in the program names it (its dead-code pass over
//! methods); deft does the same, by name.
//!
//! A type descriptor carries its type's method table, and descriptors are
//! made for every type the compiled code converts, allocates or asserts.
//! Compiling every method of every such type compiled whole method sets
//! nobody calls (`os.File`'s 60 methods for `fmt.Println`'s `os.Stdout`,
//! `time.Time`'s for `os.FileInfo`), and everything they reach.
//!
//! **Invariants.**
//! * A name is *live* when the program uses `reflect` (which can call any
//!   method), when compiled code calls it through an interface (a call or
//!   a method value: [`ProgramCx::note_iface_call`]), or when the runtime
//!   calls it itself ([`lower::RUNTIME_CALLED_METHODS`]: fmt's and panic
//!   printing's text methods). Lowering keeps every function this can
//!   reach (its `reach.rs`, whose live names are a superset).
//! * A table entry whose name is live has its code queued for compilation
//!   before the translation's worklist is declared empty
//!   ([`ProgramCx::queue_live_methods`], run until it finds nothing new),
//!   so a name that becomes live late still reaches the tables made early.
//! * Tables of concrete types are defined only after that
//!   ([`ProgramCx::define_method_tables`]), when defining one makes no
//!   new work or every name is live (reflect); an entry whose name is not
//!   live keeps its name and signature (type assertions and `Implements`
//!   read those) and a null code pointer, which nothing looks up: its
//!   name is never called.

use std::collections::HashSet;

use cranelift_module::DataId;
use lower::ir::TyId;

use crate::program::ProgramCx;

/// The live names and the method tables awaiting their definition.
#[derive(Default)]
pub struct LiveMethods {
    /// Names called through interfaces (and the runtime's).
    called: HashSet<String>,
    /// Method tables of concrete types, reserved and not defined yet.
    tables: Vec<(DataId, TyId)>,
}

impl LiveMethods {
    /// The state before any code is compiled: the runtime's names live.
    pub fn new() -> LiveMethods {
        LiveMethods {
            called: lower::RUNTIME_CALLED_METHODS.iter().map(|n| n.to_string()).collect(),
            tables: Vec::new(),
        }
    }
}

impl ProgramCx<'_> {
    /// Whether entries named `name` get code (see the module doc).
    pub(crate) fn method_live(&self, name: &str) -> bool {
        self.prog.uses_reflect || self.live.called.contains(name)
    }

    /// Records a call of method `name` through an interface.
    pub(crate) fn note_iface_call(&mut self, name: &str) {
        if !self.live.called.contains(name) {
            self.live.called.insert(name.to_string());
        }
    }

    /// Records the method table of `ty`, reserved as `id`, for
    /// [`ProgramCx::define_method_tables`].
    pub(crate) fn defer_method_table(&mut self, id: DataId, ty: TyId) {
        self.live.tables.push((id, ty));
    }

    /// Queues the code of every live entry of the tables made so far;
    /// whether that gave the translation new work (functions or glue).
    pub fn queue_live_methods(&mut self) -> bool {
        for i in 0..self.live.tables.len() {
            let ty = self.live.tables[i].1;
            for m in self.table_methods(ty) {
                if self.method_live(m.name) {
                    self.method_code(m.func, m.recv, m.boxed);
                }
            }
        }
        !self.worklist.is_empty() || self.iface.has_pending()
    }

    /// Defines every method table reserved so far, after a
    /// [`ProgramCx::queue_live_methods`] that found nothing new; whether
    /// there was any. Without reflect this makes no new work; with it
    /// (every name live) the descriptors of the methods' types may bring
    /// functions and tables of their own, so the translation goes on until
    /// this finds no table.
    pub fn define_method_tables(&mut self) -> bool {
        let tables = std::mem::take(&mut self.live.tables);
        for &(id, ty) in &tables {
            self.define_concrete_table(id, ty);
        }
        !tables.is_empty()
    }
}
