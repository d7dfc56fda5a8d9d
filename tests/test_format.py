"""The declaration format and the derivation on the activations the next issues add.

The fixture declarations in ``tests/fixtures/declarations/`` (one file per
activation, the format of ``scripts/declarations/``; not pages) are loaded
with ``activations.load(folder)`` and derived; every assertion is a derived
fact checked against an independent computation (mpmath, Lambert W, a dense
NumPy grid) or an exact value.
"""

from __future__ import annotations

import dataclasses
import functools
import math
from pathlib import Path

import mpmath
import numpy as np
import pytest
import sympy as sp

import activations
import derive
import facts as facts_module
import numerics
import proofs
import properties
import reference
import render
from activations import Activation, DeclarationError, Param, Stochastic, Variant

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "declarations"
ELEMENTWISE = {a.slug: a for a in activations.load(FIXTURES) if a.kind == "elementwise"}
X = derive.X


@functools.cache
def facts(slug: str) -> facts_module.Facts:
    return facts_module.facts(ELEMENTWISE[slug])


def props(slug: str) -> properties.Properties:
    return properties.properties(derive.expression(ELEMENTWISE[slug], defaults=True))


def mp_root(expr: sp.Expr, start: float, dps: int = 50) -> mpmath.mpf:
    """An independent root of expr (SymPy → mpmath) near start."""
    f = sp.lambdify(X, expr, reference.MPMATH)
    with mpmath.workdps(dps):
        return mpmath.findroot(f, mpmath.mpf(start))


def test_fixtures_load_with_the_catalog_loader():
    expected = {"gelu", "silu", "mish", "softplus", "hardtanh", "threshold", "soft_exponential", "sinc", "gcu",
                "arctan", "rrelu"}
    assert expected <= set(ELEMENTWISE)
    # Fixtures are loaded by path, never discovered as pages (a page of the same slug may exist,
    # e.g. silu): the catalog is loaded from scripts/declarations/ alone.
    assert activations.DECLARATIONS != FIXTURES and all(
        activations.declaration_file(a).parent == activations.DECLARATIONS for a in activations.ACTIVATIONS)


# --------------------------------------------------------------------------
# Numerical fallback, labelled
# --------------------------------------------------------------------------


def test_gelu_minimum_is_numerical_and_correct_to_15_digits():
    p = props("gelu")
    (minimum,) = [e for e in p.extrema if e.kind == "minimum"]
    assert minimum.is_global and minimum.numerical
    gelu = derive.expression(ELEMENTWISE["gelu"], defaults=True)
    x0 = mp_root(sp.diff(gelu, X), -0.75)
    with mpmath.workdps(50):
        value = sp.lambdify(X, gelu, reference.MPMATH)(x0)
        assert abs(mpmath.mpf(str(minimum.x)) - x0) < mpmath.mpf("1e-14")
        assert abs(mpmath.mpf(str(minimum.value)) - value) < mpmath.mpf("1e-15")
    assert float(minimum.value) == pytest.approx(-0.169971, abs=5e-7)
    assert float(minimum.x) == pytest.approx(-0.751792, abs=5e-7)
    assert "range" in p.numerical and "extrema" in p.numerical
    assert p.range == sp.Interval(minimum.value, sp.oo)
    o = facts("gelu").outputs[0]
    assert o.range.startswith("[-0.169971")
    table = render.properties(ELEMENTWISE["gelu"], facts("gelu"))
    assert "$[-0.169971, \\infty)$ (numerical, 15 digits)" in table
    assert "global minimum $f \\approx -0.169971$ at $x \\approx -0.751792$ (numerical, 15 digits)" in table


def test_gelu_derivative_bounds_are_exact_and_not_monotonic():
    p = props("gelu")
    phi = sp.exp(-sp.Integer(1)) / sp.sqrt(2 * sp.pi)
    assert sp.simplify(p.derivative_sup - (derive.Phi(sp.sqrt(2)) + sp.sqrt(2) * phi)) == 0
    assert p.derivative_sup_where == sp.FiniteSet(sp.sqrt(2))
    assert float(p.derivative_inf) == pytest.approx(-0.128904, abs=1e-6)
    assert "derivative" not in p.numerical and p.monotonic == "no"
    assert (p.saturates_left, p.saturates_right) == ("soft", "no")


def test_silu_minimum_matches_lambert_w():
    """SiLU' = 0 where x = −1 − W(1/e): the numerical minimum against the closed form."""
    p = props("silu")
    (minimum,) = p.extrema
    with mpmath.workdps(40):
        x0 = -1 - mpmath.lambertw(mpmath.exp(-1))
        assert abs(mpmath.mpf(str(minimum.x)) - x0.real) < mpmath.mpf("1e-14")
        assert abs(mpmath.mpf(str(minimum.value)) - (x0 / (1 + mpmath.exp(-x0))).real) < mpmath.mpf("1e-15")
    assert p.monotonic == "no" and "monotonic" in p.numerical


def test_mish_minimum_and_its_derivative_bounds():
    p = props("mish")
    (minimum,) = p.extrema
    mish = derive.expression(ELEMENTWISE["mish"], defaults=True)
    x0 = mp_root(sp.diff(mish, X), -1.2)
    assert abs(float(minimum.x) - float(x0)) < 1e-13
    xs = np.linspace(-20, 20, 400001)
    d = reference.numpy_function(sp.diff(mish, X))(xs)
    assert float(p.derivative_sup) == pytest.approx(d.max(), abs=1e-9)
    assert float(p.derivative_inf) == pytest.approx(d.min(), abs=1e-9)


def test_sinc_is_smooth_at_its_removable_point():
    (k,) = derive.kinks(derive.expression(ELEMENTWISE["sinc"], defaults=True), set())
    assert k.point == 0 and k.value == 1 and k.left_limit == 1 and k.right_limit == 1
    assert k.continuous is True and k.differentiable is True and k.removable
    assert k.left_quotient == 0 and k.right_quotient == 0  # sinc'(0) = 0
    o = facts("sinc").outputs[0]
    assert o.smoothness == "C^∞" and all(kf.differentiable_bool for kf in o.kinks)
    p = props("sinc")
    # Range [sinc(x1), 1] with x1 the first positive root of tan x = x.
    x1 = mp_root(sp.tan(X) - X, 4.49)
    assert p.range.sup == 1 and not p.range.right_open
    assert float(p.range.inf) == pytest.approx(float(mpmath.sin(x1) / x1), abs=1e-14)
    assert p.extrema_infinite and (p.saturates_left, p.saturates_right) == ("soft", "soft")


def test_gcu_is_unbounded_and_oscillates():
    p = props("gcu")
    assert p.range == sp.S.Reals and p.monotonic == "no" and p.extrema_infinite
    assert (p.saturates_left, p.saturates_right) == ("no", "no")
    assert p.saturation_spans == ()


def test_arctan_is_exact():
    p = props("arctan")
    assert p.range == sp.Interval.open(-sp.pi / 2, sp.pi / 2) and p.numerical == ()
    assert p.monotonic == "increasing" and p.derivative_sup == 1 and p.derivative_sup_where == sp.FiniteSet(0)


# --------------------------------------------------------------------------
# Parameters of any sign, in boundaries and in conditions
# --------------------------------------------------------------------------


def test_softplus_range_and_identity():
    p = props("softplus")
    assert p.range == sp.Interval.open(0, sp.oo) and p.monotonic == "increasing" and p.numerical == ()
    f = facts("softplus")
    assert [i["text"] for i in f.identities] == ["Its derivative is the sigmoid of beta*x"]
    act = ELEMENTWISE["softplus"]
    beta = derive.symbols(act)["beta"]
    df = derive.derivative(derive.expression(act))
    sigmoid = derive.expression(activations.by_slug()["sigmoid"]).subs(X, beta * X)
    assert proofs.prove_equal(df, sigmoid)
    assert not proofs.prove_equal(df, sigmoid.subs(beta, 2 * beta))


def test_hardtanh_bounds_are_parameters_analysed_at_the_defaults():
    act = ELEMENTWISE["hardtanh"]
    assert [p.default for p in act.params] == ["-1", "1"] and all(p.assume == "real" for p in act.params)
    o = facts("hardtanh").outputs[0]
    assert o.kinks_at_defaults
    assert [k.point_value for k in o.kinks] == [-1.0, 1.0]
    assert all(k.continuous == "yes" and not k.differentiable_bool for k in o.kinks)
    assert props("hardtanh").range == sp.Interval(-1, 1)
    assert o.smoothness == "C⁰" and o.monotonic == "non-decreasing"
    assert o.saturation_spans == [(-math.inf, -1.0), (1.0, math.inf)]
    assert "examines the points at the default" in render.differentiability(act, facts("hardtanh"))


def test_threshold_is_discontinuous_with_no_derivative_at_the_jump():
    act = ELEMENTWISE["threshold"]
    o = facts("threshold").outputs[0]
    (k,) = o.kinks
    assert k.point_value == 1.0 and k.continuous == "no" and k.differentiable == "no"
    assert not k.differentiable_bool
    assert k.left_quotient_value == 0.0 and k.right_quotient_value is None  # diverges from the right
    assert (k.left_limit, k.value, k.right_limit) == ("0", "0", "1")
    assert o.smoothness == "discontinuous"
    assert props("threshold").range == sp.Union(sp.FiniteSet(0), sp.Interval.open(1, sp.oo))
    text = render.differentiability(act, facts("threshold"))
    assert "the difference quotient from the right diverges" in text
    assert "a convention: f has no derivative at a jump" in text


def test_soft_exponential_for_every_sign_of_alpha():
    act = ELEMENTWISE["soft_exponential"]

    def with_alpha(value: str) -> Activation:
        return dataclasses.replace(act, params=(dataclasses.replace(act.params[0], default=value),))

    assert props("soft_exponential").range == sp.Interval.open(-sp.Rational(3, 2), sp.oo)  # α − 1/α at 1/2
    identity = facts_module.facts(with_alpha("0")).outputs[0]
    assert identity.range == "(-\\infty, \\infty)" and identity.derivative_sup_value == 1.0
    activations.check(with_alpha("-0.5"))  # a negative default is a valid declaration ...
    with pytest.raises(DeclarationError, match=r"soft_exponential.*property 'domain'.*not real"):
        facts_module.facts(with_alpha("-0.5"))  # ... but its log branch is not real on all of R: said so
    learned = facts("soft_exponential").learned
    assert [p["name"] for p in learned] == ["alpha"]


def test_parameter_derivative_at_a_single_value_is_the_limit_and_nan_stays_nan():
    """derive.diff: SymPy differentiates the branch x (α = 0) to 0 and NaN to 0; the derivative in α
    at α = 0 is the limit of the neighbouring branches, 1 + x²/2, and an undefined branch stays NaN."""
    act = ELEMENTWISE["soft_exponential"]
    alpha = derive.symbols(act)["alpha"]
    expr = derive.parse(act, "Piecewise((-log(1 - alpha*(x + alpha))/alpha, (alpha < 0) & "
                             "(x > 1/alpha - alpha)), (nan, alpha < 0), (x, Eq(alpha, 0)), "
                             "((exp(alpha*x) - 1)/alpha + alpha, True))")
    x = derive.X
    assert sp.diff(expr, alpha).subs(alpha, 0) == 0  # what SymPy alone says
    assert sp.expand(derive.diff(expr, alpha).subs(alpha, 0) - (1 + x**2 / 2)) == 0
    assert derive.diff(expr, x).subs(alpha, 0) == 1
    assert derive.diff(expr, x).subs({alpha: -sp.Rational(1, 2), x: -2}) is sp.nan
    assert derive.diff(expr, alpha).subs({alpha: -sp.Rational(1, 2), x: -2}) is sp.nan
    assert [p.expr for p in derive.derivative_pieces(expr.subs(alpha, -sp.Rational(1, 2)))][0] is sp.nan


# --------------------------------------------------------------------------
# Saturation
# --------------------------------------------------------------------------


def test_saturation_spans_only_in_tails_where_the_derivative_vanishes():
    o = facts("gelu").outputs[0]
    ((start, end),) = o.saturation_spans
    assert start == -math.inf and -3 < end < -2  # not at the zero of f' near x = −0.75
    gelu = derive.expression(ELEMENTWISE["gelu"], defaults=True)
    d = reference.numpy_function(derive.derivative(gelu))
    threshold = properties.SATURATION_FRACTION * o.derivative_abs_sup_value
    assert abs(d(np.array([end]))[0]) == pytest.approx(threshold, rel=1e-6)
    assert np.all(np.abs(d(np.linspace(-60, end - 1e-6, 5001))) < threshold)
    arctan = facts("arctan").outputs[0]
    assert arctan.saturation_spans == [(-math.inf, pytest.approx(-math.sqrt(19), abs=1e-9)),
                                       (pytest.approx(math.sqrt(19), abs=1e-9), math.inf)]


# --------------------------------------------------------------------------
# Variants
# --------------------------------------------------------------------------


def test_gelu_tanh_variant_and_its_largest_difference():
    f = facts("gelu")
    (v,) = f.variants
    assert v["label"] == "tanh approximation" and v["kwargs"] == {"approximate": "tanh"}
    assert v["numerical"]
    exact = reference.numpy_function(derive.expression(ELEMENTWISE["gelu"], defaults=True))
    vact = derive.variant_activation(ELEMENTWISE["gelu"], ELEMENTWISE["gelu"].variants[0])
    approx = reference.numpy_function(derive.expression(vact, defaults=True))
    xs = np.linspace(-10, 10, 2000001)
    grid_max = np.max(np.abs(approx(xs) - exact(xs)))
    assert v["max_difference_value"] == pytest.approx(grid_max, rel=1e-6)
    assert v["max_difference_value"] == pytest.approx(4.73e-4, abs=5e-6)
    vo = v["facts"].outputs[0]
    assert vo.range.startswith("[-0.170041") and "range" in vo.numerical
    page = render.variants(ELEMENTWISE["gelu"], f)
    assert "### tanh approximation" in page and 'approximate="tanh"' in page and "(numerical, 15 digits)" in page


def test_softplus_threshold_variant_jumps_at_the_threshold():
    (v,) = facts("softplus").variants
    assert sp.sympify(v["max_difference_value"]) == pytest.approx(float(sp.log(1 + sp.exp(20)) - 20), rel=1e-12)
    assert not v["numerical"] and "20" in v["where"]
    (k,) = v["facts"].outputs[0].kinks
    assert k.point_value == 20.0 and k.continuous == "no"
    assert v["facts"].slug == "softplus_pytorch_threshold"


def test_variant_activation_is_an_activation():
    act = ELEMENTWISE["softplus"]
    vact = derive.variant_activation(act, act.variants[0])
    activations.check(vact)
    assert vact.variants == () and vact.identities == () and vact.kink_derivative == {"20": "1/(1 + exp(-20))"}
    only_value = Variant(label="beta 2", kwargs={"beta": "2"})
    beta2 = derive.variant_activation(act, only_value)
    assert beta2.expr == act.expr and [p.default for p in beta2.params] == ["2", "20"]


# --------------------------------------------------------------------------
# Stochastic mode and several learned parameters
# --------------------------------------------------------------------------


def test_rrelu_uses_the_mean_slope_in_evaluation():
    act = ELEMENTWISE["rrelu"]
    evaluation = derive.expression(act, defaults=True)
    slope = sp.Rational(11, 48)  # (1/8 + 1/3) / 2, PyTorch's defaults, declared exactly as ratios
    assert proofs.prove_equal(evaluation, sp.Piecewise((slope * X, X < 0), (X, True)))
    f = facts("rrelu")
    assert f.stochastic["mean_value"] == float(slope) and f.stochastic["symbol"] == "a"
    page = render.definition(act, f)
    assert "U(l, u)" in page and "In evaluation it is fixed at the mean" in page
    assert "In evaluation mode" in render.derivative(act, f)
    (k,) = f.outputs[0].kinks
    assert k.left_quotient_value == float(slope) and k.snippet_value_float == float(slope)


def test_several_learned_parameters_each_get_their_derivative():
    act = Activation(slug="two_slopes", name="Two slopes", symbol="g", expr="Piecewise((an*x, x < 0), (ap*x, True))",
                     params=(Param("an", "an", "0.25", "left slope", learned=True),
                             Param("ap", "ap", "1", "right slope", learned=True)),
                     kink_derivative={"0": "ap"})
    f = facts_module.facts(act)
    assert [p["name"] for p in f.learned] == ["an", "ap"]
    d_an = sp.diff(derive.expression(act), derive.symbols(act)["an"])
    assert proofs.prove_equal(d_an, sp.Piecewise((X, X < 0), (0, True)))
    assert "The parameters $an$ and $ap$ are learned" in render.derivative(act, f)


# --------------------------------------------------------------------------
# Numerics without the non-decreasing assumption
# --------------------------------------------------------------------------


def test_derivative_bound_of_non_monotonic_activations():
    sinc = numerics.derivative_bound(ELEMENTWISE["sinc"])
    p = props("sinc")
    assert float(sinc.sup) == pytest.approx(max(float(p.derivative_sup), -float(p.derivative_inf)))
    assert not sinc.non_decreasing and sinc.numerical
    gelu = numerics.derivative_bound(ELEMENTWISE["gelu"])
    assert gelu.sup == props("gelu").derivative_sup and not gelu.non_decreasing


def test_gain_of_gelu_by_quadrature():
    g = numerics.variance_gain(ELEMENTWISE["gelu"])
    with mpmath.workdps(40):
        second = mpmath.quad(lambda z: (z * mpmath.ncdf(z)) ** 2 * mpmath.npdf(z), [-mpmath.inf, 0, mpmath.inf])
        assert abs(g.second_moment - second) < mpmath.mpf("1e-25")
    assert g.digits >= 25


# --------------------------------------------------------------------------
# Malformed declarations name the field
# --------------------------------------------------------------------------

BASE = ELEMENTWISE["gelu"]


@pytest.mark.parametrize("change, field, message", [
    ({"variants": [Variant(label="x", expr="x")]}, "variants", "must be a tuple"),
    ({"variants": ("tanh",)}, "variants", "is not a Variant"),
    ({"variants": (Variant(label=" ", expr="x"),)}, "variants", "non-empty label"),
    ({"variants": (Variant(label="a", expr="x"), Variant(label="a", expr="x"))}, "variants", "used twice"),
    ({"variants": (Variant(label="a"),)}, "variants", "changes nothing"),
    ({"variants": (Variant(label="a", expr="x", kwargs={"approximate": 1}),)}, "variants", "kwargs"),
    ({"variants": (Variant(label="a", expr="x", kink_derivative={"zero": "0"}),)}, "variants", "exact numbers"),
    ({"variants": (Variant(label="a", expr="x", selected_by=("approximate",)),)}, "variants", "keyword argument"),
    ({"variants": (Variant(label="a", expr="x", selected_by=("approximate=t",)),)}, "variants",
     "keyword argument"),
    ({"params": (Param("beta", "beta", "1", "", keywords=("not a name",)),)}, "params", "not a Python identifier"),
    ({"stochastic": "a"}, "stochastic", "is not a Stochastic"),
    ({"stochastic": Stochastic("a", "lower", "1")}, "stochastic", "neither a declared parameter nor a number"),
    ({"stochastic": Stochastic("a", "0.5", "0.25")}, "stochastic", "must be below"),
])
def test_malformed_declarations_name_the_field(change, field, message):
    with pytest.raises(DeclarationError, match=message) as err:
        activations.check(dataclasses.replace(BASE, **change))
    assert err.value.slug == "gelu" and err.value.field == field


def test_variant_parameter_values_are_checked():
    act = ELEMENTWISE["softplus"]
    with pytest.raises(DeclarationError, match="not a finite number") as err:
        activations.check(dataclasses.replace(act, variants=(Variant(label="b", kwargs={"beta": "big"}),)))
    assert err.value.field == "variants"
    with pytest.raises(DeclarationError, match="is not positive") as err:
        activations.check(dataclasses.replace(act, variants=(Variant(label="b", kwargs={"beta": "-1"}),)))
    assert err.value.field == "variants"


def test_a_derivation_that_fails_names_the_property():
    bad = Activation(slug="bad", name="Bad", symbol="b", expr="log(x)")
    with pytest.raises(DeclarationError, match=r"activation 'bad'.*property 'domain'"):
        facts_module.facts(bad)
    with pytest.raises(properties.PropertyError, match="property 'domain'"):
        properties.properties(sp.log(X))


def test_a_mean_below_the_quadratures_30_digits_reads_0():
    """Rounding noise of the quadrature (1e−38 for the bipolar sigmoid, an odd function) is not shown."""
    assert render.mean_text(1.043e-38) == "0" and render.mean_text(0.0) == "0"
    assert render.mean_text(0.3989422804) == "0.3989" and render.mean_text(-2e-25) == "-2e-25"
