"""Measure the snippets and the site, and write the Performance page.

    .venv/bin/python scripts/benchmark.py                     # everything -> docs/performance.md
    .venv/bin/python scripts/benchmark.py --quick             # coarser grids, fewer repeats
    .venv/bin/python scripts/benchmark.py --skip-lighthouse   # no browser audit
    .venv/bin/python scripts/benchmark.py --out /tmp/perf.md  # write elsewhere

Five measurements, each a section of the page:

1. accuracy: worst error in ULP of every snippet (value and derivative)
   against mpmath at 50+ digits, over a grid spanning the float64 (and the
   float32) range, with the naive textbook formula measured alongside;
2. speed: median time on 10**6 float64 values against scipy.special,
   PyTorch (CPU, one thread; the column is empty without torch) and the naive
   formula;
3. build: a cold ``mkdocs build`` of a fresh copy of the project, a rebuild
   with nothing changed and one after editing a page, with the hook's log
   parsed to show what each rebuild re-derived, redrew or re-executed;
4. page weight: each activation page's own bytes and its SVG figures;
5. Lighthouse (npm ``lighthouse``, headless Chromium) on the locally served
   site, mobile and desktop.

The activations come from ``scripts/activations.py``; the naive formulas
below are the only per-activation code. A missing tool (torch, Lighthouse,
Chromium) is reported on the page; the rest still runs.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import functools
import gzip
import html
import http.server
import importlib.metadata
import importlib.util
import json
import math
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import timeit
from pathlib import Path
from urllib.parse import unquote, urlsplit

SCRIPTS = Path(__file__).resolve().parent
ROOT = SCRIPTS.parent
if str(SCRIPTS) not in sys.path:
    sys.path.insert(0, str(SCRIPTS))

import mpmath  # noqa: E402
import numpy as np  # noqa: E402
import sympy as sp  # noqa: E402

import activations  # noqa: E402
import derive  # noqa: E402

DEFAULT_OUT = ROOT / "docs" / "performance.md"
SECTIONS = ("accuracy", "speed", "build", "weight", "lighthouse")

FORWARD_ULP = 4.0  # targets
DERIVATIVE_ULP = 16.0
SPEED_FACTOR = 2.0
PAGE_BYTES = 200 * 1024
LIGHTHOUSE_TARGETS = {"performance": 0.95, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
KINK_SKIP = 1e-9  # derivative points within this relative distance of a kink are skipped
SPEED_SIZE = 10**6
# CPU time of this process, not wall-clock time: other jobs on a shared
# machine then count only through the caches and memory they share.
TIMER = time.process_time

# The textbook one-liners the snippets are compared with, and the SciPy (or
# NumPy) call computing the same values, come from each declaration
# (``naive``, ``scipy``, ``numpy_reference``); see Naive in activations.py.
NAIVE: dict[str, tuple[str, str]] = {
    a.slug: (a.naive.forward, a.naive.derivative) for a in activations.ACTIVATIONS if a.naive is not None}
SCIPY: dict[str, str] = {a.slug: a.scipy for a in activations.ACTIVATIONS if a.scipy}
NUMPY_REFERENCE: dict[str, str] = {a.slug: a.numpy_reference for a in activations.ACTIVATIONS if a.numpy_reference}
# Why a snippet is slower than its target, from what this script measured;
# printed only when the target is missed, after the measured numbers.
REASONS: dict[tuple[str, str], str] = {}

SOFTMAX_ROWS = 100  # softmax speed: 10**6 values as rows of this length
JACOBIAN_SHAPE = (100, 100)  # softmax Jacobian speed: 10**6 output entries


# --------------------------------------------------------------------------
# Snippets and naive formulas
# --------------------------------------------------------------------------


def load_snippet(slug: str, root: Path = ROOT):
    """Import snippets/<slug>.py under a private name (the folder is not a package)."""
    spec = importlib.util.spec_from_file_location(f"_benchmark_{slug}", root / "snippets" / f"{slug}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def snippet_functions(act: activations.Activation, root: Path = ROOT):
    """(forward, derivative) of the snippet; softmax's derivative is its Jacobian."""
    module = load_snippet(act.slug, root)
    forward = getattr(module, act.slug)
    derivative = getattr(module, f"{act.slug}_derivative", None) or getattr(module, f"{act.slug}_jacobian")
    return forward, derivative


def parameter_namespace(act: activations.Activation) -> dict[str, float]:
    return {p.name: float(p.default) for p in act.params + act.constants}


def compile_naive(source: str, act: activations.Activation):
    """A function of x from a naive formula (statements separated by "; ")."""
    *statements, last = [s.strip() for s in source.split(";")]
    body = "".join(f"    {s}\n" for s in statements) + f"    return {last}\n"
    namespace = {"np": np, **parameter_namespace(act)}
    exec(f"def naive(x):\n{body}", namespace)  # noqa: S102 - our own constant strings
    fn = namespace["naive"]

    def quiet(x):
        with np.errstate(all="ignore"):
            return fn(x)

    return quiet


def naive_functions(act: activations.Activation):
    forward, derivative = NAIVE[act.slug]
    return compile_naive(forward, act), compile_naive(derivative, act)


# --------------------------------------------------------------------------
# 1. Accuracy against mpmath
# --------------------------------------------------------------------------


EXTRA_DIGITS_CAP = 400


def _mp_exp(x):
    """mpmath.exp, without its slow path for huge integer arguments.

    mpmath computes exp(n) for an integer n as e**n by repeated squaring
    above 600 bits of precision: 30 ms at n = 1e308. Reducing by ln 2
    first is the general path, and as accurate.
    """
    x = mpmath.mpf(x)
    if abs(x) < 1e4:
        return mpmath.exp(x)
    with mpmath.extraprec(int(mpmath.mag(x)) + 20):
        n = mpmath.floor(x / mpmath.ln2)
        r = x - n * mpmath.ln2
    return mpmath.ldexp(mpmath.exp(r), int(n))


def working_digits(x: float) -> int:
    """50 digits, plus log10(1/|x|) for tiny |x| and min(|x|, 400) for large |x|.

    The extra digits keep 50 correct digits where the SymPy expression
    cancels: exp(x) - 1 at x = 1e-300 needs 300 more, 1 - tanh(x)**2 needs
    about 0.87·|x| more. Past |x| = 400 every such cancelling result is
    below 1e-340, which rounds to 0 in float64 and float32, so the extra
    digits stop growing there (tests/conftest.py, which checks fewer
    points, lets them grow to 10**4).
    """
    ax = abs(x)
    if 0 < ax < 1:
        return 50 + int(-math.log10(ax))
    return 50 + int(min(ax, EXTRA_DIGITS_CAP))


def mp_function(expr: sp.Expr):
    """Evaluate expr at a float with 50 correct digits; None where it is undefined (a kink)."""
    f = sp.lambdify(derive.X, expr, [{"exp": _mp_exp}, "mpmath"])

    def call(x: float):
        with mpmath.workdps(working_digits(x)):
            value = f(mpmath.mpf(x))
            return None if value is None else +mpmath.mpf(value)

    return call


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


def grid(dtype, quick: bool = False) -> np.ndarray:
    """Log-spaced magnitudes over the dtype's range, both signs, 0, and a dense linear part."""
    fi = np.finfo(dtype)
    per_decade = 1 if quick else 4
    lo = math.floor(math.log10(float(fi.smallest_subnormal)))  # -324 or -46
    lo = max(lo, -300) if dtype == np.float64 else lo + 1
    hi = math.log10(float(fi.max))
    mags = np.logspace(lo, hi - 1e-3, int((hi - lo) * per_decade) + 1)
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

    @property
    def ok(self) -> bool:
        return self.forward.ulp <= FORWARD_ULP and self.derivative.ulp <= DERIVATIVE_ULP


def _references(act: activations.Activation):
    exprs = derive.outputs(act, constants=True, defaults=True)
    forward = [mp_function(e) for e in exprs]
    derivative = [mp_function(derive.derivative(e)) for e in exprs]
    kinks = sorted({float(k) for e in exprs for k in derive.breakpoints(derive.pieces(e))})
    return forward, derivative, kinks


def _halves(y, n_outputs: int) -> list[np.ndarray]:
    """The outputs of a concatenating activation (1-D input) as separate arrays."""
    y = np.asarray(y)
    return list(np.split(y, n_outputs)) if n_outputs > 1 else [y]


def accuracy(act: activations.Activation, dtype=np.float64, quick: bool = False,
             points: np.ndarray | None = None, root: Path = ROOT) -> AccuracyRow:
    """Worst ULP errors of the snippet (and of the naive formula) over a grid."""
    if act.kind == "softmax":
        raise ValueError("softmax is measured by softmax_accuracy")
    ref_f, ref_d, kinks = _references(act)
    x = grid(dtype, quick) if points is None else np.asarray(points, dtype=dtype)
    x = np.unique(np.concatenate([x, kink_points(kinks, dtype)]))
    forward, derivative = snippet_functions(act, root)
    naive_f, naive_d = naive_functions(act)
    n = len(ref_f)
    with np.errstate(all="ignore"):  # warnings are the soundness tests' business
        ys = {"forward": _halves(forward(x), n), "derivative": _halves(derivative(x), n),
              "naive_forward": _halves(naive_f(x), n), "naive_derivative": _halves(naive_d(x), n)}
    worst = {key: Worst() for key in ys}
    skipped = 0
    for i, xi in enumerate(x.tolist()):
        near_kink = any(abs(xi - k) <= KINK_SKIP * abs(k) for k in kinks)
        skipped += near_kink
        for out in range(n):
            r = ref_f[out](xi)
            for key in ("forward", "naive_forward"):
                worst[key].update(ulp_error(ys[key][out][i], r, dtype), xi)
            if near_kink:
                continue
            r = ref_d[out](xi)
            for key in ("derivative", "naive_derivative"):
                worst[key].update(ulp_error(ys[key][out][i], r, dtype), xi)
    special = special_problems(forward, n, "f", dtype) + special_problems(derivative, n, "f′", dtype)
    naive_special = special_problems(naive_f, n, "f", dtype) + special_problems(naive_d, n, "f′", dtype)
    return AccuracyRow(act.slug, act.name, np.dtype(dtype).name, len(x), skipped, **worst,
                       special=special, naive_special=naive_special)


# Softmax: rows of logits, reference exp(x_i) / sum_k exp(x_k) in mpmath.


@dataclasses.dataclass
class SoftmaxFamily:
    label: str
    exact_differences: bool  # every x_i - max(x) is exact in float64
    rows: int
    length: int
    forward: float  # worst ULP over all entries
    forward_largest: float  # worst ULP of each row's largest entry
    jacobian: float | None
    others: dict[str, float]  # scipy / torch worst ULP on the same rows
    naive_forward: float = 0.0
    naive_jacobian: float | None = None

    @property
    def ok(self) -> bool:
        if self.exact_differences:
            return self.forward <= FORWARD_ULP and (self.jacobian is None or self.jacobian <= DERIVATIVE_ULP)
        scipy_worst = self.others.get("scipy.special.softmax")
        same = scipy_worst is None or self.forward <= scipy_worst
        return self.forward_largest <= FORWARD_ULP and same


def _softmax_reference(row: np.ndarray, jacobian: bool):
    """Exact softmax of a row (60 digits), and its Jacobian s_i·(δ_ij − s_j) if asked."""
    with mpmath.workdps(60):
        e = [mpmath.exp(mpmath.mpf(v)) for v in row.tolist()]
        total = mpmath.fsum(e)
        s = [v / total for v in e]
        if not jacobian:
            return s, None
        # 1 − s_i as the sum of the other entries: total − e_i would cancel
        rest = [mpmath.fsum(e[:i] + e[i + 1:]) / total for i in range(len(e))]
        jac = [[s[i] * rest[i] if i == j else -s[i] * s[j] for j in range(len(e))] for i in range(len(e))]
        return s, jac


def softmax_families(quick: bool = False) -> list[tuple[str, bool, np.ndarray]]:
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


def softmax_accuracy(act: activations.Activation, quick: bool = False, root: Path = ROOT,
                     torch_module=None) -> list[SoftmaxFamily]:
    forward, jacobian = snippet_functions(act, root)
    naive_f, naive_j = naive_functions(act)
    others = {}
    try:
        import scipy.special

        others["scipy.special.softmax"] = lambda x: scipy.special.softmax(x, axis=-1)
    except ImportError:
        pass
    if torch_module is not None:
        torch = torch_module
        others["torch.softmax"] = lambda x: torch.softmax(torch.from_numpy(x), dim=-1).numpy()
    result = []
    for label, exact, rows in softmax_families(quick):
        y, y_naive = forward(rows), naive_f(rows)
        ys_other = {name: fn(rows) for name, fn in others.items()}
        with_jacobian = rows.shape[1] <= 10
        jac = jacobian(rows) if with_jacobian else None
        jac_naive = naive_j(rows) if with_jacobian else None
        worst = worst_largest = worst_jac = worst_naive = worst_naive_jac = 0.0
        worst_other = dict.fromkeys(others, 0.0)
        for r, row in enumerate(rows):
            s, jac_ref = _softmax_reference(row, with_jacobian)
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
                n = len(s)
                for i in range(n):
                    for j in range(n):
                        worst_jac = max(worst_jac, ulp_error(jac[r, i, j], jac_ref[i][j], np.float64))
                        worst_naive_jac = max(worst_naive_jac,
                                              ulp_error(jac_naive[r, i, j], jac_ref[i][j], np.float64))
        result.append(SoftmaxFamily(label, exact, len(rows), rows.shape[1], worst, worst_largest,
                                    worst_jac if with_jacobian else None, worst_other, worst_naive,
                                    worst_naive_jac if with_jacobian else None))
    return result


# --------------------------------------------------------------------------
# 2. Speed
# --------------------------------------------------------------------------


@dataclasses.dataclass
class Timing:
    median: float  # seconds
    q1: float
    q3: float

    @property
    def spread(self) -> float:
        """Half the interquartile range, as a fraction of the median."""
        return (self.q3 - self.q1) / 2 / self.median if self.median > 0 else 0.0


def _timing(times: list[float]) -> Timing:
    times = sorted(times)
    q = statistics.quantiles(times, n=4, method="inclusive") if len(times) > 1 else [times[0]] * 3
    return Timing(statistics.median(times), q[0], q[2])


def time_calls(calls: dict[str, tuple], repeat: int) -> dict[str, Timing]:
    """Time each (fn, *args) ``repeat`` times, interleaved, one call per sample.

    Interleaving (in a rotating order) spreads a slow spell of a shared
    machine over every candidate instead of one, so the ratios stay fair.
    Each sample is the process's CPU time (``TIMER``) for one call.
    """
    names = list(calls)
    timers = {name: timeit.Timer(functools.partial(*calls[name]), timer=TIMER) for name in names}
    for t in timers.values():
        t.timeit(1)  # warm up (imports, caches, first touch of the input)
    samples: dict[str, list[float]] = {name: [] for name in names}
    for r in range(repeat):
        for name in names[r % len(names):] + names[: r % len(names)]:
            samples[name].append(timers[name].timeit(1))  # timeit turns the garbage collector off
    return {name: _timing(samples[name]) for name in names}


@dataclasses.dataclass
class SpeedRow:
    slug: str
    name: str
    shape: str
    snippet: Timing
    reference: Timing | None  # scipy.special (or the NumPy routine)
    reference_name: str
    torch: Timing | None
    torch_call: str
    naive: Timing
    derivative_shape: str
    snippet_derivative: Timing
    naive_derivative: Timing

    @property
    def baseline(self) -> tuple[str, Timing]:
        """What the 2x target compares with: scipy.special if it has the function, else naive."""
        if self.reference is not None and self.slug in SCIPY:
            return "scipy", self.reference
        return "naive", self.naive

    @property
    def forward_ok(self) -> bool:
        return self.snippet.median <= SPEED_FACTOR * self.baseline[1].median

    @property
    def derivative_ok(self) -> bool:
        return self.snippet_derivative.median <= SPEED_FACTOR * self.naive_derivative.median


def speed_input() -> np.ndarray:
    return np.random.default_rng(0).normal(scale=10, size=SPEED_SIZE)


def torch_call(act: activations.Activation, torch):
    """The catalog's PyTorch spelling as a callable on a tensor, or (None, reason)."""
    fw = next((f for f in act.frameworks if f.name == "PyTorch"), None)
    if fw is None:
        return None, "no PyTorch entry in the catalog"
    namespace = {"torch": torch}
    calls = [c for c in fw.calls if "(x" in c] + [c for c in fw.calls if "(x" not in c]
    for call in calls:
        if "(x" in call:
            try:
                fn = eval(f"lambda x: {call}", namespace)  # noqa: S307 - the catalog's own text
                fn(torch.zeros(2, dtype=torch.float64))
                return fn, call
            except Exception:  # noqa: BLE001 - e.g. a name the catalog leaves to the reader
                continue
        module = eval(call, namespace)  # noqa: S307
        module = module.to(torch.float64) if hasattr(module, "to") else module

        def apply(x, module=module):
            with torch.no_grad():
                return module(x)

        return apply, call + "(x)"
    return None, "no usable call"


def speed(act: activations.Activation, repeat: int, torch=None, root: Path = ROOT) -> SpeedRow:
    x = speed_input()
    shape = f"{SPEED_SIZE:,}".replace(",", " ")
    if act.kind == "softmax":
        x = x.reshape(-1, SOFTMAX_ROWS)
        shape = f"{x.shape[0]} × {x.shape[1]}"
    forward, derivative = snippet_functions(act, root)
    naive_f, naive_d = naive_functions(act)
    calls = {"snippet": (forward, x), "naive": (naive_f, x)}
    reference_name = ""
    if act.slug in SCIPY or act.slug in NUMPY_REFERENCE:
        reference_name = SCIPY.get(act.slug) or NUMPY_REFERENCE[act.slug]
        namespace = {"np": np}
        if reference_name.startswith("scipy"):
            import scipy.special  # noqa: F401

            namespace["scipy"] = sys.modules["scipy"]
        calls["reference"] = (eval(f"lambda x: {reference_name}", namespace), x)  # noqa: S307
    tcall = ""
    if torch is not None:
        fn, tcall = torch_call(act, torch)
        if fn is not None:
            calls["torch"] = (fn, torch.from_numpy(x))
        else:
            tcall = f"({tcall})"
    xd, dshape = x, shape
    if act.kind == "softmax":
        xd = x.reshape(-1)[: math.prod(JACOBIAN_SHAPE)].reshape(JACOBIAN_SHAPE)
        dshape = f"{xd.shape[0]} × {xd.shape[1]} → {xd.shape[0]} × {xd.shape[1]} × {xd.shape[1]}"
    calls["snippet_derivative"] = (derivative, xd)
    calls["naive_derivative"] = (naive_d, xd)
    t = time_calls(calls, repeat)
    return SpeedRow(act.slug, act.name, shape, t["snippet"], t.get("reference"), reference_name, t.get("torch"),
                    tcall, t["naive"], dshape, t["snippet_derivative"], t["naive_derivative"])


def load_torch():
    """torch with one thread, or None (the script runs without it)."""
    try:
        import torch
    except ImportError:
        return None
    torch.set_num_threads(1)
    return torch


# --------------------------------------------------------------------------
# 3. Build times
# --------------------------------------------------------------------------

MKDOCS_ENV = {**os.environ, "SOURCE_DATE_EPOCH": "0", "NO_MKDOCS_2_WARNING": "1"}
DERIVED = re.compile(r"activations: derived (\d+), drew (\d+) figure")
EXECUTED = re.compile(r"notebooks: executed (.+)")
EDIT_MARK = "Edited by scripts/benchmark.py."


@dataclasses.dataclass
class BuildRun:
    label: str
    seconds: float
    returncode: int
    derived: int
    drawn: int
    executed: list[str]
    warnings: int
    log: str = dataclasses.field(repr=False, default="")
    cpu_seconds: float = 0.0  # user + system time of the build and everything it ran

    @property
    def did_work(self) -> bool:
        return bool(self.derived or self.drawn or self.executed)


def parse_build_log(log: str) -> tuple[int, int, list[str], int]:
    derived = drawn = 0
    for m in DERIVED.finditer(log):
        derived += int(m.group(1))
        drawn += int(m.group(2))
    executed = [name.strip() for m in EXECUTED.finditer(log) for name in m.group(1).split(", ")]
    warnings = sum(1 for line in log.splitlines() if line.startswith("WARNING"))
    return derived, drawn, executed, warnings


def warning_messages(log: str) -> list[str]:
    """Each WARNING of a MkDocs log, joined with the "  - item" lines right after it."""
    messages: list[str] = []
    continuing = False
    for line in log.splitlines():
        if line.startswith("WARNING"):
            messages.append(re.sub(r"^WARNING\s*-\s*", "", line).strip())
            continuing = True
        elif continuing and line.startswith("  - "):
            messages[-1] += " " + line.strip()
        else:
            continuing = False
    return messages


def project_copy(dest: Path, root: Path = ROOT) -> Path:
    """The sources of the site, without build/ (no cache) and without site/."""
    ignore = shutil.ignore_patterns(".venv", ".git", "site", "build", "__pycache__", ".pytest_cache", ".cache")
    for name in ("docs", "scripts", "snippets"):
        if (root / name).exists():
            shutil.copytree(root / name, dest / name, ignore=ignore)
    shutil.copy(root / "mkdocs.yml", dest / "mkdocs.yml")
    return dest


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def mkdocs_build(project: Path, site: Path, label: str) -> BuildRun:
    start, cpu = time.perf_counter(), _children_cpu()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)], cwd=project,
                            env=MKDOCS_ENV, capture_output=True, text=True, timeout=1800)
    seconds, cpu = time.perf_counter() - start, _children_cpu() - cpu
    log = result.stdout + result.stderr
    return BuildRun(label, seconds, result.returncode, *parse_build_log(log), log=log, cpu_seconds=cpu)


def edit_a_paragraph(page: Path) -> str:
    """Append a sentence to the first prose paragraph; return the changed line."""
    lines = page.read_text(encoding="utf-8").splitlines(keepends=True)
    in_front_matter = lines and lines[0].strip() == "---"
    for i, line in enumerate(lines):
        if in_front_matter:
            if i > 0 and line.strip() == "---":
                in_front_matter = False
            continue
        text = line.strip()
        if text and text[0].isalpha() and not text.startswith("--8<--"):
            lines[i] = line.rstrip("\n") + " " + EDIT_MARK + "\n"
            page.write_text("".join(lines), encoding="utf-8")
            return text
    raise ValueError(f"{page}: no prose paragraph to edit")


@dataclasses.dataclass
class BuildResult:
    cold: BuildRun
    unchanged: list[BuildRun]
    edited: list[BuildRun]
    edited_page_ok: bool
    site: Path  # the cold build's output

    @property
    def unchanged_seconds(self) -> float:
        return statistics.median(r.seconds for r in self.unchanged)

    @property
    def edited_seconds(self) -> float:
        return statistics.median(r.seconds for r in self.edited)

    @property
    def unchanged_cpu(self) -> float:
        return statistics.median(r.cpu_seconds for r in self.unchanged)

    @property
    def edited_cpu(self) -> float:
        return statistics.median(r.cpu_seconds for r in self.edited)

    @property
    def warm_ok(self) -> bool:
        return not any(r.did_work for r in self.unchanged + self.edited)


def measure_build(workdir: Path, root: Path = ROOT, warm_runs: int = 3) -> BuildResult:
    project = project_copy(workdir / "project", root)
    site = workdir / "site"
    cold = mkdocs_build(project, site, "cold")
    if cold.returncode != 0:
        raise RuntimeError("cold build failed:\n" + cold.log[-3000:])
    warm_site = workdir / "site-warm"
    unchanged = [mkdocs_build(project, warm_site, "unchanged") for _ in range(warm_runs)]
    page = project / "docs" / "activations" / "relu.md"
    edited = []
    for n in range(warm_runs):
        if n:
            page.write_text(page.read_text(encoding="utf-8").replace(" " + EDIT_MARK, ""), encoding="utf-8")
        edit_a_paragraph(page)
        edited.append(mkdocs_build(project, warm_site, "edited"))
    built = (warm_site / "activations" / "relu" / "index.html").read_text(encoding="utf-8")
    return BuildResult(cold, unchanged, edited, EDIT_MARK in built, site)


# --------------------------------------------------------------------------
# 4. Page weight
# --------------------------------------------------------------------------

IMG_SRC = re.compile(r"<img\b[^>]*?\bsrc=\"([^\"]+)\"", re.I)
GLYPH_ID = re.compile(r"<path\b[^>]*\bid=\"(?!m[0-9a-f]{10}\")([^\"]+)\"")


@dataclasses.dataclass
class SvgInfo:
    name: str
    bytes: int
    gzip_bytes: int
    texts: int
    glyph_paths: int

    @property
    def text_as_text(self) -> bool:
        return self.texts > 0 and self.glyph_paths == 0


@dataclasses.dataclass
class PageWeight:
    slug: str
    name: str
    html_bytes: int
    figures: list[str]
    figure_bytes: int
    gzip_bytes: int  # html + figures, each gzipped as a server would

    @property
    def total(self) -> int:
        return self.html_bytes + self.figure_bytes

    @property
    def ok(self) -> bool:
        return self.total <= PAGE_BYTES


def svg_info(path: Path) -> SvgInfo:
    data = path.read_bytes()
    text = data.decode("utf-8", errors="replace")
    return SvgInfo(path.name, len(data), len(gzip.compress(data, 9, mtime=0)), len(re.findall(r"<text\b", text)),
                   len(GLYPH_ID.findall(text)))


def page_weights(site: Path) -> tuple[list[PageWeight], list[SvgInfo]]:
    pages, svgs = [], {}
    for act in activations.ACTIVATIONS:
        index = site / "activations" / act.slug / "index.html"
        data = index.read_bytes()
        figures = []
        for src in IMG_SRC.findall(data.decode("utf-8")):
            path = urlsplit(html.unescape(src)).path
            if re.match(r"^[a-z]+:", src) or path.startswith("/"):
                continue
            target = (index.parent / unquote(path)).resolve()
            rel = target.relative_to(site.resolve()).as_posix()
            if rel.startswith("assets/") or not target.is_file():
                continue  # theme assets are shared, not the page's own
            if rel not in figures:
                figures.append(rel)
        fig_bytes = sum((site / f).stat().st_size for f in figures)
        gz = len(gzip.compress(data, 9, mtime=0)) + sum(len(gzip.compress((site / f).read_bytes(), 9, mtime=0))
                                                     for f in figures)
        pages.append(PageWeight(act.slug, act.name, len(data), figures, fig_bytes, gz))
        for f in figures:
            if f.endswith(".svg"):
                svgs[f] = svg_info(site / f)
    return pages, [svgs[k] for k in sorted(svgs)]


# --------------------------------------------------------------------------
# 5. Lighthouse
# --------------------------------------------------------------------------

CHROME_FLAGS = ("--headless --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --disable-sync --no-first-run")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
COMPRESSIBLE = (".html", ".css", ".js", ".svg", ".json", ".xml", ".txt", ".map")


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site as GitHub Pages does: gzip, Cache-Control max-age=600."""

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def do_GET(self):  # noqa: N802 - http.server's name
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                self.send_response(301)
                self.send_header("Location", self.path + "/")
                self.end_headers()
                return
            path = path / "index.html"
        status = 200
        if not path.is_file():
            status, path = 404, Path(self.directory) / "404.html"
        data = path.read_bytes() if path.is_file() else b"not found"
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(str(path)))
        if path.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", ""):
            data = gzip.compress(data, 6, mtime=0)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


class SiteServer:
    """The site on 127.0.0.1, on a free port, in a thread of this process."""

    def __init__(self, site: Path):
        handler = lambda *a, **kw: _SiteHandler(*a, directory=str(site), **kw)  # noqa: E731
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


@dataclasses.dataclass
class LighthouseRun:
    page: str  # path on the site
    preset: str  # "mobile" or "desktop"
    scores: dict[str, float | None]
    failed: list[tuple[str, str, str]]  # (category, audit id, title)
    error: str = ""
    transfer_bytes: int | None = None  # everything the page fetched, compressed
    figures_fetched: list[str] = dataclasses.field(default_factory=list)
    performance_scores: list[float] = dataclasses.field(default_factory=list)  # of every run, when repeated

    @property
    def missed(self) -> list[str]:
        """The categories below their target."""
        return [c for c, t in LIGHTHOUSE_TARGETS.items() if (self.scores.get(c) or 0) < t]

    @property
    def ok(self) -> bool:
        return not self.error and not self.missed


def find_lighthouse() -> str | None:
    candidates = [os.environ.get("LIGHTHOUSE", ""), shutil.which("lighthouse") or "",
                  str(ROOT / "node_modules" / ".bin" / "lighthouse"), "/tmp/lh/node_modules/.bin/lighthouse"]
    return next((c for c in candidates if c and Path(c).is_file()), None)


def find_chrome() -> str | None:
    candidates = [os.environ.get("CHROME_PATH", ""), "/usr/bin/chromium", shutil.which("chromium") or "",
                  shutil.which("google-chrome") or ""]
    return next((c for c in candidates if c and Path(c).is_file()), None)


def failed_audits(report: dict) -> list[tuple[str, str, str]]:
    """Audits of the four categories that did not pass (score < 0.9, as Lighthouse colours them)."""
    failed = []
    for category in CATEGORIES:
        for ref in report.get("categories", {}).get(category, {}).get("auditRefs", []):
            audit = report["audits"].get(ref["id"], {})
            score = audit.get("score")
            if audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings") and score is not None \
                    and score < 0.9:
                failed.append((category, ref["id"], audit.get("title", "")))
    return failed


def median_run(runs: list[LighthouseRun]) -> LighthouseRun:
    """The run with the median performance score (Lighthouse's advice for variable scores)."""
    good = [r for r in runs if not r.error]
    if not good:
        return runs[-1]
    ordered = sorted(good, key=lambda r: r.scores.get("performance") or 0.0)
    chosen = dataclasses.replace(ordered[(len(ordered) - 1) // 2])
    chosen.performance_scores = sorted(r.scores.get("performance") or 0.0 for r in good)
    return chosen


def run_lighthouse(lighthouse: str, chrome: str, url: str, page: str, preset: str, workdir: Path,
                   reports: Path | None = None, attempt: int = 0) -> LighthouseRun:
    name = page.strip("/").replace("/", "_") or "home"
    out = workdir / f"lh-{preset}-{name}{f'-{attempt + 1}' if attempt else ''}.json"
    cmd = [lighthouse, url + page.lstrip("/"), "--output=json", f"--output-path={out}", "--quiet",
           f"--chrome-flags={CHROME_FLAGS}", "--only-categories=" + ",".join(CATEGORIES)]
    if preset == "desktop":
        cmd.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": chrome}
    try:
        result = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    except subprocess.TimeoutExpired:
        return LighthouseRun(page, preset, {}, [], "timed out after 300 s")
    if result.returncode != 0 or not out.exists():
        reason = (result.stderr or result.stdout).strip().splitlines()
        return LighthouseRun(page, preset, {}, [], reason[-1] if reason else f"exit code {result.returncode}")
    report = json.loads(out.read_text())
    if reports is not None:
        reports.mkdir(parents=True, exist_ok=True)
        shutil.copy(out, reports / out.name)
    scores = {c: report["categories"].get(c, {}).get("score") for c in CATEGORIES}
    runtime_error = report.get("runtimeError", {}).get("message", "")
    weight = report["audits"].get("total-byte-weight", {}).get("numericValue")
    requests = report["audits"].get("network-requests", {}).get("details", {}).get("items", [])
    figures = sorted({urlsplit(r.get("url", "")).path.rsplit("/", 1)[-1] for r in requests
                      if "/figures/" in r.get("url", "")})
    return LighthouseRun(page, preset, scores, failed_audits(report), runtime_error,
                         None if weight is None else int(weight), figures)


def notebook_pages(root: Path = ROOT) -> list[str]:
    return [f"experiments/{p.stem}/" for p in sorted((root / "docs" / "experiments").glob("*.py"))]


def lighthouse_pages(site: Path, root: Path = ROOT) -> list[str]:
    pages = ["", "activations/relu/", "activations/sigmoid/", "activations/softmax/"]
    pages += [p for p in notebook_pages(root) if (site / p / "index.html").is_file()][:1]
    return pages


@dataclasses.dataclass
class LighthouseResult:
    runs: list[LighthouseRun]
    version: str
    note: str = ""  # why it did not run


def measure_lighthouse(site: Path, workdir: Path, presets=("mobile", "desktop"), root: Path = ROOT,
                       reports: Path | None = None, repeat: dict[str, int] | None = None) -> LighthouseResult:
    lighthouse, chrome = find_lighthouse(), find_chrome()
    if lighthouse is None:
        return LighthouseResult([], "", "Lighthouse was not found (`npm install --prefix /tmp/lh lighthouse@13`, "
                                        "or set LIGHTHOUSE to its executable).")
    if chrome is None:
        return LighthouseResult([], "", "No Chromium was found (set CHROME_PATH).")
    version = _command_output([lighthouse, "--version"])
    runs = []
    with SiteServer(site) as server:
        for page in lighthouse_pages(site, root):
            for preset in presets:
                attempts = [run_lighthouse(lighthouse, chrome, server.url, "/" + page, preset, workdir, reports, n)
                            for n in range((repeat or {}).get(preset, 1))]
                runs.append(median_run(attempts))
    return LighthouseResult(runs, version)


# --------------------------------------------------------------------------
# Environment
# --------------------------------------------------------------------------


def _command_output(cmd: list[str]) -> str:
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=60).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return out.splitlines()[-1] if out else ""


def _version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def environment(torch=None, lighthouse_version: str = "", today: datetime.date | None = None) -> dict[str, str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor() or "unknown"
    cores = os.cpu_count() or 0
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else cores
    blas = ", ".join(f"{k}={v}" for k, v in sorted(os.environ.items()) if k.startswith("OPENBLAS_")) or "none"
    env = {
        "Date": (today or datetime.date.today()).isoformat(),
        "CPU": f"{cpu}, {cores} logical core(s), {usable} usable",
        "System": f"{platform.system()} {platform.release()} ({platform.machine()})",
        "Load average at start": " ".join(f"{v:.2f}" for v in os.getloadavg()) if hasattr(os, "getloadavg") else "",
        "Python": platform.python_version(),
        "NumPy": np.__version__,
        "SciPy": _version("scipy"),
        "mpmath": mpmath.__version__,
        "SymPy": sp.__version__,
        "PyTorch": (f"{torch.__version__} ({torch.get_num_threads()} thread)" if torch is not None
                    else "not installed in this environment"),
        "MkDocs": _version("mkdocs"),
        "Material for MkDocs": _version("mkdocs-material"),
        "OPENBLAS_* variables": blas,
    }
    if lighthouse_version:
        env["Lighthouse"] = lighthouse_version
        env["Chromium"] = _command_output([find_chrome() or "chromium", "--version"])
        env["Node.js"] = _command_output(["node", "--version"])
    return env


# --------------------------------------------------------------------------
# The page
# --------------------------------------------------------------------------


def fmt_ulp(v: float | None) -> str:
    if v is None:
        return "—"
    if math.isinf(v):
        return "∞"
    if v < 100:
        return f"{v:.2f}"
    mantissa, exponent = f"{v:.1e}".split("e")
    return f"{mantissa}e{int(exponent)}"


def fmt_x(x: float) -> str:
    return "0" if x == 0 else f"{x:.4g}".replace("e+", "e")


def fmt_at(w: Worst) -> str:
    return "everywhere" if w.ulp == 0 else f"x = {fmt_x(w.x)}"


def fmt_ms(t: Timing | None) -> str:
    if t is None:
        return "—"
    return f"{t.median * 1e3:.2f} ms ±{t.spread * 100:.0f} %"


def fmt_ratio(a: Timing, b: Timing | None) -> str:
    return "—" if b is None or b.median == 0 else f"{a.median / b.median:.2f}×"


def fmt_kb(n: int) -> str:
    return f"{n / 1024:.1f} KB"


def mark(ok: bool) -> str:
    return "✓" if ok else "✗"


def code(text: str) -> str:
    return "`" + text.replace("|", "\\|") + "`"


def link(slug: str, name: str) -> str:
    return f"[{name}](activations/{slug}.md)"


def _table(header: list[str], rows: list[list[str]]) -> str:
    out = "| " + " | ".join(header) + " |\n|" + "|".join("---" for _ in header) + "|\n"
    return out + "".join("| " + " | ".join(r) + " |\n" for r in rows)


def render_accuracy(rows: list[AccuracyRow], softmax: list[SoftmaxFamily] | None, quick: bool) -> str:
    md = "## 1. Snippet accuracy\n\n"
    if not rows:
        return md + "Not measured in this run.\n\n"
    by_dtype: dict[str, list[AccuracyRow]] = {}
    for r in rows:
        by_dtype.setdefault(r.dtype, []).append(r)
    md += (
        "Worst error of each snippet, value and derivative, against the exact value: the SymPy "
        "expression declared in `scripts/activations.py` (its derivative away from the kinks), at the "
        "default parameters, evaluated by mpmath with 50 significant digits, more where the expression "
        "cancels: 50 + log₁₀(1/|x|) digits for tiny |x| (exp(x) − 1), 50 + min(|x|, "
        f"{EXTRA_DIGITS_CAP}) for large |x| (1 − tanh(x)², which underflows to 0 past that). "
        "The error is in ULP, units in the last place of the dtype at the exact value: a correctly "
        "rounded result is within 0.5 ULP. The grid holds log-spaced magnitudes from 1e-300 (float32: "
        "the smallest subnormal) to the largest finite number, both signs and zero, a dense linear part "
        "on [−40, 40] (step 0.01), a wider one out to where `exp` overflows, and points next to each "
        f"kink. Derivative points within {KINK_SKIP:g} (relative) of a kink are skipped: the derivative "
        "does not exist there, and the value the snippet returns at the kink is checked by the tests. "
        f"Targets: value ≤ {FORWARD_ULP:g} ULP, derivative ≤ {DERIVATIVE_ULP:g} ULP.\n\n"
    )
    if quick:
        md += "*Quick run: a coarser grid (one magnitude per decade).*\n\n"
    for dtype, group in by_dtype.items():
        note = "" if dtype == "float64" else " (input, computation and reference rounding in float32)"
        md += f"### {dtype}{note}\n\n"
        table = [[link(r.slug, r.name), str(r.points), f"{fmt_ulp(r.forward.ulp)} ({fmt_at(r.forward)})",
                  f"{fmt_ulp(r.derivative.ulp)} ({fmt_at(r.derivative)})", mark(r.ok)] for r in group]
        md += _table(["Activation", "Points", "Value ULP (worst at)", "Derivative ULP (worst at)", "Target"],
                     table) + "\n"
        skipped = sorted({r.skipped for r in group})
        md += (f"Derivative points skipped next to a kink: {', '.join(map(str, skipped))} per activation "
               "(0 for the smooth ones).\n\n")
    md += (
        "### Against the naive formula, and at NaN and ±inf\n\n"
        "The textbook formulas of section 2 on the same float64 points: "
        "∞ means inf or NaN where the exact value is finite. The last two columns evaluate each function "
        "at NaN, which must stay NaN, and at ±inf, where every activation here has a limit, so NaN is "
        "wrong (f′ is the derivative).\n\n"
    )
    table = []
    for r in by_dtype.get("float64", []):
        table.append([link(r.slug, r.name), f"{fmt_ulp(r.naive_forward.ulp)} ({fmt_at(r.naive_forward)})",
                      f"{fmt_ulp(r.naive_derivative.ulp)} ({fmt_at(r.naive_derivative)})",
                      ", ".join(r.special) or "✓", ", ".join(r.naive_special) or "✓"])
    md += _table(["Activation", "Naive value ULP", "Naive derivative ULP", "Snippet at NaN, ±inf",
                  "Naive at NaN, ±inf"], table) + "\n"
    crelu = [a for a in activations.ACTIVATIONS if a.kind == "concat"]
    if crelu:
        names = ", ".join(a.name for a in crelu)
        md += (f"{names} concatenates two elementwise outputs; its row is the worst over both halves "
               "(the derivative of each half with respect to its input).\n\n")
    if softmax:
        sm = next(a for a in activations.ACTIVATIONS if a.kind == "softmax")
        md += (
            f"### {sm.name} (float64)\n\n"
            f"{link(sm.slug, sm.name)} maps a row to a row, so it is measured on rows of logits: the "
            "reference is "
            "exp(x_i) / Σ_k exp(x_k) in mpmath, the Jacobian s_i·(δ_ij − s_j) with 1 − s_i summed from "
            "the other entries. The snippet, SciPy and PyTorch all compute exp(x_i − max x) so that "
            "nothing overflows; where x_i − max x is not a float64 number it is rounded, and that rounding "
            "costs up to about |x_i − max x|/2 ULP in the result, for all three alike. "
            "Targets: where the differences are exact, value "
            f"≤ {FORWARD_ULP:g} ULP and Jacobian ≤ {DERIVATIVE_ULP:g} ULP; otherwise the largest entry of "
            f"each row ≤ {FORWARD_ULP:g} ULP and no entry worse than `scipy.special.softmax` on the same "
            "rows.\n\n"
        )
        other_names = list(softmax[0].others) if softmax else []
        table = []
        for fam in softmax:
            table.append([fam.label, str(fam.rows), "yes" if fam.exact_differences else "no",
                          fmt_ulp(fam.forward), fmt_ulp(fam.forward_largest)]
                         + [fmt_ulp(fam.others[n]) for n in other_names]
                         + [fmt_ulp(fam.jacobian), fmt_ulp(fam.naive_forward), fmt_ulp(fam.naive_jacobian),
                            mark(fam.ok)])
        md += _table(["Rows", "Count", "x_i − max exact", "Snippet ULP (all)", "Snippet ULP (largest)"]
                     + [f"{code(n)} ULP" for n in other_names]
                     + ["Jacobian ULP", "Naive ULP", "Naive Jacobian ULP", "Target"], table) + "\n"
        md += ("The naive columns are the textbook formulas of section 2: exp(x) overflows past 709, and "
               "s_i·(1 − s_i) on the diagonal cancels when s_i is close to 1. Where nothing overflows, "
               "exp(x_i) without the shift is more accurate on rows with rounded differences.\n\n")
        if not any("torch" in n for n in other_names):
            md += "PyTorch was not installed in the environment that ran this, so it has no column.\n\n"
    misses = [r for r in rows if not r.ok]
    if misses:
        md += "**Missed:** " + "; ".join(
            f"{r.name} ({r.dtype}): value {fmt_ulp(r.forward.ulp)} ULP at x = {fmt_x(r.forward.x)}, "
            f"derivative {fmt_ulp(r.derivative.ulp)} ULP at x = {fmt_x(r.derivative.x)}" for r in misses) + ".\n\n"
    return md


@dataclasses.dataclass
class ErrorInfo:
    """Worst errors of the snippet and the naive formula for one part, and where."""

    snippet: float
    naive: float
    where: str
    naive_special: list[str]
    special: list[str]


def error_info(accuracy_rows: list[AccuracyRow], softmax: list[SoftmaxFamily]) -> dict[tuple[str, str], ErrorInfo]:
    info = {}
    for a in accuracy_rows:
        if a.dtype != "float64":
            continue
        for part, snip, naive, sym in (("forward", a.forward, a.naive_forward, "f("),
                                       ("derivative", a.derivative, a.naive_derivative, "f′(")):
            info[(a.slug, part)] = ErrorInfo(
                snip.ulp, naive.ulp, f"at x = {fmt_x(naive.x)}", [p for p in a.naive_special if p.startswith(sym)],
                [p for p in a.special if p.startswith(sym)])
    for act in activations.ACTIVATIONS:
        if act.kind == "softmax" and softmax:
            fam = max(softmax, key=lambda f: f.naive_forward)
            info[(act.slug, "forward")] = ErrorInfo(fam.forward, fam.naive_forward,
                                                    f"on rows of {fam.label}", [], [])
            jac = [f for f in softmax if f.naive_jacobian is not None]
            if jac:
                fam = max(jac, key=lambda f: f.naive_jacobian)
                info[(act.slug, "derivative")] = ErrorInfo(fam.jacobian, fam.naive_jacobian,
                                                           f"on rows of {fam.label}", [], [])
    return info


def _speed_reason(r: SpeedRow, part: str, info: dict[tuple[str, str], ErrorInfo],
                  primitives: dict[str, Timing]) -> str:
    base_name, base = r.baseline if part == "forward" else ("naive", r.naive_derivative)
    mine = r.snippet if part == "forward" else r.snippet_derivative
    what = "value" if part == "forward" else "derivative"
    text = (f"{r.name} {what}: {mine.median / base.median:.2f}× the "
            f"{'naive formula' if base_name == 'naive' else code(r.reference_name)}.")
    reasons = []
    e = info.get((r.slug, part))
    target = FORWARD_ULP if part == "forward" else DERIVATIVE_ULP
    if e is not None and e.naive > e.snippet and e.naive > target:
        reasons.append(f"Accuracy: the naive formula's worst error is {fmt_ulp(e.naive)} ULP ({e.where}), "
                       f"the snippet's {fmt_ulp(e.snippet)} ULP.")
    if e is not None and e.naive_special and not e.special:
        reasons.append(f"Correctness: the naive formula gives {', '.join(e.naive_special)}; the snippet keeps "
                       "NaN as NaN and gives the limits at ±inf.")
    source = snippet_source(r.slug, part)
    if "np.heaviside" in source and "heaviside" in primitives and "compare" in primitives:
        reasons.append(f"Readability: it uses `np.heaviside`, whose second argument states the value at the "
                       f"kink and which keeps NaN, but which NumPy does not vectorise: "
                       f"{primitives['heaviside'].median * 1e3:.2f} ms per call here, against "
                       f"{primitives['compare'].median * 1e3:.2f} ms for the comparison `x > 0`.")
    if REASONS.get((r.slug, part)):
        reasons.append(REASONS[(r.slug, part)])
    if not reasons:
        reasons.append("No reason measured: a candidate for optimisation.")
    return text + " " + " ".join(reasons)


def snippet_source(slug: str, part: str, root: Path = ROOT) -> str:
    """The source of the snippet's forward or derivative function, '' if not found."""
    import inspect

    act = activations.by_slug().get(slug)
    if act is None:
        return ""
    forward, derivative = snippet_functions(act, root)
    try:
        return inspect.getsource(forward if part == "forward" else derivative)
    except (OSError, TypeError):
        return ""


def render_speed(rows: list[SpeedRow], repeat: int, info: dict[tuple[str, str], ErrorInfo], torch_version: str,
                 primitives: dict[str, Timing] | None = None) -> str:
    md = "## 2. Snippet speed\n\n"
    if not rows:
        return md + "Not measured in this run.\n\n"
    md += (
        f"Time of one call on {SPEED_SIZE:,} float64 values, `np.random.default_rng(0).normal(scale=10, "
        f"size=10**6)` (softmax: the same values as rows of {SOFTMAX_ROWS}), all in one process: `timeit` "
        f"with the process's CPU time as its clock (`time.process_time`), one call per sample, {repeat} "
        "samples per function taken in turn with the others so that a busy spell of the shared machine "
        "hits them all; the median, ± half the interquartile range in % of the median. "
        "Ratios are snippet time ÷ "
        "other time, so above 1 the snippet is slower. The scipy column is `scipy.special` where it has "
        "the function (`expit` for sigmoid, `softmax`); tanh has no `scipy.special` version, so that "
        "column shows `np.tanh`, which is also what the tanh snippet calls. PyTorch runs on the CPU with "
        "`torch.set_num_threads(1)`, calling the catalog's PyTorch spelling on a tensor sharing the "
        "NumPy buffer: it is the limit to aim at, not a target. The naive formula is the textbook "
        "one-liner, run under `np.errstate(all=\"ignore\")`. "
        f"Target: no snippet slower than {SPEED_FACTOR:g}× `scipy.special` (or {SPEED_FACTOR:g}× the naive "
        "formula where scipy lacks the function).\n\n"
        "Each call allocates fresh 8 MB arrays for its result and temporaries; on this virtual machine "
        "the first touch of such memory page-faults, a cost (counted as system time) that every "
        "implementation pays per temporary, and a source of noise that shows in the spread.\n\n"
    )
    if not torch_version:
        md += ("PyTorch is not installed in the environment that ran this: rerun the script from a "
               "virtual environment with `torch==2.13.0` to fill its column.\n\n")
    table = []
    for r in rows:
        base_name, _ = r.baseline
        table.append([link(r.slug, r.name), fmt_ms(r.snippet),
                      (code(r.reference_name) + " " + fmt_ms(r.reference)) if r.reference else "—",
                      fmt_ratio(r.snippet, r.reference), fmt_ms(r.torch), fmt_ratio(r.snippet, r.torch),
                      fmt_ms(r.naive), fmt_ratio(r.snippet, r.naive),
                      f"{mark(r.forward_ok)} ({base_name})"])
    md += "### Value\n\n" + _table(["Activation", "Snippet", "scipy / NumPy", "÷ scipy", "PyTorch", "÷ PyTorch",
                                    "Naive", "÷ naive", "Target"], table) + "\n"
    table = []
    for r in rows:
        table.append([link(r.slug, r.name), r.derivative_shape, fmt_ms(r.snippet_derivative),
                      fmt_ms(r.naive_derivative), fmt_ratio(r.snippet_derivative, r.naive_derivative),
                      mark(r.derivative_ok)])
    md += ("### Derivative\n\nThe snippet's derivative against the naive one (same input; for softmax the "
           "Jacobian of rows of 100, whose output is 100 times larger than its input, so a smaller "
           "input). Same target, against the naive formula.\n\n")
    md += _table(["Activation", "Shape", "Snippet", "Naive", "÷ naive", "Target"], table) + "\n"
    md += "### PyTorch calls and naive formulas\n\n"
    table = []
    for r in rows:
        forward, derivative = NAIVE[r.slug]
        table.append([r.name, code(r.torch_call) if r.torch_call else "—", code(forward), code(derivative)])
    md += _table(["Activation", "PyTorch", "Naive value", "Naive derivative"], table) + "\n"
    misses = [(r, "forward") for r in rows if not r.forward_ok] + [(r, "derivative") for r in rows
                                                                   if not r.derivative_ok]
    if misses:
        md += "### Where a snippet misses the target\n\n"
        md += "".join(f"- {_speed_reason(r, part, info, primitives or {})}\n" for r, part in misses) + "\n"
    else:
        md += "Every snippet meets the target.\n\n"
    return md


def render_build(b: BuildResult | None, error: str = "") -> str:
    md = "## 3. Build\n\n"
    if b is None:
        return md + (f"Not measured: {error}\n\n" if error else "Not measured in this run.\n\n")
    md += (
        "`mkdocs build` (not `--strict`, so a page not yet in the nav only warns) of a fresh copy of "
        "`docs/`, `scripts/`, `snippets/` and `mkdocs.yml`, wall-clock time including Python's start. "
        "*Cold*: no `build/` folder, so the hook derives every activation with SymPy, draws every "
        "figure and executes every notebook. *Unchanged*: the same build again, nothing edited. "
        "*One page edited*: a sentence appended to the first paragraph of `docs/activations/relu.md` "
        f"before each build. Warm times are the median of {len(b.unchanged)} "
        f"build{'s' if len(b.unchanged) != 1 else ''}. The work each build did "
        "is read from its log: the hook prints `activations: derived …, drew …` and `notebooks: executed …` "
        "only when it does work.\n\n"
    )

    def work(r: BuildRun) -> str:
        parts = []
        if r.derived or r.drawn:
            parts.append(f"derived {r.derived}, drew {r.drawn} figures")
        if r.executed:
            parts.append(f"executed {len(r.executed)} notebook(s)")
        return "; ".join(parts) or "nothing re-derived, redrawn or executed"

    def ratio(a: float, b: float) -> str:
        return f"{a / b:.2f}" if b > 0 else "—"

    rows = [["Cold", f"{b.cold.seconds:.1f} s", f"{b.cold.cpu_seconds:.1f} s", "1.00", work(b.cold),
             str(b.cold.warnings)]]
    for label, runs, secs, cpu in (("Unchanged", b.unchanged, b.unchanged_seconds, b.unchanged_cpu),
                                   ("One page edited", b.edited, b.edited_seconds, b.edited_cpu)):
        worst = max(runs, key=lambda r: (r.did_work, r.seconds))
        rows.append([label, f"{secs:.1f} s", f"{cpu:.1f} s", ratio(secs, b.cold.seconds), work(worst),
                     str(max(r.warnings for r in runs))])
    md += _table(["Build", "Wall time", "CPU time", "Wall ÷ cold", "Work done (from the log)", "Warnings"],
                 rows) + "\n"
    cpu_ratio = (f" ({b.cold.cpu_seconds / b.unchanged_cpu:.1f}× in CPU time)" if b.unchanged_cpu > 0 else "")
    md += (f"The full build takes {b.cold.seconds / b.unchanged_seconds:.1f}× the wall time of a plain MkDocs "
           f"build of the same Markdown with the figures and notebooks already cached (the unchanged "
           f"rebuild){cpu_ratio}. CPU time (user + system, the build and every process it ran) is "
           "less sensitive than wall time to other jobs on a shared machine.\n\n")
    warnings = sorted({w for r in [b.cold, *b.unchanged, *b.edited] for w in warning_messages(r.log)})
    if warnings:
        md += "Warnings in the build logs:\n\n" + "".join(
            f"- {code(w[:200])}\n" for w in warnings[:5]) + "\n"
    md += (f"Target — a warm rebuild re-executes no notebook and redraws no figure: {mark(b.warm_ok)} "
           + ("(no warm build printed the hook's work lines"
              if b.warm_ok else "(a warm build printed the hook's work lines")
           + ("; the edited sentence is in the rebuilt page).\n\n" if b.edited_page_ok
              else "; but the edited sentence is missing from the rebuilt page).\n\n"))
    return md


def render_weight(pages: list[PageWeight], svgs: list[SvgInfo]) -> str:
    md = "## 4. Page weight\n\n"
    if not pages:
        return md + "Not measured in this run.\n\n"
    md += (
        "Bytes that belong to each activation page, from the cold build: its `index.html` and the "
        "figures it references, not the theme's shared CSS, JavaScript and KaTeX, which a reader "
        "downloads once for the whole site. Each figure exists in a light and a dark version; both are "
        "referenced, but the hidden one is lazy-loaded and so not fetched. "
        f"Gzip: the same files compressed as a web server does. Target: ≤ {PAGE_BYTES // 1024} KB per page.\n\n"
    )
    rows = [[link(p.slug, p.name), fmt_kb(p.html_bytes), str(len(p.figures)), fmt_kb(p.figure_bytes),
             fmt_kb(p.total), fmt_kb(p.gzip_bytes), mark(p.ok)] for p in pages]
    md += _table(["Page", "HTML", "Figures", "Figure bytes", "Total", "Gzip", "Target"], rows) + "\n"
    md += (
        "### Figures\n\n"
        "SVG written by matplotlib with `svg.fonttype: none`: labels stay `<text>` elements, rendered "
        "in the reader's fonts and searchable, instead of glyph outlines defined as `<path>` elements. "
        "\"Glyph paths\" counts `<path id=…>` definitions other than matplotlib's markers.\n\n"
    )
    rows = [[s.name.split("/")[-1], fmt_kb(s.bytes), fmt_kb(s.gzip_bytes), str(s.texts), str(s.glyph_paths),
             mark(s.text_as_text)] for s in svgs]
    md += _table(["Figure", "Size", "Gzip", "<text>", "Glyph paths", "Text as text"], rows) + "\n"
    return md


def render_lighthouse(result: LighthouseResult | None) -> str:
    md = "## 5. Lighthouse\n\n"
    if result is None:
        return md + "Not run (`--skip-lighthouse`, or left out by `--only`).\n\n"
    if result.note:
        return md + f"Not run: {result.note}\n\n"
    md += (
        "Lighthouse from npm with headless Chromium, offline, against the built site served on "
        "127.0.0.1 by this script the way GitHub Pages serves it (gzip, `Cache-Control: max-age=600`). "
        "Mobile is Lighthouse's default (an emulated phone on a throttled network and CPU), desktop is "
        "`--preset=desktop`. Scores are 0–1; performance varies from run to run, so where a page ran "
        "more than once the table shows the run with the median performance score, and the spread "
        "of the performance scores follows in brackets. Targets on mobile: performance ≥ 0.95; accessibility, "
        "best practices and SEO 1.0.\n\n"
    )
    notebooks = [p for p in {r.page for r in result.runs} if "experiments/" in p]
    if not notebooks:
        md += "Notebook page: none yet (no built notebook in `docs/experiments/`).\n\n"

    def score(v):
        return "—" if v is None else f"{v:.2f}"

    rows = []
    for r in result.runs:
        label = r.page.strip("/") or "home"
        if r.error:
            rows.append([label, r.preset] + ["—"] * 4 + [f"error: {r.error}"])
            continue
        target = "(no target)"
        if r.preset == "mobile":
            target = "✓" if r.ok else "✗ " + ", ".join(r.missed)
        transfer = "—" if r.transfer_bytes is None else fmt_kb(r.transfer_bytes)
        perf = score(r.scores.get("performance"))
        if len(r.performance_scores) > 1:
            perf += f" ({r.performance_scores[0]:.2f}–{r.performance_scores[-1]:.2f})"
        rows.append([label, r.preset, perf] + [score(r.scores.get(c)) for c in CATEGORIES[1:]]
                    + [transfer, ", ".join(r.figures_fetched) or "none", target])
    md += _table(["Page", "Preset", "Performance", "Accessibility", "Best practices", "SEO", "Transferred",
                  "Figures fetched", "Target"], rows) + "\n"
    md += ("*Transferred* is Lighthouse's total byte weight: every request of the page, theme and fonts "
           "included, compressed. *Figures fetched* shows which of the page's light and dark figures the "
           "browser actually requested.\n\n")
    failing = [r for r in result.runs if r.failed]
    if failing:
        md += ("### Audits that did not pass\n\n"
               "Audits scoring below 0.9 (Lighthouse's own pass mark), by category. In performance only the "
               "metrics (first contentful paint, largest contentful paint, total blocking time, cumulative "
               "layout shift, speed index) are weighted into the score; the insights and diagnostics listed "
               "beside them say where the time goes. `--reports DIR` keeps the full JSON reports.\n\n")
        where: dict[tuple[str, str], dict[str, list[str]]] = {}
        titles: dict[str, str] = {}
        for r in failing:
            label = r.page.strip("/") or "home"
            for category, aid, title in r.failed:
                where.setdefault((category, aid), {}).setdefault(label, []).append(r.preset)
                titles[aid] = title
        order = sorted(where, key=lambda k: (CATEGORIES.index(k[0]), -sum(map(len, where[k].values())), k[1]))
        rows = [[category, code(aid), titles[aid].replace("|", "/").replace("`", "").rstrip("."),
                 ", ".join(f"{page} ({', '.join(presets)})" for page, presets in where[(category, aid)].items())]
                for category, aid in order]
        md += _table(["Category", "Audit", "Title", "Fails on"], rows) + "\n"
    return md


def render_environment(env: dict[str, str]) -> str:
    md = "## Environment\n\n"
    return md + _table(["", ""], [[k, v.replace("|", "/")] for k, v in env.items()]) + "\n"


@dataclasses.dataclass
class Results:
    env: dict[str, str]
    quick: bool = False
    accuracy: list[AccuracyRow] = dataclasses.field(default_factory=list)
    softmax: list[SoftmaxFamily] = dataclasses.field(default_factory=list)
    speed: list[SpeedRow] = dataclasses.field(default_factory=list)
    repeat: int = 0
    primitives: dict[str, Timing] = dataclasses.field(default_factory=dict)
    build: BuildResult | None = None
    build_error: str = ""
    pages: list[PageWeight] = dataclasses.field(default_factory=list)
    svgs: list[SvgInfo] = dataclasses.field(default_factory=list)
    lighthouse: LighthouseResult | None = None


def summary(res: Results) -> list[str]:
    lines = []
    if res.accuracy:
        bad = [r for r in res.accuracy if not r.ok]
        lines.append(f"Accuracy: {len(res.accuracy) - len(bad)} of {len(res.accuracy)} elementwise rows "
                     f"meet ≤ {FORWARD_ULP:g} / {DERIVATIVE_ULP:g} ULP {mark(not bad)}"
                     + (f"; softmax {sum(f.ok for f in res.softmax)} of {len(res.softmax)} row families "
                        f"{mark(all(f.ok for f in res.softmax))}" if res.softmax else "") + ".")
    if res.speed:
        bad = [r.name for r in res.speed if not r.forward_ok]
        badd = [r.name for r in res.speed if not r.derivative_ok]
        lines.append(f"Speed: value within {SPEED_FACTOR:g}× the reference for {len(res.speed) - len(bad)} of "
                     f"{len(res.speed)} {mark(not bad)}" + (f" (not: {', '.join(bad)})" if bad else "")
                     + f"; derivative within {SPEED_FACTOR:g}× naive for {len(res.speed) - len(badd)} of "
                     f"{len(res.speed)} {mark(not badd)}" + (f" (not: {', '.join(badd)})" if badd else "") + ".")
    if res.build:
        b = res.build
        lines.append(f"Build: cold {b.cold.seconds:.1f} s, unchanged {b.unchanged_seconds:.1f} s, one page "
                     f"edited {b.edited_seconds:.1f} s; warm rebuilds redo no work {mark(b.warm_ok)}.")
    if res.pages:
        heaviest = max(res.pages, key=lambda p: p.total)
        lines.append(f"Page weight: heaviest {heaviest.name} with {fmt_kb(heaviest.total)} "
                     f"{mark(all(p.ok for p in res.pages))}; figures keep text as text "
                     f"{mark(all(s.text_as_text for s in res.svgs))}.")
    if res.lighthouse and res.lighthouse.runs:
        mobile = [r for r in res.lighthouse.runs if r.preset == "mobile" and not r.error]
        parts = [f"{c} ≥ {t:g} on {sum(c not in r.missed for r in mobile)} of {len(mobile)} pages "
                 f"{mark(all(c not in r.missed for r in mobile))}" for c, t in LIGHTHOUSE_TARGETS.items()]
        lines.append("Lighthouse (mobile): " + "; ".join(parts) + ".")
    return lines


def render_page(res: Results) -> str:
    env = res.env
    md = (
        "---\n"
        "description: How accurate and how fast the NumPy snippets are, how long the site takes to build, "
        "how heavy its pages are and how Lighthouse scores them, measured by scripts/benchmark.py.\n"
        "---\n\n"
        "<!-- Generated by scripts/benchmark.py: rerun it, don't edit this file. -->\n\n"
        "# Performance\n\n"
        f"!!! note \"Generated by `scripts/benchmark.py` — rerun it, don't edit\"\n"
        f"    Measured on {env.get('Date', '?')} on {env.get('CPU', '?')}, with Python {env.get('Python', '?')}, "
        f"NumPy {env.get('NumPy', '?')}, SciPy {env.get('SciPy', '?')} and PyTorch {env.get('PyTorch', '?')}. "
        "The [environment](#environment) is at the end.\n\n"
        "This page measures the site's NumPy snippets (how close to the exact value, how fast against "
        "`scipy.special`, PyTorch and the naive textbook formula) and the site itself (build time, page "
        "weight, Lighthouse scores). Every number comes from one run of the script, on the machine "
        "described at the end; timings on a shared two-core virtual machine move by several percent "
        "between runs. To rerun it:\n\n"
        "```sh\n"
        "python3 scripts/dev.py setup               # creates .venv/ with requirements.txt\n"
        ".venv/bin/python scripts/benchmark.py      # several minutes\n"
        "```\n\n"
        "`--quick` uses coarser grids and fewer repeats, `--skip-lighthouse` leaves the browser audit "
        "out. PyTorch's column is filled when the script runs in an environment with `torch` installed "
        "(it is not in `requirements.txt`); Lighthouse is found on the `PATH`, in `node_modules/`, or "
        "through the `LIGHTHOUSE` variable.\n\n"
    )
    if res.quick:
        md += "!!! warning \"Quick run\"\n    Coarser grids and fewer repeats than a full run.\n\n"
    lines = summary(res)
    if lines:
        md += "## Summary\n\n" + "".join(f"- {line}\n" for line in lines) + "\n"
    md += render_accuracy(res.accuracy, res.softmax, res.quick)
    md += render_speed(res.speed, res.repeat, error_info(res.accuracy, res.softmax),
                       "" if env.get("PyTorch", "").startswith("not") else env.get("PyTorch", ""),
                       res.primitives)
    md += render_build(res.build, res.build_error)
    md += render_weight(res.pages, res.svgs)
    md += render_lighthouse(res.lighthouse)
    md += render_environment(env)
    return md


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------


def log(message: str) -> None:
    print(f"benchmark: {message}", file=sys.stderr, flush=True)


def run(sections: set[str], quick: bool, workdir: Path, root: Path = ROOT, reports: Path | None = None) -> Results:
    torch = load_torch()
    res = Results(env={}, quick=quick)
    if "accuracy" in sections:
        for dtype in (np.float64, np.float32):
            for act in activations.ACTIVATIONS:
                if act.kind == "softmax":
                    continue
                start = time.perf_counter()
                res.accuracy.append(accuracy(act, dtype, quick, root=root))
                log(f"accuracy {act.slug} {np.dtype(dtype).name}: {time.perf_counter() - start:.1f} s")
        for act in activations.ACTIVATIONS:
            if act.kind == "softmax":
                res.softmax = softmax_accuracy(act, quick, root, torch)
                log(f"accuracy {act.slug}")
    if "speed" in sections:
        res.repeat = 5 if quick else 41
        x = speed_input()
        res.primitives = time_calls({"heaviside": (np.heaviside, x, 0.0), "compare": (np.greater, x, 0.0)},
                                    res.repeat)
        for act in activations.ACTIVATIONS:
            res.speed.append(speed(act, res.repeat, torch, root))
            log(f"speed {act.slug}")
    site = None
    if sections & {"build", "weight", "lighthouse"}:
        try:
            res.build = measure_build(workdir, root, warm_runs=1 if quick else 3)
            site = res.build.site
            log(f"build: cold {res.build.cold.seconds:.1f} s")
        except (RuntimeError, OSError, subprocess.TimeoutExpired) as err:
            res.build_error = str(err).splitlines()[0]
            log(f"build failed: {err}")
        if "build" not in sections:
            res.build = None
    if "weight" in sections and site is not None:
        res.pages, res.svgs = page_weights(site)
    if "lighthouse" in sections:
        if site is None:
            res.lighthouse = LighthouseResult([], "", "the site could not be built.")
        else:
            res.lighthouse = measure_lighthouse(site, workdir, ("mobile",) if quick else ("mobile", "desktop"),
                                                root, reports, {"mobile": 1 if quick else 3, "desktop": 1})
            log("lighthouse done")
    res.env = environment(torch, res.lighthouse.version if res.lighthouse else "")
    return res


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="coarser grids, fewer repeats, one warm build")
    parser.add_argument("--skip-lighthouse", action="store_true", help="do not run Lighthouse")
    parser.add_argument("--only", default=",".join(SECTIONS),
                        help=f"comma-separated sections to measure (default: all of {','.join(SECTIONS)})")
    parser.add_argument("--reports", type=Path, default=None,
                        help="also keep Lighthouse's JSON reports in this folder")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help="the page to write (default: docs/performance.md)")
    args = parser.parse_args(argv)
    sections = {s.strip() for s in args.only.split(",") if s.strip()}
    unknown = sections - set(SECTIONS)
    if unknown:
        parser.error(f"unknown section(s): {', '.join(sorted(unknown))}")
    if args.skip_lighthouse:
        sections.discard("lighthouse")
    with tempfile.TemporaryDirectory(prefix="benchmark-") as tmp:
        res = run(sections, args.quick, Path(tmp), reports=args.reports)
    if "lighthouse" not in sections:
        res.lighthouse = None
    page = render_page(res)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(page, encoding="utf-8")
    for line in summary(res):
        print(line)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
