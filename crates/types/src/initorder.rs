//! Initialization order of package-level variables (types2's `initOrder`).
//!
//! The dependency graph has a node per package-level constant, variable
//! and function (methods included); an edge `a → b` means `a`'s declaration
//! (or body) refers to `b`. Function nodes are then removed, connecting
//! their predecessors to their successors, so dependencies through calls
//! count. Repeatedly the node with the fewest remaining dependencies, then
//! the earliest in declaration order, is emitted; a variable with an
//! initializer yields an [`Initializer`] (once per `var a, b = f()`). If the
//! best node still has dependencies there is a cycle, reported as gc does:
//! `initialization loop for x` with the path.

use std::collections::{BTreeSet, HashMap};

use crate::check::{Checker, PkgDecl};
use crate::model::{Initializer, ObjId, ObjKind};

struct Node {
    obj: ObjId,
    order: usize,
    succ: BTreeSet<usize>,
    pred: BTreeSet<usize>,
    ndeps: usize,
    done: bool,
}

impl Checker<'_> {
    /// Computes the current package's `init_order`, reporting initialization cycles.
    pub(crate) fn init_order(&mut self) {
        // Nodes: package-level consts, vars and funcs, in declaration order.
        let objs: Vec<ObjId> = self
            .pkg_objs
            .iter()
            .copied()
            .filter(|&o| matches!(self.obj(o).kind, ObjKind::Var(_) | ObjKind::Const(_) | ObjKind::Func { .. }))
            .collect();
        let index: HashMap<ObjId, usize> = objs.iter().enumerate().map(|(i, &o)| (o, i)).collect();
        let mut nodes: Vec<Node> = objs
            .iter()
            .enumerate()
            .map(|(i, &o)| Node {
                obj: o,
                order: i,
                succ: BTreeSet::new(),
                pred: BTreeSet::new(),
                ndeps: 0,
                done: false,
            })
            .collect();
        for (i, &o) in objs.iter().enumerate() {
            for d in self.deps.get(&o).cloned().unwrap_or_default() {
                if let Some(&j) = index.get(&d) {
                    nodes[i].succ.insert(j);
                    nodes[j].pred.insert(i);
                }
            }
        }
        // Remove function nodes, cheapest first.
        let mut funcs: Vec<usize> =
            (0..nodes.len()).filter(|&i| matches!(self.obj(nodes[i].obj).kind, ObjKind::Func { .. })).collect();
        funcs.sort_by_key(|&i| (nodes[i].pred.len() * nodes[i].succ.len(), nodes[i].order));
        for &n in &funcs {
            let preds: Vec<usize> = nodes[n].pred.iter().copied().collect();
            let succs: Vec<usize> = nodes[n].succ.iter().copied().collect();
            for &p in &preds {
                if p != n {
                    for &s in &succs {
                        if s != n {
                            nodes[p].succ.insert(s);
                            nodes[s].pred.insert(p);
                        }
                    }
                    nodes[p].succ.remove(&n);
                }
            }
            for &s in &succs {
                nodes[s].pred.remove(&n);
            }
            nodes[n].done = true;
        }
        for n in nodes.iter_mut() {
            n.ndeps = n.succ.len();
        }
        let mut emitted: Vec<syntax::ast::NodeId> = Vec::new(); // first names of emitted `var a, b = f()`
        while let Some(best) =
            (0..nodes.len()).filter(|&i| !nodes[i].done).min_by_key(|&i| (nodes[i].ndeps, nodes[i].order))
        {
            nodes[best].done = true;
            let o = nodes[best].obj;
            if nodes[best].ndeps > 0
                && let Some(cycle) = self.find_path(o, o, &mut Vec::new())
            {
                self.report_cycle(&cycle);
            }
            let preds: Vec<usize> = nodes[best].pred.iter().copied().collect();
            for p in preds {
                nodes[p].ndeps = nodes[p].ndeps.saturating_sub(1);
            }
            let Some(PkgDecl::Var { spec, index: vi }) = self.objs[o.0 as usize].decl else {
                continue;
            };
            if spec.values.is_empty() {
                continue;
            }
            if spec.values.len() == 1 && spec.names.len() > 1 {
                let key = spec.names[0].id;
                if emitted.contains(&key) {
                    continue;
                }
                emitted.push(key);
                let lhs = spec.names.iter().filter_map(|n| self.info.defs.get(&n.id).copied()).collect();
                self.push_initializer(Initializer { lhs, rhs: spec.values[0].id });
            } else if let Some(v) = spec.values.get(vi) {
                self.push_initializer(Initializer { lhs: vec![o], rhs: v.id });
            }
        }
    }

    fn push_initializer(&mut self, init: Initializer) {
        let p = self.cur_pkg().0 as usize;
        self.info.packages[p].init_order.push(init);
    }

    fn find_path(&self, from: ObjId, to: ObjId, seen: &mut Vec<ObjId>) -> Option<Vec<ObjId>> {
        if seen.contains(&from) {
            return None;
        }
        seen.push(from);
        for &d in self.deps.get(&from).map(|v| v.as_slice()).unwrap_or(&[]) {
            if d == to {
                return Some(vec![d]);
            }
            if let Some(mut p) = self.find_path(d, to, seen) {
                p.push(d);
                return Some(p);
            }
        }
        None
    }

    fn report_cycle(&mut self, cycle: &[ObjId]) {
        let mut obj = cycle[0];
        let name = |c: &Self, o: ObjId| c.obj(o).name.clone();
        let at = self.obj(obj).pos;
        if cycle.len() == 1 {
            self.error(at, format!("initialization cycle: {} refers to itself", name(self, obj)));
            return;
        }
        let mut msg = format!("initialization cycle for {}", name(self, obj));
        for i in (0..cycle.len()).rev() {
            let next = cycle[i];
            msg.push_str(&format!(
                "\n\t{}: {} refers to {}",
                self.pos_string(self.obj(obj).pos),
                name(self, obj),
                name(self, next)
            ));
            obj = next;
        }
        self.error(at, msg);
    }
}
