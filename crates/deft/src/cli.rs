//! Command-line parsing: `deft run|version|help`.
//!
//! Only syntax is decided here; nothing is read or run.

/// What the user asked for.
#[derive(Debug, PartialEq)]
pub enum Command {
    /// `deft run [flags] FILE.go...|DIR [args...]`.
    Run(RunOptions),
    /// `deft version`.
    Version,
    /// `deft help`.
    Help,
}

/// Flags and operands of `deft run`.
#[derive(Debug, Default, PartialEq)]
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
    /// `-tags=a,b`: extra build tags.
    pub tags: Vec<String>,
    /// `-gcflags=-e`: report every error, not only the first ten.
    pub all_errors: bool,
    /// `--check-only`: compile everything, run nothing.
    pub check_only: bool,
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

/// The text of `deft help`.
pub const USAGE: &str = "\
deft compiles and runs Go programs.

Usage:

\tdeft run [flags] file.go... [arguments...]
\tdeft run [flags] dir [arguments...]
\tdeft version
\tdeft help

Flags of run:

\t-gcflags='-N'        disable optimisations (no open-coded defers)
\t-gcflags='-d=defer'  print the strategy chosen for each defer statement
\t-gcflags='-e'        report all errors, not only the first ten
\t--check-only         compile but do not run
\t--dump-ir            print the lowered IR
";

/// Parses the arguments after the program name.
pub fn parse(args: &[String]) -> Result<Command, String> {
    match args.first().map(String::as_str) {
        None | Some("help" | "-h" | "--help") => Ok(Command::Help),
        Some("version") => Ok(Command::Version),
        Some("run") => parse_run(&args[1..]).map(Command::Run),
        Some(other) => Err(format!("unknown command \"{other}\"")),
    }
}

fn parse_run(args: &[String]) -> Result<RunOptions, String> {
    let mut opts = RunOptions::default();
    let mut rest = args.iter().peekable();
    while let Some(arg) = rest.next_if(|a| a.starts_with('-')) {
        let flag = arg.trim_start_matches('-');
        if let Some(value) = flag.strip_prefix("gcflags=") {
            apply_gcflags(value, &mut opts)?;
        } else if flag == "gcflags" {
            let value = rest.next().ok_or("flag needs an argument: -gcflags")?;
            apply_gcflags(value, &mut opts)?;
        } else if let Some(value) = flag.strip_prefix("tags=") {
            opts.tags = value.split([',', ' ']).filter(|t| !t.is_empty()).map(String::from).collect();
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
    fn explicit_packages() {
        let opts = run(&["run", "--package", "a=x/a.go,x/a2.go", "--package", "b=x/b.go", "x/main.go"]);
        assert_eq!(
            opts.packages,
            [("a".into(), vec!["x/a.go".into(), "x/a2.go".into()]), ("b".into(), vec!["x/b.go".into()])]
        );
        assert_eq!(opts.inputs, ["x/main.go"]);
    }

    #[test]
    fn language_version_flag() {
        let opts = run(&["run", "-gcflags=-e -lang=go1.20", "a.go"]);
        assert_eq!(opts.lang, Some(types::LangVersion::go1(20)));
    }
}
