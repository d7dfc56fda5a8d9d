"""Draw every activation's figures from its declaration, in light and dark.

One plotting function for all activations (no per-figure code): the curves
come from the SymPy pieces of the declaration, the marks from the derived
kinks. Output SVG is byte-stable: fixed hash salt, no date, text as text.
"""

from __future__ import annotations

import io
import math
import re
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import sympy as sp  # noqa: E402

import derive  # noqa: E402
import render  # noqa: E402
from activations import Activation  # noqa: E402
from facts import Facts  # noqa: E402

STYLE = {
    "svg.hashsalt": "activation-functions",
    "svg.fonttype": "none",
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],
    "mathtext.fontset": "dejavusans",
    "font.size": 11,
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
# Okabe-Ito colours (distinguishable with colour-blindness), lighter in dark mode.
PALETTES = {
    "light": {"text": "#1f2328", "grid": "#d0d7de", "lines": ["#0072B2", "#D55E00", "#009E73", "#CC79A7"],
              "shade": "#999999"},
    "dark": {"text": "#e6edf3", "grid": "#3d444d", "lines": ["#56B4E9", "#E69F00", "#66CCAA", "#F0A0D0"],
             "shade": "#777777"},
}
LINESTYLES = ["-", "--", ":", "-."]
SATURATION = 0.05  # shade where f' is below 5 % of its maximum
POINTS = 241


def _numeric(expr: sp.Expr):
    f = sp.lambdify(derive.X, expr, "numpy")
    return lambda xs: np.broadcast_to(np.asarray(f(xs), dtype=float), xs.shape)


def _segments(expr: sp.Expr, lo: float, hi: float, derivative: bool):
    """(xs, ys) per smooth piece inside [lo, hi], so lines break at kinks."""
    ps = derive.derivative_pieces(expr) if derivative else derive.pieces(expr)
    for p in ps:
        a = max(lo, float(p.interval.start)) if p.interval.start.is_finite else lo
        b = min(hi, float(p.interval.end)) if p.interval.end.is_finite else hi
        if a >= b:
            continue
        n = max(2, int(POINTS * (b - a) / (hi - lo)))
        xs = np.linspace(a, b, n)
        yield xs, _numeric(p.expr)(xs)


def _style(ax, palette):
    ax.tick_params(colors=palette["text"])
    for spine in ax.spines.values():
        spine.set_color(palette["text"])
    ax.grid(color=palette["grid"])
    ax.axhline(0, color=palette["text"], linewidth=0.6)
    ax.axvline(0, color=palette["text"], linewidth=0.6)


def _save(fig) -> bytes:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None}, bbox_inches="tight")
    plt.close(fig)
    return buf.getvalue().encode()


def _saturation_spans(expr, lo, hi, sup):
    """Intervals of [lo, hi] where 0 <= f' < SATURATION * sup."""
    if sup <= 0:
        return []
    xs = np.linspace(lo, hi, 2001)
    d = np.full_like(xs, np.nan)
    for seg_x, seg_y in _segments(expr, lo, hi, derivative=True):
        d[np.searchsorted(xs, seg_x[0]):np.searchsorted(xs, seg_x[-1], side="right")] = \
            np.interp(xs[np.searchsorted(xs, seg_x[0]):np.searchsorted(xs, seg_x[-1], side="right")], seg_x, seg_y)
    flat = np.abs(d) < SATURATION * sup
    spans, start = [], None
    for x, f in zip(xs, flat):
        if f and start is None:
            start = x
        if not f and start is not None:
            spans.append((start, x))
            start = None
    if start is not None:
        spans.append((start, hi))
    return [(a, b) for a, b in spans if b - a > (hi - lo) / 50]


def _mark_kinks(ax, kinks, palette, colour, derivative: bool):
    for k in kinks:
        c = k.point_value
        ax.axvline(c, color=palette["shade"], linestyle=":", linewidth=1)
        if derivative:
            for q in (k.left_quotient_value, k.right_quotient_value):
                if q is not None and not k.differentiable_bool:
                    ax.plot([c], [q], "o", markersize=6, markerfacecolor="none", markeredgecolor=colour)
            if k.snippet_value_float is not None and not k.differentiable_bool:
                ax.plot([c], [k.snippet_value_float], "o", markersize=5, color=colour)


def function_and_derivative(act: Activation, facts: Facts, mode: str) -> bytes:
    palette = PALETTES[mode]
    lo, hi = act.plot_range
    with plt.rc_context(STYLE | {"text.color": palette["text"], "axes.labelcolor": palette["text"]}):
        fig, (ax_f, ax_d) = plt.subplots(1, 2, figsize=(8.4, 3.4), layout="constrained")
        for ax in (ax_f, ax_d):
            _style(ax, palette)
            ax.set_xlabel("$x$")
        if act.kind == "softmax":
            _softmax_panels(ax_f, ax_d, lo, hi, palette)
            return _save(fig)
        exprs = derive.outputs(act, defaults=True)
        for n, (expr, out) in enumerate(zip(exprs, facts.outputs)):
            colour, ls = palette["lines"][n], LINESTYLES[n]
            label = f"$f_{n + 1}$" if len(exprs) > 1 else None
            for i, (xs, ys) in enumerate(_segments(expr, lo, hi, derivative=False)):
                ax_f.plot(xs, ys, color=colour, linestyle=ls, label=label if i == 0 else None)
            for i, (xs, ys) in enumerate(_segments(expr, lo, hi, derivative=True)):
                ax_d.plot(xs, ys, color=colour, linestyle=ls, label=label if i == 0 else None)
            _mark_kinks(ax_f, out.kinks, palette, colour, derivative=False)
            _mark_kinks(ax_d, out.kinks, palette, colour, derivative=True)
            for k in out.kinks:
                if k.continuous == "no":
                    ax_f.plot([k.point_value], [float(sp.sympify(k.left_limit))], "o", markerfacecolor="none",
                              markeredgecolor=colour, markersize=6)
                    ax_f.plot([k.point_value], [float(sp.sympify(k.value))], "o", color=colour, markersize=5)
            if len(exprs) == 1:
                for a, b in _saturation_spans(expr, lo, hi, out.derivative_sup_value):
                    for ax in (ax_f, ax_d):
                        ax.axvspan(a, b, color=palette["shade"], alpha=0.18, linewidth=0)
        ax_f.set_title(f"${facts.symbol}(x)$" if len(exprs) == 1 else "$f_1(x)$, $f_2(x)$", color=palette["text"])
        ax_d.set_title(f"${facts.symbol}′(x)$" if len(exprs) == 1 else "$f_1′(x)$, $f_2′(x)$", color=palette["text"])
        if len(exprs) > 1:
            ax_f.legend(labelcolor=palette["text"])
        ax_d.set_ylim(*_padded(ax_d.get_ylim()))
        return _save(fig)


def _padded(limits):
    a, b = limits
    span = max(b - a, 0.5)
    return a - 0.06 * span, b + 0.06 * span


def _softmax_panels(ax_f, ax_d, lo, hi, palette):
    xs_sym, s = derive.softmax_components(2)
    z = np.linspace(lo, hi, POINTS)
    s1 = sp.lambdify(xs_sym, s[0], "numpy")(z, 0.0)
    s2 = 1 - s1
    lines = palette["lines"]
    ax_f.plot(z, s1, color=lines[0], linestyle="-", label="$s_1$")
    ax_f.plot(z, s2, color=lines[1], linestyle="--", label="$s_2$")
    ax_f.set_title("softmax$(x, 0)$", color=palette["text"])
    j11 = sp.lambdify(xs_sym, sp.diff(s[0], xs_sym[0]), "numpy")(z, 0.0)
    j12 = sp.lambdify(xs_sym, sp.diff(s[0], xs_sym[1]), "numpy")(z, 0.0)
    ax_d.plot(z, j11, color=lines[0], linestyle="-", label=r"$\partial s_1/\partial x_1$")
    ax_d.plot(z, j12, color=lines[1], linestyle="--", label=r"$\partial s_1/\partial x_2$")
    ax_d.set_title("Jacobian entries", color=palette["text"])
    for ax in (ax_f, ax_d):
        ax.legend(labelcolor=palette["text"])
        ax.set_xlabel("$x$ (the second input is 0)")


def family(act: Activation, facts: Facts, mode: str) -> bytes | None:
    """The activation for several values of its first parameter."""
    params = [p for p in act.params if p.family]
    if not params:
        return None
    p = params[0]
    palette = PALETTES[mode]
    lo, hi = act.plot_range
    sym = derive.symbols(act)[p.symbol]
    with plt.rc_context(STYLE | {"text.color": palette["text"], "axes.labelcolor": palette["text"]}):
        fig, ax = plt.subplots(figsize=(5.6, 3.6), layout="constrained")
        _style(ax, palette)
        ax.set_xlabel("$x$")
        expr = derive.expression(act)
        for n, value in enumerate(p.family):
            e = expr.subs(sym, sp.Rational(value))
            for i, (xs, ys) in enumerate(_segments(e, lo, hi, derivative=False)):
                ax.plot(xs, ys, color=palette["lines"][n], linestyle=LINESTYLES[n],
                        label=f"${sp.latex(sym)} = {value}$" if i == 0 else None)
        ax.legend(labelcolor=palette["text"])
        ax.set_title(f"${facts.symbol}(x)$ for several ${sp.latex(sym)}$", color=palette["text"])
        return _save(fig)


def _fmt(v: float) -> str:
    return f"{v:g}".replace("-", "−") if math.isfinite(v) else ("∞" if v > 0 else "−∞")


def alt_text(act: Activation, facts: Facts) -> str:
    lo, hi = (_fmt(v) for v in act.plot_range)
    if act.kind == "softmax":
        return (f"Left: the two components of softmax of (x, 0) for x from {lo} to {hi}; the solid one rises from 0 "
                "to 1 like the sigmoid, the dashed one falls, and they always add up to 1. Right: the Jacobian "
                "entries ∂s1/∂x1, a bump peaking at 1/4 at x = 0, and ∂s1/∂x2, its mirror image below zero.")
    parts = [f"Left: {act.name} for x from {lo} to {hi}"]
    if len(facts.outputs) > 1:
        parts = [f"Left: the two halves of {act.name} for x from {lo} to {hi}: solid ReLU(x), dashed ReLU(−x)"]
    o = facts.outputs[0]
    parts[0] += f", with range {_latex_to_text(o.range)}."
    parts.append(f"Right: its derivative, at most {_latex_to_text(o.derivative_sup)}.")
    for out in facts.outputs:
        for k in out.kinks:
            if k.continuous == "no":
                parts.append(f"At x = {k.point} the function jumps from {k.left_limit} to {k.right_limit}; "
                             "a vertical dotted line marks the jump.")
            elif not k.differentiable_bool:
                parts.append(f"At x = {k.point} (dotted line) the derivative jumps between the one-sided values "
                             f"{_latex_to_text(k.left_quotient)} and {_latex_to_text(k.right_quotient)} (open circles); "
                             f"the filled dot is the value the snippet uses, {_latex_to_text(k.snippet_value)}.")
    if len(facts.outputs) == 1 and (o.saturates_left != "no" or o.saturates_right != "no"):
        parts.append(f"Grey bands mark saturation, where the derivative is below {SATURATION:.0%} of its maximum.")
    return " ".join(parts)


def family_alt_text(act: Activation) -> str:
    p = next(p for p in act.params if p.family)
    return (f"{act.name} for x from {_fmt(act.plot_range[0])} to {_fmt(act.plot_range[1])} with {p.name} = "
            + ", ".join(p.family) + " (solid, dashed and dotted lines); the curves agree for x > 0 "
            "and differ only on the negative side.")


def _latex_to_text(s: str) -> str:
    table = {r"\infty": "∞", r"\alpha": "α", r"\lambda": "λ", r"\approx": "≈", "\\frac{1}{4}": "1/4",
             "-": "−", "{": "", "}": "", "\\": "", "$": ""}
    for a, b in table.items():
        s = s.replace(a, b)
    return s.strip()


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


def markdown(act, alt: str, family_alt: str, folder: Path) -> str:
    alt, family_alt = _alt(alt), _alt(family_alt)
    md = render.HEADER
    images = [(alt, f"{act.slug}.svg", "only-light"), (alt, f"{act.slug}-dark.svg", "only-dark")]
    if family_alt:
        images += [(family_alt, f"{act.slug}-family.svg", "only-light"),
                   (family_alt, f"{act.slug}-family-dark.svg", "only-dark")]
    for n, (text, name, mode) in enumerate(images):
        md += ("\n" if n == 2 else "") + \
            f"![{text}](figures/{name}#{mode}){{ loading=lazy {_size(folder / name)} }}\n"
    return md
