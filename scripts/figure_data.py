"""What a figure shows, as data: its curves, marks, sampled lines and parameter family.

Computed once from the declaration and the derived facts, and used by the
drawing (``figures.py``), the visible caption and the alt text
(``figure_text.py``) and the tests:

* :class:`Curve`: one line per expression, drawn on both panels. An
  elementwise activation has one; a concatenation one per output; a named
  variant (GELU's tanh approximation, ...) is one more ``Curve`` on the same
  axes, told apart by line style and a legend (see :func:`curves`).
* :class:`Marks`: everything else drawn: grey bands where the activation
  saturates in a tail, dotted lines at the kinks, open circles at one-sided
  values that are not taken, filled dots at the value the function or the
  snippet takes there.
* :class:`VectorView`: the lines of a vector or gated activation;
  :class:`FamilyFacts`: how the curves of a parameter family differ.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import numpy as np
import sympy as sp

import derive
import facts as facts_module
import gated
import reference
import tex
import vector
from activations import Activation, DeclarationError
from facts import Facts, OutputFacts

LINESTYLES = ["-", "--", "-.", ":"]
STYLE_NAMES = ["solid", "dashed", "dash-dotted", "dotted"]


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
    always: bool = False  # a "switch" differentiable for every parameter value, not only the defaults


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
                result.guides.append(Guide(x, _latex_to_text(k.point), what, k.differentiable == "yes"))
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
# Vector and gated activations: the lines of their figure
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class VectorView:
    """What the figure of a vector or gated activation shows, as functions of x."""

    top: list[tuple[str, sp.Expr]]  # (label, expression in x)
    bottom: list[tuple[str, sp.Expr]]
    top_title: str
    bottom_title: str
    caption: str
    x_name: str = "x"  # the variable along the horizontal axis (a gated activation's gate half)
    second: str = "0"  # the fixed second input of a vector activation's slice (x, c)


def vector_view(act: Activation, facts: Facts) -> VectorView:
    """Two inputs (x, 0) for the softmax family, sparsemax on that line, the gate of a gated activation."""
    sym = _latex_to_text(facts.symbol)
    if act.kind == "gated":
        return _gated_view(act, sym)
    if getattr(act, "threshold", ""):  # a projection: one piecewise expression on the line (x, 0)
        y1 = vector.two_inputs(act)
        return VectorView(
            [("y₁", y1)], [("∂y₁/∂x₁", derive.derivative(y1))], f"{sym}(x, 0)₁", "∂y₁/∂x₁ at (x, 0)",
            f"Top: the first output y₁ of {sym}(x, 0). Bottom: the Jacobian entry ∂y₁/∂x₁ there.")
    xs, ys = vector.components(act, 2)
    c = sp.Rational(str(act.figure_second))  # the declared second input (default 0)
    at = {xs[0]: derive.X, xs[1]: c}
    total = " They add up to 1." if facts.vector.get("sums_to_one") else ""
    return VectorView(
        [("y₁", ys[0].subs(at)), ("y₂", ys[1].subs(at))],
        [("∂y₁/∂x₁", sp.diff(ys[0], xs[0]).subs(at)), ("∂y₁/∂x₂", sp.diff(ys[0], xs[1]).subs(at))],
        f"{sym}(x, {_minus(c)})", f"Jacobian entries at (x, {_minus(c)})",
        f"Top: the two outputs of {sym}(x, {_minus(c)}), y₁ (solid) and y₂ (dashed).{total}\n"
        "Bottom: the Jacobian entries ∂y₁/∂x₁ (solid) and ∂y₁/∂x₂ (dashed) there.", second=_minus(c))


# The values of the value half at which a gated activation is drawn against its gate half.
GATED_VALUES = (2, 1, -1)


def _gated_view(act: Activation, sym: str) -> VectorView:
    """f against the gate half for several values of the value half (never one curve: f has two inputs);
    each named variant is one more line, at value 1."""
    if gated.general(act):
        return _general_gated_view(act, sym)
    gate, value = gated.halves(act)
    h, g = gated.factors(act)
    dg = derive.derivative(g)
    top = [(f"{value} = {_minus(v)}", h.subs(derive.X, v) * g) for v in GATED_VALUES]
    bottom = [(f"{value} = {_minus(v)}", h.subs(derive.X, v) * dg) for v in GATED_VALUES]
    for variant in act.variants:
        hv, gv = gated.factors(derive.variant_activation(act, variant))
        top.append((f"{variant.label}, {value} = 1", hv.subs(derive.X, 1) * gv))
        bottom.append((f"{variant.label}, {value} = 1", hv.subs(derive.X, 1) * derive.derivative(gv)))
    scaled = (f"{sym}(a, b) = {value}·g({gate}), so each curve is the gate function g scaled by {value}"
              if h == derive.X else
              f"{sym}(a, b) = h({value})·g({gate}), so each curve is the gate function g scaled by h({value})")
    values = ", ".join(_minus(v) for v in GATED_VALUES)
    if len(top) > len(LINESTYLES):
        raise DeclarationError(act.slug, f"a gated figure draws at most {len(LINESTYLES) - len(GATED_VALUES)} "
                               "variants", "variants")
    extra = (f" The {STYLE_NAMES[len(GATED_VALUES)]} line: the variant " + ", ".join(v.label for v in act.variants)
             + f", at {value} = 1." if act.variants else "")
    return VectorView(
        top, bottom, f"{sym}(a, b) against {gate}", f"∂{sym}/∂{gate}",
        f"Top: {sym} against the gate half {gate}, for the value half {value} = {values}: {scaled}. "
        f"Bottom: the derivative with respect to the gate, ∂{sym}/∂{gate}, for the same values.{extra}",
        x_name=str(gate))


def _general_gated_view(act: Activation, sym: str) -> VectorView:
    """f(a, b) against a for several values of b (no gate: f is any expression of the two halves)."""
    f, (da, _) = gated.gated_expression(act), gated.partials(act)
    da = da.rewrite(sp.Piecewise)
    at = lambda e, v: e.subs({vector.A: derive.X, vector.B: v}, simultaneous=True)  # noqa: E731
    top = [(f"b = {_minus(v)}", at(f, v)) for v in GATED_VALUES]
    bottom = [(f"b = {_minus(v)}", at(da, v)) for v in GATED_VALUES]
    values = ", ".join(_minus(v) for v in GATED_VALUES)
    return VectorView(
        top, bottom, f"{sym}(a, b) against a", f"∂{sym}/∂a",
        f"Top: {sym}(a, b) against the first half a, for the second half b = {values}. "
        f"Bottom: the derivative with respect to a, ∂{sym}/∂a, for the same values.",
        x_name="a")


def _minus(v) -> str:
    return str(v).replace("-", "−")


# --------------------------------------------------------------------------
# Parameter family
# --------------------------------------------------------------------------


def _family_param(act: Activation):
    params = [p for p in act.params if p.family]
    return params[0] if params else None


def _family_expression(act: Activation) -> sp.Expr:
    """The expression with the family parameter symbolic and every other one at its default
    (a stochastic quantity at its evaluation-mode mean, which may depend on the family parameter)."""
    p = _family_param(act)
    syms = derive.symbols(act)
    others = {syms[q.symbol]: sp.Rational(q.default) for q in act.params if q is not p}
    expr = derive.expression(act)
    if act.stochastic is not None:
        expr = expr.subs(syms[act.stochastic.param], derive.stochastic_mean(act))
    return expr.subs(others)


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
    values = [sp.Rational(v) for v in p.family]
    xs = np.linspace(lo, hi, 2001)
    try:
        same_set = sp.S.EmptySet
        for piece in derive.pieces(expr):
            if sp.simplify(sp.diff(piece.expr, sym)) == 0:
                same_set = sp.Union(same_set, piece.interval)
        breaks = set(derive.breakpoints(derive.pieces(expr)))
    except derive.ParametricPieces:  # the parameter moves a breakpoint (Hardtanh's bounds)
        breaks = set()
        for v in values:
            breaks |= set(derive.breakpoints(derive.pieces(expr.subs(sym, v))))
        same_set = _coinciding(expr, sym, values, xs, sorted(breaks))
    same_in_plot = sp.Intersection(same_set, plot)
    differ_in_plot = sp.Complement(plot, same_set)
    same = [(float(i.start), float(i.end)) for i in _intervals(same_in_plot) if i.measure > 0]
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
    candidates = {sp.Integer(0)} | breaks | _crossings(expr, sym, values, xs, ys)
    common = []
    for c in sorted(candidates):
        if not (lo <= float(c) <= hi) or same_in_plot.contains(c) == sp.true:
            continue
        at = {sp.simplify(expr.subs(sym, v).subs(derive.X, c)) for v in values}
        if len(at) == 1:
            common.append((_latex_to_text(tex.latex(c)), _latex_to_text(tex.latex(at.pop()))))
    return FamilyFacts(
        parameter=_latex_to_text(sp.latex(sym)), values=tuple(p.family), same=same,
        same_text=_set_text(same_in_plot, plot), differ_text=_set_text(differ_in_plot, plot),
        order=order, common_points=common,
    )


def _crossings(expr: sp.Expr, sym: sp.Symbol, values: list, xs: np.ndarray, ys: np.ndarray) -> set:
    """Points where every curve of the family meets, besides 0 and the breakpoints (soft clipping's
    (1/2, 1/2) for every α): where the first two curves cross on the grid, refined, taken as a simple
    rational and kept only if every curve takes the same value there exactly."""
    if len(values) < 2:
        return set()
    d = ys[1] - ys[0]
    found = set()
    for i in np.nonzero((np.sign(d[:-1]) * np.sign(d[1:]) < 0) | (d[:-1] == 0))[0][:20]:
        x = xs[i] if d[i] == 0 else xs[i] - d[i] * (xs[i + 1] - xs[i]) / (d[i + 1] - d[i])
        c = sp.nsimplify(float(x), tolerance=1e-6, rational=True)
        if c.q > 1000 or len({sp.simplify(expr.subs(sym, v).subs(derive.X, c)) for v in values}) != 1:
            continue
        found.add(c)
    return found


def _coinciding(expr: sp.Expr, sym: sp.Symbol, values: list, xs: np.ndarray, breaks=()) -> sp.Set:
    """Where the family's curves coincide, found on the plot grid (for a parameter that moves a
    breakpoint, where the pieces cannot be split symbolically): a union of intervals.

    A run of grid points where the curves agree ends at a grid point; where a member's breakpoint
    lies within one grid step beyond it, the run ends at that breakpoint instead, closed if every
    curve takes the same value there exactly and open if not (Hardshrink's jumps at ±λ)."""
    ys = np.array([reference.numpy_function(expr.subs(sym, v))(xs) for v in values])
    scale = np.nanmax(np.abs(ys)) or 1.0
    equal = np.ptp(ys, axis=0) <= 1e-12 * scale
    step = float(xs[1] - xs[0]) if len(xs) > 1 else 0.0

    def agree_at(c) -> bool:
        return len({sp.simplify(expr.subs(sym, v).subs(derive.X, c)) for v in values}) == 1

    def end(x: float, side: int) -> tuple[sp.Expr, bool]:
        """(the run's end, open?): the nearest breakpoint within a step on ``side``, else the grid point."""
        near = [c for c in breaks if 0 <= side * (float(c) - x) <= step * (1 + 1e-9)]
        if not near:
            return sp.nsimplify(x), False
        c = min(near, key=lambda c: abs(float(c) - x))
        return c, not agree_at(c)

    result, start = sp.S.EmptySet, None
    for x, flag in zip(list(xs) + [None], list(equal) + [False]):
        if flag and start is None:
            start = x
        elif not flag and start is not None:
            (a, a_open), (b, b_open) = end(float(start), -1), end(float(previous), 1)
            result = sp.Union(result, sp.Interval(a, b, a_open, b_open))
            start = None
        previous = x
    return result


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
# Numbers and LaTeX as plain text (labels, captions, alt texts)
# --------------------------------------------------------------------------


def _fmt(v: float) -> str:
    return f"{v:g}".replace("-", "−") if math.isfinite(v) else ("∞" if v > 0 else "−∞")


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
    s = re.sub(r"\\[,;:]", " ", s).replace("\\!", "")  # LaTeX spacing: log softmax, not log,softmax
    s = re.sub(r"\\([A-Za-z]+)", lambda m: _GREEK.get(m[1], {
        "infty": "∞", "approx": "≈", "cdot": "·", "cup": "∪", "le": "≤", "ge": "≥", "neq": "≠", "tanh": "tanh",
        "log": "log", "ln": "ln", "exp": "exp", "erf": "erf"}.get(m[1], m[1])), s)
    s = s.replace("\\{", "\0").replace("\\}", "\1").replace("{", "").replace("}", "").replace("$", "")
    s = s.replace("\0", "{").replace("\1", "}")
    s = s.replace("\\", "").replace("-", "−").replace("  ", " ")
    s = re.sub(r"(^|[=(,]\s?)−\s+(?=[\d√(∞])", r"\1−", s)  # a sign, not a subtraction: "x = −5/2"
    return s.strip()


def _group(text: str) -> str:
    return text if re.fullmatch(r"[\w.]+", text) else f"({text})"
