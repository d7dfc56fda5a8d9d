"""Faster formulations tried for a snippet that misses its speed target, and why each was not taken.

The benchmark (``bench_speed.speed``) times every alternative listed here for an
activation next to its snippet and its naive formula, in the same interleaved
run, and the Performance page shows each one's measured ratio under "Where a
snippet misses the target". So the page shows the measurements of the
alternatives tried, from the run that wrote it, never a number copied by hand.

An alternative is written like a declaration's naive formula: NumPy statements
in ``x`` and the activation's parameters at their defaults, separated by "; ",
the last one an expression (``bench_common.compile_naive``). ``why_not`` says
why the snippet does not use it: the snippet rule it breaks, or that it keeps
every rule but measured slower (a previous snippet, kept for comparison).
"""

from __future__ import annotations

import dataclasses

PARTS = ("forward", "derivative")


@dataclasses.dataclass(frozen=True)
class Alternative:
    slug: str
    part: str  # "forward" (the value) or "derivative"
    formula: str
    why_not: str  # why the snippet does not use it: the rule it breaks, or that it is slower


# The fewest passes over memory: every NaN-keeping derivative reads x and writes its
# result, while a naive constant (np.zeros_like, np.ones_like) only writes. One pass
# that reads and writes measures 1.9x np.zeros_like on 10**6 float64 values here.
ALTERNATIVES: tuple[Alternative, ...] = (
    Alternative("binary_step", "derivative", "np.clip(x, 0, 0)",
                "one pass, but clip keeps x = −0.0 as −0.0, and a derivative of 0 is +0.0"),
    Alternative("binary_step", "derivative", "np.where(np.isnan(x), x, 0)",
                "slower: the previous snippet, a mask then a select"),
    Alternative("binary_step", "derivative", "y = np.clip(x, 1, 1); y -= 1; y",
                "slower: two passes (1 − 1 is +0.0)"),
    Alternative("binary_step", "derivative", "y = np.abs(x); np.minimum(y, 0, out=y); y",
                "slower: two passes"),
    Alternative("binary_step", "derivative", "np.zeros_like(x)",
                "the naive formula itself: NaN gives 0, not NaN"),
    Alternative("identity", "derivative", "np.where(np.isnan(x), x, 1)",
                "slower: the previous snippet, a mask then a select"),
    Alternative("relu", "derivative", "np.where(np.isnan(x), x, x > 0)",
                "slower: the previous snippet, a mask then a select"),
    Alternative("relu", "derivative", "np.clip(x, 0, 0) + (x > 0)",
                "slower: two passes that read and write floats, and a mask"),
    Alternative("relu", "derivative", "np.ceil(np.clip(x, 0, 1))",
                "it keeps x = −0.0 as −0.0, and a derivative of 0 is +0.0"),
    Alternative("arctan", "derivative",
                "a = np.abs(x); t = 1 / np.maximum(a, 1); s = np.minimum(a, 1); "
                "np.where(a > 1, t * t / (1 + t * t), 1 / (1 + s * s))",
                "slower: the previous snippet, both branches computed, then a select"),
    Alternative("arctan", "derivative", "h = 1 / np.hypot(1.0, x); h * h",
                "slower: NumPy does not vectorise np.hypot"),
    Alternative("arctan", "derivative", "1 / (1 + np.clip(x, -1e154, 1e154) ** 2)",
                "wrong beyond |x| = 1.3e154, where the derivative is subnormal: it gives about 1e-308"),
    Alternative("softplus", "derivative",
                "e = np.exp(-np.minimum(np.abs(x), 1000)); np.where(x < 0, e, 1) / (1 + e)",
                "slower: the previous snippet, a select and fresh arrays"),
    Alternative("identity", "derivative", "y = np.ones_like(x); np.copyto(y, x, where=np.isnan(x)); y",
                "slower: a write, a mask and a masked copy"),
)


def for_activation(slug: str) -> tuple[Alternative, ...]:
    return tuple(a for a in ALTERNATIVES if a.slug == slug)
