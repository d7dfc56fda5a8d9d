"""Draw every activation's figures from its declaration, in light and dark, and write their Markdown.

One plotting function for all activations (no per-figure code): the curves
come from the SymPy pieces of the declaration, the marks from the derived
facts. Output SVG is byte-stable: fixed hash salt, no date, text as text.

* ``f`` above ``f′`` (stacked, so a phone shows them at a readable size): a
  480-px-wide SVG whose smallest text (10 pt) is still about 9.9 CSS px in
  the ~358 px content column of a 390-px phone, and 13 px at 1280 px.
* What is drawn (the curves, the marks, the lines of a vector activation, the
  parameter family) is computed as data in ``figure_data.py``; the visible
  captions and alt texts that say it are written in ``figure_text.py``;
  :func:`markdown` puts figures, alt texts and captions on the page.
"""

from __future__ import annotations

import html
import io
import re
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import sympy as sp  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

import derive  # noqa: E402
import render  # noqa: E402
from activations import Activation, DeclarationError  # noqa: E402
from facts import Facts  # noqa: E402
from figure_data import (LINESTYLES, _family_expression, _family_param, _has_curves,  # noqa: E402
                         _latex_to_text, _segments, curves, marks, vector_view)
from figure_text import alt_text, caption, family_alt_text, family_caption  # noqa: E402

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


OPEN = {"marker": "o", "markersize": 12, "markeredgewidth": 2.2, "linestyle": "none", "zorder": 5}
FILLED = {"marker": "o", "markersize": 8.5, "linestyle": "none", "zorder": 6}


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
        ax_f.set_xlabel(f"x (the second input is {view.second})")
        ax_d.set_xlabel(f"x (the second input is {view.second})")
    else:  # against the gate half
        ax_f.set_xlabel(f"${view.x_name}$")
        ax_d.set_xlabel(f"${view.x_name}$")


# --------------------------------------------------------------------------
# Parameter family
# --------------------------------------------------------------------------


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
