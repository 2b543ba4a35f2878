//! Embeds deft's standard library (the Go sources under `lib/` at the
//! repository root) into the binary: generates `stdlib.rs`, a table of
//! packages by import path, each with its `.go` files sorted by name.

use std::fmt::Write;
use std::path::{Path, PathBuf};

#[path = "src/load/libdir.rs"]
mod libdir;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../lib");
    println!("cargo:rerun-if-changed={}", root.display());
    let packages = libdir::packages(&root);
    let mut out = String::from("/// deft's standard library: (import path, [(file name, source)]).\n");
    out.push_str("pub static PACKAGES: &[(&str, &[(&str, &str)])] = &[\n");
    for (path, files) in &packages {
        let _ = writeln!(out, "    ({path:?}, &[");
        for file in files {
            let name = file.file_name().unwrap_or_default().to_string_lossy();
            let abs = file.canonicalize().unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            let _ = writeln!(out, "        ({name:?}, include_str!({:?})),", abs.display().to_string());
        }
        out.push_str("    ]),\n");
    }
    out.push_str("];\n");
    let dest = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR is set by cargo")).join("stdlib.rs");
    std::fs::write(&dest, out).unwrap_or_else(|e| panic!("{}: {e}", dest.display()));
}
