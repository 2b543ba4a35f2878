//! Build constraints as gc 1.27.3 applies them. Each expectation was
//! produced by `go list -e -json` (GoFiles, IgnoredGoFiles,
//! InvalidGoFiles and the error text) with CGO_ENABLED=0, one package per
//! case, the file beside a plain `package p` file.

use super::*;

/// `build` (GoFiles), `skip` (IgnoredGoFiles), `invisible` (in no list:
/// not a Go file to the go command), `test` (TestGoFiles), or the error
/// (InvalidGoFiles).
fn classify(ctx: &BuildContext, name: &str, text: &str) -> String {
    if !is_go_file(name) {
        return "invisible".into();
    }
    let testing = BuildContext { tests: true, ..ctx.clone() };
    match (ctx.include(name, text), testing.include(name, text)) {
        (Err(e), _) => e,
        (Ok(true), _) => "build".into(),
        (Ok(false), Ok(true)) => "test".into(),
        (Ok(false), _) => "skip".into(),
    }
}

#[test]
fn file_names() {
    let cases = [
        ("a.go", "build"),
        ("a_linux.go", "build"),
        ("a_amd64.go", "build"),
        ("a_linux_amd64.go", "build"),
        ("a_amd64_linux.go", "build"),
        ("a_windows.go", "skip"),
        ("a_386.go", "skip"),
        ("a_linux_386.go", "skip"),
        ("a_windows_amd64.go", "skip"),
        ("linux.go", "build"),
        ("amd64.go", "build"),
        ("windows_amd64.go", "build"),
        ("linux_386.go", "skip"),
        ("linux_amd64.go", "build"),
        ("test_windows.go", "skip"),
        ("x_unix.go", "build"),
        ("a_x.go", "build"),
        ("a_Linux.go", "build"),
        ("a__linux.go", "build"),
        ("a_linux_.go", "build"),
        ("a_linux_x.go", "build"),
        ("a_x_linux.go", "build"),
        ("x_windows_.go", "build"),
        ("a_linux_linux.go", "build"),
        ("a_amd64_amd64.go", "build"),
        ("a_linux.pb.go", "build"),
        ("a_windows.pb.go", "skip"),
        ("a.linux_windows.go", "build"),
        ("a_linux_amd64.v1.go", "build"),
        ("a_windows.x.go", "skip"),
        ("a_linux.go.go", "build"),
        ("a_windows.go.go", "skip"),
        ("a b_windows.go", "skip"),
        ("a_linux_arm64.go", "skip"),
        ("a_freebsd_amd64.go", "skip"),
        ("a_gc.go", "build"),
        ("a_gccgo.go", "build"),
        ("a_cgo.go", "build"),
        ("a_ignore.go", "build"),
        ("a_go1.20.go", "build"),
        ("a_wasi.go", "build"),
        ("a_bsd.go", "build"),
        ("a_wasip2.go", "build"),
        ("a_ohos.go", "build"),
        ("a_fuchsia.go", "build"),
        ("a_test.go", "test"),
        ("a_linux_test.go", "test"),
        ("b_linux_amd64_test.go", "test"),
        ("a_windows_test_test.go", "test"),
        ("a_test_linux.go", "build"),
        ("a_windows_test.go", "skip"),
        ("a_amd64p32_test.go", "skip"),
        ("_linux.go", "invisible"),
        ("_a.go", "invisible"),
        (".a.go", "invisible"),
        ("_test.go", "invisible"),
        ("a.GO", "invisible"),
        ("a.go.txt", "invisible"),
        ("a_linux", "invisible"),
    ];
    let ctx = BuildContext::default();
    for (name, want) in cases {
        assert_eq!(classify(&ctx, name, "package p\n"), want, "{name}");
    }
}

#[test]
fn every_known_system_and_architecture() {
    let ctx = BuildContext::default();
    for os in KNOWN_OS {
        assert_eq!(ctx.matches_file_name(&format!("a_{os}.go")), os == "linux", "{os}");
    }
    for arch in KNOWN_ARCH {
        assert_eq!(ctx.matches_file_name(&format!("a_{arch}.go")), arch == "amd64", "{arch}");
    }
    // Each was checked one by one: e.g. a_hurd.go, a_zos.go, a_nacl.go,
    // a_amd64p32.go, a_armbe.go, a_mips64p32le.go, a_riscv.go, a_s390.go,
    // a_sparc64.go are ignored, a_wasi.go and a_bsd.go are not.
    assert_eq!(KNOWN_OS.len() + KNOWN_ARCH.len(), 42);
}

const MISSING_PAREN: &str = "parsing //go:build line: missing close paren";

#[test]
fn headers() {
    let cases = [
        ("//go:build linux\n\npackage p", "build"),
        ("//go:build !linux\n\npackage p", "skip"),
        ("//go:build !linux\npackage p", "skip"),
        ("// +build !linux\npackage p", "build"),
        ("// +build !linux\n\npackage p", "skip"),
        ("package p\n//go:build !linux", "build"),
        ("/* c */\n//go:build !linux\n\npackage p", "skip"),
        ("/*\n//go:build !linux\n*/\npackage p", "build"),
        ("//go:build linux\n//go:build !linux\n\npackage p", "multiple //go:build comments"),
        ("//go:build linux\n\n//go:build linux\npackage p", "multiple //go:build comments"),
        ("//go:build ((\n//go:build linux\npackage p", "multiple //go:build comments"),
        ("//go:buildlinux\n\npackage p", "build"),
        ("//go:build linux && !cgo\npackage p", "build"),
        ("//go:build cgo\npackage p", "skip"),
        ("//go:build unix\npackage p", "build"),
        ("//go:build gc\npackage p", "build"),
        ("//go:build gccgo\npackage p", "skip"),
        ("//go:build go1.27\npackage p", "build"),
        ("//go:build go1.28\npackage p", "skip"),
        ("//go:build go1.1\npackage p", "build"),
        ("//go:build go1\npackage p", "skip"),
        ("//go:build goexperiment.greenteagc\npackage p", "build"),
        ("//go:build goexperiment.foo\npackage p", "skip"),
        ("//go:build amd64.v1\npackage p", "build"),
        ("//go:build amd64.v2\npackage p", "skip"),
        ("//go:build ignore\npackage p", "skip"),
        ("//go:build linux\n// +build windows\n\npackage p", "build"),
        ("// +build windows\n//go:build linux\n\npackage p", "build"),
        ("// +build linux\n\n//go:build !linux\n\npackage p", "skip"),
        ("  //go:build !linux\n\npackage p", "skip"),
        ("/* x */ //go:build !linux\n\npackage p", "build"),
        ("\u{feff}//go:build !linux\n\npackage p", "skip"),
        ("//go:build !linux\r\n\r\npackage p\r\n", "skip"),
        ("//go:build !linux\n/*\n*/ package p", "skip"),
        ("//go:build linux\n\n/* //go:build !linux */\npackage p", "build"),
        ("/*\n*/ //go:build !linux\npackage p", "build"),
        ("/* */\n//go:build !linux\npackage p", "skip"),
        ("\n\n//go:build !linux\n\npackage p", "skip"),
        ("/*/ //go:build !linux\n*/\npackage p", "build"),
        ("//go:build !linux\n// +build linux\npackage p", "skip"),
        ("/* a */ /* b\n//go:build !linux\n*/\npackage p", "build"),
        ("/* x */\n/* y */\n//go:build !linux\npackage p", "skip"),
        ("//go:build linux\n/*\n//go:build linux\n*/\npackage p", "build"),
        ("//go:build !linux", "skip"),
        ("/*\n//go:build !linux", "build"),
        ("package p // +build !linux", "build"),
        ("// +build !linux\n\npackage p\n//go:build linux", "skip"),
    ];
    let ctx = BuildContext::default();
    for (text, want) in cases {
        assert_eq!(classify(&ctx, "h.go", text), want, "{text:?}");
    }
}

#[test]
fn plus_build_lines() {
    let cases = [
        ("// +build linux,!cgo", "build"),
        ("// +build windows linux", "build"),
        ("// +build windows\n// +build linux", "skip"),
        ("// +build !linux\n// +build linux", "skip"),
        ("// +build !!linux", "skip"),
        ("\t// +build !linux", "skip"),
        ("//+build !linux", "skip"),
        ("// +build", "skip"),
        ("// +buildx !linux", "build"),
        ("// +build\t!linux", "skip"),
        ("//  +build  linux   amd64", "build"),
        ("// +build linux // x", "build"),
        ("// +build a-b", "skip"),
        ("// +build !a-b", "build"),
        ("// +build linux a-b", "build"),
        ("// +build linux,a-b", "skip"),
        ("// +build linux,!a-b", "build"),
        ("// +build linux,", "skip"),
        ("// +build ,linux", "skip"),
        ("// +build !", "skip"),
        ("// +build linux !", "build"),
        ("// +build linux,,amd64", "skip"),
        ("// +build linux !!x", "build"),
        ("// +build é", "skip"),
        ("// +build !é", "build"),
    ];
    let ctx = BuildContext::default();
    for (lines, want) in cases {
        assert_eq!(classify(&ctx, "h.go", &format!("{lines}\n\npackage p")), want, "{lines:?}");
    }
    // Where the +build lines must stand: before a blank line that comes
    // before anything but `//` comments.
    let placed = [
        ("// +build !linux\n\n/* c */\npackage p", "skip"),
        ("/* c */\n// +build !linux\n\npackage p", "build"),
        ("// a\n/* b */ // +build !linux\n\npackage p", "build"),
        ("/* multi\nline */\n\n// +build !linux\n\npackage p", "build"),
        ("// +build !linux\n\n// x\npackage p", "skip"),
        ("// +build !linux\n\n\n\npackage p", "skip"),
        ("// +build !linux\r\n\r\npackage p", "skip"),
        ("// +build !linux\n  \t \npackage p", "skip"),
        ("// +build !linux\n// comment\n\npackage p", "skip"),
        ("// +build !linux\n// a\n\n// b\npackage p", "skip"),
        ("// +build !linux\n/* c */\n\npackage p", "build"),
        ("// +build !linux\n/* c */ // d\n\npackage p", "build"),
        ("/* c */ // +build !linux\n\n// +build !linux\n\npackage p", "build"),
        ("// x /*\n// +build !linux\n\npackage p", "skip"),
        ("// +build linux\n\n// +build !linux\n\npackage p", "skip"),
    ];
    for (text, want) in placed {
        assert_eq!(classify(&ctx, "h.go", text), want, "{text:?}");
    }
}

#[test]
fn go_build_expressions() {
    let cases = [
        ("(linux)", "build"),
        ("((((linux))))", "build"),
        ("(linux || windows) && !(cgo)", "build"),
        ("linux || windows && cgo", "build"),
        ("windows && cgo || linux", "build"),
        ("linux&&amd64", "build"),
        ("linux&&!amd64", "skip"),
        ("linux\t&&\tamd64", "build"),
        ("\t!linux", "skip"),
        (" !linux  ", "skip"),
        ("! linux", "skip"),
        ("!(!linux)", "build"),
        ("_x || linux", "build"),
        ("x.y", "skip"),
        ("1", "skip"),
        ("é", "skip"),
        ("!é", "build"),
        ("ǅ", "skip"),
        ("linux ١", "parsing //go:build line: unexpected token ١"),
        ("", "parsing //go:build line: unexpected end of expression"),
        ("!", "parsing //go:build line: unexpected end of expression"),
        ("linux &&", "parsing //go:build line: unexpected end of expression"),
        ("linux||", "parsing //go:build line: unexpected end of expression"),
        ("(linux", MISSING_PAREN),
        ("(", MISSING_PAREN),
        ("((linux)", MISSING_PAREN),
        ("linux || (", MISSING_PAREN),
        ("linux && (windows", MISSING_PAREN),
        ("linux && (a ||", MISSING_PAREN),
        ("(a b)", MISSING_PAREN),
        ("(linux ||)", "parsing //go:build line: unexpected token )"),
        ("(!)", "parsing //go:build line: unexpected token )"),
        ("()", "parsing //go:build line: unexpected token )"),
        (")", "parsing //go:build line: unexpected token )"),
        ("!)", "parsing //go:build line: unexpected token )"),
        ("linux)", "parsing //go:build line: unexpected token )"),
        ("linux )", "parsing //go:build line: unexpected token )"),
        ("(linux))", "parsing //go:build line: unexpected token )"),
        ("linux (", "parsing //go:build line: unexpected token ("),
        ("(linux) (", "parsing //go:build line: unexpected token ("),
        ("a b", "parsing //go:build line: unexpected token b"),
        ("linux ! amd64", "parsing //go:build line: unexpected token !"),
        ("&& linux", "parsing //go:build line: unexpected token &&"),
        ("|| linux", "parsing //go:build line: unexpected token ||"),
        ("linux é-x", "parsing //go:build line: unexpected token é"),
        ("!!linux", "parsing //go:build line: double negation not allowed"),
        ("! !linux", "parsing //go:build line: double negation not allowed"),
        ("!!", "parsing //go:build line: double negation not allowed"),
        ("linux,amd64", "parsing //go:build line: invalid syntax at ,"),
        ("linux&amd64", "parsing //go:build line: invalid syntax at &"),
        ("linux &x", "parsing //go:build line: invalid syntax at &"),
        ("linux ||| amd64", "parsing //go:build line: invalid syntax at |"),
        ("!linux // comment", "parsing //go:build line: invalid syntax at /"),
        ("a-b", "parsing //go:build line: invalid syntax at -"),
        ("linux $", "parsing //go:build line: invalid syntax at $"),
        ("linux $abc", "parsing //go:build line: invalid syntax at $"),
        ("linux @@ x", "parsing //go:build line: invalid syntax at @"),
        ("(linux || $)", "parsing //go:build line: invalid syntax at $"),
        ("linux ´", "parsing //go:build line: invalid syntax at ´"),
    ];
    let ctx = BuildContext::default();
    for (expr, want) in cases {
        let text = format!("//go:build {expr}\npackage p");
        assert_eq!(classify(&ctx, "h.go", &text), want, "{expr:?}");
    }
    assert_eq!(
        classify(&ctx, "h.go", "//go:build\n\npackage p"),
        "parsing //go:build line: unexpected end of expression"
    );
}

#[test]
fn user_tags() {
    let ctx = BuildContext::from_tags_flag("foo,bar,cgo,ignore");
    let cases = [
        ("//go:build foo && bar", "build"),
        ("//go:build cgo", "build"),
        ("//go:build ignore", "build"),
        ("// +build foo,bar\n", "build"),
        ("//go:build !foo", "skip"),
    ];
    for (header, want) in cases {
        assert_eq!(classify(&ctx, "h.go", &format!("{header}\npackage p")), want, "{header:?}");
    }
    // `-tags cgo` does not enable cgo: a file importing "C" stays out.
    assert!(imports_exclude(["fmt", "C"]));
    assert!(!imports_exclude(["fmt", "c"]));
    let ctx = BuildContext::from_tags_flag("windows,386,foo");
    for name in ["a_windows.go", "a_386.go", "a_foo.go", "a_linux.go"] {
        assert!(ctx.matches_file_name(name), "{name}");
    }
}

#[test]
fn tags_flag_forms() {
    let tags = |flag: &str| BuildContext::from_tags_flag(flag).tags;
    assert_eq!(tags("foo,bar"), ["foo", "bar"]);
    assert_eq!(tags(",foo,,bar,"), ["foo", "bar"]);
    assert_eq!(tags("foo bar"), ["foo", "bar"]);
    assert_eq!(tags("'foo' \"bar\""), ["foo", "bar"]);
    assert_eq!(tags(""), Vec::<String>::new());
}

#[test]
fn tags() {
    let ctx = BuildContext::default();
    for tag in ["linux", "amd64", "unix", "gc", "go1.1", "go1.9", "go1.27", "amd64.v1", "goexperiment.jsonv2"] {
        assert!(ctx.tag_holds(tag), "{tag}");
    }
    for tag in ["cgo", "ignore", "gccgo", "go1", "go1.28", "go1.01", "go1.0", "amd64.v2", "android", "", "Linux"] {
        assert!(!ctx.tag_holds(tag), "{tag}");
    }
}

#[test]
fn names_decide_before_headers() {
    let ctx = BuildContext::default();
    // A broken header is not read when the name leaves the file out…
    assert_eq!(ctx.include("x_windows.go", "//go:build (\n\npackage main\n"), Ok(false));
    assert_eq!(ctx.include("_x.go", "//go:build (\n\npackage main\n"), Ok(false));
    // …but a test file's is, even when tests are not built (`go run .`
    // fails with `x_test.go: parsing //go:build line: missing close paren`).
    assert_eq!(ctx.include("x_test.go", "//go:build (\n\npackage main\n"), Err(MISSING_PAREN.into()));
    assert_eq!(ctx.include("x_test.go", "package main\n"), Ok(false));
    assert!(!ctx.matches_file_name("x_test.go"));
    assert!(BuildContext { tests: true, ..BuildContext::default() }.matches_file_name("x_test.go"));
    assert!(is_test_file("x_test.go") && !is_test_file("x_test_linux.go"));
}

#[test]
fn header_ends() {
    let cases = [
        ("package p\n", 0),
        ("//go:build linux\n\npackage p\n", 18),
        ("// a\n/* b */ package p", 13),
        ("/* a\n b */\n\n  package p", 14),
        ("\u{feff}package p", 3),
        ("// only a comment\n", 18),
        ("", 0),
        ("//go:build a\n//go:build b\npackage p", 26),
    ];
    for (text, want) in cases {
        assert_eq!(header_end(text), want, "{text:?}");
        assert!(text[want..].starts_with("package") || want == text.len(), "{text:?}");
    }
    // The header alone decides, as the whole file does.
    let text = "// +build !linux\n\npackage p\n\nfunc f() {}\n";
    let ctx = BuildContext::default();
    assert_eq!(ctx.header_holds(&text[..header_end(text)]), ctx.header_holds(text));
}
