"""Vector-valued activations: the softmax family, sparsemax and the GLU family.

``kind="vector"`` (softmax, softmin, log-softmax, sparsemax): component i of
the output is declared over ``x[i]``, ``n`` and ``Sum(..., (k, 1, n))``.
SymPy expands it for n = 2, 3, 4 inputs, differentiates every component with
respect to every input and proves the declared closed-form Jacobian
(``Activation.jacobian``) entry by entry; it decides whether the outputs sum
to 1, whether adding a constant to every input changes nothing, and derives
the two-input case f(z, 0)_1 as a function of z (range, kinks), which it
matches against the elementwise activations of the catalog.

A projection (sparsemax) also declares a threshold ``tau`` over its support
S = {i : x_i > τ}. Inputs with the same support form a region on which the
activation is one smooth expression; for n = 2, 3 every region is derived:
the Jacobian there, the KKT conditions of the Euclidean projection onto the
probability simplex, and the boundaries where the support changes (the kinks:
continuous, the Jacobian jumps).

``kind="gated"`` (GLU, SwiGLU, GeGLU, ReGLU) and ``kind="concat"`` are
derived in ``gated.py`` with the helpers here; :func:`facts` is the entry
point for the vector and gated kinds (it adds the declared identities, with
f called on several inputs).

:func:`facts` returns plain data (LaTeX and Markdown strings, booleans,
numbers) for ``facts.Facts.vector``; the ``*_md`` functions of
``vector_render.py`` turn it into the page fragments, with no case for one
activation in particular.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass

import numpy as np
import sympy as sp

import derive
import proofs
import properties
import tex
from activations import VECTOR_KINDS, Activation, DeclarationError, by_slug
from derive import X
from tex import latex
from vector_render import kink_rows, ordered_latex, range_latex

SIZES = (2, 3, 4)  # input sizes for the Jacobian proofs
REGION_SIZES = (2, 3)  # a projection has 2**n − 1 regions: n = 2, 3
EXAMPLE = (sp.Integer(1), sp.Rational(1, 2), sp.Integer(-1))  # a three-input example on the page
I, J, K, N = sp.symbols("i j k n", integer=True, positive=True)
M = sp.Symbol("m", integer=True, positive=True)
XB, YB, SB, SUPP, GB = (sp.IndexedBase(name) for name in ("x", "y", "s", "supp", "g"))
TAU = sp.Symbol("tau", real=True)
A, B = sp.symbols("a b", real=True)
C = sp.Symbol("c", real=True)
NONSMOOTH = (sp.Piecewise, sp.Max, sp.Min, sp.Abs, sp.sign, sp.Heaviside)
KINDS = (*VECTOR_KINDS, "gated")  # the kinds whose pages facts() and the *_md functions write


def _error(act: Activation, field_name: str, problem: str) -> DeclarationError:
    return DeclarationError(act.slug, problem, field_name)


def _parse(act: Activation, text: str, field_name: str, names: dict) -> sp.Expr:
    try:
        expr = derive.parse(act, text, names)
    except DeclarationError as err:
        raise _error(act, field_name, str(err).split(": ", 1)[-1]) from None
    return sp.sympify(expr).subs(derive.parameter_values(act))


def inputs(size: int) -> list[sp.Symbol]:
    return list(sp.symbols(f"x1:{size + 1}", real=True))


POINTS = ((sp.Rational(3, 7), sp.Rational(-5, 3), sp.Rational(1, 9), sp.Integer(2), sp.Rational(-1, 4)),
          (sp.Rational(-2, 5), sp.Rational(1, 3), sp.Rational(7, 4), sp.Rational(-1, 8), sp.Rational(5, 6)))


def decide(expr: sp.Expr) -> bool | None:
    """Is expr identically 0? False if it is not 0 at an exact point; True if SymPy simplifies it to 0;
    None if it vanishes at the points but SymPy cannot show it (simplify alone decides nothing)."""
    expr = sp.sympify(expr)
    if expr == 0:
        return True
    free = sorted(expr.free_symbols, key=str)
    for point in POINTS:
        value = expr.subs(dict(zip(free, itertools.cycle(point)))).evalf(30)
        if value.is_number and abs(value) > 1e-25:
            return False
    if sp.expand(expr) == 0 or sp.cancel(sp.together(expr)) == 0:  # cheap first
        return True
    if sp.simplify(expr) == 0 or sp.simplify(sp.expand(expr.rewrite(sp.exp))) == 0:
        return True
    return None


def _zero(expr: sp.Expr) -> bool:
    return decide(expr) is True


def _all(verdicts) -> bool | None:
    """True if every verdict is True, False if one is False, else None (undecided)."""
    verdicts = list(verdicts)
    return False if False in verdicts else (True if all(v is True for v in verdicts) else None)


# --------------------------------------------------------------------------
# kind="vector": components, and the regions of a projection
# --------------------------------------------------------------------------


def declared(act: Activation) -> sp.Expr:
    """Component i of the output, as declared (x an IndexedBase)."""
    return _parse(act, act.expr, "expr", {"x": XB, "i": I, "k": K, "n": N, "tau": TAU})


def _expand(act: Activation, expr: sp.Expr, size: int, index: int, xs: list[sp.Symbol]) -> sp.Expr:
    e = expr.subs({N: size, I: index + 1}).doit()
    e = e.subs({XB[r + 1]: xs[r] for r in range(size)})
    stray = e.free_symbols - set(xs) - {TAU}
    if stray:
        raise _error(act, "expr", f"component {index + 1} for n = {size} still has {sorted(map(str, stray))}")
    return e


def components(act: Activation, size: int) -> tuple[list[sp.Symbol], list[sp.Expr]]:
    """The n components of a vector activation without threshold, in x1..xn."""
    if act.threshold:
        raise _error(act, "threshold", "a projection is piecewise: use regions()")
    xs, e = inputs(size), declared(act)
    return xs, [_expand(act, e, size, r, xs) for r in range(size)]


@dataclass(frozen=True)
class Region:
    """Inputs whose support is ``support``: there the activation is ``outputs``."""

    support: tuple[int, ...]  # 0-based indices
    tau: sp.Expr
    margins: tuple[sp.Expr, ...]  # x_r − τ: > 0 on the support, ≤ 0 off it
    outputs: tuple[sp.Expr, ...]

    @property
    def conditions(self) -> tuple:
        return tuple(sp.StrictGreaterThan(d, 0) if r in self.support else sp.LessThan(d, 0)
                     for r, d in enumerate(self.margins))

    def contains(self, point: dict) -> bool:
        return all(bool(c.subs(point)) for c in self.conditions)


def _threshold(act: Activation, support: tuple[int, ...], xs: list[sp.Symbol]) -> sp.Expr:
    t = _parse(act, act.threshold, "threshold", {"x": XB, "m": M, "k": K})
    t = t.subs(M, len(support)).doit().subs({XB[r + 1]: xs[s] for r, s in enumerate(support)})
    stray = t.free_symbols - set(xs)
    if stray:
        raise _error(act, "threshold", f"for a support of size {len(support)} it still has {sorted(map(str, stray))}")
    return t


def _resolve(act: Activation, e: sp.Expr, u: sp.Expr, positive: bool) -> sp.Expr:
    """Max(x_i − τ, 0) on a region: x_i − τ on the support, 0 off it."""

    def choose(*args):
        rest = [a for a in args if a != 0]
        if len(args) != 2 or len(rest) != 1 or sp.simplify(rest[0] - u) != 0:
            raise _error(act, "expr", f"with a threshold, the only Max allowed is Max(x[i] - tau, 0), not Max{args}")
        return rest[0] if positive else sp.S.Zero

    return e.replace(lambda q: isinstance(q, sp.Max), lambda q: choose(*q.args))


_REGIONS: dict = {}


def regions(act: Activation, size: int) -> tuple[Region, ...]:
    """Every support S ⊆ {1..n} (non-empty) with the activation's smooth expression there."""
    key = (repr(act), size)
    if key not in _REGIONS:
        _REGIONS[key] = _regions(act, size)
    return _REGIONS[key]


def _regions(act: Activation, size: int) -> tuple[Region, ...]:
    xs, e = inputs(size), declared(act)
    result = []
    for m in range(1, size + 1):
        for support in itertools.combinations(range(size), m):
            tau = _threshold(act, support, xs)
            outs = []
            for r in range(size):
                component = _expand(act, e, size, r, xs).subs(TAU, tau)
                outs.append(sp.simplify(_resolve(act, component, xs[r] - tau, r in support)))
            region = Region(support, tau, tuple(xs[r] - tau for r in range(size)), tuple(outs))
            witness = {xs[r]: (0 if r in support else -1) for r in range(size)}
            if not region.contains(witness):
                raise _error(act, "threshold", f"no input has the support {_set(support)} (tried {witness})")
            result.append(region)
    return tuple(result)


def _set(support) -> str:
    return "{" + ", ".join(str(r + 1) for r in support) + "}"


def _exact(v) -> sp.Expr:
    """A float as the exact binary number it is (1e-300 is not 0); other values as SymPy numbers."""
    if isinstance(v, float):
        return sp.Rational(v)
    return v if isinstance(v, sp.Rational) else sp.nsimplify(v)  # nsimplify(Rational(1e-300)) is 0


def region_of(act: Activation, values) -> Region:
    """The region of an exact input, found by the sorted-support rule.

    Sort the inputs in decreasing order; the support's size is the largest
    m with x_(m) > τ_m, τ_m being the threshold over the m largest.
    """
    values = [_exact(v) for v in values]
    size = len(values)
    xs = inputs(size)
    order = sorted(range(size), key=lambda r: -values[r])
    point = dict(zip(xs, values))
    best = 0
    for m in range(1, size + 1):
        if values[order[m - 1]] > _threshold(act, tuple(order[:m]), xs).subs(point):
            best = m
    support = tuple(sorted(order[:best]))
    return next(r for r in regions(act, size) if r.support == support)


def evaluate(act: Activation, values) -> list[sp.Expr]:
    """The exact output of a vector activation at an exact input (any length)."""
    values = [_exact(v) for v in values]
    xs = inputs(len(values))
    if act.threshold:
        outs = region_of(act, values).outputs
    else:
        outs = components(act, len(values))[1]
    # simplify only small fractions: with a float's exact binary value (0.3 is 5404319552844595/2**54)
    # it can run for minutes (softpick's exp(p/q) − 1 terms); the unsimplified value is as exact
    small = all(v.q < 10**6 for v in values if v.is_Rational)
    return [sp.simplify(o.subs(dict(zip(xs, values)))) if small else o.subs(dict(zip(xs, values))) for o in outs]


def two_inputs(act: Activation) -> sp.Expr:
    """f(z, 0)_1 as an expression in x: a piecewise one for a projection."""
    xs = inputs(2)
    if not act.threshold:
        return sp.simplify(components(act, 2)[1][0].subs({xs[0]: X, xs[1]: 0}))
    at = {xs[0]: X, xs[1]: 0}
    parts = [(r.outputs[0].subs(at), sp.And(*[c.subs(at) for c in r.conditions])) for r in regions(act, 2)]
    return sp.piecewise_fold(sp.Piecewise(*parts, (sp.nan, True)))


# --------------------------------------------------------------------------
# The Jacobian rule
# --------------------------------------------------------------------------


def _rule_names() -> dict:
    return {"i": I, "j": J, "y": YB, "x": XB, "s": SB, "supp": SUPP, "m": M, "k": K, "n": N,
            "KroneckerDelta": sp.KroneckerDelta}


def jacobian_rule(act: Activation) -> sp.Expr:
    return _parse(act, act.jacobian, "jacobian", _rule_names())


def _values(xs, ys, support, gs=()) -> dict:
    """What y[q], x[q], s[q], supp[q], m and g[q] stand for at this size (1-based q)."""
    total = sum(sp.exp(v) for v in xs)
    subs = {}
    for q, v in enumerate(xs):
        subs.update({YB[q + 1]: ys[q], XB[q + 1]: v, SB[q + 1]: sp.exp(v) / total})
        if support is not None:
            subs[SUPP[q + 1]] = int(q in support)
    subs.update({GB[q + 1]: g for q, g in enumerate(gs)})
    if support is not None:
        subs[M] = len(support)
    return subs


def _rule_matrix(act, rule, xs, ys, support=None) -> sp.Matrix:
    size = len(xs)
    values = _values(xs, ys, support)
    entries, rule = sp.zeros(size, size), rule.subs(N, size)
    for r in range(size):
        for c in range(size):
            e = rule.subs({I: r + 1, J: c + 1}).doit().subs(values)
            stray = e.free_symbols - set(xs)
            if stray:
                raise _error(act, "jacobian", f"entry ({r + 1}, {c + 1}) for n = {size} still has "
                             f"{sorted(map(str, stray))}")
            entries[r, c] = e
    return entries


def vjp_rule(act: Activation) -> sp.Expr:
    """(Jᵀg)_j = Σ_i g_i ∂y_i/∂x_j in closed form, summed from the declared rule (δ_ij picks i = j)."""
    out = sp.S.Zero
    for term in sp.Add.make_args(sp.expand(GB[I] * jacobian_rule(act))):
        if term.has(sp.KroneckerDelta):
            out += term.replace(lambda q: isinstance(q, sp.KroneckerDelta), lambda q: sp.S.One).subs(I, J)
        else:
            factor, summand = term.as_independent(I, as_Add=False)
            out += factor * sp.Sum(summand, (I, 1, N))
    return sp.factor_terms(out)


def _check_jacobian(act, xs, ys, support=None) -> None:
    rule = _rule_matrix(act, jacobian_rule(act), xs, ys, support)
    derived = sp.Matrix(ys).jacobian(xs)
    where = f" on the region with support {_set(support)}" if support is not None else ""
    for r in range(len(xs)):
        for c in range(len(xs)):
            verdict = decide(derived[r, c] - rule[r, c])
            if verdict is not True:
                found = "finds" if verdict is False else "cannot decide whether"
                raise _error(act, "jacobian", f"SymPy {found} dy_{r + 1}/dx_{c + 1} = {derived[r, c]} for n = {len(xs)}"
                             f"{where}, {'not' if verdict is False else 'equals'} the declared {rule[r, c]}")
    # The vector-Jacobian product a backward pass computes, Σ_i g_i J_ij: J is the rule (just proved), so
    # summing the rule is checked as an identity in the symbols y_q, s_q, x_q, g_q themselves.
    size = len(xs)
    fixed = {GB[q + 1]: sp.Symbol(f"g{q + 1}") for q in range(size)}
    if support is not None:
        fixed.update({SUPP[q + 1]: int(q in support) for q in range(size)} | {M: len(support)})
    rule = jacobian_rule(act).subs(N, size)
    rule_entries = [[rule.subs({I: r + 1, J: c + 1}).doit().subs(fixed) for c in range(size)]
                    for r in range(size)]
    vjp = vjp_rule(act).subs(N, size)
    for c in range(size):
        summed = sum(fixed[GB[r + 1]] * rule_entries[r][c] for r in range(size))
        if sp.expand(vjp.subs(J, c + 1).doit().subs(fixed) - summed) != 0:
            raise _error(act, "jacobian", f"the vector-Jacobian product summed from the rule differs from "
                         f"SymPy's for n = {len(xs)}{where}, entry {c + 1}")


Z = sp.Symbol("z", real=True)


def _rule_latex(act: Activation, expr: sp.Expr | None = None) -> str:
    """The rule (or another expression in its names) with supp[i] shown as 1_{i ∈ S} and m as |S|."""
    expr_given = expr
    if expr is None:
        jacobian_rule(act)  # fails naming the field if it does not parse
        expr = derive.parse(act, act.jacobian, _rule_names(), evaluate=False)
    shown = expr.replace(lambda q: isinstance(q, sp.Indexed) and q.base == SUPP,
                         lambda q: sp.Symbol("ZSUPP" + str(q.indices[0])))
    shown = shown.subs(M, sp.Symbol("ZCARD"))
    text = ordered_latex(shown) if expr_given is None else latex(shown)
    for q in ("i", "j"):
        text = text.replace("ZSUPP" + q, r"\mathbb{1}_{" + q + r" \in S}")
    return text.replace("ZCARD", "|S|")


# --------------------------------------------------------------------------
# The two-input case, matched against the catalog
# --------------------------------------------------------------------------


@functools.lru_cache(maxsize=None)
def _catalog_curves() -> tuple:
    import reference  # reference imports derive; imported here to keep the import graph flat

    points = np.array([-2.7, -1.3, -0.4, 0.35, 0.8, 1.6, 3.1])
    curves = []
    for other in by_slug().values():
        if other.kind != "elementwise":
            continue
        try:
            expr = derive.expression(other, defaults=True)
            curves.append((other, expr, reference.numpy_function(expr)(points)))
        except Exception:  # a declaration the derivation cannot use is not a match
            continue
    return points, tuple(curves)


def matches(expr: sp.Expr) -> list[dict]:
    """Elementwise activations of the catalog equal to expr(z) or expr(−z), proved by SymPy."""
    import reference

    points, curves = _catalog_curves()
    found = []
    for sign in (1, -1):
        e = expr.subs(X, sign * X)
        ys = reference.numpy_function(e)(points)
        for other, other_expr, other_ys in curves:
            if np.allclose(ys, other_ys, rtol=1e-12, atol=1e-14) and proofs.prove_equal(e, other_expr):
                found.append({"slug": other.slug, "name": other.name, "symbol": other.symbol,
                              "argument": "z" if sign == 1 else "-z"})
    return found


def _range(expr: sp.Expr):
    try:
        return properties.image(derive.pieces(expr))
    except Exception:  # function_range gives up on some special functions
        return None


# --------------------------------------------------------------------------
# Facts of a vector activation
# --------------------------------------------------------------------------


def _vector_facts(act: Activation) -> dict:
    e = declared(act)
    sums, exp_sums, shifts, kkt = [], [], [], []
    kinks: list[dict] = []
    n_regions = {}
    if act.threshold:
        for size in REGION_SIZES:
            xs = inputs(size)
            regs = regions(act, size)
            n_regions[size] = len(regs)
            moved = {v: v + C for v in xs}
            for reg in regs:
                _check_jacobian(act, xs, list(reg.outputs), reg.support)
                sums.append(decide(sum(reg.outputs) - 1))
                shifts += [decide(q.subs(moved, simultaneous=True) - q) for q in reg.outputs + reg.margins]
                kkt.append(_kkt(reg, xs))
            kinks += _boundaries(act, size)
        proved_sizes = REGION_SIZES
        exp_sums = [False]
    else:
        for size in SIZES:
            xs, ys = components(act, size)
            _check_jacobian(act, xs, ys)
            sums.append(decide(sum(ys) - 1))
            exp_sums.append(decide(sum(sp.exp(y) for y in ys) - 1))
            moved = {v: v + C for v in xs}
            shifts += [decide(y.subs(moved, simultaneous=True) - y) for y in ys]
        proved_sizes = SIZES
    shift = {"sums_to_one": _all(sums), "shift_invariant": _all(shifts),
             "exp_sums_to_one": _all(exp_sums) if _all(sums) is False else False}
    projection = _is_positive_part(act) and _all(kkt) is True if act.threshold else False
    two = two_inputs(act)
    rng = _range(two)
    bounded = rng is not None and not act.threshold and all(
        _inside(y, rng) for size in SIZES for y in components(act, size)[1])
    found = matches(two)
    smooth = not two.atoms(*NONSMOOTH) and not e.atoms(*NONSMOOTH) and not act.threshold
    example = evaluate(act, EXAMPLE)
    return {
        "component": ordered_latex(derive.parse(act, act.expr, {"x": XB, "i": I, "k": K, "n": N,
                                                                "tau": TAU}, evaluate=False)),
        "threshold": latex(_parse(act, act.threshold, "threshold", {"x": XB, "m": M, "k": K})) if act.threshold else "",
        "jacobian_rule": _rule_latex(act),
        "vjp": _rule_latex(act, vjp_rule(act)),
        "proved_sizes": list(proved_sizes),
        "regions": {str(k): v for k, v in n_regions.items()},
        "projection": projection,
        **shift,
        "two_inputs": re.sub(r"(?<![A-Za-z\\])x(?![A-Za-z])", "z",
                             latex(two) if not act.threshold else tex.cases_latex(derive.pieces(two))),
        "range_all_sizes": bounded,
        "two_inputs_range": range_latex(rng),
        "two_inputs_matches": found,
        "two_inputs_kinks": kink_rows(two),
        "smooth": smooth,
        "kink_inputs": [] if smooth or act.threshold else kink_inputs(act, e),
        "boundaries": kinks,
        "example_input": [latex(v) for v in EXAMPLE],
        "example_output": [tex.approx(v, 4) if not v.is_Rational else latex(v) for v in example],
        "example_zeros": sum(1 for v in example if v == 0),
        "cost": _cost(act, e),
    }


def kink_inputs(act: Activation, e: sp.Expr) -> list[str]:
    """Where a non-smooth part of a component without threshold switches, as LaTeX ``x_i = 0``.

    Max(a, b) and Min(a, b) switch where a = b; Abs(a), sign(a) and Heaviside(a) where a = 0.
    Each condition is solved for the one input it involves (x[i], or x[k] inside a Σ: shown as x_i).
    """
    t = sp.Symbol("t", real=True)
    found = []
    for atom in sorted(e.atoms(*NONSMOOTH), key=str):
        if isinstance(atom, (sp.Max, sp.Min)) and len(atom.args) == 2:
            arg = atom.args[0] - atom.args[1]
        elif isinstance(atom, (sp.Abs, sp.sign, sp.Heaviside)):
            arg = atom.args[0]
        else:
            raise _error(act, "expr", f"cannot locate the kinks of {atom}: use Max, Min, Abs, sign or Heaviside")
        indexed = arg.atoms(sp.Indexed)
        if len(indexed) != 1 or next(iter(indexed)) not in (XB[I], XB[K]):
            raise _error(act, "expr", f"the kink of {atom} does not depend on one input x[i] or x[k]")
        roots = sp.solve(sp.Eq(arg.subs(next(iter(indexed)), t), 0), t)
        if not roots:
            continue
        text = r"x_i = " + ", ".join(latex(r) for r in sorted(roots, key=sp.default_sort_key))
        if text not in found:
            found.append(text)
    return found


def _inside(y: sp.Expr, rng: sp.Set) -> bool:
    """SymPy's assumptions show inf ≤ y ≤ sup (strictly at an open end)."""
    if not isinstance(rng, sp.Interval):
        return False
    checks = []
    if rng.inf.is_finite:
        checks.append((sp.together(y - rng.inf), rng.left_open))
    if rng.sup.is_finite:
        checks.append((sp.together(rng.sup - y), rng.right_open))
    return all((d.is_positive if strict else d.is_nonnegative) is True for d, strict in checks)


def _cost(act: Activation, e: sp.Expr) -> str:
    """Operations for n inputs: a function of one input costs n, one of the sum costs one."""
    once = lambda q: q.has(sp.Sum) and not isinstance(q, sp.Sum)  # noqa: E731
    calls = [q for q in e.atoms(sp.Function, sp.exp) if not isinstance(q, (sp.Max, sp.Min, sp.Piecewise))]
    parts = sorted({("one " if once(q) else "$n$ ") + type(q).__name__ for q in calls})
    if e.atoms(sp.Sum):
        parts.append("one sum")
    if any(q.exp.is_negative and q.base.has(sp.Sum) for q in e.atoms(sp.Pow)):
        parts.append("$n$ divisions")
    if act.threshold:
        parts = ["a sort of the inputs", "a running sum"] + parts + ["a comparison per input"]
    return ", ".join(parts) or "none"


def _is_positive_part(act: Activation) -> bool:
    """expr is exactly Max(x[i] − tau, 0): the form whose KKT conditions are checked."""
    return sp.simplify(declared(act) - sp.Max(XB[I] - TAU, 0)) == 0


def _kkt(reg: Region, xs) -> bool:
    """KKT conditions of min ½‖y − x‖² s.t. y ≥ 0, Σy = 1 hold on the region, with multipliers τ and μ.

    Stationarity y − x + τ·1 − μ = 0 defines μ; it must vanish on the support
    (complementary slackness with y > 0), equal τ − x_l ≥ 0 off it (dual
    feasibility is then the region's own condition), y must be 0 off the
    support and x_j − τ > 0 on it (primal feasibility), and Σy = 1. The
    problem is strictly convex, so these conditions make y the projection.
    """
    y, t = reg.outputs, reg.tau
    verdicts = [decide(sum(y) - 1)]
    for r, v in enumerate(xs):
        mu = y[r] - v + t
        if r in reg.support:
            verdicts += [decide(mu), decide(y[r] - reg.margins[r])]
        else:
            verdicts += [decide(y[r]), decide(mu + reg.margins[r])]
    return _all(verdicts)


def _boundaries(act: Activation, size: int) -> list[dict]:
    """Where the support gains an index l: x_l = τ_S. Continuity and the jump of the Jacobian there."""
    regs = {r.support: r for r in regions(act, size)}
    xs = inputs(size)
    rows = []
    for support, reg in regs.items():
        for extra in (r for r in range(size) if r not in support):
            bigger = regs[tuple(sorted(support + (extra,)))]
            on = {xs[extra]: reg.tau}  # τ_S does not involve x_l for l ∉ S
            continuous = _all(decide(a.subs(on) - b.subs(on)) for a, b in zip(bigger.outputs, reg.outputs))
            jump = sp.Matrix(bigger.outputs).jacobian(xs).subs(on) - sp.Matrix(reg.outputs).jacobian(xs).subs(on)
            rows.append({"n": size, "from": _set(support)[1:-1], "to": _set(bigger.support)[1:-1],
                         "where": f"x_{{{extra + 1}}} = {latex(reg.tau)}", "continuous": continuous,
                         "differentiable": _all(decide(v) for v in jump)})
    return rows


# --------------------------------------------------------------------------
# Identities (f called with several inputs) and the entry point
# --------------------------------------------------------------------------


def _call(act: Activation):
    if act.kind == "gated":
        import gated  # gated imports vector

        f = gated.gated_expression(act)
        return lambda a, b: f.subs({A: a, B: b}, simultaneous=True)

    def call(*args):
        return sp.Matrix(evaluate_symbolic(act, args))

    return call


def evaluate_symbolic(act: Activation, args) -> list[sp.Expr]:
    """The outputs at symbolic inputs (a projection: a Piecewise over its regions)."""
    size = len(args)
    xs = inputs(size)
    at = dict(zip(xs, map(sp.sympify, args)))
    if not act.threshold:
        return [y.subs(at, simultaneous=True) for y in components(act, size)[1]]
    regs = regions(act, size)
    return [sp.piecewise_fold(sp.Piecewise(*[(r.outputs[q].subs(at), sp.And(*[c.subs(at) for c in r.conditions]))
                                             for r in regs], (sp.nan, True))) for q in range(size)]


def _display(act: Activation, text: str) -> str:
    """The identity side as the reader sees it: softmax(x, 0)_1, a·σ(b), ..."""

    components = {}

    def shown(symbol: str):
        class Shown(sp.Function):
            def __getitem__(self, q):  # f(x, 0)[0]: component 1, as a placeholder symbol
                name = f"ZCOMPONENT{len(components)}Z"
                components[name] = latex(self) + "_{" + str(int(q) + 1) + "}"
                return sp.Symbol(name)

            def _latex(self, printer):
                return symbol + r"\left(" + ", ".join(printer._print(v) for v in self.args) + r"\right)"

        return Shown

    names = {slug: (shown(other.symbol) if _vector_valued(other) else sp.Function(other.symbol))
             for slug, other in by_slug().items()}
    names.update({"f": shown(act.symbol), "a": A, "b": B})
    calls = text.count("(")
    names.update({f"ZCOMPONENT{q}Z": sp.Symbol(f"ZCOMPONENT{q}Z") for q in range(calls)})
    text = latex(derive.parse(act, text, names, evaluate=False))
    for name, shown_text in components.items():
        text = text.replace(name, shown_text)
    return text


def _vector_valued(act: Activation) -> bool:
    return act.kind in VECTOR_KINDS or act.kind == "gated"


def identities(act: Activation) -> list[dict]:
    """The declared identities, each proved (f takes the halves a, b, or the inputs of the vector)."""
    result = []
    for ident in act.identities:
        names = proofs._call_namespace(act, constants=True)
        names.update({slug: _call(other) for slug, other in by_slug().items() if _vector_valued(other)})
        names.update({"f": _call(act), "a": A, "b": B})
        lhs = sp.sympify(_parse(act, ident.lhs, "identities", names))
        rhs = sp.sympify(_parse(act, ident.rhs, "identities", names))
        if isinstance(lhs, sp.MatrixBase) or isinstance(rhs, sp.MatrixBase):
            proved = proofs.prove_equal(lhs, rhs)
        else:
            diff = lhs - rhs
            variables = [v for v in (X, A, B) if v in diff.free_symbols]
            piecewise = [v for v in variables if any(v in q.free_symbols for q in diff.atoms(*NONSMOOTH))]
            if len(piecewise) > 1:
                raise _error(act, "identities", f"{ident.lhs} = {ident.rhs} is piecewise in more than one variable")
            v = piecewise[0] if piecewise else X
            proved = proofs.prove_equal(lhs.subs(v, X), rhs.subs(v, X)) if v != X or piecewise else _zero(diff)
        if not proved:
            raise _error(act, "identities", f"SymPy cannot prove {ident.lhs} = {ident.rhs}")
        result.append({"text": ident.text, "lhs": _display(act, ident.lhs), "rhs": _display(act, ident.rhs)})
    return result


def facts(act: Activation) -> dict:
    """Everything the pages say about a vector or gated activation, as plain data."""
    if act.kind in VECTOR_KINDS:
        data = _vector_facts(act)
    elif act.kind == "gated":
        import gated  # gated imports vector: import here, not at the top

        data = gated.gated_facts(act)
    else:
        raise _error(act, "kind", f"{act.kind!r} is not a vector-valued kind")
    data["kind"] = "gated" if act.kind == "gated" else "vector"
    data["identities"] = identities(act)
    return data
