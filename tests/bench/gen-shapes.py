#!/usr/bin/env python3
"""Write a notes folder whose referral network has one stress shape, for
timing the sources report's downstream walk (make bench-shapes).

    gen-shapes.py cycle|dense|tree N DIR

cycle: contact i refers contact i+1, and the last refers the first: one
       strongly connected component of N contacts.
dense: contact i refers each of the next 20 (those below N): a DAG in
       which contact i reaches every later one.
tree:  contact i refers contacts 2i+1 and 2i+2: a binary tree.

Every referral is to the owner, dated, won, with value 1 + i % 7 (i the
source's number), spread over YAML files of at most 10,000 referrals.
"""
import os
import sys

FANOUT = 20  # dense: how many later contacts each one refers
PER_FILE = 10000  # referrals per YAML file


def edges(shape, n):
    if shape == "cycle":
        for i in range(n):
            yield i, (i + 1) % n
    elif shape == "dense":
        for i in range(n):
            for j in range(i + 1, min(n, i + 1 + FANOUT)):
                yield i, j
    elif shape == "tree":
        for i in range(n):
            for j in (2 * i + 1, 2 * i + 2):
                if j < n:
                    yield i, j
    else:
        sys.exit("gen-shapes: shape must be cycle, dense or tree")


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: gen-shapes.py cycle|dense|tree N DIR")
    shape, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, ".refgraph.yaml"), "w") as f:
        f.write("me: Pat Owner\n")
    part, buf = 0, []

    def flush():
        nonlocal part, buf
        if buf:
            name = os.path.join(out, "referrals-%04d.yaml" % part)
            with open(name, "w") as f:
                f.write("referrals:\n" + "".join(buf))
            part, buf = part + 1, []

    for i, j in edges(shape, n):
        buf.append("  - from: C%d\n    prospect: C%d\n    date: 2026-01-%02d\n"
                   "    status: won\n    value: %d\n"
                   % (i, j, 1 + i % 28, 1 + i % 7))
        if len(buf) == PER_FILE:
            flush()
    flush()


main()
