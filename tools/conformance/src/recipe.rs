//! A Go test file's recipe: its first comment says what to do with it.
//!
//! Parsing follows `test/run.go` of Go 1.19: the recipe is the text before
//! the first blank line, without a first line that holds `+build`, and
//! without its leading `//`; it is split into words like a shell would
//! (quotes and backslashes); the first word is the action (`run`,
//! `errorcheck`, `compile`, ...), then come run.go's own flags (`-0`, `-1`,
//! `-s`, `-t N`, `-goexperiment X`), then flags for the compiler or the go
//! command, then arguments for the program. Build constraints are looked
//! for in every line before `package` (see `constraint`).

use crate::constraint;

/// What the recipe asks for. The names are run.go's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// `run`: build, run, compare output with `X.out`.
    Run,
    /// `buildrun`: the same, built first.
    BuildRun,
    /// `runoutput`: run, then run the program it printed.
    RunOutput,
    /// `errorcheck` and `errorcheckwithauto`: compile, match `// ERROR` comments.
    ErrorCheck,
    /// `errorcheckoutput`: run, then error-check the program it printed.
    ErrorCheckOutput,
    /// `compile` and `build`: must compile.
    Compile,
    /// `compiledir`: the packages of the directory `X.dir` must compile,
    /// each in turn against those before it.
    CompileDir,
    /// `errorcheckdir`: compile the packages of `X.dir` in turn, match
    /// each one's `// ERROR` comments; the last must fail (`-0`: none may).
    ErrorCheckDir,
    /// `errorcheckandrundir`: `errorcheckdir` where no package may fail
    /// (`-1`: the one before the last must), then `rundir`.
    ErrorCheckAndRunDir,
    /// `rundir`: compile the packages of `X.dir` in turn, run the last,
    /// compare output with `X.out`.
    RunDir,
    /// `runindir`: `go run .` in a module made of `X.dir`, compare output.
    RunInDir,
    /// `builddir`: all the files of `X.dir` as one package main must build.
    BuildDir,
    /// `buildrundir`: the same, run, output compared with `X.out`.
    BuildRunDir,
    /// `asmcheck`: gc's generated assembly; meaningless for deft.
    AsmCheck,
    /// `skip`.
    Skip,
}

/// A parsed recipe.
#[derive(Clone, Debug)]
pub struct Recipe {
    /// What to do.
    pub action: Action,
    /// The action word as written (for reports).
    pub word: String,
    /// Whether compilation must fail (`errorcheck`, `-1`), per run.go.
    pub want_error: bool,
    /// `-goexperiment` values (deft has no experiments).
    pub goexperiment: Vec<String>,
    /// `-s`: each file of a directory is its own package.
    pub single_file_pkgs: bool,
    /// Flags for the compiler (`errorcheck`, `compile`) or the go command (`run`).
    pub flags: Vec<String>,
    /// Arguments for the program.
    pub args: Vec<String>,
}

/// The outcome of reading a test file's header.
#[derive(Clone, Debug)]
pub enum Header {
    /// A test to consider.
    Test(Recipe),
    /// Build constraints exclude linux/amd64/gc (or require cgo); the line says why.
    Excluded(String),
    /// The file has no usable recipe; the text says why.
    Malformed(String),
}

/// Reads the recipe and build constraints of a test file.
pub fn parse(src: &str) -> Header {
    if src.starts_with('\n') {
        return Header::Malformed("starts with newline".into());
    }
    let Some((action, _)) = src.split_once("\n\n") else {
        return Header::Malformed("no blank line ends the recipe".into());
    };
    let mut action = action;
    if let Some((first, rest)) = action.split_once('\n')
        && first.contains("+build")
    {
        action = rest;
    }
    let action = action.strip_prefix("//").unwrap_or(action);
    let header = src.split_once("\npackage").map_or(action, |(h, _)| h);
    for line in header.lines() {
        if line.starts_with("package ") {
            break;
        }
        if constraint::eval_line(line) == Some(false) {
            return Header::Excluded(line.to_string());
        }
    }
    let words = match split_quoted(action) {
        Ok(w) => w,
        Err(e) => return Header::Malformed(format!("invalid recipe: {e}")),
    };
    let Some((word, mut rest)) = words.split_first().map(|(w, r)| (w.clone(), r.to_vec())) else {
        return Header::Malformed("empty recipe".into());
    };
    let (action, mut want_error) = match word.as_str() {
        "run" => (Action::Run, false),
        "buildrun" => (Action::BuildRun, false),
        "runoutput" => (Action::RunOutput, false),
        "errorcheck" | "errorcheckwithauto" => (Action::ErrorCheck, true),
        "errorcheckoutput" => (Action::ErrorCheckOutput, true),
        "compile" | "build" => (Action::Compile, false),
        "compiledir" => (Action::CompileDir, false),
        "errorcheckdir" => (Action::ErrorCheckDir, true),
        "errorcheckandrundir" => (Action::ErrorCheckAndRunDir, false),
        "rundir" => (Action::RunDir, false),
        "runindir" => (Action::RunInDir, false),
        "builddir" => (Action::BuildDir, false),
        "buildrundir" => (Action::BuildRunDir, false),
        "asmcheck" => (Action::AsmCheck, false),
        "skip" => (Action::Skip, false),
        other => return Header::Malformed(format!("unknown recipe {other:?}")),
    };
    let mut recipe = Recipe {
        action,
        word,
        want_error,
        goexperiment: Vec::new(),
        single_file_pkgs: false,
        flags: Vec::new(),
        args: Vec::new(),
    };
    while rest.first().is_some_and(|a| a.starts_with('-')) {
        let flag = rest.remove(0);
        match flag.as_str() {
            "-1" => want_error = true,
            "-0" => want_error = false,
            "-s" => recipe.single_file_pkgs = true,
            "-t" => {
                if !rest.is_empty() {
                    rest.remove(0);
                }
            }
            "-goexperiment" => {
                if !rest.is_empty() {
                    recipe.goexperiment.push(rest.remove(0));
                }
            }
            _ => recipe.flags.push(flag),
        }
    }
    recipe.want_error = want_error;
    recipe.args = rest;
    Header::Test(recipe)
}

/// run.go's `splitQuoted`: words separated by white space; `'...'` and
/// `"..."` quote; a backslash escapes the next character.
pub fn split_quoted(s: &str) -> Result<Vec<String>, String> {
    let mut args = Vec::new();
    let mut arg = String::new();
    let (mut escaped, mut quoted) = (false, false);
    let mut quote: Option<char> = None;
    for c in s.chars() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
            continue;
        } else if let Some(q) = quote {
            if c == q {
                quote = None;
                continue;
            }
        } else if c == '"' || c == '\'' {
            quoted = true;
            quote = Some(c);
            continue;
        } else if c.is_whitespace() {
            if quoted || !arg.is_empty() {
                quoted = false;
                args.push(std::mem::take(&mut arg));
            }
            continue;
        }
        arg.push(c);
    }
    if quoted || !arg.is_empty() {
        args.push(arg);
    }
    if quote.is_some() {
        return Err("unclosed quote".into());
    }
    if escaped {
        return Err("unfinished escaping".into());
    }
    Ok(args)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn recipe(src: &str) -> Recipe {
        match parse(src) {
            Header::Test(r) => r,
            other => panic!("want a test, have {other:?}"),
        }
    }

    #[test]
    fn plain_run() {
        let r = recipe("// run\n\n// Copyright\n\npackage main\n");
        assert_eq!((r.action, r.want_error), (Action::Run, false));
        assert!(r.flags.is_empty() && r.args.is_empty());
    }

    #[test]
    fn errorcheck_with_flags() {
        let r = recipe("// errorcheck -0 -l -d=defer\n\n// Copyright\n\npackage main\n");
        assert_eq!((r.action, r.want_error), (Action::ErrorCheck, false));
        assert_eq!(r.flags, ["-l", "-d=defer"]);
    }

    #[test]
    fn run_with_gcflags_and_args() {
        let r = recipe("// run -gcflags=\"-l -N\" arg1 'two words'\n\npackage main\n");
        assert_eq!(r.flags, ["-gcflags=-l -N"]);
        assert_eq!(r.args, ["arg1", "two words"]);
    }

    #[test]
    fn constraints_and_plus_build_first_line() {
        let src = "// +build amd64\n// run\n\npackage main\n";
        assert_eq!(recipe(src).action, Action::Run);
        let src = "// run\n\n//go:build cgo\n\npackage main\n";
        assert!(matches!(parse(src), Header::Excluded(l) if l == "//go:build cgo"));
    }

    #[test]
    fn directory_recipes() {
        let r = recipe("// errorcheckdir -s\n\npackage ignored\n");
        assert_eq!((r.action, r.want_error, r.single_file_pkgs), (Action::ErrorCheckDir, true, true));
        let r = recipe("// errorcheckandrundir -1\n\npackage ignored\n");
        assert_eq!((r.action, r.want_error), (Action::ErrorCheckAndRunDir, true));
        let r = recipe("// rundir -ldflags -strictdups=2 -w=0\n\npackage ignored\n");
        assert_eq!(r.action, Action::RunDir);
        assert_eq!(r.flags, ["-ldflags", "-strictdups=2", "-w=0"]);
        assert_eq!(recipe("// buildrundir\n\npackage ignored\n").action, Action::BuildRunDir);
    }

    #[test]
    fn malformed() {
        assert!(matches!(parse("\n// run\n\npackage main"), Header::Malformed(_)));
        assert!(matches!(parse("// run\npackage main"), Header::Malformed(_)));
        assert!(matches!(parse("// frobnicate\n\npackage main"), Header::Malformed(_)));
    }

    #[test]
    fn quoting() {
        assert_eq!(split_quoted(r#"a "b c" d\ e ''"#).unwrap(), ["a", "b c", "d e", ""]);
        assert!(split_quoted("'x").is_err());
    }
}
