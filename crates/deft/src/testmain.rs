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
    pub fuzz: Vec<(Which, String)>,
    /// `ExampleXxx()` with an output comment.
    pub examples: Vec<Example>,
    /// `TestMain(*testing.M)`.
    pub test_main: Option<Which>,
}

impl TestFuncs {
    /// Whether package `which` is referred to by name in the main.
    fn uses(&self, which: Which) -> bool {
        self.tests.iter().chain(&self.benchmarks).chain(&self.fuzz).any(|(w, _)| *w == which)
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
                out.fuzz.push((which, name.to_string()));
            } else if is_test_name(name, "Example") && f.sig.params.is_empty() && f.sig.results.is_empty() {
                let Some(body) = &f.body else { continue };
                let text = &sources.file(body.pos.file).text;
                let (Some(start), Some(end)) = (offset(text, body.pos), offset(text, body.end)) else { continue };
                if let Some((output, unordered)) = example_output(&text[start..end]) {
                    out.examples.push(Example { name: name.to_string(), which, output, unordered });
                }
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
    for (w, name) in &funcs.fuzz {
        src += &format!("\t{{{}, {}.{name}}},\n", go_quote(name), qual(*w));
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
    fn quoting() {
        assert_eq!(go_quote("a\"b\\\n\t\u{1}é"), "\"a\\\"b\\\\\\n\\t\\x01é\"");
    }
}
