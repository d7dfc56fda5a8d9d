"""Everything the site states about one activation, derived once.

``facts(act)`` runs the SymPy derivation (``derive.py``) and returns plain
data: LaTeX strings, numbers and verdicts. The page fragments, the figures,
the comparison table and the tests all read this one structure.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sympy as sp

import derive
import vector
from activations import VECTOR_KINDS, Activation
from derive import X, approx, latex

SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


@dataclass
class KinkFacts:
    point: str  # LaTeX
    point_value: float
    value: str
    left_limit: str
    right_limit: str
    left_quotient: str
    right_quotient: str
    left_quotient_value: float | None
    right_quotient_value: float | None
    continuous: str  # "yes", "no" or "only for α = 1"
    differentiable: str
    differentiable_bool: bool  # at the default parameters
    snippet_value: str  # LaTeX of what the snippet returns, "" if differentiable
    snippet_value_float: float | None
    frameworks: dict[str, str]


@dataclass
class OutputFacts:
    """One output of the activation (CReLU has two)."""

    label: str
    definition: str  # LaTeX, symbolic parameters
    derivative: str  # LaTeX, valid away from the kinks
    kinks: list[KinkFacts]
    smoothness: str  # "C⁰", "C^∞", "discontinuous", ...
    range: str
    bounded_below: bool
    bounded_above: bool
    monotonic: str
    saturates_left: str
    saturates_right: str
    mean_standard_normal: float
    zero_centred: bool
    derivative_sup: str
    derivative_sup_value: float
    derivative_sup_where: str
    cost: str


@dataclass
class Facts:
    slug: str
    name: str
    symbol: str
    kind: str
    parameters: list[dict]
    constants: list[dict]
    defaults_note: str
    outputs: list[OutputFacts]
    learned: list[dict] = field(default_factory=list)  # ∂f/∂param
    identities: list[dict] = field(default_factory=list)
    vector: dict = field(default_factory=dict)  # kinds "vector" and "gated": vector.facts()
    softmax: dict = field(default_factory=dict)  # the same dict; render.comparison() still reads this name


def _solutions_text(solutions) -> str:
    parts = []
    for sol in solutions:
        parts.append(", ".join(f"${latex(k)} = {latex(v)}$" for k, v in sol.items()))
    return " or ".join(parts)


def _verdict(value) -> str:
    if value is True:
        return "yes"
    if value is False:
        return "no"
    return "only for " + _solutions_text(value)


def _smoothness(kinks: list[derive.Kink]) -> str:
    if not kinks:
        return "C^∞"
    order = min(k.smoothness for k in kinks)
    if order < 0:
        return "discontinuous"
    text = "C" + str(order).translate(SUPERSCRIPT)
    raising = [k.smoothness_if for k in kinks if k.smoothness == order and k.smoothness_if]
    if raising and len(raising) == len([k for k in kinks if k.smoothness == order]):
        higher, sols = raising[0]
        text += f" (C{str(higher).translate(SUPERSCRIPT)} for " + _solutions_text(sols) + ")"
    return text


def _value_at_defaults(expr: sp.Expr, act: Activation) -> sp.Expr:
    return sp.sympify(expr).subs(derive.parameter_values(act))


def _float(v: sp.Expr) -> float | None:
    v = sp.sympify(v)
    return float(v) if v.is_finite else None


def _cost(p: derive.Properties, expr: sp.Expr) -> str:
    if p.transcendental:
        return ", ".join(p.transcendental)
    if isinstance(sp.piecewise_fold(expr.rewrite(sp.Piecewise)), sp.Piecewise):
        return "comparison"
    return "none"


def _output(act: Activation, expr_symbolic: sp.Expr, label: str) -> OutputFacts:
    params = set(derive.symbols(act).values())
    constants = derive.parameter_values(act, constants_only=True)
    with_constants = expr_symbolic.subs(constants)
    kinks = derive.kinks(with_constants, params)
    # The same analysis with the constants kept as symbols, for display.
    shown_kinks = derive.kinks(expr_symbolic, params | set(constants))
    defaults = _value_at_defaults(with_constants, act)
    props = derive.properties(defaults)
    snippet_values = act.kink_derivative
    kink_facts = []
    default_kinks = {k.point: k for k in derive.kinks(defaults, set())}
    for k, ks in zip(kinks, shown_kinks):
        key = str(k.point)
        kd = default_kinks[k.point]
        differentiable_default = kd.differentiable is True
        if key not in snippet_values and not differentiable_default:
            raise derive.DeclarationError(
                act.slug, f"kink at x = {key} needs kink_derivative[{key!r}]: the value the snippet returns")
        shown = ""
        shown_value = None
        if key in snippet_values:
            v = derive.parse(act, snippet_values[key])
            v_default = _value_at_defaults(v.subs(constants), act)
            one_sided = {sp.simplify(kd.left_quotient), sp.simplify(kd.right_quotient)}
            if sp.simplify(v_default) not in one_sided and kd.continuous is True:
                raise derive.DeclarationError(
                    act.slug, f"kink_derivative at {key} = {v_default} is neither one-sided derivative {sorted(one_sided, key=str)}")
            shown, shown_value = latex(v), float(v_default)
        kink_facts.append(KinkFacts(
            point=latex(k.point), point_value=float(k.point),
            value=_shown(ks.value, k.value), left_limit=_shown(ks.left_limit, k.left_limit),
            right_limit=_shown(ks.right_limit, k.right_limit),
            left_quotient=_shown(ks.left_quotient, k.left_quotient),
            right_quotient=_shown(ks.right_quotient, k.right_quotient),
            left_quotient_value=_float(kd.left_quotient), right_quotient_value=_float(kd.right_quotient),
            continuous=_verdict(k.continuous), differentiable=_verdict(k.differentiable),
            differentiable_bool=differentiable_default,
            snippet_value=shown, snippet_value_float=shown_value,
            frameworks=dict(act.framework_kink_derivative.get(key, {})),
        ))
    unknown = set(snippet_values) - {str(k.point) for k in kinks}
    if unknown:
        raise derive.DeclarationError(act.slug, f"kink_derivative names {sorted(unknown)}, not kinks of the expression")
    where = props.derivative_sup_where
    if where is sp.S.EmptySet:
        where_text = f"not attained; approached as ${props.derivative_sup_approached}$"
    elif isinstance(where, sp.FiniteSet):
        where_text = "at $x = " + ", ".join(latex(v) for v in where) + "$"
    elif where == sp.S.Reals:
        where_text = "everywhere"
    else:
        where_text = f"for $x \\in {derive.interval_latex(where)}$"
    return OutputFacts(
        label=label,
        definition=derive.cases_latex(derive.pieces(expr_symbolic)),
        derivative=derive.cases_latex(derive.derivative_pieces(expr_symbolic)),
        kinks=kink_facts,
        smoothness=_smoothness(kinks),
        range=derive.interval_latex(props.range),
        bounded_below=props.bounded_below,
        bounded_above=props.bounded_above,
        monotonic=props.monotonic,
        saturates_left=props.saturates_left,
        saturates_right=props.saturates_right,
        mean_standard_normal=props.mean_standard_normal,
        zero_centred=props.zero_centred,
        derivative_sup=approx(props.derivative_sup),
        derivative_sup_value=float(props.derivative_sup),
        derivative_sup_where=where_text,
        cost=_cost(props, defaults),
    )


def _shown(symbolic: sp.Expr, value: sp.Expr) -> str:
    """Symbolic form, followed by its value when constants were substituted."""
    if symbolic == value or not value.is_finite or sp.simplify(symbolic - value) == 0:
        return latex(symbolic)
    shown = approx(sp.sympify(value))
    return latex(symbolic) + (" " if shown.startswith("\\approx") else " = ") + shown


def _param_rows(params) -> list[dict]:
    return [{"name": p.name, "symbol": latex(sp.Symbol(p.symbol)), "default": p.default,
             "description": p.description, "learned": p.learned} for p in params]


def facts(act: Activation) -> Facts:
    result = Facts(
        slug=act.slug, name=act.name, symbol=act.symbol, kind=act.kind,
        parameters=_param_rows(act.params), constants=_param_rows(act.constants),
        defaults_note=", ".join(f"${latex(sp.Symbol(p.symbol))} = {p.default}$" for p in act.params),
        outputs=[],
    )
    if act.kind in VECTOR_KINDS or act.kind == "gated":
        result.vector = result.softmax = vector.facts(act)
        result.identities = result.vector["identities"]
        if act.kind in VECTOR_KINDS:  # the names render.comparison() reads
            result.vector["component_range"] = result.vector["two_inputs_range"]
            result.vector["two_class_is_sigmoid"] = {"slug": "sigmoid", "argument": "z"} in [
                {"slug": m["slug"], "argument": m["argument"]} for m in result.vector["two_inputs_matches"]]
        return result
    exprs = derive.outputs(act, constants=False)
    labels = ["f"] if len(exprs) == 1 else [f"output {n + 1}" for n in range(len(exprs))]
    result.outputs = [_output(act, e, label) for e, label in zip(exprs, labels)]
    syms = derive.symbols(act)
    for p in act.params:
        if p.learned:
            d = sp.diff(exprs[0], syms[p.symbol])
            result.learned.append({"symbol": latex(syms[p.symbol]), "name": p.name, "derivative": latex(d)})
    result.identities = [
        {"text": i.text, "lhs": i.lhs_latex, "rhs": i.rhs_latex} for i in derive.identities(act)
    ]
    return result


__all__ = ["Facts", "KinkFacts", "OutputFacts", "facts", "X"]
