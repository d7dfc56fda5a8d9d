"""Identities proved by SymPy, and the softmax facts in their older shape.

Each declared identity is parsed with every activation of the catalog
callable by slug (and ``f``, ``df`` for the activation itself), and proved
for every real x, piece by piece (:func:`prove_equal`); one that SymPy
cannot prove is a declaration error. :func:`identity_display` gives each
side as the reader sees it.
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from activations import Activation, DeclarationError, by_slug
from derive import Phi, X, derivative, expression, outputs, parameter_values, parse, pieces, symbols
from properties import image
from tex import latex


# --------------------------------------------------------------------------
# Identities
# --------------------------------------------------------------------------


def _call_namespace(act: Activation, constants: bool) -> dict:
    """f, df and every activation by slug, callable inside identity strings."""
    table = by_slug()

    def make(other: Activation, derivative_of: bool = False):
        def call(arg, *args, **kwargs):
            expr = expression(other, constants=constants) if other.kind == "elementwise" else \
                sp.Matrix(outputs(other, constants=constants))
            syms = symbols(other)
            values = {syms[p.symbol]: sp.Rational(p.default) for p in other.params}
            for p, v in zip(other.params, args):
                values[syms[p.symbol]] = sp.sympify(v)
            for name, v in kwargs.items():
                p = next((p for p in other.params if name in (p.name, p.symbol)), None)
                if p is None:
                    raise TypeError(f"{other.slug} has no parameter {name!r}")
                values[syms[p.symbol]] = sp.sympify(v)
            if other is act:  # keep f's own parameters symbolic unless given
                values = {s: v for s, v in values.items()
                          if any(s == syms[p.symbol] for p in other.params if p.name in kwargs or p.symbol in kwargs)}
            if derivative_of:
                expr = derivative(expr)
            return expr.subs(values).subs(X, arg)
        return call

    elementwise = ("elementwise", "concat")
    names = {slug: make(other) for slug, other in table.items() if other.kind in elementwise}
    if act.kind in elementwise:
        names["f"] = make(act)
        names["df"] = make(act, derivative_of=True)
    return names


def _forms(expr: sp.Expr):
    """The expression, then rewritten with exp, then with erf (Φ(x) + Φ(−x) − 1 is 0 only as erf)."""
    yield expr
    yield expr.rewrite(sp.exp)
    if expr.has(Phi, sp.erfc):
        yield expr.rewrite(sp.erf)


def prove_equal(lhs: sp.Expr, rhs: sp.Expr) -> bool:
    """Decide lhs == rhs for every real x, piece by piece."""
    if isinstance(lhs, sp.MatrixBase) or isinstance(rhs, sp.MatrixBase):
        lhs, rhs = sp.Matrix(lhs), sp.Matrix(rhs)
        return lhs.shape == rhs.shape and all(prove_equal(a, b) for a, b in zip(lhs, rhs))
    diff = sp.piecewise_fold((lhs - rhs).rewrite(sp.Piecewise))
    for p in pieces(diff, allow_points=True):
        if isinstance(p.interval, sp.FiniteSet):
            if any(sp.simplify(p.expr.subs(X, c).doit()) != 0 for c in p.interval):
                return False
        elif p.expr.has(sp.Limit):  # a limit in a parameter may depend on the sign of x (Swish, β → ∞)
            if not all(sp.simplify(form) == 0 for form in _signed_limits(p.expr, p.interval)):
                return False
        elif all(sp.simplify(form) != 0 for form in _forms(p.expr)):
            return False
    return True


def _signed_limits(expr: sp.Expr, interval: sp.Interval):
    """The piece with its limits taken for x of each sign the interval holds (and at 0)."""
    t = sp.Symbol("t", positive=True)
    if interval.end > 0:
        yield expr.subs(X, t).doit().subs(t, X)
    if interval.start < 0:
        yield expr.subs(X, -t).doit().subs(t, -X)
    if interval.contains(0) == sp.true:
        yield expr.subs(X, 0).doit()


def identity_display(act: Activation, text: str) -> sp.Expr:
    """The identity side as the reader sees it: f(x), f'(x), ReLU(x) ...

    Keyword parameters of a call become extra arguments: ELU(x, α).
    """

    def shown(symbol: str):
        # SymPy wraps a name that is not a command in \operatorname{}, where KaTeX cannot set
        # math such as \sigma: (\log\sigma) is shown as \mathord{(\log\sigma)} instead.
        func = sp.Function(symbol if symbol.startswith("\\") else r"\mathord{" + symbol + "}")

        def call(*args, evaluate=None, **kw):  # parse_expr(evaluate=False) passes evaluate=: not an argument
            return func(*args, *map(sp.sympify, kw.values()))
        return call

    names = {slug: shown(other.symbol) for slug, other in by_slug().items()}
    names["f"] = shown(act.symbol)
    names["df"] = shown(act.symbol + "'")
    names["Heaviside"] = shown("H")
    return parse(act, text, names, evaluate=False)


@dataclass(frozen=True)
class ProvedIdentity:
    text: str
    lhs_latex: str
    rhs_latex: str
    proved: bool


def identities(act: Activation) -> list[ProvedIdentity]:
    result = []
    for ident in act.identities:
        ns = _call_namespace(act, constants=True)
        lhs = parse(act, ident.lhs, ns)
        rhs = parse(act, ident.rhs, ns)
        values = parameter_values(act, constants_only=True)
        lhs, rhs = sp.sympify(lhs).subs(values), sp.sympify(rhs).subs(values)
        try:
            proved = prove_equal(lhs, rhs)
        except (NotImplementedError, ValueError, TypeError) as err:  # SymPy gives up on a form
            raise DeclarationError(act.slug, f"SymPy cannot decide {ident.lhs} = {ident.rhs}: {err}",
                                   "identities") from None
        if not proved:
            raise DeclarationError(act.slug, f"SymPy cannot prove {ident.lhs} = {ident.rhs}")
        result.append(ProvedIdentity(
            ident.text,
            latex(identity_display(act, ident.lhs)),
            latex(identity_display(act, ident.rhs)),
            proved,
        ))
    return result


# --------------------------------------------------------------------------
# Softmax
# --------------------------------------------------------------------------


def softmax_components(n: int) -> tuple[list[sp.Symbol], list[sp.Expr]]:
    """exp(x_i) / Σ_k exp(x_k) for the inputs x1..xn."""
    xs = sp.symbols(f"x1:{n + 1}", real=True)
    total = sum(sp.exp(v) for v in xs)
    return list(xs), [sp.exp(v) / total for v in xs]


@dataclass(frozen=True)
class SoftmaxFacts:
    sizes: tuple[int, ...]
    jacobian_rule: bool  # the declared ∂y_i/∂x_j, proved
    sums_to_one: bool
    shift_invariant: bool
    two_class_is_sigmoid: bool
    component_range: sp.Set


def softmax_facts(act: Activation) -> SoftmaxFacts:
    """A vector activation's facts in the older shape; scripts/vector.py derives them (any vector kind)."""
    import vector  # vector imports proofs

    v = vector.facts(act)  # fails naming the field if the Jacobian rule is not proved
    return SoftmaxFacts(
        sizes=tuple(v["proved_sizes"]),
        jacobian_rule=True,
        sums_to_one=v["sums_to_one"],
        shift_invariant=v["shift_invariant"],
        two_class_is_sigmoid=any(m["slug"] == "sigmoid" and m["argument"] == "z" for m in v["two_inputs_matches"]),
        component_range=image(pieces(vector.two_inputs(act))),
    )
