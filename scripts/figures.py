"""Draw every activation's figures from its declaration, in light and dark.

One plotting function for all activations (no per-figure code): the curves
come from the SymPy pieces of the declaration, the marks from the derived
facts. Output SVG is byte-stable: fixed hash salt, no date, text as text.

What a figure shows, and how its caption and alt text say it:

* ``f`` above ``f′`` (stacked, so a phone shows them at a readable size): a
  480-px-wide SVG whose smallest text (10 pt) is still about 9.9 CSS px in
  the ~358 px content column of a 390-px phone, and 13 px at 1280 px.
* :class:`Curve`: one line per expression, drawn on both panels. An
  elementwise activation has one; a concatenation one per output; a named
  variant (GELU's tanh approximation, ...) is one more ``Curve`` on the same
  axes, told apart by line style and a legend (see :func:`curves`).
* :class:`Marks`: everything else drawn, computed once from the facts and
  used by the drawing, the visible caption, the alt text and the tests:
  grey bands where the activation saturates in a tail, dotted lines at the
  kinks, open circles at one-sided values that are not taken, filled dots at
  the value the function or the snippet takes there.
"""

from __future__ import annotations

import html
import io
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import sympy as sp  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

import derive  # noqa: E402
import facts as facts_module  # noqa: E402
import reference  # noqa: E402
import render  # noqa: E402
import vector  # noqa: E402
from activations import Activation, DeclarationError  # noqa: E402
from facts import Facts, OutputFacts  # noqa: E402

# Size: 5 in = 360 pt = 480 CSS px wide. On a 390-px phone the content column
# is about 358 px, so the figure is scaled by 358/480 and 10-pt text shows at
# 10 · 358/360 ≈ 9.9 px; at 1280 px the figure keeps its 480 px (13.3-px text).
WIDTH_IN = 5.0
PANEL_IN = 2.55  # height of one panel, labels included
FAMILY_IN = 3.1
TEXT_PT = 10  # the smallest text in a figure (tick labels, legends)
STYLE = {
    "svg.hashsalt": "activation-functions",
    "svg.fonttype": "none",
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],
    "mathtext.fontset": "dejavusans",
    "font.size": TEXT_PT,
    "axes.titlesize": TEXT_PT + 1,
    "axes.labelsize": TEXT_PT + 1,
    "xtick.labelsize": TEXT_PT,
    "ytick.labelsize": TEXT_PT,
    "legend.fontsize": TEXT_PT,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.linewidth": 0.5,
    "lines.linewidth": 2.2,
    "legend.frameon": False,
    "figure.facecolor": "none",
    "axes.facecolor": "none",
    "savefig.facecolor": "none",
}
# Okabe-Ito hues (told apart with colour-blindness), each at least 3:1 against
# the page background: light #ffffff, dark (Material's slate) #1e2129.
# "guide" draws the dotted kink lines; "band" the saturation bands.
PALETTES = {
    "light": {"background": "#ffffff", "text": "#1f2328", "grid": "#d0d7de", "guide": "#6e7781",
              "lines": ["#0072B2", "#D55E00", "#007A5A", "#AA4A87"], "band": "#000000", "band_alpha": 0.10},
    "dark": {"background": "#1e2129", "text": "#e6edf3", "grid": "#3d444d", "guide": "#9198a1",
             "lines": ["#56B4E9", "#E69F00", "#66CCAA", "#F0A0D0"], "band": "#ffffff", "band_alpha": 0.10},
}
LINESTYLES = ["-", "--", "-.", ":"]
STYLE_NAMES = ["solid", "dashed", "dash-dotted", "dotted"]
OPEN = {"marker": "o", "markersize": 12, "markeredgewidth": 2.2, "linestyle": "none", "zorder": 5}
FILLED = {"marker": "o", "markersize": 8.5, "linestyle": "none", "zorder": 6}
SATURATION = 0.05  # a tail is shaded while |f'| stays below 5 % of its maximum
POINTS = 241
GRID = 4001  # samples of f' for the saturation bands


# --------------------------------------------------------------------------
# What is drawn: curves and marks, as data
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Curve:
    """One expression drawn as f on the top panel and f' on the bottom one.

    ``label`` is None for the only curve of a figure (no legend); ``out`` is
    the facts of that expression (kinks, saturation, sup of f').
    """

    label: str | None  # plain text (no mathtext: its subscripts are 7 pt), for the legend and the caption
    expr: sp.Expr  # at the default parameters
    out: OutputFacts
    n: int  # colour and line style


def curves(act: Activation, facts: Facts) -> list[Curve]:
    """The curves of an elementwise or concatenating activation.

    A concatenation has one curve per output (f₁, f₂, ...). Each named variant
    (``act.variants``, GELU's tanh approximation) is one more curve on the
    same axes, labelled by its name, with the facts of
    ``derive.variant_activation`` (taken from ``facts.variants`` when the
    derivation provides them there, derived here otherwise): the drawing, the
    legend, the marks and the caption then include it.
    """
    exprs = derive.outputs(act, defaults=True)
    if len(exprs) != len(facts.outputs):
        raise DeclarationError(act.slug, f"{len(exprs)} expressions but {len(facts.outputs)} sets of facts")
    variants = tuple(getattr(act, "variants", ()))
    if len(exprs) > 1:
        if variants:
            raise DeclarationError(act.slug, "figures cannot draw variants of a concatenation", "variants")
        return [Curve(f"f{_sub(n + 1)}", e, out, n) for n, (e, out) in enumerate(zip(exprs, facts.outputs))]
    if not variants:
        return [Curve(None, exprs[0], facts.outputs[0], 0)]
    if len(variants) >= len(LINESTYLES):
        raise DeclarationError(act.slug, f"figures draw at most {len(LINESTYLES) - 1} variants", "variants")
    result = [Curve(act.name, exprs[0], facts.outputs[0], 0)]
    for n, v in enumerate(variants, 1):
        va = derive.variant_activation(act, v)
        known = [f for f in getattr(facts, "variants", None) or () if getattr(f, "slug", None) == va.slug]
        vf = known[0] if known else facts_module.facts(va)
        result.append(Curve(v.label, derive.expression(va, defaults=True), vf.outputs[0], n))
    return result


def _sub(n: int) -> str:
    return str(n).translate(str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉"))


@dataclass(frozen=True)
class Point:
    curve: int
    panel: str  # "f" or "d" (the derivative)
    x: float
    y: float


@dataclass(frozen=True)
class Band:
    side: str  # "left" or "right"
    start: float
    end: float


@dataclass(frozen=True)
class Guide:
    """A dotted vertical line at a kink, and what happens there."""

    x: float
    point: str  # as text
    what: str  # "jump", "kink" or "switch" (differentiable at the defaults)


@dataclass
class Marks:
    bands: list[Band] = field(default_factory=list)
    band_reference: str = "its maximum"
    guides: list[Guide] = field(default_factory=list)
    open: list[Point] = field(default_factory=list)
    filled: list[Point] = field(default_factory=list)
    infinite_quotients: list[str] = field(default_factory=list)  # one-sided derivatives not drawn

    def kinds(self) -> set[str]:
        """Which kinds of mark the figure has: bands, dotted, open, filled."""
        return {name for name, present in (("bands", self.bands), ("dotted", self.guides),
                                           ("open", self.open), ("filled", self.filled)) if present}


def marks(act: Activation, facts: Facts) -> Marks:
    """Every mark the figure of ``act`` draws besides its curves."""
    result = Marks()
    if not _has_curves(act):
        return result
    cs = curves(act, facts)
    lo, hi = act.plot_range
    seen_guides = set()
    for c in cs:
        for k in c.out.kinks:
            x = k.point_value
            if not lo < x < hi:
                continue
            what = "jump" if k.continuous == "no" else ("switch" if k.differentiable_bool else "kink")
            if x not in seen_guides:
                seen_guides.add(x)
                result.guides.append(Guide(x, _latex_to_text(k.point), what))
            if what == "jump":
                value = _number(k.value)
                result.filled.append(Point(c.n, "f", x, value))
                for limit in (k.left_limit, k.right_limit):
                    y = _number(limit)
                    if y is not None and y != value:
                        result.open.append(Point(c.n, "f", x, y))
            if what == "switch":
                continue
            for side, q in (("left", k.left_quotient_value), ("right", k.right_quotient_value)):
                if q is None:
                    result.infinite_quotients.append(f"the {side} one at x = {_latex_to_text(k.point)}")
                else:
                    result.open.append(Point(c.n, "d", x, q))
            if k.snippet_value_float is not None:
                result.filled.append(Point(c.n, "d", x, k.snippet_value_float))
    if act.kind == "elementwise":  # the main form; with variants, the caption names its line
        result.bands, finite = saturation_spans(cs[0].expr, act.plot_range, cs[0].out)
        if not finite:
            result.band_reference = "its largest value in the plot"
    return result


def _has_curves(act: Activation) -> bool:
    """Elementwise and concatenating kinds are drawn as curves of x; the others by :func:`_vector_panels`."""
    return act.kind in ("elementwise", "concat")


def _number(latex_text: str) -> float | None:
    """The float value of a LaTeX number from the facts ('1', '\\infty', ...), None if not finite."""
    text = latex_text.split("=")[-1].replace(r"\approx", "").strip()
    try:
        value = float(sp.sympify(_latex_to_text(text).replace("−", "-").replace("∞", "oo")))
    except (sp.SympifyError, TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None


# --------------------------------------------------------------------------
# Sampling
# --------------------------------------------------------------------------


def _segments(expr: sp.Expr, lo: float, hi: float, derivative: bool, points: int = POINTS):
    """(xs, ys) per smooth piece inside [lo, hi], so lines break at kinks."""
    ps = derive.derivative_pieces(expr) if derivative else derive.pieces(expr)
    for p in ps:
        a = max(lo, float(p.interval.start)) if p.interval.start.is_finite else lo
        b = min(hi, float(p.interval.end)) if p.interval.end.is_finite else hi
        if a >= b:
            continue
        n = max(2, int(points * (b - a) / (hi - lo)))
        xs = np.linspace(a, b, n)
        yield xs, reference.numpy_function(p.expr)(xs)


def _derivative_on(expr: sp.Expr, xs: np.ndarray) -> np.ndarray:
    """f'(xs) from the derivative of each piece; NaN exactly at the breakpoints."""
    d = np.full_like(xs, np.nan)
    for p in derive.derivative_pieces(expr):
        a = float(p.interval.start) if p.interval.start.is_finite else -np.inf
        b = float(p.interval.end) if p.interval.end.is_finite else np.inf
        inside = (xs > a) & (xs < b)
        if inside.any():
            d[inside] = reference.numpy_function(p.expr)(xs[inside])
    return d


def saturation_spans(expr: sp.Expr, plot_range, out: OutputFacts) -> tuple[list[Band], bool]:
    """The saturated tails inside the plot, and whether the threshold is relative to sup |f'| on ℝ.

    Only a side whose facts say it saturates (``saturates_left/right`` is
    "soft" or "hard": f' → 0 in that tail) gets a band, from the plot edge to
    where |f'| first exceeds ``SATURATION`` times the maximum of f' coming
    from that edge. A zero of f' in the middle (GELU near x = −0.75) is not
    saturation and is never shaded. When f' is 0 everywhere (the binary step)
    there is no maximum to compare with, and no band.
    """
    lo, hi = plot_range
    xs = np.linspace(lo, hi, GRID)
    d = np.abs(_derivative_on(expr, xs))
    finite = math.isfinite(out.derivative_sup_value)
    reference_value = out.derivative_sup_value if finite else float(np.nanmax(d))
    if not reference_value > 0:
        return [], finite
    threshold = SATURATION * reference_value
    breaks = [float(b) for b in derive.breakpoints(derive.pieces(expr))]
    bands = []
    for side, verdict, order in (("left", out.saturates_left, 1), ("right", out.saturates_right, -1)):
        if verdict == "no":
            continue
        grid, values = xs[::order], d[::order]
        above = np.flatnonzero(values > threshold)
        if above.size == 0:
            edge = grid[-1]
        elif above[0] == 0:
            continue
        else:
            i = above[0]
            a, b = grid[i - 1], grid[i]
            between = [c for c in breaks if min(a, b) <= c <= max(a, b)]
            if between or not np.isfinite(values[i - 1]):
                edge = between[0] if between else a
            else:  # linear interpolation of |f'| to the threshold
                edge = a + (b - a) * (threshold - values[i - 1]) / (values[i] - values[i - 1])
        start, end = sorted((float(grid[0]), float(edge)))
        if end - start > (hi - lo) / 100:
            bands.append(Band(side, start, end))
    if len(bands) == 2 and bands[0].end >= bands[1].start:  # saturated across the whole plot
        bands = [Band("both", lo, hi)]
    return bands, finite


# --------------------------------------------------------------------------
# Drawing
# --------------------------------------------------------------------------


def _style(ax, palette):
    ax.tick_params(colors=palette["text"])
    for spine in ax.spines.values():
        spine.set_color(palette["text"])
    ax.grid(color=palette["grid"])
    ax.axhline(0, color=palette["text"], linewidth=0.6)
    ax.axvline(0, color=palette["text"], linewidth=0.6)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=8, steps=[1, 2, 2.5, 5, 10]))
    ax.yaxis.set_major_locator(MaxNLocator(nbins=5, steps=[1, 2, 2.5, 5, 10]))


def _rc(palette) -> dict:
    return STYLE | {"text.color": palette["text"], "axes.labelcolor": palette["text"]}


def _save(fig) -> bytes:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    plt.close(fig)
    return buf.getvalue().encode()


def _stacked(palette):
    fig, (ax_f, ax_d) = plt.subplots(2, 1, figsize=(WIDTH_IN, 2 * PANEL_IN), layout="constrained")
    for ax in (ax_f, ax_d):
        _style(ax, palette)
        ax.set_xlabel("$x$")
    return fig, ax_f, ax_d


def function_and_derivative(act: Activation, facts: Facts, mode: str) -> bytes:
    """f above f', with the marks of :func:`marks`, as SVG bytes."""
    palette = PALETTES[mode]
    lo, hi = act.plot_range
    with plt.rc_context(_rc(palette)):
        fig, ax_f, ax_d = _stacked(palette)
        if not _has_curves(act):
            _vector_panels(act, facts, ax_f, ax_d, palette)
            return _save(fig)
        cs = curves(act, facts)
        ms = marks(act, facts)
        for c in cs:
            colour, ls = palette["lines"][c.n], LINESTYLES[c.n]
            for ax, derivative in ((ax_f, False), (ax_d, True)):
                for i, (xs, ys) in enumerate(_segments(c.expr, lo, hi, derivative)):
                    ax.plot(xs, ys, color=colour, linestyle=ls, label=c.label if i == 0 else None)
        for g in ms.guides:
            for ax in (ax_f, ax_d):
                ax.axvline(g.x, color=palette["guide"], linestyle=(0, (1.2, 2.4)), linewidth=1.5, zorder=1.5)
        for p in ms.open:
            ax = ax_f if p.panel == "f" else ax_d
            ax.plot([p.x], [p.y], markerfacecolor=palette["background"], markeredgecolor=palette["lines"][p.curve],
                    **OPEN)
        for p in ms.filled:
            ax = ax_f if p.panel == "f" else ax_d
            ax.plot([p.x], [p.y], color=palette["lines"][p.curve], markeredgecolor=palette["background"],
                    markeredgewidth=1.5, **FILLED)
        for b in ms.bands:
            for ax in (ax_f, ax_d):
                ax.axvspan(b.start, b.end, color=palette["band"], alpha=palette["band_alpha"], linewidth=0, zorder=0)
        for ax in (ax_f, ax_d):
            ax.set_xlim(lo, hi)
        if act.kind == "concat":
            ax_f.set_title(", ".join(f"{c.label}(x)" for c in cs), color=palette["text"])
            ax_d.set_title(", ".join(f"{c.label}′(x)" for c in cs), color=palette["text"])
        else:
            sym = _latex_to_text(facts.symbol)
            ax_f.set_title(f"{sym}(x)", color=palette["text"])
            ax_d.set_title(f"{sym}′(x)", color=palette["text"])
        if len(cs) > 1:
            for ax in (ax_f, ax_d):
                ax.legend(labelcolor=palette["text"], handlelength=3)
        ax_f.set_ylim(*_padded(ax_f.get_ylim()))
        ax_d.set_ylim(*_padded(ax_d.get_ylim()))
        return _save(fig)


def _padded(limits):
    a, b = limits
    span = max(b - a, 0.5)
    return a - 0.06 * span, b + 0.06 * span


@dataclass(frozen=True)
class VectorView:
    """What the figure of a vector or gated activation shows, as functions of x."""

    top: list[tuple[str, sp.Expr]]  # (label, expression in x)
    bottom: list[tuple[str, sp.Expr]]
    top_title: str
    bottom_title: str
    caption: str


def vector_view(act: Activation, facts: Facts) -> VectorView:
    """Two inputs (x, 0) for the softmax family, sparsemax on that line, the gate of a gated activation."""
    sym = _latex_to_text(facts.symbol)
    if act.kind == "gated":
        gate, value = vector.halves(act)
        g = vector.gate_function(act)
        return VectorView(
            [("g", g)], [("g′", derive.derivative(g))], "g(x)", "g′(x)",
            f"Top: the gate g of {sym}: {sym}(a, b) = {value}·g({gate}), the input split in halves a and b. "
            "Bottom: its derivative g′(x).")
    if getattr(act, "threshold", ""):  # a projection: one piecewise expression on the line (x, 0)
        y1 = vector.two_inputs(act)
        return VectorView(
            [("y₁", y1)], [("∂y₁/∂x₁", derive.derivative(y1))], f"{sym}(x, 0)₁", "∂y₁/∂x₁ at (x, 0)",
            f"Top: the first output y₁ of {sym}(x, 0). Bottom: the Jacobian entry ∂y₁/∂x₁ there.")
    xs, ys = vector.components(act, 2)
    at = {xs[0]: derive.X, xs[1]: 0}
    total = " They add up to 1." if facts.vector.get("sums_to_one") else ""
    return VectorView(
        [("y₁", ys[0].subs(at)), ("y₂", ys[1].subs(at))],
        [("∂y₁/∂x₁", sp.diff(ys[0], xs[0]).subs(at)), ("∂y₁/∂x₂", sp.diff(ys[0], xs[1]).subs(at))],
        f"{sym}(x, 0)", "Jacobian entries at (x, 0)",
        f"Top: the two outputs of {sym}(x, 0), y₁ (solid) and y₂ (dashed).{total}\n"
        "Bottom: the Jacobian entries ∂y₁/∂x₁ (solid) and ∂y₁/∂x₂ (dashed) there.")


def _vector_panels(act, facts, ax_f, ax_d, palette):
    view = vector_view(act, facts)
    lo, hi = act.plot_range
    for ax, lines, title in ((ax_f, view.top, view.top_title), (ax_d, view.bottom, view.bottom_title)):
        for n, (label, expr) in enumerate(lines):
            for i, (xs, ys) in enumerate(_segments(expr, lo, hi, derivative=False)):
                ax.plot(xs, ys, color=palette["lines"][n], linestyle=LINESTYLES[n], label=label if i == 0 else None)
        ax.set_title(title, color=palette["text"])
        ax.set_xlim(lo, hi)
        if len(lines) > 1:
            ax.legend(labelcolor=palette["text"], handlelength=3)
        ax.set_ylim(*_padded(ax.get_ylim()))
    if act.kind != "gated":
        ax_f.set_xlabel("x (the second input is 0)")
        ax_d.set_xlabel("x (the second input is 0)")


def _vector_alt(act: Activation, facts: Facts) -> str:
    """Computed from the lines drawn: how each one runs across the plotted range and where it peaks."""
    view = vector_view(act, facts)
    lo, hi = act.plot_range
    parts = [f"For x from {_fmt(lo)} to {_fmt(hi)}."]
    for where, lines, title in (("Top", view.top, view.top_title), ("Bottom", view.bottom, view.bottom_title)):
        said = []
        for n, (label, expr) in enumerate(lines):
            segments = list(_segments(expr, lo, hi, derivative=False, points=2001))
            grid = np.concatenate([x for x, _ in segments])
            ys = np.concatenate([y for _, y in segments])
            first, last = _fmt(_round(ys[0])), _fmt(_round(ys[-1]))
            steps = np.diff(ys[np.isfinite(ys)])
            if np.all(steps >= 0):
                said.append(f"{label} ({STYLE_NAMES[n]}) rises from {first} to {last}")
            elif np.all(steps <= 0):
                said.append(f"{label} ({STYLE_NAMES[n]}) falls from {first} to {last}")
            else:
                top, bottom = np.nanmax(ys), np.nanmin(ys)
                ends = {float(ys[0]), float(ys[-1])}
                extremes = [f"largest {_extreme(grid, ys, top)}" if top not in ends else "",
                            f"smallest {_extreme(grid, ys, bottom)}" if bottom not in ends else ""]
                said.append(f"{label} ({STYLE_NAMES[n]}) from {first} to {last}, "
                            + ", ".join(e for e in extremes if e))
        parts.append(f"{where}: {title}: " + "; ".join(said) + ".")
        if where == "Top" and len(lines) > 1 and facts.vector.get("sums_to_one"):
            parts.append("The outputs add up to 1.")
    return " ".join(parts)


def _extreme(grid: np.ndarray, ys: np.ndarray, value: float) -> str:
    """'0.25 at x ≈ 0', or '0.5 for x from −1 to 1' when the extreme is a plateau."""
    tol = 1e-9 * max(1.0, float(np.nanmax(np.abs(ys))))
    hits = np.flatnonzero(np.abs(ys - value) <= tol)
    runs = np.split(hits, np.flatnonzero(np.diff(hits) > 1) + 1)  # consecutive samples
    texts = []
    for run in runs:
        a, b = grid[run[0]], grid[run[-1]]
        texts.append(f"x ≈ {_fmt(_round(a))}" if b - a < 1e-6 * (grid[-1] - grid[0])
                     else f"x from {_fmt(_round(a))} to {_fmt(_round(b))}")
    return f"{_fmt(_round(value))} " + ("at " if texts[0].startswith("x ≈") and len(texts) == 1 else "for ") + \
        " and ".join(texts)


def _round(v: float) -> float:
    return float(f"{v:.3g}") if math.isfinite(v) else v


# --------------------------------------------------------------------------
# Parameter family
# --------------------------------------------------------------------------


def _family_param(act: Activation):
    params = [p for p in act.params if p.family]
    return params[0] if params else None


def family(act: Activation, facts: Facts, mode: str) -> bytes | None:
    """The activation for several values of its first parameter with a family."""
    p = _family_param(act)
    if p is None:
        return None
    if len(p.family) > len(LINESTYLES):
        raise DeclarationError(act.slug, f"at most {len(LINESTYLES)} family values can be drawn", "params")
    palette = PALETTES[mode]
    lo, hi = act.plot_range
    sym = derive.symbols(act)[p.symbol]
    name = _latex_to_text(sp.latex(sym))
    with plt.rc_context(_rc(palette)):
        fig, ax = plt.subplots(figsize=(WIDTH_IN, FAMILY_IN), layout="constrained")
        _style(ax, palette)
        ax.set_xlabel("$x$")
        expr = _family_expression(act)
        for n, value in enumerate(p.family):
            e = expr.subs(sym, sp.Rational(value))
            for i, (xs, ys) in enumerate(_segments(e, lo, hi, derivative=False)):
                ax.plot(xs, ys, color=palette["lines"][n], linestyle=LINESTYLES[n],
                        label=f"{name} = {value}" if i == 0 else None)
        ax.set_xlim(lo, hi)
        ax.legend(labelcolor=palette["text"], handlelength=3)
        ax.set_title(f"{_latex_to_text(facts.symbol)}(x) for several {name}", color=palette["text"])
        return _save(fig)


def _family_expression(act: Activation) -> sp.Expr:
    """The expression with the family parameter symbolic and every other one at its default."""
    p = _family_param(act)
    syms = derive.symbols(act)
    others = {syms[q.symbol]: sp.Rational(q.default) for q in act.params if q is not p}
    return derive.expression(act).subs(others)


@dataclass(frozen=True)
class FamilyFacts:
    """What changes between the curves of the family figure, computed."""

    parameter: str  # its symbol as text
    values: tuple[str, ...]
    same: list[tuple[float, float]]  # parts of the plot range where every curve coincides
    same_text: str  # e.g. "x ≥ 0"
    differ_text: str
    order: str  # "lower", "higher" or "" (where they differ, a larger parameter gives a ... curve)
    common_points: list[tuple[str, str]]  # (x, y) every curve passes through, outside `same`


def family_facts(act: Activation) -> FamilyFacts:
    """Where the family curves coincide (exactly: the pieces that do not depend on the
    parameter), how they are ordered elsewhere (numerically, on the plot grid),
    and the breakpoints and x = 0 where they all meet."""
    p = _family_param(act)
    sym = derive.symbols(act)[p.symbol]
    expr = _family_expression(act)
    lo, hi = act.plot_range
    plot = sp.Interval(lo, hi)
    same_set = sp.S.EmptySet
    for piece in derive.pieces(expr):
        if sp.simplify(sp.diff(piece.expr, sym)) == 0:
            same_set = sp.Union(same_set, piece.interval)
    same_in_plot = sp.Intersection(same_set, plot)
    differ_in_plot = sp.Complement(plot, same_set)
    same = [(float(i.start), float(i.end)) for i in _intervals(same_in_plot) if i.measure > 0]
    values = [sp.Rational(v) for v in p.family]
    xs = np.linspace(lo, hi, 2001)
    mask = np.zeros_like(xs, dtype=bool)
    for i in _intervals(differ_in_plot):
        mask |= (xs > float(i.start)) & (xs < float(i.end))
    ys = np.array([reference.numpy_function(expr.subs(sym, v))(xs) for v in values])
    order = ""
    if mask.any() and len(values) > 1:
        ranked = [v for _, v in sorted(zip(values, range(len(values))))]
        y = ys[ranked][:, mask]
        steps = np.diff(y, axis=0)
        scale = np.nanmax(np.abs(y)) or 1.0
        tol = 1e-12 * scale
        if np.all(steps <= tol) and np.any(steps < -tol):
            order = "lower"
        elif np.all(steps >= -tol) and np.any(steps > tol):
            order = "higher"
    candidates = {sp.Integer(0)} | set(derive.breakpoints(derive.pieces(expr)))
    common = []
    for c in sorted(candidates):
        if not (lo <= float(c) <= hi) or same_in_plot.contains(c) == sp.true:
            continue
        at = {sp.simplify(expr.subs(sym, v).subs(derive.X, c)) for v in values}
        if len(at) == 1:
            common.append((_latex_to_text(derive.latex(c)), _latex_to_text(derive.latex(at.pop()))))
    return FamilyFacts(
        parameter=_latex_to_text(sp.latex(sym)), values=tuple(p.family), same=same,
        same_text=_set_text(same_in_plot, plot), differ_text=_set_text(differ_in_plot, plot),
        order=order, common_points=common,
    )


def _intervals(s: sp.Set) -> list[sp.Interval]:
    if isinstance(s, sp.Interval):
        return [s]
    if isinstance(s, sp.Union):
        return [a for a in s.args if isinstance(a, sp.Interval)]
    return []


def _set_text(s: sp.Set, plot: sp.Interval) -> str:
    """An interval of the plot as a condition on x ("x ≥ 0"), plot edges left out."""
    parts = []
    for i in _intervals(s):
        if i.measure == 0:
            continue
        lo_open = i.left_open if i.start != plot.start else None
        hi_open = i.right_open if i.end != plot.end else None
        a, b = _fmt(float(i.start)), _fmt(float(i.end))
        if lo_open is None and hi_open is None:
            parts.append("every x in the plot")
        elif lo_open is None:
            parts.append(f"x {'<' if hi_open else '≤'} {b}")
        elif hi_open is None:
            parts.append(f"x {'>' if lo_open else '≥'} {a}")
        else:
            parts.append(f"{a} {'<' if lo_open else '≤'} x {'<' if hi_open else '≤'} {b}")
    return " and ".join(parts)


# --------------------------------------------------------------------------
# Text: alt texts and visible captions, from the facts and the marks
# --------------------------------------------------------------------------


def _fmt(v: float) -> str:
    return f"{v:g}".replace("-", "−") if math.isfinite(v) else ("∞" if v > 0 else "−∞")


def _panels(act: Activation, facts: Facts) -> tuple[str, str]:
    """How the caption names the top and the bottom panel."""
    if act.kind == "concat":
        return "the outputs", "the derivatives"
    sym = _latex_to_text(facts.symbol)
    return f"{sym}(x)", f"{sym}′(x)"


def _points(points: list[Point]) -> str:
    return " and ".join(dict.fromkeys(f"x = {_fmt(p.x)}" for p in points))


def _caption_marks(act: Activation, facts: Facts, ms: Marks) -> list[str]:
    """One sentence per kind of mark (and panel) present in the figure, none for an absent one."""
    top, bottom = _panels(act, facts)
    out = []
    if ms.bands:
        where = {"left": "left tail", "right": "right tail", "both": "whole plot"}
        tails = " and ".join(where[b.side] for b in ms.bands)
        of = ""
        if len(facts.outputs) == 1 and getattr(act, "variants", ()):
            of = f" of {act.name} ({STYLE_NAMES[0]})"
        out.append(f"Grey band{'s' if len(ms.bands) > 1 else ''} ({tails}): saturation{of}, where |{bottom}| "
                   f"stays below {SATURATION:.0%} of {ms.band_reference}.")
    if ms.guides:
        defaults = _latex_to_text(facts.defaults_note) or "the default parameters"
        what = {"jump": "the function jumps", "kink": "the function has a kink (no derivative)",
                "switch": f"the formula switches pieces (at {defaults} the function is differentiable there)"}
        lines = "; ".join(f"x = {g.point}, where {what[g.what]}" for g in ms.guides)
        out.append(f"Dotted line{'s' if len(ms.guides) > 1 else ''}: {lines}.")
    for panel, name in (("f", top), ("d", bottom)):
        points = [p for p in ms.open if p.panel == panel]
        if not points:
            continue
        plural = "s" if len(points) > 1 else ""
        if panel == "f":
            out.append(f"Open circle{plural} on {name}: the limit from one side at {_points(points)}, "
                       "a value the function does not take.")
        else:
            text = (f"Open circle{plural} on {name}: the one-sided derivatives at {_points(points)} "
                    "(slopes from the left and from the right)")
            if ms.infinite_quotients:
                text = (f"Open circle{plural} on {name}: the finite one-sided derivative{plural} at "
                        f"{_points(points)}; " + ", ".join(ms.infinite_quotients) + " is infinite and not drawn")
            out.append(text + ".")
    for panel, name in (("f", top), ("d", bottom)):
        points = [p for p in ms.filled if p.panel == panel]
        if not points:
            continue
        plural = "s" if len(points) > 1 else ""
        if panel == "f":
            out.append(f"Filled dot{plural} on {name}: the value the function takes at {_points(points)}.")
        else:
            values = ", ".join(dict.fromkeys(f"{_fmt(p.y)} at x = {_fmt(p.x)}" for p in points))
            out.append(f"Filled dot{plural} on {name}: the value the snippet returns for the derivative there "
                       f"({values}).")
    return out


def caption(act: Activation, facts: Facts) -> str:
    """The visible caption: what each panel shows and what every mark present means."""
    if not _has_curves(act):
        return vector_view(act, facts).caption
    cs = curves(act, facts)
    top, bottom = _panels(act, facts)
    names = ", ".join(f"{c.label} ({STYLE_NAMES[c.n]})" for c in cs)
    if len(cs) == 1:
        parts = [f"Top: {top}. Bottom: its derivative {bottom}."]
    elif act.kind == "concat":
        parts = [f"Top: the {len(cs)} outputs {names}. Bottom: their derivatives."]
    else:
        parts = [f"Top: {top}: {names}. Bottom: its derivative {bottom}, in the same line styles."]
    return "\n".join(parts + _caption_marks(act, facts, marks(act, facts)))


def alt_text(act: Activation, facts: Facts) -> str:
    """A description of the figure for a reader who cannot see it, from the facts."""
    lo, hi = (_fmt(v) for v in act.plot_range)
    if not _has_curves(act):
        return _vector_alt(act, facts)
    cs = curves(act, facts)
    ms = marks(act, facts)
    if len(cs) == 1:
        o = cs[0].out
        parts = [f"Top: {act.name} for x from {lo} to {hi}, with range {_latex_to_text(o.range)}, "
                 f"{_monotonic_text(o.monotonic)}.",
                 f"Bottom: its derivative, " + (f"at most {_latex_to_text(o.derivative_sup)}." if
                                                o.derivative_sup_value != 0 else "0 wherever it exists.")]
    else:
        outs = "; ".join(f"{c.label} ({STYLE_NAMES[c.n]}) with range {_latex_to_text(c.out.range)}, "
                         f"{_monotonic_text(c.out.monotonic)}" for c in cs)
        if act.kind == "concat":
            parts = [f"Top: the {len(cs)} outputs of {act.name} for x from {lo} to {hi}: {outs}.",
                     "Bottom: their derivatives."]
        else:
            parts = [f"Top: {act.name} for x from {lo} to {hi} in {len(cs)} forms: {outs}.",
                     "Bottom: their derivatives, in the same line styles."]
    for c in cs:
        for k in c.out.kinks:
            if not act.plot_range[0] < k.point_value < act.plot_range[1]:
                continue
            at = f"At x = {_latex_to_text(k.point)}, " + (c.label or "the function")
            if k.continuous == "no":
                parts.append(f"{at} jumps from {_latex_to_text(k.left_limit)} to {_latex_to_text(k.right_limit)} "
                             f"and takes the value {_latex_to_text(k.value)} (filled dot).")
            elif not k.differentiable_bool:
                parts.append(f"{at} has a kink: the derivative jumps from {_latex_to_text(k.left_quotient)} to "
                             f"{_latex_to_text(k.right_quotient)}; the snippet returns "
                             f"{_latex_to_text(k.snippet_value)}.")
    for b in ms.bands:
        parts.append(f"Grey band from x = {_fmt(round(b.start, 2))} to {_fmt(round(b.end, 2))}: saturation, "
                     f"the derivative below {SATURATION:.0%} of {ms.band_reference}.")
    return " ".join(parts)


def _monotonic_text(verdict: str) -> str:
    return "not monotonic" if verdict == "no" else verdict


def family_caption(act: Activation) -> str:
    ff = family_facts(act)
    styles = ", ".join(f"{ff.parameter} = {v} ({STYLE_NAMES[n]})" for n, v in enumerate(ff.values))
    return f"{act.name} for {styles}.\n" + _family_sentence(ff)


def _family_sentence(ff: FamilyFacts) -> str:
    if ff.same and ff.differ_text:
        text = (f"The curves coincide for {ff.same_text}, where the formula does not depend on {ff.parameter}, "
                f"and differ for {ff.differ_text}")
    elif ff.same:
        return f"{ff.parameter} does not change the curve inside the plotted range: the curves coincide."
    else:
        text = f"{ff.parameter} changes the curve across the plotted range"
    if ff.order:
        text += f"; there a larger {ff.parameter} gives a {ff.order} curve"
    text += "."
    if ff.common_points:
        text += " Every curve passes through " + " and ".join(f"({x}, {y})" for x, y in ff.common_points) + "."
    return text


def family_alt_text(act: Activation) -> str:
    ff = family_facts(act)
    styles = ", ".join(f"{v} ({STYLE_NAMES[n]})" for n, v in enumerate(ff.values))
    return (f"{act.name} for x from {_fmt(act.plot_range[0])} to {_fmt(act.plot_range[1])} with "
            f"{ff.parameter} = {styles}. " + _family_sentence(ff))


_GREEK = {name: chr(code) for name, code in (
    ("alpha", 0x3B1), ("beta", 0x3B2), ("gamma", 0x3B3), ("delta", 0x3B4), ("epsilon", 0x3B5), ("zeta", 0x3B6),
    ("eta", 0x3B7), ("theta", 0x3B8), ("kappa", 0x3BA), ("lambda", 0x3BB), ("mu", 0x3BC), ("nu", 0x3BD),
    ("xi", 0x3BE), ("pi", 0x3C0), ("rho", 0x3C1), ("sigma", 0x3C3), ("tau", 0x3C4), ("phi", 0x3C6),
    ("chi", 0x3C7), ("psi", 0x3C8), ("omega", 0x3C9), ("Phi", 0x3A6), ("Gamma", 0x393), ("Delta", 0x394))}


def _latex_to_text(s: str) -> str:
    """Plain text for the LaTeX the facts hold: numbers, intervals, fractions, Greek letters, names."""
    s = re.sub(r"\\(?:operatorname|mathrm|text|mathit)\{([^{}]*)\}", r"\1", s)
    for _ in range(3):
        s = re.sub(r"\\frac\{([^{}]*)\}\{([^{}]*)\}", lambda m: f"{_group(m[1])}/{_group(m[2])}", s)
        s = re.sub(r"\\sqrt\{([^{}]*)\}", lambda m: f"√{_group(m[1])}", s)
    s = re.sub(r"\\(left|right)\b", "", s)
    s = re.sub(r"\\([A-Za-z]+)", lambda m: _GREEK.get(m[1], {
        "infty": "∞", "approx": "≈", "cdot": "·", "cup": "∪", "le": "≤", "ge": "≥", "neq": "≠", "tanh": "tanh",
        "log": "log", "ln": "ln", "exp": "exp", "erf": "erf"}.get(m[1], m[1])), s)
    s = s.replace("\\{", "\0").replace("\\}", "\1").replace("{", "").replace("}", "").replace("$", "")
    s = s.replace("\0", "{").replace("\1", "}")
    s = s.replace("\\", "").replace("-", "−").replace("  ", " ")
    return s.strip()


def _group(text: str) -> str:
    return text if re.fullmatch(r"[\w.]+", text) else f"({text})"


# --------------------------------------------------------------------------
# The figures' names and their Markdown
# --------------------------------------------------------------------------


def figure_names(act: Activation) -> list[str]:
    names = [f"{act.slug}.svg", f"{act.slug}-dark.svg"]
    if any(p.family for p in act.params):
        names += [f"{act.slug}-family.svg", f"{act.slug}-family-dark.svg"]
    return names


def _alt(text: str) -> str:
    """Alt text inside ![...]: brackets must not end it."""
    return text.replace("[", "\\[").replace("]", "\\]")


def _size(svg: Path) -> str:
    """width/height attributes in CSS pixels, so the page reserves the space (no layout shift)."""
    head = svg.read_text(encoding="utf-8")[:1000]
    w, h = (float(re.search(rf'{k}="([0-9.]+)pt"', head).group(1)) * 4 / 3 for k in ("width", "height"))
    return f'width="{round(w)}" height="{round(h)}"'


def _figure(name: str, alt: str, text: str, folder: Path) -> str:
    """A <figure> with the light and dark image and a visible caption (md_in_html)."""
    alt = _alt(alt)
    images = "".join(f"![{alt}](figures/{file}#{mode}){{ loading=lazy {_size(folder / file)} }}\n"
                     for file, mode in ((f"{name}.svg", "only-light"), (f"{name}-dark.svg", "only-dark")))
    return (f'<figure class="activation-figure" markdown="span">\n{images}'
            f"<figcaption>{'<br>'.join(html.escape(line, quote=False) for line in text.splitlines())}"
            "</figcaption>\n</figure>\n")


def markdown(act: Activation, facts: Facts, folder: Path) -> str:
    """The figures of ``act`` with their alt texts and visible captions; sizes read from the SVGs in ``folder``."""
    md = render.HEADER + _figure(act.slug, alt_text(act, facts), caption(act, facts), folder)
    if _family_param(act) is not None:
        md += "\n" + _figure(f"{act.slug}-family", family_alt_text(act), family_caption(act), folder)
    return md
