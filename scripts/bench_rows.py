"""Exact values and Jacobians of any declared vector activation, on rows of any length.

The benchmark measures the vector kinds (softmax, softmin, log-softmax,
sparsemax, ...) on rows of 10 and 100 entries. Expanding the declared Σ into
100 symbols takes SymPy minutes, so the reference here never expands it:

- each ``Sum(h(x[k]), (k, 1, n))`` of the declared component becomes one
  number, the mpmath sum of h over the row; the component is then a function
  of x[i], those sums and τ, lambdified once;
- a declared threshold τ (sparsemax) is found by the sorted-support rule of
  ``scripts/vector.py``: sort the row in decreasing order, τ_m is the declared
  threshold over the m largest entries, and the support is the largest m with
  x_(m) > τ_m;
- the Jacobian is the declared rule (``Activation.jacobian``), which
  ``scripts/vector.py`` proves equal to SymPy's Jacobian for n = 2, 3, 4,
  with s[q] the softmax of the row, supp[q] and m from the support; a Σ
  in the rule (softpick's Σ_k |e^{x_k} − 1|) is one number per row, as in
  the component.

Everything is evaluated with mpmath, doubling the precision until two
evaluations agree (the rule of ``scripts/reference.py``, applied to a row).
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable

import mpmath
import sympy as sp

import reference
import vector
from activations import Activation, DeclarationError
from vector import I, J, K, M, N, SB, SUPP, TAU, XB, YB

@functools.lru_cache(maxsize=4096)
def _exp_at(v: mpmath.mpf, prec: int) -> mpmath.mpf:
    return mpmath.exp(v)


def _exp(v):
    """mpmath's exp, remembered per value and precision: a row's component, its sums and each of the
    n² Jacobian entries call exp on the same few inputs (softpick's e^{x_i}, e^{x_j})."""
    return _exp_at(v, mpmath.mp.prec) if isinstance(v, mpmath.mpf) else mpmath.exp(v)


_MODULES = [{**reference.MPMATH[0], "exp": _exp}, *reference.MPMATH[1:]]


@dataclasses.dataclass(frozen=True)
class _Compiled:
    """A declared expression as a function of its scalars and of the sums it contains."""

    fn: Callable
    sums: tuple[Callable, ...]  # h of each Sum(h(x[k]), (k, 1, n or m)), a function of x[k]


def _compile(act: Activation, expr: sp.Expr, scalars: tuple[sp.Symbol, ...], field: str) -> _Compiled:
    placeholders, terms = [], []

    def replace(s: sp.Sum):
        (k, lo, hi), = s.limits
        if k != K or lo != 1 or hi not in (N, M):
            raise DeclarationError(act.slug, f"{s} is not a sum over k from 1 to n (or m)", field)
        h = s.function
        z = sp.Dummy("h")
        if h.atoms(sp.Indexed) - {XB[K]} or h.subs(XB[K], z).free_symbols - {z}:
            raise DeclarationError(act.slug, f"{s} sums something other than a function of x[k]", field)
        terms.append(sp.lambdify(z, h.subs(XB[K], z), _MODULES))
        placeholders.append(sp.Symbol(f"sum{len(placeholders)}"))
        return placeholders[-1]

    flat = expr.replace(lambda e: isinstance(e, sp.Sum), replace)
    stray = flat.free_symbols - set(scalars) - set(placeholders)
    if stray:
        raise DeclarationError(act.slug, f"cannot evaluate {expr} on a row: it uses {sorted(map(str, stray))}", field)
    return _Compiled(sp.lambdify((*scalars, *placeholders), flat, _MODULES), tuple(terms))


def _evaluate(c: _Compiled, scalars: tuple, row: list) -> mpmath.mpf:
    return c.fn(*scalars, *(mpmath.fsum(h(v) for v in row) for h in c.sums))


@dataclasses.dataclass(frozen=True)
class RowReference:
    """Exact values (and the Jacobian) of a declared vector activation at a float row."""

    act: Activation
    component: _Compiled  # in x[i] and τ
    threshold: _Compiled | None  # in m, over the m largest entries
    rule: _Compiled | None  # the Jacobian entry in (δ, y_i, y_j, x_i, x_j, s_i, s_j, supp_i, supp_j, m)
    #                         and the sums over the row it contains (softpick's Σ|e^x_k − 1|)

    def tau(self, row: list) -> tuple[mpmath.mpf, list[int]]:
        """τ and the 0/1 support of the row (sorted-support rule), or (0, all ones) without a threshold."""
        if self.threshold is None:
            return mpmath.mpf(0), [1] * len(row)
        if any(mpmath.isnan(v) or mpmath.isinf(v) for v in row):  # no finite threshold: the tests' business
            return mpmath.nan, [0] * len(row)
        ranked = sorted(row, reverse=True)
        best, tau = 0, None
        for m in range(1, len(row) + 1):
            t = _evaluate(self.threshold, (m,), ranked[:m])
            if ranked[m - 1] > t:
                best, tau = m, t
        return tau, [int(v > tau) for v in row]

    def at(self, xs: list, jacobian: bool, digits: int):
        with mpmath.workdps(digits):
            xs = [mpmath.mpf(v) for v in xs]
            tau, support = self.tau(xs)
            sums = [mpmath.fsum(h(v) for v in xs) for h in self.component.sums]
            ys = [+self.component.fn(x, tau, *sums) for x in xs]
            if not jacobian:
                return ys, None
            top = max(xs)
            e = [_exp(x - top) for x in xs]
            total = mpmath.fsum(e)
            s = [v / total for v in e]
            m, n = sum(support), len(xs)
            row_sums = [mpmath.fsum(h(v) for v in xs) for h in self.rule.sums]  # once per row
            jac = [[+self.rule.fn(int(i == j), ys[i], ys[j], xs[i], xs[j], s[i], s[j], support[i], support[j], m,
                                  *row_sums)
                    for j in range(n)] for i in range(n)]
            return ys, jac

    def __call__(self, row, jacobian: bool):
        """(values, Jacobian or None), each entry stable to reference.AGREE_DIGITS digits: the
        precision doubles until two evaluations agree (reference.py's rule, for a whole row), so
        that x_i − log Σ exp(x_k) keeps its digits where the two terms cancel."""
        xs = [float(v) for v in row]
        finite = [abs(v) for v in xs if v != 0 and mpmath.isfinite(v)]
        digits = reference.START_DIGITS
        if finite:
            top, bottom = max(finite), min(finite)
            digits += min(abs(int(mpmath.log10(top))), 400) + min(int(top), 2000) * (top > 1)
            digits += min(int(mpmath.log10(top) - mpmath.log10(bottom)), 700)
        value = self.at(xs, jacobian, digits)
        while digits < reference.MAX_DIGITS:
            finer = self.at(xs, jacobian, 2 * digits)
            if all(_agree(a, b) for a, b in zip(_flat(value), _flat(finer))):
                return finer
            value, digits = finer, 2 * digits
        raise ArithmeticError(f"{self.act.slug}: no {reference.AGREE_DIGITS} stable digits on the row {xs}")


def _flat(result) -> list:
    ys, jac = result
    return list(ys) + [v for r in jac or () for v in r]


def _agree(a, b) -> bool:
    """reference.py's agreement, or both below the smallest float64 (0 once rounded)."""
    tiny = mpmath.mpf("1e-330")
    return reference._agree(a, b) or (mpmath.isfinite(a) and mpmath.isfinite(b) and abs(a) < tiny and abs(b) < tiny)


_NAMES = sp.symbols("delta y_i y_j x_i x_j s_i s_j supp_i supp_j m_")


def row_reference(act: Activation) -> RowReference:
    """The exact row function of a vector activation, from its declaration alone."""
    component = _compile(act, vector.declared(act).subs(XB[I], sp.Symbol("x_i")),
                         (sp.Symbol("x_i"), TAU), "expr")
    threshold = None
    if act.threshold:
        t = vector._parse(act, act.threshold, "threshold", {"x": XB, "m": M, "k": K})
        threshold = _compile(act, t, (M,), "threshold")
    d, yi, yj, xi, xj, si, sj, ui, uj, m = _NAMES
    rule = vector.jacobian_rule(act).replace(lambda e: isinstance(e, sp.KroneckerDelta), lambda e: d)
    rule = rule.subs({YB[I]: yi, YB[J]: yj, XB[I]: xi, XB[J]: xj, SB[I]: si, SB[J]: sj,
                      SUPP[I]: ui, SUPP[J]: uj, M: m})
    stray = rule.replace(lambda e: isinstance(e, sp.Sum), lambda e: sp.S.Zero).free_symbols - set(_NAMES)
    if stray:
        raise DeclarationError(act.slug, f"the Jacobian rule still uses {sorted(map(str, stray))} "
                                         "for a row evaluation", "jacobian")
    return RowReference(act, component, threshold, _compile(act, rule, _NAMES, "jacobian"))
