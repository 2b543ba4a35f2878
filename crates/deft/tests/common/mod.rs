//! What the integration tests that compare deft with the go command share:
//! writing a project's files, and the go command set up as the reference
//! (gc 1.27.3 on PATH, isolated from the user's settings).

use std::path::Path;
use std::process::Command;

/// Writes `text` to `rel` under `dir`, creating its directories.
pub fn write(dir: &Path, rel: &str, text: &str) {
    let path = dir.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// The go command in `dir`, with its build cache in `gocache` and none of
/// the user's environment file, flags or proxy.
pub fn go(dir: &Path, gocache: &Path) -> Command {
    let mut cmd = Command::new("go");
    cmd.current_dir(dir)
        .env("GOTOOLCHAIN", "local")
        .env("GOENV", "off")
        .env("GOFLAGS", "")
        .env("GOPROXY", "off")
        .env("GOCACHE", gocache);
    cmd
}
