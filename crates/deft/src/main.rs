//! `deft`: the command-line driver.
//!
//! Parses the command line, reads the source files, runs the pipeline
//! (syntax → types → lower → codegen) and then the program. This is the only
//! crate that touches the file system or the process's exit status; every
//! stage below it takes text and returns values.
//!
//! Exit status is Go's: 0 on success, 1 for usage and compile errors (printed
//! as `file.go:L:C: message`), 2 for an unrecovered panic or fatal runtime
//! error, or the program's own `os.Exit` code.

mod buildtags;
mod cache;
mod cli;
mod driver;
mod gostd;
mod gotest;
mod link;
mod load;
mod modfile;
mod phases;
mod pkgcache;
mod pkgkey;
mod progcache;
mod test2json;
mod testmain;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let status = match cli::parse(&args) {
        Ok(cmd) => driver::execute(cmd),
        Err(msg) => {
            eprintln!("deft: {msg}\nRun 'deft help' for usage.");
            2
        }
    };
    ExitCode::from(status.clamp(0, 255) as u8)
}
