//! go.mod and go.work as gc 1.27.3 reads them. Every expectation here was
//! produced by the go command (`go list` for the main module and go.work,
//! `go mod edit -json` / `go work edit -json` for what a file means, a
//! local file proxy for dependencies' go.mod files).

use super::*;

/// The errors of the main go.mod `text`, rendered as the go command lists
/// them under `go: errors parsing go.mod:`.
fn errors(text: &str) -> String {
    let errs = parse_go_mod("/abs/go.mod", text).expect_err(text);
    errs.iter().map(|e| e.render("go.mod")).collect::<Vec<_>>().join("\n")
}

fn main_mod(text: &str) -> ModFile {
    parse_go_mod("/abs/go.mod", text).unwrap_or_else(|e| panic!("{text:?}: {e:?}"))
}

fn lax_errors(text: &str) -> String {
    let errs = parse_go_mod_lax("go.mod", text).expect_err(text);
    errs.iter().map(|e| e.render("go.mod")).collect::<Vec<_>>().join("\n")
}

fn work_errors(text: &str) -> String {
    let errs = parse_go_work("/abs/go.work", text).expect_err(text);
    errs.iter().map(|e| e.render("go.work")).collect::<Vec<_>>().join("\n")
}

fn req(path: &str, version: &str, indirect: bool) -> Require {
    Require { path: path.into(), version: version.into(), indirect }
}

fn mv(path: &str, version: &str) -> ModuleVersion {
    ModuleVersion { path: path.into(), version: version.into() }
}

#[test]
fn a_whole_go_mod() {
    let m = main_mod(
        "// Deprecated: use example.com/n\nmodule \"example.com/m\"\n\ngo 1.22.1 // comment\ntoolchain go1.23.0\n\ngodebug panicnil=1\ngodebug (\n\tasynctimerchan=0\n\tdefault=go1.21\n)\n\nrequire example.com/a v1.2.3\n\nrequire (\n\texample.com/b v0.1.0 // indirect\n\t\"example.com/c\" \"v2.0.0+incompatible\"\n)\n\nexclude example.com/a v1.0.0\nexclude (\n\texample.com/a v1.1.0\n)\n\nreplace example.com/a v1.2.3 => ../a\nreplace (\n\texample.com/b => example.com/fork v0.2.0\n\texample.com/c => /abs/c\n)\n\nretract v1.0.0 // broken\nretract [v1.1.0, v1.2.0]\n\ntool example.com/a/cmd/x\nignore ./node_modules\n",
    );
    let want = ModFile {
        module: Some("example.com/m".into()),
        deprecated: Some("use example.com/n".into()),
        go: Some("1.22.1".into()),
        toolchain: Some("go1.23.0".into()),
        godebug: [("panicnil", "1"), ("asynctimerchan", "0"), ("default", "go1.21")]
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .to_vec(),
        requires: vec![
            req("example.com/a", "v1.2.3", false),
            req("example.com/b", "v0.1.0", true),
            req("example.com/c", "v2.0.0+incompatible", false),
        ],
        excludes: vec![mv("example.com/a", "v1.0.0"), mv("example.com/a", "v1.1.0")],
        replaces: vec![
            Replace {
                old_path: "example.com/a".into(),
                old_version: Some("v1.2.3".into()),
                new: Replacement::Dir("../a".into()),
            },
            Replace {
                old_path: "example.com/b".into(),
                old_version: None,
                new: Replacement::Module(mv("example.com/fork", "v0.2.0")),
            },
            Replace { old_path: "example.com/c".into(), old_version: None, new: Replacement::Dir("/abs/c".into()) },
        ],
        retracts: vec![
            Retract { low: "v1.0.0".into(), high: "v1.0.0".into(), rationale: "broken".into() },
            Retract { low: "v1.1.0".into(), high: "v1.2.0".into(), rationale: String::new() },
        ],
        tools: vec!["example.com/a/cmd/x".into()],
        ignores: vec!["./node_modules".into()],
    };
    assert_eq!(m, want);
}

#[test]
fn directive_errors() {
    let cases = [
        ("module m\nmodule n", "go.mod:2: repeated module statement"),
        ("module", "go.mod:1: usage: module module/path"),
        ("module a b", "go.mod:1: usage: module module/path"),
        ("module \"m\"x", "go.mod:1: usage: module module/path"),
        ("module `m`", "go.mod:1: invalid quoted string: unquoted string cannot contain quote"),
        ("module x\"m\"", "go.mod:1: invalid quoted string: unquoted string cannot contain quote"),
        ("module ``", "go.mod:1: invalid quoted string: unquoted string cannot contain quote"),
        ("module `a\\` x`", "go.mod:1: usage: module module/path"),
        ("module \"a\\qb\"", "go.mod:1: invalid quoted string: invalid syntax"),
        ("module \"a\\'b\"", "go.mod:1: invalid quoted string: invalid syntax"),
        ("module m\nrequire \"a\\\nb\" v1.0.0", "go.mod:2: invalid quoted string: invalid syntax"),
        ("module m\nfoo bar", "go.mod:2: unknown directive: foo"),
        (
            "module m\nfoo\nbar x\ngo 1.x",
            "go.mod:2: unknown directive: foo\ngo.mod:3: unknown directive: bar\ngo.mod:4: invalid go version '1.x': must match format 1.23.0",
        ),
        ("module m\n  foo", "go.mod:2:3: unknown directive: foo"),
        (
            "(\nfoo\n)",
            "go.mod:1: unknown directive: (\ngo.mod:2: unknown directive: foo\ngo.mod:3: unknown directive: )",
        ),
        ("module m\n(", "go.mod:2: unknown directive: ("),
        ("module m\n)", "go.mod:2: unknown directive: )"),
        ("module m\ngo (\n1.21\n)", "go.mod:2: unknown block type: go"),
        ("module m\ntoolchain (\n)", "go.mod:2: unknown block type: toolchain"),
        ("module m\nfoo (\n)", "go.mod:2: unknown block type: foo"),
        ("module m\nrequire foo (\n)", "go.mod:2: unknown block type: require foo"),
        ("module m\ngo 1.21 1.22", "go.mod:2: go directive expects exactly one argument"),
        ("module m\ngo", "go.mod:2: go directive expects exactly one argument"),
        ("module m\ngo 1.21{", "go.mod:2: go directive expects exactly one argument"),
        ("module m\ngo 1.21 */", "go.mod:2: go directive expects exactly one argument"),
        ("module m\ngo 1.21\ngo 1.22", "go.mod:3: repeated go statement"),
        ("module m\ngo 1", "go.mod:2: invalid go version '1': must match format 1.23.0"),
        ("module m\ngo 1.021", "go.mod:2: invalid go version '1.021': must match format 1.23.0"),
        ("module m\ngo \"1.21\"", "go.mod:2: invalid go version '\"1.21\"': must match format 1.23.0"),
        ("module m\ngo 1.21;", "go.mod:2: invalid go version '1.21;': must match format 1.23.0"),
        ("module m\n go 1.x", "go.mod:2:2: invalid go version '1.x': must match format 1.23.0"),
        (
            "module m\ntoolchain 1.21",
            "go.mod:2: invalid toolchain version '1.21': must match format go1.23.0 or default",
        ),
        (
            "module m\ntoolchain gccgo1.21",
            "go.mod:2: invalid toolchain version 'gccgo1.21': must match format go1.23.0 or default",
        ),
        (
            "module m\ntoolchain \"go1.21\"",
            "go.mod:2: invalid toolchain version '\"go1.21\"': must match format go1.23.0 or default",
        ),
        ("module m\ntoolchain go1.21 x", "go.mod:2: toolchain directive expects exactly one argument"),
        ("module m\ntoolchain", "go.mod:2: toolchain directive expects exactly one argument"),
        ("module m\ntoolchain go1.21.0\ntoolchain go1.21.0", "go.mod:3: repeated toolchain statement"),
        ("module m\ngodebug x", "go.mod:2: usage: godebug key=value"),
        ("module m\ngodebug x=1 y=2", "go.mod:2: usage: godebug key=value"),
        ("module m\ngodebug \"x =1\"", "go.mod:2: usage: godebug key=value"),
        ("module m\ngodebug \"panicnil=1\"", "go.mod:2: usage: godebug key=value"),
        ("module m\ngodebug panicnil=\"1\"", "go.mod:2: usage: godebug key=value"),
        ("module m\ngodebug x,y=1", "go.mod:2: usage: godebug key=value"),
        ("module m\ngodebug panicnil=1,x", "go.mod:2: usage: godebug key=value"),
        ("module m\ngodebug ( panicnil=1 )", "go.mod:2: usage: godebug key=value"),
        ("module m\ngodebug (panicnil=1\n)", "go.mod:2: usage: godebug key=value\ngo.mod:3: unknown directive: )"),
        ("module m\nrequire example.com/a", "go.mod:2: usage: require module/path v1.2.3"),
        ("module m\nrequire example.com/a v1.0.0 x", "go.mod:2: usage: require module/path v1.2.3"),
        ("module m\nrequire example.com//a v1.0.0", "go.mod:2: usage: require module/path v1.2.3"),
        ("module m\nrequire // c", "go.mod:2: usage: require module/path v1.2.3"),
        ("module m\nrequire ( ) x", "go.mod:2: usage: require module/path v1.2.3"),
        ("module m\nrequire (\n\tx\n)", "go.mod:3:2: usage: require module/path v1.2.3"),
        ("module m\nexclude example.com/a", "go.mod:2: usage: exclude module/path v1.2.3"),
        ("module m\nexclude example.com/a v1.0.0 v1.1.0", "go.mod:2: usage: exclude module/path v1.2.3"),
        ("module m\ntool", "go.mod:2: tool directive expects exactly one argument"),
        ("module m\ntool a b", "go.mod:2: tool directive expects exactly one argument"),
        ("module m\nignore", "go.mod:2: ignore directive expects exactly one argument"),
        ("module m\nignore a b", "go.mod:2: ignore directive expects exactly one argument"),
    ];
    for (text, want) in cases {
        assert_eq!(errors(text), want, "{text:?}");
    }
}

#[test]
fn syntax_errors_stop_the_parse() {
    assert_eq!(errors("module m /* x */"), "go.mod:1:10: mod files must use // comments (not /* */ comments)");
    assert_eq!(errors("foo\nmodule \"m"), "go.mod:2:8: unexpected EOF in string");
    assert_eq!(
        errors("module m\ngodebug (\npanicnil=1)"),
        "go.mod:3:12: syntax error (unterminated block started at /abs/go.mod:2:1)"
    );
}

const REPLACE_USAGE: &str = "usage: replace module/path [v1.2.3] => other/module v1.4\n\t or replace module/path [v1.2.3] => ../local/directory";

#[test]
fn versions_in_the_main_module() {
    let cases = [
        ("require example.com/a 1.0.0", "go.mod:2: module lookup disabled by GOPROXY=off".to_string()),
        ("require example.com/a v1", "go.mod:2: module lookup disabled by GOPROXY=off".into()),
        ("require example.com/a v1.0", "go.mod:2: module lookup disabled by GOPROXY=off".into()),
        ("require example.com/a latest", "go.mod:2: module lookup disabled by GOPROXY=off".into()),
        ("require example.com/a v1.0.0+meta", "go.mod:2: module lookup disabled by GOPROXY=off".into()),
        ("require example.com/a V1.0.0", "go.mod:2: module lookup disabled by GOPROXY=off".into()),
        ("replace example.com/a v1.0 => ./b", "go.mod:2: module lookup disabled by GOPROXY=off".into()),
        ("require example.com/a/v2 v1.0", "go.mod:2: module lookup disabled by GOPROXY=off".into()),
        (
            "require example.com/a/v2 v1.0.0",
            "go.mod:2: require example.com/a/v2: version \"v1.0.0\" invalid: should be v2, not v1".into(),
        ),
        (
            "require example.com/a v2.0.0",
            "go.mod:2: require example.com/a: version \"v2.0.0\" invalid: should be v0 or v1, not v2".into(),
        ),
        (
            "require gopkg.in/yaml.v2 v3.0.0",
            "go.mod:2: require gopkg.in/yaml.v2: version \"v3.0.0\" invalid: should be v2, not v3".into(),
        ),
        (
            "require example.com/a/v3 v2.0.0+incompatible",
            "go.mod:2: require example.com/a/v3: version \"v2.0.0+incompatible\" invalid: should be v3, not v2".into(),
        ),
        (
            "require example.com/a/v0 v0.1.0",
            "go.mod:2: require example.com/a/v0: version \"v0.1.0\" invalid: malformed module path \"example.com/a/v0\""
                .into(),
        ),
        (
            "require gopkg.in/yaml v0.1.0",
            "go.mod:2: require gopkg.in/yaml: version \"v0.1.0\" invalid: malformed module path \"gopkg.in/yaml\"".into(),
        ),
        (
            "exclude example.com/a/v2 v1.0.0",
            "go.mod:2: exclude example.com/a/v2: version \"v1.0.0\" invalid: should be v2, not v1".into(),
        ),
        (
            "replace example.com/a/v2 v1.0.0 => ./a",
            "go.mod:2: replace example.com/a/v2: version \"v1.0.0\" invalid: should be v2, not v1".into(),
        ),
        (
            "replace example.com/a => example.com/b/v2 v1.0.0",
            "go.mod:2: replace example.com/b/v2: version \"v1.0.0\" invalid: should be v2, not v1".into(),
        ),
    ];
    for (line, want) in cases {
        assert_eq!(errors(&format!("module m\n{line}")), want, "{line:?}");
    }
    // Canonical versions of well-formed paths need no lookup.
    let fine = [
        "require example.com/a v1.0.0+incompatible",
        "require example.com/a v2.0.0+incompatible",
        "require example.com/a/v2 v2.0.0+incompatible",
        "require example.com/a v1.0.0-20200101000000-abcdefabcdef",
        "require gopkg.in/yaml.v0 v0.1.0",
        "require gopkg.in/yaml.v2-unstable v2.1.0",
        "require foo v1.0.0",
        "require Example.com/a v1.0.0",
        "require example.com/a v1.0.0\nrequire example.com/a v1.1.0",
    ];
    for line in fine {
        main_mod(&format!("module m\n{line}"));
    }
}

#[test]
fn indirect_comments() {
    let m = main_mod(
        "module m\nrequire (\n\ta.com/a v1.0.0 // indirect\n\ta.com/b v1.0.0 // indirect; foo\n\ta.com/c v1.0.0 //indirect\n\ta.com/d v1.0.0 // Indirect\n\ta.com/e v1.0.0 // x; indirect\n\ta.com/f v1.0.0 //\tindirect \n\ta.com/g v1.0.0 // indirect//\n\ta.com/h v1.0.0 // indirect;\n\ta.com/i v1.0.0 // indirect ;x\n\t// indirect\n\ta.com/j v1.0.0\n)\n// indirect\nrequire a.com/k v1.0.0\nrequire a.com/l v1.0.0 // indirect\nrequire (\n\ta.com/m v1.0.0\n) // indirect\n",
    );
    let indirect: String = m.requires.iter().filter(|r| r.indirect).map(|r| &r.path[6..]).collect();
    assert_eq!(indirect, "abcfl");
}

#[test]
fn deprecations() {
    let cases = [
        ("// Deprecated: use n\nmodule m", Some("use n")),
        ("module m // Deprecated: use n", Some("use n")),
        ("// Deprecated: use n\nmodule m // other", Some("use n\nother")),
        ("// Deprecated:use n\nmodule m", Some("use n")),
        ("//Deprecated: a\nmodule m", Some("a")),
        ("//  Deprecated:  a  \nmodule m", Some("a")),
        ("// Deprecated:\nmodule m", None),
        ("// deprecated: a\nmodule m", None),
        ("// Some text.\n// Deprecated: use n\nmodule m", None),
        ("// Some text.\n//\n// Deprecated: use n\n// more\nmodule m", Some("use n\nmore")),
        ("// Some text.\n//\n// Deprecated: use n\n// more\n//\n// para\nmodule m", Some("use n\nmore")),
        ("// Deprecated: a\n//\nmodule m", Some("a\n")),
        ("// Deprecated: a\n\nmodule m", None),
        ("// x\n\n// Deprecated: a\nmodule m", Some("a")),
        ("// Deprecated: a\ngo 1.21\nmodule m", None),
        ("module (\n\t// Deprecated: a\n\tm\n)", Some("a")),
        ("module (\n\t// Deprecated: a\n\n\tm\n)", Some("a")),
        ("// Deprecated: b\nmodule (\n\tm\n)", Some("b")),
        ("// Deprecated: b\nmodule (\n\tm // Deprecated: c\n)", Some("c")),
    ];
    for (text, want) in cases {
        assert_eq!(main_mod(text).deprecated.as_deref(), want, "{text:?}");
    }
}

#[test]
fn retractions() {
    let rationales = |text: &str| -> Vec<(String, String, String)> {
        main_mod(text).retracts.into_iter().map(|r| (r.low, r.high, r.rationale)).collect()
    };
    let r = |low: &str, high: &str, why: &str| (low.to_string(), high.to_string(), why.to_string());
    assert_eq!(
        rationales(
            "module example.com/m\n// r1\nretract v1.0.0 // r2\n// r3\n\n// r4\nretract (\n\t// r5\n\tv1.1.0 // r6\n\tv1.2.0\n\t// r7\n\n\t[v1.3.0, v1.4.0]\n) // r8\n// r9\nretract (\n\tv1.5.0\n)"
        ),
        [
            r("v1.0.0", "v1.0.0", "r1\nr2"),
            r("v1.1.0", "v1.1.0", "r5\nr6"),
            r("v1.2.0", "v1.2.0", "r4"),
            r("v1.3.0", "v1.4.0", "r7"),
            r("v1.5.0", "v1.5.0", "r9"),
        ]
    );
    assert_eq!(
        rationales("module m\n// why\n// more\n//\n// para\nretract v1.0.0"),
        [r("v1.0.0", "v1.0.0", "why\nmore\n\npara")]
    );
    assert_eq!(rationales("module m\nretract v1.0.0 //"), [r("v1.0.0", "v1.0.0", "")]);
    assert_eq!(rationales("module m\n// r0\nretract v1.0.0 //"), [r("v1.0.0", "v1.0.0", "r0\n")]);
    assert_eq!(rationales("module m\nretract ( // r0\n\tv1.0.0\n)"), [r("v1.0.0", "v1.0.0", "")]);
    assert_eq!(
        rationales("module m\n// r4\nretract (\n\tv1.0.0\n\n\tv1.2.0\n)"),
        [r("v1.0.0", "v1.0.0", "r4"), r("v1.2.0", "v1.2.0", "")]
    );
    assert_eq!(rationales("module m\n// r4\nretract (\n\n\tv1.0.0\n)"), [r("v1.0.0", "v1.0.0", "r4")]);
    assert_eq!(rationales("module m\nretract [v1.2.0, v1.0.0]"), [r("v1.2.0", "v1.0.0", "")]);
    assert_eq!(rationales("module m\nretract [ v1.0.0 , v1.2.0 ]"), [r("v1.0.0", "v1.2.0", "")]);
    assert_eq!(rationales("module m\nretract [v1.0.0,v1.2.0]"), [r("v1.0.0", "v1.2.0", "")]);
    assert_eq!(rationales("module m\nretract \"v1.0.0\""), [r("v1.0.0", "v1.0.0", "")]);

    let cases = [
        ("retract", "expected '[' or version"),
        ("retract [", "expected version after '['"),
        ("retract [v1.0.0", "expected ',' after version"),
        ("retract [v1.0.0 v1.2.0]", "expected ',' after version"),
        ("retract [,", "expected ',' after version"),
        ("retract [v1.0.0,", "expected version after ','"),
        ("retract [v1.0.0,]", "expected ']' after version"),
        ("retract [v1.0.0, v1.2.0", "expected ']' after version"),
        ("retract [v1.0.0, v1.1.0] x", "unexpected token after version: \"x\""),
        ("retract [v1.0.0, v1.1.0]]", "unexpected token after version: \"]\""),
        ("retract v1.0.0 v1.2.0", "unexpected token after version: \"v1.2.0\""),
        ("retract ]", "module lookup disabled by GOPROXY=off"),
        ("retract v1.0", "module lookup disabled by GOPROXY=off"),
    ];
    for (line, want) in cases {
        assert_eq!(errors(&format!("module example.com/m\n{line}")), format!("go.mod:2: {want}"), "{line:?}");
    }
    assert_eq!(
        errors("module example.com/m/v2\nretract v1.0.0"),
        "go.mod:2: retract example.com/m/v2: version \"v1.0.0\" invalid: should be v2, not v1"
    );
}

#[test]
fn replacements() {
    let new = |line: &str| main_mod(&format!("module m\n{line}")).replaces.remove(0).new;
    let dir = |d: &str| Replacement::Dir(d.into());
    for d in ["./a", "../a", "/abs/a", ".", "..", "./", "../", "./a/../b", "C:/a", "C:a", "c:"] {
        assert_eq!(new(&format!("replace example.com/a => {d}")), dir(d), "{d}");
    }
    assert_eq!(new("replace example.com/a => \"./a b\""), dir("./a b"));
    assert_eq!(new("replace example.com/a v1.0.0 => ./a"), dir("./a"));
    assert_eq!(new("replace (\n\texample.com/b v1.0.0 => ./b // c\n)"), dir("./b"));
    assert_eq!(
        new("replace example.com/a v1.0.0 => example.com/b v1.2.0"),
        Replacement::Module(mv("example.com/b", "v1.2.0"))
    );
    assert_eq!(new("replace ./a => ./b"), dir("./b"));

    const NOT_DIR: &str = "replacement module without version must be directory path (rooted or starting with . or ..)";
    const WINDOWS: &str = "replacement directory appears to be Windows path (on a non-windows system)";
    let cases = [
        ("replace example.com/a => a", NOT_DIR.to_string()),
        ("replace example.com/a => .a", NOT_DIR.into()),
        ("replace example.com/a => 1:/a", NOT_DIR.into()),
        ("replace example.com/a => a\\b", NOT_DIR.into()),
        ("replace example.com/a v1.0.0 => example.com/b", NOT_DIR.into()),
        ("replace example.com/a => C:\\a", WINDOWS.into()),
        ("replace example.com/a => .\\a", WINDOWS.into()),
        ("replace example.com/a => ..\\a", WINDOWS.into()),
        ("replace example.com/a => \\a", WINDOWS.into()),
        ("replace example.com/a => ./a v1.0.0", "replacement module directory path \"./a\" cannot have version".into()),
        ("replace example.com/a", REPLACE_USAGE.into()),
        ("replace example.com/a =>", REPLACE_USAGE.into()),
        ("replace example.com/a => b c d", REPLACE_USAGE.into()),
        ("replace example.com/a -> ./a", REPLACE_USAGE.into()),
        ("replace example.com/a=>./a", REPLACE_USAGE.into()),
    ];
    for (line, want) in cases {
        assert_eq!(errors(&format!("module m\n{line}")), format!("go.mod:2: {want}"), "{line:?}");
    }
}

#[test]
fn empty_and_odd_blocks() {
    assert_eq!(main_mod("module (\nm\n)"), ModFile { module: Some("m".into()), ..ModFile::default() });
    for text in [
        "module m\nrequire ()",
        "module m\nrequire () // c",
        "module m\nrequire (\n)\ngo 1.21",
        "module m\ngodebug (\n)",
    ] {
        assert!(main_mod(text).requires.is_empty(), "{text:?}");
    }
    // Accepted by the parser; the go command rejects some of them later.
    for text in [
        "module m\ngo 1.21rc1",
        "module m\ngo 1.21a1",
        "module m\ngo 1.21.0rc1",
        "module m\ngo 2.0",
        "module m\ntoolchain default",
        "module m\ntoolchain go1",
        "module m\ntool example.com/a/cmd/x\ntool example.com/a/cmd/x",
        "module m\nignore ./a\nignore ./a",
        "module m\ngodebug (\n\tpanicnil=1\n\tpanicnil=0\n)",
        "module m\ngodebug panicnil=",
        "module m\ngodebug =1",
        "module m\r\ngo 1.21\r\n",
        "",
        "// c",
    ] {
        parse_go_mod("/abs/go.mod", text).unwrap_or_else(|e| panic!("{text:?}: {e:?}"));
    }
}

#[test]
fn dependency_go_mod_is_read_laxly() {
    // Unknown directives, and known ones a dependency's go.mod does not
    // decide, are skipped without a look at their arguments.
    for line in [
        "foo bar",
        "foo (\n a b c\n)",
        "foo \"\\q\"",
        "exclude example.com/x 1.0",
        "replace garbage",
        "godebug x",
        "godebug (\n x\n)",
        "toolchain 1.2 x",
        "tool a b",
        "retract v1 v2 v3",
        "retract (\n v1 v2 v3\n)",
        "exclude (\n a\n)",
    ] {
        let text = format!("module example.com/d\n\ngo 1.21\n{line}\n");
        parse_go_mod_lax("go.mod", &text).unwrap_or_else(|e| panic!("{line:?}: {e:?}"));
    }
    let m = parse_go_mod_lax("go.mod", "module example.com/d\nrequire example.com/y v1.0\n").unwrap();
    assert_eq!(m.requires, [req("example.com/y", "v1.0.0", false)]);
    let cases = [
        ("go 1.x", "go.mod:3: invalid go version '1.x': must match format 1.23.0"),
        ("go 1", "go.mod:3: invalid go version '1': must match format 1.23.0"),
        ("go 1.21 1.22", "go.mod:3: go directive expects exactly one argument"),
        (" go 1.x", "go.mod:3:2: invalid go version '1.x': must match format 1.23.0"),
        ("module example.com/other", "go.mod:3: repeated module statement"),
        ("ignore a b", "go.mod:3: ignore directive expects exactly one argument"),
        ("ignore (\n a b\n)", "go.mod:4:2: ignore directive expects exactly one argument"),
        ("ignore \"a\\q\"", "go.mod:3: invalid quoted string: invalid syntax"),
        ("require example.com/y", "go.mod:3: usage: require module/path v1.2.3"),
        ("require (\n x\n)", "go.mod:4:2: usage: require module/path v1.2.3"),
        ("require (\n\t\tx v1.0.0 y\n)", "go.mod:4:3: usage: require module/path v1.2.3"),
        ("require \"a\\q\" v1.0.0", "go.mod:3: invalid quoted string: invalid syntax"),
        (
            "require example.com/y 1.0",
            "go.mod:3: require example.com/y: version \"1.0\" invalid: must be of the form v1.2.3",
        ),
        ("require example.com/y/v1 v1.0.0", "go.mod:3: invalid module path"),
        (
            "require example.com/y/v2 v1.0.0",
            "go.mod:3: require example.com/y/v2: version \"v1.0.0\" invalid: should be v2, not v1",
        ),
        ("foo `x", "go.mod:3:7: unexpected newline in string"),
        ("go 1.21 /* x */", "go.mod:3:9: mod files must use // comments (not /* */ comments)"),
    ];
    for (line, want) in cases {
        assert_eq!(lax_errors(&format!("module example.com/d\n\n{line}\n")), want, "{line:?}");
    }
}

#[test]
fn go_work() {
    let w = parse_go_work(
        "/w/go.work",
        "go 1.21\n\ntoolchain go1.22.0\ngodebug panicnil=1\n\nuse ./a\nuse (\n\tb\n\t\"./c\" // comment\n)\n\nreplace example.com/x => ./x\nreplace example.com/y v1.0 => example.com/z v1.2.0\n",
    )
    .unwrap();
    let want = WorkFile {
        go: Some("1.21".into()),
        toolchain: Some("go1.22.0".into()),
        godebug: vec![("panicnil".into(), "1".into())],
        uses: vec![
            Use { dir: "./a".into(), line: 6 },
            Use { dir: "b".into(), line: 8 },
            Use { dir: "./c".into(), line: 9 },
        ],
        replaces: vec![
            Replace { old_path: "example.com/x".into(), old_version: None, new: Replacement::Dir("./x".into()) },
            Replace {
                old_path: "example.com/y".into(),
                old_version: Some("v1.0.0".into()),
                new: Replacement::Module(mv("example.com/z", "v1.2.0")),
            },
        ],
    };
    assert_eq!(w, want);
    assert_eq!(parse_go_work("/w/go.work", "use ./a\n").unwrap().go, None);
    // go.work versions are made canonical, not looked up.
    parse_go_work("/w/go.work", "go 1.21\nreplace example.com/x => example.com/y/v1 v1.0.0\n").unwrap();

    let cases = [
        ("go 1.21\nuse ./a ./b", "go.work:2: usage: use local/dir"),
        ("go 1.21\nuse", "go.work:2: usage: use local/dir"),
        ("go 1.21\nmodule m", "go.work:2: unknown directive: module"),
        ("go 1.21\nrequire example.com/x v1.0.0", "go.work:2: unknown directive: require"),
        ("go 1.21\nuse ./a\nexclude example.com/x v1.0.0", "go.work:3: unknown directive: exclude"),
        ("go 1.21\nuse ./a\nretract v1.0.0", "go.work:3: unknown directive: retract"),
        ("go 1.21\nuse ./a\ntool example.com/x", "go.work:3: unknown directive: tool"),
        ("go 1.21\nuse ./a\nignore ./x", "go.work:3: unknown directive: ignore"),
        ("go 1.21\nuse ./a\nfoo", "go.work:3: unknown directive: foo"),
        ("go (\n)", "go.work:1: unknown block type: go"),
        ("go 1.x\nuse ./a", "go.work:1: invalid go version '1.x': must match format 1.23.0"),
        ("go 1.21\nuse ./a\ngodebug x", "go.work:3: usage: godebug key=value"),
        (
            "go 1.21\nuse ./a\nreplace example.com/x => example.com/y",
            "go.work:3: replacement module without version must be directory path (rooted or starting with . or ..)",
        ),
        (
            "go 1.21\nreplace example.com/x 1.0 => ./x",
            "go.work:2: replace example.com/x: version \"1.0\" invalid: must be of the form v1.2.3",
        ),
        (
            "go 1.21\nreplace example.com/x/v2 v1.0.0 => ./x",
            "go.work:2: replace example.com/x/v2: version \"v1.0.0\" invalid: should be v2, not v1",
        ),
    ];
    for (text, want) in cases {
        assert_eq!(work_errors(text), want, "{text:?}");
    }
}

#[test]
fn work_load_checks() {
    let work = |text: &str| parse_go_work("/w/go.work", text).unwrap();
    let dir = Path::new("/tmp/w");
    assert_eq!(check_work(&work("go 1.21\nuse ./a\nuse ./b\n"), dir, "go.work"), Ok(()));
    let twice = "go: error loading go.work:\ngo.work:3: path /tmp/w/a appears multiple times in workspace";
    assert_eq!(check_work(&work("go 1.21\nuse ./a\nuse ./a\n"), dir, "go.work"), Err(twice.into()));
    let twice = "go: error loading go.work:\ngo.work:4: path /tmp/w/a appears multiple times in workspace";
    assert_eq!(check_work(&work("go 1.21\nuse a\nuse (\n\t./b/../a\n)\n"), dir, "go.work"), Err(twice.into()));
}

#[test]
fn main_module_load_checks() {
    let check = |text: &str| check_main_module(&main_mod(text), "../go.mod");
    let missing = "go: error reading ../go.mod: missing module declaration. To specify the module path:\n\tgo mod edit -module=example.com/mod";
    for text in ["", "// c", "go 1.21\n"] {
        assert_eq!(check(text), Err(missing.into()), "{text:?}");
    }
    let cases = [
        ("a b", "invalid char ' '"),
        ("a\\\"b", "invalid char '\"'"),
        ("", "empty string"),
        ("/a", "empty path element"),
        ("con", "\"con\" disallowed as path element component on Windows"),
    ];
    for (path, why) in cases {
        let shown = quote(&unquote(&format!("\"{path}\"")).unwrap());
        assert_eq!(
            check(&format!("module \"{path}\"")),
            Err(format!("go: malformed module path {shown}: {why}")),
            "{path}"
        );
    }
    assert_eq!(
        check("module m\nreplace a.com/x v1.0.0 => ./a\nreplace a.com/x v1.0.0 => ./a\nreplace a.com/x => ./b"),
        Ok(())
    );
    let conflicts = [
        ("a.com/x => ./a\nreplace a.com/x => ./b\nreplace a.com/x => ./c", "a.com/x:\n\t./a\n\t./b"),
        (
            "a.com/x => ./a\nreplace a.com/x v1.0.0 => ./b\nreplace a.com/x v1.0.0 => ./c",
            "a.com/x@v1.0.0:\n\t./b\n\t./c",
        ),
        ("a.com/x => \"./a\"\nreplace a.com/x => ./a/", "a.com/x:\n\t./a\n\t./a/"),
        (
            "a.com/x => a.com/b v1.0.0\nreplace a.com/x => a.com/c v1.0.0",
            "a.com/x:\n\ta.com/b@v1.0.0\n\ta.com/c@v1.0.0",
        ),
    ];
    for (lines, want) in conflicts {
        assert_eq!(
            check(&format!("module m\nreplace {lines}")),
            Err(format!("go: conflicting replacements for {want}"))
        );
    }
}

#[test]
fn rendering() {
    let errs = parse_go_mod("/abs/go.mod", "module m\nfoo\n  bar\n").unwrap_err();
    assert_eq!(
        errors_parsing("../go.mod", &errs),
        "go: errors parsing ../go.mod:\n../go.mod:2: unknown directive: foo\n../go.mod:3:3: unknown directive: bar"
    );
}

#[test]
fn short_paths() {
    let short = |p: &str, cwd: &str| short_path(Path::new(p), Path::new(cwd));
    let root = "/tmp/exp/m.yk8o";
    assert_eq!(short("/tmp/exp/m.yk8o/go.mod", root), "go.mod");
    assert_eq!(short("/tmp/exp/m.yk8o/go.mod", "/tmp/exp/m.yk8o/sub"), "../go.mod");
    // Relative only while shorter: five levels up is, six are not.
    assert_eq!(short("/tmp/exp/m.yk8o/go.mod", &format!("{root}/a/b/c/d/e")), "../../../../../go.mod");
    assert_eq!(short("/tmp/exp/m.yk8o/go.mod", &format!("{root}/a/b/c/d/e/f")), "/tmp/exp/m.yk8o/go.mod");
    assert_eq!(short("/a/go.mod", "/b"), "/a/go.mod");
    assert_eq!(short("/ab/cd/x/go.mod", "/ab/cd/y"), "../x/go.mod");
    assert_eq!(short("/tmp/x", "/tmp/x"), ".");
}
