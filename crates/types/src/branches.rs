//! Labels and branch statements: gc's `checkBranches`.
//!
//! gc checks `break`, `continue`, `goto`, `fallthrough` and labels while
//! parsing, per function body (a function literal's body is its own label
//! scope), so these errors precede all type errors. This module reproduces
//! that pass on the finished tree, with gc's messages: `label L defined and
//! not used`, `goto L jumps into block starting at …`, `goto L jumps over
//! declaration of x at …`, `break is not in a loop, switch, or select`, ...
//! It also records label objects (`ObjKind::Label`) in `defs`/`uses`.
//!
//! Precondition: for `:=` statements `Stmt::pos` is the position of the
//! `:=` operator, as in gc's syntax tree (gc reports declarations jumped
//! over at that position).

use std::collections::HashMap;

use syntax::Pos;
use syntax::ast::{Block, Decl, NodeId, Stmt, StmtKind};

use crate::check::Checker;
use crate::model::{ObjId, ObjKind};
use crate::types::INVALID;

struct Label {
    block: usize,
    /// The labeled statement can be the target of a labeled `break`.
    breakable: bool,
    /// ... of a labeled `continue`.
    continuable: bool,
    used: bool,
    pos: Pos,
    name: String,
    obj: ObjId,
}

struct BlockInfo {
    parent: Option<usize>,
    start: Pos,
    /// Index (in `labels`) of the label of the statement owning this block.
    lstmt: Option<usize>,
}

/// What an unlabeled break/continue/fallthrough may target.
#[derive(Clone, Copy)]
struct Targets<'s> {
    breaks: Option<&'s Stmt>,
    continues: bool,
    /// Index of the enclosing case clause of a switch, if directly inside one.
    case_index: Option<usize>,
}

struct Fwd<'s> {
    name: &'s syntax::ast::Ident,
    /// Sequence number, for identity.
    seq: usize,
}

struct LabelScope<'c, 'a> {
    ck: &'c mut Checker<'a>,
    labels: Vec<Label>,
    by_name: HashMap<String, usize>,
    blocks: Vec<BlockInfo>,
    owner: NodeId,
    next_seq: usize,
}

impl<'a> Checker<'a> {
    /// Checks the branches and labels of one function body.
    pub(crate) fn check_branches(&mut self, body: &Block, owner: NodeId) {
        let mut ls = LabelScope {
            ck: self,
            labels: Vec::new(),
            by_name: HashMap::new(),
            blocks: Vec::new(),
            owner,
            next_seq: 0,
        };
        let fwd = ls.block_branches(
            None,
            Targets { breaks: None, continues: false, case_index: None },
            None,
            body.pos,
            &body.stmts,
        );
        for f in fwd {
            let name = &f.name.name;
            if let Some(&i) = ls.by_name.get(name) {
                ls.labels[i].used = true;
                let start = ls.blocks[ls.labels[i].block].start;
                let at = ls.ck.pos_string(start);
                let obj = ls.labels[i].obj;
                ls.ck.info.uses.insert(f.name.id, obj);
                ls.ck.error(f.name.pos, format!("goto {name} jumps into block starting at {at}"));
            } else {
                ls.ck.error(f.name.pos, format!("label {name} not defined"));
            }
        }
        let mut unused: Vec<(Pos, String)> =
            ls.labels.iter().filter(|l| !l.used).map(|l| (l.pos, l.name.clone())).collect();
        unused.sort();
        for (pos, name) in unused {
            ls.ck.error(pos, format!("label {name} defined and not used"));
        }
    }
}

fn trim_trailing_empty(list: &[Stmt]) -> &[Stmt] {
    let mut n = list.len();
    while n > 0 && matches!(list[n - 1].kind, StmtKind::Empty) {
        n -= 1;
    }
    &list[..n]
}

impl<'s> LabelScope<'_, '_> {
    fn declare(&mut self, b: usize, s: &'s Stmt, label: &'s syntax::ast::Ident) -> usize {
        if let Some(&i) = self.by_name.get(&label.name) {
            let at = self.ck.pos_string(self.labels[i].pos);
            self.ck.error(label.pos, format!("label {} already defined at {at}", label.name));
            return i;
        }
        let obj = self.ck.new_obj(&label.name, ObjKind::Label, INVALID, label.pos);
        self.ck.info.objects[obj.0 as usize].owner = Some(self.owner);
        self.ck.info.defs.insert(label.id, obj);
        let (breakable, continuable) = match &s.kind {
            StmtKind::Labeled { stmt, .. } => (
                matches!(
                    stmt.kind,
                    StmtKind::Switch { .. }
                        | StmtKind::TypeSwitch { .. }
                        | StmtKind::Select(_)
                        | StmtKind::For { .. }
                        | StmtKind::Range { .. }
                ),
                matches!(stmt.kind, StmtKind::For { .. } | StmtKind::Range { .. }),
            ),
            _ => (false, false),
        };
        self.labels.push(Label {
            block: b,
            breakable,
            continuable,
            used: false,
            pos: label.pos,
            name: label.name.clone(),
            obj,
        });
        self.by_name.insert(label.name.clone(), self.labels.len() - 1);
        self.labels.len() - 1
    }

    fn use_label(&mut self, i: usize, id: NodeId) {
        self.labels[i].used = true;
        let obj = self.labels[i].obj;
        self.ck.info.uses.insert(id, obj);
    }

    /// The labeled statement `name` if it encloses block `b`.
    fn enclosing_target(&mut self, b: usize, name: &syntax::ast::Ident) -> Option<Result<usize, ()>> {
        let &i = self.by_name.get(&name.name)?;
        self.use_label(i, name.id);
        let mut cur = Some(b);
        while let Some(c) = cur {
            if self.blocks[c].lstmt == Some(i) {
                return Some(Ok(i));
            }
            cur = self.blocks[c].parent;
        }
        Some(Err(()))
    }

    fn goto_target(&mut self, b: usize, name: &syntax::ast::Ident) -> bool {
        let Some(&i) = self.by_name.get(&name.name) else {
            return false;
        };
        self.use_label(i, name.id);
        let mut cur = Some(b);
        while let Some(c) = cur {
            if self.labels[i].block == c {
                return true;
            }
            cur = self.blocks[c].parent;
        }
        false
    }

    /// The branches in the clause bodies of `stmt`, a switch, type switch
    /// or select in block `parent`: in each clause an unlabeled break leaves
    /// `stmt` and continue means what it means around `stmt`. Switch clauses
    /// (`numbered`) carry their case index, for fallthrough.
    fn clause_branches(
        &mut self,
        parent: usize,
        stmt: &'s Stmt,
        ctxt: Targets<'s>,
        lstmt: Option<usize>,
        clauses: impl Iterator<Item = (Pos, &'s [Stmt])>,
        numbered: bool,
    ) -> Vec<Fwd<'s>> {
        let mut fwd = Vec::new();
        for (i, (pos, body)) in clauses.enumerate() {
            let inner = Targets { breaks: Some(stmt), continues: ctxt.continues, case_index: numbered.then_some(i) };
            fwd.extend(self.block_branches(Some(parent), inner, lstmt, pos, body));
        }
        fwd
    }

    fn block_branches(
        &mut self,
        parent: Option<usize>,
        ctxt: Targets<'s>,
        lstmt: Option<usize>,
        start: Pos,
        body: &'s [Stmt],
    ) -> Vec<Fwd<'s>> {
        self.blocks.push(BlockInfo { parent, start, lstmt });
        let b = self.blocks.len() - 1;
        let mut var_decl: Option<(Pos, String)> = None;
        let mut fwd: Vec<Fwd<'s>> = Vec::new();
        let mut bad: Vec<usize> = Vec::new();
        let list = trim_trailing_empty(body);
        for (index, stmt) in list.iter().enumerate() {
            let mut s = stmt;
            let mut cur_label: Option<usize> = None;
            // Unwrap labels, declaring them and resolving forward gotos.
            while let StmtKind::Labeled { label, stmt: inner } = &s.kind {
                if label.name != "_" {
                    let li = self.declare(b, s, label);
                    let mut keep = Vec::new();
                    for f in fwd.drain(..) {
                        if f.name.name == label.name {
                            self.use_label(li, f.name.id);
                            if let Some((vp, vn)) = &var_decl
                                && bad.contains(&f.seq)
                            {
                                let at = self.ck.pos_string(*vp);
                                self.ck.error(
                                    f.name.pos,
                                    format!("goto {} jumps over declaration of {vn} at {at}", label.name),
                                );
                            }
                        } else {
                            keep.push(f);
                        }
                    }
                    fwd = keep;
                    cur_label = Some(li);
                }
                s = inner;
            }
            let record_var = |pos: Pos,
                              name: String,
                              fwd: &Vec<Fwd<'s>>,
                              var_decl: &mut Option<(Pos, String)>,
                              bad: &mut Vec<usize>| {
                *var_decl = Some((pos, name));
                *bad = fwd.iter().map(|f| f.seq).collect();
            };
            match &s.kind {
                StmtKind::Decl(Decl::Var(specs)) => {
                    if let Some(spec) = specs.first()
                        && let Some(n) = spec.names.first()
                    {
                        record_var(n.pos, n.name.clone(), &fwd, &mut var_decl, &mut bad);
                    }
                }
                StmtKind::Define { lhs, .. } => {
                    let names: Vec<&str> = lhs.iter().map(|i| i.name.as_str()).collect();
                    record_var(s.pos, names.join(", "), &fwd, &mut var_decl, &mut bad);
                }
                StmtKind::Break(None) if ctxt.breaks.is_none() => {
                    self.ck.error(s.pos, "break is not in a loop, switch, or select");
                }
                StmtKind::Continue(None) if !ctxt.continues => {
                    self.ck.error(s.pos, "continue is not in a loop");
                }
                StmtKind::Fallthrough => {
                    let mut msg = Some("fallthrough statement out of place");
                    if let Some(t) = ctxt.breaks {
                        match &t.kind {
                            StmtKind::TypeSwitch { .. } => msg = Some("cannot fallthrough in type switch"),
                            StmtKind::Switch { cases, .. } => match ctxt.case_index {
                                Some(ci) if index + 1 == list.len() => {
                                    msg = if ci + 1 == cases.len() {
                                        Some("cannot fallthrough final case in switch")
                                    } else {
                                        None
                                    };
                                }
                                _ => {}
                            },
                            _ => {}
                        }
                    }
                    if let Some(m) = msg {
                        self.ck.error(s.pos, m);
                    }
                }
                StmtKind::Break(Some(name)) => match self.enclosing_target(b, name) {
                    Some(Ok(t)) => {
                        if !self.labels[t].breakable {
                            self.ck.error(name.pos, format!("invalid break label {}", name.name));
                        }
                    }
                    Some(Err(())) => self.ck.error(name.pos, format!("invalid break label {}", name.name)),
                    None => self.ck.error(name.pos, format!("break label not defined: {}", name.name)),
                },
                StmtKind::Continue(Some(name)) => match self.enclosing_target(b, name) {
                    Some(Ok(t)) => {
                        if !self.labels[t].continuable {
                            self.ck.error(name.pos, format!("invalid continue label {}", name.name));
                        }
                    }
                    Some(Err(())) => self.ck.error(name.pos, format!("invalid continue label {}", name.name)),
                    None => self.ck.error(name.pos, format!("continue label not defined: {}", name.name)),
                },
                StmtKind::Goto(name) if !self.goto_target(b, name) => {
                    self.next_seq += 1;
                    fwd.push(Fwd { name, seq: self.next_seq });
                }
                StmtKind::Block(blk) => {
                    let inner = Targets { case_index: None, ..ctxt };
                    let f = self.block_branches(Some(b), inner, cur_label, blk.pos, &blk.stmts);
                    fwd.extend(f);
                }
                StmtKind::If { then, els, .. } => {
                    let inner = Targets { case_index: None, ..ctxt };
                    let f = self.block_branches(Some(b), inner, cur_label, then.pos, &then.stmts);
                    fwd.extend(f);
                    if let Some(e) = els {
                        let f = self.block_branches(Some(b), inner, cur_label, e.pos, std::slice::from_ref(e));
                        fwd.extend(f);
                    }
                }
                StmtKind::For { body: blk, .. } | StmtKind::Range { body: blk, .. } => {
                    let inner = Targets { breaks: Some(s), continues: true, case_index: None };
                    let f = self.block_branches(Some(b), inner, cur_label, blk.pos, &blk.stmts);
                    fwd.extend(f);
                }
                StmtKind::Switch { cases, .. } => {
                    let clauses = cases.iter().map(|cc| (cc.pos, &cc.body[..]));
                    let f = self.clause_branches(b, s, ctxt, cur_label, clauses, true);
                    fwd.extend(f);
                }
                StmtKind::TypeSwitch { cases, .. } => {
                    let clauses = cases.iter().map(|cc| (cc.pos, &cc.body[..]));
                    let f = self.clause_branches(b, s, ctxt, cur_label, clauses, true);
                    fwd.extend(f);
                }
                StmtKind::Select(clauses) => {
                    let clauses = clauses.iter().map(|cc| (cc.pos, &cc.body[..]));
                    let f = self.clause_branches(b, s, ctxt, cur_label, clauses, false);
                    fwd.extend(f);
                }
                _ => {}
            }
        }
        fwd
    }
}
