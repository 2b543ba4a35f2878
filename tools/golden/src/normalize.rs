//! Normalizing standard error so that gc's and deft's can be compared.
//!
//! The same function is applied to gc's output when expectations are made
//! and to deft's output when they are checked; it is idempotent. It changes
//! only what cannot be the same in two implementations or on two machines:
//!
//! 1. **Paths.** The program's own files lose their directory: gc prints
//!    `./name.go:3:5: ...` and `/abs/dir/name.go:11` in traces; both become
//!    `name.go:...`. A project (see `case`) has files in several
//!    directories, so instead its directory is removed wherever it is
//!    followed by `/` (`/abs/proj/lib/lib.go:8` becomes `lib/lib.go:8`,
//!    the directory alone becomes `.`), the module cache becomes
//!    `$GOMODCACHE` (`$GOMODCACHE/example.com/dep@v1.0.0/dep.go:5`), and
//!    in every case Go's root directory becomes `$GOROOT` (`package foo is
//!    not in std ($GOROOT/src/foo)`). A `./` in front of a `.go` file name
//!    followed by `:` is dropped (`./main.go:6:2:` is `main.go:6:2:`,
//!    `lib/lib.go:6:2:` stays). (`go build`'s `# command-line-arguments`
//!    banner, `# example.com/m/lib` in a project, is dropped by
//!    [`strip_build_banner`], applied to gc's build output only.)
//! 2. **Panic output** is cut at its first `goroutine N [STATE]:` line into
//!    a *message* (everything above, which includes the blank line) and a
//!    *trace*. In the message, `pc=0x…` (the `[signal SIGSEGV …]` line) and
//!    the address in `(main.T) 0x…` become `0x?`. In the trace, `+0x…`
//!    offsets are dropped, Go-root paths (absolute or `$GOROOT/src/…`) are
//!    cut to `runtime/panic.go`, and
//!    hex numbers of five or more digits (addresses) become `0x?`.
//! 3. **Fatal errors in gc 1.21+'s form** (expectations made by a newer gc,
//!    such as the stack-overflow report, and deft's output of the same
//!    report):
//!    * lines of the message starting `runtime: ` (`runtime: sp=0x…
//!      stack=[0x…, 0x…]`) get their addresses (hex of five or more
//!      digits) masked;
//!    * the frames of the message's `runtime stack:` section (the runtime's
//!      own system-stack frames: `runtime.throw`, `runtime.morestack`, …)
//!      are dropped, the heading and the blank line after it stay — runtime
//!      frames are never compared;
//!    * a goroutine header with addresses, `goroutine 18 gp=0x… m=2
//!      mp=0x… [running]:` (also recognized as a header by rule 2), becomes
//!      `goroutine ? gp=0x? m=? mp=0x? [running]:` (`m=nil` stays): the
//!      thread and addresses are the machine's;
//!    * `...N frames elided...` (how many frames a long trace leaves out
//!      depends on frame sizes) becomes `...? frames elided...`.
//! 4. **Goroutine ids other than main's 1** become `?`, in headers of
//!    either form (`goroutine 19 [running]:`) and in `created by … in
//!    goroutine N`: gc numbers goroutines in per-P batches of 16 after its
//!    own system goroutines (how many depends on the release, the packages
//!    linked and GOMAXPROCS: a program's first goroutine is 18, 19 or 22
//!    under gc 1.27), so the number says nothing about the program.
//!
//! 5. **Test output** (`go test`'s standard output, [`normalize_test_stdout`]):
//!    times become `?`: the verdict lines' (`ok  \tPATH\t0.012s` →
//!    `ok  \tPATH\t?s`, `FAIL\tPATH\t?s`), the test lines'
//!    (`--- FAIL: TestX (0.00s)` → `(?s)`), and a benchmark line keeps
//!    its name (`BenchmarkX-2`) while each figure after it becomes `?`
//!    and the padding one tab (`BenchmarkX-2\t?\t? ns/op`), and the
//!    processor's name in the benchmarks' header (`cpu: ?`); then the
//!    rules above apply, panic traces included. A `go test -json` event
//!    (a line `{...}` with an `"Action"`) gets `"Time":"?"` and
//!    `"Elapsed":?`, and the times inside its `"Output"` text become `?`
//!    as on a plain line (`\t?s\n`, `(?s)`).
//!
//! How the two parts are compared is `compare`'s business.

/// Drops `go build`'s `# command-line-arguments` banner (any line starting `# `).
pub fn strip_build_banner(stderr: &[u8]) -> Vec<u8> {
    crate::expect::split_lines(stderr).into_iter().filter(|l| !l.starts_with(b"# ")).flatten().copied().collect()
}

/// What normalizing needs to know of where a program's files are.
#[derive(Clone, Debug, Default)]
pub struct Paths {
    /// Base names of the program's source files, whose directory is
    /// removed (empty for a project).
    pub files: Vec<String>,
    /// Directories replaced by a placeholder: the project's by `.` (and
    /// its children `DIR/x` by `x`), the module cache by `$GOMODCACHE`,
    /// Go's root by `$GOROOT`.
    pub dirs: Vec<(String, String)>,
}

impl Paths {
    /// The rule for a program made of `files` (base names).
    pub fn of_files(files: &[String]) -> Paths {
        Paths { files: files.to_vec(), dirs: Vec::new() }
    }

    /// Adds a directory to replace by `placeholder` (`.` for a project's
    /// own directory); an empty `dir` is ignored.
    pub fn dir(mut self, dir: &str, placeholder: &str) -> Paths {
        let dir = dir.trim_end_matches('/');
        if !dir.is_empty() {
            self.dirs.push((dir.to_string(), placeholder.to_string()));
            // Longest first: one directory may hold another.
            self.dirs.sort_by_key(|d| std::cmp::Reverse(d.0.len()));
        }
        self
    }
}

/// Normalizes standard error as the module doc describes. Bytes that are
/// not UTF-8 are left untouched.
pub fn normalize_stderr(stderr: &[u8], paths: &Paths) -> Vec<u8> {
    let Ok(text) = std::str::from_utf8(stderr) else {
        return stderr.to_vec();
    };
    let text: String = text
        .split_inclusive('\n')
        .map(|l| strip_dot_slash(&strip_dirs(&replace_dirs(l, &paths.dirs), &paths.files)))
        .collect();
    let (message, trace) = split_trace(&text);
    let mut out: String = drop_runtime_stack(message).map(mask_message_line).collect();
    if let Some(trace) = trace {
        out.extend(trace.split_inclusive('\n').map(normalize_trace_line));
    }
    out.into_bytes()
}

/// Normalizes `go test`'s (or `deft test`'s) standard output: rule 5,
/// then [`normalize_stderr`].
pub fn normalize_test_stdout(stdout: &[u8], paths: &Paths) -> Vec<u8> {
    let Ok(text) = std::str::from_utf8(stdout) else {
        return stdout.to_vec();
    };
    let timed: String = text.split_inclusive('\n').map(normalize_test_line).collect();
    normalize_stderr(timed.as_bytes(), paths)
}

/// Rule 5 for one line (with its newline, if any).
fn normalize_test_line(line: &str) -> String {
    let (body, nl) = match line.strip_suffix('\n') {
        Some(b) => (b, "\n"),
        None => (line, ""),
    };
    if body.starts_with('{') && body.ends_with('}') && body.contains("\"Action\":") {
        return format!("{}{nl}", normalize_json_event(body));
    }
    let seconds = |t: &str| {
        t.strip_suffix('s').is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit() || b == b'.'))
    };
    // `ok  \tPATH\t0.012s[ suffix]`, `FAIL\tPATH\t0.012s`.
    if body.starts_with("ok  \t") || body.starts_with("FAIL\t") {
        let fields: Vec<&str> = body.splitn(3, '\t').collect();
        if let [verdict, path, rest] = fields.as_slice() {
            let (time, suffix) = rest.split_once(' ').map_or((*rest, ""), |(t, s)| (t, s));
            if seconds(time) {
                let suffix = if suffix.is_empty() { String::new() } else { format!(" {suffix}") };
                return format!("{verdict}\t{path}\t?s{suffix}{nl}");
            }
        }
    }
    // `--- FAIL: TestX (0.00s)`, indented for subtests.
    let trimmed = body.trim_start_matches(' ');
    if trimmed.starts_with("--- ")
        && let Some(open) = body.rfind(" (")
        && body.ends_with(')')
        && seconds(&body[open + 2..body.len() - 1])
    {
        return format!("{} (?s){nl}", &body[..open]);
    }
    // The benchmarks' header names the processor blessing ran on.
    if body.starts_with("cpu: ") {
        return format!("cpu: ?{nl}");
    }
    // `BenchmarkX-2   \t 1000000\t      1234 ns/op[\t...]`.
    if body.starts_with("Benchmark") && body.contains('\t') {
        let (name, results) = body.split_once('\t').unwrap_or((body, ""));
        let figures: Vec<String> = results
            .split('\t')
            .map(|f| {
                f.split_whitespace()
                    .map(|w| if w.parse::<f64>().is_ok() { "?" } else { w })
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        return format!("{}\t{}{nl}", name.trim_end(), figures.join("\t"));
    }
    line.to_string()
}

/// A `go test -json` event with its times masked: the `Time` and
/// `Elapsed` fields' values, and in the text `\tN.NNNs` (a verdict line's,
/// JSON-escaped) and ` (N.NNs)` (a test's).
fn normalize_json_event(event: &str) -> String {
    let mut out = String::new();
    let mut rest = event;
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix("\"Time\":\"") {
            out += "\"Time\":\"?\"";
            rest = r.find('"').map_or("", |i| &r[i + 1..]);
        } else if let Some(r) = rest.strip_prefix("\"Elapsed\":") {
            out += "\"Elapsed\":?";
            rest = r.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '-' | '+' | '?'));
        } else if let Some(r) = rest.strip_prefix("\\t").and_then(|r| seconds_then(r, "s\\n")) {
            out += "\\t?s\\n";
            rest = r;
        } else if let Some(r) = rest.strip_prefix(" (").and_then(|r| seconds_then(r, "s)")) {
            out += " (?s)";
            rest = r;
        } else {
            let c = rest.chars().next().unwrap_or_default();
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// For text starting with a decimal number (digits, a point, digits)
/// followed by `end`, what comes after `end`.
fn seconds_then<'a>(text: &'a str, end: &str) -> Option<&'a str> {
    let n = text.bytes().take_while(|b| b.is_ascii_digit() || *b == b'.').count();
    let (number, rest) = text.split_at(n);
    (number.contains('.') && !number.starts_with('.')).then_some(())?;
    rest.strip_prefix(end)
}

/// Splits at the first line of the form `goroutine N [STATE]:`; the second
/// part starts with that line.
pub fn split_trace(text: &str) -> (&str, Option<&str>) {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if is_goroutine_header(line.trim_end_matches('\n')) {
            return (&text[..at], Some(&text[at..]));
        }
        at += line.len();
    }
    (text, None)
}

/// `goroutine N [STATE]:`, or gc 1.21+'s `goroutine N gp=0x… m=… [STATE]:`
/// (an already normalized one has `?` for N).
fn is_goroutine_header(line: &str) -> bool {
    let Some(rest) = line.strip_prefix("goroutine ") else {
        return false;
    };
    let digits = match rest.strip_prefix('?') {
        Some(_) => 1,
        None => rest.bytes().take_while(u8::is_ascii_digit).count(),
    };
    let rest = &rest[digits..];
    let rest = match rest.strip_prefix(" gp=0x") {
        Some(r) => r.find(" [").map_or("", |i| &r[i..]),
        None => rest,
    };
    digits > 0 && rest.starts_with(" [") && rest.ends_with("]:")
}

/// The lines of a message without the frames of its `runtime stack:`
/// section (everything from the heading to the next blank line).
fn drop_runtime_stack(message: &str) -> impl Iterator<Item = &str> {
    let mut in_section = false;
    message.split_inclusive('\n').filter(move |l| {
        let body = l.trim_end_matches('\n');
        if in_section && !body.is_empty() {
            return false;
        }
        in_section = body == "runtime stack:";
        true
    })
}

/// The program's frames of a trace (`main.*`, and those of packages of
/// `own_modules`: see [`is_own_function`]), innermost first: each function as gc
/// names it (`main.main`, `main.f.func1`, `main.(*T).M`; a frame line is
/// `NAME(ARGS)`, the argument list is cut off) and the `file:line` of the
/// line below it (without the `+0x…` offset).
pub fn trace_functions(trace: &str, own_modules: &[String]) -> Vec<(String, String)> {
    let lines: Vec<&str> = trace.lines().skip(1).collect();
    let mut frames = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if l.starts_with('\t') || l.starts_with("created by ") || l.is_empty() {
            continue;
        }
        let Some(name) = frame_name(l).filter(|n| is_own_function(n, own_modules)) else { continue };
        let at = lines.get(i + 1).and_then(|n| n.strip_prefix('\t')).unwrap_or_default();
        let at = at.split(" +0x").next().unwrap_or_default().trim_end();
        // A test binary's generated main (`main.main` in `_testmain.go`)
        // is each tool's own text.
        if at.starts_with("_testmain.go:") || at.contains("/_testmain.go:") {
            continue;
        }
        frames.push((name.to_string(), at.to_string()));
    }
    frames
}

/// Whether a function named as in a trace (`main.f`,
/// `example.com/m/lib.(*T).M`) belongs to the program: to package main, or
/// to a package of one of `own_modules` (module paths).
pub fn is_own_function(name: &str, own_modules: &[String]) -> bool {
    name.starts_with("main.")
        || own_modules.iter().any(|m| name.strip_prefix(m.as_str()).is_some_and(|r| r.starts_with(['.', '/'])))
}

/// `main.f(0x1, ...)` → `main.f`; the argument list is the last balanced `(...)`.
fn frame_name(line: &str) -> Option<&str> {
    let line = line.trim_end();
    if !line.ends_with(')') {
        return None;
    }
    let mut depth = 0;
    for (i, c) in line.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' => {
                depth -= 1;
                if depth == 0 {
                    return Some(&line[..i]);
                }
            }
            _ => {}
        }
    }
    None
}

/// Replaces each of `dirs` where it is a whole path or its start: not
/// preceded by a character of a path, and followed by `/` or a character
/// that ends a path. A placeholder `.` replaces `DIR/` by nothing.
fn replace_dirs(line: &str, dirs: &[(String, String)]) -> String {
    let mut line = line.to_string();
    for (dir, placeholder) in dirs {
        let mut out = String::with_capacity(line.len());
        let mut rest = line.as_str();
        while let Some(i) = rest.find(dir.as_str()) {
            out.push_str(&rest[..i]);
            let after = &rest[i + dir.len()..];
            let inside_a_path = out.chars().next_back().is_some_and(|c| c.is_alphanumeric() || "/._-@$".contains(c));
            match after.chars().next() {
                _ if inside_a_path => {
                    out.push_str(dir);
                    rest = after;
                }
                Some('/') if placeholder == "." => rest = &after[1..],
                None | Some('/' | ':' | ')' | '"' | '\'' | ' ' | '\t' | '\n' | ',') => {
                    out.push_str(placeholder);
                    rest = after;
                }
                Some(_) => {
                    out.push_str(dir);
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        line = out;
    }
    line
}

/// Drops `./` in front of a `.go` file name followed by `:` at the start
/// of a word.
fn strip_dot_slash(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(i) = rest.find("./") {
        out.push_str(&rest[..i]);
        rest = &rest[i + 2..];
        let at_word_start = out.chars().next_back().is_none_or(|c| c.is_whitespace() || c == '(');
        let word = rest.split(char::is_whitespace).next().unwrap_or_default();
        let is_go_file = word.split_once(".go:").is_some_and(|(name, _)| !name.is_empty());
        if !(at_word_start && is_go_file) {
            out.push_str("./");
        }
    }
    out.push_str(rest);
    out
}

/// Removes the directory in front of any of `files` followed by `:`.
fn strip_dirs(line: &str, files: &[String]) -> String {
    let mut line = line.to_string();
    for f in files {
        let pat = format!("{f}:");
        let mut from = 0;
        while let Some(off) = line[from..].find(&pat) {
            let at = from + off;
            let before = line[..at].chars().next_back();
            match before {
                Some('/') => {
                    let start = line[..at].rfind(|c: char| c.is_whitespace() || c == '(').map_or(0, |i| i + 1);
                    line.replace_range(start..at, "");
                    from = start + pat.len();
                }
                _ => from = at + pat.len(),
            }
        }
    }
    line
}

fn mask_message_line(line: &str) -> String {
    if line.starts_with("runtime: ") {
        return mask_hex_after(line, "0x", 5);
    }
    let line = mask_hex_after(line, "pc=0x", 1);
    mask_hex_after(&line, ") 0x", 1)
}

/// Rules 3 and 4 of the module doc for one trace line (without its
/// newline): goroutine headers, `created by … in goroutine N`, and
/// `...N frames elided...`.
fn normalize_newer_trace_line(body: &str) -> Option<String> {
    if let Some(rest) = body.strip_prefix("goroutine ").filter(|_| is_goroutine_header(body)) {
        let (id, rest) = rest.split_once(' ').unwrap_or((rest, ""));
        let id = if id == "1" { id } else { "?" };
        let (fields, state) = rest.split_at(rest.find(" [").unwrap_or(rest.len()));
        let fields: Vec<String> = fields
            .split(' ')
            .map(|f| match f.split_once('=') {
                Some((k @ ("gp" | "mp"), _)) => format!("{k}=0x?"),
                Some(("m", v)) if v != "nil" => "m=?".to_string(),
                _ => f.to_string(),
            })
            .collect();
        return Some(format!("goroutine {id} {}{state}", fields.join(" ")));
    }
    if let Some((creator, id)) = body.split_once(" in goroutine ").filter(|_| body.starts_with("created by ")) {
        let id = if id == "1" { id } else { "?" };
        return Some(format!("{creator} in goroutine {id}"));
    }
    if body.starts_with("...") && body.ends_with(" frames elided...") {
        return Some("...? frames elided...".to_string());
    }
    None
}

fn normalize_trace_line(line: &str) -> String {
    let (body, nl) = match line.strip_suffix('\n') {
        Some(b) => (b, "\n"),
        None => (line, ""),
    };
    if let Some(loc) = body.strip_prefix('\t') {
        // `\t/path/to/file.go:LINE +0xOFF`
        let loc = match loc.rfind(" +0x") {
            Some(i) => &loc[..i],
            None => loc,
        };
        let loc = match loc.rfind("/src/") {
            Some(i) if loc.starts_with('/') || loc.starts_with("$GOROOT/") => &loc[i + 5..],
            _ => loc,
        };
        format!("\t{loc}{nl}")
    } else if let Some(line) = normalize_newer_trace_line(body) {
        format!("{line}{nl}")
    } else {
        format!("{}{nl}", mask_hex_after(body, "0x", 5))
    }
}

/// Replaces the hex digits after each `prefix` by `?` when there are at
/// least `min` of them.
fn mask_hex_after(line: &str, prefix: &str, min: usize) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(i) = rest.find(prefix) {
        out.push_str(&rest[..i + prefix.len()]);
        rest = &rest[i + prefix.len()..];
        let n = rest.bytes().take_while(u8::is_ascii_hexdigit).count();
        if n >= min {
            out.push('?');
            rest = &rest[n..];
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_output_times_and_benchmarks() {
        let out = "--- FAIL: TestX (0.01s)\n    --- PASS: TestX/a_b (12.50s)\n    x_test.go:3: (1.5s) kept\n\
                   cpu: AMD EPYC\nBenchmarkX-2   \t 1000000\t      1234 ns/op\t      16 B/op\n\
                   ok  \texample.com/m\t0.012s [no tests to run]\nFAIL\texample.com/m\t1.005s\nFAIL\texample.com/m [build failed]\n";
        let want = "--- FAIL: TestX (?s)\n    --- PASS: TestX/a_b (?s)\n    x_test.go:3: (1.5s) kept\n\
                    cpu: ?\nBenchmarkX-2\t?\t? ns/op\t? B/op\n\
                    ok  \texample.com/m\t?s [no tests to run]\nFAIL\texample.com/m\t?s\nFAIL\texample.com/m [build failed]\n";
        let have = normalize_test_stdout(out.as_bytes(), &Paths::default());
        assert_eq!(String::from_utf8_lossy(&have), want);
        assert_eq!(normalize_test_stdout(want.as_bytes(), &Paths::default()), want.as_bytes());
    }

    const GC_PANIC: &str = "panic: boom [recovered]\n\tpanic: again\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x45d2a1]\n\ngoroutine 1 [running]:\nmain.main.func1()\n\t/home/u/tests/go/defer/p.go:11 +0x49\npanic({0x460340, 0x4beb28})\n\t/usr/lib/go-1.19/src/runtime/panic.go:884 +0x212\nmain.f(0x2a, {0xc000012345, 0x3})\n\t/home/u/tests/go/defer/p.go:15 +0x38\nmain.main()\n\t/home/u/tests/go/defer/p.go:20 +0x1d\n";

    #[test]
    fn json_event_times() {
        let event =
            r#"{"Time":"2026-12-07T11:08:19.34Z","Action":"output","Package":"p","Output":"ok  \tp\t0.003s\n"}"#;
        assert_eq!(
            normalize_json_event(event),
            r#"{"Time":"?","Action":"output","Package":"p","Output":"ok  \tp\t?s\n"}"#
        );
        let event = r#"{"Time":"x","Action":"pass","Test":"T","Elapsed":0.01,"Output":"--- PASS: T (0.01s)\n"}"#;
        assert_eq!(
            normalize_json_event(event),
            r#"{"Time":"?","Action":"pass","Test":"T","Elapsed":?,"Output":"--- PASS: T (?s)\n"}"#
        );
        let kept = r#"{"Action":"output","Output":"a\t1.5 (2)\n"}"#;
        assert_eq!(normalize_json_event(kept), kept);
    }

    #[test]
    fn normalizes_a_gc_panic() {
        let files = vec!["p.go".to_string()];
        let have = String::from_utf8(normalize_stderr(GC_PANIC.as_bytes(), &Paths::of_files(&files))).unwrap();
        let want = "panic: boom [recovered]\n\tpanic: again\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x?]\n\ngoroutine 1 [running]:\nmain.main.func1()\n\tp.go:11\npanic({0x?, 0x?})\n\truntime/panic.go:884\nmain.f(0x2a, {0x?, 0x3})\n\tp.go:15\nmain.main()\n\tp.go:20\n";
        assert_eq!(have, want);
        assert_eq!(normalize_stderr(want.as_bytes(), &Paths::of_files(&files)), want.as_bytes(), "idempotent");
        let (_, trace) = split_trace(want);
        let frames = trace_functions(trace.unwrap(), &[]);
        let want = [("main.main.func1", "p.go:11"), ("main.f", "p.go:15"), ("main.main", "p.go:20")];
        assert_eq!(frames, want.map(|(f, l)| (f.to_string(), l.to_string())));
    }

    #[test]
    fn strips_directories_of_own_files_only() {
        let files = vec!["a.go".to_string()];
        assert_eq!(strip_dirs("./a.go:3:5: x\n", &files), "a.go:3:5: x\n");
        assert_eq!(strip_dirs("\tdir/a.go:3:5: other declaration\n", &files), "\ta.go:3:5: other declaration\n");
        assert_eq!(strip_dirs("./ba.go:1:1: y\n", &files), "./ba.go:1:1: y\n");
        assert_eq!(strip_dirs("a.go:1:1: (see /x/a.go:2:2)\n", &files), "a.go:1:1: (see a.go:2:2)\n");
    }

    /// gc 1.27.3 running a project from its directory, a panic in a
    /// dependency from the module cache, then a package missing from std.
    #[test]
    fn normalizes_project_paths() {
        let paths =
            Paths::default().dir("/w/tests/go/modules/p", ".").dir("/tmp/mc", "$GOMODCACHE").dir("/go", "$GOROOT");
        let gc = "./main.go:5:2: package foo/bar is not in std (/go/src/foo/bar)\n../x.go:1:1: y\n/w/tests/go/modules/p2/a.go:1: other\ndirectory /w/tests/go/modules/p is fine\npanic: boom\n\ngoroutine 1 [running]:\nexample.com/dep.F(...)\n\t/tmp/mc/example.com/dep@v1.0.0/dep.go:5 +0x1d\nexample.com/p/lib.T.M({}, 0x1cbbd8b34000?)\n\t/w/tests/go/modules/p/lib/lib.go:8 +0x5e\nruntime.main()\n\t/go/src/runtime/proc.go:283 +0x28b\n";
        let have = String::from_utf8(normalize_stderr(gc.as_bytes(), &paths)).unwrap();
        let want = "main.go:5:2: package foo/bar is not in std ($GOROOT/src/foo/bar)\n../x.go:1:1: y\n/w/tests/go/modules/p2/a.go:1: other\ndirectory . is fine\npanic: boom\n\ngoroutine 1 [running]:\nexample.com/dep.F(...)\n\t$GOMODCACHE/example.com/dep@v1.0.0/dep.go:5\nexample.com/p/lib.T.M({}, 0x??)\n\tlib/lib.go:8\nruntime.main()\n\truntime/proc.go:283\n";
        assert_eq!(have, want);
        assert_eq!(normalize_stderr(want.as_bytes(), &paths), want.as_bytes(), "idempotent");
        let (_, trace) = split_trace(want);
        let frames = trace_functions(trace.unwrap(), &["example.com/p".to_string()]);
        assert_eq!(frames, [("example.com/p/lib.T.M".to_string(), "lib/lib.go:8".to_string())]);
        assert!(!is_own_function("example.com/pq.F", &["example.com/p".to_string()]));
        assert_eq!(strip_dot_slash("(./a.go:1) ./b.go ./c.go:2 x./d.go:3"), "(a.go:1) ./b.go c.go:2 x./d.go:3");
    }

    #[test]
    fn banner_is_dropped() {
        assert_eq!(strip_build_banner(b"# command-line-arguments\n./a.go:1:1: x\n"), b"./a.go:1:1: x\n");
    }

    #[test]
    fn method_frames_keep_their_parentheses() {
        assert_eq!(frame_name("main.(*T).M(0xc000010000)"), Some("main.(*T).M"));
        assert_eq!(frame_name("main.main()"), Some("main.main"));
        assert_eq!(frame_name("main.g(...)"), Some("main.g"));
    }

    /// gc 1.27.3's stack-overflow report of a goroutine, cut down.
    const GC_OVERFLOW: &str = "runtime: goroutine stack exceeds 1000000000-byte limit\nruntime: sp=0x1050a0660398 stack=[0x1050a0660000, 0x1050c0660000]\nfatal error: stack overflow\n\nruntime stack:\nruntime.throw({0x47f5ed?, 0x200000001?})\n\t/go/src/runtime/panic.go:1243 +0x48 fp=0x1050805a3e98 sp=0x1050805a3e68 pc=0x476148\nruntime.morestack()\n\t/go/src/runtime/asm_amd64.s:650 +0x7b fp=0x1050805a3fd0 sp=0x1050805a3fc8 pc=0x47963b\n\ngoroutine 3 gp=0x1050805510e0 m=2 mp=0x105080588808 [running]:\nmain.f(0x2aaaa57?)\n\t/t/p.go:3 +0x2b fp=0x1050a06603a8 sp=0x1050a06603a0 pc=0x47db2b\nmain.f(...)\n\t/t/p.go:4\n...44739062 frames elided...\nmain.main.func1()\n\t/t/p.go:10 +0x25 fp=0x1050c065ffe0 sp=0x1050c065ffb0 pc=0x47dc25\nruntime.goexit({})\n\t/go/src/runtime/asm_amd64.s:1264 +0x1 fp=0x1050c065ffe8 sp=0x1050c065ffe0 pc=0x47aea1\ncreated by main.main in goroutine 1\n\t/t/p.go:9 +0x76\n\ngoroutine 1 gp=0x1050805501e0 m=nil [chan receive]:\nmain.main()\n\t/t/p.go:12 +0x8e fp=0x10508060eeb8 sp=0x10508060ee78 pc=0x47dbce\n\ngoroutine 17 gp=0x105080600000 m=nil [force gc (idle)]:\ncreated by runtime.init.7 in goroutine 1\n\t/go/src/runtime/proc.go:7134 +0x37\n";

    #[test]
    fn normalizes_a_newer_fatal_error() {
        let files = vec!["p.go".to_string()];
        let have = String::from_utf8(normalize_stderr(GC_OVERFLOW.as_bytes(), &Paths::of_files(&files))).unwrap();
        let want = "runtime: goroutine stack exceeds 1000000000-byte limit\nruntime: sp=0x? stack=[0x?, 0x?]\nfatal error: stack overflow\n\nruntime stack:\n\ngoroutine ? gp=0x? m=? mp=0x? [running]:\nmain.f(0x??)\n\tp.go:3\nmain.f(...)\n\tp.go:4\n...? frames elided...\nmain.main.func1()\n\tp.go:10\nruntime.goexit({})\n\truntime/asm_amd64.s:1264\ncreated by main.main in goroutine 1\n\tp.go:9\n\ngoroutine 1 gp=0x? m=nil [chan receive]:\nmain.main()\n\tp.go:12\n\ngoroutine ? gp=0x? m=nil [force gc (idle)]:\ncreated by runtime.init.7 in goroutine 1\n\truntime/proc.go:7134\n";
        assert_eq!(have, want);
        assert_eq!(normalize_stderr(want.as_bytes(), &Paths::of_files(&files)), want.as_bytes(), "idempotent");
        let (message, trace) = split_trace(want);
        assert!(message.ends_with("runtime stack:\n\n"), "{message}");
        let frames = trace_functions(trace.unwrap(), &[]);
        let want =
            [("main.f", "p.go:3"), ("main.f", "p.go:4"), ("main.main.func1", "p.go:10"), ("main.main", "p.go:12")];
        assert_eq!(frames, want.map(|(f, l)| (f.to_string(), l.to_string())));
    }

    #[test]
    fn newer_headers_mask_ids_but_main() {
        assert!(is_goroutine_header("goroutine 1 gp=0xc000002380 m=0 mp=0x5a8ba0 [running]:"));
        assert!(is_goroutine_header("goroutine ? gp=0x? m=nil [select (no cases)]:"));
        assert!(!is_goroutine_header("goroutine 1 gp=0xc000002380 m=0"));
        let have = normalize_stderr(b"x\n\ngoroutine 6 [running]:\ncreated by main.main\n", &Paths::default());
        assert_eq!(have, b"x\n\ngoroutine ? [running]:\ncreated by main.main\n", "ids other than 1 are masked");
        let have =
            normalize_stderr(b"x\n\ngoroutine 1 [chan send]:\ncreated by main.f in goroutine 19\n", &Paths::default());
        assert_eq!(have, b"x\n\ngoroutine 1 [chan send]:\ncreated by main.f in goroutine ?\n");
        let have =
            normalize_stderr(b"x\n\ngoroutine 1 gp=0xc000002380 m=0 mp=0x5a8ba0 [running]:\n", &Paths::default());
        assert_eq!(have, b"x\n\ngoroutine 1 gp=0x? m=? mp=0x? [running]:\n");
    }

    #[test]
    fn type_address_in_panic_value_is_masked() {
        let have = normalize_stderr(b"panic: (main.T) 0x4beb28\n\ngoroutine 1 [running]:\n", &Paths::default());
        assert_eq!(have, b"panic: (main.T) 0x?\n\ngoroutine 1 [running]:\n");
    }
}
