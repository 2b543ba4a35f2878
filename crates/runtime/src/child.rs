//! Running the program in a child process whose standard output and
//! standard error go to one pipe, as the go command runs a test binary:
//! `deft test` compiles in its own process, forks, runs the compiled
//! program in the child (which ends by `os.Exit`, a panic or a fatal
//! error, never returning to the driver), and reads what it printed to
//! add its verdict after it (`ok`, `FAIL`, `exit status 2`).
//!
//! Forking is sound here because the process has one thread when it
//! forks: compilation is single-threaded and the runtime starts its
//! preemption monitor only when the program runs (in the child).

unsafe extern "C" {
    fn fork() -> i32;
    fn pipe(fds: *mut i32) -> i32;
    fn dup2(old: i32, new: i32) -> i32;
    fn close(fd: i32) -> i32;
    fn waitpid(pid: i32, status: *mut i32, options: i32) -> i32;
}

/// A child process started by [`spawn`].
pub struct Child {
    pid: i32,
    out: i32,
}

/// How a child ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// It exited with this status.
    Code(i32),
    /// A signal killed it.
    Signal(i32),
}

/// Forks; the child runs `body` with fds 1 and 2 both the write end of a
/// pipe and exits with the status `body` returns. The parent gets the
/// read end. Precondition: the process has one thread; Rust's standard
/// output holds nothing unwritten.
pub fn spawn(body: impl FnOnce() -> i32) -> Result<Child, String> {
    let mut fds = [0i32; 2];
    // SAFETY: `fds` has room for the two descriptors.
    if unsafe { pipe(fds.as_mut_ptr()) } != 0 {
        return Err(format!("pipe: {}", std::io::Error::last_os_error()));
    }
    // SAFETY: the process has one thread (the precondition), so the child
    // inherits no lock held by another thread.
    let pid = unsafe { fork() };
    if pid < 0 {
        return Err(format!("fork: {}", std::io::Error::last_os_error()));
    }
    if pid == 0 {
        // SAFETY: descriptors of this process.
        unsafe {
            dup2(fds[1], 1);
            dup2(fds[1], 2);
            close(fds[0]);
            close(fds[1]);
        }
        let code = body();
        crate::proc::exit(code);
    }
    // SAFETY: the write end is the child's now.
    unsafe { close(fds[1]) };
    Ok(Child { pid, out: fds[0] })
}

impl Child {
    /// Reads what the child printed into `buf`; 0 once it closed its end
    /// (it ended), negative on an error.
    pub fn read(&self, buf: &mut [u8]) -> isize {
        crate::sys::read_some(self.out, buf)
    }

    /// Waits for the child to end.
    pub fn wait(self) -> Exit {
        let mut status = 0i32;
        loop {
            // SAFETY: `pid` is our child; `status` is writable.
            let r = unsafe { waitpid(self.pid, &mut status, 0) };
            if r == self.pid {
                break;
            }
            if r < 0 && std::io::Error::last_os_error().raw_os_error() != Some(4) {
                break;
            }
        }
        // SAFETY: our descriptor, no longer read.
        unsafe { close(self.out) };
        if status & 0x7f == 0 { Exit::Code((status >> 8) & 0xff) } else { Exit::Signal(status & 0x7f) }
    }
}
