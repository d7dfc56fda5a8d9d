"""Derive every formula and property of an activation with SymPy.

Nothing here is typed by hand for one activation: derivatives, kinks, the
one-sided limits of the difference quotient, smoothness, range, monotonicity,
saturation, the maximum of the derivative and the identities all follow from
the declaration in ``activations.py``.

SymPy traps avoided (see ../shared/DESIGN.md): ``limit(..., dir="-")`` on a
Piecewise is unreliable in SymPy 1.14 and ``diff`` of ``Max`` picks
``Heaviside(0) = 1/2`` at a kink. So a piecewise expression is split into its
smooth pieces, each with its interval, and every one-sided limit is taken of
one smooth piece with ``x = c ± t``, ``t > 0``, ``t → 0+``.
"""

from __future__ import annotations

from dataclasses import dataclass

import mpmath
import sympy as sp
from sympy.codegen.cfunctions import expm1, log1p

from activations import Activation, DeclarationError, by_slug

X = sp.Symbol("x", real=True)
T = sp.Symbol("t", positive=True)
MAX_SMOOTHNESS_ORDER = 4


# --------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------


def symbols(act: Activation) -> dict[str, sp.Symbol]:
    """SymPy symbols of the parameters and constants, with their declared assumptions."""
    return {p.symbol: sp.Symbol(p.symbol, **{p.assume: True}) for p in act.params + act.constants}


def parameter_values(act: Activation, constants_only: bool = False) -> dict[sp.Symbol, sp.Expr]:
    """Exact values of the constants, and of the parameters' defaults."""
    syms = symbols(act)
    chosen = act.constants if constants_only else act.params + act.constants
    return {syms[p.symbol]: sp.Rational(p.default) for p in chosen}


class Phi(sp.Function):
    """The standard normal CDF, Φ(z) = erfc(−z/√2)/2 (mpmath: ``ncdf``)."""

    nargs = 1

    def fdiff(self, argindex=1):
        z = self.args[0]
        return sp.exp(-z**2 / 2) / sp.sqrt(2 * sp.pi)

    @classmethod
    def eval(cls, z):
        if z.is_zero:
            return sp.S.Half
        if z is sp.oo:
            return sp.S.One
        if z is sp.S.NegativeInfinity:
            return sp.S.Zero
        return None

    def _eval_rewrite_as_erf(self, z, **kwargs):
        return (1 + sp.erf(z / sp.sqrt(2))) / 2

    def _eval_rewrite_as_erfc(self, z, **kwargs):
        return sp.erfc(-z / sp.sqrt(2), evaluate=False) / 2

    def _eval_is_real(self):
        return self.args[0].is_real

    def _eval_is_positive(self):
        return True if self.args[0].is_real else None

    def _latex(self, printer):
        return r"\Phi\left(" + printer._print(self.args[0]) + r"\right)"

    def _mpmath_(self, prec, rounding):  # evalf
        import mpmath as mp_

        return mp_.ncdf(self.args[0]._to_mpmath(prec))


_NAMESPACE = {
    name: getattr(sp, name)
    for name in (
        "Piecewise", "Max", "Min", "Heaviside", "Abs", "sign", "exp", "log", "sqrt", "pi", "E",
        "tanh", "sinh", "cosh", "sin", "cos", "tan", "atan", "asinh", "atanh", "sinc",
        "erf", "erfc", "Sum", "Matrix", "Rational", "oo", "Eq", "Ne", "And", "Or", "floor", "ceiling",
    )
}
_NAMESPACE.update({"expm1": expm1, "log1p": log1p, "Phi": Phi})


def parse(act: Activation, text: str, extra: dict | None = None, evaluate: bool = True) -> sp.Expr:
    """Parse a declaration string; any failure names the activation."""
    names = dict(_NAMESPACE)
    names.update(symbols(act))
    names["x"] = X
    if extra:
        names.update(extra)
    try:
        expr = sp.parse_expr(text, local_dict=names, evaluate=evaluate)
    except Exception as err:  # SyntaxError, TypeError, SympifyError, ...
        raise DeclarationError(act.slug, f"cannot parse {text!r}: {err}") from None
    unknown = {s.name for s in getattr(expr, "free_symbols", set()) if isinstance(s, sp.Symbol)}
    unknown -= set(names) | {"i", "k", "n"}
    if unknown:
        raise DeclarationError(act.slug, f"unknown name(s) {sorted(unknown)} in {text!r}")
    return expr


def outputs(act: Activation, constants: bool = True, defaults: bool = False) -> list[sp.Expr]:
    """The expression(s) of an elementwise or concatenating activation."""
    if act.kind == "softmax":
        raise DeclarationError(act.slug, "softmax has no elementwise expression")
    texts = act.expr if isinstance(act.expr, tuple) else (act.expr,)
    if act.kind == "concat" and len(texts) < 2:
        raise DeclarationError(act.slug, "a concatenating activation needs two or more outputs")
    if act.kind == "elementwise" and isinstance(act.expr, tuple):
        raise DeclarationError(act.slug, "an elementwise activation has one expression")
    exprs = [parse(act, text) for text in texts]
    subs = {}
    if constants or defaults:
        subs = parameter_values(act, constants_only=not defaults)
    for e in exprs:
        stray = e.free_symbols - {X} - set(symbols(act).values())
        if stray:
            raise DeclarationError(act.slug, f"expression {e} uses {sorted(map(str, stray))}")
        if X not in e.free_symbols and e.is_constant() is not True:
            raise DeclarationError(act.slug, f"expression {e} is not a function of x")
    return [e.subs(subs) for e in exprs]


def expression(act: Activation, **kw) -> sp.Expr:
    (expr,) = outputs(act, **kw)
    return expr


# --------------------------------------------------------------------------
# Pieces, kinks and one-sided limits
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Piece:
    interval: sp.Interval
    expr: sp.Expr


def pieces(expr: sp.Expr, allow_points: bool = False) -> list[Piece]:
    """Split into smooth pieces on intervals that cover the real line.

    With ``allow_points`` a piece may also live on single points.
    """
    folded = sp.piecewise_fold(expr.rewrite(sp.Piecewise))
    if not isinstance(folded, sp.Piecewise):
        return [Piece(sp.S.Reals, folded)]
    result = []
    for piece_expr, interval in folded.as_expr_set_pairs(sp.S.Reals):
        if interval is sp.S.EmptySet:
            continue
        if allow_points and isinstance(interval, (sp.FiniteSet, sp.Union)):
            result.extend(Piece(part, piece_expr) for part in (interval.args if isinstance(interval, sp.Union) else [interval]))
            continue
        if not isinstance(interval, sp.Interval):
            raise ValueError(f"piece {piece_expr} lives on {interval}, not an interval")
        result.append(Piece(interval, piece_expr))
    result.sort(key=lambda p: (p.interval.inf, bool(getattr(p.interval, "left_open", False))))
    return result


def breakpoints(ps: list[Piece]) -> list[sp.Expr]:
    points = {p.interval.start for p in ps} | {p.interval.end for p in ps}
    return sorted(pt for pt in points if pt.is_finite)


def _piece_left_of(ps, c):
    """The piece that ends at c (the pieces tile the real line)."""
    return next(p for p in ps if p.interval.end == c)


def _piece_right_of(ps, c):
    """The piece that starts at c."""
    return next(p for p in ps if p.interval.start == c)


def _piece_at(ps, c):
    return next(p for p in ps if p.interval.contains(c) == sp.true)


def one_sided(expr_at: sp.Expr, c: sp.Expr, side: int) -> sp.Expr:
    """lim_{t→0+} of ``expr_at`` (a smooth piece) evaluated at x = c + side·t."""
    return sp.simplify(sp.limit(expr_at.subs(X, c + side * T), T, 0, "+"))


def _equal(a: sp.Expr, b: sp.Expr, params: set[sp.Symbol]):
    """True, False, or the parameter values for which a == b."""
    diff = sp.simplify(a - b)
    if diff == 0:
        return True
    free = diff.free_symbols & params
    if not free:
        if diff.is_zero is False or diff.is_number:
            return False
        raise ValueError(f"cannot decide whether {a} == {b}")
    solutions = sp.solve(sp.Eq(a, b), sorted(free, key=str), dict=True)
    solutions = [s for s in solutions if all(_admissible(k, v) for k, v in s.items())]
    return solutions or False


def _admissible(symbol: sp.Symbol, value: sp.Expr) -> bool:
    """A solution value that does not contradict the symbol's assumptions."""
    for assumption in ("positive", "nonnegative", "negative", "nonpositive"):
        if symbol.assumptions0.get(assumption) and getattr(value, f"is_{assumption}") is False:
            return False
    return True


@dataclass(frozen=True)
class Kink:
    point: sp.Expr
    value: sp.Expr  # f(c)
    left_limit: sp.Expr  # lim f(x), x → c−
    right_limit: sp.Expr
    left_quotient: sp.Expr  # lim (f(c+h) − f(c))/h, h → 0−
    right_quotient: sp.Expr  # h → 0+
    continuous: object  # True, False, or list of parameter solutions
    differentiable: object
    smoothness: int  # largest k with one-sided derivatives 0..k equal (−1: jump)
    smoothness_if: object  # parameter solutions raising the order, or None


def kinks(expr: sp.Expr, params: set[sp.Symbol]) -> list[Kink]:
    """Every breakpoint of a piecewise expression, with its one-sided limits."""
    ps = pieces(expr)
    result = []
    for c in breakpoints(ps):
        left, right, here = _piece_left_of(ps, c), _piece_right_of(ps, c), _piece_at(ps, c)
        value = sp.simplify(here.expr.subs(X, c))
        left_limit = one_sided(left.expr, c, -1)
        right_limit = one_sided(right.expr, c, +1)
        # Difference quotient (f(c + h) − f(c)) / h with h = −t and h = +t.
        left_q = one_sided((left.expr - value) / (X - c), c, -1)
        right_q = one_sided((right.expr - value) / (X - c), c, +1)
        continuous = _and(_equal(left_limit, value, params), _equal(right_limit, value, params))
        differentiable = _and(continuous, _equal(left_q, right_q, params)) if left_q.is_finite is not False and right_q.is_finite is not False else False
        # Smoothness: highest order k with matching one-sided derivatives.
        order, order_if = -1, None
        if continuous is True:
            order = 0
            for k in range(1, MAX_SMOOTHNESS_ORDER + 1):
                dl = one_sided(sp.diff(left.expr, X, k), c, -1)
                dr = one_sided(sp.diff(right.expr, X, k), c, +1)
                same = _equal(dl, dr, params)
                if same is True:
                    order = k
                    continue
                if same is not False and order_if is None:
                    order_if = (k, same)
                break
        result.append(Kink(c, value, left_limit, right_limit, left_q, right_q,
                           continuous, differentiable, order, order_if))
    return result


def _and(a, b):
    if a is False or b is False:
        return False
    if a is True:
        return b
    if b is True:
        return a
    return [s for s in a if s in b] or False


def derivative_pieces(expr: sp.Expr, wrt: sp.Symbol = X) -> list[Piece]:
    """The derivative on the open interior of each piece."""
    return [Piece(p.interval.interior if wrt == X else p.interval, sp.diff(p.expr, wrt))
            for p in pieces(expr)]


def derivative(expr: sp.Expr) -> sp.Expr:
    """f' as an expression valid away from the kinks (Piecewise if needed)."""
    return piecewise_from(derivative_pieces(expr))


def piecewise_from(ps: list[Piece]) -> sp.Expr:
    if len(ps) == 1:
        return ps[0].expr
    return sp.Piecewise(*[(p.expr, p.interval.as_relational(X)) for p in ps])


# --------------------------------------------------------------------------
# Properties (at the default parameter values)
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Properties:
    range: sp.Set
    bounded_below: bool
    bounded_above: bool
    monotonic: str  # "increasing", "non-decreasing", "decreasing", "non-increasing" or "no"
    saturates_left: str  # "no", "soft" or "hard"
    saturates_right: str
    mean_standard_normal: float  # E[f(Z)], Z ~ N(0, 1)
    zero_centred: bool
    derivative_sup: sp.Expr
    derivative_sup_where: sp.Set  # where the sup is attained (EmptySet: not attained)
    derivative_sup_approached: str  # text when not attained
    transcendental: tuple[str, ...]


def image(ps: list[Piece]) -> sp.Set:
    result = sp.S.EmptySet
    for p in ps:
        result = sp.Union(result, sp.calculus.util.function_range(p.expr, X, p.interval))
    return result


def _monotonic(dps: list[Piece], ks: list[Kink]) -> str:
    """From the sign of f' on each piece and the direction of each jump."""
    signs = []
    for p in dps:
        r = sp.calculus.util.function_range(p.expr, X, p.interval)
        if r == sp.FiniteSet(0):
            signs.append(0)
        elif r.is_subset(sp.Interval.open(0, sp.oo)):
            signs.append(1)
        elif r.is_subset(sp.Interval(0, sp.oo)):
            signs.append(0.5)
        elif r.is_subset(sp.Interval.open(-sp.oo, 0)):
            signs.append(-1)
        elif r.is_subset(sp.Interval(-sp.oo, 0)):
            signs.append(-0.5)
        else:
            return "no"
    jumps = [sp.sign(k.right_limit - k.left_limit) for k in ks] + [
        sp.sign(k.value - k.left_limit) for k in ks] + [sp.sign(k.right_limit - k.value) for k in ks]
    if all(s == 1 for s in signs) and all(j >= 0 for j in jumps):
        return "increasing"
    if all(s >= 0 for s in signs) and all(j >= 0 for j in jumps):
        return "non-decreasing"
    if all(s == -1 for s in signs) and all(j <= 0 for j in jumps):
        return "decreasing"
    if all(s <= 0 for s in signs) and all(j <= 0 for j in jumps):
        return "non-increasing"
    return "no"


def _saturation(piece: Piece, end) -> str:
    d = sp.diff(piece.expr, X)
    if sp.simplify(d) == 0:
        return "hard"
    return "soft" if sp.limit(d, X, end) == 0 else "no"


def standard_normal_mean(ps: list[Piece], dps: int = 30) -> mpmath.mpf:
    """E[f(Z)] for Z ~ N(0, 1), by quadrature on each piece."""
    with mpmath.workdps(dps):
        total = mpmath.mpf(0)
        for p in ps:
            f = sp.lambdify(X, p.expr, "mpmath")
            a, b = (mpmath.mpf(sp.N(v, dps)) if v.is_finite else (mpmath.inf if v > 0 else -mpmath.inf)
                    for v in (p.interval.start, p.interval.end))
            total += mpmath.quad(lambda z: f(z) * mpmath.npdf(z), [a, b])
        return total


def properties(expr: sp.Expr) -> Properties:
    """Properties of an expression without free parameters."""
    ps = pieces(expr)
    ks = kinks(expr, set())
    rng = image(ps)
    dps = derivative_pieces(expr)
    sup = max((sp.calculus.util.function_range(p.expr, X, p.interval).sup for p in dps),
              key=lambda v: float(v))
    where = sp.S.EmptySet
    for p in dps:
        if sp.simplify(p.expr - sup) == 0:
            where = sp.Union(where, p.interval)
        else:
            where = sp.Union(where, sp.solveset(sp.Eq(p.expr, sup), X, p.interval))
    # At a differentiable kink the derivative exists and equals both limits.
    for k in ks:
        if k.differentiable is True and sp.simplify(k.right_quotient - sup) == 0:
            where = sp.Union(where, sp.FiniteSet(k.point))
    approached = ""
    if where is sp.S.EmptySet:
        for k in ks:
            for side, q in (("−", k.left_quotient), ("+", k.right_quotient)):
                if sp.simplify(q - sup) == 0:
                    approached = f"x → {sp.latex(k.point)}{side}"
    mean = standard_normal_mean(ps)
    names = sorted({type(f).__name__ for f in expr.atoms(sp.Function)} |
                   ({"exp"} if expr.atoms(sp.exp) else set()))
    return Properties(
        range=rng,
        bounded_below=rng.inf.is_finite is True,
        bounded_above=rng.sup.is_finite is True,
        monotonic=_monotonic(dps, ks),
        saturates_left=_saturation(ps[0], -sp.oo),
        saturates_right=_saturation(ps[-1], sp.oo),
        mean_standard_normal=float(mean),
        zero_centred=abs(mean) < mpmath.mpf("1e-20"),
        derivative_sup=sup,
        derivative_sup_where=where,
        derivative_sup_approached=approached,
        transcendental=tuple(n for n in names if n not in ("Piecewise", "Max", "Min")),
    )


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

    names = {slug: make(other) for slug, other in table.items() if other.kind != "softmax"}
    if act.kind != "softmax":
        names["f"] = make(act)
        names["df"] = make(act, derivative_of=True)
    return names


def prove_equal(lhs: sp.Expr, rhs: sp.Expr) -> bool:
    """Decide lhs == rhs for every real x, piece by piece."""
    if isinstance(lhs, sp.MatrixBase) or isinstance(rhs, sp.MatrixBase):
        lhs, rhs = sp.Matrix(lhs), sp.Matrix(rhs)
        return lhs.shape == rhs.shape and all(prove_equal(a, b) for a, b in zip(lhs, rhs))
    diff = sp.piecewise_fold((lhs - rhs).rewrite(sp.Piecewise))
    for p in pieces(diff, allow_points=True):
        if isinstance(p.interval, sp.FiniteSet):
            if any(sp.simplify(p.expr.subs(X, c)) != 0 for c in p.interval):
                return False
        elif sp.simplify(p.expr) != 0 and sp.simplify(p.expr.rewrite(sp.exp)) != 0:
            return False
    return True


def identity_display(act: Activation, text: str) -> sp.Expr:
    """The identity side as the reader sees it: f(x), f'(x), ReLU(x) ...

    Keyword parameters of a call become extra arguments: ELU(x, α).
    """

    def shown(symbol: str):
        func = sp.Function(symbol)
        return lambda *args, **kw: func(*args, *map(sp.sympify, kw.values()))

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
        proved = prove_equal(lhs, rhs)
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
    import vector  # vector imports derive

    v = vector.facts(act)  # fails naming the field if the Jacobian rule is not proved
    return SoftmaxFacts(
        sizes=tuple(v["proved_sizes"]),
        jacobian_rule=True,
        sums_to_one=v["sums_to_one"],
        shift_invariant=v["shift_invariant"],
        two_class_is_sigmoid=any(m["slug"] == "sigmoid" and m["argument"] == "z" for m in v["two_inputs_matches"]),
        component_range=image(pieces(vector.two_inputs(act))),
    )


# --------------------------------------------------------------------------
# LaTeX
# --------------------------------------------------------------------------


def latex(expr) -> str:
    return sp.latex(expr, ln_notation=True)


def condition_latex(interval: sp.Set) -> str:
    """x < 0, 0 \\le x < 6, x \\neq 0 ... for the set a piece lives on."""
    if interval == sp.S.Reals:
        return ""
    if isinstance(interval, sp.Union) and all(isinstance(a, sp.Interval) for a in interval.args):
        gaps = sp.S.Reals - interval
        if isinstance(gaps, sp.FiniteSet):
            return r"x \neq " + ", ".join(latex(v) for v in gaps)
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
    for p in ps:
        if merged and sp.simplify(merged[-1][0] - p.expr) == 0:
            merged[-1][1] = sp.Union(merged[-1][1], p.interval)
        else:
            merged.append([p.expr, p.interval])
    if len(merged) == 1:
        expr, interval = merged[0]
        cond = condition_latex(interval)
        return latex(expr) + (r" \qquad (" + cond + ")" if cond else "")
    rows = [latex(e) + r" & " + condition_latex(i) for e, i in merged]
    return r"\begin{cases} " + r" \\ ".join(rows) + r" \end{cases}"


def approx(value: sp.Expr, digits: int = 6) -> str:
    """Exact LaTeX when short, else ≈ a decimal."""
    value = sp.nsimplify(value) if value.is_Float else value
    if value.is_Rational and (value.q > 1000 or abs(value.p) > 10**6):
        return r"\approx " + f"{float(value):.{digits}g}"
    if value.is_number and not value.is_Rational and value.is_finite:
        text = sp.latex(value)
        if len(text) > 24:
            return r"\approx " + f"{float(value):.{digits}g}"
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


# --------------------------------------------------------------------------
# Why non-linearity: affine maps compose to an affine map
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class AffineProof:
    composition: str  # LaTeX of W2 (W1 x + b1) + b2
    weight: str  # LaTeX of the single weight W2 W1
    bias: str  # LaTeX of the single bias W2 b1 + b2
    proved: bool


def affine_composition() -> AffineProof:
    """Two affine layers without activation are one affine layer, any sizes."""
    n, m, p = sp.symbols("n m p", integer=True, positive=True)
    x = sp.MatrixSymbol("x", n, 1)
    w1, b1 = sp.MatrixSymbol("W_1", m, n), sp.MatrixSymbol("b_1", m, 1)
    w2, b2 = sp.MatrixSymbol("W_2", p, m), sp.MatrixSymbol("b_2", p, 1)
    composition = sp.MatAdd(sp.MatMul(w2, sp.MatAdd(sp.MatMul(w1, x), b1)), b2)
    weight, bias = sp.MatMul(w2, w1), sp.MatAdd(sp.MatMul(w2, b1), b2)
    difference = sp.expand(composition - (weight * x + bias))
    return AffineProof(latex(composition), latex(weight), latex(bias), difference == sp.ZeroMatrix(p, 1) or difference == 0)
