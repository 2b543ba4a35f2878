//! The program image of an executable built by `deft build`, and its
//! start-up.
//!
//! Under `deft run` the compiler hands the runtime everything about the
//! program in memory: the funcdata of each function ([`crate::frames::register`]),
//! the address ranges of the globals (the collector's roots), the GODEBUG
//! default, the entry glues. An executable has no compiler beside it, so
//! the compiler writes the same facts into the executable as data — one
//! [`Image`] with the addresses the linker fills in — and generated C `main`
//! calls [`deft_main`] with it, which registers them and runs the program
//! exactly as `deft run` does.
//!
//! Funcdata travel as one byte string ([`encode_funcs`]): the functions'
//! [`FuncInfo`]s with every code address replaced by an index into the
//! image's table of code addresses, which the linker relocates. Decoding
//! ([`decode_funcs`]) puts the addresses back.
//!
//! Invariant: the image is read once, before any Go code runs, and never
//! changes; a malformed image is a fatal error, never undefined behaviour
//! (every read is bounds-checked).

use crate::frames::{FrameKind, FuncInfo, InlineTree, InlinedCall, LandingPad, OpenDeferInfo, OpenDeferSite};

/// The first word of an [`Image`]: its format. A runtime library that does
/// not match the compiler that wrote the image refuses it.
pub const IMAGE_MAGIC: u64 = u64::from_le_bytes(*b"deftimg3");

/// What an executable tells the runtime about its program. The compiler
/// lays it out with `offset_of!` on this definition.
#[repr(C)]
pub struct Image {
    /// [`IMAGE_MAGIC`].
    pub magic: u64,
    /// The funcdata, as [`encode_funcs`] writes them.
    pub funcdata: *const u8,
    /// Its length in bytes.
    pub funcdata_len: usize,
    /// The code addresses the funcdata's indices refer to.
    pub code: *const usize,
    /// How many there are.
    pub code_len: usize,
    /// The globals: `[start, end)` address pairs.
    pub roots: *const usize,
    /// How many pairs.
    pub roots_len: usize,
    /// The GODEBUG default of the main module ([`crate::godebug::set_default`]).
    pub godebug: *const u8,
    /// Its length.
    pub godebug_len: usize,
    /// The entry trampoline ([`crate::entry::GoTrampoline`]).
    pub trampoline: usize,
    /// The text-method catcher ([`crate::entry::TextCatcher`]).
    pub catcher: usize,
    /// The program's `init`.
    pub init: usize,
    /// `main.main`.
    pub main: usize,
    /// With reflect, every type descriptor of the program (null without).
    pub typelinks: *const *const crate::abi::TypeDesc,
    /// How many.
    pub typelinks_len: usize,
}

/// The C `main` of an executable built by `deft build` calls this with its
/// arguments and its program's [`Image`]; registers the image and runs the
/// program as `deft run` does (`os.Args` is `argv`). Returns the exit
/// status when `main.main` returns; a panic, a fatal error or `os.Exit`
/// end the process without returning.
///
/// # Safety
/// `argv` holds `argc` C strings; `image` is the image the compiler wrote
/// for the code linked with this runtime.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn deft_main(argc: i32, argv: *const *const std::ffi::c_char, image: *const Image) -> i32 {
    // SAFETY: by the precondition.
    let (image, args) = unsafe { (&*image, c_args(argc, argv)) };
    if image.magic != IMAGE_MAGIC {
        crate::proc::throw("executable image from another version of deft");
    }
    // SAFETY: the compiler wrote these (pointer, length) pairs.
    let (funcdata, code, roots, godebug) = unsafe {
        (
            std::slice::from_raw_parts(image.funcdata, image.funcdata_len),
            std::slice::from_raw_parts(image.code, image.code_len),
            std::slice::from_raw_parts(image.roots, image.roots_len * 2),
            std::slice::from_raw_parts(image.godebug, image.godebug_len),
        )
    };
    let Some(funcs) = decode_funcs(funcdata, code) else {
        crate::proc::throw("malformed funcdata in executable image");
    };
    // As in the deft binary (Rust's start-up does it there): a write to a
    // closed pipe is an EPIPE error, not a fatal signal.
    crate::sys::ignore_sigpipe();
    crate::godebug::set_default(String::from_utf8_lossy(godebug).into_owned());
    crate::frames::register(funcs);
    let ranges: Vec<(usize, usize)> = roots.chunks_exact(2).map(|r| (r[0], r[1])).collect();
    crate::gc::register_roots(&ranges);
    if !image.typelinks.is_null() {
        // SAFETY: the compiler wrote the table of the program's descriptors.
        unsafe { crate::library::register_typelinks(image.typelinks, image.typelinks_len) };
    }
    crate::proc::set_args(args);
    // SAFETY: the glues and functions are the image's, their funcdata
    // registered above.
    unsafe { crate::entry::run_main(image.trampoline, image.catcher, image.init, image.main) }
}

/// `argv` as Rust strings (invalid UTF-8 replaced, as `deft run`'s
/// arguments cannot hold it either).
///
/// # Safety
/// As [`deft_main`].
unsafe fn c_args(argc: i32, argv: *const *const std::ffi::c_char) -> Vec<String> {
    (0..argc.max(0) as usize)
        // SAFETY: `argv` holds `argc` C strings.
        .map(|i| unsafe { std::ffi::CStr::from_ptr(*argv.add(i)) }.to_string_lossy().into_owned())
        .collect()
}

/// Encodes `funcs`, whose `start` and open-coded defer thunks are indices
/// into the image's code table rather than addresses, and whose `end` is
/// `start` plus the code size.
pub fn encode_funcs(funcs: &[FuncInfo]) -> Vec<u8> {
    let mut w = Writer(Vec::new());
    w.word(funcs.len() as u64);
    for f in funcs {
        w.str(&f.name);
        w.str(&f.file);
        w.word(f.start as u64);
        w.word((f.end - f.start) as u64);
        let kind = match f.kind {
            FrameKind::Go => 0,
            FrameKind::DeferThunk => 1,
            FrameKind::Glue => 2,
            FrameKind::Catch => 3,
        };
        w.word(kind | u64::from(f.has_params) << 8 | u64::from(f.wrapper) << 9);
        w.word(f.lines.len() as u64);
        for &(off, line) in &f.lines {
            w.word(u64::from(off) | u64::from(line) << 32);
        }
        match &f.open_defers {
            None => w.word(u64::MAX),
            Some(d) => {
                w.word(d.bits_off as u32 as u64);
                w.word(d.sites.len() as u64);
                for s in &d.sites {
                    w.word(s.args_off as u32 as u64);
                    w.word(s.thunk as u64);
                }
            }
        }
        w.word(f.landing_pads.len() as u64);
        for p in &f.landing_pads {
            w.word(u64::from(p.ret_off) | u64::from(p.sp_below_fp) << 32);
            w.word(u64::from(p.pad_off));
        }
        w.word(f.saved_regs.len() as u64);
        for &(reg, off) in &f.saved_regs {
            w.word(u64::from(reg) | u64::from(off as u32) << 32);
        }
        w.word(f.inline.calls.len() as u64);
        for c in &f.inline.calls {
            w.str(&c.name);
            w.str(&c.file);
            w.word(u64::from(c.parent) | u64::from(c.line) << 32);
        }
        w.word(f.inline.runs.len() as u64);
        for &(off, call) in &f.inline.runs {
            w.word(u64::from(off) | u64::from(call) << 32);
        }
    }
    w.0
}

/// Decodes what [`encode_funcs`] wrote, the indices resolved through
/// `code`; `None` if the bytes are not such an encoding.
pub fn decode_funcs(bytes: &[u8], code: &[usize]) -> Option<Vec<FuncInfo>> {
    let mut r = Reader(bytes);
    let addr = |i: u64| code.get(usize::try_from(i).ok()?).copied();
    let n = r.len()?;
    let mut funcs = Vec::with_capacity(n);
    for _ in 0..n {
        let name = r.str()?;
        let file = r.str()?;
        let start = addr(r.word()?)?;
        let end = start.checked_add(usize::try_from(r.word()?).ok()?)?;
        let flags = r.word()?;
        let kind = match flags & 0xff {
            0 => FrameKind::Go,
            1 => FrameKind::DeferThunk,
            2 => FrameKind::Glue,
            3 => FrameKind::Catch,
            _ => return None,
        };
        let lines = (0..r.len()?).map(|_| r.word().map(|w| (w as u32, (w >> 32) as u32))).collect::<Option<_>>()?;
        let open_defers = match r.word()? {
            u64::MAX => None,
            bits => {
                let sites = (0..r.len()?)
                    .map(|_| Some(OpenDeferSite { args_off: r.word()? as u32 as i32, thunk: addr(r.word()?)? }))
                    .collect::<Option<_>>()?;
                Some(OpenDeferInfo { bits_off: bits as u32 as i32, sites })
            }
        };
        let landing_pads = (0..r.len()?)
            .map(|_| {
                let (w, pad) = (r.word()?, r.word()?);
                Some(LandingPad { ret_off: w as u32, sp_below_fp: (w >> 32) as u32, pad_off: pad as u32 })
            })
            .collect::<Option<_>>()?;
        let saved_regs =
            (0..r.len()?).map(|_| r.word().map(|w| (w as u8, (w >> 32) as u32 as i32))).collect::<Option<_>>()?;
        let calls = (0..r.len()?)
            .map(|_| {
                let (name, file, w) = (r.str()?, r.str()?, r.word()?);
                Some(InlinedCall { name, file, parent: w as u32, line: (w >> 32) as u32 })
            })
            .collect::<Option<_>>()?;
        let runs = (0..r.len()?).map(|_| r.word().map(|w| (w as u32, (w >> 32) as u32))).collect::<Option<_>>()?;
        funcs.push(FuncInfo {
            name,
            file,
            has_params: flags & 1 << 8 != 0,
            start,
            end,
            kind,
            wrapper: flags & 1 << 9 != 0,
            lines,
            open_defers,
            landing_pads,
            saved_regs,
            inline: InlineTree { calls, runs },
            mark_base: 0,
        });
    }
    r.0.is_empty().then_some(funcs)
}

/// Little-endian words and length-prefixed strings.
struct Writer(Vec<u8>);

impl Writer {
    fn word(&mut self, w: u64) {
        self.0.extend_from_slice(&w.to_le_bytes());
    }

    fn str(&mut self, s: &str) {
        self.word(s.len() as u64);
        self.0.extend_from_slice(s.as_bytes());
    }
}

/// Reads what [`Writer`] wrote; every read is checked.
struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn bytes(&mut self, n: usize) -> Option<&[u8]> {
        let (head, rest) = self.0.split_at_checked(n)?;
        self.0 = rest;
        Some(head)
    }

    fn word(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.bytes(8)?.try_into().ok()?))
    }

    /// A count of items, each at least a word: no larger than what is left.
    fn len(&mut self) -> Option<usize> {
        let n = usize::try_from(self.word()?).ok()?;
        (n <= self.0.len() / 8).then_some(n)
    }

    fn str(&mut self) -> Option<String> {
        let n = usize::try_from(self.word()?).ok()?;
        String::from_utf8(self.bytes(n)?.to_vec()).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<FuncInfo> {
        vec![
            FuncInfo {
                name: "main.f".into(),
                file: "/tmp/x.go".into(),
                has_params: true,
                start: 1,
                end: 1 + 300,
                kind: FrameKind::Go,
                wrapper: false,
                lines: vec![(0, 3), (17, 4), (40, 0)],
                open_defers: Some(OpenDeferInfo {
                    bits_off: -9,
                    sites: vec![OpenDeferSite { args_off: -32, thunk: 0 }, OpenDeferSite { args_off: -48, thunk: 2 }],
                }),
                landing_pads: vec![LandingPad { ret_off: 20, sp_below_fp: 64, pad_off: 200 }],
                saved_regs: vec![(0, -16), (3, -24)],
                inline: InlineTree {
                    calls: vec![
                        InlinedCall { name: "main.g".into(), file: "/tmp/x.go".into(), parent: 0, line: 4 },
                        InlinedCall { name: "main.h".into(), file: "/tmp/y.go".into(), parent: 1, line: 9 },
                    ],
                    runs: vec![(17, 1), (20, 2), (30, 0)],
                },
                mark_base: 0,
            },
            FuncInfo {
                name: "deferthunk".into(),
                file: String::new(),
                has_params: false,
                start: 0,
                end: 12,
                kind: FrameKind::DeferThunk,
                wrapper: true,
                lines: Vec::new(),
                open_defers: None,
                landing_pads: Vec::new(),
                saved_regs: Vec::new(),
                inline: InlineTree::default(),
                mark_base: 0,
            },
        ]
    }

    #[test]
    fn funcdata_round_trip_with_addresses_resolved() {
        let code = [0x1000, 0x2000, 0x3000];
        let bytes = encode_funcs(&sample());
        let funcs = decode_funcs(&bytes, &code).expect("decodes");
        assert_eq!(funcs.len(), 2);
        let f = &funcs[0];
        assert_eq!((f.name.as_str(), f.file.as_str(), f.start, f.end), ("main.f", "/tmp/x.go", 0x2000, 0x2000 + 300));
        assert!(f.has_params && !f.wrapper && f.kind == FrameKind::Go);
        assert_eq!(f.lines, [(0, 3), (17, 4), (40, 0)]);
        let d = f.open_defers.as_ref().expect("open defers");
        assert_eq!(d.bits_off, -9);
        assert_eq!(d.sites.iter().map(|s| (s.args_off, s.thunk)).collect::<Vec<_>>(), [(-32, 0x1000), (-48, 0x3000)]);
        assert_eq!(f.landing_pads, [LandingPad { ret_off: 20, sp_below_fp: 64, pad_off: 200 }]);
        assert_eq!(f.saved_regs, [(0, -16), (3, -24)]);
        assert_eq!(f.inline, sample()[0].inline);
        let g = &funcs[1];
        assert!(g.kind == FrameKind::DeferThunk && g.wrapper && g.open_defers.is_none());
        assert_eq!((g.start, g.end), (0x1000, 0x1000 + 12));
    }

    #[test]
    fn malformed_funcdata_is_refused() {
        let bytes = encode_funcs(&sample());
        // Every truncation, an index past the code table, trailing bytes.
        for n in 0..bytes.len() {
            assert!(decode_funcs(&bytes[..n], &[1, 2, 3]).is_none(), "truncated to {n} bytes");
        }
        assert!(decode_funcs(&bytes, &[1, 2]).is_none(), "index 2 of a table of 2");
        let mut long = bytes.clone();
        long.push(0);
        assert!(decode_funcs(&long, &[1, 2, 3]).is_none(), "a trailing byte");
    }
}
