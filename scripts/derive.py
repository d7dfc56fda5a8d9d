"""Parse an activation's declaration and derive its formulas with SymPy.

Nothing here is typed by hand for one activation: the expression, its
smooth pieces, the derivative, the kinks with the one-sided limits of the
difference quotient and the smoothness all follow from the declaration in
``activations.py``. The properties built on them (range, extrema,
monotonicity, saturation) are in ``properties.py``, the identities and the
vector facts' proofs in ``proofs.py``, the LaTeX helpers in ``tex.py``.

SymPy traps avoided (see ../shared/DESIGN.md): ``limit(..., dir="-")`` on a
Piecewise is unreliable in SymPy 1.14 and ``diff`` of ``Max`` picks
``Heaviside(0) = 1/2`` at a kink. So a piecewise expression is split into its
smooth pieces, each with its interval, and every one-sided limit is taken of
one smooth piece with ``x = c ± t``, ``t > 0``, ``t → 0+``.

A SymPy call that may not finish runs under :func:`attempt`, limited to
``SYMPY_BUDGET`` CPU seconds. Kinks whose position depends on a parameter
(Hardtanh, Threshold) or conditions on a parameter (soft exponential) are
analysed at the default values.
"""
from __future__ import annotations

import functools
import signal
import threading
from contextlib import contextmanager
from dataclasses import dataclass

import mpmath
import sympy as sp
from sympy.codegen.cfunctions import expm1, log1p

from activations import Activation, DeclarationError
from tex import latex

X = sp.Symbol("x", real=True)
T = sp.Symbol("t", positive=True)
MAX_SMOOTHNESS_ORDER = 4


# --------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------


def symbols(act: Activation) -> dict[str, sp.Symbol]:
    """SymPy symbols of the parameters and constants, with their declared assumptions
    (and of the stochastic quantity, if any: RReLU's random slope)."""
    syms = {p.symbol: sp.Symbol(p.symbol, **{p.assume: True}) for p in act.params + act.constants}
    if getattr(act, "stochastic", None) is not None:
        syms[act.stochastic.param] = sp.Symbol(act.stochastic.param, real=True)
    return syms


def stochastic_bounds(act: Activation) -> tuple[sp.Expr, sp.Expr]:
    """(low, high) of the stochastic quantity's uniform distribution, in the parameters' symbols."""
    syms = symbols(act)
    by_name = {p.name: syms[p.symbol] for p in act.params + act.constants} | \
        {p.symbol: syms[p.symbol] for p in act.params + act.constants}
    low, high = (by_name.get(v) if v in by_name else sp.Rational(v)
                 for v in (act.stochastic.low, act.stochastic.high))
    return low, high


def stochastic_mean(act: Activation) -> sp.Expr:
    """(low + high) / 2 of the stochastic quantity, in the parameters' symbols."""
    low, high = stochastic_bounds(act)
    return (low + high) / 2


def parameter_values(act: Activation, constants_only: bool = False) -> dict[sp.Symbol, sp.Expr]:
    """Exact values of the constants, and of the parameters' defaults.

    A stochastic quantity is fixed at its evaluation-mode value, the mean of
    its bounds (with the parameters' defaults), unless ``constants_only``.
    """
    syms = symbols(act)
    chosen = act.constants if constants_only else act.params + act.constants
    values = {syms[p.symbol]: sp.Rational(p.default) for p in chosen}
    if getattr(act, "stochastic", None) is not None and not constants_only:
        values[syms[act.stochastic.param]] = stochastic_mean(act).subs(values)
    return values


def evaluation_expression(act: Activation) -> sp.Expr:
    """The expression in evaluation mode: the stochastic quantity at its mean (symbolic bounds)."""
    expr = expression(act, constants=False)
    if act.stochastic is None:
        return expr
    return expr.subs(symbols(act)[act.stochastic.param], stochastic_mean(act))


def variant_activation(act: Activation, variant) -> Activation:
    """A variant as an activation of its own (for facts, figures and tests).

    Its slug is ``<slug>_<label>`` (label in lower case, runs of other
    characters as ``_``); parameters named in ``variant.kwargs`` take the
    given value as their default; identities, frameworks and variants of
    the main form are not carried over.
    """
    import dataclasses
    import re

    tail = re.sub(r"[^a-z0-9]+", "_", variant.label.lower()).strip("_")
    params = tuple(dataclasses.replace(p, default=variant.kwargs[p.name]) if p.name in variant.kwargs else p
                   for p in act.params)
    return dataclasses.replace(
        act, slug=f"{act.slug}_{tail}", name=f"{act.name} ({variant.label})",
        expr=variant.expr or act.expr, params=params,
        kink_derivative=dict(variant.kink_derivative), framework_kink_derivative={},
        identities=(), frameworks=(), variants=(), naive=None, scipy="", numpy_reference="", torch_gain=None,
    )


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

    def _eval_evalf(self, prec):
        z = self.args[0]._eval_evalf(prec) if not self.args[0].is_Number else self.args[0]
        if z is None or not z.is_number:
            return None
        with mpmath.workprec(prec + 10):
            return sp.Float(mpmath.ncdf(sp.Float(z, mpmath.libmp.prec_to_dps(prec) + 5)._to_mpmath(prec + 10)),
                            mpmath.libmp.prec_to_dps(prec))


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
    if act.kind not in ("elementwise", "concat"):
        raise DeclarationError(act.slug, f"kind {act.kind!r} has no elementwise expression (see scripts/vector.py)",
                               "kind")
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
# Time limits for SymPy calls that may not finish
# --------------------------------------------------------------------------


class _TimeUp(BaseException):
    """Not an Exception: SymPy's own ``except Exception`` (in limit's heuristics) must not swallow it."""


_LIMIT_ACTIVE = [False]


@contextmanager
def time_limit(seconds: float):
    """Raise _TimeUp after ``seconds`` of CPU time (main thread only; elsewhere no limit).

    SymPy's solveset and limit can run for minutes on transcendental
    equations; a closed form that is not found quickly is replaced by a
    numerical answer, labelled as such.
    """
    if (_LIMIT_ACTIVE[0] or threading.current_thread() is not threading.main_thread()
            or not hasattr(signal, "setitimer")):
        yield
        return

    def _raise(signum, frame):
        raise _TimeUp()

    # CPU time of this process (ITIMER_VIRTUAL), not wall time: on a loaded machine the same
    # declaration must give the same page, so the budget does not shrink when others run.
    old = signal.signal(signal.SIGVTALRM, _raise)
    _LIMIT_ACTIVE[0] = True
    # then again every 0.5 s, should a library still swallow the first one (a one-shot timer that is
    # swallowed leaves the computation without a limit: GELU's variant once ran for 30 minutes in CI)
    signal.setitimer(signal.ITIMER_VIRTUAL, seconds, 0.5)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        signal.signal(signal.SIGVTALRM, old)
        _LIMIT_ACTIVE[0] = False


SYMPY_BUDGET = 6.0  # CPU seconds for one closed-form attempt (the slowest that succeed take about 3)


def attempt(fn, seconds: float = SYMPY_BUDGET):
    """fn() or None if SymPy gives up, fails or runs out of time."""
    try:
        with time_limit(seconds):
            return fn()
    except DeclarationError:
        raise
    except (_TimeUp, Exception):  # SymPy gives up in many ways; the caller falls back to numbers
        return None


# --------------------------------------------------------------------------
# Pieces, kinks and one-sided limits
# --------------------------------------------------------------------------


class ParametricPieces(ValueError):
    """A piece boundary or condition depends on a parameter: analyse at the defaults."""


@dataclass(frozen=True)
class Piece:
    interval: sp.Set  # an Interval, or a FiniteSet of one point (a removable or isolated value)
    expr: sp.Expr


def _expand_sinc(expr: sp.Expr) -> sp.Expr:
    """sinc(u) as Piecewise((sin(u)/u, u ≠ 0), (1, True)): its removable point becomes visible."""
    return expr.replace(sp.sinc, lambda u: sp.Piecewise((sp.sin(u) / u, sp.Ne(u, 0)), (1, True)))


@functools.lru_cache(maxsize=512)
def _pieces(expr: sp.Expr) -> tuple[Piece, ...]:
    folded = sp.piecewise_fold(_expand_sinc(expr).rewrite(sp.Piecewise))
    if not isinstance(folded, sp.Piecewise):
        return (Piece(sp.S.Reals, folded),)
    for _, cond in folded.args:
        if cond not in (sp.true, sp.false) and cond.free_symbols - {X}:
            raise ParametricPieces(f"the condition {cond} depends on {sorted(map(str, cond.free_symbols - {X}))}")
    result = []
    for piece_expr, where in folded.as_expr_set_pairs(sp.S.Reals):
        if where is sp.S.EmptySet:
            continue
        parts = where.args if isinstance(where, sp.Union) else (where,)
        for part in parts:
            if isinstance(part, sp.FiniteSet):
                result.extend(Piece(sp.FiniteSet(c), piece_expr) for c in part)
            elif isinstance(part, sp.Interval):
                result.append(Piece(part, piece_expr))
            else:
                raise ValueError(f"piece {piece_expr} lives on {where}, not on intervals and points")
    result.sort(key=lambda p: (p.interval.inf, isinstance(p.interval, sp.Interval),
                               bool(getattr(p.interval, "left_open", False))))
    return tuple(result)


def pieces(expr: sp.Expr, allow_points: bool = False) -> list[Piece]:
    """Split into smooth pieces on intervals that cover the real line.

    With ``allow_points`` the pieces that live on single points (sinc's
    value at 0, a step's value at its jump) are included too; without, only
    the intervals are returned. A condition that depends on a parameter
    raises :class:`ParametricPieces` (substitute the defaults first).
    """
    ps = _pieces(sp.sympify(expr))
    return [p for p in ps if allow_points or isinstance(p.interval, sp.Interval)]


def breakpoints(ps: list[Piece]) -> list[sp.Expr]:
    points = {p.interval.inf for p in ps} | {p.interval.sup for p in ps}
    finite = [pt for pt in points if pt.is_finite]
    if any(not pt.is_number for pt in finite):
        raise ParametricPieces(f"breakpoints {finite} depend on parameters")
    return sorted(finite, key=lambda v: float(v))


def _piece_left_of(ps, c):
    """The interval piece that ends at c (the pieces tile the real line)."""
    return next(p for p in ps if isinstance(p.interval, sp.Interval) and p.interval.end == c)


def _piece_right_of(ps, c):
    """The interval piece that starts at c."""
    return next(p for p in ps if isinstance(p.interval, sp.Interval) and p.interval.start == c)


def _piece_at(ps, c):
    points = [p for p in ps if isinstance(p.interval, sp.FiniteSet) and c in p.interval]
    return points[0] if points else next(p for p in ps if p.interval.contains(c) == sp.true)


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
    removable: bool = False  # one analytic expression on both sides, its limit as value: C^∞ there


SMOOTH = 10**6  # Kink.smoothness of a removable point (C^∞)


def _analytic_at(expr: sp.Expr, c: sp.Expr) -> bool:
    """SymPy finds a Taylor series of expr at c (no negative powers, no logs)."""
    def series():
        s = sp.series(expr.subs(X, c + T), T, 0, 4).removeO()
        return s.is_polynomial(T) and not s.has(sp.log)
    return bool(attempt(series))


@functools.lru_cache(maxsize=512)
def _kinks(expr: sp.Expr, params: frozenset) -> tuple[Kink, ...]:
    ps = pieces(expr, allow_points=True)
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
        finite = all(q.is_finite is not False and not q.has(sp.zoo, sp.nan) for q in (left_q, right_q))
        differentiable = _and(continuous, _equal(left_q, right_q, params)) if finite else False
        # Smoothness: highest order k with matching one-sided derivatives.
        order, order_if = -1, None
        removable = (continuous is True and sp.simplify(left.expr - right.expr) == 0
                     and _analytic_at(left.expr, c))
        if removable:
            order = SMOOTH
        elif continuous is True:
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
                           continuous, differentiable, order, order_if, removable))
    return tuple(result)


def kinks(expr: sp.Expr, params: set[sp.Symbol]) -> list[Kink]:
    """Every breakpoint of a piecewise expression, with its one-sided limits.

    Raises :class:`ParametricPieces` when a breakpoint depends on a parameter
    (see :func:`kinks_at_defaults`).
    """
    return list(_kinks(sp.sympify(expr), frozenset(params)))


def kinks_or_defaults(expr: sp.Expr, params: set[sp.Symbol], values: dict) -> tuple[list[Kink], bool]:
    """kinks(expr), or kinks of expr at the default ``values`` when SymPy cannot order
    the pieces symbolically (Hardtanh's bounds, Threshold's threshold); the flag says which."""
    try:
        return kinks(expr, params), False
    except (ParametricPieces, NotImplementedError, TypeError):
        return kinks(expr.subs(values), set()), True


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
    return [Piece(p.interval.interior if wrt == X else p.interval, diff(p.expr, wrt))
            for p in pieces(expr)]


def diff(expr: sp.Expr, wrt: sp.Symbol = X) -> sp.Expr:
    """sp.diff, branch by branch, with two corrections for conditions on a parameter.

    A NaN branch (where the activation is undefined: soft exponential's logarithm for α < 0
    beyond its domain) stays NaN: SymPy's derivative of NaN is 0. A branch that holds at one
    value only, Eq(wrt, v) (soft exponential's x at α = 0), is differentiated in the parameter
    as the limit of the other branches' derivatives at v, when every one agrees from both
    sides (SymPy would differentiate the branch's own expression, x, to 0).
    """
    folded = sp.piecewise_fold(expr) if expr.has(sp.Piecewise) else expr
    if not isinstance(folded, sp.Piecewise):
        return sp.nan if folded is sp.nan else sp.diff(folded, wrt)
    others = [sp.diff(e, wrt) for e, c in folded.args if e is not sp.nan and _point(c, wrt) is None]
    args = []
    for e, c in folded.args:
        v = _point(c, wrt)
        if e is sp.nan or v is None or not others:
            args.append((e if e is sp.nan else sp.diff(e, wrt), c))
            continue
        found = {sp.simplify(sp.limit(d, wrt, v, side)) for d in others for side in ("+", "-")}
        args.append((found.pop() if len(found) == 1 else sp.diff(e, wrt), c))
    return sp.Piecewise(*args)


def _point(cond, wrt: sp.Symbol):
    """v if cond is Eq(wrt, v) with v a number, else None."""
    if isinstance(cond, sp.Eq) and wrt != X and cond.free_symbols == {wrt}:
        lhs, rhs = cond.args
        v = rhs if lhs == wrt else lhs if rhs == wrt else None
        return v if v is not None and v.is_number else None
    return None


def derivative(expr: sp.Expr) -> sp.Expr:
    """f' as an expression valid away from the kinks (Piecewise if needed)."""
    return piecewise_from(derivative_pieces(expr))


def piecewise_from(ps: list[Piece]) -> sp.Expr:
    if len(ps) == 1:
        return ps[0].expr
    return sp.Piecewise(*[(p.expr, p.interval.as_relational(X)) for p in ps])


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
