"""Vector-valued kinds (scripts/vector.py), on the fixture declarations in tests/fixtures/declarations/.

The fixtures (GLU, SwiGLU, GeGLU, ReGLU, softmin, log-softmax, sparsemax) are
loaded with ``activations.load(folder)`` like the catalog, but are not pages.
SymPy's proofs are checked here against independent NumPy computations
(finite differences, a sort-based sparsemax), and wrong declarations must fail
naming the activation and the field.
"""

from __future__ import annotations

import dataclasses
import functools
from pathlib import Path

import numpy as np
import pytest
import sympy as sp

import activations
import derive
import facts as facts_module
import gated
import reference
import render
import vector
from activations import Activation, DeclarationError, Identity

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "declarations"
VECTOR = ["softmin", "log_softmax", "sparsemax"]
GATED = ["glu", "swiglu", "geglu", "reglu"]
# The folder also holds the elementwise fixtures of tests/test_format.py.
ACTS = {a.slug: a for a in activations.load(FIXTURES) if a.slug in VECTOR + GATED}
RNG = np.random.default_rng(7)
DERIVE = vector.facts


@functools.lru_cache(maxsize=None)
def vfacts(slug: str) -> dict:
    """Each activation derived once per test run."""
    act = ACTS[slug] if slug in ACTS else activations.by_slug()[slug]
    return DERIVE(act)


def fails(act: Activation, field_name: str, derived: bool = False) -> DeclarationError:
    with pytest.raises(DeclarationError) as err:
        activations.check(act)
        if derived:
            vector.facts(act)
    assert err.value.slug == act.slug and err.value.field == field_name, str(err.value)
    assert f"activation {act.slug!r}" in str(err.value) and f"field {field_name!r}" in str(err.value)
    return err.value


# --------------------------------------------------------------------------
# Independent NumPy versions, written from the papers, not from the declarations
# --------------------------------------------------------------------------


def softmax(x):
    e = np.exp(x - x.max())
    return e / e.sum()


def sparsemax(x):
    """Martins & Astudillo (2016), Algorithm 1: sort, find k(z), threshold."""
    z = np.sort(x)[::-1]
    k = np.arange(1, len(x) + 1)
    support = 1 + k * z > np.cumsum(z)
    kz = k[support][-1]
    tau = (np.cumsum(z)[kz - 1] - 1) / kz
    return np.maximum(x - tau, 0)


NUMPY = {
    "softmax": softmax,
    "softmin": lambda x: softmax(-x),
    "log_softmax": lambda x: np.log(softmax(x)),
    "sparsemax": sparsemax,
}
RULES = {  # the closed forms of the brief, in s = softmax(x) or the output y
    "softmax": lambda x, y: np.diag(y) - np.outer(y, y),
    "softmin": lambda x, y: -(np.diag(y) - np.outer(y, y)),
    "log_softmax": lambda x, y: np.eye(len(x)) - softmax(x)[None, :],
    "sparsemax": lambda x, y: np.diag(y != 0) - np.outer(y != 0, y != 0) / np.count_nonzero(y),
}


def numeric_jacobian(f, x, h=1e-6):
    return np.stack([(f(x + h * e) - f(x - h * e)) / (2 * h) for e in np.eye(len(x))], axis=1)


# --------------------------------------------------------------------------
# Loading and the format's checks
# --------------------------------------------------------------------------


def test_fixtures_load_with_their_kinds():
    assert sorted(ACTS) == sorted(VECTOR + GATED)
    assert {s: ACTS[s].kind for s in VECTOR} == dict.fromkeys(VECTOR, "vector")
    assert {s: ACTS[s].gate for s in GATED} == {"glu": "second", "swiglu": "first", "geglu": "first",
                                                "reglu": "first"}


@pytest.mark.parametrize(("slug", "changes", "field_name"), [
    ("glu", {"gate": "middle"}, "gate"),
    ("glu", {"expr": "x / (1 + exp(-b))"}, "expr"),
    ("glu", {"jacobian": "y[i]"}, "jacobian"),
    ("softmin", {"jacobian": ""}, "jacobian"),
    ("softmin", {"gate": "first"}, "gate"),
    ("softmin", {"expr": "exp(-x) / Sum(exp(-x[k]), (k, 1, n))"}, "expr"),
    ("softmin", {"expr": ("exp(-x[i])", "exp(x[i])")}, "expr"),
    ("sparsemax", {"threshold": ""}, "threshold"),
    ("sparsemax", {"threshold": "Sum(x[k], (k, 1, n)) - 1"}, "threshold"),
    ("softmin", {"kind": "matrix"}, "kind"),
], ids=lambda v: v if isinstance(v, str) else None)
def test_malformed_declarations_fail_naming_the_field(slug, changes, field_name):
    fails(dataclasses.replace(ACTS[slug], **changes), field_name)


def test_a_gated_product_declared_without_its_gate_fails_naming_it():
    """gate="" declares any f(a, b) (maxout); GLU's a·σ(b) without its gate is a forgotten field."""
    err = fails(dataclasses.replace(ACTS["glu"], gate=""), "gate", derived=True)
    assert "gate='second'" in str(err)


def test_an_elementwise_activation_cannot_declare_vector_fields():
    relu = activations.by_slug()["relu"]
    fails(dataclasses.replace(relu, gate="first"), "gate")
    fails(dataclasses.replace(relu, jacobian="KroneckerDelta(i, j)"), "jacobian")


def test_a_bad_fixture_file_fails_at_load_naming_the_field(tmp_path):
    text = (FIXTURES / "glu.py").read_text(encoding="utf-8").replace('gate="second"', 'gate="both"')
    (tmp_path / "glu.py").write_text(text, encoding="utf-8")
    with pytest.raises(DeclarationError, match="activation 'glu', field 'gate'"):
        activations.load(tmp_path)


# --------------------------------------------------------------------------
# Softmax family: Jacobian rules and properties
# --------------------------------------------------------------------------


@pytest.mark.parametrize("slug", ["softmax", *VECTOR])
def test_declared_component_matches_the_numpy_version(slug):
    act = ACTS.get(slug) or activations.by_slug()[slug]
    for size in (2, 3, 4):  # sparsemax at n = 4: beyond the sizes whose regions are proved
        x = RNG.normal(size=size).round(3)
        exact = [float(v) for v in vector.evaluate(act, [sp.Rational(str(v)) for v in x])]
        np.testing.assert_allclose(exact, NUMPY[slug](x), rtol=1e-13, atol=1e-15)


@pytest.mark.parametrize("slug", ["softmax", *VECTOR])
def test_jacobian_rule_is_proved_and_agrees_with_finite_differences(slug):
    v = vfacts(slug)
    assert v["proved_sizes"] == ([2, 3] if slug == "sparsemax" else [2, 3, 4])
    for size in (2, 3, 4, 6):
        x = RNG.normal(size=size) * 0.7
        y = NUMPY[slug](x)
        np.testing.assert_allclose(numeric_jacobian(NUMPY[slug], x), RULES[slug](x, y), atol=1e-7)


@pytest.mark.parametrize(("slug", "wrong"), [
    ("softmin", "y[i]*(KroneckerDelta(i, j) - y[j])"),  # softmax's rule, sign lost
    ("log_softmax", "KroneckerDelta(i, j) - y[j]"),  # log-probabilities instead of s
    ("sparsemax", "supp[i]*(KroneckerDelta(i, j) - 1/m)"),  # off-support columns kept
])
def test_a_wrong_jacobian_rule_is_refused_naming_the_field(slug, wrong):
    err = fails(dataclasses.replace(ACTS[slug], jacobian=wrong), "jacobian", derived=True)
    assert "SymPy finds" in str(err)


def test_sums_shift_invariance_and_two_inputs():
    softmax_, softmin, log_softmax, sparse = (vfacts(s) for s in ("softmax", "softmin", "log_softmax", "sparsemax"))
    assert softmax_["sums_to_one"] and softmin["sums_to_one"] and sparse["sums_to_one"]
    assert not log_softmax["sums_to_one"] and log_softmax["exp_sums_to_one"]
    assert all(v["shift_invariant"] for v in (softmax_, softmin, log_softmax, sparse))
    assert [(m["slug"], m["argument"]) for m in softmax_["two_inputs_matches"]] == [("sigmoid", "z")]
    assert [(m["slug"], m["argument"]) for m in softmin["two_inputs_matches"]] == [("sigmoid", "-z")]
    assert softmax_["two_inputs_range"] == "(0, 1)" and softmax_["range_all_sizes"]
    assert log_softmax["two_inputs_range"] == r"(-\infty, 0)"
    assert softmax_["smooth"] and log_softmax["smooth"] and not sparse["smooth"]


def test_a_property_that_fails_is_reported_as_no():
    doubled = dataclasses.replace(ACTS["softmin"], slug="twice_softmin", expr="2*exp(-x[i]) / Sum(exp(-x[k]), (k, 1, n))",
                                  jacobian="-y[i]*(KroneckerDelta(i, j) - y[j]/2)", identities=())
    v = vector.facts(doubled)
    assert not v["sums_to_one"] and v["shift_invariant"]


# --------------------------------------------------------------------------
# Sparsemax: the projection, its regions, kinks and sparsity
# --------------------------------------------------------------------------


def test_sparsemax_is_the_projection_onto_the_simplex_on_every_region():
    v = vfacts("sparsemax")
    assert v["projection"] and v["regions"] == {"2": 3, "3": 7}
    # Independent check: no point of the simplex is closer to x than sparsemax(x).
    for _ in range(20):
        x = RNG.normal(size=3) * 2
        p = sparsemax(x)
        others = RNG.dirichlet(np.ones(3), size=2000)
        assert np.linalg.norm(p - x) <= np.linalg.norm(others - x, axis=1).min() + 1e-12


def test_sparsemax_sorted_support_rule_finds_the_region_of_the_reference():
    act = ACTS["sparsemax"]
    for _ in range(40):
        x = (RNG.normal(size=3) * 1.5).round(2)
        region = vector.region_of(act, [sp.Rational(str(v)) for v in x])
        assert set(region.support) == set(np.nonzero(sparsemax(x))[0])
        assert region.contains(dict(zip(vector.inputs(3), [sp.Rational(str(v)) for v in x])))


def test_sparsemax_kinks_are_where_the_support_changes():
    v = vfacts("sparsemax")
    boundaries = v["boundaries"]
    assert [b["n"] for b in boundaries].count(2) == 2 and [b["n"] for b in boundaries].count(3) == 9
    assert all(b["continuous"] and not b["differentiable"] for b in boundaries)
    kinks = v["two_inputs_kinks"]
    assert [(k["point"], k["left_quotient"], k["right_quotient"]) for k in kinks] == \
        [("-1", "0", r"\frac{1}{2}"), ("1", r"\frac{1}{2}", "0")]
    assert all(k["continuous"] and not k["differentiable"] for k in kinks)


def test_sparsemax_is_sparse_and_softmax_is_not():
    assert vfacts("sparsemax")["example_output"] == [r"\frac{3}{4}", r"\frac{1}{4}", "0"]
    assert vfacts("sparsemax")["example_zeros"] == 1 and vfacts("softmax")["example_zeros"] == 0
    np.testing.assert_array_equal(sparsemax(np.array([3.0, 0.5, -1.0])), [1.0, 0.0, 0.0])


def test_a_wrong_threshold_is_refused_naming_the_field():
    fails(dataclasses.replace(ACTS["sparsemax"], threshold="Sum(x[k], (k, 1, m)) / m"), "threshold", derived=True)


# --------------------------------------------------------------------------
# Gated activations
# --------------------------------------------------------------------------


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


GATED_NUMPY = {  # f(a, b) with PyTorch's GLU convention and Shazeer's (2020) variants
    "glu": lambda a, b: a * sigmoid(b),
    "swiglu": lambda a, b: a * sigmoid(a) * b,
    "reglu": lambda a, b: np.maximum(a, 0) * b,
}


@pytest.mark.parametrize("slug", GATED)
def test_gated_jacobian_blocks_are_proved(slug):
    v = vfacts(slug)
    assert v["proved_sizes"] == [2, 3, 4]
    assert (v["gate_symbol"], v["value_symbol"]) == (("b", "a") if slug == "glu" else ("a", "b"))


@pytest.mark.parametrize("slug", sorted(GATED_NUMPY))
def test_gated_blocks_agree_with_finite_differences(slug):
    f = GATED_NUMPY[slug]
    n = 4
    x = RNG.normal(size=2 * n) + 0.3  # away from ReGLU's kink at a = 0
    x[:n] = np.where(np.abs(x[:n]) < 0.05, 0.5, x[:n])
    split = lambda z: f(z[:n], z[n:])  # noqa: E731
    jac = numeric_jacobian(split, x)
    gate, value = (x[n:], x[:n]) if ACTS[slug].gate == "second" else (x[:n], x[n:])
    value_block, gate_block = (jac[:, :n], jac[:, n:]) if ACTS[slug].gate == "second" else (jac[:, n:], jac[:, :n])
    g_expr = gated.gate_function(ACTS[slug])  # derived by SymPy from the declaration
    g = reference.numpy_function(g_expr)(gate)
    dg = reference.numpy_function(derive.derivative(g_expr))(gate)
    np.testing.assert_allclose(value_block, np.diag(g), atol=1e-8)
    np.testing.assert_allclose(gate_block, np.diag(value * dg), atol=1e-7)


def test_gate_functions_and_their_kinks():
    assert [m["slug"] for m in vfacts("glu")["gate_matches"]] == ["sigmoid"]
    assert [m["slug"] for m in vfacts("reglu")["gate_matches"]] == ["relu"]
    assert vfacts("glu")["gate_at_zero"] == r"\frac{1}{2}" and vfacts("geglu")["gate_at_zero"] == "0"
    reglu = vfacts("reglu")["gate_kinks"]
    assert [(k["point"], k["left_quotient"], k["right_quotient"], k["differentiable"]) for k in reglu] == \
        [("0", "0", "1", False)]
    assert vfacts("swiglu")["smooth"] and vfacts("geglu")["smooth"] and not vfacts("reglu")["smooth"]
    # SiLU's and GELU's minima have no closed form: the range is numerical, and says so.
    assert vfacts("swiglu")["gate_range"].startswith("[-0.278465") and "numerically" in vfacts("swiglu")["gate_range"]
    assert vfacts("geglu")["gate_range"].startswith("[-0.169971") and "numerically" in vfacts("geglu")["gate_range"]
    assert vfacts("glu")["gate_range"] == "(0, 1)" and vfacts("reglu")["gate_range"] == r"[0, \infty)"


@pytest.mark.parametrize(("slug", "wrong_gate"), [("glu", "first"), ("swiglu", "second"), ("reglu", "second")])
def test_the_wrong_half_as_gate_is_refused_naming_the_field(slug, wrong_gate):
    err = fails(dataclasses.replace(ACTS[slug], gate=wrong_gate), "gate", derived=True)
    assert "must be the" in str(err)


def test_identities_are_proved_and_false_ones_refused():
    assert [i["text"] for i in vfacts("glu")["identities"]] == [ACTS["glu"].identities[0].text]
    assert r"\operatorname{sparsemax}\left(x, 0\right)_{1}" in vfacts("sparsemax")["identities"][0]["lhs"]
    wrong = dataclasses.replace(ACTS["glu"], identities=(Identity("swapped halves", "f(a, b)", "b*sigmoid(a)"),))
    fails(wrong, "identities", derived=True)
    wrong = dataclasses.replace(ACTS["sparsemax"], identities=(Identity("unclipped", "f(x, 0)[0]", "(x + 1)/2"),))
    fails(wrong, "identities", derived=True)


# --------------------------------------------------------------------------
# Facts and fragments are generic
# --------------------------------------------------------------------------


@pytest.mark.parametrize("slug", sorted(ACTS))
def test_every_fixture_renders_every_fragment(slug, monkeypatch):
    act = ACTS[slug]
    monkeypatch.setattr(vector, "facts", lambda a: vfacts(a.slug))
    f = facts_module.facts(act)
    assert f.vector["kind"] == ("gated" if act.kind == "gated" else "vector")
    for name in ("definition", "derivative", "properties", "differentiability", "identities"):
        md = render.FRAGMENTS[name](act, f)
        assert "None" not in md and "{'" not in md, (name, md)
        if name != "identities":
            assert act.symbol in md or "g(" in md, (name, md)
    assert "\\frac{\\partial y_i}" in render.derivative(act, f)
    if act.kind == "vector":
        assert f"(J^\\top g)_j = \\sum_{{i=1}}^{{n}} g_i \\frac{{\\partial y_i}}{{\\partial x_j}} = {f.vector['vjp']}" \
            in render.derivative(act, f)


def test_softmax_page_facts_keep_their_content(monkeypatch):
    monkeypatch.setattr(vector, "facts", lambda a: vfacts(a.slug))
    f = facts_module.facts(activations.by_slug()["softmax"])
    assert f.softmax is f.vector and f.vector["component_range"] == "(0, 1)" and f.vector["two_class_is_sigmoid"]
    props = render.properties(activations.by_slug()["softmax"], f)
    for text in ("Components sum to 1 | yes", "Invariant to adding a constant to every input | yes",
                 r"= \sigma(z)$, the [Sigmoid](sigmoid.md)", "C<sup>∞</sup>"):
        assert text in props, props


def test_decide_needs_both_the_numbers_and_sympy():
    x1, x2 = vector.inputs(2)
    assert vector.decide(sp.exp(x1 + x2) - sp.exp(x1) * sp.exp(x2)) is True
    assert vector.decide(sp.log(sp.exp(x1) + sp.exp(x2)) - x1) is False  # not 0 at the test points
    # 0 everywhere, but SymPy's simplify cannot show it: undecided, never "no".
    assert vector.decide(sp.Max(x1, 0) + sp.Min(x1, 0) - x1) is None


@pytest.mark.parametrize("slug", ["softmax", *VECTOR])
def test_vector_jacobian_product_agrees_with_finite_differences(slug):
    act = ACTS.get(slug) or activations.by_slug()[slug]
    n = 5  # beyond the sizes of the proofs
    x = RNG.normal(size=n) * 0.8
    g = RNG.normal(size=n)
    y = NUMPY[slug](x)
    values = {vector.N: n, vector.M: np.count_nonzero(y)}
    for q in range(n):
        values.update({vector.YB[q + 1]: y[q], vector.XB[q + 1]: x[q], vector.SB[q + 1]: softmax(x)[q],
                       vector.GB[q + 1]: g[q], vector.SUPP[q + 1]: int(y[q] != 0)})
    rule = vector.vjp_rule(act).subs(vector.N, n)
    vjp = [float(rule.subs(vector.J, j + 1).doit().subs(values)) for j in range(n)]
    np.testing.assert_allclose(vjp, g @ numeric_jacobian(NUMPY[slug], x), atol=1e-7)


def test_glu_fixture_follows_pytorch_where_installed():
    """PyTorch's glu: the first half times the sigmoid of the second (the gate), as the fixture says."""
    torch = pytest.importorskip("torch")
    act = ACTS["glu"]
    f = sp.lambdify((vector.A, vector.B), gated.gated_expression(act), "numpy")
    x = RNG.normal(size=(2, 6))
    np.testing.assert_allclose(torch.nn.functional.glu(torch.from_numpy(x), dim=-1).numpy(),
                               f(x[:, :3], x[:, 3:]), rtol=1e-14)
    assert gated.halves(act) == (vector.B, vector.A)  # (gate, value): the gate is b, the second half


def test_concatenation_jacobian_is_stacked_diagonal_blocks():
    crelu = activations.by_slug()["crelu"]
    v = gated.concat_facts(crelu)
    assert v == {"kind": "concat", "outputs": 2, "proved_sizes": [2, 3, 4]}
    f = facts_module.facts(crelu)
    md = render.derivative(crelu, f)
    assert r"J = \begin{bmatrix} \operatorname{diag}\bigl(f_1'(x)\bigr) \\ \operatorname{diag}\bigl(f_2'(x)\bigr) " \
           r"\end{bmatrix}" in md and "$n = 2, 3, 4$" in md
    # Independently: finite differences of ReLU(x) ++ ReLU(−x), away from the kink at 0.
    x = RNG.normal(size=4)
    x = np.where(np.abs(x) < 0.05, 0.3, x)
    jac = numeric_jacobian(lambda z: np.concatenate([np.maximum(z, 0), np.maximum(-z, 0)]), x)
    np.testing.assert_allclose(jac, np.vstack([np.diag((x > 0) * 1.0), -np.diag((x < 0) * 1.0)]), atol=1e-8)


def test_identities_may_call_other_vector_activations_by_slug(monkeypatch):
    """softmin = softmax(−x) and exp(log_softmax) = softmax: vector slugs are callable and shown
    subscripted; a false one is refused naming the field."""
    import proofs

    table = {**activations.by_slug(), "softmin": ACTS["softmin"], "log_softmax": ACTS["log_softmax"]}
    monkeypatch.setattr(vector, "by_slug", lambda: table)
    monkeypatch.setattr(proofs, "by_slug", lambda: table)
    softmin = dataclasses.replace(ACTS["softmin"], identities=(
        Identity("softmax of the negated inputs", "f(a, b, x)", "softmax(-a, -b, -x)"),))
    (shown,) = vector.identities(softmin)
    assert shown["rhs"] == r"\operatorname{softmax}\left(- a, - b, - x\right)"
    log_softmax = dataclasses.replace(ACTS["log_softmax"], identities=(
        Identity("its exponential is softmax", "exp(f(a, b, x)[0])", "softmax(a, b, x)[0]"),))
    (shown,) = vector.identities(log_softmax)
    assert shown["rhs"] == r"\operatorname{softmax}\left(a, b, x\right)_{1}"
    wrong = dataclasses.replace(softmin, identities=(Identity("not softmax", "f(a, b, x)", "softmax(a, b, x)"),))
    fails(wrong, "identities", derived=True)


def test_a_float_row_is_projected_as_the_binary_numbers_it_holds():
    """1e-300 is not 0: the support of [1e-300, -1e-300, 0, 5e-324, 1] is {1e-300, 1}, τ = 1e-300/2."""
    row = [1e-300, -1e-300, 0.0, 5e-324, 1.0]
    region = vector.region_of(ACTS["sparsemax"], row)
    assert region.support == (0, 4)
    values = vector.evaluate(ACTS["sparsemax"], row)
    assert values[0] == sp.Rational(1e-300) / 2 and values[3] == 0
