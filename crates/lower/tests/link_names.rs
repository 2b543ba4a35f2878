//! Link names (`ir::Func::link`): unique in a program, with the type
//! arguments of instances spelt out where gc's names share `[...]`, for the
//! instances themselves and for everything made for them (closures, defer
//! wrappers, method values, pointer and promoted-method wrappers); local
//! types told apart by position. The verifier checks uniqueness.

use lower::{LowerOptions, lower_program};
use syntax::{Diagnostics, SourceMap};

/// The link names of the functions of `src` (one file, package main),
/// which must lower and verify.
fn links(src: &str) -> Vec<String> {
    let mut sources = SourceMap::default();
    let file = sources.add("prog.go", src);
    let (mut diags, mut ids) = (Diagnostics::default(), syntax::ast::NodeIds::default());
    let files = vec![syntax::parser::parse_file(&sources, file, &mut ids, &mut diags)];
    let info = types::check_package(&sources, &files, &mut diags);
    assert!(!diags.has_errors(), "{}", diags.render(&sources));
    let p = lower_program(&sources, &files, &info, &LowerOptions::default(), &mut diags).expect("lowers");
    assert!(!diags.has_errors(), "{}", diags.render(&sources));
    lower::verify::verify(&p).unwrap_or_else(|e| panic!("{e}"));
    p.funcs.iter().map(|f| f.link.clone()).collect()
}

const PROGRAM: &str = r#"package main

type List[T any] struct{ items []T }

func (l *List[T]) Push(v T) { l.items = append(l.items, v) }

func (l List[T]) Len() int { return len(l.items) }

type Named[T any] struct {
	List[T]
	name string
}

func Map[E, R any](s []E, f func(E) R) []R {
	var r []R
	each := func(e E) { r = append(r, f(e)) }
	for _, e := range s {
		each(e)
	}
	defer println(len(r))
	return r
}

func first() any {
	type T struct{ a int }
	return Map([]T{{1}}, func(t T) int { return t.a })
}

func second() any {
	type T struct{ b string }
	return Map([]T{{"x"}}, func(t T) int { return len(t.b) })
}

func main() {
	_ = Map([]int{1}, func(i int) string { return "s" })
	_ = Map([]string{"a"}, func(s string) int { return len(s) })
	var a List[int]
	var b List[string]
	pa, pb := a.Push, b.Push
	pa(1)
	pb("x")
	la, lb := (*List[int]).Len, (*List[string]).Len
	println(la(&a), lb(&b))
	n := &Named[int]{}
	n.Push(2)
	f := n.Len
	println(f(), first() != nil, second() != nil)
}
"#;

#[test]
fn instances_and_what_is_made_for_them_are_told_apart() {
    let links = links(PROGRAM);
    for want in [
        "main.Map[int,string]",
        "main.Map[string,int]",
        "main.Map[int,string].func1",
        "main.Map[string,int].func1",
        "main.(*List[int]).Push",
        "main.(*List[string]).Push-fm",
        "main.(*List[int]).Len",
        "main.(*List[string]).Len",
    ] {
        assert!(links.iter().any(|l| l == want), "no {want} among\n{}", links.join("\n"));
    }
    // The two local types named T, by their positions.
    let local: Vec<_> = links.iter().filter(|l| l.starts_with("main.Map[main.T·")).collect();
    assert!(local.iter().any(|l| l.contains("·25:7,int]")), "{local:?}");
    assert!(local.iter().any(|l| l.contains("·30:7,int]")), "{local:?}");
    // Promoted through an embedded instance.
    assert!(links.iter().any(|l| l.contains("Named[int]") && l.ends_with(".Push")), "{}", links.join("\n"));
}

#[test]
fn other_functions_keep_their_names() {
    let src =
        "package main\n\nfunc f() func() int { return func() int { return 1 } }\n\nfunc main() { println(f()()) }\n";
    let links = links(src);
    assert!(links.iter().any(|l| l == "main.f.func1"), "{links:?}");
    assert!(links.iter().any(|l| l == "main.main"), "{links:?}");
}

#[test]
fn types_differing_only_in_an_embedded_field_name_are_told_apart() {
    // gc prints both as struct { int } (Go 1.19's fixedbugs/issue50190.go).
    let src = "package main\n\ntype Int = int\n\nfunc main() {\n\tvar x, y any = struct{ int }{}, struct{ Int }{}\n\tprintln(x == y)\n}\n";
    links(src);
}
