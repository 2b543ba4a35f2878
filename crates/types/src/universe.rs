//! The universe scope: predeclared types, constants, `nil` and builtins.
//!
//! Invariant: the universe is built before anything else, so its objects
//! have the smallest [`ObjId`]s and no position (`Pos::NONE`).

use syntax::Pos;

use crate::check::{Checker, ScopeId};
use crate::constant::Value;
use crate::model::{BasicKind, Builtin, ObjKind};
use crate::types::{BYTE, Method, Param, RUNE, Sig, T, TyId, TypeSet, basic};

impl Checker<'_> {
    fn predeclare(&mut self, scope: ScopeId, name: &str, kind: ObjKind, ty: TyId) -> crate::model::ObjId {
        let o = self.new_obj(name, kind, ty, Pos::NONE);
        self.scopes[scope.0 as usize].names.insert(name.to_string(), o);
        o
    }

    /// Fills the universe scope.
    pub(crate) fn build_universe(&mut self, u: ScopeId) {
        use BasicKind::*;
        for k in [
            Bool, Int, Int8, Int16, Int32, Int64, Uint, Uint8, Uint16, Uint32, Uint64, Uintptr, Float32, Float64,
            Complex64, Complex128, String,
        ] {
            self.predeclare(u, k.name(), ObjKind::TypeName, basic(k));
        }
        self.predeclare(u, "byte", ObjKind::TypeName, BYTE);
        self.predeclare(u, "rune", ObjKind::TypeName, RUNE);
        let any = self.tys.intern(T::Interface { methods: vec![], any: true, set: Default::default(), written: None });
        self.predeclare(u, "any", ObjKind::TypeName, any);

        // type error interface { Error() string }
        let err_obj = self.predeclare(u, "error", ObjKind::TypeName, basic(Invalid));
        let err_ty = self.tys.new_named(err_obj, "");
        let sig = self.tys.intern(T::Func(Sig {
            params: vec![],
            results: vec![Param { name: None, ty: basic(String) }],
            ..Default::default()
        }));
        let iface = self.tys.intern(T::iface(vec![Method { name: "Error".into(), sig }]));
        self.tys.set_underlying(err_obj, iface);
        self.set_obj_ty(err_obj, err_ty);

        // type comparable interface{ comparable }
        let cmp_obj = self.predeclare(u, "comparable", ObjKind::TypeName, basic(Invalid));
        let cmp_ty = self.tys.new_named(cmp_obj, "");
        let set = TypeSet { comparable: true, terms: None };
        let iface = self.tys.intern(T::Interface { methods: vec![], any: false, set, written: None });
        self.tys.set_underlying(cmp_obj, iface);
        self.set_obj_ty(cmp_obj, cmp_ty);

        for (name, v) in [("true", true), ("false", false)] {
            let o = self.predeclare(u, name, ObjKind::Const(crate::model::ConstValue::Bool(v)), basic(UntypedBool));
            self.objs[o.0 as usize].val = Value::Bool(v);
        }
        let iota =
            self.predeclare(u, "iota", ObjKind::Const(crate::model::ConstValue::Int(0.into())), basic(UntypedInt));
        self.universe_iota = iota;
        self.predeclare(u, "nil", ObjKind::Nil, basic(UntypedNil));

        for (name, b) in [
            ("append", Builtin::Append),
            ("cap", Builtin::Cap),
            ("clear", Builtin::Clear),
            ("close", Builtin::Close),
            ("complex", Builtin::Complex),
            ("copy", Builtin::Copy),
            ("delete", Builtin::Delete),
            ("imag", Builtin::Imag),
            ("len", Builtin::Len),
            ("make", Builtin::Make),
            ("max", Builtin::Max),
            ("min", Builtin::Min),
            ("new", Builtin::New),
            ("panic", Builtin::Panic),
            ("print", Builtin::Print),
            ("println", Builtin::Println),
            ("real", Builtin::Real),
            ("recover", Builtin::Recover),
        ] {
            self.predeclare(u, name, ObjKind::Builtin(b), basic(Invalid));
        }
    }

    /// Fills the scope of package `unsafe`, which every program may import
    /// and no source declares.
    pub(crate) fn build_unsafe(&mut self, scope: ScopeId) {
        use BasicKind::*;
        self.predeclare(scope, "Pointer", ObjKind::TypeName, basic(UnsafePointer));
        for (name, b) in [
            ("Sizeof", Builtin::Sizeof),
            ("Alignof", Builtin::Alignof),
            ("Offsetof", Builtin::Offsetof),
            ("Add", Builtin::Add),
            ("Slice", Builtin::Slice),
            ("String", Builtin::String),
            ("StringData", Builtin::StringData),
            ("SliceData", Builtin::SliceData),
        ] {
            self.predeclare(scope, name, ObjKind::Builtin(b), basic(Invalid));
        }
    }
}
