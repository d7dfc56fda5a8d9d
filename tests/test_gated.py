"""The gated kind (GLU and its variants): the snippets against the declarations.

A gated activation splits its input in two halves (a, b) along ``axis`` and
returns h(value)·g(gate), one half being the gate (``Activation.gate``), h
the identity unless the value half enters through a factor of its own
(gpt-oss's clamp); ``scripts/gated.py`` proves that form and derives h and g. The snippet's
``<slug>_derivative`` returns, in x's shape, the diagonals of the two
Jacobian blocks: ∂y_k/∂a_k in the first half and ∂y_k/∂b_k in the second.
Everything here grows from the declarations: the gate function g, its kinks,
the grid of gate values from the plot range; the references are
``reference.mp_function``'s (the project's one mpmath evaluator).
"""

from __future__ import annotations

import dataclasses

import mpmath
import numpy as np
import pytest
import sympy as sp

import activations
import derive
import gated
import reference
from conftest import CATALOG, cases, declaration, ids, snippet
from test_derivatives import EXTREME, ulp_error
from vector import A as vector_A, B as vector_B

ALL_GATED = [a for a in CATALOG if a.kind == "gated"]
GATED = [a for a in ALL_GATED if not gated.general(a)]  # f = h(value)·g(gate)
GENERAL = [a for a in ALL_GATED if gated.general(a)]  # no gate: any f(a, b) (maxout)
CASES = [pytest.param(c, id=c.label) for a in GATED for c in cases(a)]
# The value half, held fixed. |value| ≤ 1: a larger value would magnify the rounding of a subnormal
# g(gate) beyond the product's own spacing (σ(−740)·3000), which no float64 formula avoids.
VALUES = np.array([1.0, -1.0, 0.75, -0.3, 1e-3, 1e-300])


def _at_case(case):
    """The declaration with the case's parameter values as defaults (gated.py substitutes defaults)."""
    act = declaration(case)
    chosen = dict(case.values)
    params = tuple(dataclasses.replace(p, default=chosen.get(p.name, p.default)) for p in act.params)
    return dataclasses.replace(act, params=params)


def _split(act, gate_values, value_values):
    """x = concat(a, b) with the gate and the value halves where the declaration puts them."""
    a, b = (gate_values, value_values) if act.gate == "first" else (value_values, gate_values)
    return np.concatenate([a, b])


def _gate_grid(act) -> np.ndarray:
    lo, hi = act.plot_range
    return np.unique(np.concatenate([np.linspace(3 * lo, 3 * hi, 301), EXTREME]))


@pytest.mark.parametrize("case", CASES)
def test_values_and_both_derivative_halves_match_sympy(case):
    act = _at_case(case)  # a variant's declaration has a slug of its own; its snippet is the base one's
    module, kw = snippet(case.slug), case.kwargs()
    f, df = getattr(module, case.slug), getattr(module, f"{case.slug}_derivative")
    h, g = gated.factors(act)
    h_mp, dh_mp = reference.mp_function(h), reference.mp_function(derive.derivative(h))
    kinks = [float(k.point) for k in derive.kinks(g, set())]
    g_mp, dg_mp = reference.mp_function(g), reference.mp_function(derive.derivative(g))
    gates = _gate_grid(act)
    smooth = gates[[all(t != c for c in kinks) for t in gates]]
    n = len(gates)
    value_ulp, derivative_ulp = act.ulp
    for v in VALUES:
        y = f(_split(act, gates, np.full(n, v)), **kw)
        d = df(_split(act, smooth, np.full(len(smooth), v)), **kw)
        gate_part, value_part = (d[:len(smooth)], d[len(smooth):]) if act.gate == "first" else \
            (d[len(smooth):], d[:len(smooth)])
        with mpmath.workdps(40):
            hv, dhv = h_mp(float(v)), dh_mp(float(v))
        for k, t in enumerate(gates):
            with mpmath.workdps(40):
                exact = hv * g_mp(float(t))
            assert ulp_error(y[k], exact) <= value_ulp + 1, (case.label, "f", v, t, y[k])
        for k, t in enumerate(smooth):
            with mpmath.workdps(40):
                exact = dhv * g_mp(float(t))
            assert ulp_error(value_part[k], exact) <= value_ulp, (case.label, "∂/∂value", t)
            with mpmath.workdps(40):
                exact = hv * dg_mp(float(t))
            assert ulp_error(gate_part[k], exact) <= derivative_ulp + 1, (case.label, "∂/∂gate", v, t)


@pytest.mark.parametrize("case", CASES)
def test_at_the_gates_kinks_the_declared_derivative(case):
    """At a kink c of g, ∂y/∂gate = h(value)·(the declared kink_derivative), one of the one-sided values."""
    act = _at_case(case)
    module, kw = snippet(case.slug), case.kwargs()
    h, g = gated.factors(act)
    h2 = float(h.subs(derive.X, 2))
    for k in derive.kinks(g, set()):
        declared = derive.parse(act, activations.by_kink(act.kink_derivative)[str(k.point)]).subs(derive.parameter_values(act))
        if k.continuous is True:
            assert sp.simplify(declared) in {sp.simplify(k.left_quotient), sp.simplify(k.right_quotient)}
        c = float(k.point)
        d = getattr(module, f"{case.slug}_derivative")(_split(act, np.array([c]), np.array([2.0])), **kw)
        gate_part = d[0] if act.gate == "first" else d[1]
        assert float(gate_part) == pytest.approx(h2 * float(declared), rel=1e-15), (case.label, c)


@pytest.mark.parametrize("act", ALL_GATED, ids=ids(ALL_GATED))
def test_halves_along_any_axis_and_finite_differences(act):
    module = snippet(act.slug)
    f, df = getattr(module, act.slug), getattr(module, f"{act.slug}_derivative")
    rng = np.random.default_rng(5)
    x = rng.normal(scale=2, size=(4, 6, 8)) + 0.0137
    for axis in (0, 1, 2, -1, -2):
        n = x.shape[axis] // 2
        a, b = np.split(x, 2, axis=axis)
        y, d = f(x, axis=axis), df(x, axis=axis)
        np.testing.assert_array_equal(y, np.moveaxis(f(np.concatenate([np.moveaxis(a, axis, -1),
                                                                         np.moveaxis(b, axis, -1)], axis=-1)),
                                                     -1, axis))
        assert d.shape == x.shape and y.shape == a.shape
        h = 1e-6
        da, db = np.split(d, 2, axis=axis)
        for half, part in ((0, da), (1, db)):
            step = [np.zeros_like(a), np.zeros_like(b)]
            step[half] += h
            up = f(np.concatenate([a + step[0], b + step[1]], axis=axis), axis=axis)
            down = f(np.concatenate([a - step[0], b - step[1]], axis=axis), axis=axis)
            np.testing.assert_allclose(part, (up - down) / (2 * h), rtol=1e-6, atol=1e-8,
                                       err_msg=f"{act.slug}, axis={axis}, half {half}")
        assert n == a.shape[axis]
    with pytest.raises(ValueError, match="even"):
        f(np.zeros((2, 3)), axis=1)
    with pytest.raises(ValueError, match="even"):
        df(np.zeros((3, 2)), axis=0)


# --------------------------------------------------------------------------
# Without a gate (gate=""): f(a, b) any expression of the halves, ∂f/∂a and ∂f/∂b by SymPy
# --------------------------------------------------------------------------

HALF_VALUES = np.unique(np.concatenate([np.linspace(-4, 4, 33), EXTREME]))


def _mp_of_two(expr):
    """f(a, b) at 40 digits (Heaviside at 0: the declared value, already in expr)."""
    return sp.lambdify((vector_A, vector_B), expr, "mpmath")


@pytest.mark.parametrize("act", GENERAL, ids=ids(GENERAL))
def test_general_values_and_both_partials_match_sympy_on_every_pair(act):
    """Every pair (a, b) of a grid with the extremes, ties included: f and both Jacobian diagonals
    against SymPy's f and its partial derivatives (θ(0) the declared tie value)."""
    module = snippet(act.slug)
    f, df = getattr(module, act.slug), getattr(module, f"{act.slug}_derivative")
    expr, (da, db) = gated.gated_expression(act), gated.partials(act)
    f_mp, da_mp, db_mp = (_mp_of_two(e.rewrite(sp.Piecewise)) for e in (expr, da, db))
    a, b = (v.ravel() for v in np.meshgrid(HALF_VALUES, HALF_VALUES))
    y, d = f(np.concatenate([a, b])), df(np.concatenate([a, b]))
    n = len(a)
    assert y.shape == (n,) and d.shape == (2 * n,)
    for k in range(n):
        with mpmath.workdps(40):
            exact = (f_mp(mpmath.mpf(a[k]), mpmath.mpf(b[k])), da_mp(mpmath.mpf(a[k]), mpmath.mpf(b[k])),
                     db_mp(mpmath.mpf(a[k]), mpmath.mpf(b[k])))
        assert ulp_error(y[k], exact[0]) <= act.ulp[0], (act.slug, a[k], b[k], y[k])
        assert ulp_error(d[k], exact[1]) <= act.ulp[1], (act.slug, "∂/∂a", a[k], b[k], d[k])
        assert ulp_error(d[n + k], exact[2]) <= act.ulp[1], (act.slug, "∂/∂b", a[k], b[k], d[n + k])


@pytest.mark.parametrize("act", GENERAL, ids=ids(GENERAL))
def test_general_ties_return_the_declared_value(act):
    """Where a step of the partial derivatives jumps (a = b for max), the snippet returns θ(0) as declared,
    and the declared value lies between the one-sided values (a subgradient for a convex f)."""
    module = snippet(act.slug)
    tie = gated.tie_value(act)
    assert 0 <= tie <= 1
    for t in gated.steps(act):
        for b in (0.0, 1.5, -2.0, 1e300, -1e-300):
            a = float(sp.solve(t, vector_A)[0].subs(vector_B, b))  # a point of t = 0
            d = getattr(module, f"{act.slug}_derivative")([a, b])
            da, db = (e.subs({vector_A: a, vector_B: b}) for e in gated.partials(act))
            assert d.tolist() == [float(da), float(db)], (act.slug, a, b, d)
