//! The test binary's main package (`_testmain.go`), generated as `go test`
//! generates it: it lists the package's tests, benchmarks, fuzz targets
//! and examples and hands them to package testing, then calls `TestMain`
//! if the package has one.
//!
//! What counts is read off the declarations of the `_test.go` files, as
//! the go command reads them (no type information): a function without
//! receiver or type parameters named `TestXxx`, `BenchmarkXxx`, `FuzzXxx`
//! or `ExampleXxx`, where `Xxx` does not start with a lower-case letter,
//! whose one parameter is written `*T` (`*B`, `*F`) or `*pkg.T`; `TestMain`
//! with `*M`. An example runs only if the last comment group of its body
//! starts with `Output:` or `Unordered output:` (any case); the text after
//! it is the expected output.
//!
//! **Fuzz targets.** gc's `F.Fuzz` calls the fuzz function by reflection;
//! deft has no `reflect.Value.Call`, so the main carries, for each fuzz
//! target, a caller per fuzz function its body passes to `f.Fuzz` as a
//! literal (`f.Fuzz(func(t *testing.T, b []byte, n int) {...})`, the form
//! every fuzz target of Go's library has): the parameter types read off
//! the text, each one of the types fuzzing allows, and a function that
//! asserts the fuzz function to `func(*testing.T, []byte, int)` and calls
//! it with a corpus entry's values. A fuzz function of any other form
//! finds no caller and fails its target with deft's message. The seed
//! corpus files (`testdata/fuzz/FuzzX/*`, read by the loader) come in the
//! main as text, and package testing decodes them as go test does.
//!
//! Pure: takes parsed files and their text, returns Go source.

use syntax::SourceMap;
use syntax::ast::{Decl, File, FuncDecl, TypeKind};

/// Which test package a function is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Which {
    /// The package under test (its `_test.go` files of the same package).
    Internal,
    /// The external test package `p_test`.
    External,
}

/// An example with its expected output.
#[derive(Clone, Debug, PartialEq)]
pub struct Example {
    /// The function's name.
    pub name: String,
    /// Where it is.
    pub which: Which,
    /// The expected output.
    pub output: String,
    /// `// Unordered output:`.
    pub unordered: bool,
}

/// A fuzz target with what its `F.Fuzz` needs (see the module doc).
#[derive(Clone, Debug, PartialEq)]
pub struct FuzzTarget {
    /// Where it is.
    pub which: Which,
    /// `FuzzXxx`.
    pub name: String,
    /// The fuzzed parameter types of each fuzz function literal of its
    /// body, as `%T` prints them (`[]uint8`, `int32`).
    pub callers: Vec<Vec<String>>,
    /// Its seed corpus files: base name and text, sorted by name (filled
    /// by the loader).
    pub corpus: Vec<(String, String)>,
}

/// The functions a test binary runs, in the go command's order: the
/// package's own test files first, then the external ones, each in file
/// and declaration order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TestFuncs {
    /// `TestXxx(*testing.T)`.
    pub tests: Vec<(Which, String)>,
    /// `BenchmarkXxx(*testing.B)`.
    pub benchmarks: Vec<(Which, String)>,
    /// `FuzzXxx(*testing.F)`.
    pub fuzz: Vec<FuzzTarget>,
    /// `ExampleXxx()` with an output comment.
    pub examples: Vec<Example>,
    /// `TestMain(*testing.M)`.
    pub test_main: Option<Which>,
}

impl TestFuncs {
    /// Whether package `which` is referred to by name in the main.
    fn uses(&self, which: Which) -> bool {
        self.tests.iter().chain(&self.benchmarks).any(|(w, _)| *w == which)
            || self.fuzz.iter().any(|f| f.which == which)
            || self.examples.iter().any(|e| e.which == which)
            || self.test_main == Some(which)
    }
}

/// Adds the test functions of `files` (test files of package `which`) to
/// `out`. `Err` is the go command's message for a malformed one.
pub fn collect(files: &[File], sources: &SourceMap, which: Which, out: &mut TestFuncs) -> Result<(), String> {
    for file in files {
        for decl in &file.decls {
            let Decl::Func(f) = decl else { continue };
            if f.recv.is_some() || !f.type_params.is_empty() {
                continue;
            }
            let name = f.name.name.as_str();
            let shown = || sources.render(f.name.pos);
            if name == "TestMain" {
                if takes_pointer_to(f, "T") {
                    out.tests.push((which, name.to_string()));
                    continue;
                }
                if !takes_pointer_to(f, "M") {
                    return Err(format!(
                        "{}: wrong signature for TestMain, must be: func TestMain(m *testing.M)",
                        shown()
                    ));
                }
                if out.test_main.is_some() {
                    return Err(format!("{}: multiple definitions of TestMain", shown()));
                }
                out.test_main = Some(which);
            } else if is_test_name(name, "Test") {
                check(f, "T", "t", &shown)?;
                out.tests.push((which, name.to_string()));
            } else if is_test_name(name, "Benchmark") {
                check(f, "B", "b", &shown)?;
                out.benchmarks.push((which, name.to_string()));
            } else if is_test_name(name, "Fuzz") {
                check(f, "F", "f", &shown)?;
                let callers = body_text(f, sources).map(fuzz_callers).unwrap_or_default();
                out.fuzz.push(FuzzTarget { which, name: name.to_string(), callers, corpus: Vec::new() });
            } else if is_test_name(name, "Example")
                && f.sig.params.is_empty()
                && f.sig.results.is_empty()
                && let Some((output, unordered)) = body_text(f, sources).and_then(example_output)
            {
                out.examples.push(Example { name: name.to_string(), which, output, unordered });
            }
        }
    }
    Ok(())
}

/// The go command's error for a test function of the wrong signature.
fn check(f: &FuncDecl, ty: &str, var: &str, shown: &dyn Fn() -> String) -> Result<(), String> {
    if takes_pointer_to(f, ty) {
        return Ok(());
    }
    let name = &f.name.name;
    Err(format!("{}: wrong signature for {name}, must be: func {name}({var} *testing.{ty})", shown()))
}

/// `name` is `prefix` followed by nothing or by a rune that is not a
/// lower-case letter.
fn is_test_name(name: &str, prefix: &str) -> bool {
    match name.strip_prefix(prefix) {
        Some(rest) => rest.chars().next().is_none_or(|c| !c.is_lowercase()),
        None => false,
    }
}

/// `f` has no results and one parameter, written `*ty` or `*pkg.ty`.
fn takes_pointer_to(f: &FuncDecl, ty: &str) -> bool {
    let [param] = f.sig.params.as_slice() else { return false };
    if !f.sig.results.is_empty() || param.names.len() > 1 {
        return false;
    }
    let TypeKind::Pointer(elem) = &param.ty.kind else { return false };
    matches!(&elem.kind, TypeKind::Name { name, .. } if name.name == ty)
}

/// The text of `f`'s body, from `{` to `}`.
fn body_text<'a>(f: &FuncDecl, sources: &'a SourceMap) -> Option<&'a str> {
    let body = f.body.as_ref()?;
    let text = &sources.file(body.pos.file).text;
    Some(&text[offset(text, body.pos)?..offset(text, body.end)?])
}

/// The fuzzed parameter types (as `%T` prints them) of every
/// `.Fuzz(func(t *T, ...)` in `body` whose types are all fuzzable; those
/// of other forms are left out (their target then finds no caller).
fn fuzz_callers(body: &str) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = Vec::new();
    for (at, _) in body.match_indices(".Fuzz(func(") {
        let params = &body[at + ".Fuzz(func(".len()..];
        let Some(types) = param_types(params) else { continue };
        let Some((first, rest)) = types.split_first() else { continue };
        let fuzzed: Option<Vec<String>> = rest.iter().map(|t| fuzzable(t)).collect();
        if let Some(fuzzed) = fuzzed.filter(|f| !f.is_empty() && (first == "*T" || first.ends_with(".T")))
            && !out.contains(&fuzzed)
        {
            out.push(fuzzed);
        }
    }
    out
}

/// The types of a parameter list `text` starts with (after its `(`, up to
/// the matching `)`), one per parameter (`a, b int` gives two); `None` if
/// the list is not closed or a parameter is unnamed.
fn param_types(text: &str) -> Option<Vec<String>> {
    let mut depth = 0usize;
    let mut end = None;
    for (i, c) in text.char_indices() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' if depth == 0 => {
                end = Some(i);
                break;
            }
            ')' | ']' | '}' => depth = depth.checked_sub(1)?,
            _ => {}
        }
    }
    let list = &text[..end?];
    let mut types = Vec::new();
    let mut pending = 0;
    for param in list.split(',') {
        let param = param.split_whitespace().collect::<Vec<_>>();
        match param.as_slice() {
            [_name] => pending += 1,
            [_name, ty] => {
                types.extend(std::iter::repeat_n(ty.to_string(), pending + 1));
                pending = 0;
            }
            _ => return None,
        }
    }
    (pending == 0).then_some(types)
}

/// A fuzzable type as `%T` prints it (`byte` is `uint8`); `None` for the
/// others.
fn fuzzable(ty: &str) -> Option<String> {
    let shown = match ty {
        "[]byte" | "[]uint8" => "[]uint8",
        "byte" => "uint8",
        "rune" => "int32",
        "string" | "bool" | "float32" | "float64" | "int" | "int8" | "int16" | "int32" | "int64" | "uint" | "uint8"
        | "uint16" | "uint32" | "uint64" => ty,
        _ => return None,
    };
    Some(shown.to_string())
}

/// The byte offset of `pos` in `text`.
fn offset(text: &str, pos: syntax::Pos) -> Option<usize> {
    let mut line_start = 0;
    for _ in 1..pos.line {
        line_start += text[line_start..].find('\n')? + 1;
    }
    let at = line_start + pos.col as usize - 1;
    (at <= text.len()).then_some(at)
}

/// The expected output of an example whose body (from `{` to `}`) is
/// `body`, and whether it is unordered; `None` without an output comment.
pub fn example_output(body: &str) -> Option<(String, bool)> {
    let group = last_comment_group(body)?;
    let text = comment_text(&group);
    let trimmed = text.trim_start_matches(|c: char| c.is_ascii_whitespace());
    let lower = trimmed.to_ascii_lowercase();
    let (rest, unordered) = if let Some(r) = lower.strip_prefix("unordered output:") {
        (r.len(), true)
    } else if let Some(r) = lower.strip_prefix("output:") {
        (r.len(), false)
    } else {
        return None;
    };
    let after = &trimmed[trimmed.len() - rest..];
    let after = after.trim_start_matches(' ');
    let after = after.strip_prefix('\n').unwrap_or(after);
    Some((after.to_string(), unordered))
}

/// The comments of the last comment group of Go code `src`: comments
/// with no token between them, each starting at most one line below the
/// end of the one before (go/parser's grouping).
fn last_comment_group(src: &str) -> Option<Vec<String>> {
    let b = src.as_bytes();
    let mut groups: Vec<Vec<String>> = Vec::new();
    let (mut i, mut line) = (0usize, 1usize);
    // The line the last comment ended on, while no token followed it.
    let mut open: Option<usize> = None;
    while i < b.len() {
        match b[i] {
            b'\n' => {
                line += 1;
                i += 1;
            }
            b' ' | b'\t' | b'\r' => i += 1,
            b'/' if b.get(i + 1) == Some(&b'/') || b.get(i + 1) == Some(&b'*') => {
                let start_line = line;
                let end = if b[i + 1] == b'/' {
                    src[i..].find('\n').map_or(b.len(), |n| i + n)
                } else {
                    src[i + 2..].find("*/").map_or(b.len(), |n| i + 2 + n + 2)
                };
                let text = &src[i..end];
                line += text.matches('\n').count();
                match open {
                    Some(last) if start_line <= last + 1 => groups.last_mut()?.push(text.to_string()),
                    _ => groups.push(vec![text.to_string()]),
                }
                open = Some(line);
                i = end;
            }
            q @ (b'"' | b'\'' | b'`') => {
                open = None;
                i += 1;
                while i < b.len() && b[i] != q {
                    if b[i] == b'\\' && q != b'`' {
                        i += 1;
                    } else if b[i] == b'\n' {
                        line += 1;
                    }
                    i += 1;
                }
                i += 1;
            }
            _ => {
                open = None;
                i += 1;
            }
        }
    }
    groups.pop()
}

/// A comment group's text as go/ast's `CommentGroup.Text` gives it:
/// markers removed (and one space after `//`), directives dropped,
/// trailing white space trimmed, leading blank lines removed, runs of
/// blank lines made one, and a final newline.
fn comment_text(group: &[String]) -> String {
    let mut lines: Vec<String> = Vec::new();
    for c in group {
        let body = if let Some(rest) = c.strip_prefix("//") {
            if rest.is_empty() {
                ""
            } else if let Some(r) = rest.strip_prefix(' ') {
                r
            } else if is_directive(rest) {
                continue;
            } else {
                rest
            }
        } else {
            c.strip_prefix("/*").and_then(|r| r.strip_suffix("*/")).unwrap_or(c)
        };
        lines.extend(body.split('\n').map(|l| l.trim_end_matches([' ', '\t', '\n', '\r']).to_string()));
    }
    let mut out: Vec<String> = Vec::new();
    for l in lines {
        if !l.is_empty() || out.last().is_some_and(|p| !p.is_empty()) {
            out.push(l);
        }
    }
    if out.last().is_some_and(|l| !l.is_empty()) {
        out.push(String::new());
    }
    out.join("\n")
}

/// `//go:noinline`, `//line ...`, `//export f` and the like.
fn is_directive(c: &str) -> bool {
    if c.starts_with("line ") || c.starts_with("extern ") || c.starts_with("export ") {
        return true;
    }
    let Some(colon) = c.find(':') else { return false };
    let (ns, rest) = (&c[..colon], &c[colon + 1..]);
    !ns.is_empty()
        && ns.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        && rest.bytes().next().is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

/// The source of the main package testing package `path` (whose own
/// test files exist when `internal`, whose external test package `xpath`
/// when `external`).
pub fn generate(path: &str, xpath: &str, funcs: &TestFuncs, internal: bool, external: bool) -> String {
    let qual = |w: Which| if w == Which::Internal { "_test" } else { "_xtest" };
    let mut src = String::from("// Code generated by 'deft test'. DO NOT EDIT.\n\npackage main\n\nimport (\n");
    src += "\t\"os\"\n\t\"testing\"\n";
    if internal {
        let name = if funcs.uses(Which::Internal) { "_test" } else { "_" };
        src += &format!("\n\t{name} {}\n", go_quote(path));
    }
    if external {
        let name = if funcs.uses(Which::External) { "_xtest" } else { "_" };
        src += &format!("\t{name} {}\n", go_quote(xpath));
    }
    src += ")\n\nvar tests = []testing.InternalTest{\n";
    for (w, name) in &funcs.tests {
        src += &format!("\t{{{}, {}.{name}}},\n", go_quote(name), qual(*w));
    }
    src += "}\n\nvar benchmarks = []testing.InternalBenchmark{\n";
    for (w, name) in &funcs.benchmarks {
        src += &format!("\t{{{}, {}.{name}}},\n", go_quote(name), qual(*w));
    }
    src += "}\n\nvar fuzzTargets = []testing.InternalFuzzTarget{\n";
    for target in &funcs.fuzz {
        src += &fuzz_target(target, qual(target.which));
    }
    src += "}\n\nvar examples = []testing.InternalExample{\n";
    for e in &funcs.examples {
        src += &format!(
            "\t{{{}, {}.{}, {}, {}}},\n",
            go_quote(&e.name),
            qual(e.which),
            e.name,
            go_quote(&e.output),
            e.unordered
        );
    }
    src += "}\n\nfunc main() {\n";
    src += &format!("\tm := testing.MainStart({}, tests, benchmarks, fuzzTargets, examples)\n", go_quote(path));
    match funcs.test_main {
        Some(w) => src += &format!("\t{}.TestMain(m)\n\tos.Exit(testing.MainExitCode(m))\n", qual(w)),
        None => src += "\tos.Exit(m.Run())\n",
    }
    src += "}\n";
    src
}

/// The element of `fuzzTargets` for `target` (of the package imported as
/// `qual`): its name, function, callers and corpus files.
fn fuzz_target(target: &FuzzTarget, qual: &str) -> String {
    let name = &target.name;
    let mut src = format!("\t{{\n\t\tName: {},\n\t\tFn:   {qual}.{name},\n", go_quote(name));
    src += "\t\tCallers: []testing.InternalFuzzCaller{\n";
    for types in &target.callers {
        let ty = format!("func(*testing.T, {})", types.join(", "));
        let quoted: Vec<String> = types.iter().map(|t| go_quote(t)).collect();
        let args: Vec<String> = types.iter().enumerate().map(|(i, t)| format!("args[{i}].({t})")).collect();
        src += &format!(
            "\t\t\t{{[]string{{{}}}, func(ff any) bool {{ _, ok := ff.({ty}); return ok }}, \
             func(ff any, t *testing.T, args []any) {{ ff.({ty})(t, {}) }}}},\n",
            quoted.join(", "),
            args.join(", ")
        );
    }
    src += "\t\t},\n\t\tCorpus: []testing.InternalFuzzFile{\n";
    for (file, text) in &target.corpus {
        src += &format!("\t\t\t{{{}, {}}},\n", go_quote(file), go_quote(text));
    }
    src += "\t\t},\n\t},\n";
    src
}

/// `s` as a Go interpreted string literal.
fn go_quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out += "\\\"",
            '\\' => out += "\\\\",
            '\n' => out += "\\n",
            '\t' => out += "\\t",
            c if (c as u32) < 0x20 || c == '\u{7f}' => out += &format!("\\x{:02x}", c as u32),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_comments() {
        let body = "{\n\tfmt.Println(\"// not a comment\")\n\t// Output:\n\t// hello\n\t//  two\n}";
        assert_eq!(example_output(body), Some(("hello\n two\n".to_string(), false)));
        let body = "{\n\tf()\n\t// unordered OUTPUT: a\n\t// b\n}";
        assert_eq!(example_output(body), Some(("a\nb\n".to_string(), true)));
        assert_eq!(example_output("{\n\t// Output: x\n\n\tf()\n\t// other\n}"), None);
        assert_eq!(example_output("{\n\tf()\n}"), None);
        assert_eq!(example_output("{\n\t/* Output:\n\tx */\n}"), Some(("\tx\n".to_string(), false)));
    }

    #[test]
    fn names() {
        assert!(is_test_name("Test", "Test") && is_test_name("TestX", "Test") && is_test_name("Test_x", "Test"));
        assert!(!is_test_name("Testx", "Test") && !is_test_name("Tes", "Test"));
    }

    #[test]
    fn fuzz_functions() {
        let body =
            "{\n\tf.Add(1)\n\tf.Fuzz(func(t *testing.T, a, b []byte, n int, r rune) {\n\t\tg(func(x int) {})\n\t})\n}";
        assert_eq!(fuzz_callers(body), vec![vec!["[]uint8", "[]uint8", "int", "int32"]]);
        assert!(fuzz_callers("{ f.Fuzz(func(t *testing.T, s MyString) {}) }").is_empty());
        assert!(fuzz_callers("{ f.Fuzz(func(t *testing.T) {}) }").is_empty());
        assert!(fuzz_callers("{ f.Fuzz(fuzzOne) }").is_empty());
        assert_eq!(fuzz_callers("{ f.Fuzz(func(t *T, s string) {}) }"), vec![vec!["string"]]);
    }

    #[test]
    fn quoting() {
        assert_eq!(go_quote("a\"b\\\n\t\u{1}é"), "\"a\\\"b\\\\\\n\\t\\x01é\"");
    }
}
