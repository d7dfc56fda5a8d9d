"""Where the frameworks differ: defaults, keyword names, forms and gradients at the kinks.

Everything here is read from the declarations, the same data the "In the
frameworks" tabs run (``tabs.setting`` reads each call's parameter values,
the keyword each is written with, and the variant it selects) and the same
``framework_kink_derivative`` the tests check by running each framework's
autodiff. For one activation :func:`markdown` is the table appended to its
"In the frameworks" section; :func:`page` collects every activation that has
a difference on one page. An activation whose frameworks agree on everything
gets no table.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from fractions import Fraction

import sympy as sp

import derive
import tabs
from activations import Activation, by_kink, number

ANCHOR = "where-the-frameworks-differ"
HEADING = "### Where the frameworks differ"
# Greek letters as the kink statements write them, and the SymPy names of the declarations.
GREEK = {"α": "alpha", "β": "beta", "λ": "lamda", "θ": "theta", "γ": "gamma"}


@dataclass
class Differences:
    """What differs for one activation; empty lists where everything agrees."""

    act: Activation
    settings: list[tabs.Setting]
    values: list[str] = field(default_factory=list)  # parameters whose value differs between calls
    keywords: list[str] = field(default_factory=list)  # parameters written under different names
    forms: bool = False  # the calls compute different variants (GELU exact or tanh)
    kinks: list[str] = field(default_factory=list)  # kinks (as declared) where the derivatives differ

    def __bool__(self) -> bool:
        return bool(self.values or self.keywords or self.forms or self.kinks)

    def summary(self) -> list[str]:
        """The kinds of difference, in words."""
        found = []
        if self.values:
            found.append("the default " + " and ".join(f"`{name}`" for name in self.values))
        if self.keywords:
            found.append("the keyword name of " + " and ".join(f"`{name}`" for name in self.keywords))
        if self.forms:
            found.append("which form they compute")
        if self.kinks:
            points = " and ".join(f"x = {_number_text(k)}" for k in self.kinks)
            found.append(f"the gradient at {points}")
        return found


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def _number_text(key: str) -> str:
    value = number(key)
    text = str(value.numerator) if value.denominator == 1 else f"{float(value):g}"
    return text.replace("-", "−")


def _value_text(value: Fraction) -> str:
    return f"{float(value):g}"


def _kink_value(act: Activation, text: str):
    """A kink statement as a number at the defaults ("α" is the slope), or its text when it is not one."""
    head = re.split(r" \(", text, maxsplit=1)[0].strip()
    for letter, name in GREEK.items():
        head = head.replace(letter, f" {name} ")
    head = re.sub(r"(?<=[\w)])\s+(?=[\w(])", "*", head.strip())  # "λ α" -> "λ*α"
    try:
        expr = derive.parse(act, head).subs(derive.parameter_values(act))
    except Exception:  # noqa: BLE001 - free text ("no gradient"): compared as text
        return text
    if expr.free_symbols or not expr.is_number:
        return text
    return sp.nsimplify(expr)


def compare(act: Activation) -> Differences:
    """The differences of one activation. A function called twice (``tf.nn.silu(x, beta=1.0)`` and
    ``tf.nn.silu(x, beta=2.0)``) counts once, with its first call: the defaults written out; a later
    call shows another setting."""
    settings, seen = [], set()
    for fw in act.frameworks:
        for call in fw.calls:
            if _call_name(call) not in seen:
                seen.add(_call_name(call))
                settings.append(tabs.setting(act, fw, call))
    result = Differences(act, settings)
    if not settings:
        return result
    defaults = {p.name: float(number(p.default)) for p in act.params}
    for p in act.params:  # as floats: a call's 0.3333333333333333 is the declared 1/3
        values = {float(s.values[p.name]) for s in settings}
        if len(values) > 1 or values != {defaults[p.name]}:
            result.values.append(p.name)
        if len({s.spelled[p.name] for s in settings if s.spelled[p.name]}) > 1:
            result.keywords.append(p.name)
    result.forms = len({s.variant for s in settings}) > 1
    snippet = by_kink(act.kink_derivative)
    for key, by_framework in by_kink(act.framework_kink_derivative).items():
        seen = {str(_kink_value(act, text)) for text in by_framework.values()}
        if key in snippet:
            seen.add(str(_kink_value(act, snippet[key])))
        if len(seen) > 1:
            result.kinks.append(key)
    return result


def _call_name(call: str) -> str:
    """``torch.nn.LeakyReLU(negative_slope=0.01)`` -> ``torch.nn.LeakyReLU``; an expression stays whole."""
    tree = ast.parse(call, mode="eval").body
    func = tree.func if isinstance(tree, ast.Call) else None
    while isinstance(func, ast.Attribute):  # a dotted name: torch.nn.functional.gelu
        func = func.value
    return ast.unparse(tree.func) if isinstance(func, ast.Name) else call


def _framework_links(act: Activation) -> dict[str, str]:
    return {fw.name: fw.url for fw in act.frameworks if fw.url}


def shown_parameters(d: Differences) -> list:
    """The parameters the table shows: those whose value or keyword differs."""
    return [p for p in d.act.params if p.name in d.values or p.name in d.keywords]


def _parameter_table(d: Differences) -> str:
    act = d.act
    shown = shown_parameters(d)
    columns = [f"`{p.name}`" for p in shown] + (["Form"] if d.forms else [])
    if not columns:
        return ""
    links = _framework_links(act)
    md = "| Framework | Call | " + " | ".join(columns) + " |\n|---|---|" + "---|" * len(columns) + "\n"
    md += "| NumPy snippet | " + f"`{act.slug}`" + " | "
    md += " | ".join([_value_text(number(p.default)) for p in shown] + (["the definition"] if d.forms else [])) + " |\n"
    for s in d.settings:
        name = f"[{s.framework}]({links[s.framework]})" if s.framework in links else s.framework
        cells = []
        for p in shown:
            written = s.spelled[p.name]
            value = _value_text(s.values[p.name])
            cells.append(f"`{written}={value}`" if written else value)
        if d.forms:
            cells.append(s.variant or "the definition")
        call = _call_name(s.call).replace("|", "\\|")
        md += f"| {name} | `{call}` | " + " | ".join(cells) + " |\n"
    return md


def _kink_table(d: Differences) -> str:
    if not d.kinks:
        return ""
    act = d.act
    names = [n for n in tabs.ORDER if any(n in v for v in act.framework_kink_derivative.values())]
    snippet = by_kink(act.kink_derivative)
    declared = by_kink(act.framework_kink_derivative)
    md = "| $x$ | NumPy snippet | " + " | ".join(names) + " |\n|---|---|" + "---|" * len(names) + "\n"
    for key in d.kinks:
        ours = f"${sp.latex(derive.parse(act, snippet[key]))}$" if key in snippet else "—"
        cells = [declared[key].get(n, "not run") for n in names]
        md += f"| ${sp.latex(sp.Rational(number(key)))}$ | {ours} | " + " | ".join(cells) + " |\n"
    versions = ", ".join(f"{n} {tabs.CHECKED[n][1]}" for n in names if n in tabs.CHECKED)
    md += (f"\nThe derivative each framework's autodiff returns at the kink, measured by running it "
           f"({versions}; `tests/test_frameworks.py` runs them again on every test run).\n")
    return md


def markdown(act: Activation, heading: bool = True) -> str:
    """The differences of one activation, as appended to its "In the frameworks" section."""
    d = compare(act)
    if not d:
        return ""
    md = f"{HEADING}\n\n" if heading else ""
    md += "They differ in " + "; ".join(d.summary()) + ".\n\n"
    table = _parameter_table(d)
    if table:
        md += table + "\n"
    if shown_parameters(d):
        md += ("Each value is what the call computes with, as the tabs above run it: in code font where the call "
               "writes it with that keyword, plain where the call does not name it (a default, a value set "
               "elsewhere in the tab, or one the function fixes).\n\n")
    md += _kink_table(d)
    return md


def page(acts: list[Activation]) -> str:
    """Every activation whose frameworks differ, with its tables, and a summary first."""
    found = [d for d in (compare(a) for a in acts) if d]
    md = "| Activation | What differs |\n|---|---|\n"
    for d in found:
        md += f"| [{d.act.name}](../activations/{d.act.slug}.md#{ANCHOR}) | {_sentence_case('; '.join(d.summary()))} |\n"
    for d in found:
        md += f"\n## {d.act.name}\n\n"
        md += markdown(d.act, heading=False)
        md += f"\nThe tabs of [{d.act.name}'s page](../activations/{d.act.slug}.md#in-the-frameworks) run every call.\n"
    return md
