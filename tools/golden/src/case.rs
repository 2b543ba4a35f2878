//! The corpus: which programs exist, and what each one's header asks for.
//!
//! Layout (`tests/go/` is the corpus root):
//!
//! ```text
//! tests/go/<area>/<name>.go        a single-file program
//! tests/go/<area>/<name>.golden    its expectation (see `expect`)
//! tests/go/<area>/<name>/*.go      a package main spread over several files,
//! tests/go/<area>/<name>.golden    run as `deft run <name>` (a directory)
//! ```
//!
//! Every program opens with a recipe in Go's own style (`test/run.go`): the
//! first line is `// run` (gc builds it; it is run) or `// errorcheck` (gc
//! rejects it; the expectation is gc's diagnostics). Comment lines directly
//! below it may add `// deft-flags: FLAGS`, build flags given identically to
//! `go build` and to `deft run`, e.g. `// deft-flags: -gcflags=-d=defer`.
//! Flags are split like a shell would split them (`'...'` and `"..."`).
//! For a directory, the recipe is read from its first file in name order.

use std::fs;
use std::path::{Path, PathBuf};

/// What the recipe line says gc does with the program.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recipe {
    /// `// run`: gc builds it, and it is run.
    Run,
    /// `// errorcheck`: gc rejects it with diagnostics.
    ErrorCheck,
}

/// One program of the corpus.
#[derive(Clone, Debug)]
pub struct Case {
    /// Path relative to the corpus root, with `/`: `defer/order.go`, `multi/initorder`.
    pub name: String,
    /// The directory both compilers are run from (the area directory).
    pub cwd: PathBuf,
    /// The operand given to `deft run`, relative to `cwd`: the file or directory name.
    pub operand: String,
    /// Whether `operand` names a directory.
    pub is_dir: bool,
    /// Base names of the program's `.go` files, sorted.
    pub files: Vec<String>,
    /// The recipe; `None` for a file outside the corpus that has none.
    pub recipe: Option<Recipe>,
    /// Extra build flags from `// deft-flags:`.
    pub flags: Vec<String>,
    /// Where the expectation lives.
    pub golden: PathBuf,
}

impl Case {
    /// Reads the case at `path` (a `.go` file or a directory of them).
    /// `name` is how reports call it.
    pub fn load(path: &Path, name: String) -> Result<Case, String> {
        let cwd = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let cwd = if cwd.as_os_str().is_empty() { PathBuf::from(".") } else { cwd };
        let operand = path
            .file_name()
            .and_then(|n| n.to_str())
            .ok_or_else(|| format!("{}: not a file name", path.display()))?
            .to_string();
        let is_dir = path.is_dir();
        let files = if is_dir { go_files(path)? } else { vec![operand.clone()] };
        let first = if is_dir { path.join(&files[0]) } else { path.to_path_buf() };
        let source = fs::read_to_string(&first).map_err(|e| format!("{}: {e}", first.display()))?;
        let (recipe, flags) = parse_header(&source).map_err(|e| format!("{}: {e}", first.display()))?;
        let golden = cwd.join(format!("{}.golden", operand.trim_end_matches(".go")));
        Ok(Case { name, cwd, operand, is_dir, files, recipe, flags, golden })
    }

    /// The directory holding the program's files.
    pub fn source_dir(&self) -> PathBuf {
        if self.is_dir { self.cwd.join(&self.operand) } else { self.cwd.clone() }
    }
}

/// The `.go` files of a directory, sorted by name.
fn go_files(dir: &Path) -> Result<Vec<String>, String> {
    let mut files: Vec<String> = fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n.ends_with(".go"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!("{}: no .go files", dir.display()));
    }
    Ok(files)
}

/// Parses the recipe and `// deft-flags:` lines at the top of a program.
pub fn parse_header(source: &str) -> Result<(Option<Recipe>, Vec<String>), String> {
    let mut lines = source.lines();
    let recipe = match lines.next().map(str::trim_end) {
        Some("// run") => Some(Recipe::Run),
        Some("// errorcheck") => Some(Recipe::ErrorCheck),
        _ => None,
    };
    let mut flags = Vec::new();
    if recipe.is_some() {
        for line in lines.take_while(|l| l.starts_with("//")) {
            if let Some(rest) = line.strip_prefix("// deft-flags:") {
                flags.extend(split_quoted(rest)?);
            }
        }
    }
    Ok((recipe, flags))
}

/// Splits a flag string into words, honouring `'...'` and `"..."` quoting.
pub fn split_quoted(s: &str) -> Result<Vec<String>, String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut quote: Option<char> = None;
    for c in s.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => word.push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                in_word = true;
            }
            (None, c) if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            (None, c) => {
                word.push(c);
                in_word = true;
            }
        }
    }
    if quote.is_some() {
        return Err(format!("unterminated quote in {s:?}"));
    }
    if in_word {
        words.push(word);
    }
    Ok(words)
}

/// Every case under the corpus root, sorted by name. A program without a
/// recipe line is an error: the corpus is data, and its recipe says what the
/// data means.
pub fn discover(root: &Path) -> Result<Vec<Case>, String> {
    let mut cases = Vec::new();
    let mut areas = sorted_entries(root)?;
    areas.retain(|p| p.is_dir());
    for area in areas {
        let area_name = file_name(&area);
        for entry in sorted_entries(&area)? {
            let base = file_name(&entry);
            let is_case = if entry.is_dir() { true } else { base.ends_with(".go") };
            if !is_case {
                continue;
            }
            let case = Case::load(&entry, format!("{area_name}/{base}"))?;
            if case.recipe.is_none() {
                return Err(format!("{}: first line must be `// run` or `// errorcheck`", case.name));
            }
            cases.push(case);
        }
    }
    Ok(cases)
}

fn sorted_entries(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut v: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    v.sort();
    Ok(v)
}

fn file_name(p: &Path) -> String {
    p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_with_flags() {
        let src = "// run\n// deft-flags: -gcflags='-N -d=defer'\n\npackage main\n";
        let (recipe, flags) = parse_header(src).unwrap();
        assert_eq!(recipe, Some(Recipe::Run));
        assert_eq!(flags, ["-gcflags=-N -d=defer"]);
    }

    #[test]
    fn header_missing() {
        assert_eq!(parse_header("package main\n").unwrap(), (None, vec![]));
        assert_eq!(parse_header("// errorcheck\npackage main\n").unwrap().0, Some(Recipe::ErrorCheck));
    }

    #[test]
    fn discovers_files_and_directories() {
        let tmp = crate::gc::TempDir::new("case-test").unwrap();
        let area = tmp.0.join("area");
        std::fs::create_dir_all(area.join("multi")).unwrap();
        std::fs::write(area.join("b.go"), "// errorcheck\n\npackage main\n").unwrap();
        std::fs::write(area.join("b.golden"), "").unwrap();
        std::fs::write(area.join("multi/z.go"), "package main\n").unwrap();
        std::fs::write(area.join("multi/a.go"), "// run\n// deft-flags: -gcflags=-N\n\npackage main\n").unwrap();
        let cases = discover(&tmp.0).unwrap();
        let names: Vec<&str> = cases.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["area/b.go", "area/multi"]);
        let multi = &cases[1];
        assert!(multi.is_dir);
        assert_eq!(multi.files, ["a.go", "z.go"]);
        assert_eq!(multi.flags, ["-gcflags=-N"]);
        assert_eq!(multi.golden, area.join("multi.golden"));
        assert_eq!(cases[0].recipe, Some(Recipe::ErrorCheck));
        std::fs::write(area.join("c.go"), "package main\n").unwrap();
        assert!(discover(&tmp.0).unwrap_err().contains("area/c.go"));
    }

    #[test]
    fn quoting() {
        assert_eq!(split_quoted(r#" a "b c" d'e' "#).unwrap(), ["a", "b c", "de"]);
        assert!(split_quoted("'x").is_err());
    }
}
