//! The garbage-collected heap: a non-moving, stop-the-world, conservative
//! mark-sweep collector in the spirit of gc's.
//!
//! # Design
//!
//! * **Arena.** Each thread's heap lives in one contiguous reservation of
//!   address space ([`ARENA_RESERVE`], mapped `MAP_NORESERVE`, so untouched
//!   pages cost nothing), reserved on the thread's first allocation. Pages
//!   ([`PAGE`], 8 KiB like gc) are handed out from the bottom; "does this
//!   word point into the heap" is one range compare, and a page map (page →
//!   span) finds the span.
//! * **Spans.** Small objects (≤ [`MAX_SMALL`] bytes) are rounded up to one
//!   of gc 1.19's size classes and live in spans of one class: a run of
//!   pages cut into equal slots, with an allocation bitmap and a mark
//!   bitmap. Each class has two kinds of span, *scan* and *noscan*:
//!   objects allocated with the noscan flag (string bytes, `[]byte`,
//!   numeric arrays: no pointers) go to noscan spans and are never scanned.
//!   Larger objects get a span of their own.
//! * **Allocation** takes the next free slot of the class's current span
//!   (a bitmap search from a hint); when it is full, a partially free span
//!   of the class from the last sweep, else a fresh span. Free page runs are
//!   kept coalesced; fresh pages come from the untouched top of the arena.
//! * **Zeroing.** Pages from the top of the arena are zero (fresh mapping).
//!   A span that has had objects freed (`needzero`) zeroes each slot when
//!   it hands it out, and reused page runs are zeroed when a span is made
//!   of them, so every allocation returns zeroed memory.
//! * **Marking** is conservative: every aligned word of a root range or of
//!   a scanned object that points into an allocated object (interior
//!   pointers included) marks that object; marked scan objects are pushed on
//!   a worklist (ranges, so a large object is one entry).
//! * **Sweeping** is done eagerly at the end of a cycle: for each span the
//!   mark bits become the allocation bits (as gc does), empty spans return
//!   their pages, and spans with free slots join their class's partial list.
//! * **Stress mode** (`DEFT_GCSTRESS=1`) collects before every allocation
//!   and fills every object found dead with `0xdb` bytes, so that an object
//!   freed while still in use (a missing root) shows up at once. A
//!   collection costs time in proportion to the words it scans (stack,
//!   globals, live objects), so a program with a deep stack or a big live
//!   heap would take quadratic time: when a stress collection scans more
//!   than [`STRESS_WORK_BUDGET`] words (counting a cache miss per object
//!   marked), the next one comes after `work / budget` more allocations,
//!   which keeps the stress work per allocation within the budget. Programs that stay under it (every
//!   golden test) collect at every allocation; `DEFT_GCSTRESS=every`
//!   removes the bound.
//! * **Finalizers** (`runtime.SetFinalizer`) are kept by object address;
//!   their functions are roots, their objects are not. After the marking
//!   from the roots, whatever a finalizable object points to is marked
//!   (so of A → B only A's finalizer runs first, as in gc); the
//!   finalizable objects still unmarked are then marked (they survive this
//!   cycle) and their finalizers queued, to run on a goroutine of the
//!   scheduler's at its next scheduling point. Being conservative, the
//!   collector may find an object reachable longer than gc would.
//! * **Weak pointers** (`weak.Make`) are handles: a noscan heap word
//!   holding the pointer, one per pointer (so that two weak pointers made
//!   from one pointer are equal), kept by target address. Once the
//!   finalizable objects' contents are marked, a handle whose target is
//!   still unmarked is cleared to 0 (before a finalizer brings its object
//!   back for one more cycle: gc's rule) and forgotten; a handle that is
//!   itself unmarked at the end of the mark is forgotten (nobody can ask
//!   it any more). A pointer outside the heap has a handle never cleared
//!   (Rust memory, like gc's immortal weak handles).
//! * **Pacing** follows GOGC: the next cycle starts when the bytes of
//!   allocated slots reach `live × (1 + GOGC/100)` (at least 4 MB), where
//!   live is what the last mark found. `GOGC=off` disables collection.
//!
//! Roots (gathered by [`collect`], see its doc) are the running goroutine's
//! stack and callee-saved registers, every other goroutine's saved stack,
//! registered root ranges (the program's globals), heap defer records and
//! argument blocks of every goroutine, and the runtime's own thread-local
//! roots (`os.Args`).
//!
//! # Invariants
//!
//! * A slot's allocation bit is set exactly while the slot holds an object
//!   handed out since the last sweep or marked by the last mark; mark bits
//!   are all clear outside a collection.
//! * Every block returned by [`Heap::alloc`] is zeroed.
//! * `page_map[p]` is the id (+1) of the span covering page `p`, 0 if the
//!   page is free or untouched.
//! * A collection runs only on a thread running Go code (a `G` is
//!   installed): only then are all roots known. Other threads (the driver,
//!   Rust tests) never collect, so their objects are never freed.
//! * Rust-owned memory (Vec, Box) never holds the only pointer to a Go
//!   object across a call that can allocate: it is not scanned.

use std::cell::UnsafeCell;
use std::collections::{BTreeMap, VecDeque};
use std::sync::Mutex;
use std::time::Instant;

/// Heap page size (gc's).
pub const PAGE: usize = 8192;
/// Largest small object; larger ones get a span of their own.
pub const MAX_SMALL: usize = 32768;
/// Address space reserved per heap (tried in halves down to 1 GB if refused).
pub const ARENA_RESERVE: usize = 64 << 30;
/// Minimum heap goal (gc's 4 MB).
pub const MIN_HEAP: usize = 4 << 20;

const NCLASS: usize = 68;

/// gc 1.19's size classes (class 0 is unused: large objects).
pub const CLASS_SIZES: [usize; NCLASS] = [
    0, 8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320, 352, 384, 416, 448,
    480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792, 2048, 2304, 2688, 3072, 3200, 3456, 4096,
    4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728, 10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072,
    20480, 21760, 24576, 27264, 28672, 32768,
];

/// Pages per span of each class: the fewest pages holding at least one
/// object with at most 1/8 of the span wasted at its end.
const CLASS_NPAGES: [usize; NCLASS] = {
    let mut out = [0; NCLASS];
    let mut c = 1;
    while c < NCLASS {
        let s = CLASS_SIZES[c];
        let mut n = s.div_ceil(PAGE);
        while (n * PAGE % s) * 8 > n * PAGE {
            n += 1;
        }
        out[c] = n;
        c += 1;
    }
    out
};

/// Class of small sizes by `size.div_ceil(8)` (sizes up to 1024).
const SIZE_TO_CLASS8: [u8; 129] = {
    let mut out = [0u8; 129];
    let mut i = 0;
    let mut c = 1;
    while i < 129 {
        while CLASS_SIZES[c] < i * 8 {
            c += 1;
        }
        out[i] = c as u8;
        i += 1;
    }
    out
};

/// The size class of a small `size` (1..=MAX_SMALL).
fn size_class(size: usize) -> usize {
    if size <= 1024 { SIZE_TO_CLASS8[size.div_ceil(8)] as usize } else { CLASS_SIZES.partition_point(|&c| c < size) }
}

const NONE: u32 = u32::MAX;

/// Objects in flight between the mark worklist and the scan (see
/// [`Heap::drain`]).
const PREFETCH_DEPTH: usize = 16;

/// Stress mode's bound on the work per allocation (see the module doc), in
/// words scanned: some five times what a collection in a small program
/// does (its stack, the library's globals, a few objects); nine in ten golden
/// programs never exceed it.
const STRESS_WORK_BUDGET: usize = 1 << 11;

/// The work of marking an object beyond scanning its words, in words: a
/// cache miss costs what scanning a few cache lines does.
const MARK_WORK: usize = 8;

/// Hints the CPU to fetch the cache line at `addr`.
#[inline(always)]
fn prefetch(addr: usize) {
    // SAFETY: a prefetch never faults, whatever the address.
    unsafe { std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(addr as *const i8) };
}

/// A run of pages: one large object, or the slots of one size class.
struct Span {
    base: usize,
    npages: usize,
    /// Slot size (for a large object: the span's bytes).
    elem_size: usize,
    nelems: usize,
    /// Reciprocal of `elem_size` for [`Span::slot_of`] (0 for a large object).
    div_mul: u64,
    /// Size class, 0 for a large object.
    class: usize,
    noscan: bool,
    /// Free slots may hold old bytes: zero them when handing them out.
    needzero: bool,
    /// No free slot below this index.
    free_index: usize,
    alloc_bits: Vec<u64>,
    mark_bits: Vec<u64>,
}

/// The multiplier that divides a span offset by `elem_size` (see
/// [`Span::slot_of`]): exact for every offset inside a span of a size
/// class, as the `slot_division_is_exact` test checks.
fn reciprocal(elem_size: usize) -> u64 {
    u64::from(u32::MAX / elem_size as u32) + 1
}

impl Span {
    /// The slot holding byte `off` of the span: a multiply instead of a
    /// division, which would dominate marking.
    #[inline(always)]
    fn slot_of(&self, off: usize) -> usize {
        ((off as u64 * self.div_mul) >> 32) as usize
    }

    fn is_alloc(&self, i: usize) -> bool {
        self.alloc_bits[i / 64] & (1 << (i % 64)) != 0
    }

    /// Takes the next free slot, if any.
    fn take_slot(&mut self) -> Option<usize> {
        while self.free_index < self.nelems {
            let w = self.free_index / 64;
            let bits = !self.alloc_bits[w] >> (self.free_index % 64);
            if bits == 0 {
                self.free_index = (w + 1) * 64;
                continue;
            }
            let i = self.free_index + bits.trailing_zeros() as usize;
            if i >= self.nelems {
                self.free_index = self.nelems;
                return None;
            }
            self.alloc_bits[i / 64] |= 1 << (i % 64);
            self.free_index = i + 1;
            return Some(i);
        }
        None
    }
}

/// Collector statistics, as `runtime.MemStats` reports them.
#[derive(Clone, Copy, Debug, Default)]
pub struct Stats {
    /// Bytes of allocated slots (live or not yet swept).
    pub heap_alloc: usize,
    /// Cumulative bytes allocated.
    pub total_alloc: u64,
    /// Cumulative objects allocated.
    pub mallocs: u64,
    /// Cumulative objects freed.
    pub frees: u64,
    /// Completed collections.
    pub num_gc: u32,
    /// Collections forced by `runtime.GC`.
    pub num_forced_gc: u32,
    /// Arena bytes in use by spans or free runs (the heap's footprint).
    pub heap_sys: usize,
    /// Bytes in spans.
    pub heap_inuse: usize,
    /// Heap goal of the next cycle.
    pub next_gc: usize,
    /// Total stop-the-world time, nanoseconds.
    pub pause_total_ns: u64,
    /// Recent pauses (circular, indexed by `num_gc % 256`).
    pub last_pause_ns: u64,
    /// Wall time of the last collection's end, ns since the Unix epoch.
    pub last_gc_unix_ns: u64,
}

/// A finalizer: the Go function to call with the object, how to pass the
/// object (its pointer, or an interface value of type `obj_ty`).
#[derive(Clone, Copy, Debug)]
pub struct Finalizer {
    /// The Go func value.
    pub func: usize,
    /// The object's dynamic type (a pointer type's descriptor).
    pub obj_ty: usize,
    /// The function's parameter is an interface: pass `(obj_ty, object)`.
    pub by_interface: bool,
}

/// One thread's heap. See the module doc.
pub struct Heap {
    arena: usize,
    reserved: usize,
    /// Arena bytes ever handed to spans (pages above are untouched).
    used: usize,
    spans: Vec<Option<Span>>,
    free_ids: Vec<u32>,
    page_map: Vec<u32>,
    /// Free page runs: first page → page count; coalesced.
    free_runs: BTreeMap<usize, usize>,
    /// Current span per (class, noscan).
    current: [u32; 2 * NCLASS],
    /// Spans with free slots per (class, noscan).
    partial: [Vec<u32>; 2 * NCLASS],
    worklist: Vec<(usize, usize)>,
    marked_bytes: usize,
    /// Work of the cycle in progress: words scanned (roots and objects)
    /// plus [`MARK_WORK`] per object marked.
    scan_work: usize,
    /// Stress mode: allocations still to go before the next collection.
    stress_wait: usize,
    /// Objects with a finalizer (`runtime.SetFinalizer`), by address. The
    /// objects are not roots; the finalizers' functions are.
    finalizers: BTreeMap<usize, Finalizer>,
    /// Finalizers whose object a collection found unreachable, waiting to
    /// run (objects and functions are roots until then). A cleanup waits
    /// here too, as a finalizer of object 0 whose function takes nothing.
    ready: VecDeque<(usize, Finalizer)>,
    /// Cleanups (`runtime.AddCleanup`) by object address: (id, `func()`
    /// value). Like finalizers, the objects are not roots, the functions
    /// are.
    cleanups: BTreeMap<usize, Vec<(u64, usize)>>,
    /// The last cleanup id given.
    cleanup_seq: u64,
    /// Weak handles (`weak.Make`) of heap pointers: pointer → handle (a
    /// noscan heap word holding the pointer, or 0 once it died).
    weak: BTreeMap<usize, usize>,
    /// Weak handles of pointers outside the heap, never cleared.
    immortal_weak: BTreeMap<usize, &'static usize>,
    /// Free bytes given back to the system by the last scavenge.
    released: usize,
    /// GOGC percentage, negative for off.
    pub gogc: i64,
    /// The environment has been read ([`Heap::configure_from_env`]).
    configured: bool,
    /// Collect at every allocation (`DEFT_GCSTRESS=1`).
    pub stress: bool,
    /// Stress mode without the scan budget (`DEFT_GCSTRESS=every`).
    pub stress_unbounded: bool,
    /// Print a line per cycle (`GODEBUG=gctrace=1`).
    pub trace: bool,
    /// Statistics.
    pub stats: Stats,
    start: Option<Instant>,
}

impl Default for Heap {
    fn default() -> Self {
        Heap::new()
    }
}

impl Heap {
    /// An empty heap; address space is reserved on the first allocation.
    pub const fn new() -> Heap {
        Heap {
            arena: 0,
            reserved: 0,
            used: 0,
            spans: Vec::new(),
            free_ids: Vec::new(),
            page_map: Vec::new(),
            free_runs: BTreeMap::new(),
            current: [NONE; 2 * NCLASS],
            partial: [const { Vec::new() }; 2 * NCLASS],
            worklist: Vec::new(),
            marked_bytes: 0,
            scan_work: 0,
            stress_wait: 0,
            finalizers: BTreeMap::new(),
            cleanups: BTreeMap::new(),
            cleanup_seq: 0,
            weak: BTreeMap::new(),
            immortal_weak: BTreeMap::new(),
            ready: VecDeque::new(),
            released: 0,
            gogc: 100,
            configured: false,
            stress: false,
            stress_unbounded: false,
            trace: false,
            stats: Stats {
                heap_alloc: 0,
                total_alloc: 0,
                mallocs: 0,
                frees: 0,
                num_gc: 0,
                num_forced_gc: 0,
                heap_sys: 0,
                heap_inuse: 0,
                next_gc: MIN_HEAP,
                pause_total_ns: 0,
                last_pause_ns: 0,
                last_gc_unix_ns: 0,
            },
            start: None,
        }
    }

    /// Reads GOGC, GODEBUG=gctrace=1 and DEFT_GCSTRESS from the environment.
    pub fn configure_from_env(&mut self) {
        self.configured = true;
        if let Ok(v) = std::env::var("GOGC") {
            if v == "off" {
                self.gogc = -1;
            } else if let Ok(n) = v.parse::<i64>() {
                self.gogc = n;
            }
        }
        if let Ok(v) = std::env::var("GODEBUG") {
            self.trace = v.split(',').any(|kv| kv.strip_prefix("gctrace=").is_some_and(|n| n != "0"));
        }
        let stress = std::env::var("DEFT_GCSTRESS").unwrap_or_default();
        self.stress = !stress.is_empty() && stress != "0";
        self.stress_unbounded = stress == "every";
        self.stats.next_gc = self.goal(0);
    }

    /// The heap goal after a cycle that found `live` bytes: live grown by
    /// GOGC%, at least 4 MB scaled by GOGC/100 (gc's rule).
    fn goal(&self, live: usize) -> usize {
        if self.gogc < 0 {
            return usize::MAX;
        }
        let gogc = self.gogc as usize;
        let g = live.saturating_add(live.saturating_mul(gogc) / 100);
        g.max(MIN_HEAP.saturating_mul(gogc) / 100)
    }

    fn reserve(&mut self) {
        self.start = Some(Instant::now());
        let mut size = ARENA_RESERVE;
        loop {
            if let Some(p) = crate::sys::reserve(size) {
                self.arena = p as usize;
                self.reserved = size;
                return;
            }
            size /= 2;
            if size < 1 << 30 {
                crate::proc::throw("runtime: cannot reserve heap address space");
            }
        }
    }

    /// Whether allocating `size` more bytes should start a collection first.
    pub fn wants_collection(&mut self, size: usize) -> bool {
        if self.stress && self.gogc >= 0 {
            if self.stress_wait == 0 {
                return true;
            }
            self.stress_wait -= 1;
        }
        self.stats.heap_alloc.saturating_add(size) >= self.stats.next_gc
    }

    /// `size` (> 0) zeroed bytes aligned to `align` (a power of two, at
    /// most 4096); never scanned if `noscan`. Does not collect.
    pub fn alloc(&mut self, size: usize, align: usize, noscan: bool) -> *mut u8 {
        self.alloc_filled(size, align, noscan, 0)
    }

    /// [`Heap::alloc`] of an object whose first `filled` bytes the caller
    /// writes at once: only the bytes after them are zeroed (gc's
    /// growslice does not clear what it copies either). Only a `noscan`
    /// object may skip zeroing: the collector never reads its bytes.
    pub fn alloc_filled(&mut self, size: usize, align: usize, noscan: bool, filled: usize) -> *mut u8 {
        let filled = if noscan { filled.min(size) } else { 0 };
        if self.arena == 0 {
            self.reserve();
        }
        let mut class = if size <= MAX_SMALL { size_class(size) } else { 0 };
        if align > 8 {
            while class != 0 && !CLASS_SIZES[class].is_multiple_of(align) {
                class = if class + 1 < NCLASS { class + 1 } else { 0 };
            }
        }
        if class == 0 {
            return self.alloc_large(size, noscan, filled);
        }
        let key = class * 2 + noscan as usize;
        loop {
            let id = self.current[key];
            if id != NONE {
                let span = self.spans[id as usize].as_mut().expect("current span");
                if let Some(i) = span.take_slot() {
                    let p = span.base + i * span.elem_size;
                    let es = span.elem_size;
                    if span.needzero {
                        // SAFETY: the slot is inside the span's committed pages
                        // and no object lives there now.
                        unsafe { std::ptr::write_bytes((p + filled) as *mut u8, 0, es - filled) };
                    }
                    self.count_alloc(es);
                    return p as *mut u8;
                }
            }
            self.current[key] = match self.partial[key].pop() {
                Some(id) => id,
                None => self.new_span(class, CLASS_NPAGES[class], noscan, 0),
            };
        }
    }

    fn count_alloc(&mut self, bytes: usize) {
        self.stats.heap_alloc += bytes;
        self.stats.total_alloc += bytes as u64;
        self.stats.mallocs += 1;
    }

    fn alloc_large(&mut self, size: usize, noscan: bool, filled: usize) -> *mut u8 {
        let npages = size.div_ceil(PAGE);
        let id = self.new_span(0, npages, noscan, filled);
        let span = self.spans[id as usize].as_mut().expect("new span");
        span.alloc_bits[0] = 1;
        let (base, es) = (span.base, span.elem_size);
        self.count_alloc(es);
        base as *mut u8
    }

    /// Makes a span of `npages` pages for `class` (0: one large object,
    /// whose first `filled` bytes need no zeroing).
    fn new_span(&mut self, class: usize, npages: usize, noscan: bool, filled: usize) -> u32 {
        let (page, needzero) = self.take_pages(npages);
        let base = self.arena + page * PAGE;
        let elem_size = if class == 0 { npages * PAGE } else { CLASS_SIZES[class] };
        let nelems = if class == 0 { 1 } else { npages * PAGE / elem_size };
        if needzero && class == 0 {
            // SAFETY: the pages are committed arena pages owned by no span.
            unsafe { std::ptr::write_bytes((base + filled) as *mut u8, 0, npages * PAGE - filled) };
        }
        let words = nelems.div_ceil(64);
        let span = Span {
            base,
            npages,
            elem_size,
            nelems,
            div_mul: if class == 0 { 0 } else { reciprocal(elem_size) },
            class,
            noscan,
            needzero: needzero && class != 0,
            free_index: 0,
            alloc_bits: vec![0; words],
            mark_bits: vec![0; words],
        };
        let id = match self.free_ids.pop() {
            Some(id) => {
                self.spans[id as usize] = Some(span);
                id
            }
            None => {
                self.spans.push(Some(span));
                (self.spans.len() - 1) as u32
            }
        };
        for p in page..page + npages {
            self.page_map[p] = id + 1;
        }
        self.stats.heap_inuse += npages * PAGE;
        id
    }

    /// Takes `n` contiguous free pages: (first page, whether they may be dirty).
    fn take_pages(&mut self, n: usize) -> (usize, bool) {
        let found = self.free_runs.iter().find(|&(_, &len)| len >= n).map(|(&s, &l)| (s, l));
        if let Some((start, len)) = found {
            self.released = 0;
            self.free_runs.remove(&start);
            if len > n {
                self.free_runs.insert(start + n, len - n);
            }
            return (start, true);
        }
        let bytes = n * PAGE;
        if self.used + bytes > self.reserved {
            crate::proc::throw("runtime: out of memory");
        }
        let page = self.used / PAGE;
        self.used += bytes;
        self.stats.heap_sys = self.used;
        self.page_map.resize(self.used / PAGE, 0);
        (page, false)
    }

    /// Returns span `id`'s pages to the free runs.
    fn free_span(&mut self, id: u32) {
        let span = self.spans[id as usize].take().expect("live span");
        let first = (span.base - self.arena) / PAGE;
        for p in first..first + span.npages {
            self.page_map[p] = 0;
        }
        self.stats.heap_inuse -= span.npages * PAGE;
        self.free_ids.push(id);
        let (mut start, mut len) = (first, span.npages);
        if let Some((&s, &l)) = self.free_runs.range(..start).next_back()
            && s + l == start
        {
            self.free_runs.remove(&s);
            start = s;
            len += l;
        }
        if let Some(&l) = self.free_runs.get(&(start + len)) {
            self.free_runs.remove(&(start + len));
            len += l;
        }
        self.free_runs.insert(start, len);
    }

    /// The span covering `addr`, if it lies in one.
    fn span_of(&self, addr: usize) -> Option<&Span> {
        if !self.contains(addr) {
            return None;
        }
        let sid = self.page_map[(addr - self.arena) / PAGE] as usize;
        self.spans.get(sid.checked_sub(1)?)?.as_ref()
    }

    /// The start of the allocated object containing `addr`, if any.
    pub fn object_base(&self, addr: usize) -> Option<usize> {
        let span = self.span_of(addr)?;
        let i = span.slot_of(addr - span.base);
        (i < span.nelems && span.is_alloc(i)).then(|| span.base + i * span.elem_size)
    }

    /// The bytes of the object at `base` (an object start), if it may hold
    /// pointers.
    fn scan_range(&self, base: usize) -> Option<(usize, usize)> {
        let span = self.span_of(base)?;
        (!span.noscan).then_some((base, base + span.elem_size))
    }

    /// Whether the object at `base` (an object start) is marked.
    fn is_marked(&self, base: usize) -> bool {
        self.span_of(base).is_some_and(|span| {
            let i = span.slot_of(base - span.base);
            span.mark_bits[i / 64] & (1 << (i % 64)) != 0
        })
    }

    /// Sets (or, for `None`, removes) the finalizer of the object at
    /// `base`, an object start.
    pub fn set_finalizer(&mut self, base: usize, f: Option<Finalizer>) {
        match f {
            Some(f) => self.finalizers.insert(base, f),
            None => self.finalizers.remove(&base),
        };
    }

    /// Adds cleanup `func` (a Go `func()` value) to the object at `base`, an
    /// object start; returns its id for [`Heap::remove_cleanup`].
    pub fn add_cleanup(&mut self, base: usize, func: usize) -> u64 {
        self.cleanup_seq += 1;
        self.cleanups.entry(base).or_default().push((self.cleanup_seq, func));
        self.cleanup_seq
    }

    /// Removes cleanup `id` of the object at `base`, if it has not run.
    pub fn remove_cleanup(&mut self, base: usize, id: u64) {
        if let Some(list) = self.cleanups.get_mut(&base) {
            list.retain(|&(i, _)| i != id);
            if list.is_empty() {
                self.cleanups.remove(&base);
            }
        }
    }

    /// The weak handle of pointer `p` (not nil): the address of a word
    /// holding `p` while its object lives, 0 after; the same handle for
    /// the same pointer while the handle is reachable. Does not collect.
    pub fn weak_handle(&mut self, p: usize) -> usize {
        if self.object_base(p).is_none() {
            let cell = self.immortal_weak.entry(p).or_insert_with(|| Box::leak(Box::new(p)));
            return *cell as *const usize as usize;
        }
        if let Some(&h) = self.weak.get(&p) {
            return h;
        }
        let h = self.alloc(8, 8, true) as usize;
        // SAFETY: a fresh 8-byte heap block.
        unsafe { (h as *mut usize).write(p) };
        self.weak.insert(p, h);
        h
    }

    /// Clears and forgets the weak handles whose object is unmarked.
    fn clear_dead_weak_targets(&mut self) {
        let dead: Vec<usize> =
            self.weak.keys().copied().filter(|&p| self.object_base(p).is_none_or(|b| !self.is_marked(b))).collect();
        for p in dead {
            if let Some(h) = self.weak.remove(&p) {
                // SAFETY: handles in the map are live heap words (one whose
                // handle died was forgotten at the end of that mark).
                unsafe { (h as *mut usize).write(0) };
            }
        }
    }

    /// Forgets the weak handles that are unmarked once marking is done:
    /// their slots are about to be freed.
    fn forget_dead_weak_handles(&mut self) {
        let dead: Vec<usize> = self.weak.iter().filter(|&(_, &h)| !self.is_marked(h)).map(|(&p, _)| p).collect();
        for p in dead {
            self.weak.remove(&p);
        }
    }

    /// Takes the oldest finalizer waiting to run: (object, finalizer).
    pub fn take_ready_finalizer(&mut self) -> Option<(usize, Finalizer)> {
        self.ready.pop_front()
    }

    /// Whether finalizers wait to run.
    pub fn finalizers_ready(&self) -> bool {
        !self.ready.is_empty()
    }

    /// Marks the functions of all finalizers and the objects of those that
    /// wait to run.
    fn mark_finalizer_roots(&mut self) {
        let mut words: Vec<usize> = self.finalizers.values().map(|f| f.func).collect();
        words.extend(self.cleanups.values().flatten().map(|&(_, func)| func));
        words.extend(self.ready.iter().flat_map(|(obj, f)| [*obj, f.func]));
        for w in words {
            self.mark_word(w);
        }
    }

    /// After marking from the roots: what objects with a finalizer point to
    /// is marked (so that of A → B, both finalizable, A's finalizer runs
    /// first and B's only once A is gone, as in gc); then the objects with
    /// a finalizer still unmarked are kept (with what they reach) for one
    /// more cycle, and their finalizers queued to run.
    fn queue_finalizers(&mut self) {
        let objects: Vec<usize> = self.finalizers.keys().copied().collect();
        for obj in objects {
            if let Some(range) = self.scan_range(obj) {
                self.worklist.push(range);
            }
        }
        self.drain();
        self.clear_dead_weak_targets();
        let doomed: Vec<usize> = self.finalizers.keys().copied().filter(|&obj| !self.is_marked(obj)).collect();
        for obj in doomed {
            if let Some(f) = self.finalizers.remove(&obj) {
                self.mark_word(obj);
                self.ready.push_back((obj, f));
            }
        }
        self.drain();
        self.queue_cleanups();
    }

    /// Queues the cleanups of the objects still unmarked once finalizers
    /// have kept theirs alive (an object with both is cleaned up only when
    /// its finalizer has run and it is unreachable again, as in gc).
    fn queue_cleanups(&mut self) {
        let doomed: Vec<usize> = self.cleanups.keys().copied().filter(|&obj| !self.is_marked(obj)).collect();
        for obj in doomed {
            for (_, func) in self.cleanups.remove(&obj).unwrap_or_default() {
                self.ready.push_back((0, Finalizer { func, obj_ty: 0, by_interface: false }));
            }
        }
    }

    /// Whether `addr` lies in this heap's arena.
    pub fn contains(&self, addr: usize) -> bool {
        addr.wrapping_sub(self.arena) < self.used
    }

    /// Gives free pages back to the system when more than the heap goal's
    /// worth of them (at least [`MIN_HEAP`]) plus a tenth is free (gc's
    /// scavenger retains the goal and 10%): the excess over the goal, taken
    /// from the ends of the largest runs, which `take_pages` reuses last.
    /// Released pages are zeroed again on reuse like any free page (and
    /// fault back in then). A heap that cycles just above its goal (a
    /// program whose live data is small allocates about the goal between
    /// collections) would otherwise give back and fault in again most of
    /// its pages every cycle: all of them, when the largest run was the
    /// whole free heap (genbench's HeapQueue took 28 page faults per
    /// iteration).
    fn scavenge(&mut self) {
        let free = self.used - self.stats.heap_inuse - self.released;
        let keep = self.stats.next_gc.clamp(MIN_HEAP, 1 << 40);
        if free <= keep + keep / 10 {
            return;
        }
        let mut runs: Vec<(usize, usize)> = self.free_runs.iter().map(|(&s, &l)| (l, s)).collect();
        runs.sort_unstable_by(|a, b| b.cmp(a));
        let mut excess = (free - keep).div_ceil(PAGE);
        let mut released = 0;
        for (len, start) in runs {
            if excess == 0 {
                break;
            }
            let n = len.min(excess);
            crate::sys::release(self.arena + (start + len - n) * PAGE, n * PAGE);
            excess -= n;
            released += n * PAGE;
        }
        // Released pages are counted until they are taken again (an
        // approximation: the count is reset when any run is reused).
        self.released = released;
    }

    /// Marks the object containing `w`, if `w` points into one.
    #[inline(always)]
    fn mark_word(&mut self, w: usize) {
        let off = w.wrapping_sub(self.arena);
        if off >= self.used {
            return;
        }
        let sid = self.page_map[off / PAGE];
        if sid == 0 {
            return;
        }
        let Some(span) = self.spans[sid as usize - 1].as_mut() else { return };
        let i = span.slot_of(w - span.base);
        if i >= span.nelems || !span.is_alloc(i) {
            return;
        }
        let (word, bit) = (i / 64, 1u64 << (i % 64));
        if span.mark_bits[word] & bit != 0 {
            return;
        }
        span.mark_bits[word] |= bit;
        self.marked_bytes += span.elem_size;
        self.scan_work += MARK_WORK;
        if !span.noscan {
            let start = span.base + i * span.elem_size;
            self.worklist.push((start, start + span.elem_size));
        }
    }

    /// Scans the words of `[lo, hi)` as roots.
    ///
    /// # Safety
    /// The range must be readable memory.
    pub unsafe fn mark_range(&mut self, lo: usize, hi: usize) {
        let mut p = lo.next_multiple_of(8);
        self.scan_work += hi.saturating_sub(p) / 8;
        // Most words of a stack or an object are not heap pointers: test
        // four at a time with one branch.
        while p + 32 <= hi {
            // SAFETY: as below.
            let ws = unsafe { std::ptr::read_volatile(p as *const [usize; 4]) };
            let hit = ws.iter().fold(false, |any, &w| any | (w.wrapping_sub(self.arena) < self.used));
            if hit {
                ws.iter().for_each(|&w| self.mark_word(w));
            }
            p += 32;
        }
        while p + 8 <= hi {
            // SAFETY: the caller's contract; volatile because the range may
            // be a stack whose words Rust considers uninitialized.
            let w = unsafe { std::ptr::read_volatile(p as *const usize) };
            self.mark_word(w);
            p += 8;
        }
    }

    /// Marks everything reachable from the roots marked so far.
    ///
    /// Scanning is bound by memory latency, so objects go through a small
    /// FIFO between the worklist and the scan: each is prefetched when it
    /// enters and scanned [`PREFETCH_DEPTH`] objects later.
    fn drain(&mut self) {
        let mut ring = [(0usize, 0usize); PREFETCH_DEPTH];
        let (mut head, mut len) = (0, 0);
        loop {
            while len < PREFETCH_DEPTH {
                let Some(r) = self.worklist.pop() else { break };
                prefetch(r.0);
                ring[(head + len) % PREFETCH_DEPTH] = r;
                len += 1;
            }
            if len == 0 {
                return;
            }
            let (lo, hi) = ring[head];
            head = (head + 1) % PREFETCH_DEPTH;
            len -= 1;
            // SAFETY: worklist ranges are allocated heap objects.
            unsafe { self.mark_range(lo, hi) };
        }
    }

    /// Finishes a cycle whose roots have been marked with [`Heap::mark_range`]:
    /// marks the rest, sweeps, and sets the next goal.
    pub fn finish_cycle(&mut self, started: Instant, forced: bool) {
        let before = self.stats.heap_alloc;
        self.mark_finalizer_roots();
        self.drain();
        self.queue_finalizers();
        self.forget_dead_weak_handles();
        let marked = self.marked_bytes;
        self.sweep();
        self.marked_bytes = 0;
        if self.stress && !self.stress_unbounded {
            self.stress_wait = self.scan_work / STRESS_WORK_BUDGET;
        }
        self.scan_work = 0;
        self.stats.heap_alloc = marked;
        let goal = self.goal(marked);
        let old_goal = self.stats.next_gc;
        self.stats.next_gc = goal;
        self.scavenge();
        self.stats.num_gc += 1;
        if forced {
            self.stats.num_forced_gc += 1;
        }
        let pause = started.elapsed();
        self.stats.last_pause_ns = pause.as_nanos() as u64;
        self.stats.pause_total_ns += pause.as_nanos() as u64;
        self.stats.last_gc_unix_ns =
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos() as u64);
        if self.trace {
            let since = self.start.map_or(0.0, |s| started.duration_since(s).as_secs_f64());
            let mb = |b: usize| b >> 20;
            let ms = pause.as_secs_f64() * 1e3;
            let line = format!(
                "gc {} @{:.3}s 0%: 0+{:.3}+0 ms clock, 0+{:.3}/0/0+0 ms cpu, {}->{}->{} MB, {} MB goal, 0 MB stacks, 0 MB globals, 1 P{}\n",
                self.stats.num_gc,
                since,
                ms,
                ms,
                mb(before),
                mb(before),
                mb(marked),
                mb(old_goal.min(1 << 50)),
                if forced { " (forced)" } else { "" }
            );
            crate::sys::write_all(2, line.as_bytes());
        }
    }

    fn sweep(&mut self) {
        for l in self.partial.iter_mut() {
            l.clear();
        }
        self.current = [NONE; 2 * NCLASS];
        for id in 0..self.spans.len() {
            let Some(span) = self.spans[id].as_mut() else { continue };
            if self.stress {
                // Poison what dies, so that a missing root shows up at once.
                for (w, (&alloc, &mark)) in span.alloc_bits.iter().zip(&span.mark_bits).enumerate() {
                    let mut dead = alloc & !mark;
                    while dead != 0 {
                        let i = w * 64 + dead.trailing_zeros() as usize;
                        // SAFETY: a dead slot inside the span's pages.
                        unsafe {
                            std::ptr::write_bytes((span.base + i * span.elem_size) as *mut u8, 0xdb, span.elem_size)
                        };
                        dead &= dead - 1;
                    }
                }
            }
            let before: u32 = span.alloc_bits.iter().map(|w| w.count_ones()).sum();
            std::mem::swap(&mut span.alloc_bits, &mut span.mark_bits);
            span.mark_bits.iter_mut().for_each(|w| *w = 0);
            let after: u32 = span.alloc_bits.iter().map(|w| w.count_ones()).sum();
            self.stats.frees += u64::from(before - after);
            if after == 0 {
                self.free_span(id as u32);
                continue;
            }
            if before != after {
                span.needzero = true;
            }
            span.free_index = 0;
            if span.class != 0 && (after as usize) < span.nelems {
                self.partial[span.class * 2 + span.noscan as usize].push(id as u32);
            }
        }
    }

    /// Live objects (allocated, not yet found dead).
    pub fn objects(&self) -> u64 {
        self.stats.mallocs - self.stats.frees
    }
}

// ---------------------------------------------------------------------
// The running thread's heap and its roots
// ---------------------------------------------------------------------

struct HeapCell(UnsafeCell<Heap>);

thread_local! {
    static HEAP: HeapCell = const { HeapCell(UnsafeCell::new(Heap::new())) };
}

/// Root ranges registered by the compiler (the program's globals), shared
/// by all threads: `(start, end)` address pairs.
static GLOBAL_ROOTS: Mutex<Vec<(usize, usize)>> = Mutex::new(Vec::new());

/// Registers `[start, end)` ranges (a program's global variables) as roots
/// of every collection from now on.
pub fn register_roots(ranges: &[(usize, usize)]) {
    let mut g = GLOBAL_ROOTS.lock().unwrap_or_else(|e| e.into_inner());
    g.extend_from_slice(ranges);
}

/// Runs `f` on the current thread's heap.
///
/// `f` must not re-enter the heap (nothing the heap calls does).
#[inline]
pub fn with_heap<R>(f: impl FnOnce(&mut Heap) -> R) -> R {
    HEAP.with(|h| {
        // SAFETY: the heap is thread-local and its methods never call back
        // into `with_heap`, so this is the only reference.
        f(unsafe { &mut *h.0.get() })
    })
}

/// Allocates through the current thread's heap, collecting first when the
/// pacer says so and the thread runs Go code; the first `filled` bytes of
/// a `noscan` object are left for the caller to write
/// ([`Heap::alloc_filled`]).
pub fn alloc(size: usize, align: usize, noscan: bool, filled: usize) -> *mut u8 {
    with_heap(|h| {
        if !h.configured {
            h.configure_from_env();
        }
        if h.wants_collection(size) && !crate::panic::cur_g().is_null() && h.gogc >= 0 {
            collect(h, false);
        }
        h.alloc_filled(size, align, noscan, filled)
    })
}

/// Whether finalizers wait to run on this thread's heap.
pub fn finalizers_ready() -> bool {
    with_heap(|h| h.finalizers_ready())
}

/// The oldest finalizer waiting to run: (object, finalizer).
pub fn take_ready_finalizer() -> Option<(usize, Finalizer)> {
    with_heap(|h| h.take_ready_finalizer())
}

/// `runtime.GC()`: a full collection now (on a thread running Go code).
pub fn force_collection() {
    if crate::panic::cur_g().is_null() {
        return;
    }
    with_heap(|h| {
        if h.arena != 0 {
            collect(h, true)
        }
    });
}

/// `debug.SetGCPercent`: sets GOGC (negative: off) and returns the
/// previous setting; the pacing goal follows at once, from the live heap
/// the last collection found.
pub fn set_gogc(percent: i64) -> i64 {
    with_heap(|h| {
        if !h.configured {
            h.configure_from_env();
        }
        let prev = h.gogc;
        h.gogc = percent.max(-1);
        h.stats.next_gc = h.goal(h.stats.heap_alloc);
        prev
    })
}

/// Statistics of the current thread's heap.
pub fn stats() -> (Stats, u64, bool) {
    with_heap(|h| (h.stats, h.objects(), h.gogc >= 0))
}

/// The callee-saved registers of the System V ABI, captured into memory so
/// that a conservative scan of it sees pointers held only in registers.
#[inline(always)]
fn callee_saved_registers() -> [usize; 6] {
    let mut r = [0usize; 6];
    // SAFETY: stores six registers into `r`, a local array of six words.
    unsafe {
        std::arch::asm!(
            "mov [{p}], rbx",
            "mov [{p} + 8], rbp",
            "mov [{p} + 16], r12",
            "mov [{p} + 24], r13",
            "mov [{p} + 32], r14",
            "mov [{p} + 40], r15",
            p = in(reg) r.as_mut_ptr(),
            options(nostack, preserves_flags),
        );
    }
    r
}

/// The stack pointer of the caller.
#[inline(always)]
fn stack_pointer() -> usize {
    let sp: usize;
    // SAFETY: reads rsp.
    unsafe { std::arch::asm!("mov {}, rsp", out(reg) sp, options(nomem, nostack, preserves_flags)) };
    sp
}

/// A stop-the-world collection of `h`, the current thread's heap, from the
/// roots of the running goroutine: its stack from the current stack pointer
/// to `stack_top` (Go frames, and the runtime frames between them and
/// here, including panic records and stack defer records), the callee-saved
/// registers, the registered globals, what the other goroutines keep
/// alive (their stacks, defer records, argument blocks: see
/// [`crate::sched::mark_roots`]), and the runtime's thread-local roots.
#[inline(never)]
fn collect(h: &mut Heap, forced: bool) {
    let started = Instant::now();
    crate::library::crypto::at_collection(h);
    let regs = std::hint::black_box(callee_saved_registers());
    let sp = stack_pointer();
    let gp = crate::panic::cur_g();
    // SAFETY: `gp` is the running goroutine (checked by the callers).
    let top = unsafe { (*gp).stack_top };
    // SAFETY: [sp, top) is the live part of this thread's stack.
    unsafe { h.mark_range(sp, top.max(sp)) };
    for r in regs {
        h.mark_word(r);
    }
    {
        let g = GLOBAL_ROOTS.lock().unwrap_or_else(|e| e.into_inner());
        for &(lo, hi) in g.iter() {
            // SAFETY: registered ranges are live global variables.
            unsafe { h.mark_range(lo, hi) };
        }
    }
    crate::sched::mark_roots(h);
    crate::proc::mark_roots(h);
    h.finish_cycle(started, forced);
}

/// Marks the heap defer records on goroutine `g`'s chain (its stack
/// records are scanned with its stack).
///
/// # Safety
/// `g` is a live G.
pub(crate) unsafe fn mark_defer_records(h: &mut Heap, g: *mut crate::panic::G) {
    // SAFETY: records on a live G's chain are live, and heap records have
    // `heap_size` bytes.
    unsafe {
        let mut d = (*g).defer;
        while !d.is_null() {
            if (*d).heap_size != 0 {
                h.mark_range(d as usize, d as usize + (*d).heap_size);
            }
            d = (*d).link;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slot_division_is_exact() {
        for class in 1..NCLASS {
            let size = CLASS_SIZES[class];
            let span_bytes = CLASS_NPAGES[class] * PAGE;
            let mul = reciprocal(size);
            for off in 0..span_bytes {
                assert_eq!(((off as u64 * mul) >> 32) as usize, off / size, "class {class} offset {off}");
            }
        }
    }

    #[test]
    fn classes() {
        assert_eq!(size_class(1), 1);
        assert_eq!(size_class(8), 1);
        assert_eq!(size_class(9), 2);
        assert_eq!(size_class(1024), 32);
        assert_eq!(size_class(1025), 33);
        assert_eq!(size_class(32768), 67);
        for c in 1..NCLASS {
            assert!(CLASS_NPAGES[c] * PAGE >= CLASS_SIZES[c]);
        }
    }

    fn zeroed(p: *mut u8, n: usize) -> bool {
        // SAFETY: test blocks of n bytes.
        unsafe { std::slice::from_raw_parts(p, n) }.iter().all(|&b| b == 0)
    }

    #[test]
    fn unreachable_objects_are_freed_and_reused_zeroed() {
        let mut h = Heap::new();
        let mut ptrs = Vec::new();
        for _ in 0..1000 {
            let p = h.alloc(40, 8, false);
            assert!(zeroed(p, 40));
            // SAFETY: p is a 40-byte block.
            unsafe { p.write_bytes(0xAA, 40) };
            ptrs.push(p as usize);
        }
        // Keep every other object alive through a root array.
        let keep: Vec<usize> = ptrs.iter().step_by(2).copied().collect();
        // SAFETY: `keep` is a live vector of words.
        unsafe { h.mark_range(keep.as_ptr() as usize, keep.as_ptr() as usize + 8 * keep.len()) };
        h.finish_cycle(Instant::now(), true);
        assert_eq!(h.objects(), 500);
        assert_eq!(h.stats.heap_alloc, 500 * 48);
        let used = h.used;
        for _ in 0..500 {
            let p = h.alloc(40, 8, false);
            assert!(zeroed(p, 48), "reused slot not zeroed");
            assert!(!keep.contains(&(p as usize)), "live object reused");
        }
        assert_eq!(h.used, used, "freed slots were not reused");
    }

    #[test]
    fn interior_and_transitive_pointers_keep_objects() {
        let mut h = Heap::new();
        let a = h.alloc(64, 8, false);
        let b = h.alloc(100_000, 8, false);
        let c = h.alloc(24, 8, true);
        let dead = h.alloc(24, 8, false);
        // a → b (interior), b → c.
        // SAFETY: writes inside the blocks.
        unsafe {
            (a as *mut usize).add(3).write(b as usize + 5000);
            (b as *mut usize).add(9000).write(c as usize + 3);
            // c is noscan: a pointer in it keeps nothing.
            (c as *mut usize).write(dead as usize);
        }
        let root = [a as usize + 10];
        // SAFETY: a live array.
        unsafe { h.mark_range(root.as_ptr() as usize, root.as_ptr() as usize + 8) };
        h.finish_cycle(Instant::now(), true);
        assert_eq!(h.objects(), 3);
        // The dead slot is reused for the next 24-byte scan object.
        assert_eq!(h.alloc(24, 8, false), dead);
    }

    #[test]
    fn empty_spans_and_large_objects_return_pages() {
        let mut h = Heap::new();
        for _ in 0..100 {
            h.alloc(200_000, 8, true);
        }
        for _ in 0..10_000 {
            h.alloc(16, 8, false);
        }
        let used = h.used;
        h.finish_cycle(Instant::now(), false);
        assert_eq!(h.objects(), 0);
        assert_eq!(h.stats.heap_inuse, 0);
        for _ in 0..100 {
            let p = h.alloc(200_000, 8, false);
            assert!(zeroed(p, 200_000));
        }
        assert_eq!(h.used, used, "freed pages were not reused");
    }

    #[test]
    fn weak_handles_clear_with_their_object() {
        let mut h = Heap::new();
        let live = h.alloc(32, 8, false) as usize;
        let dead = h.alloc(32, 8, false) as usize;
        let (hl, hd) = (h.weak_handle(live + 8), h.weak_handle(dead));
        assert_eq!(h.weak_handle(live + 8), hl, "one handle per pointer");
        assert_ne!(h.weak_handle(live), hl, "another pointer, another handle");
        let global = 0usize;
        let hg = h.weak_handle(&global as *const usize as usize);
        // The handles and `live` are roots; `dead` is not. A handle holds
        // its pointer without keeping its object.
        let roots = [live, hl, hd, hg];
        // SAFETY: a live array.
        unsafe { h.mark_range(roots.as_ptr() as usize, roots.as_ptr() as usize + 32) };
        h.finish_cycle(Instant::now(), true);
        // SAFETY: the handles were roots, so they are live heap words (and
        // `hg` is Rust memory).
        let read = |x: usize| unsafe { (x as *const usize).read() };
        assert_eq!((read(hl), read(hd)), (live + 8, 0));
        assert_eq!(read(hg), &global as *const usize as usize, "a pointer outside the heap never dies");
        assert_eq!(h.weak_handle(live + 8), hl);
        // Unreachable handles are forgotten: a new one comes next time.
        h.finish_cycle(Instant::now(), true);
        assert!(h.weak.is_empty());
        std::hint::black_box(roots);
    }

    #[test]
    fn alignment_above_eight() {
        let mut h = Heap::new();
        for a in [16, 32, 64, 4096] {
            for s in [1, 17, 100, 5000] {
                assert_eq!(h.alloc(s, a, false) as usize % a, 0);
            }
        }
    }
}
