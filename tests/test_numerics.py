"""The numbers of the concept pages: gains, SELU's constants, derivative bounds.

Each number is checked against something computed another way: closed forms,
SciPy's quadrature of the tested NumPy snippets, PyTorch itself (when it is
installed), a 70-digit quadrature, and a layer-by-layer iteration.
"""

from __future__ import annotations

import math
import re

import mpmath
import numpy as np
import pytest
import sympy as sp
from scipy import integrate

import derive
import numerics
import render
from conftest import BY_SLUG, CATALOG, ids, snippet

GAINED = [a for a in CATALOG if a.kind not in numerics.NO_GAIN_REASONS]
ELEMENTWISE = [a for a in CATALOG if a.kind == "elementwise"]
TORCH_REASON = "PyTorch not installed: pip install torch==2.13.0"


def default(slug: str, name: str) -> sp.Rational:
    return sp.Rational(next(p.default for p in BY_SLUG[slug].params if p.name == name))


@pytest.fixture(scope="module")
def fragments() -> dict[str, str]:
    return numerics.fragments()


# --------------------------------------------------------------------------
# E[f(Z)²] and the gains
# --------------------------------------------------------------------------

CLOSED_FORMS = {
    "identity": lambda: sp.Integer(1),
    "binary_step": lambda: sp.Rational(1, 2),
    "relu": lambda: sp.Rational(1, 2),
    "leaky_relu": lambda: (1 + default("leaky_relu", "negative_slope") ** 2) / 2,
    "prelu": lambda: (1 + default("prelu", "a") ** 2) / 2,
    "crelu": lambda: sp.Rational(1, 2),  # (E[relu(Z)²] + E[relu(−Z)²]) / 2
}


@pytest.mark.parametrize("slug", sorted(CLOSED_FORMS))
def test_second_moment_matches_its_closed_form(slug):
    exact = CLOSED_FORMS[slug]()
    act = BY_SLUG[slug]
    with mpmath.workdps(numerics.HIGH_DPS):
        assert abs(numerics.second_moment(act) - mpmath.mpf(str(sp.N(exact, 60)))) < mpmath.mpf(10) ** -40
        gain = numerics.variance_gain(act).gain
        assert abs(gain - mpmath.mpf(str(sp.N(1 / sp.sqrt(exact), 60)))) < mpmath.mpf(10) ** -40


def test_relu_gain_is_sqrt_2():
    assert float(numerics.variance_gain(BY_SLUG["relu"]).gain) == pytest.approx(math.sqrt(2), rel=1e-15)


def test_selu_second_moment_is_one_because_it_self_normalises():
    assert abs(numerics.second_moment(BY_SLUG["selu"]) - 1) < 1e-12


def test_tanh_second_moment_against_scipy():
    def integrand(x):
        return math.tanh(x) ** 2 * math.exp(-x * x / 2) / math.sqrt(2 * math.pi)

    value = 2 * integrate.quad(integrand, 0, np.inf, epsabs=1e-14, epsrel=1e-13)[0]  # even integrand
    assert value == pytest.approx(0.394294490398, abs=1e-12)
    assert float(numerics.second_moment(BY_SLUG["tanh"])) == pytest.approx(value, rel=1e-12)


def _scipy_second_moment(act) -> float:
    """E[f(Z)²] from the NumPy snippet, by SciPy's quad between the kinks."""
    module = snippet(act.slug)
    f = getattr(module, act.slug)
    n_out = 1 if act.kind == "elementwise" else len(act.expr)
    kinks = sorted({float(c) for e in derive.outputs(act, defaults=True)
                    for c in derive.breakpoints(derive.pieces(e))})
    edges = [-np.inf, *kinks, np.inf]

    def integrand(x):
        gauss = math.exp(-x * x / 2) / math.sqrt(2 * math.pi)
        if gauss == 0.0:  # far out, where f² may overflow (e^x past 355): f²·φ is 0 to float64
            return 0.0
        with np.errstate(over="ignore"):
            return float(np.sum(np.asarray(f(x), dtype=float) ** 2)) / n_out * gauss

    return sum(integrate.quad(integrand, a, b, epsabs=1e-15, epsrel=1e-13)[0] for a, b in zip(edges, edges[1:]))


@pytest.mark.parametrize("act", GAINED, ids=ids(GAINED))
def test_second_moment_agrees_with_scipy_on_the_snippet(act):
    assert float(numerics.second_moment(act)) == pytest.approx(_scipy_second_moment(act), rel=1e-11, abs=1e-14)


NO_GAIN = [a for a in CATALOG if a.kind in numerics.NO_GAIN_REASONS]


@pytest.mark.parametrize("act", NO_GAIN, ids=ids(NO_GAIN))
def test_kinds_without_a_per_unit_gain_say_why(act):
    with pytest.raises(numerics.NoPerUnitGain, match="no per-unit gain"):
        numerics.second_moment(act)


@pytest.mark.parametrize("act", CATALOG, ids=ids(CATALOG))
def test_every_activation_has_a_row_in_the_gains_table(act, fragments):
    rows = [line for line in fragments["gains.md"].splitlines()
            if line.startswith(f"| [{act.name}](../activations/{act.slug}.md) |")]
    assert len(rows) == 1, f"{act.slug} has {len(rows)} rows in gains.md"
    cells = [c.strip() for c in rows[0].strip("|").split("|")]
    if act.kind in numerics.NO_GAIN_REASONS:
        assert cells[1] == cells[2] == "—"
    else:
        gain = numerics.variance_gain(act)
        assert float(cells[1]) == pytest.approx(float(gain.second_moment), rel=1e-11)
        assert float(cells[2]) == pytest.approx(float(gain.gain), rel=1e-11)


# --------------------------------------------------------------------------
# The accuracy statement
# --------------------------------------------------------------------------


@pytest.mark.parametrize("act", GAINED, ids=ids(GAINED))
def test_the_two_precisions_agree_to_the_stated_digits(act):
    stated = numerics.stated_digits()
    assert stated >= numerics.SHOWN_DIGITS, "the table shows digits it cannot vouch for"
    low = numerics.second_moment(act, numerics.LOW_DPS)
    high = numerics.second_moment(act, numerics.HIGH_DPS)
    assert abs(low - high) <= abs(high) * mpmath.mpf(10) ** -stated
    # and the claim holds against a third, higher precision
    with mpmath.workdps(80):
        exprs = derive.outputs(act, defaults=True)
        higher = mpmath.fsum(numerics.gaussian_moment(e, 70) for e in exprs) / len(exprs)
        assert abs(high - higher) <= abs(higher) * mpmath.mpf(10) ** -stated


def test_the_table_states_the_digits_it_checked(fragments):
    assert f"agree to at least {numerics.stated_digits()} digits" in fragments["gains.md"]


def test_agreeing_digits():
    assert numerics.agreeing_digits(mpmath.mpf("1.2345"), mpmath.mpf("1.2346")) == 4
    assert numerics.agreeing_digits(mpmath.mpf(2), mpmath.mpf(2)) == numerics.LOW_DPS


# --------------------------------------------------------------------------
# PyTorch
# --------------------------------------------------------------------------


def test_pytorch_gains_name_catalog_activations():
    assert set(numerics.PYTORCH_GAINS) <= set(BY_SLUG)


@pytest.mark.parametrize("slug", sorted(numerics.PYTORCH_GAINS))
def test_pytorch_gains_against_torch(slug):
    torch = pytest.importorskip("torch", reason=TORCH_REASON)
    entry = numerics.PYTORCH_GAINS[slug]
    assert torch.nn.init.calculate_gain(entry.nonlinearity) == pytest.approx(float(entry.value), rel=1e-15)


@pytest.mark.parametrize("act", [a for a in GAINED if a.slug not in numerics.PYTORCH_GAINS],
                         ids=ids([a for a in GAINED if a.slug not in numerics.PYTORCH_GAINS]))
def test_pytorch_does_not_know_the_others(act):
    torch = pytest.importorskip("torch", reason=TORCH_REASON)
    with pytest.raises(ValueError):
        torch.nn.init.calculate_gain(act.slug)


def test_which_pytorch_gains_agree():
    agree = {slug for slug in numerics.PYTORCH_GAINS if numerics.torch_gain_agrees(slug)}
    assert agree == {"identity", "relu", "leaky_relu"}


DIFFERING = [slug for slug in numerics.PYTORCH_GAINS if slug in ("sigmoid", "tanh", "selu")]


@pytest.mark.parametrize("slug", DIFFERING)
def test_variance_fixed_point_is_where_the_layers_go(slug):
    """Iterate q <- g² E[f(√q Z)²] layer by layer with the snippet and SciPy: the same q*."""
    act = BY_SLUG[slug]
    f = getattr(snippet(slug), slug)
    g2 = float(numerics.PYTORCH_GAINS[slug].value) ** 2

    def layer(q):
        def integrand(z):
            return float(f(math.sqrt(q) * z)) ** 2 * math.exp(-z * z / 2) / math.sqrt(2 * math.pi)
        return g2 * sum(integrate.quad(integrand, lo, hi, epsabs=1e-14, epsrel=1e-12)[0]
                        for lo, hi in ((-np.inf, 0), (0, np.inf)))

    q = 1.0
    for _ in range(400):
        q = layer(q)
    fixed = numerics.variance_fixed_point(act, numerics.PYTORCH_GAINS[slug].value)
    assert float(fixed) == pytest.approx(q, rel=1e-7)
    assert layer(q) == pytest.approx(q, rel=1e-9)  # converged


def test_the_variance_preserving_gain_keeps_q_at_1():
    tanh = BY_SLUG["tanh"]
    assert numerics.variance_fixed_point(tanh, numerics.variance_gain(tanh).gain) == pytest.approx(1, rel=1e-12)


@pytest.mark.parametrize("slug, expected", [("identity", True), ("relu", True), ("leaky_relu", True),
                                            ("tanh", False), ("relu6", False), ("elu", False),
                                            ("binary_step", False)])
def test_positive_homogeneity(slug, expected):
    assert numerics.positively_homogeneous(derive.expression(BY_SLUG[slug], defaults=True)) is expected


# --------------------------------------------------------------------------
# SELU's constants
# --------------------------------------------------------------------------


def test_selu_constants_solved_to_at_least_12_digits():
    s = numerics.selu_fixed_point()
    assert s.alpha_digits >= 12 and s.lamda_digits >= 12
    assert s.rounds_to_paper
    declared = {c.symbol: c.default for c in BY_SLUG["selu"].constants}
    assert declared == {"alpha": numerics.PAPER_ALPHA, "lamda": numerics.PAPER_LAMBDA}


def test_selu_solution_satisfies_the_conditions_by_quadrature():
    s = numerics.selu_fixed_point()
    with mpmath.workdps(40):
        def selu(x):
            return s.lamda * (x if x > 0 else s.alpha * mpmath.expm1(x))
        mean = mpmath.quad(lambda z: selu(z) * mpmath.npdf(z), [-mpmath.inf, 0, mpmath.inf])
        second = mpmath.quad(lambda z: selu(z) ** 2 * mpmath.npdf(z), [-mpmath.inf, 0, mpmath.inf])
        assert abs(mean) < mpmath.mpf(10) ** -35
        assert abs(second - 1) < mpmath.mpf(10) ** -35


def test_selu_alpha_closed_form():
    s = numerics.selu_fixed_point()
    with mpmath.workdps(50):
        assert abs(mpmath.mpf(str(sp.N(s.alpha_closed_form, 45))) - s.alpha) < mpmath.mpf(10) ** -35


def test_shared_digits_counts_leading_digits():
    assert numerics.shared_digits(mpmath.mpf("1.23456"), "1.2346") == 4
    assert numerics.shared_digits(mpmath.mpf("1.23456"), "1.2345") == 5


def test_selu_fragment_reports_the_digit_counts(fragments):
    s = numerics.selu_fixed_point()
    assert re.search(rf"\| \$\\alpha\$ \| `[0-9.]+` \| `{re.escape(numerics.PAPER_ALPHA)}` \| {s.alpha_digits} \|",
                     fragments["selu_constants.md"])


# --------------------------------------------------------------------------
# Derivative bounds
# --------------------------------------------------------------------------


def test_sigmoid_and_tanh_derivative_bounds():
    assert numerics.derivative_bound(BY_SLUG["sigmoid"]).sup == sp.Rational(1, 4)
    assert numerics.derivative_bound(BY_SLUG["tanh"]).sup == 1
    for n in (1, 5, 10, 20):
        assert numerics.chain_bound(BY_SLUG["sigmoid"], n) == sp.Rational(1, 4) ** n


@pytest.mark.parametrize("act", ELEMENTWISE, ids=ids(ELEMENTWISE))
def test_derivative_bound_holds_for_the_snippet(act):
    df = getattr(snippet(act.slug), f"{act.slug}_derivative")
    lo, hi = act.plot_range
    kinks = [float(c) for c in derive.breakpoints(derive.pieces(derive.expression(act, defaults=True)))]
    far = np.geomspace(1, 1e8, 401)  # a supremum approached only as x → ±∞ (squareplus': 1 − 1/x²)
    x = np.concatenate([np.linspace(3 * lo, 3 * hi, 20001), far, -far, [c + d for c in kinks for d in (-1e-6, 1e-6)]])
    values = np.abs(df(x))
    sup = float(numerics.derivative_bound(act).sup)
    assert np.all(values <= sup * (1 + 1e-12) + 1e-300)
    away = np.all([np.abs(x - c) > 1e-9 for c in kinks], axis=0)  # the value chosen at a kink is no derivative
    if np.isinf(sup):  # unbounded: e^x reaches inf on this grid, a power of x (2sx) only grows (≥ 1e8 here);
        # an oscillating one (GCU's cos x − x·sin x) reaches |x·sin x| ≈ 9.3e7 at these points
        assert values[away].max() >= 1e7
        return
    assert values[away].max() == pytest.approx(sup, rel=1e-3)


def test_every_elementwise_activation_has_a_bound_row(fragments):
    for act in ELEMENTWISE:
        assert f"| [{act.name}](../activations/{act.slug}.md) |" in fragments["derivative_bounds.md"]


# --------------------------------------------------------------------------
# The fragments
# --------------------------------------------------------------------------


def test_fragments_have_the_generated_header(fragments):
    assert set(fragments) == {"gains.md", "selu_constants.md", "derivative_bounds.md"}
    for name, text in fragments.items():
        assert text.startswith(render.HEADER), name
        assert not re.search(r"(?<!\\)\b(nan|inf)\b", text, re.IGNORECASE), name


def test_an_unbounded_derivative_gets_no_bound(monkeypatch):
    """e^x: sup |f'| = ∞, approached as x → ∞; the table says there is no bound instead of ∞^n."""
    import types

    import activations

    act = activations.Activation(slug="expo_test", name="Exp test", symbol="e", expr="exp(x)", no_reference="a test")
    bound = numerics.derivative_bound(act)
    assert bound.sup == sp.oo and not bound.numerical
    catalog = types.SimpleNamespace(ACTIVATIONS=(*activations.ACTIVATIONS, act),
                                    by_slug=lambda: {**activations.by_slug(), "expo_test": act})
    monkeypatch.setattr(numerics, "catalog", catalog)
    (row,) = [line for line in numerics.derivative_bounds_md().splitlines() if "[Exp test]" in line]
    assert "none: $f'$ is unbounded | — |" in row and "(approached, not attained)" in row
