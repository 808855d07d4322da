"""Reference values for test/stats/*.test.ts from scipy.

Run once from the project root:
    python3 test/stats/reference/make-reference.py
It reads the inputs from cases.json and writes scipy.json beside this script.

Exact permutation p-values use scipy.stats.permutation_test with
n_resamples=np.inf (every split is enumerated), so only cases with at most
MAX_SPLITS splits are computed here; the larger ones come from R's coin.
scipy's alternative='two-sided' is min(1, 2*min(P(T <= t), P(T >= t))) with a
relative tolerance of 100*eps; the absolute definition P(|T| >= |t|) used by
cj is alternative='greater' on the statistic |T|. Both are stored.
"""

import json
import math
from pathlib import Path

import numpy as np
import scipy
from scipy import special, stats

HERE = Path("test/stats/reference")
MAX_SPLITS = 3_000_000

cases = json.loads((HERE / "cases.json").read_text())


def f(x):
    """A plain float, or None for NaN/inf (JSON has neither)."""
    x = float(x)
    return x if math.isfinite(x) else None


def exact_permutation(a, b, statistic, alternative):
    result = stats.permutation_test(
        (np.asarray(a, float), np.asarray(b, float)),
        statistic,
        permutation_type="independent",
        n_resamples=np.inf,
        alternative=alternative,
        vectorized=True,
        axis=-1,
    )
    return f(result.pvalue)


def mean_difference(x, y, axis=-1):
    return np.mean(y, axis=axis) - np.mean(x, axis=axis)


def absolute_mean_difference(x, y, axis=-1):
    return np.abs(mean_difference(x, y, axis))


def rank_sum_distance(x, y, axis=-1):
    """|W - E[W]| for the midrank sum W of x in the pooled sample."""
    pooled = np.concatenate([x, y], axis=axis)
    ranks = stats.rankdata(pooled, axis=axis)
    n = x.shape[axis]
    w = np.sum(ranks[..., :n], axis=axis)
    return np.abs(w - n * (pooled.shape[axis] + 1) / 2)


def enumerable(a, b):
    """permutation_test needs two values a group; the split count bounds the time."""
    return min(len(a), len(b)) >= 2 and math.comb(len(a) + len(b), len(a)) <= MAX_SPLITS and np.ptp(a + b) > 0


out = {
    "generator": "python3 test/stats/reference/make-reference.py",
    "scipy": scipy.__version__,
    "numpy": np.__version__,
    "normalQuantile": [{"p": p, "q": f(stats.norm.ppf(p))} for p in cases["normalQuantile"]],
    "normalCdf": [{"z": z, "p": f(stats.norm.cdf(z))} for z in cases["normalCdf"]],
    "incompleteBeta": [
        {"x": x, "a": a, "b": b, "value": f(special.betainc(a, b, x))} for x, a, b in cases["incompleteBeta"]
    ],
    "tCdf": [{"t": t, "df": df, "p": f(stats.t.cdf(t, df))} for t, df in cases["tCdf"]],
    "tQuantile": [{"p": p, "df": df, "t": f(stats.t.ppf(p, df))} for p, df in cases["tQuantile"]],
    "gammaQ": [{"a": a, "x": x, "value": f(special.gammaincc(a, x))} for a, x in cases["gammaQ"]],
    "fisher2x2": [
        {"table": t, "p": f(stats.fisher_exact(t).pvalue)}
        for t in cases["fisher"]
        if len(t) == 2 and len(t[0]) == 2
    ],
}

welch = []
permutation = []
for case in cases["marks"]:
    a, b = case["a"], case["b"]
    if len(a) > 1 and len(b) > 1 and (np.var(a) > 0 or np.var(b) > 0):
        result = stats.ttest_ind(b, a, equal_var=False)
        ci = result.confidence_interval(0.95)
        welch.append(
            {
                "a": a,
                "b": b,
                "t": f(result.statistic),
                "p": f(result.pvalue),
                "df": f(result.df),
                "lower": f(ci.low),
                "upper": f(ci.high),
            }
        )
    if enumerable(a, b):
        permutation.append(
            {
                "a": a,
                "b": b,
                "pAbsolute": exact_permutation(a, b, absolute_mean_difference, "greater"),
                "pScipyTwoSided": exact_permutation(a, b, mean_difference, "two-sided"),
            }
        )
out["welch"] = welch
out["permutation"] = permutation

out["mannWhitney"] = [
    {
        "a": case["a"],
        "b": case["b"],
        "pAbsolute": exact_permutation(case["a"], case["b"], rank_sum_distance, "greater"),
        "pAsymptotic": f(
            stats.mannwhitneyu(case["a"], case["b"], method="asymptotic", use_continuity=True).pvalue
        ),
    }
    for case in cases["mannWhitney"]
    if enumerable(case["a"], case["b"])
]

(HERE / "scipy.json").write_text(json.dumps(out, indent=2) + "\n")
