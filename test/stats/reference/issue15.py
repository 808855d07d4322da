"""Reference values for the reproductions of issue 15, by enumeration with exact integers.

Run from the project root:
    python3 test/stats/reference/issue15.py
It writes issue15-python.json beside this script.

Mann-Whitney on k ordered categories: every split of the pooled answers that gives group a
a_i answers in category i (sum a_i = n_a) has C(t_1, a_1)...C(t_k, a_k) of the C(N, n_a)
equally likely permutations; its rank sum is sum a_i * midrank_i. The two-sided p is the
share of permutations with |W - E[W]| >= |w - E[W]|, counted here with Python's big integers
over every vector (a_1, ..., a_k): no dynamic program, no floating point until the division.
Fisher-Freeman-Halton on a 2 x k table the same way: every first row (x_1, ..., x_k) with the
observed margins has C(c_1, x_1)...C(c_k, x_k) permutations; p sums those not more numerous than
the observed one (exact integer comparison; R's relative tolerance 1e-7 changes nothing here).
"""

import itertools
import json
from fractions import Fraction
from math import comb
from pathlib import Path

HERE = Path("test/stats/reference")


def vectors(sizes, total):
    """Every (a_1, ..., a_k) with 0 <= a_i <= sizes[i] and sum total."""
    if len(sizes) == 1:
        if total <= sizes[0]:
            yield (total,)
        return
    for first in range(0, min(sizes[0], total) + 1):
        for rest in vectors(sizes[1:], total - first):
            yield (first,) + rest


def mann_whitney(a, b):
    sizes = [x + y for x, y in zip(a, b)]
    n_a, total = sum(a), sum(a) + sum(b)
    doubled = []
    before = 0
    for t in sizes:
        doubled.append(2 * before + t + 1)
        before += t
    expected = n_a * (total + 1)
    observed = abs(sum(x * r for x, r in zip(a, doubled)) - expected)
    extreme = 0
    for v in vectors(sizes, n_a):
        if abs(sum(x * r for x, r in zip(v, doubled)) - expected) >= observed:
            w = 1
            for t, x in zip(sizes, v):
                w *= comb(t, x)
            extreme += w
    return Fraction(extreme, comb(total, n_a))


def fisher(a, b):
    sizes = [x + y for x, y in zip(a, b)]
    weight = lambda v: __import__("math").prod(comb(t, x) for t, x in zip(sizes, v))
    observed = weight(a)
    extreme = sum(w for w in (weight(v) for v in vectors(sizes, sum(a))) if w <= observed)
    return Fraction(extreme, comb(sum(sizes), sum(a)))


cases = [
    {"a": [16, 6, 3, 9, 7, 5], "b": [10, 14, 13, 11, 15, 14]},
    {"a": [12, 103, 202], "b": [22, 58, 215]},
    {"a": [4, 0, 3], "b": [3, 12, 2]},
]
out = {"generator": "python3 test/stats/reference/issue15.py", "cases": []}
for case in cases:
    out["cases"].append({
        "a": case["a"], "b": case["b"],
        "fisher": float(fisher(case["a"], case["b"])),
        "mannWhitney": float(mann_whitney(case["a"], case["b"])),
    })
(HERE / "issue15-python.json").write_text(json.dumps(out, indent=2) + "\n")
