"""scripts/benchmark.py and its bench_* modules: the cheap parts, run for real, and the page.

No timing is asserted: the speed, build and Lighthouse numbers depend on the
machine. What is checked is that the measurements measure (a known-bad
formula scores badly, a good one well), that every declared activation is
measured without an edit (naive formulas derived where a declaration has
none, an unknown kind refused by name), and that the page is complete,
deterministic and safe to include in the site.
"""

from __future__ import annotations

import dataclasses
import json
import math
import re
from pathlib import Path

import mpmath
import numpy as np
import pytest

import activations
import bench_accuracy
import bench_build
import bench_common
import bench_report
import bench_site
import bench_speed
import benchmark
import speed_alternatives
from conftest import CATALOG, ids, is_softmax

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "declarations"

BY_SLUG = activations.by_slug()
ROWS = [a for a in CATALOG if bench_common.shape_of(a) == "rows"]


def _input(act, n: int = 12):
    x = np.linspace(-3.0, 3.0, n)
    return x.reshape(2, n // 2) if bench_common.shape_of(act) == "rows" else x


# --------------------------------------------------------------------------
# From the declarations, for every activation
# --------------------------------------------------------------------------


@pytest.mark.parametrize("act", CATALOG, ids=ids(CATALOG))
def test_snippet_and_naive_formulas_come_from_the_declaration(act):
    forward, derivative = bench_common.snippet_functions(act)
    assert forward.__name__ == act.slug
    assert derivative.__name__ in (f"{act.slug}_derivative", f"{act.slug}_jacobian")
    naive = bench_common.naive_functions(act)
    assert naive.derived == (act.naive is None)
    x = _input(act)
    assert np.all(np.isfinite(naive.forward(x))) and np.all(np.isfinite(naive.derivative(x)))


DERIVABLE = [a for a in CATALOG if not a.threshold]  # a projection (sparsemax) declares its naive formula


@pytest.mark.parametrize("act", DERIVABLE, ids=ids(DERIVABLE))
def test_a_declaration_without_naive_gets_one_derived_from_its_expression(act):
    bare = dataclasses.replace(act, naive=None)
    naive = bench_common.naive_functions(bare)
    assert naive.derived and naive.forward_text and naive.derivative_text
    forward, derivative = bench_common.snippet_functions(act)
    x = _input(act) + 0.1  # away from kinks at 0 (and at the integers)
    np.testing.assert_allclose(naive.forward(x), forward(x), rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(naive.derivative(x), derivative(x), rtol=1e-12, atol=1e-15)
    assert naive.forward(x.astype(np.float32)).dtype == forward(x.astype(np.float32)).dtype


def test_a_projection_without_naive_fails_naming_the_field():
    act = next(a for a in activations.load(FIXTURES) if a.slug == "sparsemax")
    with pytest.raises(activations.DeclarationError, match=r"'sparsemax', field 'naive'"):
        bench_common.naive_functions(dataclasses.replace(act, naive=None))


def test_derived_naive_is_as_naive_as_its_expression():
    # lambdify of the declared 1/(1 + exp(-x)) overflows at -710 as the textbook formula does, and its
    # SymPy derivative exp(-x)/(1 + exp(-x))**2 is inf/inf there; the snippet is exact
    bare = dataclasses.replace(BY_SLUG["sigmoid"], naive=None)
    row = bench_accuracy.accuracy(bare, np.float64, points=np.array([-710.0, -1.0, 0.0, 2.0]))
    assert row.naive_derived and row.ok
    assert row.naive_forward.ulp > 1e6 and row.naive_forward.x == -710.0
    assert row.naive_derivative.ulp == float("inf")


def test_an_unknown_kind_fails_naming_the_activation_and_the_field(monkeypatch):
    gated = dataclasses.replace(BY_SLUG["relu"], kind="tensor")  # a kind the benchmark does not know
    with pytest.raises(activations.DeclarationError, match=r"activation 'relu', field 'kind': kind 'tensor'"):
        bench_common.shape_of(gated)
    with pytest.raises(activations.DeclarationError, match="'relu'"):
        bench_accuracy.measure(gated, quick=True)
    with pytest.raises(activations.DeclarationError, match="'relu'"):
        bench_speed.speed(gated, repeat=1, size=100)
    monkeypatch.setattr(activations, "ACTIVATIONS", (*CATALOG, gated), raising=False)
    with pytest.raises(activations.DeclarationError, match="'relu', field 'kind'"):
        benchmark.main(["--quick", "--only", "speed", "--out", "/nonexistent/never-written.md"])


def test_a_snippet_without_its_derivative_is_named(tmp_path):
    (tmp_path / "snippets").mkdir()
    (tmp_path / "snippets" / "relu.py").write_text("def relu(x):\n    return x\n")
    with pytest.raises(activations.DeclarationError, match="relu_derivative"):
        bench_common.snippet_functions(BY_SLUG["relu"], root=tmp_path)


def test_reference_and_torch_calls_come_from_the_declaration():
    name, fn = bench_common.reference_call(BY_SLUG["sigmoid"])
    assert name == BY_SLUG["sigmoid"].scipy and fn(np.array([0.0]))[0] == 0.5
    assert bench_common.reference_call(dataclasses.replace(BY_SLUG["sigmoid"], scipy="", numpy_reference="")) is None

    class FakeTorch:  # records what the declaration's spelling would call
        float64 = "float64"

        @staticmethod
        def zeros(*a, **kw):
            return np.zeros(2)

        class nn:  # noqa: N801
            class functional:  # noqa: N801
                @staticmethod
                def relu(x):
                    return np.maximum(x, 0)

    fn, call = bench_common.torch_call(BY_SLUG["relu"], FakeTorch)
    assert call == "torch.nn.functional.relu(x)"
    assert list(fn(np.array([-1.0, 2.0]))) == [0.0, 2.0]
    assert bench_common.torch_call(dataclasses.replace(BY_SLUG["relu"], frameworks=()), FakeTorch)[0] is None


# --------------------------------------------------------------------------
# The measuring tools
# --------------------------------------------------------------------------


def test_ulp_error():
    ulp_error = bench_accuracy.ulp_error
    one = mpmath.mpf(1)
    assert ulp_error(1.0, one, np.float64) == 0.0
    assert ulp_error(np.nextafter(1.0, 2.0), one, np.float64) == pytest.approx(1.0)
    assert ulp_error(np.float32(1) + np.float32(2**-23), one, np.float32) == pytest.approx(1.0)
    assert ulp_error(np.nan, one, np.float64) == float("inf")
    assert ulp_error(np.inf, one, np.float64) == float("inf")
    assert ulp_error(np.inf, mpmath.mpf("1e400"), np.float64) == 0.0  # rounds to inf
    big = float(np.finfo(np.float32).max)
    assert ulp_error(np.float32(big), mpmath.mpf(big), np.float32) == 0.0
    assert ulp_error(0.5, None, np.float64) == 0.0  # undefined: a kink


def test_reference_is_the_shared_one_and_keeps_its_digits_where_the_formula_cancels():
    ref_f, ref_d, kinks = bench_accuracy._references(BY_SLUG["tanh"])  # SymPy's f' is 1 - tanh(x)**2
    exact = 4 * mpmath.exp(-600) / (1 + mpmath.exp(-600)) ** 2  # sech(300)**2
    assert float(ref_d[0](300.0)) == pytest.approx(float(exact), rel=1e-15) and kinks == []
    assert ref_f[0].__wrapped__.__module__ == "reference"  # reference.mp_function, not a copy
    ref_f, ref_d, kinks = bench_accuracy._references(BY_SLUG["elu"])
    assert float(ref_f[0](-1e-300)) == -1e-300  # exp(x) - 1 at 1e-300
    assert kinks == [0.0]


def test_reference_evaluates_the_normal_cdf_at_the_ends_of_the_float64_range():
    """mpmath's ncdf and erfc raise past |z| ≈ 1e154 (the benchmark's grid reaches GELU there)."""
    ref_f, _, _ = bench_accuracy._references(BY_SLUG["gelu"])  # x·Φ(x)
    big = float(np.finfo(np.float64).max)
    assert float(ref_f[0](big)) == big and float(ref_f[0](-big)) == 0.0
    assert float(ref_f[0](-40.0)) == pytest.approx(-40 * float(mpmath.ncdf(-40)), rel=1e-15)


def test_reference_evaluates_a_double_exponential_at_the_ends_of_the_float64_range():
    """GoLU's exp(−exp(−x)): mpmath's exp raises OverflowError on exp(−exp(1.8e308))."""
    ref_f, ref_d, _ = bench_accuracy._references(BY_SLUG["golu"])
    big = float(np.finfo(np.float64).max)
    assert float(ref_f[0](-big)) == 0.0 and float(ref_d[0](-big)) == 0.0
    assert float(ref_f[0](big)) == big and float(ref_d[0](big)) == 1.0
    x = -3.0
    assert float(ref_f[0](x)) == pytest.approx(x * math.exp(-math.exp(-x)), rel=1e-15)


@pytest.mark.parametrize("act", [BY_SLUG["sigmoid"], BY_SLUG["relu6"]], ids=["sigmoid", "relu6"])
def test_accuracy_rows_on_a_small_grid(act):
    points = np.array([-1e300, -710.0, -40.0, -1.0, -1e-300, 0.0, 1e-300, 0.5, 3.0, 40.0, 1e300])
    row = bench_accuracy.accuracy(act, np.float64, points=points)
    assert row.ok and row.target == act.ulp
    assert row.forward.ulp <= act.ulp[0] and row.derivative.ulp <= act.ulp[1]
    assert row.points >= len(points) and row.special == []
    if act.slug == "sigmoid":
        # the naive 1/(1 + exp(-x)) loses all relative precision at -710: exp(710) overflows
        assert row.naive_forward.ulp > 1e6 and row.naive_forward.x == -710.0
        assert row.skipped == 0
    else:
        assert row.forward.ulp == 0 and row.derivative.ulp == 0
        assert row.skipped > 0  # 0 itself and the points next to the kink at 6
        assert "f′(NaN) = 0" in row.naive_special  # ((x > 0) & (x < 6)).astype(float)


def test_a_wrong_snippet_misses_its_target(tmp_path):
    (tmp_path / "snippets").mkdir()
    (tmp_path / "snippets" / "sigmoid.py").write_text(
        "import numpy as np\n\n\ndef sigmoid(x):\n    return 1 / (1 + np.exp(-x))\n\n\n"
        "def sigmoid_derivative(x):\n    s = sigmoid(x)\n    return s * (1 - s)\n")
    row = bench_accuracy.accuracy(BY_SLUG["sigmoid"], np.float64, points=np.array([-710.0, 0.0, 40.0]),
                                  root=tmp_path)
    assert not row.ok and row.forward.x == -710.0 and row.derivative.x == 40.0


def test_accuracy_in_float32_uses_float32_ulps():
    row = bench_accuracy.accuracy(BY_SLUG["sigmoid"], np.float32, points=np.array([-80.0, -4.9, 0.0, 4.9, 80.0]))
    assert row.dtype == "float32" and row.ok
    assert row.forward.ulp > 0  # float32 rounding is visible in float32 ULPs


@pytest.mark.parametrize("act", ROWS, ids=ids(ROWS))
def test_row_accuracy_quick(act):
    families = bench_accuracy.row_accuracy(act, quick=True)
    assert len(families) == 4 and all(f.ok for f in families) and {f.slug for f in families} == {act.slug}
    exact = [f for f in families if f.exact_differences]
    if is_softmax(act.slug):  # what the naive formula gets wrong is softmax's
        assert exact and all(f.naive_forward == float("inf") for f in exact)  # exp(x) overflows past 709
        assert any(f.naive_jacobian is not None and f.naive_jacobian > 1e6 for f in families)  # s(1 - s) cancels
    if act.scipy:
        assert act.scipy in families[0].others and families[0].reference_name == act.scipy


def test_grid_spans_the_range():
    g = bench_accuracy.grid(np.float64, quick=True)
    assert g.min() == -np.finfo(np.float64).max and g.max() == np.finfo(np.float64).max
    assert 0.0 in g and np.abs(g[g != 0]).min() <= 1e-300
    assert np.sum((g > -40) & (g < 40)) > 800
    assert np.sum(g > 10.0**bench_accuracy.FAR_DECADE) >= bench_accuracy.FAR_POINTS_QUICK
    g32 = bench_accuracy.grid(np.float32, quick=True)
    assert g32.dtype == np.float32 and np.all(np.isfinite(g32))


def test_time_calls_interleaves_and_summarises():
    calls = {"a": (np.add, np.ones(10), 1.0), "b": (np.negative, np.ones(10))}
    timings = bench_speed.time_calls(calls, repeat=3)
    assert set(timings) == {"a", "b"}
    for t in timings.values():
        assert t.q1 <= t.median <= t.q3 and t.spread >= 0


@pytest.mark.parametrize("act", CATALOG, ids=ids(CATALOG))
def test_speed_row_on_a_small_input(act):
    row = bench_speed.speed(act, repeat=1, size=1000)
    assert row.naive_derived == (act.naive is None)
    assert (row.reference is not None) == bool(act.scipy or act.numpy_reference)
    assert row.baseline[0] == ("scipy" if act.scipy else "naive")


def test_median_lighthouse_run():
    runs = [bench_site.LighthouseRun("/", "mobile", {"performance": v}, []) for v in (0.9, 0.7, 0.8)]
    runs.append(bench_site.LighthouseRun("/", "mobile", {}, [], error="chrome crashed"))
    chosen = bench_site.median_run(runs)
    assert chosen.scores["performance"] == 0.8 and chosen.performance_scores == [0.7, 0.8, 0.9]
    assert bench_site.median_run(runs[3:]).error == "chrome crashed"


def test_parse_build_log():
    log = ("INFO    -  Cleaning site directory\n"
           "INFO    -  activations: derived 12, drew 40 figure(s) in 20.1 s\n"
           "INFO    -  notebooks: executed a.py (3.0 s), b.py (1.0 s)\n"
           "WARNING -  something\n")
    assert bench_build.parse_build_log(log) == (12, 40, ["a.py (3.0 s)", "b.py (1.0 s)"], 1)
    assert bench_build.parse_build_log("INFO    -  Documentation built in 1.2 seconds\n") == (0, 0, [], 0)
    log = ("WARNING -  The following pages exist in the docs directory, but are not included in the nav:\n"
           "  - performance.md\n"
           "INFO    -  Documentation built in 1.2 seconds\n"
           "  - not part of the warning\n")
    assert bench_build.warning_messages(log) == [
        "The following pages exist in the docs directory, but are not included in the nav: - performance.md"]


def test_edit_a_paragraph_touches_prose_only(tmp_path, root):
    page = tmp_path / "page.md"
    original = (root / "docs" / "activations" / f"{CATALOG[0].slug}.md").read_text(encoding="utf-8")
    page.write_text(original, encoding="utf-8")
    line = bench_build.edit_a_paragraph(page)
    edited = page.read_text(encoding="utf-8")
    assert bench_build.EDIT_MARK in edited and edited.count(bench_build.EDIT_MARK) == 1
    assert edited.replace(" " + bench_build.EDIT_MARK, "") == original
    assert not line.startswith(("#", "-", "description:", "--8<--"))


def _fake_site(tmp_path):
    site = tmp_path / "site"
    (site / "activations" / "figures").mkdir(parents=True)
    (site / "assets").mkdir()
    (site / "assets" / "big.js").write_bytes(b"x" * 10_000)
    for act in CATALOG:
        page = site / "activations" / act.slug / "index.html"
        page.parent.mkdir()
        page.write_text(f'<img alt="a" src="../figures/{act.slug}.svg#only-light" loading="lazy">'
                        f'<img src="../figures/{act.slug}.svg#only-light"><img src="../../assets/big.js">'
                        '<img src="https://example.invalid/x.png">')
        (site / "activations" / "figures" / f"{act.slug}.svg").write_text(
            '<svg><defs><path id="m0123456789"/></defs><text>x</text></svg>')
    return site


def test_page_weights_count_the_page_and_its_figures_only(tmp_path):
    pages, svgs = bench_site.page_weights(_fake_site(tmp_path))
    assert [p.slug for p in pages] == [a.slug for a in CATALOG]
    for p in pages:
        assert p.figures == [f"activations/figures/{p.slug}.svg"]  # once, theme assets excluded
        assert p.total == p.html_bytes + p.figure_bytes < 10_000 and p.ok
    assert len(svgs) == len(CATALOG) and all(s.text_as_text for s in svgs)


def test_lighthouse_audits_the_first_page_of_each_kind(tmp_path, root):
    pages = bench_site.lighthouse_pages(_fake_site(tmp_path), root)  # no notebook in the fake site
    first = [next(a for a in CATALOG if a.kind == kind) for kind in dict.fromkeys(a.kind for a in CATALOG)]
    assert pages == ["", *[f"activations/{a.slug}/" for a in first]]


def test_svg_info_tells_glyph_outlines_from_text(tmp_path):
    path = tmp_path / "glyphs.svg"
    path.write_text('<svg><defs><path id="DejaVuSans-78" d="M 0 0"/><path id="m0123456789"/></defs>'
                    '<use xlink:href="#DejaVuSans-78"/></svg>')
    info = bench_site.svg_info(path)
    assert info.glyph_paths == 1 and info.texts == 0 and not info.text_as_text


def test_failed_audits():
    report = {
        "categories": {"accessibility": {"score": 0.9, "auditRefs": [{"id": "color-contrast"}, {"id": "ok"}]},
                       "performance": {"score": 0.8, "auditRefs": [{"id": "lcp"}, {"id": "info"}]}},
        "audits": {"color-contrast": {"score": 0, "scoreDisplayMode": "binary", "title": "Contrast"},
                   "ok": {"score": 1, "scoreDisplayMode": "binary", "title": "Fine"},
                   "lcp": {"score": 0.5, "scoreDisplayMode": "numeric", "title": "LCP"},
                   "info": {"score": None, "scoreDisplayMode": "informative", "title": "Info"}},
    }
    assert bench_site.failed_audits(json.loads(json.dumps(report))) == [
        ("performance", "lcp", "LCP"), ("accessibility", "color-contrast", "Contrast")]


# --------------------------------------------------------------------------
# The page
# --------------------------------------------------------------------------


def _results(tmp_path) -> bench_report.Results:
    acts = [BY_SLUG["sigmoid"], BY_SLUG["relu"]]
    points = np.array([-50.0, -1.0, 0.0, 1e-300, 2.0, 50.0])
    rows = [bench_accuracy.accuracy(a, dt, points=points) for dt in (np.float64, np.float32) for a in acts]
    t = bench_speed.Timing(0.002, 0.0019, 0.0021)
    slow = bench_speed.Timing(0.02, 0.019, 0.021)
    speed = [bench_speed.SpeedRow("sigmoid", "Sigmoid", "1 000 000", t, t, "scipy.special.expit(x)", None, "",
                                  t, "1 000 000", t, t, "1 / (1 + np.exp(-x))", "s * (1 - s)"),
             bench_speed.SpeedRow("relu", "ReLU", "1 000 000", t, None, "", t, "torch.nn.functional.relu(x)", t,
                                  "1 000 000", slow, t, "Piecewise((0, x < 0), (x, True))",
                                  "Piecewise((0, x < 0), (1, x > 0))", naive_derived=True)]
    run = bench_build.BuildRun("cold", 30.0, 0, 12, 40, [], 0)
    warm = bench_build.BuildRun("unchanged", 3.0, 0, 0, 0, [], 0)
    build = bench_build.BuildResult(run, [warm], [warm], True, tmp_path, "activations/relu.md")
    pages, svgs = bench_site.page_weights(_fake_site(tmp_path))
    lh = bench_site.LighthouseResult([
        bench_site.LighthouseRun("/", "mobile", {c: 1.0 for c in bench_site.CATEGORIES}, []),
        bench_site.LighthouseRun("/activations/relu/", "mobile",
                                 {"performance": 0.8, "accessibility": 0.9, "best-practices": 1.0, "seo": 1.0},
                                 [("accessibility", "color-contrast", "Background and foreground colors")]),
    ], "13.5.0")
    env = benchmark.environment(None, "", benchmark.datetime.date(2026, 1, 2))
    return bench_report.Results(env=env, accuracy=rows, speed=speed, repeat=5, build=build, pages=pages,
                                svgs=svgs, lighthouse=lh, primitives={"heaviside": slow, "compare": t})


def _tables(md: str) -> list[list[str]]:
    tables, current = [], []
    for line in md.splitlines() + [""]:
        if line.startswith("|"):
            current.append(line)
        elif current:
            tables.append(current)
            current = []
    return tables


def test_page_renders_every_section(tmp_path):
    res = _results(tmp_path)
    md = bench_report.render_page(res)
    assert md == bench_report.render_page(res), "deterministic"
    assert md.startswith("---\ndescription: ")
    head = md.split("# Performance", 1)[0]
    assert "Generated by scripts/benchmark.py" in head and "don't edit" in head
    for heading in ("## Summary", "## 1. Snippet accuracy", "### float64", "### float32", "## 2. Snippet speed",
                    "## 3. Build", "## 4. Page weight", "## 5. Lighthouse", "## Environment"):
        assert f"\n{heading}" in md, heading
    assert "2026-01-02" in md and "scripts/benchmark.py" in md and ".venv/bin/python" in md
    assert "`docs/activations/relu.md`" in md  # the page the build section edited
    # ReLU has no scipy call: its row shows none, and its naive formula says it was derived
    value = md.split("### Value", 1)[1].split("###", 1)[0]
    assert "| [ReLU](activations/relu.md) | 2.00 ms ±5 % | — | — |" in value
    assert "derived: `sympy.lambdify` of `Piecewise((0, x < 0), (x, True))`" in md
    # the ReLU derivative was made slow on purpose: the page says why, from the measurements
    misses = md.split("### Where a snippet misses the target", 1)[1].split("##", 1)[0]
    assert "ReLU derivative: 10.00× the naive formula." in misses
    assert "Correctness: the naive formula gives f′(NaN) = 0" in misses  # measured by accuracy()
    assert "| accessibility | `color-contrast` | Background and foreground colors | activations/relu (mobile) |" in md
    assert "Notebook page: none yet" in md
    assert "✓" in md and "✗" in md


def test_page_shows_the_alternatives_measured_for_a_miss(tmp_path):
    res = _results(tmp_path)
    relu = res.speed[1]  # its derivative misses the target (10x)
    alt = speed_alternatives.Alternative("relu", "derivative", "np.sign(np.maximum(x, 0))", "slower: sign is slow")
    relu.alternatives = [(alt, bench_speed.Timing(0.004, 0.0039, 0.0041)),
                         (speed_alternatives.Alternative("relu", "forward", "np.maximum(x, 0)", "unused"),
                          bench_speed.Timing(0.001, 0.001, 0.001))]
    misses = _section(bench_report.render_page(res), "### Where a snippet misses the target", "##")
    line = next(m for m in misses.splitlines() if m.startswith("- ReLU derivative"))
    assert ("Alternatives measured in this run (time ÷ the same baseline): `np.sign(np.maximum(x, 0))` 2.00× "
            "(not taken: slower: sign is slow).") in line
    assert "np.maximum(x, 0)`" not in line.replace("np.sign(np.maximum(x, 0))", ""), "a forward alternative"


@pytest.mark.parametrize("alt", speed_alternatives.ALTERNATIVES, ids=lambda a: f"{a.slug}-{a.part}")
def test_speed_alternatives_are_measured(alt):
    """Each alternative names a declared activation and a part, compiles, computes the same shape
    as the snippet, and is timed by speed() for its activation."""
    assert alt.slug in BY_SLUG, f"{alt.slug}: not a declared activation"
    assert alt.part in speed_alternatives.PARTS and alt.why_not
    act = BY_SLUG[alt.slug]
    x = bench_speed.speed_input(1000)
    forward, derivative = bench_common.snippet_functions(act)
    fn = bench_common.compile_naive(alt.formula, act)
    assert np.shape(fn(x)) == np.shape((forward if alt.part == "forward" else derivative)(x))
    row = bench_speed.speed(act, repeat=1, size=1000)
    assert alt in [a for a, _ in row.alternatives]
    assert all(r > 0 for _, r in row.alternative_ratios(alt.part))


def test_page_is_safe_to_include_in_the_site(tmp_path):
    md = bench_report.render_page(_results(tmp_path))
    assert ">>>" not in md, "pytest collects docs/*.md as doctests"
    assert "$" not in md, "arithmatex would read $ as math"
    links = re.findall(r"\]\(([^)]+)\)", md)
    assert links and all(not re.match(r"^([a-z]+:|/)", link) for link in links), links
    for table in _tables(md):
        widths = {len(re.split(r"(?<!\\)\|", row)) for row in table}
        assert len(widths) == 1, table


def _section(md: str, start: str, end: str) -> str:
    return md.split(start, 1)[1].split(end, 1)[0]


def test_a_quick_run_lists_every_declared_activation(tmp_path, monkeypatch):
    """main --quick, on small inputs: every declared activation has a row in each table, with no edit."""
    monkeypatch.setattr(bench_accuracy, "grid", lambda dtype, quick=False: np.array([-30.0, -0.5, 0.0, 0.5, 30.0],
                                                                                     dtype=dtype))
    small = [(label, exact, rows[:2, :10]) for label, exact, rows in bench_accuracy.row_families(quick=True)]
    monkeypatch.setattr(bench_accuracy, "row_families", lambda quick=False: small)
    monkeypatch.setattr(bench_speed, "SPEED_SIZE", 1000)
    out = tmp_path / "performance.md"
    assert benchmark.main(["--quick", "--only", "accuracy,speed", "--out", str(out)]) == 0
    md = out.read_text(encoding="utf-8")
    tables = {
        "accuracy float64": _section(md, "### float64", "###"),
        "accuracy float32": _section(md, "### float32", "###"),
        "speed value": _section(md, "### Value", "###"),
        "speed derivative": _section(md, "### Derivative", "###"),
        "naive formulas": _section(md, "### PyTorch calls and naive formulas", "##"),
    }
    for act in CATALOG:
        row = f"| [{act.name}](activations/{act.slug}.md) |"
        for where, text in tables.items():
            if where == "accuracy float32" and bench_common.shape_of(act) == "rows":
                continue  # rows are measured in float64
            if where == "naive formulas":
                row = f"| {act.name} |"
            assert row in text, (act.slug, where)
    assert "Not measured in this run." in md and "Not run (`--skip-lighthouse`, or left out by `--only`)." in md


@pytest.mark.parametrize("act", ROWS, ids=ids(ROWS))
def test_a_row_reference_is_used_only_for_the_formula_it_computes(act):
    """softmax's own reference only where SymPy proves the declaration is softmax; any other
    declaration (softmin here) gets the generic one, which agrees with SymPy's exact values."""
    import bench_rows
    import vector

    reference = bench_accuracy.row_reference(act)
    assert (reference is bench_accuracy._softmax_reference) == is_softmax(act.slug)
    negated = dataclasses.replace(act, expr=act.expr.replace("exp(x[i])", "exp(-x[i])").replace(
        "exp(x[k])", "exp(-x[k])"), jacobian="-s[i]*(KroneckerDelta(i, j) - s[j])")
    generic = bench_accuracy.row_reference(negated) if negated.expr != act.expr else reference
    assert isinstance(generic, bench_rows.RowReference) or generic is bench_accuracy._softmax_reference
    row = [0.3, -1.2, 2.5, 0.31]
    for declaration, fn in ((act, reference), (negated, generic)):
        values, jac = fn(np.array(row), True)
        exact = vector.evaluate(declaration, row)
        assert [float(v) for v in values] == pytest.approx([float(e) for e in exact], rel=1e-15)
        assert len(jac) == 4 and all(len(r) == 4 for r in jac)


def test_the_generic_row_reference_follows_the_declared_threshold_and_rule():
    """Sparsemax (the fixture): the support by the sorted-support rule, zeros off it, rows summing
    to 1, and the declared Jacobian rule against SymPy's on the row's region."""
    import bench_rows
    import sympy as sp
    import vector

    act = next(a for a in activations.load(FIXTURES) if a.slug == "sparsemax")
    reference = bench_rows.row_reference(act)
    row = [0.3, -1.2, 2.5, 2.2, -0.1]
    values, jac = reference(np.array(row), True)
    exact = vector.evaluate(act, row)
    assert [float(v) for v in values] == pytest.approx([float(e) for e in exact], abs=1e-15)
    assert [float(v) > 0 for v in values] == [False, False, True, True, False]
    region, xs = vector.region_of(act, row), vector.inputs(len(row))
    at = dict(zip(xs, map(sp.nsimplify, row)))
    for i, out in enumerate(region.outputs):
        for j, v in enumerate(xs):
            assert float(jac[i][j]) == pytest.approx(float(sp.diff(out, v).subs(at)), abs=1e-15)
    big = np.random.default_rng(0).normal(size=100)
    values, _ = reference(big, False)
    assert abs(float(sum(values)) - 1) < 1e-60 and min(values) >= 0


def test_reference_stops_when_two_precisions_round_to_the_same_float64():
    """Values that never agree to 25 digits but both lie below float64's range end the doubling."""
    import reference

    drifting = lambda x: x * mpmath.mpf(10) ** (-400 - mpmath.mp.dps)  # noqa: E731 (changes with precision)
    assert float(reference.evaluate(drifting, -1.0)) == 0.0
    assert not reference._same_float64(mpmath.mpf("1e-400"), mpmath.mpf("-1e-400"))
    assert not reference._same_float64(mpmath.mpf("1e-400"), mpmath.mpf("1e-300"))
    with pytest.raises(ArithmeticError):  # a value in float64's range must still agree
        reference.evaluate(lambda x: x * (1 + mpmath.mp.dps * mpmath.mpf("1e-10")), 1.0)
