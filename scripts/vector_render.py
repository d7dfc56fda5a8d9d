"""LaTeX and Markdown for the pages of the vector-valued kinds (vector, gated, concat).

The display helpers (:func:`ordered_latex`, :func:`range_latex`, :func:`kink_rows`)
give the LaTeX that ``vector.facts`` and ``gated.gated_facts`` store; the
``*_md`` functions turn those facts (``facts.Facts.vector``) into the page
fragments, with no case for one activation in particular (``render.py``
calls them).
"""

from __future__ import annotations

import sympy as sp

import derive
import tex
from tex import latex


def ordered_latex(expr) -> str:
    """LaTeX in the declared order (y_i (δ_ij − y_j), not (δ_ij − y_j) y_i)."""
    return sp.latex(expr, order="none", ln_notation=True)


NUMERICAL_NOTE = r"\ \text{(computed numerically)}"


def _math(latex: str) -> str:
    """Inline math for a table cell, with range_latex's note as text after it, so the cell can wrap."""
    if latex.endswith(NUMERICAL_NOTE):
        return f"${latex[:-len(NUMERICAL_NOTE)]}$ (computed numerically)"
    return f"${latex}$"


def range_latex(rng) -> str:
    """The range in LaTeX; an end found numerically (a Float) is marked as such."""
    if rng is None:
        return ""
    ends = [rng.inf, rng.sup] if isinstance(rng, sp.Interval) else list(getattr(rng, "args", ()))
    numerical = any(isinstance(v, sp.Float) for v in ends)
    return tex.interval_latex(rng) + (NUMERICAL_NOTE if numerical else "")


def kink_rows(expr: sp.Expr) -> list[dict]:
    rows = []
    for k in derive.kinks(expr, set()):
        rows.append({"point": latex(k.point), "left_quotient": latex(k.left_quotient),
                     "right_quotient": latex(k.right_quotient), "continuous": k.continuous is True,
                     "differentiable": k.differentiable is True})
    return rows


# --------------------------------------------------------------------------
# Markdown: the page fragments of a vector or gated activation
# --------------------------------------------------------------------------


def _yes(flag: bool | None) -> str:
    return {True: "yes", False: "no", None: "not decided by SymPy"}[flag]


def _tuple(items) -> str:
    return r"\left(" + ", ".join(items) + r"\right)"


def _sizes(v: dict) -> str:
    return ", ".join(map(str, v["proved_sizes"]))


def _match_text(lhs: str, found: list[dict]) -> str:
    """'$lhs = σ(z)$, the [Sigmoid](sigmoid.md) (proved by SymPy)', or '$lhs$' when nothing matches."""
    if not found:
        return f"${lhs}$"
    return " and ".join(f"${lhs} = {m['symbol']}({m['argument']})$, the [{m['name']}]({m['slug']}.md)"
                        for m in found) + " (proved by SymPy)"


def concat_md(f) -> str:
    """The Jacobian of a concatenation, after the derivatives of its outputs."""
    v = f.vector
    blocks = r" \\ ".join(rf"\operatorname{{diag}}\bigl(f_{o + 1}'(x)\bigr)" for o in range(v["outputs"]))
    grads = " + ".join(rf"g^{{({o + 1})}}_j f_{o + 1}'(x_j)" for o in range(v["outputs"]))
    return (f"\nAs a map from $n$ inputs to ${v['outputs']}n$ outputs, its Jacobian stacks one diagonal block per "
            f"output, and a backward pass, given the gradients $g^{{(o)}}$ of the loss with respect to each "
            f"output, computes\n\n$$\nJ = \\begin{{bmatrix}} {blocks} \\end{{bmatrix}}, \\qquad "
            f"(J^\\top g)_j = {grads}\n$$\n\nSymPy checks every entry of $J$ for $n = {_sizes(v)}$ on each "
            "smooth piece (`scripts/gated.py`).\n")


def _general_definition(v: dict, sym: str) -> str:
    return (f"$$\n{sym}(a, b) = {v['expression']}\n$$\n\n"
            "The input is split into two halves of equal size along an axis: $a$, the first half, and $b$, the "
            "second; the output has half as many channels as the input. Neither half is a gate: the declaration "
            "gives the function of both.\n"
            + (f"\nWith the second half at 0, {_match_text(f'{sym}(z, 0)', v['at_b_zero_matches'])}.\n"
               if v["at_b_zero_matches"] else ""))


def _general_derivative(v: dict) -> str:
    ties = "".join(f" Where ${t['where']}$ the steps jump; there $\\theta(0) = {t['tie']}$, the value the snippet "
                   "returns (declared)." for t in v["ties"])
    return ("The $n$ outputs $y_i = f(a_i, b_i)$ depend on the $2n$ inputs through two diagonal blocks, one per "
            f"half:\n\n$$\n\\frac{{\\partial y_i}}{{\\partial a_j}} = \\delta_{{ij}}\\, {v['partial_a']}, \\qquad "
            f"\\frac{{\\partial y_i}}{{\\partial b_j}} = \\delta_{{ij}}\\, {v['partial_b']}\n$$\n\n"
            "with $a$ and $b$ standing for $a_i$ and $b_i$. SymPy differentiates $f(a_i, b_i)$ for "
            f"$n = {_sizes(v)}$ with respect to all $2n$ inputs and checks every entry against these blocks "
            f"(`scripts/gated.py`).{ties}\n")


def _general_properties(v: dict, sym: str) -> list:
    rows = [("Inputs and outputs", "$2n$ inputs, split into halves $a$ and $b$ along an axis; $n$ outputs"),
            ("Gate", "none: the declaration gives $f(a, b)$ itself")]
    if v["at_b_zero_matches"]:
        rows.append(("Second half at 0", _match_text(f"{sym}(z, 0)", v["at_b_zero_matches"])))
    rows += [("Smoothness", "C<sup>∞</sup>" if v["smooth"] else "not differentiable where "
              + " or ".join(f"${t['where']}$" for t in v["ties"]) if v["ties"] else "piecewise smooth"),
             ("Jacobian", f"two diagonal $n \\times n$ blocks (proved for $n = {_sizes(v)}$)")]
    return rows


def _general_differentiability(v: dict, sym: str) -> str:
    if not v["ties"]:
        return f"${sym}$ has no step in its partial derivatives; there is no kink to examine.\n"
    md = ("Each partial derivative is constant on either side of the places below and jumps there; the snippet "
          "returns the declared value on them:\n\n| where | $(\\partial_a f, \\partial_b f)$ below | "
          "$(\\partial_a f, \\partial_b f)$ above | $(\\partial_a f, \\partial_b f)$ there (declared) |\n"
          "|---|---|---|---|\n")
    for t in v["ties"]:
        md += (f"| ${t['where']}$ | ${_tuple(t['below'])}$ | ${_tuple(t['above'])}$ | ${_tuple(t['at'])}$ |\n")
    continuous = all(t["continuous"] for t in v["ties"])
    return md + ("\n\"Below\" and \"above\" are the sides where the left-hand side is negative and positive. "
                 f"${sym}$ is {'continuous there (SymPy: equal one-sided limits)' if continuous else 'not continuous'}"
                 " and not differentiable: the declared value there is a choice, not a derivative.\n")


def definition_md(f) -> str:
    v, sym = f.vector, f.symbol
    if v.get("general"):
        return _general_definition(v, sym)
    if v["kind"] == "gated":
        gate, value = v["gate_symbol"], v["value_symbol"]
        md = (f"$$\n{sym}(a, b) = {v['expression']}\n$$\n\n"
              "The input is split into two halves of equal size along an axis: $a$, the first half, and $b$, the "
              "second; the output has half as many channels as the input. "
              + (f"The gate is the {v['gate']} half, ${gate}$: SymPy proves that ${sym}(a, b) = {value}\\, g({gate})$, "
                 f"linear in ${value}$, with the gate function\n\n$$\ng(x) = {v['gate_function']}\n$$\n"
                 if not v.get("value_function") else
                 f"The gate is the {v['gate']} half, ${gate}$, and the value half ${value}$ enters through a "
                 f"function of its own: ${sym}(a, b) = h({value})\\, g({gate})$ with\n\n$$\n"
                 f"g(x) = {v['gate_function']}, \\qquad h(x) = {v['value_function']}\n$$\n"))
        return md + (f"\nHere {_match_text('g(z)', v['gate_matches'])}.\n" if v["gate_matches"] else "")
    md = f"$$\n{sym}(x)_i = {v['component']}, \\qquad i = 1, \\dots, n\n$$\n"
    if v["threshold"]:
        regions_text = " and ".join(f"{count} for $n = {n}$" for n, count in v["regions"].items())
        md += (f"\nwith the threshold\n\n$$\n\\tau = {v['threshold']}\n$$\n\n"
               "where $x_1, \\dots, x_m$ are the inputs in the support $S = \\{i : x_i > \\tau\\}$, which are the "
               "$m = |S|$ largest. To find $m$, sort $x$ in decreasing order and take the largest $k$ for which the "
               "$k$-th largest input exceeds the threshold of the $k$ largest. Inputs with the same support form a "
               f"region ({regions_text}) on which ${sym}$ is one smooth expression.\n")
    shown = _tuple(v["example_output"]).replace(r"\approx ", "")
    approx = r"\approx" if any(o.startswith(r"\approx") for o in v["example_output"]) else "="
    zeros = v["example_zeros"]
    md += (f"\nFor example, ${sym}{_tuple(v['example_input'])} {approx} {shown}$"
           + (f": {zeros} of the 3 outputs {'is' if zeros == 1 else 'are'} exactly 0.\n" if zeros else ".\n"))
    return md


def derivative_md(f) -> str:
    v, sym = f.vector, f.symbol
    sizes = _sizes(v)
    if v.get("general"):
        return _general_derivative(v)
    if v["kind"] == "gated":
        gate, value = v["gate_symbol"], v["value_symbol"]
        return ("The $n$ outputs $y_i = f(a_i, b_i)$ depend on the $2n$ inputs through two diagonal blocks, one "
                + (f"per half:\n\n$$\n\\frac{{\\partial y_i}}{{\\partial {value}_j}} = \\delta_{{ij}}\\, g({gate}_i), "
                   f"\\qquad \\frac{{\\partial y_i}}{{\\partial {gate}_j}} = \\delta_{{ij}}\\, {value}_i\\, g'({gate}_i), "
                   f"\\qquad g'(x) = {v['gate_derivative']}\n$$\n\n" if not v.get("value_function") else
                   f"per half:\n\n$$\n\\frac{{\\partial y_i}}{{\\partial {value}_j}} = \\delta_{{ij}}\\, h'({value}_i)"
                   f"\\, g({gate}_i), \\qquad \\frac{{\\partial y_i}}{{\\partial {gate}_j}} = \\delta_{{ij}}\\, "
                   f"h({value}_i)\\, g'({gate}_i)\n$$\n\nwith\n\n$$\ng'(x) = {v['gate_derivative']}, \\qquad "
                   f"h'(x) = {v['value_derivative']}\n$$\n\n")
                + f"SymPy differentiates $f(a_i, b_i)$ for $n = {sizes}$ with respect to all $2n$ inputs, on each "
                "smooth piece of $g$, and checks every entry against these blocks (`scripts/gated.py`).\n")
    uses = f"With $y = {sym}(x)$"
    if "{s}_" in v["jacobian_rule"]:
        uses += r" and $s = \operatorname{softmax}(x)$"
    if "S}" in v["jacobian_rule"]:
        uses += r", $S$ its support and $\mathbb{1}_{i \in S}$ equal to 1 on it and 0 off it"
    where = (" on every region of inputs with the same support" if v["threshold"] else "")
    return (f"The output is a vector, so the derivative is a Jacobian matrix. {uses},\n\n"
            f"$$\n\\frac{{\\partial y_i}}{{\\partial x_j}} = {v['jacobian_rule']}\n$$\n\n"
            f"SymPy expands the definition for $n = {sizes}$ inputs, differentiates every component with respect "
            f"to every input{where} and checks every entry against this rule (`scripts/vector.py`). "
            "Backpropagation never builds the $n \\times n$ matrix: given the gradient $g$ of the loss with respect "
            "to $y$, it needs the vector-Jacobian product, which SymPy sums from the rule,\n\n"
            f"$$\n(J^\\top g)_j = \\sum_{{i=1}}^{{n}} g_i \\frac{{\\partial y_i}}{{\\partial x_j}} = {v['vjp']}\n$$\n\n"
            "so a backward pass costs $O(n)$, like the forward one.\n")


def properties_md(f) -> str:
    v, sym = f.vector, f.symbol
    sizes = _sizes(v)
    if v.get("general"):
        rows = _general_properties(v, sym)
    elif v["kind"] == "gated":
        gate, value = v["gate_symbol"], v["value_symbol"]
        rows = [("Inputs and outputs", "$2n$ inputs, split into halves $a$ and $b$ along an axis; $n$ outputs"),
                ("Gate", f"the {v['gate']} half, ${gate}$"),
                (f"Linear in ${value}$", f"yes (proved): ${sym}(a, b) = {value}\\, g({gate})$")
                if not v.get("value_function") else
                (f"Value factor $h({value})$", f"${sym}(a, b) = h({value})\\, g({gate})$ with "
                 f"$h(x) = {v['value_function']}$" + (f", range {_math(v['value_range'])}" if v["value_range"] else "")),
                ("Gate function", f"$g(x) = {v['gate_function']}$"
                 + (f"; {_match_text('g(z)', v['gate_matches'])}" if v["gate_matches"] else ""))]
        if v["gate_range"]:
            rows.append(("Range of $g$", _math(v['gate_range'])))
        rows += [("$g(0)$", f"${v['gate_at_zero']}$"),
                 ("Smoothness", "C<sup>∞</sup>" if v["smooth"] else "not differentiable where the gate is at a kink "
                  "of $g$: " + ", ".join(f"${gate} = {k['point']}$" for k in v["gate_kinks"])),
                 ("Jacobian", f"two diagonal $n \\times n$ blocks (proved for $n = {sizes}$)")]
    else:
        total = _yes(v["sums_to_one"]) + (f" (proved for $n = {sizes}$)" if v["sums_to_one"] is True else "")
        if v["exp_sums_to_one"]:
            total = f"no; their exponentials do: $\\sum_i e^{{y_i}} = 1$ (proved for $n = {sizes}$)"
        two = _match_text(f"{sym}(z, 0)_1 = {v['two_inputs']}", v["two_inputs_matches"])
        if v["range_all_sizes"]:
            rng = ("Range of each component", f"{_math(v['two_inputs_range'])} (attained with two inputs; every component "
                   f"stays inside it for $n = {sizes}$, proved)")
        else:
            rng = ("Range of a component, two inputs", _math(v["two_inputs_range"]) if v["two_inputs_range"] else "—")
        rows = [rng,
                ("Components sum to 1", total),
                ("Invariant to adding a constant to every input",
                 _yes(v["shift_invariant"]) + (f" (proved): ${sym}(x + c) = {sym}(x)$"
                                               if v["shift_invariant"] is True else "")),
                ("Two inputs", two)]
        if v["threshold"]:
            rows += [("Euclidean projection onto the probability simplex",
                      "yes (the KKT conditions hold on every region, proved)" if v["projection"] else
                      "not proved"),
                     ("Sparse", "yes: outputs off the support are exactly 0" if v["example_zeros"] else "no")]
        kinks = " or ".join(f"${k}$" for k in v.get("kink_inputs", []))
        rows.append(("Smoothness", "C<sup>∞</sup>" if v["smooth"] else
                     "continuous; not differentiable where the support changes" if v["threshold"] else
                     f"piecewise smooth; its pieces meet where {kinks} for some input $i$" if kinks else
                     "piecewise smooth"))
        rows.append(("Cost", v["cost"]))
    md = "| Property | Value |\n|---|---|\n" + "".join(f"| {k} | {tex.table_cell(val)} |\n" for k, val in rows)
    source = "gated.py" if v["kind"] == "gated" else "vector.py"
    return md + f"\nEvery *proved* entry is decided by SymPy when the site is built (`scripts/{source}`).\n"


def differentiability_md(f) -> str:
    v, sym = f.vector, f.symbol
    if v.get("general"):
        return _general_differentiability(v, sym)
    if v["kind"] == "gated":
        if v["smooth"]:
            return (f"The gate function $g$ is one smooth expression, so ${sym}$ is infinitely differentiable "
                    "(C<sup>∞</sup>) in both halves; there is no kink to examine.\n")
        gate, value = v["gate_symbol"], v["value_symbol"]
        md = ("The value block $g({gate}_i)$ is continuous; the gate block ${value}_i\\, g'({gate}_i)$ jumps where "
              "$g$ has a kink:\n\n| kink of $g$ | $g'$ as $h \\to 0^-$ | $g'$ as $h \\to 0^+$ | verdict |\n"
              "|---|---|---|---|\n").replace("{gate}", gate).replace("{value}", value)
        for k in v["gate_kinks"]:
            verdict = "differentiable" if k["differentiable"] else \
                f"not differentiable in ${gate}$ unless ${'h(' + value + ')' if v.get('value_function') else value} = 0$"
            md += f"| ${gate} = {k['point']}$ | ${k['left_quotient']}$ | ${k['right_quotient']}$ | {verdict} |\n"
        if v.get("value_function") and v["value_kinks"]:
            md += (f"\nThe value factor $h$ has kinks of its own; where ${value}$ is at one, the value block "
                   f"$h'({value}_i)\\, g({gate}_i)$ jumps:\n\n| kink of $h$ | $h'$ as $h \\to 0^-$ | $h'$ as $h \\to 0^+$ | "
                   "verdict |\n|---|---|---|---|\n").replace("$h'$ as $h \\to", "$h'$ as $t \\to")
            for k in v["value_kinks"]:
                verdict = "differentiable" if k["differentiable"] else \
                    f"not differentiable in ${value}$ unless $g({gate}) = 0$"
                md += f"| ${value} = {k['point']}$ | ${k['left_quotient']}$ | ${k['right_quotient']}$ | {verdict} |\n"
        return md
    if v["smooth"]:
        return (f"${sym}$ is built from smooth functions with no piecewise part (SymPy finds none in its "
                "definition), so it is infinitely differentiable (C<sup>∞</sup>) everywhere.\n")
    kinks = v["two_inputs_kinks"]
    if not v["threshold"]:  # non-smooth parts (Max, Abs, ...) but no support to track
        where = " or ".join(f"${k}$" for k in v.get("kink_inputs", []))
        md = (f"${sym}$ has non-smooth parts (SymPy finds them in its definition)"
              + (f"; they switch where {where} for some input $i$" if where else "")
              + ". Between those places it is one smooth expression, so infinitely differentiable; where an input "
              "reaches one, the Jacobian's one-sided limits can differ.\n")
        if kinks:
            md += (f"\nWith two inputs, ${sym}(z, 0)_1$ has kinks; its one-sided difference quotients there differ: "
                   + "; ".join(f"at $z = {k['point']}$, ${k['left_quotient']}$ from the left and "
                               f"${k['right_quotient']}$ from the right"
                               + ("" if k["continuous"] else " (it is not continuous there)") for k in kinks) + ".\n")
        return md
    md = (f"${sym}$ is one smooth expression on each region of inputs with the same support. Where the support "
          "changes, an input crosses the threshold: SymPy checks, for every such boundary, that the expressions on "
          "both sides agree there (continuity) and whether their Jacobians do.\n\n"
          "| $n$ | support | where | continuous | differentiable |\n|---|---|---|---|---|\n")
    for b in v["boundaries"]:
        md += (f"| {b['n']} | $\\{{{b['from']}\\}} \\to \\{{{b['to']}\\}}$ | ${tex.table_cell(b['where'])}$ | "
               f"{_yes(b['continuous'])} | {_yes(b['differentiable'])} |\n")
    if kinks:
        md += (f"\nWith two inputs, ${sym}(z, 0)_1$ has kinks where the support changes; its one-sided "
               "derivatives there differ: " + "; ".join(
                   f"at $z = {k['point']}$, ${k['left_quotient']}$ from the left and ${k['right_quotient']}$ from the "
                   "right" for k in kinks) + ".\n")
    return md
