//! Cycles through declarations that are still being checked: the object
//! path, the cycles it allows, and the uses of a type that need it
//! complete (types2's `validCycle`, `isComplete` and `hasVarSize`).
//!
//! Every package-level object whose declaration is being checked is on
//! [`Checker::obj_path`], outermost first (a local type declaration too,
//! while its right side is checked). Reaching an object of the path again
//! closes a cycle, which [`Checker::valid_cycle`] judges as types2 does: a
//! cycle of constants and variables only is an initialization cycle
//! (`initorder.rs` reports it), one of types with at least one definition
//! is a recursive type whose validity `valid_type` judges; one that mixes
//! values and types is invalid (`type T [len(x)]int; var x T`).
//!
//! A defined type on the path has no underlying type yet. An expression
//! that needs its structure — a composite literal or conversion of it, a
//! call or receive producing it, an index, slice, selector or indirection
//! through it, `unsafe.Sizeof` of a value containing it — is an invalid
//! recursive type ([`Checker::is_complete`], [`Checker::has_var_size`]),
//! named from the path (`type T [unsafe.Sizeof(T{})]int`: T refers to
//! itself).
//!
//! Invariant: `obj_path` is empty between package-level declarations;
//! each push in `obj_decl` (or a local type declaration) is matched by a
//! pop.

use crate::check::Checker;
use crate::model::{ObjId, ObjKind};
use crate::types::{T, TyId};

impl Checker<'_> {
    /// Whether the cycle closed by reaching `o` (on the object path) again
    /// is allowed; if not, reports it.
    pub(crate) fn valid_cycle(&mut self, o: ObjId) -> bool {
        let Some(i) = self.obj_path.iter().position(|&p| p == o) else { return true };
        let cycle = self.obj_path[i..].to_vec();
        let values = cycle.iter().filter(|&&c| matches!(self.obj(c).kind, ObjKind::Const(_) | ObjKind::Var(_))).count();
        // Values only: an initialization cycle, reported by initorder.
        // Types only: a recursive type, valid_type's (or, aliases only,
        // alias_cycle's).
        if values == cycle.len() || values == 0 {
            return true;
        }
        self.cycle_error(&cycle);
        false
    }

    /// Whether `t` is complete: not a defined type being declared (on the
    /// object path), nor one declared as such a type (`type A B` while B
    /// is). An incomplete type is reported as an invalid recursive type,
    /// the cycle running from it along the path.
    pub(crate) fn is_complete(&mut self, t: TyId) -> bool {
        let T::Named(o) = *self.tys.get(t) else { return true };
        if let Some(i) = self.obj_path.iter().position(|&p| p == o) {
            let cycle = self.obj_path[i..].to_vec();
            self.cycle_error(&cycle);
            return false;
        }
        match self.defined_from.get(&o) {
            Some(&r) => {
                let rt = self.obj_ty(r);
                self.is_complete(rt)
            }
            None => true,
        }
    }

    /// Whether type expression `t` names an alias still being declared: it
    /// denotes no type yet, so a use that needs the type complete (a
    /// composite literal) is an invalid recursive type, named from the
    /// path (types2's `isComplete` of an alias).
    pub(crate) fn names_incomplete_alias(&mut self, t: &syntax::ast::Type) -> bool {
        let Some(a) = self.grey_type_named_by(t) else { return false };
        if !self.path_from(a).first().is_some_and(|(_, spec)| spec.alias) {
            return false;
        }
        let Some(i) = self.obj_path.iter().position(|&p| p == a) else { return false };
        let cycle = self.obj_path[i..].to_vec();
        self.cycle_error(&cycle);
        true
    }

    /// Whether the size of `t` is not a constant: it contains a type
    /// parameter, or a defined type being declared (then reported as an
    /// invalid recursive type, the defined types walked through on the
    /// way being part of the cycle).
    pub(crate) fn has_var_size(&mut self, t: TyId) -> bool {
        match self.tys.get(t).clone() {
            T::Named(o) => {
                if let Some(i) = self.obj_path.iter().position(|&p| p == o) {
                    let cycle = self.obj_path[i..].to_vec();
                    self.cycle_error(&cycle);
                    return true;
                }
                let rhs = match self.defined_from.get(&o) {
                    Some(&r) => self.obj_ty(r),
                    None => self.tys.under(t),
                };
                self.obj_path.push(o);
                let var = self.has_var_size(rhs);
                self.obj_path.pop();
                var
            }
            T::Inst(base, _) => {
                if self.obj_path.contains(&base) {
                    return false;
                }
                let u = self.tys.under(t);
                self.obj_path.push(base);
                let var = self.has_var_size(u);
                self.obj_path.pop();
                var
            }
            T::Array(_, e) => self.has_var_size(e),
            T::Struct(fields) => fields.iter().any(|f| self.has_var_size(f.ty)),
            T::TypeParam(_) => true,
            _ => false,
        }
    }
}
