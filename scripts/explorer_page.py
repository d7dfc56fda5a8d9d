"""What an activation page shows of the explorer (scripts/explorer.py): a compact explorer and a link.

A module of its own, imported by ``render.py`` for the definition fragment: the figures' cache key
follows ``render.py`` and what it imports, and must not follow the explorer's formula printer.
"""

from __future__ import annotations

from activations import Activation

# Kinds in the explorer: curves of x, and the slices that the figures of the several-input kinds draw
# ("vector": y₁ of f(x, c); "gated": f against its gate half), the other input on a slider.
SUPPORTED = ("elementwise", "concat", "vector", "gated")

ASSETS = ("special.js", "functions.js", "explorer.js")  # in the order a page loads them


def page_block(act: Activation, base: str = "../../") -> str:
    """What an activation page shows of the explorer, in its definition fragment: for an activation
    with parameters a compact explorer of its own (sliders, f and f'), and for every supported one a
    link to the explorer with it chosen. ``base`` leads from the page to the site's root."""
    if act.kind not in SUPPORTED:
        return ""
    link = f"\n[Explore {act.name} in the explorer](../explorer.md?a={act.slug}), or compare it with others.\n"
    other_input = act.kind == "gated" or (act.kind == "vector" and not act.threshold)  # on a slider
    if not act.params and not other_input:
        return link
    scripts = "\n".join(f'<script src="{base}assets/explorer/{name}" defer></script>' for name in ASSETS)
    lead = ("Move the other input to see the slice of the figures change:" if not act.params and other_input
            else "Move the parameters to see $f$ and $f'$ change (the frameworks' values are marked):")
    return (f"\n{lead}\n\n"
            f'<link rel="stylesheet" href="{base}assets/explorer/explorer.css">\n'
            f'<div class="explorer explorer--compact" data-explorer data-activation="{act.slug}" '
            f'data-base="{base}" markdown="0"></div>\n{scripts}\n' + link)
