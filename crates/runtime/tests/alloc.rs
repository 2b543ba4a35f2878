//! The allocator: zeroed, aligned, distinct blocks (no collection: these
//! threads run no Go code).

use runtime::alloc::{deft_alloc, zero_base};

const CHUNK_SIZE: usize = 4 << 20;
const LARGE_OBJECT: usize = 32 << 10;

/// Whether the `size` bytes at `p` are all zero.
fn all_zero(p: *mut u8, size: usize) -> bool {
    // SAFETY: `p` is a block of `size` bytes just returned by deft_alloc.
    unsafe { std::slice::from_raw_parts(p, size) }.iter().all(|&b| b == 0)
}

#[test]
fn blocks_are_zeroed_aligned_and_disjoint() {
    let mut blocks: Vec<(usize, usize)> = Vec::new();
    for i in 0..20_000usize {
        let size = 1 + i % 97;
        let align = 1 << (i % 6);
        let p = deft_alloc(size, align);
        assert_eq!(p as usize % align, 0, "alignment {align}");
        assert!(all_zero(p, size));
        // SAFETY: the block is ours to write.
        unsafe { p.write_bytes(0xAB, size) };
        blocks.push((p as usize, size));
    }
    blocks.sort();
    for w in blocks.windows(2) {
        assert!(w[0].0 + w[0].1 <= w[1].0, "blocks overlap: {w:?}");
    }
}

#[test]
fn chunks_roll_over() {
    // Allocate more than one chunk's worth of medium objects.
    let size = LARGE_OBJECT - 8;
    let mut last = 0usize;
    for _ in 0..(2 * CHUNK_SIZE / size + 2) {
        let p = deft_alloc(size, 8);
        assert!(all_zero(p, size));
        // SAFETY: the block is ours to write.
        unsafe { p.write_bytes(1, size) };
        assert_ne!(p as usize, last);
        last = p as usize;
    }
}

#[test]
fn large_objects() {
    let size = 3 * CHUNK_SIZE + 5;
    let p = deft_alloc(size, 4096);
    assert_eq!(p as usize % 4096, 0);
    assert!(all_zero(p, size));
    let q = deft_alloc(LARGE_OBJECT, 8);
    assert!(all_zero(q, LARGE_OBJECT));
}

#[test]
fn zero_sized_objects_share_an_address() {
    assert_eq!(deft_alloc(0, 1), zero_base());
    assert_eq!(deft_alloc(0, 8), zero_base());
    assert_eq!(deft_alloc(0, 0), zero_base());
    assert!(!zero_base().is_null());
}

#[test]
fn alignment_zero_means_one() {
    let p = deft_alloc(3, 0);
    assert!(all_zero(p, 3));
}

#[test]
fn threads_allocate_independently() {
    let handles: Vec<_> = (0..4)
        .map(|_| std::thread::spawn(|| (0..10_000).map(|_| deft_alloc(16, 8) as usize).collect::<Vec<_>>()))
        .collect();
    let mut all: Vec<usize> = handles.into_iter().flat_map(|h| h.join().unwrap()).collect();
    let n = all.len();
    all.sort();
    all.dedup();
    assert_eq!(all.len(), n, "two threads got the same block");
}
