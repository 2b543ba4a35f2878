//! Command-line parsing: `deft run|build|test|version|help`.
//!
//! Only syntax is decided here; nothing is read or run.

/// What the user asked for.
#[derive(Debug, PartialEq)]
pub enum Command {
    /// `deft run [flags] FILE.go...|DIR [args...]`.
    Run(RunOptions),
    /// `deft build [-o output] [build flags] [packages|files]`.
    Build(BuildOptions),
    /// `deft test [build flags] [packages] [test flags]`.
    Test(TestOptions),
    /// `deft version`.
    Version,
    /// `deft help`.
    Help,
}

/// Flags and operands of `deft run`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RunOptions {
    /// The `.go` files, or a single directory.
    pub inputs: Vec<String>,
    /// Arguments passed to the program (`os.Args[1:]`).
    pub program_args: Vec<String>,
    /// `-gcflags=-N`: no optimisation, hence no open-coded defers.
    pub no_opt: bool,
    /// `-gcflags=[PATTERN=]-d=defer`: report the strategy of each defer
    /// site of the packages PATTERN matches (`Some("")` without one: the
    /// package named on the command line).
    pub report_defers: Option<String>,
    /// `-tags=a,b`: extra build tags, as given.
    pub tags: String,
    /// `-ldflags='-X importpath.name=value ...'`: string variables' values,
    /// in the order given (a later one for the same name wins).
    pub link_strings: Vec<(String, String)>,
    /// `-gcflags=-e`: report every error, not only the first ten.
    pub all_errors: bool,
    /// `--check-only`: compile everything, run nothing.
    pub check_only: bool,
    /// `deft build`: a package other than main is checked and nothing is
    /// written (go build compiles it and discards the result), not refused.
    pub build_library: bool,
    /// `--dump-ir`: print the lowered IR to stdout instead of running.
    pub dump_ir: bool,
    /// `-gcflags=-lang=go1.N`: the language version of the user's package,
    /// instead of the one its go.mod gives (or deft's own).
    pub lang: Option<types::LangVersion>,
    /// `--package PATH=FILE,...`: packages given by their files rather
    /// than found by import path (Go's test directories: an import of
    /// `PATH` or `./PATH` names them).
    pub packages: Vec<(String, Vec<String>)>,
}

impl RunOptions {
    /// Whether only a main package may be named: `go run`'s rule, which
    /// checking (`--check-only`) and `deft build` do not follow.
    pub fn main_only(&self) -> bool {
        !self.check_only && !self.build_library
    }
}

/// Flags and operands of `deft build`.
#[derive(Debug, Default, PartialEq)]
pub struct BuildOptions {
    /// The build flags and operands (`.go` files, or one package; `.`
    /// when none is given); `program_args` unused.
    pub build: RunOptions,
    /// `-o`: the executable to write, or the directory to write it in
    /// (an existing directory, or a path ending in `/`); else the name the
    /// go command chooses, in the current directory.
    pub output: Option<String>,
}

/// Flags and operands of `deft test`.
#[derive(Debug, Default, PartialEq)]
pub struct TestOptions {
    /// The build flags (`inputs` and `program_args` unused).
    pub build: RunOptions,
    /// The packages to test; none: the package in the current directory
    /// (the go command's *local directory mode*, whose output differs).
    pub packages: Vec<String>,
    /// The test binary's arguments, as the go command passes them:
    /// `-test.paniconexit0 -test.timeout=10m0s` then the user's test
    /// flags as `-test.NAME=VALUE`, in the order given.
    pub test_args: Vec<String>,
    /// `-v`.
    pub verbose: bool,
    /// `-bench` was given (a passing package's output is then shown in
    /// package list mode too).
    pub bench: bool,
    /// `-list` was given (shows the output as `-v` does).
    pub list: bool,
    /// `-json`: the output as the go command's JSON events (the binary
    /// runs with `-test.v=test2json`).
    pub json: bool,
    /// `-c`: write the test binary instead of running it.
    pub compile_only: bool,
    /// `-o`: where `-c` writes the test binary (as `deft build -o`).
    pub output: Option<String>,
}

/// The test flags the go command passes on to the test binary: name and
/// whether it is a boolean flag (`-v`, not `-run X`).
const TEST_FLAGS: &[(&str, bool)] = &[
    ("bench", false),
    ("benchmem", true),
    ("benchtime", false),
    ("count", false),
    ("cpu", false),
    ("failfast", true),
    ("list", false),
    ("parallel", false),
    ("run", false),
    ("short", true),
    ("shuffle", false),
    ("skip", false),
    ("timeout", false),
    ("v", true),
];

/// The text of `deft help`.
pub const USAGE: &str = "\
deft compiles and runs Go programs.

Usage:

\tdeft run [flags] file.go... [arguments...]
\tdeft run [flags] dir [arguments...]
\tdeft test [build flags] [packages] [test flags]
\tdeft version
\tdeft help

Flags of run:

\t-gcflags='-N'        disable optimisations (no open-coded defers)
\t-gcflags='-d=defer'  print the strategy chosen for each defer statement
\t-gcflags='-e'        report all errors, not only the first ten
\t-ldflags='-X importpath.name=value'  set a string variable's value
\t-tags='a,b'          extra build tags
\t--check-only         compile but do not run (as go tool compile does)
\t--dump-ir            print the lowered IR

Flags of test (as go test's; build flags as run's):

\t-v -run RE -skip RE -bench RE -benchtime D|Nx -benchmem -count N
\t-timeout D -short -failfast -list RE -cpu N,... -json -shuffle off|on|N
\t-c -o FILE -args ARGS... (the rest of the line to the test binary)
";

/// Parses the arguments after the program name.
pub fn parse(args: &[String]) -> Result<Command, String> {
    match args.first().map(String::as_str) {
        None | Some("help" | "-h" | "--help") => Ok(Command::Help),
        Some("version") => Ok(Command::Version),
        Some("run") => parse_run(&args[1..]).map(Command::Run),
        Some("build") => parse_build(&args[1..]).map(Command::Build),
        Some("test") => parse_test(&args[1..]).map(Command::Test),
        Some(other) => Err(format!("unknown command \"{other}\"")),
    }
}

fn parse_run(args: &[String]) -> Result<RunOptions, String> {
    let mut opts = RunOptions::default();
    let mut rest = args.iter().peekable();
    while let Some(arg) = rest.next_if(|a| a.starts_with('-')) {
        let flag = arg.trim_start_matches('-');
        let (name, inline) = match flag.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (flag, None),
        };
        if BUILD_FLAGS.contains(&name) {
            let value =
                inline.or_else(|| rest.next().cloned()).ok_or_else(|| format!("flag needs an argument: -{name}"))?;
            apply_build_flag(name, &value, &mut opts)?;
        } else if flag == "check-only" {
            opts.check_only = true;
        } else if flag == "dump-ir" {
            opts.dump_ir = true;
        } else if flag == "package" {
            let value = rest.next().ok_or("flag needs an argument: --package")?;
            let (path, files) = value.split_once('=').ok_or("--package wants PATH=FILE[,FILE...]")?;
            opts.packages.push((path.to_string(), files.split(',').map(String::from).collect()));
        } else {
            return Err(format!("unknown flag {arg}"));
        }
    }
    // Operands: `.go` files, or one directory; everything after them goes to the program.
    while let Some(arg) = rest.next_if(|a| a.ends_with(".go")) {
        opts.inputs.push(arg.clone());
    }
    if opts.inputs.is_empty() {
        let dir = rest.next().ok_or("no go files listed")?;
        opts.inputs.push(dir.clone());
    }
    opts.program_args = rest.cloned().collect();
    Ok(opts)
}

/// Parses `deft build`'s words: flags, then operands (files or one
/// package), as `go build`.
fn parse_build(args: &[String]) -> Result<BuildOptions, String> {
    let mut opts = BuildOptions::default();
    opts.build.build_library = true;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        if !arg.starts_with('-') || arg == "-" {
            opts.build.inputs.push(arg.clone());
            continue;
        }
        let flag = arg.trim_start_matches('-');
        let (name, inline) = match flag.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (flag, None),
        };
        let value = inline.or_else(|| rest.next().cloned()).ok_or_else(|| format!("flag needs an argument: -{name}"));
        match name {
            "o" => opts.output = Some(value?),
            _ if BUILD_FLAGS.contains(&name) => apply_build_flag(name, &value?, &mut opts.build)?,
            _ => return Err(format!("flag provided but not defined: -{name}")),
        }
    }
    let files = opts.build.inputs.iter().filter(|i| i.ends_with(".go")).count();
    match opts.build.inputs.len() {
        0 => opts.build.inputs.push(".".to_string()),
        1 => {}
        n if files == n => {}
        _ => return Err("deft does not support building several packages yet".to_string()),
    }
    Ok(opts)
}

/// Parses `deft test`'s words as the go command does: build flags and
/// test flags in any order, anything else a package; test flags are
/// passed on to the test binary as `-test.NAME=VALUE`.
fn parse_test(args: &[String]) -> Result<TestOptions, String> {
    let mut opts = TestOptions::default();
    let mut timeout = "10m0s".to_string();
    let mut user = Vec::new();
    let mut passed = Vec::new();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        if !arg.starts_with('-') || arg == "-" {
            opts.packages.push(arg.clone());
            continue;
        }
        let flag = arg.trim_start_matches('-');
        let (name, inline) = match flag.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (flag, None),
        };
        let name = name.strip_prefix("test.").unwrap_or(name);
        if let Some(&(_, boolean)) = TEST_FLAGS.iter().find(|(n, _)| *n == name) {
            let value = match (inline, boolean) {
                (Some(v), _) => v,
                (None, true) => "true".to_string(),
                (None, false) => rest.next().cloned().ok_or_else(|| format!("flag needs an argument: -{name}"))?,
            };
            if boolean
                && !matches!(
                    value.as_str(),
                    "true" | "false" | "1" | "0" | "t" | "f" | "TRUE" | "FALSE" | "True" | "False"
                )
            {
                return Err(format!("invalid boolean value {value:?} for -{name}"));
            }
            match name {
                "v" => opts.verbose = value != "false",
                "bench" => opts.bench = true,
                "list" => opts.list = true,
                "timeout" => {
                    timeout = value;
                    continue;
                }
                _ => {}
            }
            user.push(format!("-test.{name}={value}"));
            continue;
        }
        let value = |inline: Option<String>, rest: &mut std::slice::Iter<String>| {
            inline.or_else(|| rest.next().cloned()).ok_or_else(|| format!("flag needs an argument: -{name}"))
        };
        match name {
            _ if BUILD_FLAGS.contains(&name) => apply_build_flag(name, &value(inline, &mut rest)?, &mut opts.build)?,
            "json" => opts.json = true,
            // How many packages are built and tested at once: deft tests
            // one after the other, as `-p=1` does.
            "p" => {
                let n = value(inline, &mut rest)?;
                match n.parse::<i64>() {
                    Err(_) => return Err(format!("invalid value {n:?} for flag -p: parse error")),
                    Ok(v) if v <= 0 => return Err(format!("-p must be a positive integer: {v}")),
                    Ok(_) => {}
                }
            }
            // The rest goes to the test binary as it is, after the test flags.
            "args" => {
                passed.extend(rest.by_ref().cloned());
                break;
            }
            "c" => opts.compile_only = inline.as_deref() != Some("false"),
            "o" => opts.output = Some(value(inline, &mut rest)?),
            "cover" | "coverprofile" | "fuzz" => {
                return Err(format!("deft does not support go test's -{name} yet"));
            }
            _ => return Err(format!("flag provided but not defined: -{name}")),
        }
    }
    opts.test_args = vec!["-test.paniconexit0".to_string(), format!("-test.timeout={timeout}")];
    opts.test_args.extend(user);
    if opts.json {
        opts.test_args.push("-test.v=test2json".to_string());
    }
    opts.test_args.extend(passed);
    Ok(opts)
}

/// The build flags run, build and test share, each taking a value.
const BUILD_FLAGS: &[&str] = &["gcflags", "ldflags", "tags"];

/// Applies build flag `name` (one of [`BUILD_FLAGS`]) with `value`.
fn apply_build_flag(name: &str, value: &str, opts: &mut RunOptions) -> Result<(), String> {
    match name {
        "gcflags" => apply_gcflags(value, opts),
        "ldflags" => apply_ldflags(value, opts),
        _ => {
            opts.tags = value.to_string();
            Ok(())
        }
    }
}

/// Applies the linker's flags of an `-ldflags` value (words split as the
/// go command splits them, quotes grouping): `-X importpath.name=value`
/// (or `-X=...`) sets a string variable; `-s` and `-w` (no symbol table,
/// no DWARF) change nothing a program can observe and are accepted.
fn apply_ldflags(value: &str, opts: &mut RunOptions) -> Result<(), String> {
    let words = split_quoted(value)?;
    let mut words = words.iter();
    while let Some(word) = words.next() {
        let flag = word.trim_start_matches('-');
        let setting = match flag.split_once('=') {
            Some(("X", v)) => v.to_string(),
            None if flag == "X" => words.next().cloned().ok_or("link: flag needs an argument: -X")?,
            _ if matches!(flag, "s" | "w" | "s=true" | "w=true") => continue,
            _ => return Err(format!("deft does not support -ldflags={word} yet")),
        };
        let (name, text) = setting
            .split_once('=')
            .filter(|(name, _)| name.contains('.'))
            .ok_or("link: -X flag requires argument of the form importpath.name=value")?;
        opts.link_strings.retain(|(n, _)| n != name);
        opts.link_strings.push((name.to_string(), text.to_string()));
    }
    Ok(())
}

/// Splits a flag value into words as the go command does
/// (`cmd/internal/quoted`): by spaces, a word quoted with `'` or `"`
/// taken whole (without its quotes).
fn split_quoted(value: &str) -> Result<Vec<String>, String> {
    let mut words = Vec::new();
    let mut rest = value.trim_start();
    while !rest.is_empty() {
        let word;
        match rest.chars().next() {
            Some(q @ ('\'' | '"')) => {
                let end = rest[1..].find(q).ok_or_else(|| format!("unterminated {q} string"))?;
                word = &rest[1..1 + end];
                rest = &rest[end + 2..];
            }
            _ => {
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                word = &rest[..end];
                rest = &rest[end..];
            }
        }
        words.push(word.to_string());
        rest = rest.trim_start();
    }
    Ok(words)
}

/// Applies gc's `-gcflags` value: space-separated flags, of which deft
/// understands `-N`, `-e`, `-d=defer` and `-lang=go1.N` and accepts
/// (ignores) `-l` and `-m`. A bad `-lang` is refused in gc's words.
fn apply_gcflags(value: &str, opts: &mut RunOptions) -> Result<(), String> {
    // `PATTERN=flags` applies the flags to the packages PATTERN matches
    // (only -d=defer is applied per package; the others apply to all).
    let (pattern, value) = match value.split_once('=') {
        Some((pattern, flags)) if !value.starts_with('-') => (pattern, flags),
        _ => ("", value),
    };
    for flag in value.split_whitespace() {
        match flag {
            "-N" => opts.no_opt = true,
            "-d=defer" => opts.report_defers = Some(pattern.to_string()),
            "-e" => opts.all_errors = true,
            "-l" | "-m" | "-m=1" | "-m=2" | "-B" => {}
            _ if flag.starts_with("-lang=") => {
                let value = &flag["-lang=".len()..];
                let v = types::LangVersion::parse_tag(value).ok_or_else(|| {
                    format!("compile: invalid value {value:?} for -lang: should be something like \"go1.12\"")
                })?;
                if v > types::LangVersion::CURRENT {
                    return Err(format!(
                        "compile: invalid value {value:?} for -lang: max known version is \"{}\"",
                        types::LangVersion::CURRENT
                    ));
                }
                opts.lang = Some(v);
            }
            other => return Err(format!("unsupported -gcflags flag {other}")),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str]) -> RunOptions {
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        match parse(&args) {
            Ok(Command::Run(opts)) => opts,
            other => panic!("want a run command, have {other:?}"),
        }
    }

    #[test]
    fn files_then_program_arguments() {
        let opts = run(&["run", "a.go", "b.go", "x", "y.go"]);
        assert_eq!(opts.inputs, ["a.go", "b.go"]);
        assert_eq!(opts.program_args, ["x", "y.go"]);
    }

    #[test]
    fn directory_operand() {
        let opts = run(&["run", "-gcflags=-N -d=defer", "./dir", "arg"]);
        assert!(opts.no_opt && opts.report_defers.as_deref() == Some(""));
        assert_eq!(opts.inputs, ["./dir"]);
        assert_eq!(opts.program_args, ["arg"]);
    }

    #[test]
    fn bad_usage_is_an_error() {
        assert!(parse(&["run".to_string()]).is_err());
        assert!(parse(&["frobnicate".to_string()]).is_err());
        assert!(parse(&["run".into(), "-gcflags=-Q".into(), "a.go".into()]).is_err());
        assert!(parse(&["run".into(), "-gcflags=-lang=1.20".into(), "a.go".into()]).is_err());
        assert!(parse(&["run".into(), "-gcflags=-lang=go1.99".into(), "a.go".into()]).is_err());
    }

    #[test]
    fn ldflags_set_strings_in_order() {
        let opts = run(&["run", "-ldflags", "-s -X main.a=1 -X=main.b='x' -X 'main.c=two words' -X main.a=3", "a.go"]);
        let want = [("main.b", "'x'"), ("main.c", "two words"), ("main.a", "3")];
        assert_eq!(opts.link_strings, want.map(|(n, v)| (n.to_string(), v.to_string())));
        for bad in ["-X main", "-X", "-X noname=1", "-linkmode=external", "-X 'main.a=1"] {
            assert!(parse(&["run".into(), format!("-ldflags={bad}"), "a.go".into()]).is_err(), "{bad}");
        }
    }

    #[test]
    fn explicit_packages() {
        let opts = run(&["run", "--package", "a=x/a.go,x/a2.go", "--package", "b=x/b.go", "x/main.go"]);
        assert_eq!(
            opts.packages,
            [("a".into(), vec!["x/a.go".into(), "x/a2.go".into()]), ("b".into(), vec!["x/b.go".into()])]
        );
        assert_eq!(opts.inputs, ["x/main.go"]);
    }

    #[test]
    fn test_flags() {
        let args: Vec<String> =
            ["test", "-v", "./p", "-run", "^TestX$", "-count=2", "-tags", "x"].iter().map(|s| s.to_string()).collect();
        let Ok(Command::Test(opts)) = parse(&args) else { panic!("want a test command") };
        assert_eq!(opts.packages, ["./p"]);
        assert!(opts.verbose && !opts.bench);
        assert_eq!(opts.build.tags, "x");
        assert_eq!(
            opts.test_args,
            ["-test.paniconexit0", "-test.timeout=10m0s", "-test.v=true", "-test.run=^TestX$", "-test.count=2"]
        );
        let args: Vec<String> = ["test", "-json", "-args", "-update", "x"].iter().map(|s| s.to_string()).collect();
        let Ok(Command::Test(opts)) = parse(&args) else { panic!("want a test command") };
        assert_eq!(opts.test_args[2..], ["-test.v=test2json", "-update", "x"]);
        assert!(parse(&["test".into(), "-frob".into()]).is_err());
        assert!(parse(&["test".into(), "-run".into()]).is_err());
    }

    #[test]
    fn json_cpu_shuffle_and_p() {
        let args: Vec<String> =
            ["test", "-json", "-v", "-cpu", "1,2", "-shuffle=on", "-p=1"].iter().map(|s| s.to_string()).collect();
        let Ok(Command::Test(opts)) = parse(&args) else { panic!("want a test command") };
        assert!(opts.json);
        assert_eq!(
            opts.test_args,
            [
                "-test.paniconexit0",
                "-test.timeout=10m0s",
                "-test.v=true",
                "-test.cpu=1,2",
                "-test.shuffle=on",
                "-test.v=test2json"
            ]
        );
        assert!(parse(&["test".into(), "-p=0".into()]).is_err());
        assert!(parse(&["test".into(), "-p".into(), "x".into()]).is_err());
    }

    #[test]
    fn build_flags_and_operands() {
        let args: Vec<String> =
            ["build", "-o", "bin/", "-gcflags=-N", "./cmd/x"].iter().map(|s| s.to_string()).collect();
        let Ok(Command::Build(opts)) = parse(&args) else { panic!("want a build command") };
        assert_eq!(opts.output.as_deref(), Some("bin/"));
        assert!(opts.build.no_opt);
        assert_eq!(opts.build.inputs, ["./cmd/x"]);
        let Ok(Command::Build(opts)) = parse(&["build".into()]) else { panic!("want a build command") };
        assert_eq!((opts.build.inputs, opts.output), (vec![".".to_string()], None));
        let files: Vec<String> = ["build", "a.go", "b.go"].iter().map(|s| s.to_string()).collect();
        assert!(matches!(parse(&files), Ok(Command::Build(_))));
        assert!(parse(&["build".into(), "./a".into(), "./b".into()]).is_err());
        assert!(parse(&["build".into(), "-o".into()]).is_err());
        assert!(parse(&["build".into(), "-frob".into()]).is_err());
    }

    #[test]
    fn test_binary_flags() {
        let args: Vec<String> = ["test", "-c", "-o", "x.test", "./p"].iter().map(|s| s.to_string()).collect();
        let Ok(Command::Test(opts)) = parse(&args) else { panic!("want a test command") };
        assert!(opts.compile_only);
        assert_eq!(opts.output.as_deref(), Some("x.test"));
        assert_eq!(opts.packages, ["./p"]);
    }

    #[test]
    fn language_version_flag() {
        let opts = run(&["run", "-gcflags=-e -lang=go1.20", "a.go"]);
        assert_eq!(opts.lang, Some(types::LangVersion::go1(20)));
    }
}
