"""The properties of an elementwise activation, derived at its default parameter values.

Range, extrema, monotonicity, the sup and inf of f', saturation (and the
saturated spans), E[f(Z)] for a standard normal Z, and the largest gap
between two expressions (:func:`max_difference`), from the smooth pieces and
kinks of ``derive.py``.

Closed forms first, numbers when SymPy has none: each property is decided
from exact limits at the ends of each piece and exact critical points
(``solveset``), each attempt limited to ``derive.SYMPY_BUDGET`` CPU seconds;
otherwise the zeros of the derivative are found by a sign-change scan and
refined by ``mpmath.findroot`` at ``WORK_DPS`` digits, reported to
``NUMERICAL_DIGITS`` digits, and the property is listed in
``Properties.numerical`` so that the page labels it. A property that still
cannot be derived raises :class:`PropertyError` naming it.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import mpmath
import numpy as np
import sympy as sp

from activations import DeclarationError
from derive import X, Kink, Piece, attempt, breakpoints, derivative, derivative_pieces, kinks, one_sided, pieces
from tex import approx, interval_latex


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
        exact = attempt(lambda: one_sided(g, end, side))
    else:
        exact = attempt(lambda: sp.limit(g, X, end))
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
    found = attempt(lambda: sp.solveset(sp.Eq(dg, 0), X, interval.interior))
    if isinstance(found, sp.FiniteSet) and all(c.is_number and c.is_real for c in found):
        return sorted(found, key=lambda v: float(v))
    if found is sp.S.EmptySet:
        return []
    return None


def _at_zero(dg: sp.Expr, root) -> bool:
    """A numerical root that is 0: closer to it than half the working digits, and dg(0) = 0 exactly."""
    if abs(root) >= mpmath.mpf(10) ** (-(WORK_DPS // 2)):
        return False
    at_zero = attempt(lambda: sp.simplify(dg.subs(X, 0)))
    return at_zero is not None and at_zero == 0


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
    return e.count_ops() < 60 and attempt(lambda: sp.simplify(e) == 0) is True


def _simplified(e: sp.Expr) -> sp.Expr:
    result = attempt(lambda: sp.simplify(e))
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
            if _at_zero(dg, root):  # x·tanh(x): findroot stops at 1e-62, the root is 0
                points.append((sp.S.Zero, _simplified(g.subs(X, 0))))
                continue
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


MEAN_WINDOW = 40.0  # the fallback integrates on [−40, 40]; the normal density there is below 1e−347


def standard_normal_mean(ps: list[Piece], dps: int = 30) -> mpmath.mpf:
    """E[f(Z)] for Z ~ N(0, 1), by quadrature on each piece.

    On infinite intervals tanh-sinh quadrature evaluates f far out in the tails, where
    mpmath can take hours (GoLU's exp(−exp(−z)) needs ln 2 to millions of bits). So the
    integral over the whole line gets ``derive.SYMPY_BUDGET`` CPU seconds; after that it
    is taken over [−MEAN_WINDOW, MEAN_WINDOW] instead (cut every 2 units: tanh-sinh on
    one long interval misses the bulk), where the normal density is below 1e−347, once
    |f(±MEAN_WINDOW)|·φ(MEAN_WINDOW) is checked to be below 10^−(dps + 10). Both agree
    to 30 digits on every activation whose whole-line integral finishes.
    """
    whole = attempt(lambda: _normal_quadrature(ps, dps, None))
    return whole if whole is not None else _normal_quadrature(ps, dps, MEAN_WINDOW)


def _normal_quadrature(ps: list[Piece], dps: int, window: float | None) -> mpmath.mpf:
    with mpmath.workdps(dps):
        total = mpmath.mpf(0)
        for p in ps:
            if not isinstance(p.interval, sp.Interval):
                continue
            f = _mp(p.expr)
            a, b = (mpmath.mpf(sp.N(v, dps)) if v.is_finite else (mpmath.inf if v > 0 else -mpmath.inf)
                    for v in (p.interval.start, p.interval.end))
            total += normal_quad(f, a, b, dps, window, "E[f(Z)]")
        return total


def normal_quad(g, a, b, dps: int, window: float | None, what: str) -> mpmath.mpf:
    """∫ g(z)·φ(z) dz on [a, b], or on its part inside [−window, window] cut every 2 units.

    The windowed form first checks that |g|·φ at a cut end is below 10^−(dps + 10), so
    that what is left out cannot show in ``dps`` digits; else it fails naming ``what``.
    """
    if window is None:
        return mpmath.quad(lambda z: g(z) * mpmath.npdf(z), [a, b])
    a, b = max(a, -mpmath.mpf(window)), min(b, mpmath.mpf(window))
    if a >= b:
        return mpmath.mpf(0)
    for end in (a, b):
        if abs(end) == window and abs(g(end)) * mpmath.npdf(end) > mpmath.mpf(10) ** -(dps + 10):
            raise ValueError(f"{what}: the integrand is too large at {mpmath.nstr(end, 3)} to cut the "
                             "integral there, and the integral over the real line takes too long")
    cuts = [a] + [mpmath.mpf(c) for c in range(-int(window), int(window) + 1, 2) if a < c < b] + [b]
    return mpmath.quad(lambda z: g(z) * mpmath.npdf(z), cuts)


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
                exact = attempt(lambda: sp.S.Reals.intersect(p.interval) if sp.simplify(p.expr - target) == 0
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


# --------------------------------------------------------------------------
# Wikipedia's comparison columns: monotonic derivative, identity near the origin
# --------------------------------------------------------------------------


def derivative_monotonic(expr: sp.Expr) -> tuple[str, bool]:
    """Whether f' is monotonic where it exists: "non-decreasing", "increasing", ... or "no", and
    whether that was decided numerically.

    From the sign of f'' on each piece (:func:`extent` of f'') and the direction of the jump of f'
    at each breakpoint (its one-sided limits there); the value of f' at a kink, where f has none, does
    not enter (ReLU's derivative, the step 0 → 1, is non-decreasing).
    """
    free = sp.sympify(expr).free_symbols - {X}
    if free:
        raise ValueError(f"derivative_monotonic needs numbers for {sorted(map(str, free))}")
    dps = derivative_pieces(expr)
    extents = [extent(sp.diff(p.expr, X), p.interval) for p in dps]
    fake = []
    for left, right in zip(dps, dps[1:]):
        c = left.interval.sup
        lo, _ = _end_limit(left.expr, c, -1)
        hi, _ = _end_limit(right.expr, c, 1)
        fake.append(Kink(c, hi, lo, hi, 0, 0, True, True, 0, None))  # only the jump lo → hi is read
    verdict, numeric = _monotonic(extents, fake), any(e.numerical for e in extents)
    if verdict != "no" and _both_ways(dps):  # solveset can miss the zeros of f‴ (soft clipping)
        return "no", True
    return verdict, numeric


def _both_ways(dps: list[Piece]) -> bool:
    """f' rises and falls on SCAN_GRID (within a piece), beyond rounding: a numerical check of a claim
    that f' is monotonic."""
    rises = falls = False
    for p in dps:
        lo = float(p.interval.start) if p.interval.start.is_finite else -np.inf
        hi = float(p.interval.end) if p.interval.end.is_finite else np.inf
        xs = SCAN_GRID[(SCAN_GRID > lo) & (SCAN_GRID < hi)]
        ys = _np(p.expr)(xs)
        ys = ys[np.isfinite(ys)]
        if len(ys) < 3:
            continue
        steps = np.diff(ys)
        tol = 1e-9 * max(1.0, float(np.max(np.abs(ys))))
        rises |= bool(np.any(steps > tol))
        falls |= bool(np.any(steps < -tol))
    return rises and falls


def identity_near_origin(expr: sp.Expr, params: set[sp.Symbol] = frozenset()):
    """Wikipedia's "approximates identity near the origin": f(0) = 0 and f'(0) = 1 (f differentiable
    at 0). True, False, or the parameter solutions (as :func:`derive.kinks`' ``continuous``) for
    which it holds; ``params`` are the symbols left in ``expr``."""
    ps = pieces(expr, allow_points=True)
    intervals = [p for p in ps if isinstance(p.interval, sp.Interval)]
    at = next((p for p in ps if isinstance(p.interval, sp.FiniteSet) and 0 in p.interval), None) \
        or next(p for p in intervals if p.interval.contains(0) == sp.true)
    left = next(p for p in intervals if p.interval.contains(-sp.Rational(1, 10**9)) == sp.true
                or p.interval.sup == 0)
    right = next(p for p in intervals if p.interval.inf == 0 or p.interval.contains(0) == sp.true)
    value = sp.simplify(at.expr.subs(X, 0))
    conditions = [value,  # f(0) = 0, and f continuous with f' = 1 from both sides
                  one_sided(left.expr, 0, -1) - value, one_sided(right.expr, 0, 1) - value,
                  one_sided(sp.diff(left.expr, X), 0, -1) - 1, one_sided(sp.diff(right.expr, X), 0, 1) - 1]
    conditions = [sp.simplify(c) for c in conditions]
    if all(c == 0 for c in conditions):
        return True
    if any(c.is_number and c != 0 for c in conditions) or not params:
        return False
    solutions = attempt(lambda: sp.solve([c for c in conditions if c != 0], sorted(params, key=str), dict=True))
    return [s for s in solutions or [] if all(v.is_real is not False for v in s.values())] or False
