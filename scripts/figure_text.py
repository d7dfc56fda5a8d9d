"""The words of the figures: visible captions and alt texts.

Each is computed from the same curves, marks and lines that are drawn
(``figure_data.py``) and from the derived facts, so what a caption or an
alt text says is what the figure shows.
"""

from __future__ import annotations

import math

import numpy as np

from activations import Activation
from facts import Facts
from figure_data import (SATURATION, STYLE_NAMES, FamilyFacts, Marks, Point, _fmt, _has_curves, _latex_to_text,
                         _segments, curves, family_facts, marks, vector_view)

# --------------------------------------------------------------------------
# Alt text of a vector or gated activation, from the lines drawn
# --------------------------------------------------------------------------


def _vector_alt(act: Activation, facts: Facts) -> str:
    """Computed from the lines drawn: how each one runs across the plotted range and where it peaks."""
    view = vector_view(act, facts)
    lo, hi = act.plot_range
    parts = [f"For {view.x_name} from {_fmt(lo)} to {_fmt(hi)}."]
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
                extremes = [f"largest {_extreme(grid, ys, top, view.x_name)}" if top not in ends else "",
                            f"smallest {_extreme(grid, ys, bottom, view.x_name)}" if bottom not in ends else ""]
                said.append(f"{label} ({STYLE_NAMES[n]}) from {first} to {last}, "
                            + ", ".join(e for e in extremes if e))
        parts.append(f"{where}: {title}: " + "; ".join(said) + ".")
        if where == "Bottom" and len(" ".join(parts)) > 560:  # the page's text describes the derivatives
            parts[-1] = f"Bottom: {title}, one curve for each line of the top panel, in the same style."
        if where == "Top" and len(lines) > 1 and facts.vector.get("sums_to_one"):
            parts.append("The outputs add up to 1.")
    return " ".join(parts)


def _extreme(grid: np.ndarray, ys: np.ndarray, value: float, x: str = "x") -> str:
    """'0.25 at x ≈ 0', or '0.5 for x from −1 to 1' when the extreme is a plateau."""
    tol = 1e-9 * max(1.0, float(np.nanmax(np.abs(ys))))
    hits = np.flatnonzero(np.abs(ys - value) <= tol)
    runs = np.split(hits, np.flatnonzero(np.diff(hits) > 1) + 1)  # consecutive samples
    texts = []
    for run in runs:
        a, b = grid[run[0]], grid[run[-1]]
        texts.append(f"{x} ≈ {_fmt(_round(a))}" if b - a < 1e-6 * (grid[-1] - grid[0])
                     else f"{x} from {_fmt(_round(a))} to {_fmt(_round(b))}")
    return f"{_fmt(_round(value))} " + ("at " if texts[0].startswith(f"{x} ≈") and len(texts) == 1 else "for ") + \
        " and ".join(texts)


def _round(v: float) -> float:
    return float(f"{v:.3g}") if math.isfinite(v) else v


# --------------------------------------------------------------------------
# Captions and alt texts, from the facts and the marks
# --------------------------------------------------------------------------


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
                "switch": f"the formula switches pieces (at {defaults} the function is differentiable there)",
                "always": "the formula switches pieces (the function is differentiable there)"}
        lines = "; ".join(f"x = {g.point}, where {what['always' if g.always else g.what]}" for g in ms.guides)
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
        inside = [k for k in c.out.kinks if act.plot_range[0] < k.point_value < act.plot_range[1]]
        for k in inside:
            if k.continuous == "no":
                at = f"At {_point_text(k)}, " + (c.label or "the function")
                ends = [_latex_to_text(v) for v in (k.left_limit, k.right_limit, k.value)]
                parts.append(f"{at} jumps from {ends[0]} to {ends[1]} and takes the value {ends[2]} (filled dot)."
                             if max(map(len, ends)) <= SHORT else f"{at} jumps (a filled dot at its value).")
        kinks = [k for k in inside if k.continuous != "no" and not k.differentiable_bool]
        if kinks:
            parts.append(_kinks_sentence(c.label or "the function", kinks))
    if ms.bands:
        spans = " and ".join(f"from x = {_fmt(round(b.start, 2))} to {_fmt(round(b.end, 2))}" for b in ms.bands)
        parts.append(f"Grey band{'s' if len(ms.bands) > 1 else ''} {spans}: saturation, "
                     f"the derivative below {SATURATION:.0%} of {ms.band_reference}.")
    return " ".join(parts)


SHORT = 30  # characters: a longer exact value (a parameter's exact binary value) is said as a float, or not said


def _point_text(k) -> str:
    exact = _latex_to_text(k.point)
    return f"x = {exact}" if len(exact) <= SHORT else f"x ≈ {_fmt(_round(k.point_value))}"


def _said(latex: str, value: float | None) -> str:
    exact = _latex_to_text(latex)
    return exact if len(exact) <= SHORT or value is None else _fmt(_round(value))


def _kinks_sentence(name: str, kinks) -> str:
    """One sentence for the kinks of a curve: where, how the derivative jumps, what the snippet returns."""
    where = " and ".join(_point_text(k) for k in kinks)
    jumps = " and ".join(f"from {_said(k.left_quotient, k.left_quotient_value)} to "
                         f"{_said(k.right_quotient, k.right_quotient_value)}" for k in kinks)
    returned = [_said(k.snippet_value, k.snippet_value_float) for k in kinks]
    if len(kinks) == 1:
        return f"At {where}, {name} has a kink: the derivative jumps {jumps}; the snippet returns {returned[0]}."
    said = f"{returned[0]} at each" if len(set(returned)) == 1 else " and ".join(returned) + " there"
    return f"{name[:1].upper() + name[1:]} has kinks at {where}: the derivative jumps {jumps}; the snippet " \
           f"returns {said}."


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
