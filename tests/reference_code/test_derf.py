"""Derf: the snippet's accuracy at parameters other than the default, against mpmath,
as its page states (within 1 unit in the last place for erf(αx + s), 4 for the derivatives)."""

from __future__ import annotations

import mpmath as mp
import numpy as np
import pytest

import reference
from test_dyt import sample, ulps


@pytest.mark.parametrize(("alpha", "shift"), [(0.5, 0.0), (0.5, 0.1), (1.0, -1.0), (3.0, 0.3)])
def test_accuracy_against_mpmath(alpha, shift):
    derf = reference.load_snippet("derf")
    x, a, s = sample(seed=1), mp.mpf(alpha), mp.mpf(shift)
    with mp.workprec(200):
        t = [mp.mpf(float(v)) for v in x]
        gauss = [2 / mp.sqrt(mp.pi) * mp.exp(-(a * v + s) ** 2) for v in t]
        assert ulps(derf.derf(x, alpha=alpha, shift=shift), [mp.erf(a * v + s) for v in t]) <= 1
        assert ulps(derf.derf_derivative(x, alpha=alpha, shift=shift), [a * g for g in gauss]) <= 4
        got = derf.derf_derivative_alpha(x, alpha=alpha, shift=shift)
        assert ulps(got, [v * g for v, g in zip(t, gauss)]) <= 4
        assert ulps(derf.derf_derivative_shift(x, alpha=alpha, shift=shift), gauss) <= 4


def test_near_the_zero_of_derf():
    """At x₀ = −s/α the argument cancels: the snippet keeps its digits, math.erf of it does not."""
    derf = reference.load_snippet("derf")
    x = np.linspace(-1 / 3 - 1e-12, -1 / 3 + 1e-12, 41)
    with mp.workprec(200):
        exact = [mp.erf(mp.mpf(0.3) * mp.mpf(float(v)) + mp.mpf(0.1)) for v in x]
    assert ulps(derf.derf(x, alpha=0.3, shift=0.1), exact) <= 1
