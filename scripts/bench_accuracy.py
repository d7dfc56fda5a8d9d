"""Section 1 of the Performance page: how close each snippet is to the exact value, in ULP.

Elementwise (and concatenating) activations are measured on a grid spanning
the dtype's range, against the declared expression evaluated by
``reference.mp_function`` (the shared mpmath evaluator and its precision
rule). Row activations (kind ``"vector"``) are measured on families of rows of
logits against their exact values in mpmath: softmax's own reference where
SymPy proves the declaration is exp(x_i) / Σ_k exp(x_k), ``bench_rows``'
(from the declared component, threshold and Jacobian rule) otherwise. The naive formula (declared, or derived from the expression) is
measured on the same points, and every function is evaluated at NaN and ±inf.
The target of each activation is its declaration's ``ulp`` (value,
derivative).
"""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path

import mpmath
import numpy as np
import sympy as sp

import bench_rows
import derive
import reference
from activations import Activation, DeclarationError
from bench_common import (ROOT, fmt_x, gate_view, gated_functions, naive_functions, reference_call, row_components,
                          shape_of, snippet_functions, torch_call)

KINK_SKIP = 1e-9  # derivative points within this relative distance of a kink are skipped


def ulp_error(y, ref, dtype) -> float:
    """|y - ref| in units of the dtype's spacing at ref rounded to the dtype."""
    if ref is None:
        return 0.0
    with np.errstate(over="ignore"):
        r = dtype(float(ref))
    y = float(y)
    if math.isnan(y):
        return math.inf
    if math.isinf(r):  # the exact value rounds to ±inf in this dtype
        return 0.0 if y == r else math.inf
    if math.isinf(y):
        return math.inf
    a = dtype(abs(r))
    if a == np.finfo(dtype).max:  # np.spacing(max) overflows; max is in the same binade as its neighbour
        a = np.nextafter(a, dtype(0))
    spacing = float(np.spacing(a))
    return float(abs(mpmath.mpf(y) - ref) / mpmath.mpf(spacing))


# Past |x| = 10**FAR_DECADE the grid holds FAR_POINTS magnitudes per sign (FAR_POINTS_QUICK with
# --quick) instead of PER_DECADE per decade: there the shared evaluator (scripts/reference.py)
# works with up to 2000 + log10|x| extra digits, which costs up to a second per point.
PER_DECADE, PER_DECADE_QUICK = 4, 1
FAR_DECADE, FAR_POINTS, FAR_POINTS_QUICK = 4, 31, 8


def grid(dtype, quick: bool = False) -> np.ndarray:
    """Log-spaced magnitudes over the dtype's range, both signs, 0, and a dense linear part."""
    fi = np.finfo(dtype)
    per_decade = PER_DECADE_QUICK if quick else PER_DECADE
    lo = math.floor(math.log10(float(fi.smallest_subnormal)))  # -324 or -46
    lo = max(lo, -300) if dtype == np.float64 else lo + 1
    hi = math.log10(float(fi.max))
    mags = np.concatenate([np.logspace(lo, FAR_DECADE, int((FAR_DECADE - lo) * per_decade) + 1),
                           np.logspace(FAR_DECADE, hi - 1e-3, FAR_POINTS_QUICK if quick else FAR_POINTS)])
    special = [fi.smallest_subnormal, fi.smallest_normal, fi.max, fi.eps, 0.5, 1.0, 2.0]
    overflow = 750.0 if dtype == np.float64 else 110.0
    linear = np.concatenate([
        np.linspace(-40.0, 40.0, 801 if quick else 8001),
        np.linspace(-overflow, overflow, 151 if quick else 1501),
    ])
    with np.errstate(over="ignore", under="ignore"):
        values = np.concatenate([mags, special, linear]).astype(dtype)
    values = values[np.isfinite(values)]
    return np.unique(np.concatenate([values, -values, [dtype(0)]]))


def kink_points(kinks: list[float], dtype) -> np.ndarray:
    """Points just around each nonzero kink (0 is covered by the log grid)."""
    points = []
    for k in kinks:
        if k == 0:
            continue
        points += [np.nextafter(dtype(k), dtype(-np.inf)), dtype(k), np.nextafter(dtype(k), dtype(np.inf))]
        for rel in (1e-15, 1e-12, 1e-9, 2e-9, 1e-6, 1e-3):
            points += [dtype(k * (1 - rel)), dtype(k * (1 + rel))]
    return np.array(points, dtype=dtype)


@dataclasses.dataclass
class Worst:
    ulp: float = 0.0
    x: float = 0.0

    def update(self, ulp: float, x: float) -> None:
        if ulp > self.ulp or (math.isnan(self.ulp)):
            self.ulp, self.x = ulp, x


def _halves(y, n_outputs: int) -> list[np.ndarray]:
    """The outputs of a concatenating activation (1-D input) as separate arrays."""
    y = np.asarray(y)
    return list(np.split(y, n_outputs)) if n_outputs > 1 else [y]


def special_problems(fn, n_outputs: int, name: str, dtype=np.float64) -> list[str]:
    """What goes wrong at NaN (must stay NaN) and at ±inf (a limit exists: must not be NaN)."""
    x = np.array([np.nan, np.inf, -np.inf], dtype=dtype)
    with np.errstate(all="ignore"):
        outs = _halves(fn(x), n_outputs)
    problems = []
    for y in outs:
        y = np.asarray(y, dtype=np.float64)
        if not np.isnan(y[0]):
            problems.append(f"{name}(NaN) = {fmt_x(float(y[0]))}")
        for value, label in ((y[1], "+inf"), (y[2], "−inf")):
            if np.isnan(value):
                problems.append(f"{name}({label}) = NaN")
    return sorted(set(problems), key=problems.index)


@dataclasses.dataclass
class AccuracyRow:
    slug: str
    name: str
    dtype: str
    points: int
    skipped: int  # derivative points at or next to a kink
    forward: Worst
    derivative: Worst
    naive_forward: Worst
    naive_derivative: Worst
    special: list[str] = dataclasses.field(default_factory=list)  # the snippet's problems at NaN, ±inf
    naive_special: list[str] = dataclasses.field(default_factory=list)
    target: tuple[float, float] = (4.0, 16.0)  # the declaration's ulp
    naive_derived: bool = False

    @property
    def ok(self) -> bool:
        return self.forward.ulp <= self.target[0] and self.derivative.ulp <= self.target[1]


def _references(act: Activation):
    exprs = derive.outputs(act, constants=True, defaults=True)
    forward = [reference.mp_function(e) for e in exprs]
    derivative = [reference.mp_function(derive.derivative(e)) for e in exprs]
    kinks = sorted({float(k) for e in exprs for k in derive.breakpoints(derive.pieces(e))})
    return forward, derivative, kinks


def accuracy(act: Activation, dtype=np.float64, quick: bool = False,
             points: np.ndarray | None = None, root: Path = ROOT) -> AccuracyRow:
    """Worst ULP errors of the snippet (and of the naive formula) over a grid."""
    if shape_of(act) == "rows":
        raise DeclarationError(act.slug, f"kind {act.kind!r} is measured on rows, not by accuracy()", "kind")
    if shape_of(act) == "gated":  # the gate function g, through the snippet with the value half at 1
        view = gate_view(act)
        forward, derivative = gated_functions(act, root)
        naive = naive_functions(view)
    else:
        view = act
        forward, derivative = snippet_functions(act, root)
        naive = naive_functions(act)
    ref_f, ref_d, kinks = _references(view)
    x = grid(dtype, quick) if points is None else np.asarray(points, dtype=dtype)
    x = np.unique(np.concatenate([x, kink_points(kinks, dtype)]))
    n = len(ref_f)
    with np.errstate(all="ignore"):  # warnings are the soundness tests' business
        ys = {"forward": _halves(forward(x), n), "derivative": _halves(derivative(x), n),
              "naive_forward": _halves(naive.forward(x), n), "naive_derivative": _halves(naive.derivative(x), n)}
    worst = {key: Worst() for key in ys}
    skipped = 0
    for i, xi in enumerate(x.tolist()):
        near_kink = any(abs(xi - k) <= KINK_SKIP * abs(k) for k in kinks)
        skipped += near_kink
        for out in range(n):
            r = ref_f[out](xi)
            for key in ("forward", "naive_forward"):
                worst[key].update(ulp_error(ys[key][out][i], r, dtype), xi)
            if near_kink:  # f' does not exist there: the tests check the value the snippet returns
                continue
            r = ref_d[out](xi)
            for key in ("derivative", "naive_derivative"):
                worst[key].update(ulp_error(ys[key][out][i], r, dtype), xi)
    special = special_problems(forward, n, "f", dtype) + special_problems(derivative, n, "f′", dtype)
    naive_special = (special_problems(naive.forward, n, "f", dtype)
                     + special_problems(naive.derivative, n, "f′", dtype))
    return AccuracyRow(act.slug, act.name, np.dtype(dtype).name, len(x), skipped, **worst,
                       special=special, naive_special=naive_special, target=tuple(act.ulp),
                       naive_derived=naive.derived)


# --------------------------------------------------------------------------
# Row activations: families of rows of logits
# --------------------------------------------------------------------------


@dataclasses.dataclass
class RowFamily:
    slug: str
    name: str
    label: str
    exact_differences: bool  # every x_i - max(x) is exact in float64
    rows: int
    length: int
    forward: float  # worst ULP over all entries
    forward_largest: float  # worst ULP of each row's largest entry
    jacobian: float | None
    others: dict[str, float]  # the declared scipy / NumPy call and PyTorch's, worst ULP on the same rows
    naive_forward: float = 0.0
    naive_jacobian: float | None = None
    target: tuple[float, float] = (4.0, 16.0)
    reference_name: str = ""  # the declared scipy/NumPy call, which rows with rounded differences are held to

    @property
    def ok(self) -> bool:
        if self.exact_differences:
            return self.forward <= self.target[0] and (self.jacobian is None or self.jacobian <= self.target[1])
        reference_worst = self.others.get(self.reference_name)
        same = reference_worst is None or self.forward <= reference_worst
        return self.forward_largest <= self.target[0] and same


def _softmax_reference(row: np.ndarray, jacobian: bool):
    """Exact softmax of a row (60 digits), and its Jacobian s_i·(δ_ij − s_j) if asked.

    1 − s_i is summed from the other entries, so nothing cancels.
    """
    with mpmath.workdps(60):
        e = [mpmath.exp(mpmath.mpf(v)) for v in row.tolist()]
        total = mpmath.fsum(e)
        s = [v / total for v in e]
        if not jacobian:
            return s, None
        rest = [mpmath.fsum(e[:i] + e[i + 1:]) / total for i in range(len(e))]
        jac = [[s[i] * rest[i] if i == j else -s[i] * s[j] for j in range(len(e))] for i in range(len(e))]
        return s, jac


def _softmax_formula(xs: list[sp.Symbol]) -> list[sp.Expr]:
    total = sum(sp.exp(v) for v in xs)
    return [sp.exp(v) / total for v in xs]


def row_reference(act: Activation, sizes=(2, 3)):
    """The exact row function: softmax's own (1 − s_i summed from the other entries, so nothing
    cancels) where SymPy proves the declaration is softmax, else the generic one of
    ``bench_rows`` (any declared vector activation, from its declaration alone)."""
    for n in sizes:
        xs, comps = row_components(act, n) if not act.threshold else ((), ())
        if act.threshold or any(sp.simplify(c - f) != 0 for c, f in zip(comps, _softmax_formula(list(xs)))):
            return bench_rows.row_reference(act)
    return _softmax_reference


def row_families(quick: bool = False) -> list[tuple[str, bool, np.ndarray]]:
    rng = np.random.default_rng(0)
    g = grid(np.float64, quick=True)
    g = g[:: (4 if quick else 1)]
    n_rows = 40 if quick else 200
    return [
        ("two logits [x, 0], x over the float64 grid", True, np.stack([g, np.zeros_like(g)], axis=1)),
        ("10 integer logits in [-745, 745]", True,
         rng.integers(-745, 746, size=(n_rows, 10)).astype(np.float64)),
        ("10 logits, normal(scale=10)", False, rng.normal(scale=10, size=(n_rows, 10))),
        ("100 logits, normal(scale=10)", False, rng.normal(scale=10, size=(n_rows // 4, 100))),
    ]


def row_accuracy(act: Activation, quick: bool = False, root: Path = ROOT, torch_module=None,
                 families: list[tuple[str, bool, np.ndarray]] | None = None) -> list[RowFamily]:
    """Worst ULP errors of a row activation's snippet, naive formula and framework calls, per family."""
    exact_row = row_reference(act)
    forward, jacobian = snippet_functions(act, root)
    naive = naive_functions(act)
    others = {}
    declared = reference_call(act)
    if declared is not None:
        others[declared[0]] = declared[1]
    if torch_module is not None:
        fn, call = torch_call(act, torch_module)
        if fn is not None:
            others[call] = lambda x, fn=fn: fn(torch_module.from_numpy(x)).numpy()
    result = []
    for label, exact, rows in families or row_families(quick):
        with np.errstate(all="ignore"):
            y, y_naive = forward(rows), naive.forward(rows)
            ys_other = {name: np.asarray(fn(rows)) for name, fn in others.items()}
            with_jacobian = rows.shape[1] <= 10
            jac = jacobian(rows) if with_jacobian else None
            jac_naive = naive.derivative(rows) if with_jacobian else None
        worst = worst_largest = worst_jac = worst_naive = worst_naive_jac = 0.0
        worst_other = dict.fromkeys(others, 0.0)
        for r, row in enumerate(rows):
            s, jac_ref = exact_row(row, with_jacobian)
            top = int(np.argmax(row))
            for i, ref in enumerate(s):
                u = ulp_error(y[r, i], ref, np.float64)
                worst = max(worst, u)
                worst_naive = max(worst_naive, ulp_error(y_naive[r, i], ref, np.float64))
                if i == top:
                    worst_largest = max(worst_largest, u)
                for name in others:
                    worst_other[name] = max(worst_other[name], ulp_error(ys_other[name][r, i], ref, np.float64))
            if with_jacobian:
                for i in range(len(s)):
                    for j in range(len(s)):
                        worst_jac = max(worst_jac, ulp_error(jac[r, i, j], jac_ref[i][j], np.float64))
                        worst_naive_jac = max(worst_naive_jac,
                                              ulp_error(jac_naive[r, i, j], jac_ref[i][j], np.float64))
        result.append(RowFamily(act.slug, act.name, label, exact, len(rows), rows.shape[1], worst, worst_largest,
                                worst_jac if with_jacobian else None, worst_other, worst_naive,
                                worst_naive_jac if with_jacobian else None, tuple(act.ulp),
                                declared[0] if declared else ""))
    return result


def measure(act: Activation, quick: bool, root: Path = ROOT, torch_module=None,
            dtypes=(np.float64, np.float32)) -> tuple[list[AccuracyRow], list[RowFamily]]:
    """Section 1 for one activation, dispatched on its kind."""
    if shape_of(act) == "rows":
        return [], row_accuracy(act, quick, root, torch_module)
    return [accuracy(act, dtype, quick, root=root) for dtype in dtypes], []
