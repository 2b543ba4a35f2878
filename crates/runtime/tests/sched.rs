//! Goroutines, channels, select, semaphores and sleep, driven from Rust:
//! each test runs as the main goroutine of its own thread, and goroutine
//! bodies are Rust functions with the signature of a generated thunk.

use std::cell::RefCell;
use std::hint::black_box;
use std::ptr::null_mut;

use runtime::chan::*;
use runtime::library::crypto::CryptoState;
use runtime::panic::{G, set_g};
use runtime::sched::{self, GSched};

/// Runs `f` as the main goroutine of a fresh scheduler on this thread.
#[inline(never)]
fn as_main(f: impl FnOnce()) {
    let marker = 0u8;
    let mut g = G {
        panic: null_mut(),
        defer: null_mut(),
        stack_top: black_box(&raw const marker) as usize,
        sig: 0,
        defer_pool: null_mut(),
        id: 1,
        sched: GSched::new(),
        crypto: CryptoState::new(),
    };
    let saved = set_g(&raw mut g);
    sched::init_main(&raw mut g);
    f();
    set_g(saved);
}

type Body = extern "C" fn(*mut u8, *mut usize);

fn go<T>(body: Body, args: *const T) {
    sched::deft_newproc(body as usize, args.cast_mut().cast());
}

fn make(cap: i64) -> *mut u8 {
    deft_makechan(8, cap, 1)
}

fn send(c: *mut u8, v: i64) {
    deft_chansend(c, (&raw const v).cast());
}

fn recv(c: *mut u8) -> (i64, bool) {
    let mut v = -1i64;
    // SAFETY: c is a channel of i64.
    let ok = unsafe { deft_chanrecv(c, (&raw mut v).cast()) };
    (v, ok)
}

/// Two channels: requests and replies.
struct Pair {
    a: *mut u8,
    b: *mut u8,
}

extern "C" fn echo_plus_one(args: *mut u8, _: *mut usize) {
    // SAFETY: args is a Pair.
    let p = unsafe { &*args.cast::<Pair>() };
    loop {
        let (v, ok) = recv(p.a);
        if !ok {
            return;
        }
        send(p.b, v + 1);
    }
}

#[test]
fn ping_pong_unbuffered() {
    as_main(|| {
        let p = Pair { a: make(0), b: make(0) };
        go(echo_plus_one, &raw const p);
        let mut v = 0;
        for _ in 0..1000 {
            send(p.a, v);
            v = recv(p.b).0;
        }
        assert_eq!(v, 1000);
        assert_eq!(sched::num_goroutine(), 2);
        deft_closechan(p.a);
        sched::gosched();
        assert_eq!(sched::num_goroutine(), 1);
    });
}

extern "C" fn send_ten(args: *mut u8, _: *mut usize) {
    for i in 0..10 {
        send(args, i);
    }
    deft_closechan(args);
}

#[test]
fn buffered_fifo_and_close() {
    as_main(|| {
        let c = make(3);
        // SAFETY: c is a channel.
        unsafe { assert_eq!((deft_chanlen(c), deft_chancap(c)), (0, 3)) };
        go(send_ten, c);
        sched::gosched();
        // The sender filled the buffer and waits.
        // SAFETY: c is a channel.
        unsafe { assert_eq!(deft_chanlen(c), 3) };
        let got: Vec<i64> = (0..10).map(|_| recv(c)).map(|(v, ok)| if ok { v } else { -1 }).collect();
        assert_eq!(got, (0..10).collect::<Vec<_>>());
        assert_eq!(recv(c), (0, false));
        assert_eq!(recv(c), (0, false));
        // SAFETY: null is the nil channel.
        unsafe { assert_eq!((deft_chanlen(null_mut()), deft_chancap(null_mut())), (0, 0)) };
    });
}

extern "C" fn recv_into(args: *mut u8, _: *mut usize) {
    // SAFETY: args is a (channel, result) pair.
    let r = unsafe { &mut *args.cast::<(*mut u8, (i64, bool))>() };
    r.1 = recv(r.0);
}

#[test]
fn close_wakes_blocked_receiver_with_zero() {
    as_main(|| {
        let mut r = (make(0), (7i64, true));
        go(recv_into, &raw mut r);
        sched::gosched();
        assert_eq!(r.1, (7, true), "receiver must still wait");
        deft_closechan(r.0);
        sched::gosched();
        assert_eq!(r.1, (0, false));
    });
}

#[test]
fn select_default_ready_and_blocking() {
    as_main(|| {
        let (a, b) = (make(1), make(1));
        let mut out = 0i64;
        let mut ok = false;
        let mut cases = [
            Scase { c: a, elem: (&raw mut out).cast(), kind: CASE_RECV },
            Scase { c: b, elem: (&raw mut out).cast(), kind: CASE_RECV },
            Scase { c: null_mut(), elem: null_mut(), kind: CASE_SEND },
        ];
        assert_eq!(deft_select(cases.as_mut_ptr(), 3, 0, &raw mut ok), -1);
        send(b, 42);
        assert_eq!(deft_select(cases.as_mut_ptr(), 3, 0, &raw mut ok), 1);
        assert_eq!((out, ok), (42, true));
        // A blocking select woken by a goroutine's send.
        let p = Pair { a: make(0), b: a };
        go(echo_plus_one, &raw const p);
        let v = 9i64;
        let mut both = [
            Scase { c: a, elem: (&raw mut out).cast(), kind: CASE_RECV },
            Scase { c: p.a, elem: (&raw const v).cast_mut().cast(), kind: CASE_SEND },
        ];
        assert_eq!(deft_select(both.as_mut_ptr(), 2, 1, &raw mut ok), 1);
        // (With both cases, the echo goroutine could take the send again.)
        assert_eq!(deft_select(both.as_mut_ptr(), 1, 1, &raw mut ok), 0);
        assert_eq!((out, ok), (10, true));
        // Closed: a receive case proceeds with ok false.
        deft_closechan(b);
        assert_eq!(deft_select(cases.as_mut_ptr(), 2, 1, &raw mut ok), 1);
        assert!(!ok);
    });
}

#[test]
fn select_chooses_randomly_among_ready_cases() {
    as_main(|| {
        let (a, b) = (make(1), make(1));
        let mut counts = [0; 2];
        let mut out = 0i64;
        let mut ok = false;
        for _ in 0..1000 {
            send(a, 1);
            send(b, 2);
            let mut cases = [
                Scase { c: a, elem: (&raw mut out).cast(), kind: CASE_RECV },
                Scase { c: b, elem: (&raw mut out).cast(), kind: CASE_RECV },
            ];
            let i = deft_select(cases.as_mut_ptr(), 2, 1, &raw mut ok);
            counts[i as usize] += 1;
            recv(if i == 0 { b } else { a });
        }
        assert!(counts[0] > 350 && counts[1] > 350, "{counts:?}");
    });
}

thread_local! {
    static LOG: RefCell<Vec<i64>> = const { RefCell::new(Vec::new()) };
    static ARRIVALS: RefCell<Vec<i64>> = const { RefCell::new(Vec::new()) };
}

struct SemaArgs {
    sema: *mut u32,
    id: i64,
}

extern "C" fn take_sema(args: *mut u8, _: *mut usize) {
    // SAFETY: args is a SemaArgs whose semaphore outlives the goroutine.
    unsafe {
        let a = &*args.cast::<SemaArgs>();
        ARRIVALS.with(|l| l.borrow_mut().push(a.id));
        sched::semacquire_mutex(a.sema);
        LOG.with(|l| l.borrow_mut().push(a.id));
    }
}

#[test]
fn semaphores_wake_waiters_in_order() {
    as_main(|| {
        let mut sema = 0u32;
        let args: Vec<SemaArgs> = (0..3).map(|id| SemaArgs { sema: &raw mut sema, id }).collect();
        for a in &args {
            go(take_sema, a);
        }
        sched::gosched();
        assert!(LOG.with(|l| l.borrow().is_empty()));
        // SAFETY: sema is live.
        unsafe {
            sched::semrelease(&raw mut sema);
            sched::semrelease(&raw mut sema);
        }
        sched::gosched();
        // The first two to wait are woken (they then run in the
        // scheduler's order, the last woken first).
        let arrivals = ARRIVALS.with(|l| l.borrow().clone());
        let mut woken = LOG.with(|l| l.borrow().clone());
        woken.sort();
        let mut first_two = arrivals[..2].to_vec();
        first_two.sort();
        assert_eq!(woken, first_two);
        // SAFETY: sema is live.
        unsafe { sched::semrelease(&raw mut sema) };
        sched::gosched();
        assert_eq!(LOG.with(|l| l.borrow().len()), 3);
        assert_eq!(LOG.with(|l| l.borrow()[2]), arrivals[2]);
        assert_eq!(sema, 0);
        assert_eq!(sched::num_goroutine(), 1);
    });
}

extern "C" fn sleeper(args: *mut u8, _: *mut usize) {
    let ms = args as i64;
    sched::sleep(ms * 1_000_000);
    LOG.with(|l| l.borrow_mut().push(ms));
}

#[test]
fn sleepers_wake_in_deadline_order() {
    // Deadlines 100 ms apart: sleepers whose deadlines pass in one stall of
    // the process wake together, and then the last made runnable runs first
    // (as with gc's one P), so close deadlines make a test that a loaded
    // machine breaks.
    as_main(|| {
        let start = std::time::Instant::now();
        for ms in [300usize, 100, 200, 100] {
            go(sleeper, ms as *const u8);
        }
        sched::sleep(450_000_000);
        assert_eq!(LOG.with(|l| l.borrow().clone()), [100, 100, 200, 300]);
        assert!(start.elapsed() >= std::time::Duration::from_millis(450));
    });
}

/// Runs scenario `name` of [`child_scenarios`] in a child process (this
/// test binary); returns its exit status and stderr.
fn run_child(name: &str) -> (Option<i32>, String) {
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "child_scenarios", "--nocapture", "--test-threads=1"])
        .env("DEFT_SCHED_CHILD", name)
        .output()
        .unwrap();
    (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
}

extern "C" fn select_no_cases(_: *mut u8, _: *mut usize) {
    deft_select(null_mut(), 0, 1, null_mut());
}

extern "C" fn recv_nil(_: *mut u8, _: *mut usize) {
    recv(null_mut());
}

/// The child-process half of the tests that end the process (does
/// nothing unless run by [`run_child`]).
#[test]
fn child_scenarios() {
    let Some(name) = std::env::var_os("DEFT_SCHED_CHILD") else { return };
    as_main(|| match name.to_str() {
        Some("deadlock") => {
            let c = make(0);
            go(send_ten, make(0));
            go(select_no_cases, null_mut::<u8>());
            go(recv_nil, null_mut::<u8>());
            recv(c);
        }
        Some("traced") => {
            register_traced();
            spawn_traced();
            recv(null_mut());
        }
        Some("panic") => {
            register_traced();
            let f: extern "C" fn(usize, *mut u8) = black_box(sched::deft_newproc);
            f(panicking_body as *const () as usize, null_mut());
            recv(null_mut());
        }
        Some("select_send_closed") => {
            let c = make(1);
            deft_closechan(c);
            let v = 1i64;
            let mut cases = [Scase { c, elem: (&raw const v).cast_mut().cast(), kind: CASE_SEND }];
            deft_select(cases.as_mut_ptr(), 1, 0, null_mut());
        }
        Some("blocked_sender_closed") => {
            let c = make(0);
            go(close_it, c);
            send(c, 1);
        }
        Some("makechan_negative") => {
            make(-1);
        }
        Some("close_twice") => {
            let c = make(0);
            deft_closechan(c);
            deft_closechan(c);
        }
        Some("main_goexit") => {
            go(count_up, Box::into_raw(Box::new(0u64)));
            runtime::panic::deft_goexit();
        }
        Some("main_goexit_blocked") => {
            go(recv_nil, null_mut::<u8>());
            runtime::panic::deft_goexit();
        }
        _ => {}
    });
}

#[test]
fn deadlock_is_reported() {
    let (code, err) = run_child("deadlock");
    assert_eq!(code, Some(2));
    assert_eq!(
        err,
        "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive]:\n\n\
         goroutine 5 [chan send]:\n\ngoroutine 6 [select (no cases)]:\n\ngoroutine 7 [chan receive (nil chan)]:\n"
    );
}

/// A goroutine body that blocks on a nil channel; registered as Go
/// function `main.worker` by [`register_traced`].
#[inline(never)]
extern "C" fn traced_body(_: *mut u8, _: *mut usize) {
    let f: unsafe extern "C" fn(*mut u8, *mut u8) -> bool = black_box(deft_chanrecv);
    // SAFETY: nil channel, no element.
    unsafe { f(null_mut(), null_mut()) };
}

/// A goroutine body that panics with nil; registered as `main.boom`.
#[inline(never)]
extern "C" fn panicking_body(_: *mut u8, _: *mut usize) {
    let f: extern "C" fn(usize, usize) -> ! = black_box(runtime::panic::deft_gopanic);
    f(0, 0);
}

/// Starts `traced_body`; registered as `main.main`.
#[inline(never)]
extern "C" fn spawn_traced() {
    let f: extern "C" fn(usize, *mut u8) = black_box(sched::deft_newproc);
    f(traced_body as *const () as usize, null_mut());
}

/// Funcdata for the two functions above (their first 128 bytes, which
/// hold the calls).
fn register_traced() {
    let info = |name: &str, start: usize, line: u32| runtime::frames::FuncInfo {
        name: name.into(),
        file: "/tmp/w.go".into(),
        has_params: false,
        start,
        end: start + 128,
        kind: runtime::frames::FrameKind::Go,
        wrapper: false,
        lines: vec![(0, line)],
        open_defers: None,
        landing_pads: Vec::new(),
        saved_regs: Vec::new(),
        inline: Default::default(),
        mark_base: 0,
    };
    runtime::frames::register(vec![
        info("main.worker", traced_body as *const () as usize, 7),
        info("main.main", spawn_traced as *const () as usize, 12),
        info("main.boom", panicking_body as *const () as usize, 3),
    ]);
}

#[test]
fn blocked_goroutine_traceback_has_frames_and_creator() {
    let (code, err) = run_child("traced");
    assert_eq!(code, Some(2));
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines[..5],
        [
            "fatal error: all goroutines are asleep - deadlock!",
            "",
            "goroutine 1 [chan receive (nil chan)]:",
            "",
            "goroutine 5 [chan receive (nil chan)]:"
        ],
        "{err}"
    );
    assert_eq!(lines[5], "main.worker()");
    assert!(lines[6].starts_with("\t/tmp/w.go:7 +0x"), "{err}");
    assert_eq!(lines[7], "created by main.main in goroutine 1");
    assert!(lines[8].starts_with("\t/tmp/w.go:12 +0x"), "{err}");
    assert_eq!(lines.len(), 9, "{err}");
}

#[test]
fn goroutine_panic_names_its_goroutine() {
    let (code, err) = run_child("panic");
    assert_eq!(code, Some(2));
    let lines: Vec<&str> = err.lines().collect();
    // The child panics with a nil value: a *runtime.PanicNilError since Go 1.21.
    assert_eq!(
        lines[..4],
        ["panic: runtime error: panic called with nil argument", "", "goroutine 5 [running]:", "main.boom()"],
        "{err}"
    );
    assert!(lines[4].starts_with("\t/tmp/w.go:3 +0x"), "{err}");
    assert_eq!(lines.len(), 5, "{err}");
}

extern "C" fn close_it(args: *mut u8, _: *mut usize) {
    deft_closechan(args);
}

#[test]
fn channel_misuse_panics() {
    for (scenario, text) in [
        ("select_send_closed", "send on closed channel"),
        ("blocked_sender_closed", "send on closed channel"),
        ("makechan_negative", "makechan: size out of range"),
        ("close_twice", "close of closed channel"),
    ] {
        let (code, err) = run_child(scenario);
        assert_eq!(code, Some(2), "{scenario}");
        assert_eq!(err, format!("panic: {text}\n\ngoroutine 1 [running]:\n"), "{scenario}");
    }
}

#[test]
fn main_goexit_waits_for_the_others() {
    let (code, err) = run_child("main_goexit");
    assert_eq!(
        (code, err.as_str()),
        (Some(2), "fatal error: no goroutines (main called runtime.Goexit) - deadlock!\n")
    );
    let (code, err) = run_child("main_goexit_blocked");
    assert_eq!(code, Some(2));
    assert_eq!(err, "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 5 [chan receive (nil chan)]:\n");
}

extern "C" fn exit_early(args: *mut u8, _: *mut usize) {
    count_up(args, null_mut());
    runtime::panic::deft_goexit();
}

#[test]
fn goexit_ends_only_its_goroutine() {
    as_main(|| {
        let mut n = 0u64;
        go(exit_early, &raw mut n);
        go(exit_early, &raw mut n);
        assert_eq!(sched::num_goroutine(), 3);
        sched::gosched();
        assert_eq!((n, sched::num_goroutine()), (2, 1));
    });
}

/// Hides an address from the conservative scan of the test's own frames.
const MASK: usize = 0x5555_0000_0000_0000;

/// A heap object that a goroutine holds only in its own frame while parked.
extern "C" fn hold_while_parked(args: *mut u8, _: *mut usize) {
    let c = args;
    let obj = black_box(runtime::alloc::deft_alloc(48, 8));
    // SAFETY: obj is a fresh 48-byte block.
    unsafe { obj.write_bytes(0x5a, 48) };
    send(c, obj as i64);
    recv(c);
    // SAFETY: obj is still ours.
    let bytes = unsafe { std::slice::from_raw_parts(black_box(obj), 48) };
    assert!(bytes.iter().all(|&b| b == 0x5a), "object freed while its goroutine was parked");
    send(c, 1);
}

#[test]
fn parked_goroutine_stack_is_a_root() {
    as_main(|| {
        let c = make(0);
        go(hold_while_parked, c);
        // Only the goroutine's frame keeps the object; the channel carries
        // its address as an integer, which the test keeps in Rust memory.
        let hidden = recv(c).0 as usize ^ MASK;
        runtime::gc::force_collection();
        let fresh: Vec<usize> = (0..10_000).map(|_| runtime::alloc::deft_alloc(48, 8) as usize).collect();
        assert!(!fresh.contains(&(hidden ^ MASK)), "a parked goroutine's object was reused");
        send(c, 0);
        recv(c);
    });
}

extern "C" fn check_args(args: *mut u8, _: *mut usize) {
    // SAFETY: args is the 64-byte block made by the test.
    let bytes = unsafe { std::slice::from_raw_parts(args, 64) };
    assert!(bytes.iter().all(|&b| b == 0x77), "argument block freed before the goroutine started");
    LOG.with(|l| l.borrow_mut().push(1));
}

/// Starts a `check_args` goroutine; returns its argument block's address
/// xor [`MASK`].
#[inline(never)]
fn start_check_args() -> usize {
    let args = runtime::alloc::deft_alloc(64, 8);
    // SAFETY: a fresh 64-byte block.
    unsafe { args.write_bytes(0x77, 64) };
    go(check_args, args);
    args as usize ^ MASK
}

#[test]
fn unstarted_goroutine_args_are_a_root() {
    as_main(|| {
        let hidden = start_check_args();
        runtime::gc::force_collection();
        let fresh: Vec<usize> = (0..10_000).map(|_| runtime::alloc::deft_alloc(64, 8) as usize).collect();
        assert!(!fresh.contains(&(hidden ^ MASK)), "an unstarted goroutine's arguments were reused");
        sched::gosched();
        assert_eq!(LOG.with(|l| l.borrow().clone()), [1]);
    });
}

extern "C" fn recurse(args: *mut u8, _: *mut usize) {
    fn depth(n: u64) -> u64 {
        let pad = black_box([n; 64]);
        if n == 0 { 0 } else { pad[3] + depth(n - 1) }
    }
    // SAFETY: args is an u64 result slot.
    unsafe { *args.cast::<u64>() = depth(100_000) };
}

#[test]
fn goroutine_stacks_grow_lazily_and_are_reused() {
    as_main(|| {
        let mut r = 0u64;
        go(recurse, &raw mut r);
        sched::gosched();
        assert_eq!(r, 100_000 * 100_001 / 2);
        let mut n = 0u64;
        for _ in 0..1000 {
            go(count_up, &raw mut n);
            sched::gosched();
        }
        assert_eq!(n, 1000);
    });
}

extern "C" fn count_up(args: *mut u8, _: *mut usize) {
    // SAFETY: args is a u64 counter.
    unsafe { *args.cast::<u64>() += 1 };
}
