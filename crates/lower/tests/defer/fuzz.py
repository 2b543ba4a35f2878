#!/usr/bin/env python3
"""Differential test of deft's defer planning against gc 1.19.

Generates random Go files full of defers in every position the planner
distinguishes (loops, goto loops, labels, constant and variable branches,
constant switches, code after return/panic/goto/break, closures, many
returns, escaping closures over named results), compiles each with
`go tool compile -l -d=defer` and with deft's `defer_report` example, and
stops at the first difference, leaving the program in /tmp/defer-fuzz.go.

    cargo build -p lower --example defer_report
    crates/lower/tests/defer/fuzz.py --seed 1 --count 500 [--deft PATH]

`-l` because deft does not inline (see the module doc of `plan.rs`).
"""

import argparse
import os
import random
import subprocess
import sys


class Gen:
    def __init__(self, rnd):
        self.r = rnd
        self.n = 0

    def next(self):
        self.n += 1
        return self.n

    def cond(self):
        return self.r.choice([
            "glob > 1", "glob < 5", "false", "true", "debug", "!debug",
            "false && glob > 1", "true || glob > 2", "glob == 3 && true",
        ])

    def block(self, depth, labels, in_loop, fn):
        """A list of statements; `labels` are the goto targets visible."""
        count = self.r.randint(1, 5 if depth < 3 else 2)
        mine = ["L%d" % self.next() for _ in range(min(count, self.r.choice([0, 0, 1, 2])))]
        visible = labels + mine
        stmts = [self.stmt(depth, visible, in_loop, fn) for _ in range(count)]
        # Place my labels in front of distinct statements (unused ones are
        # dropped later).
        out = []
        places = dict(zip(self.r.sample(range(count), len(mine)), mine))
        for i, s in enumerate(stmts):
            if i in places:
                s = "%s:\n%s" % (places[i], s)
            out.append(s)
        return out

    def stmt(self, depth, labels, in_loop, fn):
        r = self.r
        choices = ["defer", "defer", "defer", "print", "return"]
        if depth < 3:
            choices += ["if", "if", "for", "range", "switch", "constswitch", "closure", "block"]
        if labels:
            choices += ["goto", "goto"]
        if in_loop:
            choices += ["break", "continue"]
        choices += ["panic"] if r.random() < 0.3 else []
        k = r.choice(choices)
        n = self.next()
        if k == "defer":
            return r.choice([
                'defer println(%d)' % n,
                'defer func() { glob++ }()',
                'defer f%d()' % (fn,),
                'defer recover()',
                'defer func() { r++ }()' if fn % 2 == 0 else 'defer println("x")',
            ])
        if k == "print":
            return "glob++"
        if k == "return":
            return "if glob == %d {\nreturn\n}" % n if r.random() < 0.7 else "return"
        if k == "panic":
            return 'panic("p")' if r.random() < 0.3 else 'if glob == %d {\npanic("p")\n}' % n
        if k == "goto":
            l = r.choice(labels)
            return "if glob > %d {\ngoto %s\n}" % (n, l) if r.random() < 0.7 else "goto " + l
        if k in ("break", "continue"):
            return k if r.random() < 0.3 else "if glob == %d {\n%s\n}" % (n, k)
        body = lambda loop: "\n".join(self.block(depth + 1, labels, loop, fn))
        if k == "if":
            s = "if %s {\n%s\n}" % (self.cond(), body(in_loop))
            if r.random() < 0.5:
                s += " else {\n%s\n}" % body(in_loop)
            return s
        if k == "for":
            head = r.choice(["for i := 0; i < 2; i++", "for glob < 0", "for false", "for"])
            inner = body(True)
            if head == "for":
                inner = "if glob > 0 {\nbreak\n}\n" + inner
            return "%s {\n%s\n}" % (head, inner)
        if k == "range":
            return 'for range "ab" {\n%s\n}' % body(True)
        if k == "switch":
            cases = "\n".join("case %d:\n%s" % (i, body(in_loop)) for i in range(r.randint(1, 3)))
            if r.random() < 0.5:
                cases += "\ndefault:\n" + body(in_loop)
            return "switch glob {\n%s\n}" % cases
        if k == "constswitch":
            tag = r.choice(["1", "2", ""])
            vals = ["1", "2", "3"] if tag else ["false", "true", "debug"]
            cases = "\n".join("case %s:\n%s" % (v, body(in_loop)) for v in r.sample(vals, r.randint(1, 3)))
            if r.random() < 0.4:
                cases += "\ndefault:\n" + body(in_loop)
            return "switch %s {\n%s\n}" % (tag, cases)
        if k == "closure":
            inner = "\n".join(self.block(depth + 1, [], False, fn))
            if r.random() < 0.3:
                return "keep = func() {\n%s\n}" % inner
            return "func() {\n%s\n}()" % inner
        return "{\n%s\n}" % body(in_loop)

    def func(self, i):
        stmts = self.block(0, [], False, i)
        sig = "(r int)" if i % 2 == 0 else ""
        if sig:
            stmts.append("return")
        return "func f%d() %s {\n%s\n}\n" % (i, sig, "\n".join(stmts))

    def program(self, nfuncs):
        parts = ["package main\n", "var glob = 3\n", "var keep func()\n", "const debug = false\n"]
        parts += [self.func(i) for i in range(nfuncs)]
        parts.append("func main() {\n%s\n}\n" % "\n".join("f%d()" % i for i in range(nfuncs)))
        return "\n".join(parts)


def used_labels_only(src):
    """Drops `L:` prefixes of labels no goto names (gc rejects them)."""
    lines = src.split("\n")
    gotos = {l.split()[-1] for l in lines if l.strip().startswith("goto ")}
    out = []
    for l in lines:
        s = l.strip()
        if s.endswith(":") and s[:-1].startswith("L") and s[:-1][1:].isdigit() and s[:-1] not in gotos:
            continue
        out.append(l)
    return "\n".join(out)


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True)
    return p.returncode, p.stdout + p.stderr


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=200)
    ap.add_argument("--start", type=int, default=0, help="first program number (to replay one)")
    ap.add_argument("--deft", default=os.environ.get("CARGO_TARGET_DIR", "target") + "/debug/examples/defer_report")
    args = ap.parse_args()
    path = "/tmp/defer-fuzz.go"
    compared = rejected = 0
    for k in range(args.start, args.start + args.count):
        rnd = random.Random(args.seed * 1000003 + k)
        src = used_labels_only(Gen(rnd).program(rnd.randint(1, 4)))
        with open(path, "w") as f:
            f.write(src)
        code, gc = run(["go", "tool", "compile", "-p", "main", "-l", "-d=defer", "-o", "/dev/null", path])
        if code != 0:
            rejected += 1  # e.g. goto jumping into a block, or over a declaration
            continue
        code, deft = run([args.deft, path])
        compared += 1
        if deft != gc:
            print("program %d (seed %d) differs; kept in %s" % (k, args.seed, path))
            print("--- gc\n" + gc + "--- deft\n" + deft)
            sys.exit(1)
    print("%d programs compared, all equal (%d rejected by gc)" % (compared, rejected))


if __name__ == "__main__":
    main()
