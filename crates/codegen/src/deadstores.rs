//! Dead-store elimination for the defer slots of a function with
//! open-coded defers (deferBits and the saved-argument slots, the keyed
//! explicit slots of [`crate::defers`]).
//!
//! The translator stores to those slots eagerly: deferBits is zeroed at
//! entry, set at each `defer`, cleared before each deferred call of the
//! exit code; a site's argument words are zeroed at entry (the pointer
//! ones) and written at its `defer`. Only three things ever read them:
//! the function's own code (the deferreturn block reloads them), a panic
//! walking the frame, which can only start in a call (deft's nil checks,
//! bounds checks and the like are explicit calls into the runtime; no
//! signal raises a Go panic), and the collector's conservative scan, to
//! which a word is a word. So a store whose value no load of the function
//! and no call can see before the slot is stored again or the function
//! returns changes nothing, and is removed. `func f() { x := 1; defer
//! func() { sink += x }() }` keeps two of its five stores to those slots:
//! entry zeroing followed by the `defer`'s store, and the `defer`'s bit
//! followed by the exit code clearing it before the call, leave no call
//! between them.
//!
//! The analysis is a backward liveness of the slots' 8-byte words over the
//! control-flow graph (exceptional edges of `try_call` included):
//! * a call (or any instruction that may trap or has side effects beyond
//!   memory) makes every word live: the runtime may walk the frame there;
//! * a load from a slot makes the words it reads live;
//! * an aligned 8-byte store to a word kills it; the store itself is dead
//!   if the word was not live after it;
//! * a return kills everything (the frame is gone).
//!
//! A slot whose address is used in any other way than as the address of a
//! load or store (passed, stored, offset) is left alone, as are stores of
//! other sizes (they count as reads of the words they touch).
//!
//! (The collector may scan the frame while the goroutine is preempted
//! between an entry zeroing that was removed and the store that follows;
//! it then sees the word's previous contents, which a conservative scan
//! treats as it treats any other word: at worst an object lives one more
//! cycle.)

use std::collections::HashMap;

use cranelift_codegen::flowgraph::ControlFlowGraph;
use cranelift_codegen::ir::{Block, Function, Inst, InstructionData, Opcode, StackSlot, Value};

use crate::funcdata::{KEY_DEFER_ARGS, KEY_DEFER_BITS};

/// A set of slot words.
#[derive(Clone, PartialEq, Eq)]
struct Words(Vec<u64>);

impl Words {
    fn empty(n: usize) -> Words {
        Words(vec![0; n.div_ceil(64)])
    }
    fn full(n: usize) -> Words {
        let mut w = Words::empty(n);
        for i in 0..n {
            w.insert(i);
        }
        w
    }
    fn insert(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }
    fn remove(&mut self, i: usize) {
        self.0[i / 64] &= !(1 << (i % 64));
    }
    fn contains(&self, i: usize) -> bool {
        self.0[i / 64] & (1 << (i % 64)) != 0
    }
    fn union(&mut self, other: &Words) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a |= b;
        }
    }
}

/// What an instruction does to the tracked words.
enum Effect {
    /// Touches none of them.
    None,
    /// May let the runtime read the frame: every word becomes live.
    Observe,
    /// Leaves the function: no word is live after it.
    Return,
    /// Reads the words `first..first + n`.
    Read(usize, usize),
    /// Stores the whole word.
    Write(usize),
}

/// The tracked slots of `func` and where their words are numbered from:
/// the keyed defer slots whose address is only ever used to load or store.
struct Slots {
    base: HashMap<StackSlot, (usize, u32)>,
    words: usize,
    /// `stack_addr` results of tracked slots: (slot, offset).
    addrs: HashMap<Value, (StackSlot, i64)>,
}

impl Slots {
    fn find(func: &Function) -> Slots {
        let mut base = HashMap::new();
        let mut words = 0;
        for (ss, data) in func.sized_stack_slots.iter() {
            let Some(key) = data.key.map(|k| k.bits()) else { continue };
            if key == KEY_DEFER_BITS || key >= KEY_DEFER_ARGS {
                base.insert(ss, (words, data.size));
                words += data.size.div_ceil(8) as usize;
            }
        }
        let mut addrs = HashMap::new();
        for block in func.layout.blocks() {
            for inst in func.layout.block_insts(block) {
                if let InstructionData::StackAddr { opcode: Opcode::StackAddr, stack_slot, offset } =
                    func.dfg.insts[inst]
                    && base.contains_key(&stack_slot)
                {
                    addrs.insert(func.dfg.first_result(inst), (stack_slot, i64::from(offset)));
                }
            }
        }
        // A tracked address used other than as a load's or store's address
        // lets the slot escape.
        let mut escaped = Vec::new();
        for block in func.layout.blocks() {
            for inst in func.layout.block_insts(block) {
                let is_load = matches!(func.dfg.insts[inst], InstructionData::Load { .. });
                let is_store = matches!(func.dfg.insts[inst], InstructionData::Store { .. });
                for (k, v) in func.dfg.inst_values(inst).enumerate() {
                    let Some(&(ss, _)) = addrs.get(&v) else { continue };
                    let as_address = (is_load && k == 0) || (is_store && k == 1);
                    if !as_address {
                        escaped.push(ss);
                    }
                }
            }
        }
        for ss in escaped {
            base.remove(&ss);
        }
        addrs.retain(|_, (ss, _)| base.contains_key(ss));
        Slots { base, words, addrs }
    }

    /// The words `[off, off + size)` of the slot behind address `addr`
    /// (plus the instruction's `offset`): (first word, count), if tracked.
    fn words_at(&self, addr: Value, offset: i32, size: u32) -> Option<(usize, usize, bool)> {
        let &(ss, at) = self.addrs.get(&addr)?;
        let (first, slot_size) = self.base[&ss];
        let start = at + i64::from(offset);
        let end = start + i64::from(size);
        if start < 0 || end > i64::from(slot_size) {
            // Outside the slot: not ours to reason about; treat as reading
            // the whole slot.
            return Some((first, slot_size.div_ceil(8) as usize, false));
        }
        let w0 = (start / 8) as usize;
        let w1 = ((end + 7) / 8) as usize;
        let whole = start % 8 == 0 && size == 8;
        Some((first + w0, w1 - w0, whole))
    }

    fn effect(&self, func: &Function, inst: Inst) -> Effect {
        let data = &func.dfg.insts[inst];
        let op = data.opcode();
        if op.is_call() || op.can_trap() || op.other_side_effects() || data.memflags_trap_code(&func.dfg).is_some() {
            return Effect::Observe;
        }
        if op == Opcode::Return {
            return Effect::Return;
        }
        match *data {
            InstructionData::Load { arg, offset, .. } => {
                let size = func.dfg.ctrl_typevar(inst).bytes().max(1);
                let size = match op {
                    Opcode::Uload8 | Opcode::Sload8 => 1,
                    Opcode::Uload16 | Opcode::Sload16 => 2,
                    Opcode::Uload32 | Opcode::Sload32 => 4,
                    _ => size,
                };
                match self.words_at(arg, offset.into(), size) {
                    Some((w, n, _)) => Effect::Read(w, n),
                    None => Effect::None,
                }
            }
            InstructionData::Store { args: [x, p], offset, .. } => {
                let size = match op {
                    Opcode::Istore8 => 1,
                    Opcode::Istore16 => 2,
                    Opcode::Istore32 => 4,
                    _ => func.dfg.value_type(x).bytes(),
                };
                match self.words_at(p, offset.into(), size) {
                    Some((w, 1, true)) if op == Opcode::Store => Effect::Write(w),
                    Some((w, n, _)) => Effect::Read(w, n),
                    None => Effect::None,
                }
            }
            _ => Effect::None,
        }
    }
}

/// Removes the dead stores to `func`'s defer slots (see the module doc).
/// Returns how many it removed.
pub fn eliminate(func: &mut Function) -> usize {
    let slots = Slots::find(func);
    if slots.addrs.is_empty() {
        return 0;
    }
    let n = slots.words;
    let cfg = ControlFlowGraph::with_function(func);
    let blocks: Vec<Block> = func.layout.blocks().collect();
    let effects: HashMap<Inst, Effect> = blocks
        .iter()
        .flat_map(|&b| func.layout.block_insts(b))
        .map(|i| (i, slots.effect(func, i)))
        .filter(|(_, e)| !matches!(e, Effect::None))
        .collect();
    // Backward transfer through `block`, from the words live at its end;
    // `dead` collects the stores found dead on the way.
    let transfer = |block: Block, mut live: Words, dead: &mut Vec<Inst>| -> Words {
        for inst in func.layout.block_insts(block).rev() {
            match effects.get(&inst) {
                None | Some(Effect::None) => {}
                Some(Effect::Observe) => live = Words::full(n),
                Some(Effect::Return) => live = Words::empty(n),
                Some(&Effect::Read(w, k)) => (w..w + k).for_each(|i| live.insert(i)),
                Some(&Effect::Write(w)) => {
                    if !live.contains(w) {
                        dead.push(inst);
                    }
                    live.remove(w);
                }
            }
        }
        live
    };
    let mut live_in: HashMap<Block, Words> = blocks.iter().map(|&b| (b, Words::empty(n))).collect();
    let mut changed = true;
    let mut scratch = Vec::new();
    while changed {
        changed = false;
        for &b in blocks.iter().rev() {
            let mut out = Words::empty(n);
            for s in cfg.succ_iter(b) {
                out.union(&live_in[&s]);
            }
            let inn = transfer(b, out, &mut scratch);
            scratch.clear();
            if live_in[&b] != inn {
                live_in.insert(b, inn);
                changed = true;
            }
        }
    }
    let mut dead = Vec::new();
    for &b in &blocks {
        let mut out = Words::empty(n);
        for s in cfg.succ_iter(b) {
            out.union(&live_in[&s]);
        }
        transfer(b, out, &mut dead);
    }
    for &inst in &dead {
        func.layout.remove_inst(inst);
    }
    dead.len()
}

#[cfg(test)]
mod tests {
    use cranelift_codegen::ir::{
        AbiParam, InstBuilder, Signature, StackSlotData, StackSlotKey, StackSlotKind, UserFuncName, types,
    };
    use cranelift_codegen::isa::CallConv;
    use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};

    use super::*;

    /// A function `(callee, cond)` with the deferBits slot and a one-word
    /// argument slot, its body built by `body` (which gets both slots, the
    /// callee and the condition); returns it after the pass and the number
    /// of stores the pass removed.
    fn run(body: impl FnOnce(&mut FunctionBuilder, [StackSlot; 2], Value, Value)) -> (Function, usize) {
        let mut sig = Signature::new(CallConv::SystemV);
        sig.params.extend([AbiParam::new(types::I64); 2]);
        let mut func = Function::with_name_signature(UserFuncName::testcase("t"), sig);
        let mut fctx = FunctionBuilderContext::new();
        let mut b = FunctionBuilder::new(&mut func, &mut fctx);
        let slot = |b: &mut FunctionBuilder, key| {
            b.create_sized_stack_slot(StackSlotData::new_with_key(
                StackSlotKind::ExplicitSlot,
                8,
                3,
                StackSlotKey::new(key),
            ))
        };
        let slots = [slot(&mut b, KEY_DEFER_BITS), slot(&mut b, KEY_DEFER_ARGS)];
        let entry = b.create_block();
        b.append_block_params_for_function_params(entry);
        b.switch_to_block(entry);
        let (callee, cond) = (b.block_params(entry)[0], b.block_params(entry)[1]);
        body(&mut b, slots, callee, cond);
        b.seal_all_blocks();
        b.finalize(crate::program::isa().frontend_config());
        let removed = eliminate(&mut func);
        (func, removed)
    }

    fn call(b: &mut FunctionBuilder, callee: Value) {
        let sig = b.import_signature(Signature::new(CallConv::SystemV));
        b.ins().call_indirect(sig, callee, &[]);
    }

    fn stores(func: &Function) -> usize {
        func.layout
            .blocks()
            .flat_map(|b| func.layout.block_insts(b))
            .filter(|&i| func.dfg.insts[i].opcode() == Opcode::Store)
            .count()
    }

    #[test]
    fn stores_overwritten_before_a_call_go() {
        // bits = 0; args = 0; args = f; bits = 1; bits = 0; call; return:
        // only the last store of each slot is seen by the call.
        let (func, removed) = run(|b, [bits, args], callee, _| {
            let (zero, one) = (b.ins().iconst(types::I64, 0), b.ins().iconst(types::I64, 1));
            b.ins().stack_store(types::I64, zero, bits, 0);
            b.ins().stack_store(types::I64, zero, args, 0);
            b.ins().stack_store(types::I64, callee, args, 0);
            b.ins().stack_store(types::I64, one, bits, 0);
            b.ins().stack_store(types::I64, zero, bits, 0);
            call(b, callee);
            b.ins().return_(&[]);
        });
        assert_eq!((removed, stores(&func)), (3, 2));
    }

    #[test]
    fn a_store_a_call_may_see_stays() {
        // bits = 1; if cond { call } ; bits = 0; return: the call's path
        // sees bits = 1.
        let (func, removed) = run(|b, [bits, _], callee, cond| {
            let (then, join) = (b.create_block(), b.create_block());
            let (zero, one) = (b.ins().iconst(types::I64, 0), b.ins().iconst(types::I64, 1));
            b.ins().stack_store(types::I64, one, bits, 0);
            b.ins().brif(cond, then, &[], join, &[]);
            b.switch_to_block(then);
            call(b, callee);
            b.ins().jump(join, &[]);
            b.switch_to_block(join);
            b.ins().stack_store(types::I64, zero, bits, 0);
            b.ins().return_(&[]);
        });
        // The final store is dead (a return follows), the first is not.
        assert_eq!((removed, stores(&func)), (1, 1));
    }

    #[test]
    fn a_store_a_load_reads_stays() {
        let (_, removed) = run(|b, [bits, _], callee, _| {
            let one = b.ins().iconst(types::I64, 1);
            b.ins().stack_store(types::I64, one, bits, 0);
            let v = b.ins().stack_load(types::I64, types::I64, bits, 0);
            b.ins().stack_store(types::I64, v, bits, 0);
            call(b, callee);
            b.ins().return_(&[]);
        });
        assert_eq!(removed, 0);
    }

    #[test]
    fn an_escaping_slot_is_left_alone() {
        // The argument slot's address is passed along: its stores stay.
        let (func, removed) = run(|b, [_, args], callee, _| {
            let zero = b.ins().iconst(types::I64, 0);
            b.ins().stack_store(types::I64, zero, args, 0);
            b.ins().stack_store(types::I64, callee, args, 0);
            let a = b.ins().stack_addr(types::I64, args, 0);
            let mut sig = Signature::new(CallConv::SystemV);
            sig.params.push(AbiParam::new(types::I64));
            let sig = b.import_signature(sig);
            b.ins().call_indirect(sig, callee, &[a]);
            b.ins().return_(&[]);
        });
        assert_eq!((removed, stores(&func)), (0, 2));
    }
}
