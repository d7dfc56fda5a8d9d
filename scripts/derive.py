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

Closed forms first, numbers when SymPy has none: each property (range,
extrema, monotonicity, sup and inf of f', saturation) is decided from exact
limits at the ends of each piece and exact critical points (``solveset``),
each attempt limited to ``SYMPY_BUDGET`` CPU seconds; otherwise the zeros of
the derivative are found by a sign-change scan and refined by
``mpmath.findroot`` at ``WORK_DPS`` digits, reported to ``NUMERICAL_DIGITS``
digits, and the property is listed in ``Properties.numerical`` so that the
page labels it. A property that still cannot be derived raises
:class:`PropertyError` naming it. Kinks whose position depends on a
parameter (Hardtanh, Threshold) or conditions on a parameter (soft
exponential) are analysed at the default values.
"""

from __future__ import annotations

import functools
import math
import signal
import threading
from contextlib import contextmanager
from dataclasses import dataclass

import mpmath
import numpy as np
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
    """SymPy symbols of the parameters and constants, with their declared assumptions
    (and of the stochastic quantity, if any: RReLU's random slope)."""
    syms = {p.symbol: sp.Symbol(p.symbol, **{p.assume: True}) for p in act.params + act.constants}
    if getattr(act, "stochastic", None) is not None:
        syms[act.stochastic.param] = sp.Symbol(act.stochastic.param, real=True)
    return syms


def stochastic_mean(act: Activation) -> sp.Expr:
    """(low + high) / 2 of the stochastic quantity, in the parameters' symbols."""
    syms = symbols(act)
    by_name = {p.name: syms[p.symbol] for p in act.params + act.constants} | \
        {p.symbol: syms[p.symbol] for p in act.params + act.constants}
    low, high = (by_name.get(v) if v in by_name else sp.Rational(v)
                 for v in (act.stochastic.low, act.stochastic.high))
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


@dataclass(frozen=True)
class Difference:
    value: sp.Expr  # sup |g − f| over the reals (Float when numerical)
    where: str  # LaTeX: x = ..., or x → ...
    numerical: bool


def max_difference(f: sp.Expr, g: sp.Expr) -> Difference:
    """sup over the reals of |g(x) − f(x)|, both without free parameters."""
    d = sp.piecewise_fold((g - f).rewrite(sp.Piecewise))
    best, where, num = None, "", False
    for p in pieces(d, allow_points=True):
        e = extent(p.expr, p.interval)
        num |= e.numerical
        for value, at, text in ((e.high, e.high_at, e.high_approached), (-e.low, e.low_at, e.low_approached)):
            v = float(value) if value.is_finite else math.inf
            if best is None or v > float(best):
                best = value
                if at is not sp.S.EmptySet and isinstance(at, sp.FiniteSet):
                    shown = [approx(c) for c in sorted(at, key=float)]
                    where = ("x " if shown[0].startswith("\\approx") else "x = ") + ", ".join(shown)
                elif at is not sp.S.EmptySet:
                    where = r"x \in " + interval_latex(at)
                else:
                    where = text
    return Difference(abs(best), where, num)


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


class _TimeUp(Exception):
    pass


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
    signal.setitimer(signal.ITIMER_VIRTUAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        signal.signal(signal.SIGVTALRM, old)
        _LIMIT_ACTIVE[0] = False


SYMPY_BUDGET = 6.0  # CPU seconds for one closed-form attempt (the slowest that succeed take about 3)


def _attempt(fn, seconds: float = SYMPY_BUDGET):
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
    return bool(_attempt(series))


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
#
# Each property is decided in closed form when SymPy can (limits at the ends
# of each piece, critical points from solveset), else numerically: f' (or
# f'') is scanned for sign changes on SCAN_GRID, each root is refined by
# mpmath.findroot at WORK_DPS digits and reported to NUMERICAL_DIGITS
# significant digits, and the property is listed in Properties.numerical.

WORK_DPS = 40
NUMERICAL_DIGITS = 15
SCAN_WINDOW = 60.0  # dense scan on [−60, 60], then sparser out to ±1e6
SCAN_GRID = np.unique(np.concatenate([
    np.linspace(-SCAN_WINDOW, SCAN_WINDOW, 24001),
    np.geomspace(SCAN_WINDOW, 1e6, 600), -np.geomspace(SCAN_WINDOW, 1e6, 600),
]))
OSCILLATING = 100  # more sign changes than this on the grid: f' oscillates without end
SATURATION_FRACTION = 0.05  # a saturated span: |f'| below 5 % of sup |f'|


def numerical(value) -> sp.Float:
    """A number computed numerically, as a SymPy Float of NUMERICAL_DIGITS digits."""
    return sp.Float(mpmath.nstr(mpmath.mpf(value), NUMERICAL_DIGITS + 2), NUMERICAL_DIGITS)


def _mp(expr: sp.Expr):
    import reference  # reference imports derive: import here, not at the top
    return sp.lambdify(X, expr, reference.MPMATH)


def _np(expr: sp.Expr):
    import reference
    return reference.numpy_function(expr)


@dataclass(frozen=True)
class Extent:
    """inf and sup of a smooth expression on an interval, and where they are reached."""

    low: sp.Expr
    high: sp.Expr
    low_at: sp.Set  # where low is attained (EmptySet: approached only)
    high_at: sp.Set
    low_approached: str  # "x → −∞", "x → 0+": where it is approached when not attained
    high_approached: str
    critical: tuple  # ((x, g(x)), ...) interior critical points
    numerical: bool  # some part was computed numerically
    oscillates: bool = False  # infinitely many critical points


@functools.lru_cache(maxsize=1024)
def _end_limit(g: sp.Expr, end: sp.Expr, side: int) -> tuple[sp.Expr, bool]:
    """lim g at an end of an interval from inside it; (value, numerical)."""
    if end.is_finite:
        exact = _attempt(lambda: one_sided(g, end, side))
    else:
        exact = _attempt(lambda: sp.limit(g, X, end))
    if exact is not None and exact.has(sp.AccumBounds):
        bounds = exact if isinstance(exact, sp.AccumBounds) else sp.AccumBounds(-sp.oo, sp.oo)
        return bounds, False
    if exact is not None and (exact.is_number and exact.is_real or exact in (sp.oo, -sp.oo)) \
            and not exact.has(sp.nan, sp.zoo):
        return exact, False
    # Numerically: g at points approaching the end, which must settle.
    f = _mp(g)
    with mpmath.workdps(WORK_DPS):
        if end.is_finite:
            c = mpmath.mpf(sp.N(end, WORK_DPS))
            samples = [f(c + side * mpmath.mpf(10) ** -k) for k in (8, 12, 16)]
        else:
            s = 1 if end > 0 else -1
            samples = [f(s * mpmath.mpf(10) ** k) for k in (4, 6, 8)]
        if all(mpmath.isfinite(v) for v in samples) and \
                abs(samples[-1] - samples[-2]) <= mpmath.mpf(10) ** -NUMERICAL_DIGITS * (1 + abs(samples[-1])):
            if abs(samples[-1]) < mpmath.mpf(10) ** -(2 * NUMERICAL_DIGITS):
                return sp.S.Zero, True  # settles at 0 (to 30 digits)
            return numerical(samples[-1]), True
        if all(v > 0 for v in samples) and samples[2] > 100 * abs(samples[0]) + 1:
            return sp.oo, True
        if all(v < 0 for v in samples) and -samples[2] > 100 * abs(samples[0]) + 1:
            return -sp.oo, True
    raise ValueError(f"cannot find the limit of {g} as x → {end}")


def _sign_changes(dg: sp.Expr, interval: sp.Interval) -> list[tuple[float, float]]:
    """Brackets (a, b) of the grid where dg changes sign, inside the interval."""
    lo = float(interval.start) if interval.start.is_finite else -np.inf
    hi = float(interval.end) if interval.end.is_finite else np.inf
    xs = SCAN_GRID[(SCAN_GRID > lo) & (SCAN_GRID < hi)]
    if lo > -np.inf:
        xs = np.concatenate([[lo + 1e-12 * max(1, abs(lo))], xs])
    if hi < np.inf:
        xs = np.concatenate([xs, [hi - 1e-12 * max(1, abs(hi))]])
    ys = _np(dg)(xs)
    ok = np.isfinite(ys)
    xs, ys = xs[ok], ys[ok]
    signs = np.sign(ys)
    brackets = []
    for i in np.nonzero(signs[:-1] * signs[1:] < 0)[0]:
        brackets.append((float(xs[i]), float(xs[i + 1])))
    for i in np.nonzero(signs == 0)[0]:  # exact zeros of the float derivative
        if 0 < i < len(xs) - 1 and signs[i - 1] * signs[i + 1] < 0:
            brackets.append((float(xs[i - 1]), float(xs[i + 1])))
    return sorted(set(brackets))


def _refine(dg: sp.Expr, bracket: tuple[float, float]) -> mpmath.mpf:
    f = _mp(dg)
    with mpmath.workdps(WORK_DPS):
        a, b = mpmath.mpf(bracket[0]), mpmath.mpf(bracket[1])
        try:
            return mpmath.findroot(f, (a, b), solver="anderson")
        except (ValueError, ZeroDivisionError):
            for _ in range(200):  # bisection keeps the bracket
                m = (a + b) / 2
                if mpmath.sign(f(m)) == mpmath.sign(f(a)):
                    a = m
                else:
                    b = m
            return (a + b) / 2


@functools.lru_cache(maxsize=1024)
def _exact_critical(dg: sp.Expr, interval: sp.Interval):
    """Critical points in closed form (a finite set of numbers), or None."""
    found = _attempt(lambda: sp.solveset(sp.Eq(dg, 0), X, interval.interior))
    if isinstance(found, sp.FiniteSet) and all(c.is_number and c.is_real for c in found):
        return sorted(found, key=lambda v: float(v))
    if found is sp.S.EmptySet:
        return []
    return None


def _close(a: float, b: float) -> bool:
    """Equal, or numerically equal to 12 digits (two numerical extrema of one value)."""
    return a == b or (math.isfinite(a) and math.isfinite(b) and abs(a - b) <= 1e-12 * max(1.0, abs(a), abs(b)))


def _is_zero(e: sp.Expr) -> bool:
    """e ≡ 0, decided by simplify when it is quick (a derivative that vanishes identically)."""
    if e == 0:
        return True
    if not e.has(X):
        return bool(e.is_zero)
    values = _np(e)(np.array([-3.7, -1.3, 0.6, 2.9]))  # a non-zero value settles it at once
    if np.any(np.isfinite(values) & (np.abs(values) > 1e-9)):
        return False
    return e.count_ops() < 60 and _attempt(lambda: sp.simplify(e) == 0) is True


def _simplified(e: sp.Expr) -> sp.Expr:
    result = _attempt(lambda: sp.simplify(e))
    return e if result is None else result


@functools.lru_cache(maxsize=1024)
def extent(g: sp.Expr, interval: sp.Interval) -> Extent:
    """inf and sup of the smooth expression g over the interval."""
    if isinstance(interval, sp.FiniteSet):
        (c,) = interval
        v = sp.simplify(g.subs(X, c))
        return Extent(v, v, interval, interval, "", "", (), False)
    dg = sp.diff(g, X)
    if _is_zero(dg):
        v = sp.simplify(g.subs(X, interval.start if interval.start.is_finite else interval.end)
                        if (interval.start.is_finite or interval.end.is_finite) else g)
        return Extent(v, v, interval, interval, "", "", (), False)
    numeric = False
    candidates = []  # (value, attained set, approached text)
    for end, side, is_open in ((interval.start, 1, interval.left_open), (interval.end, -1, interval.right_open)):
        limit, num = _end_limit(g, end, side)
        numeric |= num
        where = "x \\to " + (sp.latex(end) + ("^+" if side > 0 else "^-") if end.is_finite else
                             ("+\\infty" if end > 0 else "-\\infty"))
        if isinstance(limit, sp.AccumBounds):
            candidates += [(limit.min, sp.S.EmptySet, where), (limit.max, sp.S.EmptySet, where)]
        elif end.is_finite and not is_open:
            candidates.append((limit, sp.FiniteSet(end), ""))
        else:
            candidates.append((limit, sp.S.EmptySet, where))
    critical = _exact_critical(dg, interval)
    oscillates = False
    if critical is not None:
        points = [(c, _simplified(g.subs(X, c))) for c in critical]
    else:
        brackets = _sign_changes(dg, interval)
        oscillates = len(brackets) > OSCILLATING
        if oscillates:  # keep the critical points of the dense window; the ends carry the rest
            brackets = [b for b in brackets if abs(b[0]) <= SCAN_WINDOW and abs(b[1]) <= SCAN_WINDOW]
        f = _mp(g)
        points = []
        for bracket in brackets[:OSCILLATING]:
            root = _refine(dg, bracket)
            with mpmath.workdps(WORK_DPS):
                points.append((numerical(root), numerical(f(root))))
        numeric = True
    candidates += [(v, sp.FiniteSet(c), "") for c, v in points]

    def key(v):
        return float(v) if v.is_finite else (math.inf if v == sp.oo else -math.inf)

    lowest = min(key(v) for v, _, _ in candidates)
    highest = max(key(v) for v, _, _ in candidates)

    def pick(target):
        chosen = [(v, at, text) for v, at, text in candidates if _close(key(v), target)]
        value = chosen[0][0]
        exact = [v for v, _, _ in chosen if not isinstance(v, sp.Float)]
        value = exact[0] if exact else value
        at = sp.Union(*[a for _, a, _ in chosen]) if chosen else sp.S.EmptySet
        text = next((t for _, a, t in chosen if t), "")
        return value, at, text

    low, low_at, low_text = pick(lowest)
    high, high_at, high_text = pick(highest)
    return Extent(low, high, low_at, high_at, low_text, high_text, tuple(points), numeric, oscillates)


@dataclass(frozen=True)
class Extremum:
    kind: str  # "minimum" or "maximum"
    x: sp.Expr
    value: sp.Expr
    is_global: bool
    numerical: bool


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
    derivative_inf: sp.Expr = sp.S.Zero
    derivative_inf_where: sp.Set = sp.S.EmptySet
    derivative_inf_approached: str = ""
    extrema: tuple[Extremum, ...] = ()  # interior local minima and maxima of f
    numerical: tuple[str, ...] = ()  # properties computed numerically (to NUMERICAL_DIGITS digits)
    saturation_spans: tuple[tuple[float, float], ...] = ()  # see saturation_spans()
    extrema_infinite: bool = False  # f' changes sign without end (sinc, x·cos x): extrema lists those in [−60, 60]

    @property
    def derivative_abs_sup(self) -> sp.Expr:
        """sup |f'| = max(sup f', −inf f')."""
        a, b = self.derivative_sup, -self.derivative_inf
        return a if float(a) >= float(b) else b


def image(ps: list[Piece]) -> sp.Set:
    result = sp.S.EmptySet
    for p in ps:
        e = extent(p.expr, p.interval)
        lo = sp.Interval(e.low, e.high, left_open=e.low_at is sp.S.EmptySet,
                         right_open=e.high_at is sp.S.EmptySet) if e.low != e.high else sp.FiniteSet(e.low)
        result = sp.Union(result, lo)
    return result


def _sign(e: Extent) -> float:
    """1: g > 0, 0.5: g ≥ 0, 0: g = 0, and the negatives; None: both signs."""
    lo, hi = e.low, e.high
    if lo == 0 and hi == 0:
        return 0
    if float(lo) > 0 or (lo == 0 and e.low_at is sp.S.EmptySet):
        return 1
    if float(lo) >= 0:
        return 0.5
    if float(hi) < 0 or (hi == 0 and e.high_at is sp.S.EmptySet):
        return -1
    if float(hi) <= 0:
        return -0.5
    return None


def _monotonic(extents: list[Extent], ks: list[Kink]) -> str:
    """From the sign of f' on each piece and the direction of each jump."""
    signs = [_sign(e) for e in extents]
    if any(s is None for s in signs):
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


def _saturation(piece: Piece, end) -> tuple[str, bool]:
    """"hard" (f' = 0 on the tail piece), "soft" (f' → 0) or "no"; and whether numerical."""
    d = sp.diff(piece.expr, X)
    if _is_zero(d):
        return "hard", False
    limit, num = _end_limit(d, end, 1 if end < 0 else -1)
    return ("soft" if limit == 0 or (isinstance(limit, sp.Float) and limit == 0) else "no"), num


def standard_normal_mean(ps: list[Piece], dps: int = 30) -> mpmath.mpf:
    """E[f(Z)] for Z ~ N(0, 1), by quadrature on each piece."""
    with mpmath.workdps(dps):
        total = mpmath.mpf(0)
        for p in ps:
            if not isinstance(p.interval, sp.Interval):
                continue
            f = _mp(p.expr)
            a, b = (mpmath.mpf(sp.N(v, dps)) if v.is_finite else (mpmath.inf if v > 0 else -mpmath.inf)
                    for v in (p.interval.start, p.interval.end))
            total += mpmath.quad(lambda z: f(z) * mpmath.npdf(z), [a, b])
        return total


def saturation_spans(expr: sp.Expr, saturates_left: str, saturates_right: str, abs_sup: float,
                     fraction: float = SATURATION_FRACTION) -> tuple[tuple[float, float], ...]:
    """Where f is saturated: the tails on which f' → 0, as (start, end) with ±inf ends.

    A side that saturates (``saturates_left``/``right`` not "no") gives one
    span, from ±∞ to the first x (coming from that side) where
    |f'(x)| ≥ fraction · sup |f'|; a side that does not saturate gives none,
    however small f' gets elsewhere (GELU's f' is 0 at x ≈ −0.75, which is a
    minimum of f, not saturation). For the figures.
    """
    if abs_sup <= 0:
        return ()
    threshold = fraction * abs_sup
    xs = np.linspace(-SCAN_WINDOW, SCAN_WINDOW, 120001)
    d = np.full_like(xs, np.nan)
    for p in derivative_pieces(expr):
        a = float(p.interval.start) if p.interval.start.is_finite else -np.inf
        b = float(p.interval.end) if p.interval.end.is_finite else np.inf
        inside = (xs > a) & (xs < b)
        if inside.any():
            d[inside] = np.abs(_np(p.expr)(xs[inside]))
    big = np.nonzero(np.nan_to_num(d, nan=0.0) >= threshold)[0]
    spans = []
    if len(big) == 0:
        return ((-math.inf, math.inf),) if saturates_left != "no" and saturates_right != "no" else ()
    kinks_ = [float(c) for c in breakpoints(pieces(expr, allow_points=True))]
    dfun = _np(derivative(expr))

    def crossing(outside: float, inside: float) -> float:
        """The point between two grid points where |f'| reaches the threshold (a kink if one lies there)."""
        lo, hi = min(outside, inside), max(outside, inside)
        for c in kinks_:
            if lo <= c <= hi:
                return c
        for _ in range(60):
            mid = (outside + inside) / 2
            if abs(float(dfun(np.array([mid]))[0])) >= threshold:
                inside = mid
            else:
                outside = mid
        return round(inside, 12)

    if saturates_left != "no":
        i = big[0]
        spans.append((-math.inf, crossing(float(xs[i - 1]), float(xs[i])) if i > 0 else float(xs[0])))
    if saturates_right != "no":
        i = big[-1]
        spans.append((crossing(float(xs[i + 1]), float(xs[i])) if i + 1 < len(xs) else float(xs[-1]), math.inf))
    return tuple(spans)


@functools.lru_cache(maxsize=256)
def properties(expr: sp.Expr) -> Properties:
    """Properties of an expression without free parameters."""
    free = sp.sympify(expr).free_symbols - {X}
    if free:
        raise ValueError(f"properties need numbers for {sorted(map(str, free))}")
    ps = pieces(expr, allow_points=True)
    intervals = [p for p in ps if isinstance(p.interval, sp.Interval)]
    ks = kinks(expr, set())
    numeric: list[str] = []

    def step(name, fn):
        try:
            return fn()
        except DeclarationError:
            raise
        except Exception as err:
            raise PropertyError(name, f"{type(err).__name__}: {err}") from err

    step("domain", lambda: _check_real(intervals))
    fx = step("range", lambda: [extent(p.expr, p.interval) for p in ps])
    rng = step("range", lambda: image(ps))
    if any(e.numerical for e in fx):
        numeric.append("range")
    dps = derivative_pieces(expr)
    dx = step("derivative", lambda: [extent(p.expr, p.interval) for p in dps])
    if any(e.numerical for e in dx):
        numeric += ["derivative", "monotonic"]
    key = lambda v: float(v) if v.is_finite else (math.inf if v == sp.oo else -math.inf)  # noqa: E731
    sup = max((e.high for e in dx), key=key)
    inf = min((e.low for e in dx), key=key)

    def where_of(target, extents, attained_attr):
        where = sp.S.EmptySet
        for p, e in zip(dps, extents):
            if not _close(key(getattr(e, attained_attr.replace("_at", ""))), key(target)):
                continue
            at = getattr(e, attained_attr)
            if not isinstance(target, sp.Float) and not e.numerical:
                exact = _attempt(lambda: sp.S.Reals.intersect(p.interval) if sp.simplify(p.expr - target) == 0
                                 else sp.solveset(sp.Eq(p.expr, target), X, p.interval))
                if isinstance(exact, (sp.Interval, sp.FiniteSet, sp.Union)):
                    at = exact
            where = sp.Union(where, at)
        # At a differentiable kink the derivative exists and equals both limits.
        for k in ks:
            if k.differentiable is True and not k.removable and sp.simplify(k.right_quotient - target) == 0:
                where = sp.Union(where, sp.FiniteSet(k.point))
            if k.removable and key(k.right_quotient) == key(target):
                where = sp.Union(where, sp.FiniteSet(k.point))
        approached = ""
        if where is sp.S.EmptySet:
            for k in ks:
                for side, q in (("−", k.left_quotient), ("+", k.right_quotient)):
                    if q.is_finite and key(q) == key(target) and sp.simplify(q - target) == 0:
                        approached = f"x → {sp.latex(k.point)}{side}"
            if not approached:
                text = next((getattr(e, attained_attr.replace("_at", "_approached")) for e in extents
                             if key(getattr(e, attained_attr.replace("_at", ""))) == key(target)), "")
                approached = text.replace("\\to", "→").replace("^+", "+").replace("^-", "−") \
                    .replace("+\\infty", "\\infty")
        return where, approached

    sup_where, sup_approached = where_of(sup, dx, "high_at")
    inf_where, inf_approached = where_of(inf, dx, "low_at")
    monotonic = step("monotonic", lambda: _monotonic(dx, ks))
    # Interior extrema of f: critical points where f' changes sign.
    extrema = []
    f_extents = [extent(p.expr, p.interval) for p in intervals]
    for p, e in zip(intervals, f_extents):
        for c, v in e.critical:
            with mpmath.workdps(WORK_DPS):
                left, right = (_mp(sp.diff(p.expr, X))(mpmath.mpf(sp.N(c, WORK_DPS)) + s * mpmath.mpf("1e-6"))
                               for s in (-1, 1))
            if left < 0 < right:
                kind = "minimum"
            elif left > 0 > right:
                kind = "maximum"
            else:
                continue
            is_global = (kind == "minimum" and key(v) == key(rng.inf)) or (kind == "maximum" and key(v) == key(rng.sup))
            extrema.append(Extremum(kind, c, v, is_global, isinstance(c, sp.Float)))
    if any(x.numerical for x in extrema):
        numeric.append("extrema")
    sat_left, num_l = step("saturation", lambda: _saturation(intervals[0], -sp.oo))
    sat_right, num_r = step("saturation", lambda: _saturation(intervals[-1], sp.oo))
    if num_l or num_r:
        numeric.append("saturation")
    mean = step("mean", lambda: mpmath.mpf(standard_normal_mean(ps)))
    names = sorted({type(f).__name__ for f in expr.atoms(sp.Function)} |
                   ({"exp"} if expr.atoms(sp.exp) else set()))
    abs_sup = max(key(sup), -key(inf))
    spans = step("saturation", lambda: saturation_spans(expr, sat_left, sat_right, abs_sup)) \
        if math.isfinite(abs_sup) else ()
    return Properties(
        range=rng,
        bounded_below=rng.inf.is_finite is True,
        bounded_above=rng.sup.is_finite is True,
        monotonic=monotonic,
        saturates_left=sat_left,
        saturates_right=sat_right,
        mean_standard_normal=float(mean),
        zero_centred=abs(mean) < mpmath.mpf("1e-20"),
        derivative_sup=sup,
        derivative_sup_where=sup_where,
        derivative_sup_approached=sup_approached,
        transcendental=tuple(n for n in names if n not in ("Piecewise", "Max", "Min")),
        derivative_inf=inf,
        derivative_inf_where=inf_where,
        derivative_inf_approached=inf_approached,
        extrema=tuple(extrema),
        numerical=tuple(dict.fromkeys(numeric)),
        saturation_spans=spans,
        extrema_infinite=any(e.oscillates for e in f_extents),
    )


DOMAIN_PROBES = (-1e3, -100, -10, -3, -1.5, -1, -0.5, -0.1, 0.1, 0.5, 1, 1.5, 3, 10, 100, 1e3)


def _check_real(intervals: list[Piece]) -> None:
    """f must be real and finite on the real line: probe each piece at a few points inside it."""
    for p in intervals:
        f = _mp(p.expr)
        for x in DOMAIN_PROBES:
            if p.interval.contains(sp.Float(x)) != sp.true:
                continue
            with mpmath.workdps(30):
                try:
                    v = f(mpmath.mpf(x))
                except (ValueError, ZeroDivisionError) as err:
                    raise ValueError(f"f({x:g}) cannot be evaluated: {err}") from None
            if isinstance(v, mpmath.mpc) and v.imag != 0:
                raise ValueError(f"f({x:g}) = {mpmath.nstr(v, 6)} is not real: the activation must be real "
                                 "on the whole real line")
            if not mpmath.isfinite(v):
                raise ValueError(f"f({x:g}) = {v} is not finite")


class PropertyError(ValueError):
    """A property that could not be derived; the message names it."""

    def __init__(self, name: str, problem: str):
        super().__init__(f"property {name!r}: {problem}")
        self.property = name


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
