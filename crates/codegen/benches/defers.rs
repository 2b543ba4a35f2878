//! Cost of calls, defers and panics in generated code, in the cases of
//! `shared/bench/deferbench.go` (which needs `fmt`/`time`, not available
//! yet): each case is a Go program whose `main` runs the same
//! `measure`-style loop (a closure call per iteration); the time of the
//! whole `run` is divided by the iteration count. Compare with
//! `go run deferbench.go` on the same machine, as ratios.
//!
//! `cargo bench -p codegen --bench defers [-- [N] [CASE-SUBSTRING...]]`

use std::time::Instant;

const PRELUDE: &str = r#"
package main

var sink int

func work(n int) { sink += n }

func callAlone() { work(1) }

func openDefer() { defer work(1) }

func openDeferClosure() {
	x := 1
	defer func() { sink += x }()
}

func loopDefer() {
	for i := 0; i < 1; i++ {
		defer work(1)
	}
}

func condDefers(n int) {
	if n&1 == 0 {
		defer work(1)
	}
	if n&2 == 0 {
		defer work(2)
	}
	defer work(3)
}

func panicRecover() {
	defer func() { recover() }()
	panic("x")
}

func deepPanic(d int) {
	if d == 0 {
		panic("deep")
	}
	deepPanic(d - 1)
}

func panicRecoverDeep() {
	defer func() { recover() }()
	deepPanic(10)
}

func calls(n int) {
	for i := 0; i < n; i++ {
		work(i)
	}
}

func callsInDeferFunc(n int) {
	defer work(0)
	for i := 0; i < n; i++ {
		work(i)
	}
}

func measure(n int, f func(i int)) {
	for i := 0; i < n; i++ {
		f(i)
	}
}
"#;

fn compile(src: &str) -> codegen::JitProgram {
    let mut sources = syntax::SourceMap::default();
    let file = sources.add("bench.go", src);
    let mut diags = syntax::Diagnostics::default();
    let mut ids = syntax::ast::NodeIds::default();
    let files = vec![syntax::parser::parse_file(&sources, file, &mut ids, &mut diags)];
    let info = types::check_package(&sources, &files, &mut diags);
    let opts = lower::LowerOptions::default();
    let prog = lower::lower_program(&sources, &files, &info, &opts, &mut diags);
    assert!(!diags.has_errors(), "{}", diags.render(&sources));
    let dump = std::env::var("DEFT_DUMP").map(|v| v.split(',').map(String::from).collect()).unwrap_or_default();
    let opts = codegen::Options { dump_functions: dump, ..codegen::Options::default() };
    codegen::compile_jit(&prog.expect("lowered"), &sources, &opts).unwrap_or_else(|d| panic!("{d:?}"))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n: usize = args.iter().filter_map(|a| a.parse().ok()).next().unwrap_or(20_000_000);
    let filter: Vec<&String> = args.iter().filter(|a| a.parse::<usize>().is_err() && !a.starts_with('-')).collect();
    let cases: &[(&str, &str, usize)] = &[
        ("empty-loop", "func(i int) {}", n),
        ("call-alone", "func(i int) { callAlone() }", n),
        ("open-defer", "func(i int) { openDefer() }", n),
        ("open-defer-closure", "func(i int) { openDeferClosure() }", n),
        ("cond-defers", "func(i int) { condDefers(i) }", n),
        ("loop-defer", "func(i int) { loopDefer() }", n),
        ("panic-recover", "func(i int) { panicRecover() }", n / 10),
        // 100 calls per op: the cost of a call in a function with defers
        // (a try_call) against a plain one.
        ("100-calls-plain", "func(i int) { calls(100) }", n / 50),
        ("100-calls-in-defer-fn", "func(i int) { callsInDeferFunc(100) }", n / 50),
        ("panic-recover-deep", "func(i int) { panicRecoverDeep() }", n / 20),
    ];
    for (name, f, iters) in cases {
        if !filter.is_empty() && !filter.iter().any(|f| name.contains(f.as_str())) {
            continue;
        }
        let src = format!("{PRELUDE}\nfunc main() {{ measure({iters}, {f}) }}\n");
        let prog = compile(&src);
        let t = Instant::now();
        let status = prog.run(vec![]);
        let el = t.elapsed();
        assert_eq!(status, 0);
        println!("{name:<20} {:8.2} ns/op", el.as_nanos() as f64 / *iters as f64);
    }
}
