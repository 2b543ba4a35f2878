//! The order in which a program's packages are initialised: Go 1.21's
//! rule, over gc's import graph.
//!
//! Go 1.21 initialises, repeatedly, the package with the smallest import
//! path among those whose imports are all initialised. The order therefore
//! depends on the whole import graph, the standard library's edges
//! included: a user package importing `errors` waits for whatever gc's
//! `errors` imports. deft's overlays (`lib/`) do not import what upstream's
//! packages import (deft's `internal/reflectlite` is its `reflect`, which
//! imports `unicode`; gc's imports only packages below `runtime`), so the
//! rule is applied to gc's graph: an overlay's edges are those of
//! upstream's package of the same path, read from the distribution's
//! headers, and a package only upstream imports (`internal/abi`, ...) is a
//! node of the graph without being part of the program. Every standard
//! package but `runtime` depends on `runtime` in gc's library, and the
//! graph has that edge too; `runtime`'s own imports are left out, as
//! nothing else can wait on them without waiting on `runtime`.
//!
//! The order computed on gc's graph is then made an order of deft's
//! program: each package comes after its own imports, an overlay's extra
//! imports moved before it. Those are standard packages, whose
//! initialisation has no effect a program can observe, so user packages
//! keep gc's order exactly. Without a distribution, an overlay's edges
//! are its own.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use super::Loaded;

/// The package every other standard package depends on.
const RUNTIME: &str = "runtime";

/// The packages of `packages` reachable from `root`, in initialisation
/// order, `root` last. `upstream(p)` gives the imports of upstream's
/// standard package `p` (`None` without a distribution or such a package).
pub(super) fn init_order(
    packages: &HashMap<String, Loaded>,
    root: &str,
    upstream: &dyn Fn(&str) -> Option<Vec<String>>,
) -> Vec<String> {
    let graph = gc_graph(packages, root, upstream);
    let gc_order = go121_order(&graph, root);
    let mut order = Vec::new();
    let mut placed = HashSet::new();
    for p in &gc_order {
        place(p, packages, &mut placed, &mut order);
    }
    order
}

/// The import graph gc's library and the program's packages make, from
/// `root`: each package's edges, sorted.
fn gc_graph(
    packages: &HashMap<String, Loaded>,
    root: &str,
    upstream: &dyn Fn(&str) -> Option<Vec<String>>,
) -> BTreeMap<String, Vec<String>> {
    let own = |pkg: &Loaded| -> Vec<String> { pkg.imports.iter().map(|(_, k)| k.clone()).collect() };
    let edges = |p: &str| -> Vec<String> {
        if p == RUNTIME {
            return Vec::new();
        }
        let mut deps = match packages.get(p) {
            Some(pkg) if !pkg.library => return own(pkg),
            Some(pkg) if super::stdsrc::overlay(p).is_some() => upstream(p).unwrap_or_else(|| own(pkg)),
            Some(pkg) => own(pkg),
            None => upstream(p).unwrap_or_default(),
        };
        deps.push(RUNTIME.to_string());
        deps.sort();
        deps.dedup();
        deps
    };
    let mut graph = BTreeMap::new();
    let mut work = vec![root.to_string()];
    while let Some(p) = work.pop() {
        if let std::collections::btree_map::Entry::Vacant(node) = graph.entry(p) {
            let deps = edges(node.key());
            work.extend(deps.iter().cloned());
            node.insert(deps);
        }
    }
    graph
}

/// Go 1.21's order of the nodes of `graph`, `root` last: repeatedly, the
/// smallest path among those whose imports are all placed (in a cycle,
/// which the loader has reported, the smallest path left).
fn go121_order(graph: &BTreeMap<String, Vec<String>>, root: &str) -> Vec<String> {
    let mut left: BTreeSet<&str> = graph.keys().map(String::as_str).filter(|p| *p != root).collect();
    let mut placed: HashSet<&str> = HashSet::new();
    let mut order = Vec::new();
    while let Some(next) =
        left.iter().copied().find(|p| graph[*p].iter().all(|d| placed.contains(d.as_str()))).or(left.first().copied())
    {
        left.remove(next);
        placed.insert(next);
        order.push(next.to_string());
    }
    order.push(root.to_string());
    order
}

/// Appends `p`, a package of the program (a node only gc's library has is
/// skipped), to `order` after its own imports not yet placed.
fn place(p: &str, packages: &HashMap<String, Loaded>, placed: &mut HashSet<String>, order: &mut Vec<String>) {
    let Some(pkg) = packages.get(p) else { return };
    if !placed.insert(p.to_string()) {
        return;
    }
    for (_, dep) in &pkg.imports {
        place(dep, packages, placed, order);
    }
    order.push(p.to_string());
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;
    use types::LangVersion;

    /// A package with these imports.
    fn loaded(imports: &[&str], library: bool) -> Loaded {
        Loaded {
            spec_path: String::new(),
            name: String::new(),
            files: Vec::new(),
            build_error: None,
            imports: imports.iter().map(|i| (i.to_string(), i.to_string())).collect(),
            library,
            lang: LangVersion::CURRENT,
            module: None,
            dir: PathBuf::new(),
            deps: Vec::new(),
            error: None,
            visiting: false,
            done: true,
            decls_only: false,
            unfound: Default::default(),
        }
    }

    fn program(packages: &[(&str, Loaded)]) -> HashMap<String, Loaded> {
        packages.iter().map(|(k, v)| (k.to_string(), clone(v))).collect()
    }

    fn clone(pkg: &Loaded) -> Loaded {
        let imports: Vec<&str> = pkg.imports.iter().map(|(_, k)| k.as_str()).collect();
        loaded(&imports, pkg.library)
    }

    fn no_distribution(_: &str) -> Option<Vec<String>> {
        None
    }

    #[test]
    fn go121_init_order() {
        // main imports c, b, a; a imports d: sorted by path, each once its
        // imports are placed.
        let packages = program(&[
            ("main", loaded(&["c", "b", "a"], false)),
            ("a", loaded(&["d"], false)),
            ("b", loaded(&[], false)),
            ("c", loaded(&[], false)),
            ("d", loaded(&[], false)),
        ]);
        assert_eq!(init_order(&packages, "main", &no_distribution), ["b", "c", "d", "a", "main"]);
    }

    #[test]
    fn standard_packages_wait_for_runtime() {
        // m/b imports errors (a library package, hence after runtime);
        // m/b/e imports nothing: it comes first, as in gc.
        let packages = program(&[
            ("main", loaded(&["m/b", "m/b/e"], false)),
            ("m/b", loaded(&["errors"], false)),
            ("m/b/e", loaded(&[], false)),
            ("errors", loaded(&[], true)),
        ]);
        assert_eq!(init_order(&packages, "main", &no_distribution), ["m/b/e", "errors", "m/b", "main"]);
    }

    #[test]
    fn overlays_ordered_by_upstream_edges() {
        // deft's internal/reflectlite (an overlay) imports unicode, whose
        // path sorts after t/b; gc's imports only internal/abi (not in the
        // program). So in gc's order errors, and t/a with it, come before
        // t/b; unicode is moved before reflectlite.
        let packages = program(&[
            ("main", loaded(&["t/a", "t/b"], false)),
            ("t/a", loaded(&["errors"], false)),
            ("t/b", loaded(&[], false)),
            ("errors", loaded(&["internal/reflectlite"], true)),
            ("internal/reflectlite", loaded(&["unicode"], true)),
            ("unicode", loaded(&[], true)),
            ("runtime", loaded(&[], true)),
        ]);
        let upstream = |p: &str| (p == "internal/reflectlite").then(|| vec!["internal/abi".to_string()]);
        assert_eq!(
            init_order(&packages, "main", &upstream),
            ["runtime", "unicode", "internal/reflectlite", "errors", "t/a", "t/b", "main"]
        );
        assert_eq!(
            init_order(&packages, "main", &no_distribution),
            ["runtime", "t/b", "unicode", "internal/reflectlite", "errors", "t/a", "main"]
        );
    }
}
