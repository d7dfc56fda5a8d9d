"""The snippets agree with the SymPy declarations: values, derivatives, kinks and limits.

The reference is the declared SymPy expression (and SymPy's derivative of
it) at the case's parameters, evaluated by ``reference.mp_function`` (the
project's one mpmath evaluator, whose precision rule survives cancellations
such as GELU's left tail) and compared in units in the last place (ULP) of
the correctly rounded result. The bound is the declaration's ``ulp``
(value, derivative): 4 and 16 unless the declaration says why not.

Cases (tests/conftest.py) are the defaults, every family value of each
parameter and every declared variant. Everything checked here is derived:
the grid grows from the plot range and the kinks, the values at the kinks
come from the declaration's ``kink_derivative`` and SymPy's f(c), and the
limits at ±∞ are SymPy's limits of the outer pieces.
"""

from __future__ import annotations

import math

import mpmath
import numpy as np
import pytest
import sympy as sp

import derive
import reference
from reference import mp_function
from conftest import (CATALOG, VECTOR_KINDS, all_cases, declared_kink_derivative, derivative_name,
                      expressions, ids, is_softmax, kinks, learned_expressions, limits, references, snippet, unhandled,
                      vector_references)

SMALL = np.logspace(-300, 0, 31)
TAILS = [1e-300, 1e-200, 1e-30, 1e-20, 1e-10, 1e-5, 0.1, 0.5, 1, 2, 5, 10, 20, 30, 36.5, 40, 50, 100, 300, 350,
         700, 709, 710, 750]
EXTREME = np.concatenate([[0.0, 5e-324, -5e-324], TAILS, np.negative(TAILS), SMALL, -SMALL])


def grid(act, dense: int) -> np.ndarray:
    """A dense grid over three times the plot range, a coarse one out to ±750, tails, tiny inputs."""
    lo, hi = act.plot_range
    coarse = np.linspace(-750.0, 750.0, 101 if dense > 200 else 21)
    return np.unique(np.concatenate([np.linspace(3 * lo, 3 * hi, dense), coarse, EXTREME]))


def near(points, offsets=(1e-12, 1e-9, 1e-6, 1e-3)) -> np.ndarray:
    """Points next to each kink: at fixed distances, and the floats just beside it."""
    found = {c + s * d for c in points for d in offsets for s in (-1, 1)}
    found |= {float(np.nextafter(c, side)) for c in points for side in (-np.inf, np.inf)}
    return np.array(sorted(found))


def ulp_error(y, exact: mpmath.mpf, dtype=np.float64) -> float:
    """|y − exact| in units of the dtype's spacing at the correctly rounded exact value."""
    y = float(y)
    if mpmath.isnan(exact):
        return 0.0 if math.isnan(y) else math.inf
    with np.errstate(over="ignore"):  # beyond the dtype's largest finite value it rounds to ±inf
        rounded = dtype(float(exact))  # float(mpf) rounds correctly; dtype() then to float32
    if np.isinf(rounded) or math.isinf(y):
        return 0.0 if y == float(rounded) else math.inf
    if math.isnan(y):
        return math.inf
    return float(abs(mpmath.mpf(y) - exact) / mpmath.mpf(float(np.spacing(np.abs(rounded)))))


def worst(f_values, exact, xs, dtype=np.float64):
    errors = [(ulp_error(v, exact(float(x)), dtype), float(x)) for v, x in zip(f_values, xs)]
    return max(errors)


def _outputs(act, y: np.ndarray, n_points: int) -> np.ndarray:
    """The snippet's result on a 1-D grid as (outputs, points)."""
    if act.kind == "elementwise":
        return y.reshape(1, n_points)
    if act.kind == "concat":
        return y.reshape(len(act.expr), n_points)
    unhandled(act, "splitting outputs")


# ---------------------------------------------------------------------------
# Accuracy on grids and next to the kinks (elementwise and concatenations)
# ---------------------------------------------------------------------------


def _points(case, dense: int) -> tuple[np.ndarray, np.ndarray]:
    """(points for f, points for f'): the grid, next to each kink, and for f the kinks themselves."""
    ks = [float(k.point) for out in kinks(case) for k in out]
    xs = np.unique(np.concatenate([grid(case.act, dense), near(ks), ks]))
    return xs, xs[[all(x != c for c in ks) for x in xs]]


@pytest.mark.parametrize("case", all_cases())
def test_value_and_derivative_match_sympy_float64(case):
    act = case.act
    module, kw = snippet(act.slug), case.kwargs()
    dense = 601 if not case.values and not case.variant else 121  # the defaults most densely
    xs, dxs = _points(case, dense)
    value_ulp, derivative_ulp = act.ulp
    values = _outputs(act, getattr(module, act.slug)(xs, **kw), len(xs))
    derivatives = _outputs(act, getattr(module, f"{act.slug}_derivative")(dxs, **kw), len(dxs))
    for n, (ref, dref) in enumerate(references(case)):
        err, x = worst(values[n], ref, xs)
        assert err <= value_ulp, f"{case.label} output {n}: {err:.1f} ULP at x = {x!r} (bound {value_ulp})"
        err, x = worst(derivatives[n], dref, dxs)
        assert err <= derivative_ulp, f"{case.label}' output {n}: {err:.1f} ULP at x = {x!r} (bound {derivative_ulp})"


@pytest.mark.parametrize("case", all_cases(defaults_only=True))
def test_accuracy_float32(case):
    """float32 in, float32 out, within the same number of float32 ULP."""
    act = case.act
    module = snippet(act.slug)
    ks = [float(k.point) for out in kinks(case) for k in out]
    x = np.unique(grid(act, 201).astype(np.float32))
    away = x[np.all([np.abs(x - k) > 1e-6 for k in ks], axis=0)] if ks else x
    for name, points, bound, which in ((act.slug, x, act.ulp[0], 0), (f"{act.slug}_derivative", away, act.ulp[1], 1)):
        y = getattr(module, name)(points)
        assert y.dtype == np.float32
        outs = _outputs(act, y, len(points))
        for n, refs in enumerate(references(case)):
            err, at = worst(outs[n], refs[which], points.astype(np.float64), np.float32)
            assert err <= bound, f"{name} output {n}: {err:.1f} float32 ULP at x = {at!r} (bound {bound})"


@pytest.mark.parametrize("case", all_cases(where=learned_expressions))
def test_derivative_with_respect_to_learned_parameters(case):
    """∂f/∂p of the snippet against SymPy's, on the grid and at the kinks."""
    act = case.act
    module, kw = snippet(act.slug), case.kwargs()
    xs, _ = _points(case, 121)
    for name, exprs in learned_expressions(case).items():
        got = _outputs(act, getattr(module, f"{act.slug}_derivative_{name}")(xs, **kw), len(xs))
        for n, expr in enumerate(exprs):
            err, x = worst(got[n], mp_function(expr), xs)
            assert err <= act.ulp[1], f"∂{act.slug}/∂{name} output {n}: {err:.1f} ULP at x = {x!r}"


# ---------------------------------------------------------------------------
# Kinks: f(c), and the f' the declaration names
# ---------------------------------------------------------------------------


def _close(got: float, expected: sp.Expr, ulp: float) -> bool:
    if expected is sp.nan:  # undefined there (the end of a logarithm's domain)
        return math.isnan(got)
    return ulp_error(got, mpmath.mpf(sp.N(expected, 40))) <= ulp


@pytest.mark.parametrize("case", all_cases(where=lambda c: any(kinks(c))))
def test_values_at_kinks(case):
    """At each kink c: f(c) is SymPy's value there, f'(c) the declared one-sided value (a
    one-sided derivative when f is continuous there), ∂f/∂p(c) the value of the piece
    holding c; at c = 0 the same for −0.0 and for the integer 0, and a derivative of 0 is +0.0."""
    act = case.act
    module, kw = snippet(act.slug), case.kwargs()
    f, df = getattr(module, act.slug), getattr(module, f"{act.slug}_derivative")
    learned = {name: [derive.kinks(e, set()) for e in exprs] for name, exprs in learned_expressions(case).items()}
    for n, out in enumerate(kinks(case)):
        for i, k in enumerate(out):
            c = float(k.point)
            declared = declared_kink_derivative(case, n, i)
            if k.continuous is True:
                one_sided = {sp.simplify(k.left_quotient), sp.simplify(k.right_quotient)}
                assert sp.simplify(declared) in one_sided, f"{case.label}: f'({c}) = {declared}, not in {one_sided}"
            inputs = [c, -0.0, 0] if c == 0 else [c]
            for x in inputs:
                checks = [(f, k.value, act.ulp[0], "f"), (df, declared, act.ulp[1], "f'")]
                # ∂f/∂p's own kink at c, or its value at c where it has none (StarReLU's ∂f/∂b = 1)
                checks += [(getattr(module, f"{act.slug}_derivative_{name}"),
                            next((lk.value for lk in ks[n] if lk.point == k.point),
                                 learned_expressions(case)[name][n].subs(derive.X, k.point)),
                            act.ulp[1], f"∂f/∂{name}")
                           for name, ks in learned.items()]
                for fn, expected, ulp, label in checks:
                    got = np.atleast_1d(fn(x, **kw)).reshape(-1)[n] if act.kind == "concat" else fn(x, **kw)
                    assert _close(float(got), expected, ulp), f"{case.label}: {label}({x!r}) = {got}, declared {expected}"
                    if expected == 0 and label != "f":  # a derivative of 0 is +0.0
                        assert not np.signbit(got), f"{case.label}: {label}({x!r}) is −0.0"


@pytest.mark.parametrize("case", all_cases(where=lambda c: any(kinks(c)), defaults_only=True))
def test_sympy_one_sided_limits_match_difference_quotients(case):
    """An independent check of SymPy's limits: quotients with h = ±1e-20 at 60 digits (a fixed
    precision well above the 20 + 15 digits the quotient needs; mp_function rounds to 25)."""
    for expr, out in zip(expressions(case), kinks(case)):
        f = sp.lambdify(derive.X, expr, reference.MPMATH)  # the reference's functions, at 60 digits here
        for k in out:
            with mpmath.workdps(60):
                c = mpmath.mpf(sp.N(k.point, 60))
                h = mpmath.mpf("1e-20")
                fc = mpmath.mpf(sp.N(k.value, 60))
                left = (f(c - h) - fc) / (-h)
                right = (f(c + h) - fc) / h
            for numeric, symbolic in ((left, k.left_quotient), (right, k.right_quotient)):
                if symbolic.is_finite:
                    assert abs(numeric - mpmath.mpf(float(symbolic))) < 1e-15
                else:
                    assert abs(numeric) > 1e15  # diverges, with the sign of the jump
                    assert mpmath.sign(numeric) == (1 if symbolic > 0 else -1)


# ---------------------------------------------------------------------------
# Limits at ±∞
# ---------------------------------------------------------------------------


def _expected(limit: sp.Expr, dtype):
    """The float a function must return at ±inf: the limit, or NaN where there is none."""
    if limit in (sp.oo, -sp.oo):
        return dtype(float(limit))
    if limit is sp.nan or limit.has(sp.AccumBounds):  # no limit (an oscillation): NaN
        return dtype(np.nan)
    if limit.is_number and limit.is_extended_real and limit.is_finite:
        return mpmath.mpf(sp.N(limit, 40))
    pytest.fail(f"cannot read the limit {limit} as a number")


@pytest.mark.parametrize("case", all_cases())
@pytest.mark.parametrize("dtype", [np.float64, np.float32], ids=["float64", "float32"])
def test_limits_at_infinity(case, dtype):
    act = case.act
    module, kw = snippet(act.slug), case.kwargs()
    for name, per_output in limits(case).items():
        bound = act.ulp[0] if name == act.slug else act.ulp[1]
        for side, x in ((0, dtype(-np.inf)), (1, dtype(np.inf))):
            y = getattr(module, name)(x, **kw)
            assert y.dtype == dtype, (name, x)
            got = np.atleast_1d(y).reshape(-1)
            assert len(got) == len(per_output), (name, x, y)
            for n, lims in enumerate(per_output):
                expected = _expected(lims[side], dtype)
                if isinstance(expected, mpmath.mpf):
                    err = ulp_error(got[n], expected, dtype)
                    assert err <= bound, f"{case.label}: {name}({x}) = {got[n]!r}, limit {lims[side]} ({err:.1f} ULP)"
                elif np.isnan(expected):
                    assert np.isnan(got[n]), f"{case.label}: {name}({x}) = {got[n]!r}, no limit there"
                else:
                    assert got[n] == expected, f"{case.label}: {name}({x}) = {got[n]!r}, limit {lims[side]}"


# ---------------------------------------------------------------------------
# Vector kinds: values and Jacobian against the declared components
# ---------------------------------------------------------------------------

VECTOR = [a for a in CATALOG if a.kind in VECTOR_KINDS]


def _rows(seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return np.concatenate([rng.normal(scale=3, size=(30, 5)), rng.normal(scale=0.01, size=(8, 5)),
                           rng.normal(scale=300, size=(8, 5)), [[1e-300, -1e-300, 0.0, 5e-324, 1.0]]])


@pytest.mark.parametrize("act", VECTOR, ids=ids(VECTOR))
def test_vector_values_match_the_declaration(act):
    """≤ ulp; for softmax beyond the error of rounding d = x_i − max, which exp turns from an
    absolute error (≤ spacing(d)/2) into a relative one: inherent to the max-shift formula every
    framework uses, and 0 wherever d is exact."""
    f = getattr(snippet(act.slug), act.slug)
    rows = _rows(0)
    out = f(rows)
    for row, y in zip(rows, out):
        values, _ = vector_references(act.slug, row)
        for i, (yi, ref) in enumerate(zip(y, values)):
            exact = ref(row)  # component i as a function of (x_1, ..., x_n)
            d = row[i] - row.max()
            rounding = 0.0
            if is_softmax(act.slug):
                rounding = float(np.spacing(abs(d))) / 2 * float(exact) / float(np.spacing(float(exact)))
            excess = ulp_error(yi, exact) - rounding
            assert excess <= act.ulp[0], (row, i, ulp_error(yi, exact), rounding)


@pytest.mark.parametrize("act", VECTOR, ids=ids(VECTOR))
def test_vector_jacobian_matches_the_declaration(act):
    jacobian = getattr(snippet(act.slug), derivative_name(act))
    rows = np.random.default_rng(3).normal(scale=2, size=(12, 5))  # larger |x_i − m| amplify its rounding
    J = jacobian(rows)
    for row, jac in zip(rows, J):
        _, refs = vector_references(act.slug, row)
        exact = np.array([[float(refs[i][j](row)) for j in range(len(row))] for i in range(len(row))])
        np.testing.assert_allclose(jac, exact, rtol=1e-14, atol=0, err_msg=str(row))
    # the diagonal keeps its precision where s_i ≈ 1 (no cancellation in s_i·(1 − s_i))
    for row in ([40.0, 0.0], [0.0, -40.0], [1e-300, 0.0]):
        _, refs2 = vector_references(act.slug, row)
        got = jacobian(row)
        for i in range(2):
            for j in range(2):
                assert ulp_error(got[i, j], refs2[i][j](row)) <= act.ulp[0], (row, i, j, got)


def test_an_exact_value_beyond_the_dtype_rounds_to_infinity():
    """e^89 ≈ 4.5e38 exceeds float32's largest value: inf is the correctly rounded float32 (no warning)."""
    exact = mpmath.exp(89)
    assert ulp_error(np.float32(np.inf), exact, np.float32) == 0.0
    assert ulp_error(np.float32(3.4e38), exact, np.float32) == math.inf
