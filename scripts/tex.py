"""LaTeX for the pages: expressions, the conditions of pieces, cases, intervals and approximate numbers."""

from __future__ import annotations

import sympy as sp


def latex(expr) -> str:
    return sp.latex(expr, ln_notation=True)


def table_cell(text: str) -> str:
    """Markdown for a table cell: a `|` (from Abs, |x|) would end the cell, so LaTeX gets \\lvert, \\rvert, \\vert."""
    text = text.replace(r"\left|", r"\left\lvert ").replace(r"\right|", r"\right\rvert ")
    return text.replace(r"\|", r"\Vert ").replace("|", r"\vert ")


def condition_latex(interval: sp.Set) -> str:
    """x < 0, 0 \\le x < 6, x \\neq 0 ... for the set a piece lives on."""
    if interval == sp.S.Reals:
        return ""
    if isinstance(interval, sp.Union) and all(isinstance(a, sp.Interval) for a in interval.args):
        gaps = sp.S.Reals - interval
        if isinstance(gaps, sp.FiniteSet):
            return r"x \neq " + ", ".join(latex(v) for v in gaps)
    if isinstance(interval, sp.FiniteSet) and len(interval) == 1:
        return "x = " + latex(next(iter(interval)))
    if not isinstance(interval, sp.Interval):
        return r"x \in " + sp.latex(interval)
    lo, hi = interval.start, interval.end
    left = "" if lo == -sp.oo else latex(lo) + (" < " if interval.left_open else r" \le ")
    right = "" if hi == sp.oo else (" < " if interval.right_open else r" \le ") + latex(hi)
    if not left:
        return "x" + right
    if not right:
        return "x" + (" > " if interval.left_open else r" \ge ") + latex(lo)
    return left + "x" + right


def cases_latex(ps: list["Piece"], exclude: list[sp.Expr] = ()) -> str:
    """A piecewise expression as \\begin{cases}, merging equal neighbours."""
    merged: list[list] = []
    for p in ps:  # equal neighbours share a row, also across a single point (sinc's 0)
        candidates = merged[-1:] + (merged[-2:-1] if merged and isinstance(merged[-1][1], sp.FiniteSet) else [])
        same = next((m for m in candidates if m[0] == p.expr or sp.simplify(m[0] - p.expr) == 0), None)
        if same is not None:
            same[1] = sp.Union(same[1], p.interval)
        else:
            merged.append([p.expr, p.interval])
    if len(merged) == 1:
        expr, interval = merged[0]
        cond = condition_latex(interval)
        return latex(expr) + (r" \qquad (" + cond + ")" if cond else "")
    rows = [latex(e) + r" & " + condition_latex(i) for e, i in merged]
    return r"\begin{cases} " + r" \\ ".join(rows) + r" \end{cases}"


def _decimal(v: float, digits: int) -> str:
    """A float to ``digits`` significant digits, as LaTeX (2.06115 \\times 10^{-9}, not 2.06115e-09)."""
    text = f"{v:.{digits}g}"
    if "e" in text:
        mantissa, exponent = text.split("e")
        return f"{mantissa} \\times 10^{{{int(exponent)}}}"
    return text


def approx(value: sp.Expr, digits: int = 6) -> str:
    """Exact LaTeX when short, else ≈ a decimal."""
    if isinstance(value, sp.Float):  # a numerical result: never guess a closed form for it
        return (str(int(value)) if value == int(value) else r"\approx " + _decimal(float(value), digits))
    if value.is_Rational and (value.q > 1000 or abs(value.p) > 10**6):
        return r"\approx " + _decimal(float(value), digits)
    if value.is_number and not value.is_Rational and value.is_finite:
        text = sp.latex(value)
        if len(text) > 24:
            return r"\approx " + _decimal(float(value), digits)
        return text
    return sp.latex(value)


def interval_latex(s: sp.Set) -> str:
    if isinstance(s, sp.Interval):
        lo = approx(s.start).replace(r"\approx ", "")
        hi = approx(s.end).replace(r"\approx ", "")
        return ("(" if s.left_open else "[") + f"{lo}, {hi}" + (")" if s.right_open else "]")
    if isinstance(s, sp.FiniteSet):
        return r"\{" + ", ".join(approx(v) for v in sorted(s)) + r"\}"
    if isinstance(s, sp.Union):
        return r" \cup ".join(interval_latex(a) for a in s.args)
    return sp.latex(s)
