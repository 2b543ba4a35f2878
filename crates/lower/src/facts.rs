//! The checker's facts as the function being lowered sees them: the one
//! seam through which lowering reads a checked type.
//!
//! Generic code is compiled by monomorphisation: a generic function or
//! method is lowered once per list of type arguments, and inside its body
//! the checker's types are in terms of its type parameters. [`Facts`]
//! applies the instance's [`Subst`] to every type it hands out — the type
//! of an expression ([`Facts::tv`]), of an object ([`Facts::obj_ty`]), of
//! a selection ([`Facts::selection`]), the type arguments of an
//! instantiation ([`Facts::instance`]) — through one function,
//! [`Facts::ty`]. Outside generic code the substitution is empty and
//! every answer is the checker's own.
//!
//! Invariant: no type parameter reaches the IR. Every type lowering reads
//! is either taken from [`Facts`] (so substituted) or derived from one
//! that was (its underlying type, element, fields), and the substitution
//! maps every type of the table that mentions the instance's type
//! parameters (see [`crate::subst`]).
//!
//! Facts other than types (which object an identifier denotes, an
//! object's kind, constant values) do not depend on the instance and are
//! read from [`Facts::info`].

use std::collections::HashMap;

use syntax::ast::{Expr, NodeId};
use types::{Info, ObjId, Selection, Type, TypeAndValue, TypeId, TypeTable};

/// The types that an instance's type arguments change, and what they
/// become (empty outside generic code).
#[derive(Clone, Debug, Default)]
pub struct Subst {
    /// Type → its substituted type (only the types that change).
    pub map: HashMap<TypeId, TypeId>,
}

/// A read-only view of the checker's facts for one function (see the
/// module doc). Cheap to copy.
#[derive(Clone, Copy)]
pub struct Facts<'f> {
    /// Checker facts other than types (objects, definitions, uses,
    /// constant values); types are read through the methods of [`Facts`].
    pub info: &'f Info,
    /// All types: the checker's, and the instances lowering made.
    pub types: &'f TypeTable,
    /// The instance's substitution.
    pub subst: &'f Subst,
}

impl<'f> Facts<'f> {
    /// A checked type with the instance's type arguments substituted: the
    /// one function through which lowering reads types.
    pub fn ty(&self, t: TypeId) -> TypeId {
        self.subst.map.get(&t).copied().unwrap_or(t)
    }

    /// The type and value of expression node `id`, if recorded.
    pub fn tv(&self, id: NodeId) -> Option<TypeAndValue> {
        let tv = self.info.types.get(&id)?;
        Some(TypeAndValue { mode: tv.mode, ty: self.type_of(id)?, value: tv.value.clone() })
    }

    /// The type of expression node `id`, if recorded. An identifier naming
    /// an instance has the instance's type, as [`types::Instance::ty`]
    /// records it (taken from there so that no generic signature can
    /// reach lowering through the identifier).
    pub fn type_of(&self, id: NodeId) -> Option<TypeId> {
        if let Some(inst) = self.info.instances.get(&id) {
            return Some(self.ty(inst.ty));
        }
        self.info.types.get(&id).map(|tv| self.ty(tv.ty))
    }

    /// The constant value of expression node `id`, if it has one.
    pub fn value(&self, id: NodeId) -> Option<&'f types::ConstValue> {
        self.info.types.get(&id)?.value.as_ref()
    }

    /// Whether expression `e` has a constant value.
    pub fn is_const(&self, e: &Expr) -> bool {
        self.info.types.get(&e.id).is_some_and(|tv| tv.value.is_some())
    }

    /// The mode of expression node `id`, if recorded.
    pub fn mode(&self, id: NodeId) -> Option<types::Mode> {
        self.info.types.get(&id).map(|tv| tv.mode)
    }

    /// The type of object `o` (a variable, function, ...).
    pub fn obj_ty(&self, o: ObjId) -> TypeId {
        self.ty(self.info.obj(o).ty)
    }

    /// How selector expression `id` resolved, its type substituted.
    pub fn selection(&self, id: NodeId) -> Option<Selection> {
        let mut s = self.info.selections.get(&id)?.clone();
        s.ty = self.ty(s.ty);
        Some(s)
    }

    /// The generic function or type an identifier instantiates, and its
    /// type arguments (substituted).
    pub fn instance(&self, id: NodeId) -> Option<(ObjId, Vec<TypeId>)> {
        let inst = self.info.instances.get(&id)?;
        Some((inst.obj, inst.targs.iter().map(|&t| self.ty(t)).collect()))
    }

    /// Whether expression node `id`'s type, as checked in the generic
    /// body (before substitution), is a type parameter.
    pub fn is_type_param(&self, id: NodeId) -> bool {
        self.info.types.get(&id).is_some_and(|tv| matches!(self.types.get(tv.ty), Type::TypeParam(_)))
    }

    /// The structure of a type (already substituted: a type taken from
    /// these facts or derived from one).
    pub fn get(&self, t: TypeId) -> &'f Type {
        self.types.get(t)
    }

    /// The structure of a type's underlying type.
    pub fn under(&self, t: TypeId) -> &'f Type {
        self.types.get(self.types.underlying(t))
    }

    /// The structure of the underlying type of expression `e`'s type.
    pub fn under_of(&self, e: &Expr) -> Option<&'f Type> {
        self.type_of(e.id).map(|t| self.under(t))
    }
}
