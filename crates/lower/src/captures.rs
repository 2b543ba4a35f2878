//! Capture by value: which captured variables a closure may copy instead
//! of sharing a heap cell with the function that declares them.
//!
//! gc copies a variable into the closure objects that capture it when the
//! variable is never assigned after its declaration, its address is never
//! taken, and it is at most 128 bytes: every closure then sees the one
//! value it could ever have. The copy saves the cell's allocation and a
//! load at every use, which matters for the most common closures (a
//! `sort.Slice` comparison capturing its slice, a filter capturing its
//! parameters).
//!
//! A variable is *assigned* by an assignment, `op=`, `++`/`--`, a `:=`
//! that redeclares it, a `range` clause with `=` (with `:=`, Go 1.19
//! assigned the one variable on every iteration; Go 1.22 declares one per
//! iteration) or a receive clause of `select` with `=`. Named
//! results are assigned by `return`, so they are never copied. The whole
//! body of a top-level function is scanned, its function literals
//! included, since a closure may assign a variable of its enclosing
//! function.

use std::collections::HashSet;

use syntax::ast::{Expr, ExprKind, Stmt, StmtKind};
use types::{ObjId, ObjKind};

use crate::facts::Facts;

use crate::visit::{self, Visitor};

/// gc's limit on the size of a variable captured by value.
const MAX_BY_VALUE: u64 = 128;

/// The captured variables of `body` (a top-level function's) that its
/// closures capture by value; `addressed` holds the variables whose
/// address is taken, implicitly included (pointer-method calls).
pub fn by_value_captures(facts: Facts<'_>, addressed: &HashSet<ObjId>, body: &[Stmt]) -> HashSet<ObjId> {
    let info = facts.info;
    let mut scan = Assigned { facts, assigned: HashSet::new(), captured: HashSet::new() };
    visit::walk_stmts(body, &mut scan);
    scan.captured
        .into_iter()
        .filter(|o| !scan.assigned.contains(o) && !addressed.contains(o))
        .filter(|&o| match &info.obj(o).kind {
            ObjKind::Var(v) => {
                v.captured
                    && !v.addr_taken
                    && !v.result
                    && types::size_align(facts.types, facts.obj_ty(o)).0 <= MAX_BY_VALUE
            }
            _ => false,
        })
        .collect()
}

/// Collects the variables assigned after their declaration, and the
/// captured variables used (the candidates).
struct Assigned<'i> {
    facts: Facts<'i>,
    assigned: HashSet<ObjId>,
    captured: HashSet<ObjId>,
}

impl Assigned<'_> {
    /// The variable an assignment target stores into, if it is one (`x`,
    /// `x.f`, `x.a[i]`).
    fn target(&mut self, e: &Expr) {
        if let Some(o) = crate::query::root_var(self.facts, e) {
            self.assigned.insert(o);
        }
    }
}

impl<'s> Visitor<'s> for Assigned<'_> {
    fn stmt(&mut self, s: &'s Stmt) -> bool {
        match &s.kind {
            StmtKind::Assign { lhs, .. } => lhs.iter().for_each(|l| self.target(l)),
            StmtKind::IncDec { target, .. } => self.target(target),
            StmtKind::Define { lhs, .. } => {
                for id in lhs {
                    // A name already declared is assigned, not declared.
                    if let Some(&o) = self.facts.info.uses.get(&id.id) {
                        self.assigned.insert(o);
                    }
                }
            }
            // Since Go 1.22 a `:=` range clause declares its variables in
            // each iteration; it assigns them only in Go 1.19.
            StmtKind::Range { key, value, define, .. }
                if !*define || !crate::lang::per_iteration_loop_vars(self.facts.info, s.pos) =>
            {
                for e in [key, value].into_iter().flatten() {
                    self.target(e);
                }
            }
            _ => {}
        }
        true
    }

    fn expr(&mut self, e: &'s Expr) -> bool {
        if let ExprKind::Ident(id) = &e.kind
            && let Some(&o) = self.facts.info.uses.get(&id.id)
            && matches!(&self.facts.info.obj(o).kind, ObjKind::Var(v) if v.captured)
        {
            self.captured.insert(o);
        }
        true
    }
}
