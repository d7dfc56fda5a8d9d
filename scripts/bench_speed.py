"""Section 2 of the Performance page: how fast each snippet is.

Median CPU time of one call on 10**6 float64 values, against the declared
``scipy`` (or ``numpy_reference``) call, PyTorch (the declaration's PyTorch
spelling; the column is empty without torch) and the naive formula (declared,
or derived from the expression). Row activations get the same values as rows.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import random
import statistics
import time
import timeit
from pathlib import Path

import numpy as np

from activations import Activation
import speed_alternatives
from bench_common import ROOT, compile_naive, naive_functions, reference_call, shape_of, snippet_functions, torch_call

SPEED_FACTOR = 2.0  # target: a snippet at most this many times slower than its baseline
SPEED_SIZE = 10**6
ROW_LENGTH = 100  # rows: 10**6 values as rows of this length
JACOBIAN_SHAPE = (10**4, 10)  # rows' Jacobian: 10**6 output entries
# CPU time of this process, not wall-clock time: other jobs on a shared
# machine then count only through the caches and memory they share.
TIMER = time.process_time


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

    Interleaving spreads a slow spell of a shared machine over every candidate
    instead of one, so the ratios stay fair. The order is shuffled for each
    round (with a fixed seed): a call's time depends on the call before it,
    whose freed temporaries decide whether this one's fresh arrays page-fault,
    and a rotating order would keep the same neighbour before each call in
    every round. Each sample is the process's CPU time (``TIMER``) for one call.
    """
    names = list(calls)
    timers = {name: timeit.Timer(functools.partial(*calls[name]), timer=TIMER) for name in names}
    for t in timers.values():
        t.timeit(1)  # warm up (imports, caches, first touch of the input)
    samples: dict[str, list[float]] = {name: [] for name in names}
    order = random.Random(0)
    for _ in range(repeat):
        for name in order.sample(names, len(names)):
            samples[name].append(timers[name].timeit(1))  # timeit turns the garbage collector off
    return {name: _timing(samples[name]) for name in names}


@dataclasses.dataclass
class SpeedRow:
    slug: str
    name: str
    shape: str
    snippet: Timing
    reference: Timing | None  # the declared scipy.special (or NumPy) call
    reference_name: str
    torch: Timing | None
    torch_call: str
    naive: Timing
    derivative_shape: str
    snippet_derivative: Timing
    naive_derivative: Timing
    naive_forward_text: str = ""
    naive_derivative_text: str = ""
    naive_derived: bool = False  # the naive formula is lambdify of the declared expression
    # the faster formulations tried (speed_alternatives), each timed in the same run
    alternatives: list[tuple[speed_alternatives.Alternative, Timing]] = dataclasses.field(default_factory=list)

    def alternative_ratios(self, part: str) -> list[tuple[speed_alternatives.Alternative, float]]:
        """Each alternative for ``part`` with its time ÷ the baseline the snippet is held to."""
        base = self.baseline[1] if part == "forward" else self.naive_derivative
        return [(a, t.median / base.median) for a, t in self.alternatives if a.part == part]

    @property
    def baseline(self) -> tuple[str, Timing]:
        """What the 2x target compares with: the declared scipy.special call if any, else the naive formula."""
        if self.reference is not None and "scipy" in self.reference_name:
            return "scipy", self.reference
        return "naive", self.naive

    @property
    def forward_ok(self) -> bool:
        return self.snippet.median <= SPEED_FACTOR * self.baseline[1].median

    @property
    def derivative_ok(self) -> bool:
        return self.snippet_derivative.median <= SPEED_FACTOR * self.naive_derivative.median


def speed_input(size: int | None = None) -> np.ndarray:
    """SPEED_SIZE (or ``size``) float64 values, normal with scale 10, the same on every run."""
    return np.random.default_rng(0).normal(scale=10, size=SPEED_SIZE if size is None else size)


def _shape(x: np.ndarray) -> str:
    return " × ".join(f"{n:,}".replace(",", " ") for n in x.shape)


def speed(act: Activation, repeat: int, torch=None, root: Path = ROOT, size: int | None = None) -> SpeedRow:
    """Time the snippet and what it is compared with, value and derivative, on ``size`` values."""
    x = xd = speed_input(size)
    if shape_of(act) == "rows":
        x = x.reshape(-1, ROW_LENGTH)
        xd = xd[: math.prod(JACOBIAN_SHAPE)].reshape(-1, JACOBIAN_SHAPE[1])
    forward, derivative = snippet_functions(act, root)
    naive = naive_functions(act)
    calls = {"snippet": (forward, x), "naive": (naive.forward, x)}
    declared = reference_call(act)
    reference_name = ""
    if declared is not None:
        reference_name = declared[0]
        calls["reference"] = (declared[1], x)
    tcall = ""
    if torch is not None:
        fn, tcall = torch_call(act, torch)
        if fn is not None:
            calls["torch"] = (fn, torch.from_numpy(x))
        else:
            tcall = f"({tcall})"
    dshape = _shape(xd)
    if shape_of(act) == "rows":
        dshape += f" → {_shape(xd)} × {xd.shape[-1]}"
    calls["snippet_derivative"] = (derivative, xd)
    calls["naive_derivative"] = (naive.derivative, xd)
    tried = speed_alternatives.for_activation(act.slug)
    for n, alt in enumerate(tried):
        calls[f"alternative {n}"] = (compile_naive(alt.formula, act), x if alt.part == "forward" else xd)
    t = time_calls(calls, repeat)
    return SpeedRow(act.slug, act.name, _shape(x), t["snippet"], t.get("reference"), reference_name, t.get("torch"),
                    tcall, t["naive"], dshape, t["snippet_derivative"], t["naive_derivative"],
                    naive.forward_text, naive.derivative_text, naive.derived,
                    [(alt, t[f"alternative {n}"]) for n, alt in enumerate(tried)])


def primitives(repeat: int, size: int | None = None) -> dict[str, Timing]:
    """np.heaviside against a comparison: the cost a snippet pays for naming its value at a kink."""
    x = speed_input(size)
    return time_calls({"heaviside": (np.heaviside, x, 0.0), "compare": (np.greater, x, 0.0)}, repeat)
