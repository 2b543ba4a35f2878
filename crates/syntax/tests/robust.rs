//! The parser never panics and never overflows the stack: pathological
//! inputs, and ~20k random mutations of valid programs (a fixed-seed PRNG,
//! so failures reproduce).

mod common;

use common::parse;

#[test]
fn empty_and_tiny_files() {
    assert_eq!(parse("a.go", "").1, "a.go:1:1: syntax error: package statement must be first\n");
    assert_eq!(parse("a.go", "package").1, "a.go:1:8: syntax error: unexpected EOF, expected name\n");
    assert_eq!(parse("a.go", "package main").1, "");
    assert_eq!(parse("a.go", "package main;").1, "");
    assert_eq!(parse("a.go", "\u{feff}package main\n").1, "");
}

/// Expected output from gc 1.27 (`go tool compile`) on the same bytes.
#[test]
fn nul_bytes_and_bom_inside() {
    let (_, errs) = parse("a.go", "package main\nvar x = \"a\0b\"\n\u{feff}var z = 1\n");
    assert_eq!(errs, "a.go:2:11: invalid NUL character\na.go:3:1: invalid BOM in the middle of the file\n");
}

#[test]
fn invalid_utf8_read_lossily() {
    let bytes = b"package main\nvar s = \"\xff\xfe\"\nvar \xff = 1\n";
    let text = String::from_utf8_lossy(bytes);
    let _ = parse("a.go", &text);
}

fn nested(open: &str, middle: &str, close: &str, n: usize) -> String {
    format!("package main\nvar x = {}{}{}\n", open.repeat(n), middle, close.repeat(n))
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    for (open, mid, close) in [
        ("(", "1", ")"),
        ("[]", "int{}", ""),
        ("- ", "1", ""),
        ("*", "p", ""),
        ("func() ", "int", ""),
        ("[]int{", "", "}"),
    ] {
        let src = nested(open, mid, close, 10_000);
        let (_, errs) = parse("a.go", &src);
        assert!(errs.contains("syntax error: too deeply nested"), "{open}: {errs}");
    }
    let blocks = format!("package main\nfunc f() {{\n{}{}}}\n", "{".repeat(10_000), "}".repeat(10_000));
    assert!(parse("a.go", &blocks).1.contains("too deeply nested"));
    let chain = format!("package main\nvar x = 1{}\n", " + 1".repeat(100_000));
    assert!(parse("a.go", &chain).1.contains("too deeply nested"));
    let elses = format!("package main\nfunc f() {{\nif x {{}}{}\n}}\n", " else if x {}".repeat(10_000));
    assert!(parse("a.go", &elses).1.contains("too deeply nested"));
}

#[test]
fn moderate_nesting_is_fine() {
    let src = nested("(", "1", ")", 200);
    assert_eq!(parse("a.go", &src).1, "");
    let chain = format!("package main\nvar x = 1{}\n", " + 1".repeat(500));
    assert_eq!(parse("a.go", &chain).1, "");
}

/// A small, fixed-seed pseudo-random generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }
}

/// Valid programs to mutate when Go's test suite is not installed (and in
/// addition to it): together they use every production of the grammar.
const CORPUS: &[&str] = &[
    r#"package main

import (
	"fmt"
	m "math"
	_ "os"
)

type Number interface {
	~int | ~int64 | ~float64
}

type List[T any] struct {
	head *node[T]
	n    int `json:"n"`
}

type node[T any] struct {
	val  T
	next *node[T]
}

func (l *List[T]) Push(v T) { l.head = &node[T]{v, l.head}; l.n++ }

func Sum[T Number](xs ...T) (s T) {
	for _, x := range xs {
		s += x
	}
	return
}

const (
	A = iota * 10
	B
	C, D = iota, 'x'
)

var (
	x, y int = 1, 2
	ch       = make(chan<- int, 3)
	r        <-chan int
)

//go:noinline
func main() {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("recovered", r)
		}
	}()
	l := &List[int]{}
	l.Push(1)
	fmt.Println(Sum(1, 2, 3), Sum[float64](m.Pi, 1e3, 0x1p-2), A, B, C, D)
	s := []int{1, 2, 3}[1:2:3]
	mp := map[string][]struct{ a, b int }{"k": {{1, 2}, {a: 3}}}
	var i interface{} = s
	switch v := i.(type) {
	case []int, nil:
		_ = v
	case func() int, chan int:
	default:
	}
	select {
	case v, ok := <-r:
		_, _ = v, ok
	case ch <- 1:
	default:
	}
L:
	for i := 0; i < 10; i++ {
		if i%2 == 0 {
			continue L
		} else if i > 7 {
			break L
		} else {
			goto done
		}
	}
done:
	go func(a, b int) {}(x, y)
	_ = mp
	x <<= 2
	y &^= x
	_ = !true || x > y && -x < ^y
	_ = `raw
string` + "esc\t\u00e9\xff"
}
"#,
    "package p\n\ntype T[P *C, Q any] [N]P\ntype A = map[string]func(int) (bool, error)\nfunc f[S ~[]E, E comparable](s S) {}\nvar _ = f[[]int, int]\nvar v = <-chan (<-chan int)(nil)\n",
];

#[test]
fn corpus_is_valid() {
    for src in CORPUS {
        assert_eq!(parse("corpus.go", src).1, "");
    }
}

fn mutate(rng: &mut Rng, src: &[u8]) -> Vec<u8> {
    const SNIPPETS: &[&[u8]] = &[
        b"(",
        b")",
        b"{",
        b"}",
        b"[",
        b"]",
        b",",
        b";",
        b"\n",
        b":=",
        b"=",
        b"...",
        b".",
        b"func",
        b"if",
        b"else",
        b"for",
        b"range",
        b"switch",
        b"case",
        b"default",
        b"type",
        b"struct",
        b"interface",
        b"chan",
        b"<-",
        b"map",
        b"*",
        b"~",
        b"|",
        b"\"",
        b"'",
        b"`",
        b"/*",
        b"//",
        b"0x",
        b"1e",
        b"_",
        b"@",
        b"\0",
        b"\xef\xbb\xbf",
        b"\xff",
        b"go",
        b"defer",
        b"T{}",
        b"x.(type)",
        b"[]int",
        b"package",
        b"import",
        b"\\",
        b"\\u",
    ];
    let mut out = src.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(out.len() + 1);
        match rng.below(5) {
            0 => {
                let end = (at + 1 + rng.below(8)).min(out.len());
                out.drain(at..end);
            }
            1 => {
                let snip = SNIPPETS[rng.below(SNIPPETS.len())];
                out.splice(at..at, snip.iter().copied());
            }
            2 => {
                let b = (rng.next() & 0xff) as u8;
                out.insert(at, b);
            }
            3 => {
                // Move a chunk elsewhere (swaps tokens, unbalances brackets).
                let end = (at + 1 + rng.below(16)).min(out.len());
                let chunk: Vec<u8> = out.drain(at..end).collect();
                let to = rng.below(out.len() + 1);
                out.splice(to..to, chunk);
            }
            _ => out.truncate(at),
        }
    }
    out
}

#[test]
fn random_mutations_never_panic() {
    let mut corpus: Vec<Vec<u8>> = CORPUS.iter().map(|s| s.as_bytes().to_vec()).collect();
    if let Some(files) = common::go_test_files("/usr/lib/go-1.19/test") {
        // Every 8th file of Go's test suite (valid and invalid programs alike).
        corpus.extend(files.iter().step_by(8).filter_map(|p| std::fs::read(p).ok()).filter(|b| b.len() < 20_000));
    }
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    // DEFT_FUZZ_ITERATIONS runs a longer campaign locally.
    let iterations = std::env::var("DEFT_FUZZ_ITERATIONS").ok().and_then(|v| v.parse().ok()).unwrap_or(20_000);
    for i in 0..iterations {
        let src = &corpus[i % corpus.len()];
        let mutated = mutate(&mut rng, src);
        let text = String::from_utf8_lossy(&mutated);
        let (_, _) = parse("fuzz.go", &text);
    }
}
