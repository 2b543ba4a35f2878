//! The shape of the trees the parser builds: the ambiguities of the
//! grammar resolved as gc resolves them, positions, constant repetition,
//! unique node ids.

mod common;

use syntax::ast::*;
use syntax::pos::Pos;
use syntax::printer::{expr_string, stmt_string, type_string};

fn file(src: &str) -> File {
    let (f, errors) = common::parse("a.go", src);
    assert_eq!(errors, "", "unexpected errors for:\n{src}");
    f
}

/// The statements of the body of the first function in `body` (wrapped in
/// `package p; func _() { ... }`).
fn stmts(body: &str) -> Vec<Stmt> {
    let f = file(&format!("package p\nfunc _() {{\n{body}\n}}\n"));
    match f.decls.into_iter().next() {
        Some(Decl::Func(FuncDecl { body: Some(b), .. })) => b.stmts,
        other => panic!("no function: {other:?}"),
    }
}

fn at(line: u32, col: u32) -> Pos {
    Pos { file: syntax::FileId(0), line, col }
}

fn type_spec(src: &str) -> TypeSpec {
    match file(&format!("package p\n{src}\n")).decls.into_iter().next() {
        Some(Decl::Type(mut specs)) => specs.remove(0),
        other => panic!("no type decl: {other:?}"),
    }
}

#[test]
fn expression_positions_follow_gc() {
    let s = stmts("_ = a +\n\tb(c)[d].e");
    let StmtKind::Assign { rhs, .. } = &s[0].kind else { panic!() };
    let e = &rhs[0];
    assert_eq!(expr_string(e), "a + b(c)[d].e");
    assert_eq!(e.pos, at(3, 7), "binary: the operator");
    assert_eq!(e.start(), at(3, 5));
    let ExprKind::Binary { y, .. } = &e.kind else { panic!() };
    assert_eq!(y.pos, at(4, 9), "selector: the dot");
    let ExprKind::Selector { x: index, .. } = &y.kind else { panic!() };
    assert_eq!(index.pos, at(4, 6), "index: the bracket");
    let ExprKind::Index { x: call, .. } = &index.kind else { panic!() };
    assert_eq!(call.pos, at(4, 3), "call: the parenthesis");
    assert_eq!(y.start(), at(4, 2));
}

#[test]
fn statement_positions_follow_gc() {
    let s = stmts("x, y := 1, 2\nx += 1\nx++\nc <- 1\nf()\ndefer f()");
    let poss: Vec<(Pos, Pos)> = s.iter().map(|s| (s.pos, s.start())).collect();
    assert_eq!(
        poss,
        [
            (at(3, 6), at(3, 1)),
            (at(4, 3), at(4, 1)),
            (at(5, 2), at(5, 1)),
            (at(6, 3), at(6, 1)),
            (at(7, 1), at(7, 1)),
            (at(8, 1), at(8, 1))
        ]
    );
    assert_eq!(stmt_string(&s[0]), "x, y := 1, 2");
}

#[test]
fn block_end_is_the_closing_brace() {
    let f = file("package p\nfunc f() int {\n\treturn 1\n}\n");
    let Some(Decl::Func(FuncDecl { body: Some(b), .. })) = f.decls.first() else { panic!() };
    assert_eq!((b.pos, b.end), (at(2, 14), at(4, 1)));
}

#[test]
fn implicit_constants_are_fresh_copies() {
    let f = file("package p\nconst (\n\ta, b = iota * 2, T(iota)\n\tc, d\n\te int = 5\n\tf\n)\n");
    let Some(Decl::Const(specs)) = f.decls.first() else { panic!() };
    let summary: Vec<(u64, bool, String)> = specs
        .iter()
        .map(|s| (s.iota, s.implicit, s.values.iter().map(expr_string).collect::<Vec<_>>().join(", ")))
        .collect();
    assert_eq!(
        summary,
        [
            (0, false, "iota * 2, T(iota)".to_string()),
            (1, true, "iota * 2, T(iota)".to_string()),
            (2, false, "5".to_string()),
            (3, true, "5".to_string())
        ]
    );
    assert_eq!(specs[3].ty.as_ref().map(type_string).as_deref(), Some("int"));
    assert_ne!(specs[0].values[0].id, specs[1].values[0].id);
    assert_eq!(specs[0].values[0].pos, specs[1].values[0].pos, "copies keep the written positions");
}

#[test]
fn node_ids_are_unique() {
    let f = file(
        "package p\nconst (\n\ta = iota\n\tb\n)\ntype T[P any] struct{ x []P }\nfunc f[T any](x T) {\n\tswitch v := any(x).(type) {\n\tcase int, []T:\n\t\t_ = v\n\t}\n\tg := func() int { return a + b }\n\t_ = g\n}\n",
    );
    let dump = format!("{f:?}");
    let mut ids: Vec<u32> =
        dump.split("NodeId(").skip(1).filter_map(|s| s.split(')').next()?.trim().parse().ok()).collect();
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n, "some node id is used twice");
}

#[test]
fn array_or_generic_type_declarations() {
    let cases = [
        ("type A [N]int", 0, "[N]int"),
        ("type A [2*N]int", 0, "[2 * N]int"),
        ("type A[P any] []P", 1, "[]P"),
        ("type A[P *C] int", 0, "int"),
        ("type A[P *C,] int", 1, "int"),
        ("type A[P *[]int] int", 1, "int"),
        ("type A[P (C)] int", 0, "int"),
        ("type A[P []E, E any] int", 2, "int"),
        ("type A[K comparable, V ~int | ~string] map[K]V", 2, "map[K]V"),
        ("type A []int", 0, "[]int"),
        ("type A [...]int", 0, "[...]int"),
        ("type A = B[int]", 0, "B[int]"),
    ];
    for (src, params, ty) in cases {
        let spec = type_spec(src);
        assert_eq!(spec.type_params.len(), params, "{src}");
        let shown = match (&spec.ty.kind, params) {
            (TypeKind::Array { elem, len: Some(_) }, 0) if ty == "int" => type_string(elem),
            _ => type_string(&spec.ty),
        };
        assert_eq!(shown, ty, "{src}");
    }
    let spec = type_spec("type A[P *C, Q any] int");
    assert_eq!(type_string(&spec.type_params[0].ty), "*C");
    let spec = type_spec("type A[P ~int | string] int");
    assert!(matches!(&spec.type_params[0].ty.kind, TypeKind::Union(t) if t.len() == 2 && t[0].0 && !t[1].0));
}

#[test]
fn parameter_lists_group_names_with_types() {
    let f = file("package p\nfunc f(a, b int, c ...string) (x, y int)\nfunc g(int, []string, p.T) error\n");
    let sigs: Vec<String> = f
        .decls
        .iter()
        .map(|d| match d {
            Decl::Func(fd) => {
                let show = |fs: &[Field]| {
                    fs.iter()
                        .map(|fl| {
                            let names: Vec<&str> = fl.names.iter().map(|n| n.name.as_str()).collect();
                            format!("{}:{}", names.join(","), type_string(&fl.ty))
                        })
                        .collect::<Vec<_>>()
                        .join(" ")
                };
                format!("{} -> {}", show(&fd.sig.params), show(&fd.sig.results))
            }
            _ => panic!(),
        })
        .collect();
    assert_eq!(sigs, ["a,b:int c:...string -> x,y:int", ":int :[]string :p.T -> :error"]);
}

#[test]
fn struct_fields_and_tags() {
    let spec = type_spec("type S struct {\n\ta, b int `json:\"a\"`\n\tT\n\t*p.U \"tag\"\n\tG[int]\n\tarr [3]int\n}");
    let TypeKind::Struct(fields) = &spec.ty.kind else { panic!() };
    let shown: Vec<(usize, String, Option<String>)> =
        fields.iter().map(|f| (f.names.len(), type_string(&f.ty), f.tag.clone())).collect();
    assert_eq!(
        shown,
        [
            (2, "int".to_string(), Some("json:\"a\"".to_string())),
            (0, "T".to_string(), None),
            (0, "*p.U".to_string(), Some("tag".to_string())),
            (0, "G[int]".to_string(), None),
            (1, "[3]int".to_string(), None)
        ]
    );
}

#[test]
fn interface_elements() {
    let spec = type_spec("type I interface {\n\tM(int) string\n\tfmt.Stringer\n\t~int | ~string\n\tG[int]\n}");
    let TypeKind::Interface(elems) = &spec.ty.kind else { panic!() };
    assert!(matches!(&elems[0], InterfaceElem::Method { name, .. } if name.name == "M"));
    let embeds: Vec<String> = elems[1..]
        .iter()
        .map(|e| match e {
            InterfaceElem::Embed(t) => type_string(t),
            _ => panic!(),
        })
        .collect();
    assert_eq!(embeds, ["fmt.Stringer", "~int | ~string", "G[int]"]);
}

#[test]
fn type_switch() {
    let s = stmts("switch v := x.(type) {\ncase nil, *T, []int:\ndefault:\n}\nswitch y.(type) {}");
    let StmtKind::TypeSwitch { bind, subject, cases, .. } = &s[0].kind else { panic!("{:?}", s[0]) };
    assert_eq!(bind.as_ref().map(|b| b.name.as_str()), Some("v"));
    assert_eq!(expr_string(subject), "x.(type)");
    let types: Vec<String> = cases[0].types.iter().flatten().map(type_string).collect();
    assert_eq!(types, ["nil", "*T", "[]int"]);
    assert!(cases[1].types.is_none());
    assert_ne!(cases[0].implicit, cases[1].implicit);
    assert!(matches!(&s[1].kind, StmtKind::TypeSwitch { bind: None, .. }));
}

#[test]
fn composite_literals_in_headers() {
    let s = stmts("if x == (T{}) {}\nfor _, v := range []T{{1}, {2}} {}\nif v := (p.T{}); v.ok {}");
    let StmtKind::If { cond, .. } = &s[0].kind else { panic!() };
    assert_eq!(expr_string(cond), "x == (T{})");
    let StmtKind::Range { key, value, define, expr, .. } = &s[1].kind else { panic!() };
    assert!(*define && key.is_some() && value.is_some());
    assert_eq!(expr_string(expr), "[]T{…}");
}

#[test]
fn channel_types_and_receives() {
    let s = stmts("_ = <-chan int(nil)\n_ = <-ch\n_ = (<-chan int)(nil)\n_ = <-chan (<-chan int)(nil)");
    let rhs: Vec<String> = s
        .iter()
        .map(|s| match &s.kind {
            StmtKind::Assign { rhs, .. } => expr_string(&rhs[0]),
            _ => panic!(),
        })
        .collect();
    assert_eq!(rhs, ["<-chan int(nil)", "<-ch", "(<-chan int)(nil)", "<-chan (<-chan int)(nil)"]);
    let StmtKind::Assign { rhs, .. } = &s[2].kind else { panic!() };
    let ExprKind::Call { func, .. } = &rhs[0].kind else { panic!() };
    let ExprKind::Paren(inner) = &func.kind else { panic!() };
    assert!(matches!(&inner.kind, ExprKind::Type(Type { kind: TypeKind::Chan { dir: ChanDir::Recv, .. }, .. })));
    let StmtKind::Assign { rhs, .. } = &s[0].kind else { panic!() };
    assert!(matches!(&rhs[0].kind, ExprKind::Unary { op: UnaryOp::Recv, .. }), "receive from a conversion");
}

#[test]
fn generic_instantiations() {
    let s = stmts("_ = f[int]\n_ = m[k]\n_ = g[int, string](1)\n_ = List[int]{}\n_ = p.Pair[K, V]{k, v}");
    let rhs: Vec<String> = s
        .iter()
        .map(|s| match &s.kind {
            StmtKind::Assign { rhs, .. } => expr_string(&rhs[0]),
            _ => panic!(),
        })
        .collect();
    assert_eq!(rhs, ["f[int]", "m[k]", "g[int, string](1)", "List[int]{}", "p.Pair[K, V]{…}"]);
    let StmtKind::Assign { rhs, .. } = &s[4].kind else { panic!() };
    let ExprKind::CompositeLit { ty: Some(t), .. } = &rhs[0].kind else { panic!() };
    assert!(matches!(&t.kind, TypeKind::Instance { args, .. } if args.len() == 2));
}

#[test]
fn else_if_chains_nest() {
    let s = stmts("if a {} else if b {} else if c {} else {}");
    let mut depth = 0;
    let mut cur = &s[0];
    while let StmtKind::If { els: Some(e), .. } = &cur.kind {
        depth += 1;
        cur = e;
    }
    assert_eq!(depth, 3);
    assert!(matches!(cur.kind, StmtKind::Block(_)));
}

#[test]
fn labels_and_branches() {
    let s = stmts("L:\n\tfor {\n\t\tbreak L\n\t}\nM:\n");
    let StmtKind::Labeled { label, stmt } = &s[0].kind else { panic!() };
    assert_eq!((label.name.as_str(), s[0].pos), ("L", at(3, 1)));
    assert!(matches!(stmt.kind, StmtKind::For { .. }));
    assert!(matches!(&s[1].kind, StmtKind::Labeled { stmt, .. } if stmt.kind == StmtKind::Empty));
}

#[test]
fn pragmas_attach_to_the_next_function() {
    let src = "package p\n\n//go:noinline\n//go:nosplit\nfunc f() {}\n\n// doc\nfunc g() {}\n//go:norace\nvar x int\nfunc h() {}\n";
    let (f, errors) = common::parse("a.go", src);
    // gc 1.19 says the same about `//go:norace` before a variable.
    assert_eq!(errors, "a.go:9:3: misplaced compiler directive\n");
    let pragmas: Vec<Vec<String>> = f
        .decls
        .iter()
        .filter_map(|d| match d {
            Decl::Func(fd) => Some(fd.pragmas.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(pragmas, [vec!["//go:noinline".to_string(), "//go:nosplit".to_string()], vec![], vec![]]);
}

#[test]
fn imports() {
    let f = file("package p\nimport (\n\t\"fmt\"\n\tm \"math\"\n\t. \"strings\"\n\t_ `os`\n)\n");
    let shown: Vec<(Option<String>, String)> =
        f.imports.iter().map(|i| (i.name.as_ref().map(|n| n.name.clone()), i.path.clone())).collect();
    assert_eq!(
        shown,
        [
            (None, "fmt".to_string()),
            (Some("m".to_string()), "math".to_string()),
            (Some(".".to_string()), "strings".to_string()),
            (Some("_".to_string()), "os".to_string())
        ]
    );
    assert_eq!(f.imports[1].pos, at(4, 2));
    assert_eq!(f.imports[1].path_pos, at(4, 4));
}

#[test]
fn literals_keep_their_text() {
    let s = stmts("_ = 0x1p-2 + 1_000 + 'a' + \"s\\n\" + `r` + 2i");
    let StmtKind::Assign { rhs, .. } = &s[0].kind else { panic!() };
    assert_eq!(expr_string(&rhs[0]), "0x1p-2 + 1_000 + 'a' + \"s\\n\" + `r` + 2i");
}
