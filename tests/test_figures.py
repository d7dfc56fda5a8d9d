"""The activation figures: readable on a phone, every mark explained, saturation only in the tails.

The expectations come from the derived facts (kinks, one-sided derivatives,
``saturates_left/right``) and from the expressions evaluated here, not from
the figure code's own bookkeeping: a caption that names a mark the figure
does not have, or misses one it has, fails.
"""

from __future__ import annotations

import dataclasses
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import sympy as sp

import activations
import derive
import figure_data
import figure_text
import figures
import reference
from conftest import CATALOG, ROOT, facts_of, ids

PHONE_COLUMN_PX = 358  # content width of a Material page at 390 px (0.8rem margins at 20 px/rem)
DESKTOP_COLUMN_PX = 688  # at 1280 px
MIN_TEXT_PX = 9
BACKGROUNDS = {"light": "#ffffff", "dark": "#1e2129"}  # Material's default and slate page backgrounds


@pytest.fixture(scope="module")
def drawn(tmp_path_factory) -> Path:
    """Every figure of the catalog, drawn once into a temporary folder."""
    folder = tmp_path_factory.mktemp("figures")
    for act in CATALOG:
        f = facts_of(act.slug)
        for name in figures.figure_names(act):
            mode = "dark" if name.endswith("-dark.svg") else "light"
            draw = figures.family if "-family" in name else figures.function_and_derivative
            (folder / name).write_bytes(draw(act, f, mode))
    return folder


def _svg_box(svg: str) -> tuple[float, float]:
    """(width in CSS px, viewBox width in user units)."""
    width_pt = float(re.search(r'<svg[^>]* width="([0-9.]+)pt"', svg).group(1))
    view_w = float(re.search(r'viewBox="0 0 ([0-9.]+) [0-9.]+"', svg).group(1))
    return width_pt * 4 / 3, view_w


def _font_sizes(svg: str) -> list[float]:
    return [float(v) for v in re.findall(r"font-size: ?([0-9.]+)px", svg)] + \
        [float(v) for v in re.findall(r"font: (?:[a-z]+ )*([0-9.]+)px", svg)]


# --------------------------------------------------------------------------
# Readable on a phone, and at 1280 px


@pytest.mark.parametrize("name", [n for a in CATALOG for n in figures.figure_names(a)])
def test_text_is_at_least_9_px_on_a_390_px_phone(drawn, name):
    svg = (drawn / name).read_text(encoding="utf-8")
    width_px, view_w = _svg_box(svg)
    sizes = _font_sizes(svg)
    assert sizes and "<text" in svg, f"{name}: no text as text"
    for column in (PHONE_COLUMN_PX, DESKTOP_COLUMN_PX):
        shown = min(column, width_px)  # max-width: 100 % scales the image down, never up
        smallest = min(sizes) * shown / view_w
        assert smallest >= MIN_TEXT_PX, (f"{name}: smallest text {min(sizes)} units shows at {smallest:.1f} px "
                                          f"in a {column}-px column (figure {width_px:.0f} px wide)")
    assert width_px <= DESKTOP_COLUMN_PX, f"{name} is {width_px:.0f} px wide and would be shrunk at 1280 px"


def _luminance(colour: str) -> float:
    channels = [int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)))
    return (lb + 0.05) / (la + 0.05)


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_lines_and_marks_have_3_to_1_contrast_on_the_page(mode):
    palette = figures.PALETTES[mode]
    assert palette["background"].lower() == BACKGROUNDS[mode]
    for colour in palette["lines"] + [palette["guide"], palette["text"]]:
        assert _contrast(colour, BACKGROUNDS[mode]) >= 3, (mode, colour, _contrast(colour, BACKGROUNDS[mode]))


def test_markers_are_drawn_large_and_in_the_palette_colours(drawn):
    """ReLU's f' has open circles (one-sided derivatives) and a filled dot (the snippet's value)."""
    for name, mode in (("relu.svg", "light"), ("relu-dark.svg", "dark")):
        svg = (drawn / name).read_text(encoding="utf-8")
        palette = figures.PALETTES[mode]
        assert palette["guide"].lower() in svg.lower(), f"{name}: dotted kink line missing"
        assert f"fill: {palette['background']}" in svg, f"{name}: no open (background-filled) marker"
        assert figures.OPEN["markersize"] >= 10 and figures.FILLED["markersize"] >= 7


# --------------------------------------------------------------------------
# The drawn values are the declared function


ELEMENTWISE_OUTPUTS = [a for a in CATALOG if a.kind in ("elementwise", "concat") and a.stochastic is None]


@pytest.mark.parametrize("act", ELEMENTWISE_OUTPUTS, ids=ids(ELEMENTWISE_OUTPUTS))
def test_the_numpy_evaluation_that_draws_the_figures_is_the_declared_function(act):
    """reference.numpy_function (figures, derived naive formulas) agrees with mpmath
    (reference.mp_function, the accuracy tests' reference) across the plot range."""
    lo, hi = act.plot_range
    xs = np.linspace(lo, hi, 9) + 0.1234  # off the kinks at 0 and the integers
    for expr in derive.outputs(act, constants=True, defaults=True):
        drawn = reference.numpy_function(expr)(xs)
        exact = reference.mp_function(expr)
        for x, y in zip(xs, drawn):
            assert np.isclose(y, float(exact(float(x))), rtol=1e-9, atol=1e-12), (act.slug, x, y)


def test_sinc_is_drawn_unnormalised():
    """SymPy's sinc is sin(x)/x; its NumPy printer writes it as np.sinc(x/π) already."""
    ys = reference.numpy_function(sp.sinc(derive.X))(np.array([1.0, np.pi / 2]))
    assert np.allclose(ys, [np.sin(1.0), 2 / np.pi])


# --------------------------------------------------------------------------
# Every mark present is explained, and only those


def _in_plot(act, kink) -> bool:
    lo, hi = act.plot_range
    return lo < kink.point_value < hi


def _abs_derivative(expr: sp.Expr, xs: np.ndarray) -> np.ndarray:
    return np.abs(reference.numpy_function(derive.derivative(expr))(xs))


def _expected_marks(act) -> set[str]:
    """Which marks the figure must have, from the facts and the expression alone."""
    if act.kind not in ("elementwise", "concat"):
        return set()  # vector and gated kinds: lines of (x, 0) or the gate, no kink marks
    f = facts_of(act.slug)
    expected = set()
    # the variants' curves too (xIELU's ε clamp jumps at 0): figure_data.curves draws and marks them
    outs = [c.out for c in figure_data.curves(act, f)] if act.kind == "elementwise" else f.outputs
    for out in outs:
        for k in out.kinks:
            if not _in_plot(act, k):
                continue
            expected.add("dotted")
            jump = k.continuous == "no"
            if jump or not k.differentiable_bool:
                expected.add("filled")  # the value at the jump, or the snippet's derivative there
                if jump or k.left_quotient_value is not None or k.right_quotient_value is not None:
                    expected.add("open")
    if act.kind == "elementwise":
        out = f.outputs[0]
        (expr,) = derive.outputs(act, defaults=True)
        lo, hi = act.plot_range
        threshold = figure_data.SATURATION * _reference(expr, act.plot_range, out)
        for verdict, edge in ((out.saturates_left, lo), (out.saturates_right, hi)):
            inside = edge + (0.01 if edge == lo else -0.01) * (hi - lo)
            if verdict != "no" and threshold > 0 and _abs_derivative(expr, np.array([inside]))[0] < threshold:
                expected.add("bands")
    return expected


CAPTION_WORDS = {"bands": "Grey band", "dotted": "Dotted line", "open": "Open circle", "filled": "Filled dot"}


@pytest.mark.parametrize("act", CATALOG, ids=ids(CATALOG))
def test_the_caption_explains_exactly_the_marks_present(drawn, act):
    f = facts_of(act.slug)
    expected = _expected_marks(act)
    assert figure_data.marks(act, f).kinds() == expected
    md = figures.markdown(act, f, drawn)
    main = md.split("</figure>")[0]
    caption = re.search(r"<figcaption>(.*?)</figcaption>", main, flags=re.S).group(1)
    for kind, words in CAPTION_WORDS.items():
        assert (words in caption) == (kind in expected), f"{act.slug}: {words!r} in caption {caption!r}"
    assert caption.startswith("Top: ") and "Bottom: " in caption
    for k in (k for out in f.outputs for k in out.kinks if _in_plot(act, k)):
        assert f"x = {figure_data._latex_to_text(k.point)}" in caption
    # Both images in one <figure>, with their size reserved (no layout shift).
    images = re.findall(r"!\[(?:\\.|[^\]\\]){40,}\]\(figures/([\w-]+\.svg)#only-(light|dark)\)\{ loading=lazy "
                        r'width="(\d+)" height="(\d+)" \}', main)
    assert [(n, m) for n, m, _, _ in images] == [(f"{act.slug}.svg", "light"), (f"{act.slug}-dark.svg", "dark")]
    assert main.count('<figure class="activation-figure" markdown="span">') == 1


@pytest.mark.parametrize("act", [a for a in CATALOG if any(p.family for p in a.params)],
                         ids=ids([a for a in CATALOG if any(p.family for p in a.params)]))
def test_the_family_text_says_where_the_curves_coincide(drawn, act):
    """Computed, not assumed: the curves are compared here on a grid."""
    ff = figure_data.family_facts(act)
    p = next(p for p in act.params if p.family)
    sym = derive.symbols(act)[p.symbol]
    expr = figure_data._family_expression(act)
    lo, hi = act.plot_range
    xs = np.linspace(lo, hi, 801)
    ys = np.array([reference.numpy_function(expr.subs(sym, sp.Rational(v)))(xs) for v in p.family])
    spread = ys.max(axis=0) - ys.min(axis=0)
    same = np.zeros_like(xs, dtype=bool)
    for a, b in ff.same:
        same |= (xs >= a) & (xs <= b)
    assert np.all(spread[same] <= 1e-12 * np.abs(ys).max()), "curves said to coincide differ"
    # (a curve undefined where others are defined, NaN, differs from them); the points every curve
    # passes through are said (common_points), away from them the curves differ
    common = [float(sp.Rational(x.replace("−", "-"))) for x, _ in ff.common_points if "/" in x or x.lstrip("−").isdigit()]
    apart = np.all([np.abs(xs - c) > 1e-9 for c in [0.0, *common]], axis=0)
    assert not np.any(spread[~same & apart] <= 0), "curves said to differ coincide"
    text = figure_text.family_alt_text(act)
    if ff.same:
        assert f"coincide for {ff.same_text}" in text
    md = figures.markdown(act, facts_of(act.slug), drawn)
    assert text.replace("[", "\\[") in md and "<figcaption>" in md.split("</figure>")[1]


def _swish_like() -> activations.Activation:
    """A parameter that changes every piece (x·σ(βx)): no 'coincide for x > 0' may be claimed."""
    return activations.Activation(
        slug="swish_test", name="Swish", symbol=r"\operatorname{swish}", expr="x / (1 + exp(-beta*x))",
        params=(activations.Param("beta", "beta", "1", "slope", family=("0.5", "1", "2")),))


def test_the_family_text_is_true_when_the_parameter_changes_every_piece():
    act = _swish_like()
    ff = figure_data.family_facts(act)
    assert ff.same == [] and ff.common_points == [("0", "0")]
    text = figure_text.family_alt_text(act)
    assert "coincide" not in text and "negative side" not in text
    assert "β changes the curve across the plotted range" in text and "(0, 0)" in text


def test_the_family_text_is_exact_at_jumps_the_parameter_moves():
    """x where |x| > λ, else 0, for λ = 1/4, 1/2, 1: they coincide for x < −1, −1/4 ≤ x ≤ 1/4 and x > 1
    (open at the jumps ±1, closed at ±1/4 where every curve is 0), found on the grid and snapped
    to the breakpoints; ±1/4 lie inside that set, so they are not extra common points."""
    act = activations.Activation(
        slug="shrink_test", name="Shrink", symbol="s", no_reference="a test", plot_range=(-3, 3),
        expr="Piecewise((x, Abs(x) > lamda), (0, True))",
        params=(activations.Param("lambd", "lamda", "1/2", "", family=("1/4", "1/2", "1")),))
    ff = figure_data.family_facts(act)
    assert ff.same_text == "x < −1 and −0.25 ≤ x ≤ 0.25 and x > 1"
    assert ff.differ_text == "−1 ≤ x < −0.25 and 0.25 < x ≤ 1"
    assert ff.common_points == []


# --------------------------------------------------------------------------
# Saturation only in the tails


CURVES = [a for a in CATALOG if a.kind in ("elementwise", "concat")]


@pytest.mark.parametrize("act", CURVES, ids=ids(CURVES))
def test_saturation_bands_are_tails_where_the_facts_say_it_saturates(act):
    f = facts_of(act.slug)
    ms = figure_data.marks(act, f)
    if len(f.outputs) > 1:
        assert ms.bands == []  # which curve a band belongs to would be ambiguous
        return
    out = f.outputs[0]
    (expr,) = derive.outputs(act, defaults=True)
    lo, hi = act.plot_range
    threshold = figure_data.SATURATION * _reference(expr, act.plot_range, out)
    breaks = [float(b) for b in derive.breakpoints(derive.pieces(expr))]
    for band in ms.bands:
        verdict = {"left": out.saturates_left, "right": out.saturates_right}[band.side]
        assert verdict in ("soft", "hard"), f"{act.slug}: band on the {band.side}, facts say {verdict!r}"
        edge, inner = (lo, band.end) if band.side == "left" else (hi, band.start)
        assert (band.start if band.side == "left" else band.end) == edge, f"{act.slug}: band not at the plot edge"
        xs = np.linspace(band.start, band.end, 400)[1:-1]
        assert np.nanmax(_abs_derivative(expr, xs)) <= threshold * 1.0001, f"{act.slug}: |f'| too large in a band"
        step = (hi - lo) * 1e-3 * (1 if band.side == "left" else -1)
        beyond = _abs_derivative(expr, np.array([inner + step]))[0]
        assert beyond > threshold * 0.99 or any(abs(inner - b) < 1e-9 for b in breaks), \
            f"{act.slug}: the band stops at {inner} but |f'| there is {beyond} < {threshold}"
    if out.saturates_left == "no" and out.saturates_right == "no":
        assert ms.bands == []


def _reference(expr, plot_range, out) -> float:
    """What saturation is measured against: sup |f'| on ℝ, or where that is infinite (the
    exponential) the largest |f'| on the plot, as figure_data.saturation_spans does."""
    if np.isfinite(out.derivative_sup_value):
        return out.derivative_sup_value
    return float(np.nanmax(_abs_derivative(expr, np.linspace(*plot_range, figure_data.GRID))))


def _gelu_output(saturates_left="soft", saturates_right="no"):
    """GELU's facts as the derivation states them (sup f' ≈ 1.129 at x ≈ 1.414, left tail soft)."""
    x = derive.X
    expr = x * derive.Phi(x)
    sup = float(sp.N(sp.diff(expr, x).subs(x, sp.sqrt(2))))
    like = facts_of("sigmoid").outputs[0]
    return expr, dataclasses.replace(like, saturates_left=saturates_left, saturates_right=saturates_right,
                                     derivative_sup_value=sup)


def test_a_local_zero_of_the_derivative_is_not_saturation():
    """GELU' = Φ(x) + xφ(x) is 0 near x = −0.75, between the tail and the origin: never shaded."""
    expr, out = _gelu_output()
    threshold = figure_data.SATURATION * out.derivative_sup_value
    assert _abs_derivative(expr, np.array([-0.7518]))[0] < threshold  # the trap is real
    bands, relative = figure_data.saturation_spans(expr, (-5, 5), out)
    assert relative and len(bands) == 1
    (band,) = bands
    assert band.side == "left" and band.start == -5 and -3 < band.end < -1.5, band
    assert not band.start <= -0.75 <= band.end
    # The facts decide which sides may be shaded, not the numbers alone.
    expr, out = _gelu_output(saturates_left="no")
    assert figure_data.saturation_spans(expr, (-5, 5), out)[0] == []


def test_no_band_when_the_derivative_is_zero_everywhere():
    f = facts_of("binary_step")
    assert f.outputs[0].saturates_left == "hard" and f.outputs[0].derivative_sup_value == 0
    assert figure_data.marks(activations.by_slug()["binary_step"], f).bands == []


# --------------------------------------------------------------------------
# Byte-stable output


DRAW = """
import sys
sys.path.insert(0, {scripts!r})
import activations, facts, figures
act = activations.by_slug()[{slug!r}]
draw = figures.family if {family!r} else figures.function_and_derivative
sys.stdout.buffer.write(draw(act, facts.facts(act), {mode!r}))
"""


@pytest.mark.parametrize(("slug", "family", "mode"), [("relu", False, "light"), ("elu", True, "dark")])
def test_figures_are_byte_identical_across_processes(drawn, slug, family, mode):
    name = f"{slug}{'-family' if family else ''}{'-dark' if mode == 'dark' else ''}.svg"
    code = DRAW.format(scripts=str(ROOT / "scripts"), slug=slug, family=family, mode=mode)
    again = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True).stdout
    assert again == (drawn / name).read_bytes()
    svg = again.decode()
    assert "<dc:date>" not in svg and "font-family: 'DejaVu Sans'" in svg


# --------------------------------------------------------------------------
# A variant is one more curve, with a legend


def test_a_variant_is_drawn_on_the_same_axes_with_a_legend_and_its_own_marks():
    relu = activations.by_slug()["relu"]
    act = dataclasses.replace(relu, slug="relu_v", variants=(activations.Variant(
        label="slope 0.1", expr="Piecewise((x/10, x < 0), (x, True))", kink_derivative={"0": "1/10"}),))
    import facts as facts_module

    f = facts_module.facts(act)
    cs = figure_data.curves(act, f)
    assert [c.label for c in cs] == ["ReLU", "slope 0.1"]
    ms = figure_data.marks(act, f)
    # Both curves have a kink at 0: open circles at their one-sided derivatives, in their own colours.
    assert {(p.curve, p.y) for p in ms.open} == {(0, 0.0), (0, 1.0), (1, 0.1), (1, 1.0)}
    assert {(p.curve, p.y) for p in ms.filled} == {(0, 0.0), (1, 0.1)}
    # The band belongs to the main form (the variant does not saturate) and the caption says so.
    assert [b.side for b in ms.bands] == ["left"]
    text = figure_text.caption(act, f)
    assert "ReLU (solid), slope 0.1 (dashed)" in text and "saturation of ReLU (solid)" in text
    svg = figures.function_and_derivative(act, f, "light").decode()
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert texts.count("slope 0.1") == 2 and texts.count("ReLU") == 2, "a legend on both panels"
