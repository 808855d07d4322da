"""Reference values for the lead-time comparison of fixtures/haarlem-2016.csv (a) with
fixtures/haarlem-2017.csv (b), in test/diff/lead-times.test.ts.

Run once from the project root:
    python3 test/stats/reference/lead-times.py
It writes lead-times-scipy.json beside this script. The day counts per segment are those of the
fixtures' READMEs (fixtures/README.md "Dates", fixtures/haarlem-2017.README.md "Dates").

- Mann-Whitney, exact with ties: the null distribution of the doubled rank sum of a, counted in
  exact integers by a generating function over the tie groups (a group of t tied values with
  doubled midrank r contributes C(t, c) ways and c*r for each c chosen into a), an algorithm
  other than cj's; two-sided p = P(|W - E[W]| >= |w - E[W]|). Where the splits are few enough,
  scipy.stats.permutation_test (n_resamples=inf, every split) on |W - E[W]| confirms it.
- The change in median days: scipy.stats.bootstrap, percentile method, 2e6 resamples, seed 2016:
  a Monte Carlo estimate of the interval that cj computes exactly; with this many resamples its
  bounds land on the same values (the exact distribution's steps at 2.5% and 97.5% are far
  wider than the Monte Carlo error).
"""

import json
from fractions import Fraction
from math import comb
from pathlib import Path

import numpy as np
import scipy
from scipy import stats

HERE = Path("test/stats/reference")
SEGMENTS = {
    "poortmodel": ([7, 8, 9, 10, 10, 11, 11, 12, 13, 14, 16], [6, 6, 7, 7, 7, 7, 8, 8, 8, 8, 9, 9, 9, 10, 11]),
    "afhandeling": (
        [14, 15, 17, 18, 19, 20, 20, 21, 22, 23, 24, 25, 26, 26],
        [13, 14, 14, 15, 15, 16, 16, 16, 17, 17, 18, 18, 19, 20, 21, 22],
    ),
    "totaal": ([22, 25, 30, 31, 32, 36, 40, 41, 41, 42, 45, 47], [22, 23, 23, 24, 24, 25, 26, 26, 27, 28, 28, 31, 32, 34]),
}


def mann_whitney_exact(a, b):
    pooled = sorted(a + b)
    doubled_rank = {}
    i = 0
    while i < len(pooled):
        j = i
        while j < len(pooled) and pooled[j] == pooled[i]:
            j += 1
        doubled_rank[pooled[i]] = (i + 1) + j  # 2 * midrank of positions i+1..j
        i = j
    groups = {}
    for value in pooled:
        groups[value] = groups.get(value, 0) + 1
    # ways[(chosen, doubled sum)] over the tie groups
    ways = {(0, 0): 1}
    for value, size in groups.items():
        r = doubled_rank[value]
        nxt = {}
        for (chosen, total), count in ways.items():
            for c in range(0, size + 1):
                if chosen + c > len(a):
                    break
                key = (chosen + c, total + c * r)
                nxt[key] = nxt.get(key, 0) + count * comb(size, c)
        ways = nxt
    na, n = len(a), len(a) + len(b)
    observed = sum(doubled_rank[v] for v in a)
    expected = na * (n + 1)  # doubled E[W]
    all_splits = extreme = 0
    for (chosen, total), count in ways.items():
        if chosen != na:
            continue
        all_splits += count
        if abs(total - expected) >= abs(observed - expected):
            extreme += count
    assert all_splits == comb(n, na)
    w = Fraction(observed, 2)
    return {"W": float(w), "U": float(w - Fraction(na * (na + 1), 2)), "p": extreme / all_splits, "pFraction": f"{extreme}/{all_splits}"}


def permutation_p(a, b):
    expected = len(a) * (len(a) + len(b) + 1) / 2

    def statistic(x, y, axis):
        ranks = stats.rankdata(np.concatenate([x, y], axis=axis), axis=axis)
        return np.abs(ranks[..., : x.shape[axis]].sum(axis=axis) - expected)

    result = stats.permutation_test(
        (np.array(a, float), np.array(b, float)), statistic, permutation_type="independent",
        vectorized=True, n_resamples=np.inf, alternative="greater", batch=20000,
    )
    return float(result.pvalue)


def median_difference(a, b):
    rng = np.random.default_rng(2016)
    result = stats.bootstrap(
        (np.array(a, float), np.array(b, float)),
        lambda x, y, axis: np.median(y, axis=axis) - np.median(x, axis=axis),
        method="percentile", n_resamples=2_000_000, batch=100_000, random_state=rng, vectorized=True,
    )
    return float(result.confidence_interval.low), float(result.confidence_interval.high)


out = {"generatedBy": f"python3 test/stats/reference/lead-times.py, scipy {scipy.__version__}", "segments": {}}
for name, (a, b) in SEGMENTS.items():
    entry = {"a": a, "b": b, "medianA": float(np.median(a)), "medianB": float(np.median(b))}
    entry["mannWhitney"] = mann_whitney_exact(a, b)
    if comb(len(a) + len(b), len(a)) <= 10_000_000:
        entry["mannWhitney"]["permutationTestP"] = permutation_p(a, b)
    low, high = median_difference(a, b)
    entry["bootstrapPercentile"] = {"lower": low, "upper": high, "resamples": 2_000_000, "seed": 2016}
    out["segments"][name] = entry
    print(name, entry["mannWhitney"], low, high, flush=True)
(HERE / "lead-times-scipy.json").write_text(json.dumps(out, indent=2) + "\n")
