#!/usr/bin/env python3
"""Attributes the samples of a `perf record` of `deft run` to deft's stages.

    perf record -F 1000 --call-graph dwarf,32768 -o perf.data DEFT run .
    perf script -i perf.data -F comm,tid,period,ip,sym,dso > perf.txt
    bench/modbench/perf_stages.py perf.txt [TOP]

DEFT should have line tables, for the call stacks (a separate target
directory keeps the release build as it is):

    CARGO_TARGET_DIR=/tmp/deft-prof CARGO_PROFILE_RELEASE_DEBUG=line-tables-only \\
        cargo build --release -p deft

A sample belongs to the innermost frame of its stack that names a stage
(so that the cache lookups inside codegen's `define` count as cache
lookups, not as codegen); one with no stage in its stack but a
`drop_in_place` is the freeing of the program's AST, types and IR before it
runs. Samples in cranelift-jit's perf map writer are left out of the
percentages: they happen only under perf (PERF_BUILDID_DIR is set). With
TOP, the TOP commonest innermost functions of each stage are listed.
"""

import collections
import sys

# (a substring of a frame's symbol, its stage); the first match of the
# innermost frame that matches any wins.
STAGES = [
    ("record_function_for_perf", None),
    ("compute_cache_key", "codegen: cache key (SHA-256 of the Cranelift IR)"),
    ("DiskCache as codegen::CodeCache>::get", "codegen: cache get (open, read, checksum)"),
    ("DiskCache as codegen::CodeCache>::put", "codegen: cache put (write entries)"),
    ("try_finish_recompile", "codegen: cache hit: deserialize"),
    ("compile_stencil", "codegen: Cranelift compile (cache misses)"),
    ("define_function_bytes", "codegen: define_function_bytes (JIT memory)"),
    ("funcdata::collect", "codegen: funcdata"),
    ("compile_with_cache", "codegen: define, other"),
    ("codegen::define", "codegen: define, other"),
    ("codegen::jit::finish", "codegen: JIT finalize"),
    ("codegen::func::translate", "codegen: translate to Cranelift IR"),
    ("codegen::defers::define_thunk", "codegen: translate to Cranelift IR"),
    ("codegen::external::define_adapter", "codegen: translate to Cranelift IR"),
    ("codegen::iface::define_glue", "codegen: translate to Cranelift IR"),
    ("ProgramCx::new", "codegen: declarations, data (ProgramCx::new)"),
    ("codegen::compile_jit", "codegen: other"),
    ("JitProgram>::run", "run the program"),
    ("JitProgram::run", "run the program"),
    ("lower::lower_program", "lower"),
    ("types::check_program", "types"),
    ("parse_file", "load: parse"),
    ("deft::load::load", "load: other (directories, go.mod, order)"),
]
PERF_ONLY = "(perf's JIT map, left out)"


def stage_of(stack):
    for sym in stack:  # innermost first
        for pat, stage in STAGES:
            if pat in sym:
                return stage or PERF_ONLY
    if any("drop_in_place" in s for s in stack):
        return "freeing the AST, types and IR before the run"
    if any(s == "main" or "deft::main" in s for s in stack):
        return "other, under main"
    return "no stage in the stack"


def samples(path):
    """Each sample's stack of symbols, innermost first."""
    stack = []
    with open(path, errors="replace") as f:
        for line in f:
            if line[:1] not in ("\t", " ") or not line.strip():
                if stack:
                    yield stack
                stack = []
                continue
            parts = line.strip().split(" ", 1)
            if len(parts) == 2:
                stack.append(parts[1].rsplit(" (", 1)[0])
    if stack:
        yield stack


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    top = int(sys.argv[2]) if len(sys.argv) == 3 else 0
    counts = collections.Counter()
    leaves = collections.defaultdict(collections.Counter)
    for stack in samples(sys.argv[1]):
        st = stage_of(stack)
        counts[st] += 1
        leaves[st][stack[0][:100]] += 1
    total = sum(n for st, n in counts.items() if st != PERF_ONLY)
    for st, n in counts.most_common():
        share = "" if st == PERF_ONLY else f"{100 * n / total:5.1f}%"
        print(f"{share:>6}  {n:6d}  {st}")
        for leaf, k in leaves[st].most_common(top):
            print(f"{'':16}{k:6d}  {leaf}")
    print(f"{total} samples counted, {counts[PERF_ONLY]} left out")


if __name__ == "__main__":
    main()
