"""The claims the pages make, checked against SymPy's derivation.

These pin down the facts a reader quotes (ranges, maxima of derivatives,
where a function is not differentiable) and check that the prover rejects
false statements, so a "proved" on a page means something.
"""

from __future__ import annotations

import pytest
import sympy as sp

import functools

import activations
import derive
import proofs
import properties
import vector
from conftest import CATALOG, OUTPUT_KINDS, VECTOR_KINDS, Case, expressions, facts_of, ids, kinks, limits

X = derive.X


def expr(slug: str, **kw) -> sp.Expr:
    return derive.expression(activations.by_slug()[slug], **kw)


@functools.cache
def properties_of(slug: str, output: int = 0) -> properties.Properties:
    """properties.properties of one output at the defaults, once per run (SymPy's slowest step)."""
    return properties.properties(expressions(Case(slug, slug, ()))[output])


@functools.cache
def proved_identities(slug: str):
    """The declared identities, each proved (the vector and gated kinds by scripts/vector.py)."""
    act = activations.by_slug()[slug]
    if act.kind in (*VECTOR_KINDS, "gated"):
        return vector.identities(act)
    return proofs.identities(act)


@pytest.mark.parametrize(
    ("slug", "expected"),
    [
        ("identity", sp.Interval(-sp.oo, sp.oo)),
        ("binary_step", sp.FiniteSet(0, 1)),
        ("sigmoid", sp.Interval.open(0, 1)),
        ("tanh", sp.Interval.open(-1, 1)),
        ("relu", sp.Interval(0, sp.oo)),
        ("leaky_relu", sp.Interval(-sp.oo, sp.oo)),
        ("elu", sp.Interval.open(-1, sp.oo)),
        ("relu6", sp.Interval(0, 6)),
    ],
)
def test_range(slug, expected):
    assert properties_of(slug).range == expected


def test_selu_range_is_bounded_below_by_minus_lambda_alpha():
    act = activations.by_slug()["selu"]
    lam, alpha = (sp.Rational(c.default) for c in act.constants[::-1])
    p = properties_of("selu")
    assert p.range == sp.Interval.open(-lam * alpha, sp.oo)


@pytest.mark.parametrize(
    ("slug", "sup", "where"),
    [
        ("sigmoid", sp.Rational(1, 4), sp.FiniteSet(0)),
        ("tanh", 1, sp.FiniteSet(0)),
        ("relu", 1, sp.Interval.open(0, sp.oo)),
        ("relu6", 1, sp.Interval.open(0, 6)),
        ("elu", 1, sp.Interval(0, sp.oo)),  # α = 1: the derivative exists at 0 and is 1
    ],
)
def test_maximum_of_the_derivative(slug, sup, where):
    p = properties_of(slug)
    assert p.derivative_sup == sup
    assert p.derivative_sup_where == where


def test_relu_one_sided_limits_are_0_and_1_so_not_differentiable():
    (k,) = derive.kinks(expr("relu"), set())
    assert (k.point, k.left_quotient, k.right_quotient) == (0, 0, 1)
    assert k.continuous is True and k.differentiable is False


def test_elu_is_differentiable_at_0_only_for_alpha_1():
    act = activations.by_slug()["elu"]
    alpha = derive.symbols(act)["alpha"]
    (k,) = derive.kinks(derive.expression(act), {alpha})
    assert (k.left_quotient, k.right_quotient) == (alpha, 1)
    assert k.differentiable == [{alpha: 1}]
    (k2,) = derive.kinks(derive.expression(act).subs(alpha, 2), set())
    assert k2.differentiable is False


@pytest.mark.parametrize("slug", ["leaky_relu", "prelu", "selu"])
def test_kink_at_0(slug):
    (k,) = derive.kinks(expr(slug, defaults=True), set())
    assert k.point == 0 and k.continuous is True and k.differentiable is False


def test_relu6_kinks_at_0_and_6():
    ks = derive.kinks(expr("relu6"), set())
    assert [(k.point, k.left_quotient, k.right_quotient) for k in ks] == [(0, 0, 1), (6, 1, 0)]


def test_binary_step_is_not_even_continuous():
    (k,) = derive.kinks(expr("binary_step"), set())
    assert (k.left_limit, k.value, k.right_limit) == (0, 1, 1)
    assert k.continuous is False and k.left_quotient == sp.oo


@pytest.mark.parametrize("slug", ["identity", "sigmoid", "tanh"])
def test_smooth_functions_have_no_kinks(slug):
    assert derive.kinks(expr(slug), set()) == []
    assert facts_of(slug).outputs[0].smoothness == "C^∞"


@pytest.mark.parametrize(
    ("slug", "zero_centred"),
    [("tanh", True), ("identity", True), ("selu", True), ("sigmoid", False), ("relu", False), ("elu", False)],
)
def test_zero_centred(slug, zero_centred):
    assert properties_of(slug).zero_centred is zero_centred


def test_sigmoid_saturates_softly_on_both_sides_and_relu_hard_on_the_left():
    s = properties_of("sigmoid")
    r = properties_of("relu")
    assert (s.saturates_left, s.saturates_right) == ("soft", "soft")
    assert (r.saturates_left, r.saturates_right) == ("hard", "no")


@pytest.mark.parametrize("act", [a for a in CATALOG if a.identities], ids=ids([a for a in CATALOG if a.identities]))
def test_every_declared_identity_is_proved(act):
    proved = proved_identities(act.slug)  # raises, naming the identity, when SymPy cannot prove one
    assert len(proved) == len(act.identities)
    if act.kind in (*VECTOR_KINDS, "gated"):  # vector.identities returns only what it proved
        assert all(i["lhs"] and i["rhs"] for i in proved)
    else:
        assert all(i.proved and i.lhs_latex and i.rhs_latex for i in proved)


WITH_OUTPUTS = [a for a in CATALOG if a.kind in OUTPUT_KINDS]


@pytest.mark.parametrize("act", WITH_OUTPUTS, ids=ids(WITH_OUTPUTS))
def test_range_holds_the_limits_and_the_values_at_kinks(act):
    """Two derivations agree: the range SymPy states contains (in its closure) the limits at
    ±∞ and the values at the kinks, and a side with an infinite limit is unbounded."""
    case = Case(act.slug, act.slug, ())
    for n, lims in enumerate(limits(case)[act.slug]):
        p = properties_of(act.slug, n)
        closure = p.range.closure
        for lim in lims:
            if lim.is_number and not lim.has(sp.AccumBounds) and lim.is_finite:
                assert lim in closure, f"{act.slug} output {n}: limit {lim} outside the range {p.range}"
        if sp.oo in lims:
            assert not p.bounded_above and p.range.sup == sp.oo, (act.slug, n, lims, p.range)
        if -sp.oo in lims:
            assert not p.bounded_below and p.range.inf == -sp.oo, (act.slug, n, lims, p.range)
        for k in kinks(case)[n]:
            assert k.value in p.range, f"{act.slug} output {n}: f({k.point}) = {k.value} outside {p.range}"


@pytest.mark.parametrize(
    ("lhs", "rhs"),
    [
        ("df(x)", "f(x)*(1 + f(x))"),  # a wrong sign
        ("f(x)", "2*f(x) - 1"),
        ("df(x)", "f(x)*f(x)"),
    ],
)
def test_the_prover_rejects_false_identities(lhs, rhs):
    sigmoid = activations.by_slug()["sigmoid"]
    ns = proofs._call_namespace(sigmoid, constants=True)
    assert not proofs.prove_equal(derive.parse(sigmoid, lhs, ns), derive.parse(sigmoid, rhs, ns))


def test_the_prover_rejects_a_false_piecewise_identity():
    relu6 = activations.by_slug()["relu6"]
    ns = proofs._call_namespace(relu6, constants=True)
    # Right everywhere except on x > 6, where the pieces must be compared.
    assert not proofs.prove_equal(derive.parse(relu6, "f(x)", ns), derive.parse(relu6, "Max(0, x)", ns))
    assert proofs.prove_equal(derive.parse(relu6, "f(x)", ns), derive.parse(relu6, "Min(Max(0, x), 6)", ns))


def test_softmax_facts():
    s = proofs.softmax_facts(activations.by_slug()["softmax"])
    assert s.jacobian_rule and s.sums_to_one and s.shift_invariant and s.two_class_is_sigmoid
    assert s.component_range == sp.Interval.open(0, 1)


def test_affine_maps_compose_to_an_affine_map():
    assert derive.affine_composition().proved


def test_sympy_diff_of_max_would_have_lied_at_the_kink():
    """Why derive.py never differentiates Max directly (DESIGN.md's trap)."""
    naive = sp.diff(sp.Max(0, X), X).subs(X, 0)
    assert naive == sp.Rational(1, 2)  # Heaviside(0) = 1/2: a value, where none exists


def test_identities_with_phi_are_proved_through_erf():
    """Φ(x) + Φ(−x) = 1 holds only once Φ is written with erf: the prover tries that form too."""
    x = derive.X
    assert proofs.prove_equal(x * derive.Phi(x), x * (1 + sp.erf(x / sp.sqrt(2))) / 2)
    assert proofs.prove_equal(x * derive.Phi(x) + x * derive.Phi(-x), x)
    assert not proofs.prove_equal(x * derive.Phi(x), x / 2)


def test_a_limit_in_a_parameter_is_taken_for_each_sign_of_x():
    """lim_{β→∞} x·σ(βx) is ReLU: x for x > 0, 0 for x < 0 and at 0; not x everywhere."""
    x, beta = derive.X, sp.Symbol("beta", positive=True)
    swish = x / (1 + sp.exp(-beta * x))
    assert proofs.prove_equal(sp.Limit(swish, beta, sp.oo), sp.Max(x, 0))
    assert proofs.prove_equal(sp.Limit(swish, beta, 0), x / 2)
    assert not proofs.prove_equal(sp.Limit(swish, beta, sp.oo), x)


def test_a_numerical_critical_point_at_zero_is_reported_as_zero():
    """SymPy cannot solve tanh(x) + x·sech²(x) = 0; findroot stops near 1e-62, but the minimum is at 0."""
    e = properties.extent(X * sp.tanh(X), sp.Interval(-sp.oo, sp.oo))
    assert e.low == 0 and e.low_at == sp.FiniteSet(0) and e.critical == ((0, 0),)
    shifted = properties.extent((X - 1) * sp.tanh(X - 1), sp.Interval(-sp.oo, sp.oo))  # only 0 is snapped
    assert float(shifted.low) == 0 and shifted.low_at == sp.FiniteSet(sp.Float(1.0))
