"""The catalog page (scripts/catalog.py) and Wikipedia's comparison columns, checked against the snippets.

The columns are decided by SymPy (scripts/properties.py); here every claim is checked independently,
numerically, with the NumPy snippet the page shows: a claim that the derivative is monotonic against the
snippet's f' on a grid, a claim that f approximates the identity near 0 against f(0) and f'(±h). The page
itself only includes the generated table: a column typed by hand into a page fails here.
"""

from __future__ import annotations

import re

import numpy as np
import pytest

import catalog
import facts as facts_module
from conftest import CATALOG, ELEMENTWISE, ROOT, facts_of, ids, kink_points, Case, snippet

GRID = np.linspace(-20.0, 20.0, 8001)


def _derivative_on_grid(act):
    """The snippet's f' at the defaults on GRID, with the kinks and their neighbourhoods left out."""
    kinks = kink_points(Case(act.slug, act.slug, ()))
    xs = GRID[np.all([np.abs(GRID - k) > 1e-3 for k in kinks], axis=0)] if kinks else GRID
    module = snippet(act.slug)
    with np.errstate(all="ignore"):
        d = np.asarray(getattr(module, f"{act.slug}_derivative")(xs), dtype=float)
    ok = np.isfinite(d)
    return xs[ok], d[ok]


@pytest.mark.parametrize("act", ELEMENTWISE, ids=ids(ELEMENTWISE))
def test_monotonic_derivative_column_agrees_with_the_snippet(act):
    (out,) = facts_of(act.slug).outputs
    claim = out.derivative_monotonic
    xs, d = _derivative_on_grid(act)
    steps = np.diff(d)
    tol = 1e-9 * max(1.0, float(np.max(np.abs(d))))
    falls, rises = steps.min() < -tol, steps.max() > tol
    if claim in ("increasing", "non-decreasing"):
        assert not falls, f"{act.slug}: f' said {claim}, but it falls by {-steps.min():.3g} on the grid"
    elif claim in ("decreasing", "non-increasing"):
        assert not rises, f"{act.slug}: f' said {claim}, but it rises by {steps.max():.3g} on the grid"
    else:
        assert claim == "no", claim
        # Not monotonic: it rises somewhere and falls somewhere (on the grid, or beyond it for a tail
        # that turns only far out).
        wide = np.concatenate([-np.geomspace(1e4, 20, 200), GRID, np.geomspace(20, 1e4, 200)])
        module = snippet(act.slug)
        with np.errstate(all="ignore"):
            dw = np.asarray(getattr(module, f"{act.slug}_derivative")(wide), dtype=float)
        sw = np.diff(dw[np.isfinite(dw)])
        assert (falls and rises) or (sw.min() < -tol and sw.max() > tol), (
            f"{act.slug}: f' said not monotonic, but the snippet's f' only "
            + ("rises" if rises or sw.max() > tol else "falls"))


@pytest.mark.parametrize("act", ELEMENTWISE, ids=ids(ELEMENTWISE))
def test_identity_near_origin_column_agrees_with_the_snippet(act):
    (out,) = facts_of(act.slug).outputs
    module = snippet(act.slug)
    f, df = getattr(module, act.slug), getattr(module, f"{act.slug}_derivative")
    h = 1e-7
    value = float(f(0.0))
    slopes = [float(df(-h)), float(df(h)), (float(f(h)) - float(f(-h))) / (2 * h)]
    holds = abs(value) < 1e-12 and all(abs(s - 1) < 1e-5 for s in slopes)
    assert holds == out.identity_near_origin, (act.slug, value, slopes, out.identity_near_origin_text)
    assert out.identity_near_origin_text.startswith("yes" if holds else "no")


def test_identity_near_origin_says_for_which_parameters():
    """ELU: f'(0−) = α, so only α = 1; Leaky ReLU approximates it only when it is the identity."""
    texts = {slug: facts_of(slug).outputs[0].identity_near_origin_text for slug in ("elu", "leaky_relu", "tanh")}
    assert texts == {"elu": r"yes (only for $\alpha = 1$)", "leaky_relu": r"no (yes for $\alpha = 1$)",
                     "tanh": "yes"}


@pytest.mark.parametrize("call, ships", [
    ("torch.nn.ELU(alpha=1.0, inplace=False)", True),  # a module, called on x
    ("torch.nn.functional.elu(x, alpha=1.0)", True),
    ("torch.square(torch.relu(x))", False),  # a composition
    ("x * torch.sigmoid(1.702 * x)", False),
    ("torch.tanh(alpha * x)", False),  # another activation of a transformed input
    ("elu(x)", False),  # defined by the tab, not by the framework
    ("keras.ops.leaky_relu(x, negative_slope=0.2)", False),  # another activation
])
def test_ships_reads_the_framework_call(call, ships):
    elu = next(a for a in CATALOG if a.slug == "elu")
    assert catalog.ships(elu, call) is ships


def test_ships_by_name_alias_or_parameters():
    by = {a.slug: a for a in CATALOG}
    assert catalog.ships(by["binary_step"], "torch.heaviside(x, torch.tensor(1.0, dtype=x.dtype))")  # alias
    assert catalog.ships(by["swish"], "tf.nn.silu(x, beta=1.0)")  # every parameter of Swish: β
    assert not catalog.ships(by["quick_gelu"], "tf.nn.silu(x, beta=1.702)")


def test_the_page_includes_the_generated_table_and_types_no_column():
    text = (ROOT / "docs" / "activations" / "index.md").read_text(encoding="utf-8")
    assert '--8<-- "build/generated/catalog.md"' in text
    assert not re.search(r"^\|.*\|\s*$", text, flags=re.M), "a table typed into docs/activations/index.md"


def test_every_activation_is_a_row_with_its_derived_columns():
    rows = {r.slug: r for r in (catalog.row(a, facts_of(a.slug)) for a in CATALOG)}
    assert set(rows) == {a.slug for a in CATALOG}
    rows_with_matches = {a.slug: catalog.row(a, facts_of(a.slug), {b.slug: facts_of(b.slug) for b in CATALOG})
                         for a in CATALOG if a.kind not in ("elementwise", "concat")}
    for slug, r in rows_with_matches.items():  # a two-input slice proved equal to f(x): its saturation
        matches = [m["slug"] for m in facts_of(slug).vector.get("two_inputs_matches", [])]
        if matches and facts_of(matches[0]).outputs:
            assert r.saturates == catalog.saturation_text(facts_of(matches[0]).outputs), slug
        else:
            assert r.saturates == "—", slug
    md = catalog.table(list(rows.values()))
    assert md.count("\n") == len(CATALOG) + 2
    for act in ELEMENTWISE:
        r, out = rows[act.slug], facts_of(act.slug).outputs[0]
        assert (r.range, r.monotonic, r.monotonic_derivative, r.identity) == (
            out.range, out.monotonic, out.derivative_monotonic, out.identity_near_origin_text)
        assert r.continuity == out.smoothness
        assert r.year == (min(x.year for x in act.references) if act.references else None)
        assert r.trainable == tuple(p.name for p in act.params if p.learned)
        # Saturates and Cost (the columns the home page's comparison table had): the property table's
        sat = {(False, False): "no", (True, False): "left", (False, True): "right", (True, True): "both sides"}
        assert r.saturates == sat[out.saturates_left != "no", out.saturates_right != "no"]
        assert r.cost == out.cost
    assert (rows["relu"].saturates, rows["sigmoid"].saturates, rows["identity"].saturates) == (
        "left", "both sides", "no")
    assert rows["softmax"].saturates == "—" and rows["softmax"].cost == facts_of("softmax").vector["cost"]
    assert rows["relu"].piecewise_linear and not rows["gelu"].piecewise_linear
    assert rows["prelu"].trainable and "PyTorch" in rows["relu"].frameworks
    assert rows["squared_relu"].frameworks == ()


def test_thumbnails_are_drawn_in_the_text_colour():
    for act in CATALOG:
        svg = catalog.row(act, facts_of(act.slug)).thumbnail
        assert 'stroke="currentColor"' in svg and re.search(r'<path d="M[\d.]+,[\d.]+L', svg), act.slug
        assert "nan" not in svg.lower() and len(svg) < 4000, act.slug

