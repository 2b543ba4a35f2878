//! Type switches over many concrete types ([`Stmt::TypeSwitch`]), as gc
//! compiles them: rather than comparing the dynamic type with each case's
//! descriptor in turn (twenty compares before `printArg`'s `string` case),
//! a few bits of the type's hash index a jump table whose entries compare
//! the type word with the one or few case descriptors of that hash.
//!
//! The hash is a function of the type's link name ([`type_hash`]), written
//! into every descriptor the compiler emits (`TypeDesc::hash`) and known
//! here at compile time for the cases. Nothing relies on hashes being
//! distinct: a bucket may hold several cases, and every candidate is
//! confirmed by descriptor identity (one type, one descriptor), so a type
//! whose descriptor the runtime made (hash 0), or whose hash equals a
//! case's, only reaches a bucket and fails its compares.
//!
//! ```text
//!   t = x's type word ── nil ──▶ the `nil` case's arm, or miss
//!   h = t.hash; i = (h >> shift) & (2^bits - 1)
//!   br_table i ─▶ bucket i: t == &desc(A) ? arm(A) : t == &desc(B) ? arm(B) : miss
//!   arms and miss then join after the statement
//! ```

use cranelift_codegen::ir::{BlockArg, JumpTableData};
use cranelift_codegen::ir::{InstBuilder, condcodes::IntCC, types};
use lower::ir::{Expr, Stmt, TyId};
use runtime::abi::TypeDesc;

use crate::func::{FnTx, flags};

/// The hash of the type whose link name is `link` (32-bit FNV-1a): what the
/// compiler writes into the type's descriptor and a type switch selects
/// its candidates by. Link names are the same in every program that has
/// the type, so descriptors compiled in other runs (the package cache)
/// agree.
pub fn type_hash(link: &str) -> u32 {
    link.bytes().fold(0x811c_9dc5, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

/// How many more index bits than the fewest that could give each hash a
/// bucket of its own a table may use (a table of up to 8 times as many
/// entries as cases).
const EXTRA_BITS: u32 = 3;

/// The bits of the hashes that index the buckets, as `(shift, bits)`: the
/// table whose fullest bucket holds the fewest hashes, and of those the
/// smallest, then the lowest shift (deterministic, so that the same switch
/// compiles to the same code).
pub fn bucket_bits(hashes: &[u32]) -> (u32, u32) {
    let least = hashes.len().next_power_of_two().trailing_zeros().max(1);
    let mut best = (usize::MAX, 0, least);
    let mut counts = Vec::new();
    for bits in least..=(least + EXTRA_BITS).min(16) {
        for shift in 0..=32 - bits {
            counts.clear();
            counts.resize(1 << bits, 0usize);
            for &h in hashes {
                counts[bucket(h, shift, bits)] += 1;
            }
            let fullest = counts.iter().copied().max().unwrap_or(0);
            if fullest < best.0 {
                best = (fullest, shift, bits);
                if fullest <= 1 {
                    return (shift, bits);
                }
            }
        }
    }
    (best.1, best.2)
}

/// The bucket of hash `h`.
fn bucket(h: u32, shift: u32, bits: u32) -> usize {
    ((h >> shift) & ((1 << bits) - 1)) as usize
}

impl<'p> FnTx<'_, 'p> {
    /// Translates a [`Stmt::TypeSwitch`].
    pub fn type_switch(
        &mut self,
        x: &'p Expr,
        cases: &[(Option<TyId>, usize)],
        arms: &'p [Vec<Stmt>],
        miss: &'p [Stmt],
    ) {
        let tw = self.expr(x)[0];
        let arm_blocks: Vec<_> = arms.iter().map(|_| self.b.create_block()).collect();
        let (miss_block, join) = (self.b.create_block(), self.b.create_block());
        let nil_arm = cases.iter().find(|c| c.0.is_none()).map_or(miss_block, |c| arm_blocks[c.1]);
        let typed: Vec<(TyId, usize)> = cases.iter().filter_map(|&(t, arm)| Some((t?, arm))).collect();
        let hashes: Vec<u32> = typed.iter().map(|&(t, _)| type_hash(&self.cx.prog.types[t.0 as usize].link)).collect();
        let (shift, bits) = bucket_bits(&hashes);

        let hashed = self.b.create_block();
        let is_nil = self.b.ins().icmp_imm_u(IntCC::Equal, tw, 0);
        self.b.ins().brif(is_nil, nil_arm, &[], hashed, &[]);
        self.b.switch_to_block(hashed);
        self.b.seal_block(hashed);
        let h = self.b.ins().uload32(flags().with_readonly(), tw, std::mem::offset_of!(TypeDesc, hash) as i32);
        let h = self.b.ins().ushr_imm_u(h, i64::from(shift));
        let i = self.b.ins().band_imm_u(h, (1i64 << bits) - 1);
        let i = self.b.ins().ireduce(types::I32, i);
        let mut buckets = vec![Vec::new(); 1 << bits];
        for (k, &h) in hashes.iter().enumerate() {
            buckets[bucket(h, shift, bits)].push(typed[k]);
        }
        let bucket_blocks: Vec<_> =
            buckets.iter().map(|b| if b.is_empty() { miss_block } else { self.b.create_block() }).collect();
        let no_args: &[BlockArg] = &[];
        let entries: Vec<_> = bucket_blocks.iter().map(|&blk| self.b.func.dfg.block_call(blk, no_args)).collect();
        let default = self.b.func.dfg.block_call(miss_block, no_args);
        let table = self.b.create_jump_table(JumpTableData::new(default, &entries));
        self.b.ins().br_table(i, table);
        for (cands, &blk) in buckets.iter().zip(&bucket_blocks).filter(|(c, _)| !c.is_empty()) {
            self.b.switch_to_block(blk);
            self.b.seal_block(blk);
            for (n, &(t, arm)) in cands.iter().enumerate() {
                let d = self.cx.typedesc(t);
                let want = self.data_addr(d);
                let hit = self.b.ins().icmp(IntCC::Equal, tw, want);
                let next = if n + 1 == cands.len() { miss_block } else { self.b.create_block() };
                self.b.ins().brif(hit, arm_blocks[arm], &[], next, &[]);
                if next != miss_block {
                    self.b.switch_to_block(next);
                    self.b.seal_block(next);
                }
            }
        }
        let bodies = arms.iter().map(Vec::as_slice).chain([miss]);
        for (body, &blk) in bodies.zip(arm_blocks.iter().chain([&miss_block])) {
            self.b.switch_to_block(blk);
            self.b.seal_block(blk);
            self.stmts(body);
            self.jump_if_reachable(join);
        }
        self.b.switch_to_block(join);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distinct_hashes_get_buckets_of_their_own() {
        let hashes: Vec<u32> = (0..19).map(|k| type_hash(&format!("main.T{k}"))).collect();
        let (shift, bits) = bucket_bits(&hashes);
        let mut seen: Vec<usize> = hashes.iter().map(|&h| bucket(h, shift, bits)).collect();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len(), hashes.len(), "buckets {seen:?} for shift {shift}, bits {bits}");
    }

    #[test]
    fn equal_hashes_share_a_bucket() {
        // Nothing separates them: the fewest bits, the first shift.
        assert_eq!(bucket_bits(&[7, 7, 7, 7, 7]), (0, 3));
    }

    #[test]
    fn fnv1a() {
        assert_eq!(type_hash(""), 0x811c_9dc5);
        assert_eq!(type_hash("a"), 0xe40c_292c);
    }
}
