"""DyT: the snippet's accuracy at parameters other than the default, against mpmath,
as its page states (within 2 units in the last place for tanh(αx), 6 for the derivatives)."""

from __future__ import annotations

import mpmath as mp
import numpy as np
import pytest

import reference


def sample(n: int = 200, seed: int = 0) -> np.ndarray:
    """Uniform on ±10 and ±60, and log-uniform magnitudes from 1e−320 to 1e308, both signs."""
    rng = np.random.default_rng(seed)
    tiny_to_huge = 10 ** rng.uniform(-320, 308, n) * rng.choice([-1.0, 1.0], n)
    return np.concatenate([rng.uniform(-10, 10, n), rng.uniform(-60, 60, n), tiny_to_huge])


def ulps(got: np.ndarray, exact: list) -> float:
    """The largest error in units in the last place of the correctly rounded value."""
    exact = np.array([float(e) for e in exact])
    return float(np.max(np.abs(got - exact) / np.spacing(np.abs(exact))))


@pytest.mark.parametrize("alpha", [0.05, 0.5, 3.0])
def test_accuracy_against_mpmath(alpha):
    dyt = reference.load_snippet("dyt")
    x, a = sample(), mp.mpf(alpha)
    with mp.workprec(200):
        t = [mp.mpf(float(v)) for v in x]
        value = [mp.tanh(a * v) for v in t]
        sech2 = [mp.sech(a * v) ** 2 for v in t]
        assert ulps(dyt.dyt(x, alpha=alpha), value) <= 2
        assert ulps(dyt.dyt_derivative(x, alpha=alpha), [a * s for s in sech2]) <= 6
        assert ulps(dyt.dyt_derivative_alpha(x, alpha=alpha), [v * s for v, s in zip(t, sech2)]) <= 6
