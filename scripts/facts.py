"""Everything the site states about one activation, derived once.

``facts(act)`` runs the SymPy derivation (``derive.py``) and returns plain
data: LaTeX strings, numbers and verdicts. The page fragments, the figures,
the comparison table and the tests all read this one structure.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sympy as sp

import derive
import gated
import proofs
import properties
import tex
import vector
from activations import VECTOR_KINDS, Activation, by_kink, shown
from derive import X
from tex import approx, latex

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
    # inf f' (negative for a function that is not non-decreasing: GELU, SiLU, Mish), and sup |f'|.
    derivative_inf: str = "0"
    derivative_inf_value: float = 0.0
    derivative_inf_where: str = ""
    derivative_abs_sup_value: float = 0.0
    # Interior local minima and maxima of f: dicts with kind, x, value (LaTeX), x_value, value_value
    # (floats), global (bool), numerical (bool).
    extrema: list[dict] = field(default_factory=list)
    # Properties computed numerically (to properties.NUMERICAL_DIGITS digits), among "range",
    # "derivative" (sup and inf of f'), "monotonic", "extrema", "saturation".
    numerical: list[str] = field(default_factory=list)
    # For the figures: where f is saturated, as (start, end) pairs with ±inf ends. A side is saturated
    # only if f' → 0 in that tail (properties.saturation_spans); the span ends where |f'| first reaches
    # properties.SATURATION_FRACTION (5 %) of sup |f'| coming from that side. Empty: no saturation.
    saturation_spans: list[tuple[float, float]] = field(default_factory=list)
    # True when the kinks were analysed at the default parameters (their position depends on a
    # parameter, as Hardtanh's bounds do, or a condition does); the page says so.
    kinks_at_defaults: bool = False
    extrema_infinite: bool = False  # f' has infinitely many zeros (sinc, x·cos x): extrema lists the first
    # Wikipedia's columns: is f' monotonic where it exists ("non-decreasing", ..., "no"; numerical is
    # listed as "derivative monotonic" in ``numerical``), and does f approximate the identity near 0
    # (f(0) = 0, f'(0) = 1) at the defaults, with the text "yes", "no", "yes (only for α = 1)".
    derivative_monotonic: str = ""
    identity_near_origin: bool = False
    identity_near_origin_text: str = ""


NUMERICAL = f"numerical, {properties.NUMERICAL_DIGITS} digits"


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
    vector: dict = field(default_factory=dict)  # vector.facts(), or gated.concat_facts() for "concat"
    softmax: dict = field(default_factory=dict)  # the same dict; render.comparison() still reads this name
    # Named variants (activations.Variant): label, description, kwargs, facts (a Facts of
    # derive.variant_activation), max_difference (LaTeX), max_difference_value, where, numerical.
    variants: list[dict] = field(default_factory=list)
    # Stochastic training mode (activations.Stochastic): symbol, low, high, mean, evaluation,
    # evaluation_derivative (LaTeX), description; empty if none.
    stochastic: dict = field(default_factory=dict)


def _solutions_text(solutions) -> str:
    parts = []
    for sol in solutions:
        parts.append(", ".join(f"${latex(k)} = {latex(v)}$" for k, v in sol.items()))
    return " or ".join(parts)


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


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
    if order >= derive.SMOOTH:  # removable points only (sinc at 0)
        return "C^∞"
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


CHEAP = ("Abs", "sign", "Heaviside")  # a comparison or a sign flip, not a function evaluation


def _cost(p: properties.Properties, expr: sp.Expr) -> str:
    """The functions evaluated per element (exp, erf, a square root), else "comparison" or "none"."""
    names = [{"Phi": "erf"}.get(n, n) for n in p.transcendental if n not in CHEAP]  # Φ is computed with erf(c)
    roots = [q for q in expr.atoms(sp.Pow) if q.exp.is_Rational and not q.exp.is_Integer and q.base.has(derive.X)]
    if roots:
        names.append("sqrt" if all(abs(q.exp) == sp.S.Half for q in roots) else "root")
    if names:
        return ", ".join(names)
    if isinstance(sp.piecewise_fold(expr.rewrite(sp.Piecewise)), sp.Piecewise):
        return "comparison"
    if any(n in CHEAP for n in p.transcendental):
        return "comparison"
    return "none"


def _output(act: Activation, expr_symbolic: sp.Expr, label: str) -> OutputFacts:
    params = set(derive.symbols(act).values())
    constants = derive.parameter_values(act, constants_only=True)
    values = derive.parameter_values(act)
    with_constants = expr_symbolic.subs(constants)
    kinks, at_defaults = derive.kinks_or_defaults(with_constants, params, values)
    # The same analysis with the constants kept as symbols, for display.
    shown_kinks = kinks
    if not at_defaults:
        shown, shown_at_defaults = derive.kinks_or_defaults(expr_symbolic, params | set(constants), values)
        shown_kinks = kinks if shown_at_defaults or len(shown) != len(kinks) else shown
    defaults = _value_at_defaults(with_constants, act)
    try:
        props = properties.properties(defaults)
    except properties.PropertyError as err:
        raise derive.DeclarationError(act.slug, str(err)) from err
    snippet_values = by_kink(act.kink_derivative)
    framework_values = by_kink(act.framework_kink_derivative)
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
            frameworks=dict(framework_values.get(key, {})),
        ))
    unknown = set(snippet_values) - {str(k.point) for k in kinks}
    if unknown:
        raise derive.DeclarationError(act.slug, f"kink_derivative names {sorted(unknown)}, not kinks of the expression")
    try:
        definition = tex.cases_latex(derive.pieces(expr_symbolic, allow_points=True))
        derivative_text = tex.cases_latex(derive.derivative_pieces(expr_symbolic))
    except (derive.ParametricPieces, NotImplementedError, TypeError):  # conditions on parameters
        definition, derivative_text = latex(expr_symbolic), latex(derive.diff(expr_symbolic, X))
    numerical = list(props.numerical)
    abs_sup = props.derivative_abs_sup
    try:
        monotonic_derivative, numeric = properties.derivative_monotonic(defaults)
    except Exception as err:
        raise derive.DeclarationError(act.slug, f"monotonic derivative: {type(err).__name__}: {err}") from err
    if numeric:
        numerical.append("derivative monotonic")
    near_identity = properties.identity_near_origin(defaults)
    try:  # for which parameter values, when SymPy can say (not for conditions on a parameter)
        symbolic = properties.identity_near_origin(with_constants, params & with_constants.free_symbols)
    except (derive.ParametricPieces, NotImplementedError, TypeError, StopIteration):
        symbolic = near_identity
    identity_text = _yes(near_identity) + ("" if symbolic in (True, False) else
                                          (" (only for " if near_identity else " (yes for ")
                                          + _solutions_text(symbolic) + ")")
    return OutputFacts(
        label=label,
        definition=definition,
        derivative=derivative_text,
        kinks=kink_facts,
        smoothness=_smoothness(kinks),
        range=tex.interval_latex(props.range),
        bounded_below=props.bounded_below,
        bounded_above=props.bounded_above,
        monotonic=props.monotonic,
        saturates_left=props.saturates_left,
        saturates_right=props.saturates_right,
        mean_standard_normal=props.mean_standard_normal,
        zero_centred=props.zero_centred,
        derivative_sup=approx(props.derivative_sup),
        derivative_sup_value=float(props.derivative_sup),
        derivative_sup_where=_where_text(props.derivative_sup_where, props.derivative_sup_approached),
        cost=_cost(props, defaults),
        derivative_inf=approx(props.derivative_inf),
        derivative_inf_value=float(props.derivative_inf),
        derivative_inf_where=_where_text(props.derivative_inf_where, props.derivative_inf_approached),
        derivative_abs_sup_value=float(abs_sup),
        extrema=[{"kind": e.kind, "x": approx(e.x), "value": approx(e.value), "x_value": float(e.x),
                  "value_value": float(e.value), "global": e.is_global, "numerical": e.numerical}
                 for e in props.extrema],
        numerical=numerical,
        saturation_spans=list(props.saturation_spans),
        kinks_at_defaults=at_defaults,
        extrema_infinite=props.extrema_infinite,
        derivative_monotonic=monotonic_derivative,
        identity_near_origin=near_identity,
        identity_near_origin_text=identity_text,
    )


MANY = 5  # more points than this where a bound is reached: show the 3 nearest 0


def _where_text(where: sp.Set, approached: str) -> str:
    """Where a bound of f' is attained, as page text."""
    if where is sp.S.EmptySet:
        return f"not attained; approached as ${approached}$" if approached else "not attained"
    if isinstance(where, sp.FiniteSet):
        points = sorted(where, key=float)
        more = ""
        if len(points) > MANY:  # f' oscillates (sin x): the points nearest 0, and how many the scan found
            points = sorted(sorted(points, key=lambda v: abs(float(v)))[:3], key=float)
            more = (f", \\ldots$, {len(where)} such points in the scanned "
                    f"$[-{properties.SCAN_WINDOW:g}, {properties.SCAN_WINDOW:g}]$ and more beyond")
        shown = [approx(v) for v in points]
        if any(v.startswith("\\approx") for v in shown):
            return "at $x " + ", ".join(shown) + (more or "$")
        return "at $x = " + ", ".join(shown) + (more or "$")
    if where == sp.S.Reals:
        return "everywhere"
    return f"for $x \\in {tex.interval_latex(where)}$"


def _shown(symbolic: sp.Expr, value: sp.Expr) -> str:
    """Symbolic form, followed by its value when constants were substituted."""
    if symbolic == value or not value.is_finite or sp.simplify(symbolic - value) == 0:
        return latex(symbolic)
    shown = approx(sp.sympify(value))
    return latex(symbolic) + (" " if shown.startswith("\\approx") else " = ") + shown


def _param_rows(params) -> list[dict]:
    return [{"name": p.name, "symbol": latex(sp.Symbol(p.symbol)), "default": shown(p.default),
             "description": p.description, "learned": p.learned} for p in params]


def facts(act: Activation) -> Facts:
    result = Facts(
        slug=act.slug, name=act.name, symbol=act.symbol, kind=act.kind,
        parameters=_param_rows(act.params), constants=_param_rows(act.constants),
        defaults_note=", ".join(f"${latex(sp.Symbol(p.symbol))} = {shown(p.default)}$" for p in act.params),
        outputs=[],
    )
    if act.kind in VECTOR_KINDS or act.kind == "gated":
        result.vector = result.softmax = vector.facts(act)
        result.identities = result.vector["identities"]
        if act.kind in VECTOR_KINDS:  # the names render.comparison() reads
            # the slice (z, 0)'s range is every component's where that is proved for every size, or for a
            # function of the differences (log-softmax, sparsemax); not for SoLU, whose first output is
            # unbounded below once the second input is free, nor softpick
            if result.vector.get("range_all_sizes") or result.vector["shift_invariant"]:
                result.vector["component_range"] = result.vector["two_inputs_range"]
            result.vector["two_class_is_sigmoid"] = {"slug": "sigmoid", "argument": "z"} in [
                {"slug": m["slug"], "argument": m["argument"]} for m in result.vector["two_inputs_matches"]]
        for variant in act.variants:  # gated kinds: GeGLU's exact form, gpt-oss's clamped SwiGLU
            result.variants.append(_variant(act, variant))
        return result
    exprs = derive.outputs(act, constants=False)
    labels = ["f"] if len(exprs) == 1 else [f"output {n + 1}" for n in range(len(exprs))]
    result.outputs = [_output(act, e, label) for e, label in zip(exprs, labels)]
    if act.kind == "concat":  # its Jacobian: one diagonal block per output
        result.vector = gated.concat_facts(act)
    syms = derive.symbols(act)
    for p in act.params:
        if p.learned:
            d = derive.diff(exprs[0], syms[p.symbol])
            result.learned.append({"symbol": latex(syms[p.symbol]), "name": p.name, "derivative": latex(d)})
    result.identities = [
        {"text": i.text, "lhs": i.lhs_latex, "rhs": i.rhs_latex} for i in proofs.identities(act)
    ]
    if act.stochastic is not None:
        result.stochastic = _stochastic(act)
    for variant in act.variants:
        result.variants.append(_variant(act, variant))
    return result


def _stochastic(act: Activation) -> dict:
    s = act.stochastic
    syms = derive.symbols(act)
    mean = derive.stochastic_mean(act)
    evaluation = derive.evaluation_expression(act)
    try:
        shown = tex.cases_latex(derive.pieces(evaluation, allow_points=True))
        shown_d = tex.cases_latex(derive.derivative_pieces(evaluation))
    except (derive.ParametricPieces, NotImplementedError, TypeError):
        shown, shown_d = latex(evaluation), latex(derive.diff(evaluation, X))
    by_name = {p.name: latex(syms[p.symbol]) for p in act.params + act.constants}
    return {
        "symbol": latex(syms[s.param]),
        "low": by_name.get(s.low, s.low), "high": by_name.get(s.high, s.high),
        "mean": latex(mean), "mean_value": float(mean.subs(derive.parameter_values(act))),
        "evaluation": shown, "evaluation_derivative": shown_d,
        "description": s.description,
    }


def _variant(act: Activation, variant) -> dict:
    vact = derive.variant_activation(act, variant)
    try:
        vfacts = facts(vact)
        if act.kind == "gated":  # compared along the gate half, the value half at 1
            import gated

            (h, main), (hv, other) = gated.factors(act), gated.factors(vact)
            main, other = h.subs(X, 1) * main, hv.subs(X, 1) * other
        else:
            main = derive.expression(act, defaults=True)
            other = derive.expression(vact, defaults=True)
        diff = properties.max_difference(main, other)
    except derive.DeclarationError as err:
        raise derive.DeclarationError(act.slug, f"variant {variant.label!r}: {err}", "variants") from err
    except properties.PropertyError as err:
        raise derive.DeclarationError(act.slug, f"variant {variant.label!r}: {err}", "variants") from err
    return {
        "label": variant.label, "description": variant.description, "kwargs": dict(variant.kwargs),
        "slug": vact.slug, "facts": vfacts,
        "max_difference": approx(diff.value), "max_difference_value": float(diff.value),
        "where": diff.where, "numerical": diff.numerical,
    }


__all__ = ["Facts", "KinkFacts", "OutputFacts", "facts", "X"]
