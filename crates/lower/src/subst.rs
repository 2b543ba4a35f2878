//! Type arguments for type parameters, in the checker's type table: what
//! makes the [`Subst`] of an instance, and instances of generic types.
//!
//! The checker leaves the types of a generic body in terms of its type
//! parameters ([`Type::TypeParam`]). To lower one instance, [`substitution`]
//! maps every type of the table that mentions those parameters to the
//! type with the arguments put in (interning the new types in lowering's
//! copy of the table), and [`crate::facts::Facts::ty`] applies the map.
//! An instance `List[int]` met on the way is made by `instance`, whose
//! underlying type is the generic type's with the arguments substituted
//! (registered before it is expanded, so `type List[T any] struct{ next
//! *List[T] }` terminates). A type declared inside a generic function is
//! instantiated with the function's type arguments the same way (gc
//! names it `main.pair[int]`), whether or not it mentions them.
//!
//! Invariant: the type arguments given are themselves free of type
//! parameters (an instantiation inside a generic body has its arguments
//! substituted by the enclosing instance's facts first), so every type
//! the map produces is concrete.

use std::collections::{HashMap, HashSet};

use types::{InstanceInfo, InterfaceMethod, ObjId, Signature, StructField, Type, TypeId, TypeTable};

use crate::facts::Subst;

/// Type arguments for type parameters.
pub struct Args {
    /// Type parameter → its argument.
    map: HashMap<TypeId, TypeId>,
    /// The arguments in order (those of the instance being lowered).
    targs: Vec<TypeId>,
    /// Types declared inside the generic function: each is instantiated
    /// with the function's type arguments, as gc does (`main.pair[int]`).
    locals: HashSet<ObjId>,
}

/// The substitution of instance `targs` of a generic function, method or
/// type whose type parameters are `tparams` and whose body declares the
/// types `locals`: every type of `table` that mentions one of them,
/// mapped to its instance.
pub fn substitution(table: &mut TypeTable, tparams: &[TypeId], targs: &[TypeId], locals: HashSet<ObjId>) -> Subst {
    let args =
        Args { map: tparams.iter().copied().zip(targs.iter().copied()).collect(), targs: targs.to_vec(), locals };
    let mut map = HashMap::new();
    let n = table.types.len();
    let mut mentions: Vec<Option<bool>> = vec![None; n];
    for i in 0..n {
        let t = TypeId(i as u32);
        if mentions_any(table, t, &args, &mut mentions) {
            let s = subst(table, t, &args);
            if s != t {
                map.insert(t, s);
            }
        }
    }
    Subst { map }
}

/// Whether `t` mentions a type parameter of `args` (memoized in `memo`,
/// indexed by type id).
fn mentions_any(table: &TypeTable, t: TypeId, args: &Args, memo: &mut Vec<Option<bool>>) -> bool {
    let i = t.0 as usize;
    if let Some(Some(m)) = memo.get(i) {
        return *m;
    }
    if i < memo.len() {
        // Assume no while deciding (a cycle only goes through named types,
        // whose answer does not depend on their structure).
        memo[i] = Some(false);
    }
    let mut m = |x: TypeId| mentions_any(table, x, args, memo);
    let found = match table.get(t).clone() {
        Type::Basic(_) => false,
        Type::Named(obj) => args.locals.contains(&obj),
        Type::TypeParam(_) => args.map.contains_key(&t),
        Type::Pointer(e) | Type::Array(_, e) | Type::Slice(e) | Type::Chan(_, e) => m(e),
        Type::Map(k, v) => m(k) || m(v),
        Type::Struct(fs) => fs.iter().any(|f| m(f.ty)),
        Type::Func(s) => s.params.iter().chain(&s.results).any(|&p| m(p)),
        Type::Interface(ms) => ms.iter().any(|x| m(x.sig)),
        Type::Tuple(ts) => ts.iter().any(|&x| m(x)),
        Type::Instance { args: targs, .. } => targs.iter().any(|&a| m(a)),
        Type::Constraint(c) => c.methods.iter().any(|x| m(x.sig)) || c.terms.iter().flatten().any(|&(_, x)| m(x)),
    };
    if i < memo.len() {
        memo[i] = Some(found);
    }
    found
}

/// `t` with the type parameters of `args` replaced by their arguments.
fn subst(table: &mut TypeTable, t: TypeId, args: &Args) -> TypeId {
    let new = match table.get(t).clone() {
        Type::Basic(_) => return t,
        Type::Named(obj) if args.locals.contains(&obj) => {
            return expand(table, obj, args.targs.clone(), table.named[&obj].underlying, args);
        }
        Type::Named(_) => return t,
        Type::TypeParam(_) => return args.map.get(&t).copied().unwrap_or(t),
        Type::Pointer(e) => Type::Pointer(subst(table, e, args)),
        Type::Array(n, e) => Type::Array(n, subst(table, e, args)),
        Type::Slice(e) => Type::Slice(subst(table, e, args)),
        Type::Map(k, v) => Type::Map(subst(table, k, args), subst(table, v, args)),
        Type::Chan(d, e) => Type::Chan(d, subst(table, e, args)),
        Type::Struct(fs) => {
            Type::Struct(fs.into_iter().map(|f| StructField { ty: subst(table, f.ty, args), ..f }).collect())
        }
        Type::Func(s) => Type::Func(Signature {
            params: s.params.iter().map(|&p| subst(table, p, args)).collect(),
            results: s.results.iter().map(|&p| subst(table, p, args)).collect(),
            variadic: s.variadic,
        }),
        Type::Interface(ms) => Type::Interface(
            ms.into_iter().map(|m| InterfaceMethod { name: m.name, sig: subst(table, m.sig, args) }).collect(),
        ),
        Type::Tuple(ts) => Type::Tuple(ts.iter().map(|&x| subst(table, x, args)).collect()),
        Type::Instance { base, args: targs } => {
            let new: Vec<TypeId> = targs.iter().map(|&a| subst(table, a, args)).collect();
            return if new == targs { t } else { instance(table, base, new) };
        }
        Type::Constraint(mut c) => {
            for m in &mut c.methods {
                m.sig = subst(table, m.sig, args);
            }
            if let Some(terms) = &mut c.terms {
                for term in terms.iter_mut() {
                    term.1 = subst(table, term.1, args);
                }
            }
            Type::Constraint(c)
        }
    };
    intern(table, new)
}

/// Interns `ty` in the table (the existing id when the checker has it).
fn intern(table: &mut TypeTable, ty: Type) -> TypeId {
    match table.index.get(&ty) {
        Some(&id) => id,
        None => table.intern(ty),
    }
}

/// The instance `base[args]` of generic type `base`, with its underlying
/// type computed on first sight.
fn instance(table: &mut TypeTable, base: ObjId, args: Vec<TypeId>) -> TypeId {
    let tparams = table.generics.get(&base).cloned().unwrap_or_default();
    let Some(under) = table.named.get(&base).map(|n| n.underlying) else {
        return intern(table, Type::Instance { base, args });
    };
    let map = Args {
        map: tparams.into_iter().zip(args.iter().copied()).collect(),
        targs: args.clone(),
        locals: HashSet::new(),
    };
    expand(table, base, args, under, &map)
}

/// The instance `base[targs]` whose underlying type is `under` with `args`
/// applied: registered before it is expanded, so that a type that refers
/// to itself terminates.
fn expand(table: &mut TypeTable, base: ObjId, targs: Vec<TypeId>, under: TypeId, args: &Args) -> TypeId {
    let id = intern(table, Type::Instance { base, args: targs.clone() });
    if table.instances.contains_key(&id) {
        return id;
    }
    let invalid = TypeTable::basic(types::BasicKind::Invalid);
    table.instances.insert(id, InstanceInfo { base, args: targs, underlying: invalid });
    let u = subst(table, under, args);
    if let Some(info) = table.instances.get_mut(&id) {
        info.underlying = u;
    }
    id
}

/// How deeply instances nest in `t`'s type arguments (`List[int]` is 1,
/// `List[List[int]]` 2).
pub fn instance_depth(table: &TypeTable, t: TypeId) -> usize {
    match table.get(t) {
        Type::Instance { args, .. } => 1 + args.iter().map(|&a| instance_depth(table, a)).max().unwrap_or(0),
        Type::Pointer(e) | Type::Slice(e) | Type::Array(_, e) | Type::Chan(_, e) => instance_depth(table, *e),
        Type::Map(k, v) => instance_depth(table, *k).max(instance_depth(table, *v)),
        _ => 0,
    }
}

/// How deeply composite types nest in `t` (`int` is 0, `[]int` 1,
/// `List[[]int]` 2); named types count as 0.
pub fn type_depth(table: &TypeTable, t: TypeId) -> usize {
    let d = |x: &TypeId| type_depth(table, *x);
    1 + match table.get(t) {
        Type::Basic(_) | Type::Named(_) | Type::TypeParam(_) | Type::Constraint(_) => return 0,
        Type::Instance { args, .. } => args.iter().map(d).max().unwrap_or(0),
        Type::Pointer(e) | Type::Slice(e) | Type::Array(_, e) | Type::Chan(_, e) => d(e),
        Type::Map(k, v) => d(k).max(d(v)),
        Type::Struct(fs) => fs.iter().map(|f| d(&f.ty)).max().unwrap_or(0),
        Type::Func(s) => s.params.iter().chain(&s.results).map(d).max().unwrap_or(0),
        Type::Interface(ms) => ms.iter().map(|m| d(&m.sig)).max().unwrap_or(0),
        Type::Tuple(ts) => ts.iter().map(d).max().unwrap_or(0),
    }
}
