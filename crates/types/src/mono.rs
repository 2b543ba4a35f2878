//! Instantiation cycles: a package whose generic code would need
//! infinitely many instances (`func f[P any]() { f[*P]() }`), which gc
//! (and deft, which compiles every instance) cannot compile. types2's
//! `monomorph` check, in gc's words.
//!
//! Every instantiation of a generic function or type of the package being
//! checked is recorded ([`Checker::record_mono`]): type parameter `P`
//! instantiated as type argument `A`. The graph has a vertex per type
//! parameter (a method's receiver type parameters are those of its
//! receiver's type) and an edge to `P` from every type parameter `Q` that
//! `A` mentions, of weight 0 when `A` is `Q` itself and 1 when `Q` is
//! inside it. A cycle of positive weight is an instantiation cycle,
//! reported at the type parameter where the walk finds it, with each
//! instantiation on the cycle (`P instantiated as *P`).
//!
//! Invariant: the recorded instantiations are those of one package; the
//! check consumes them. It is made only when the package has no other
//! error, as types2 makes it.

use syntax::Pos;

use crate::check::Checker;
use crate::types::{T, TyId};

/// One instantiation: type parameters, their arguments, and where each
/// argument was written (or the instantiation, for inferred ones).
pub(crate) struct MonoInst {
    pub tparams: Vec<TyId>,
    pub targs: Vec<TyId>,
    pub at: Vec<Pos>,
}

/// An edge of the graph: `dst` instantiated as `typ` (at `pos`), which
/// mentions `src`.
struct Edge {
    dst: usize,
    src: usize,
    weight: i64,
    pos: Pos,
    typ: TyId,
}

/// A vertex: a type parameter, and the heaviest path found to it.
struct Vertex {
    tparam: TyId,
    weight: i64,
    pre: usize,
    len: usize,
}

impl Checker<'_> {
    /// Records that `tparams` are instantiated as `targs` (written at `at`,
    /// else at `pos`).
    pub(crate) fn record_mono(&mut self, tparams: &[TyId], targs: &[TyId], at: &[Pos], pos: Pos) {
        let at = (0..tparams.len()).map(|i| at.get(i).copied().unwrap_or(pos)).collect();
        self.mono.push(MonoInst { tparams: tparams.to_vec(), targs: targs.to_vec(), at });
    }

    /// Reports the first instantiation cycle of the package's recorded
    /// instantiations, if any (a Bellman-Ford walk for the heaviest paths
    /// that stops at a path as long as there are vertices).
    pub(crate) fn monomorph(&mut self) {
        let (vertices, edges) = self.mono_graph();
        // As types2, only for a package without errors so far (a package
        // with errors stops the build before it, so any error is its own).
        if self.diags.has_errors() {
            return;
        }
        let mut vertices = vertices;
        let n = vertices.len();
        let mut again = true;
        while again {
            again = false;
            for (i, e) in edges.iter().enumerate() {
                let w = vertices[e.src].weight + e.weight;
                if w <= vertices[e.dst].weight {
                    continue;
                }
                let len = vertices[e.src].len + 1;
                let dst = &mut vertices[e.dst];
                dst.pre = i;
                dst.len = len;
                if len == n {
                    self.report_instance_loop(&vertices, &edges, e.dst);
                    return;
                }
                dst.weight = w;
                again = true;
            }
        }
    }

    /// The graph of the recorded instantiations (consumed).
    fn mono_graph(&mut self) -> (Vec<Vertex>, Vec<Edge>) {
        let mut vertices: Vec<Vertex> = Vec::new();
        let mut edges = Vec::new();
        for inst in std::mem::take(&mut self.mono) {
            for ((&tp, &targ), &pos) in inst.tparams.iter().zip(&inst.targs).zip(&inst.at) {
                if !self.local_tparam(tp) {
                    continue;
                }
                let dst = vertex(&mut vertices, self.canon_tparam(tp));
                let mut mentioned = Vec::new();
                self.tparams_in(targ, &mut mentioned, 0);
                for q in mentioned {
                    let weight = if q == targ { 0 } else { 1 };
                    let src = vertex(&mut vertices, self.canon_tparam(q));
                    edges.push(Edge { dst, src, weight, pos, typ: targ });
                }
            }
        }
        (vertices, edges)
    }

    /// Whether `t` is a type parameter declared in the package being checked.
    fn local_tparam(&self, t: TyId) -> bool {
        matches!(self.tys.get(t), T::TypeParam(o) if self.obj(*o).pkg == self.pkg)
    }

    /// A method's receiver type parameter stands for its type's.
    fn canon_tparam(&self, t: TyId) -> TyId {
        self.mono_canon.get(&t).copied().unwrap_or(t)
    }

    /// The type parameters of this package that `t` mentions, in order.
    fn tparams_in(&self, t: TyId, out: &mut Vec<TyId>, depth: u32) {
        if depth > 64 {
            return;
        }
        let mut walk = |x: TyId| self.tparams_in(x, out, depth + 1);
        match self.tys.get(t) {
            T::TypeParam(_) if self.local_tparam(t) => out.push(t),
            T::Inst(_, args) => args.iter().for_each(|&a| walk(a)),
            T::Pointer(e) | T::Array(_, e) | T::Slice(e) | T::Chan(_, e) => walk(*e),
            T::Map(k, v) => {
                walk(*k);
                walk(*v);
            }
            T::Struct(fs) => fs.iter().for_each(|f| walk(f.ty)),
            T::Func(s) => s.params.iter().chain(&s.results).for_each(|p| walk(p.ty)),
            T::Interface { methods, .. } => methods.iter().for_each(|m| walk(m.sig)),
            _ => {}
        }
    }

    /// Reports the cycle the heaviest path to vertex `v` runs through.
    fn report_instance_loop(&mut self, vertices: &[Vertex], edges: &[Edge], mut v: usize) {
        // The path ends at v, which may only be reachable from the cycle:
        // walk back to the first vertex met twice, then keep the cycle.
        let mut stack = Vec::new();
        let mut seen = vec![false; vertices.len()];
        while !seen[v] {
            stack.push(v);
            seen[v] = true;
            v = edges[vertices[v].pre].src;
        }
        let first = stack.iter().position(|&x| x == v).unwrap_or(0);
        let T::TypeParam(o0) = *self.tys.get(vertices[v].tparam) else { return };
        let mut msg = String::from("instantiation cycle:");
        for &x in &stack[first..] {
            let e = &edges[vertices[x].pre];
            let T::TypeParam(o) = *self.tys.get(vertices[e.dst].tparam) else { continue };
            let line =
                format!("\n\t{}: {} instantiated as {}", self.pos_string(e.pos), self.obj(o).name, self.ts(e.typ));
            msg.push_str(&line);
        }
        self.error(self.obj(o0).pos, msg);
    }
}

/// The vertex of type parameter `t`, added if new.
fn vertex(vertices: &mut Vec<Vertex>, t: TyId) -> usize {
    if let Some(i) = vertices.iter().position(|v| v.tparam == t) {
        return i;
    }
    vertices.push(Vertex { tparam: t, weight: 0, pre: 0, len: 0 });
    vertices.len() - 1
}
