//! Load errors as the go command prints them.
//!
//! As in the go command, an error belongs to one package, and a package
//! has at most one (the first found): a package that cannot be found or
//! read carries its own error (shown at the position of the import that
//! first reached it), and an import its importer may not make (an
//! internal package, a program, a local path) is the importer's error.
//! Every package with an error is printed, in the order of a depth-first
//! post-order walk of the import graph from the program's package.
//!
//! Each error keeps the import stack that reached its package: the
//! shortest one, as the go command keeps it (a later, shorter chain
//! replaces it; among chains of one length, the smallest in string
//! order). An error is printed at its position alone when it has one,
//! except for a use of an internal package, which is always printed
//! after the chain; an error without a position follows the chain
//! (`package A\n\timports B: …`), and an import cycle's chain names the
//! file of each import.

/// One entry of an import stack: a package and the base name of the file
/// whose import reached it (none for the package named on the command
/// line).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StackEntry {
    /// The package's import path.
    pub pkg: String,
    /// The importing file's base name.
    pub from: Option<String>,
}

/// A package's load error, ready to print.
#[derive(Clone, Debug)]
pub struct PackageError {
    /// The chain of imports from the command line to where the error is.
    pub stack: Vec<StackEntry>,
    /// `file:line:col` of the import the error is about, if any.
    pub pos: Option<String>,
    /// The message.
    pub msg: String,
    /// Print the stack even with a position (internal packages).
    pub always_stack: bool,
    /// The error is an import cycle (its stack is kept as found).
    pub cycle: bool,
}

impl PackageError {
    /// An error at `pos` (printed there alone), reached by `stack`.
    pub fn at(stack: &[StackEntry], pos: Option<String>, msg: String) -> PackageError {
        PackageError { stack: stack.to_vec(), pos, msg, always_stack: false, cycle: false }
    }

    /// An error of the package itself (its files), printed after the
    /// chain `stack`, which ends with the package.
    pub fn of_package(stack: &[StackEntry], msg: String) -> PackageError {
        PackageError::at(stack, None, msg)
    }

    /// A use of internal package `path` at `pos` by the last package of
    /// `stack`.
    pub fn internal(stack: &[StackEntry], pos: String, path: &str) -> PackageError {
        let msg = format!("use of internal package {path} not allowed");
        PackageError { always_stack: true, ..PackageError::at(stack, Some(pos), msg) }
    }

    /// The import cycle `stack` closes (its last package is already on it).
    pub fn cycle(stack: &[StackEntry]) -> PackageError {
        PackageError { cycle: true, ..PackageError::of_package(stack, "import cycle not allowed".into()) }
    }

    /// Keeps `stack` (a new chain reaching the package) if it is shorter
    /// than the one kept, as the go command does; a cycle's stays.
    pub fn offer_stack(&mut self, stack: &[StackEntry]) {
        if self.cycle {
            return;
        }
        let shorter = match stack.len().cmp(&self.stack.len()) {
            std::cmp::Ordering::Equal => stack.iter().map(|e| &e.pkg).lt(self.stack.iter().map(|e| &e.pkg)),
            other => other.is_lt(),
        };
        if shorter {
            self.stack = stack.to_vec();
        }
    }

    /// The text, without a final newline.
    pub fn render(&self) -> String {
        if let Some(pos) = &self.pos
            && (self.stack.is_empty() || !self.always_stack)
        {
            return format!("{pos}: {}", self.msg);
        }
        if self.stack.is_empty() {
            return self.msg.clone();
        }
        let names: Vec<String> = self
            .stack
            .iter()
            .map(|e| match (&e.from, self.cycle) {
                (Some(file), true) => format!("{} from {file}", e.pkg),
                _ => e.pkg.clone(),
            })
            .collect();
        let pos = self.pos.as_ref().map(|p| format!("\n\t{p}")).unwrap_or_default();
        format!("package {}{pos}: {}", names.join("\n\timports "), self.msg)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stack(pkgs: &[&str]) -> Vec<StackEntry> {
        pkgs.iter().map(|p| StackEntry { pkg: p.to_string(), from: Some("x.go".into()) }).collect()
    }

    #[test]
    fn renders_as_the_go_command() {
        let s = stack(&["m", "m/a"]);
        assert_eq!(PackageError::at(&s, Some("a/a.go:3:8".into()), "bad".into()).render(), "a/a.go:3:8: bad");
        assert_eq!(PackageError::of_package(&s, "bad".into()).render(), "package m\n\timports m/a: bad");
        assert_eq!(
            PackageError::internal(&s, "a.go:1:2".into(), "m/internal").render(),
            "package m\n\timports m/a\n\ta.go:1:2: use of internal package m/internal not allowed"
        );
        assert_eq!(
            PackageError::cycle(&s).render(),
            "package m from x.go\n\timports m/a from x.go: import cycle not allowed"
        );
        assert_eq!(PackageError::at(&[], None, "bad".into()).render(), "bad");
    }

    #[test]
    fn keeps_the_shortest_stack() {
        let mut e = PackageError::of_package(&stack(&["m", "m/b", "m/x"]), "bad".into());
        e.offer_stack(&stack(&["m", "m/x", "m/y", "m/z"]));
        assert_eq!(e.stack.len(), 3);
        e.offer_stack(&stack(&["m", "m/a", "m/x"]));
        assert_eq!(e.stack[1].pkg, "m/a");
        e.offer_stack(&stack(&["m", "m/x"]));
        assert_eq!(e.stack.len(), 2);
    }
}
