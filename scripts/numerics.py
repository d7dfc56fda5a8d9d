"""The numbers behind the concept pages, computed from the catalog.

    python scripts/numerics.py            # print every fragment

* :func:`second_moment` and :func:`variance_gain`: the weight gain that keeps
  the variance of a layer's pre-activations at 1, ``1 / sqrt(E[f(Z)^2])`` for
  ``Z ~ N(0, 1)``, by mpmath quadrature split at the kinks, computed at two
  precisions so that the pages can say how many digits are right;
  :data:`PYTORCH_GAINS`, what ``torch.nn.init.calculate_gain`` returns
  instead, and :func:`variance_fixed_point`, where a deep network built with
  PyTorch's gain takes the variance when the two differ.
* :func:`selu_fixed_point`: SELU's α and λ solved from the self-normalising
  conditions of Klambauer et al. (2017), closed-form integrals by SymPy and
  the root by ``mpmath.findroot``.
* :func:`derivative_bounds`: sup |f'| of every elementwise activation from
  :func:`properties.properties`, which bounds how fast gradients shrink.
* :func:`fragments`: the Markdown fragments that the concept pages include
  from ``build/generated/concepts/``.

Nothing names an activation of the catalog except the SELU solver (which
solves for SELU's constants); PyTorch's gains come from the declarations.
Why ``E[f(Z)^2]``: with zero-mean weights of variance ``v`` and ``n`` inputs
``a_i = f(z_i)``, ``Var(sum_i w_i a_i) = n v E[f(z)^2]``, whatever the mean
of ``f``; so ``v = gain^2 / n`` with ``gain = 1 / sqrt(E[f(Z)^2])`` maps unit
variance to unit variance (He et al. 2015 with ReLU's ``E = 1/2``).
"""

from __future__ import annotations

import functools
import sys
from dataclasses import dataclass

import mpmath
import sympy as sp

import activations as catalog
import derive
import proofs
import properties
import render
import tex
from activations import Activation

LOW_DPS, HIGH_DPS = 30, 50  # the two working precisions of every quadrature
SHOWN_DIGITS = 12  # significant digits printed in the tables
HEADER = render.HEADER


def _memo(fn):
    """Cache on the arguments, an activation by its whole declaration (not its slug).

    An edited declaration is a new key, so a long-lived process (``mkdocs
    serve``) never serves numbers of an older catalog.
    """
    cache: dict = {}

    @functools.wraps(fn)
    def wrapper(*args):
        key = tuple(repr(a) if isinstance(a, Activation) else a for a in args)
        if key not in cache:
            cache[key] = fn(*args)
        return cache[key]

    wrapper.cache_clear = cache.clear
    return wrapper


class NoPerUnitGain(ValueError):
    """An activation for which a per-unit variance gain means nothing."""

    def __init__(self, slug: str, reason: str):
        super().__init__(f"activation {slug!r}: {reason}")
        self.slug, self.reason = slug, reason


NO_GAIN_REASONS = {
    "vector": "no per-unit gain: each output depends on the whole vector (for the softmax family the outputs "
              "sum to 1); it goes on the output layer, where no layer follows whose variance could be kept",
    "gated": "no per-unit gain of its own: a gated unit multiplies two halves of a layer's output, so the "
             "variance it keeps depends on both halves' weights, not on one activation",
}


# --------------------------------------------------------------------------
# Gaussian moments by quadrature, split at the kinks
# --------------------------------------------------------------------------


def _outputs(act: Activation) -> list[sp.Expr]:
    if act.kind in NO_GAIN_REASONS:
        raise NoPerUnitGain(act.slug, NO_GAIN_REASONS[act.kind])
    return derive.outputs(act, defaults=True)


def gaussian_moment(expr: sp.Expr, dps: int, variance=1) -> mpmath.mpf:
    """E[f(X)²] for X ~ N(0, variance), one quadrature per smooth piece.

    With X = s·Z the breakpoints c of ``expr`` become c / s in z, so no
    quadrature ever crosses a kink or a jump. As for ``properties.standard_normal_mean``,
    the whole line gets ``derive.SYMPY_BUDGET`` CPU seconds, then [−40, 40] in z is
    integrated instead (GoLU's exp(−exp(−z)) keeps mpmath busy for hours far in the tail).
    """
    whole = derive.attempt(lambda: _gaussian_moment(expr, dps, variance, None))
    return whole if whole is not None else _gaussian_moment(expr, dps, variance, properties.MEAN_WINDOW)


def _gaussian_moment(expr: sp.Expr, dps: int, variance, window: float | None) -> mpmath.mpf:
    with mpmath.workdps(dps):
        s = mpmath.sqrt(mpmath.mpf(variance))
        total = mpmath.mpf(0)
        for f, start, end in _lambdified_pieces(expr):
            ends = [mpmath.mpf(sp.N(v, dps + 5)) / s if v.is_finite else (mpmath.inf if v > 0 else -mpmath.inf)
                    for v in (start, end)]
            if ends[0] < ends[1]:
                total += properties.normal_quad(lambda z, f=f: f(s * z) ** 2, ends[0], ends[1], dps, window,
                                                "E[f(X)²]")
        return +total


@functools.lru_cache(maxsize=None)
def _lambdified_pieces(expr: sp.Expr) -> tuple:
    """(f, start, end) per smooth piece; f evaluates with mpmath at the caller's precision."""
    import reference  # mpmath with Phi, erfc's overflow, sinc, expm1 and log1p mapped

    return tuple((sp.lambdify(derive.X, p.expr, reference.MPMATH), p.interval.start, p.interval.end)
                 for p in derive.pieces(expr))


@_memo
def _second_moment(act: Activation, dps: int) -> mpmath.mpf:
    exprs = _outputs(act)
    with mpmath.workdps(dps):
        return mpmath.fsum(gaussian_moment(e, dps) for e in exprs) / len(exprs)


def second_moment(act: Activation, dps: int = HIGH_DPS) -> mpmath.mpf:
    """E[f(Z)²] for Z ~ N(0, 1) at the default parameters.

    For a concatenating activation (CReLU) it is the mean over its outputs of
    E[f_k(Z)²]: half the units of the next layer's input come from each
    output. Softmax raises :class:`NoPerUnitGain`.
    """
    return _second_moment(act, dps)


def agreeing_digits(a: mpmath.mpf, b: mpmath.mpf, cap: int = LOW_DPS) -> int:
    """Significant digits to which a and b agree: floor(−log10 |a − b| / |b|), at most ``cap``."""
    if a == b:
        return cap
    return max(0, min(cap, int(mpmath.floor(-mpmath.log10(abs(a - b) / abs(b))))))


@dataclass(frozen=True)
class Gain:
    slug: str
    second_moment: mpmath.mpf  # E[f(Z)²] at HIGH_DPS
    gain: mpmath.mpf  # 1 / sqrt(E[f(Z)²]) at HIGH_DPS
    digits: int  # significant digits on which the LOW_DPS and HIGH_DPS results agree (both numbers)


@_memo
def _variance_gain(act: Activation) -> Gain:
    low, high = second_moment(act, LOW_DPS), second_moment(act, HIGH_DPS)
    with mpmath.workdps(HIGH_DPS):
        g_low, g_high = 1 / mpmath.sqrt(low), 1 / mpmath.sqrt(high)
        digits = min(agreeing_digits(low, high), agreeing_digits(g_low, g_high))
    return Gain(act.slug, high, g_high, digits)


def variance_gain(act: Activation) -> Gain:
    """1 / sqrt(E[f(Z)²]), with the digits on which 30- and 50-digit quadratures agree."""
    return _variance_gain(act)


def gains() -> list[Gain]:
    """The gain of every activation of the catalog that has one, in catalog order."""
    return [variance_gain(a) for a in catalog.ACTIVATIONS if a.kind not in NO_GAIN_REASONS]


def stated_digits() -> int:
    """The accuracy claimed for the whole table: the worst agreement of its rows."""
    return min(g.digits for g in gains())


def positively_homogeneous(expr: sp.Expr) -> bool:
    """f(t·x) = t·f(x) for every t > 0, decided by SymPy.

    SymPy proves f(2x) = 2 f(x) and f(3x) = 3 f(x) for all real x. That is
    enough for a function that is continuous on each half-line: with
    f(x) = x·g(ln x) for x > 0, g has the periods ln 2 and ln 3, whose
    ratio is irrational, so a continuous g is constant (likewise for x < 0).
    For such an f, E[f(sZ)²] = s² E[f(Z)²]: the gain keeps every variance,
    not only 1.
    """
    pieces = derive.pieces(expr)
    if any(p.interval.start.is_finite and p.interval.start != 0 for p in pieces):
        return False  # a kink away from 0 moves when x is scaled
    return all(proofs.prove_equal(expr.subs(derive.X, t * derive.X), t * expr) for t in (2, 3))


# --------------------------------------------------------------------------
# PyTorch's gains
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class TorchGain:
    nonlinearity: str  # the string passed to torch.nn.init.calculate_gain
    value: sp.Expr  # what it returns, exactly
    why: str  # where PyTorch's value comes from, when it differs from 1/sqrt(E[f(Z)²])


# torch.nn.init.calculate_gain, as each declaration states it (read in PyTorch
# 2.13's torch/nn/init.py; tests/test_numerics.py checks it against torch).
PYTORCH_GAINS: dict[str, TorchGain] = {
    a.slug: TorchGain(a.torch_gain.nonlinearity, sp.sympify(a.torch_gain.value, rational=True), a.torch_gain.why)
    for a in catalog.ACTIVATIONS if a.torch_gain is not None
}


def torch_gain_agrees(slug: str) -> bool:
    g = variance_gain(catalog.by_slug()[slug]).gain
    with mpmath.workdps(HIGH_DPS):
        t = mpmath.mpf(sp.N(PYTORCH_GAINS[slug].value, HIGH_DPS + 5))
        return abs(g - t) <= abs(t) * mpmath.mpf(10) ** (-stated_digits())


@_memo
def _variance_fixed_point(act: Activation, gain: str, dps: int) -> mpmath.mpf | None:
    (expr,) = _outputs(act)
    with mpmath.workdps(dps):
        g2 = mpmath.mpf(gain) ** 2

        def layer(q):
            return g2 * gaussian_moment(expr, dps, q)

        q = mpmath.mpf(1)
        for _ in range(3):  # a few layers first: the secant then starts near the attracting point
            q = layer(q)
            if q < mpmath.mpf(10) ** (-6) or q > mpmath.mpf(10) ** 6:
                return None
        if abs(layer(q) - q) <= q * mpmath.mpf(10) ** (2 - dps):
            return q  # already there (the variance-preserving gain keeps q = 1)
        root = mpmath.findroot(lambda v: layer(v) - v, (q, layer(q)), solver="secant")
        return root if root > 0 else None


def variance_fixed_point(act: Activation, gain, dps: int = 15) -> mpmath.mpf | None:
    """Where the pre-activation variance q of a deep, wide network settles.

    Mean-field picture: zero-mean weights of variance gain²/fan_in, no bias,
    so q_{l+1} = gain² · E[f(√q_l Z)²]. Starting at q_0 = 1 (standardised
    inputs), iterate a few layers and refine the fixed point with the secant
    method. None if q runs off to 0 or ∞.
    """
    if isinstance(gain, sp.Basic):
        gain = sp.N(gain, dps + 10)  # a decimal string below, never "sqrt(2)"
    elif isinstance(gain, mpmath.mpf):
        gain = mpmath.nstr(gain, dps + 10)
    return _variance_fixed_point(act, str(gain), dps)


# --------------------------------------------------------------------------
# SELU's constants
# --------------------------------------------------------------------------

PAPER_ALPHA = "1.6732632423543772848170429916717"  # Klambauer et al. (2017), α₀₁
PAPER_LAMBDA = "1.0507009873554804934193349852946"  # λ₀₁


@dataclass(frozen=True)
class SeluSolution:
    mean_condition: sp.Expr  # E[selu(Z)] as a function of α and λ, closed form
    second_moment_condition: sp.Expr  # E[selu(Z)²]
    alpha_closed_form: sp.Expr  # α solved from the mean condition alone
    alpha: mpmath.mpf
    lamda: mpmath.mpf
    dps: int
    alpha_digits: int  # leading significant digits shared with the paper's α
    lamda_digits: int
    rounds_to_paper: bool  # our values rounded to the paper's digit count give its strings


def shared_digits(value: mpmath.mpf, text: str) -> int:
    """How many leading significant digits of ``text`` the value reproduces, digit by digit."""
    paper = text.replace(".", "").lstrip("0")
    ours = mpmath.nstr(value, len(paper) + 10, strip_zeros=False).replace(".", "").lstrip("0")
    return next((i for i, (a, b) in enumerate(zip(paper, ours)) if a != b), len(paper))


def _tidy(expr: sp.Expr, alpha: sp.Symbol) -> sp.Expr:
    """erf → erfc and terms collected in α, checked to be the same number."""
    tidy = sp.factor_terms(sp.collect(sp.expand(expr.rewrite(sp.erfc)), alpha))
    probe = {s: sp.Rational(7, 5) for s in expr.free_symbols}
    if abs(sp.N((expr - tidy).subs(probe), 50)) > sp.Float("1e-45"):
        raise AssertionError(f"rewriting {expr} changed its value")
    return tidy


def selu_fixed_point(dps: int = 40) -> SeluSolution:
    """Solve E[selu(Z)] = 0 and E[selu(Z)²] = 1 for (α, λ), Z ~ N(0, 1).

    SymPy integrates the SELU declaration with α and λ kept symbolic against
    the normal density, piece by piece (the results hold erf and e^{1/2});
    mpmath.findroot solves the two equations at ``dps`` digits.
    """
    return _selu_fixed_point(catalog.by_slug()["selu"], dps)


@_memo
def _selu_fixed_point(act: Activation, dps: int) -> SeluSolution:
    syms = derive.symbols(act)
    alpha, lamda = syms["alpha"], syms["lamda"]
    expr = derive.expression(act, constants=False)
    z = derive.X
    density = sp.exp(-z**2 / 2) / sp.sqrt(2 * sp.pi)
    mean = second = sp.Integer(0)
    for piece in derive.pieces(expr):
        bounds = (z, piece.interval.start, piece.interval.end)
        mean += sp.integrate(piece.expr * density, bounds)
        second += sp.integrate(piece.expr**2 * density, bounds)
    mean, second = _tidy(mean, alpha), _tidy(second, alpha)
    alpha_closed = _tidy(sp.solve(sp.Eq(mean, 0), alpha)[0], alpha)
    equations = sp.lambdify((alpha, lamda), [mean, second - 1], "mpmath")
    with mpmath.workdps(dps + 10):
        a, l = mpmath.findroot(lambda u, v: equations(u, v), (mpmath.mpf("1.6"), mpmath.mpf("1.0")))
        a, l = +a, +l
        rounds = (mpmath.nstr(a, len(PAPER_ALPHA) - 1, strip_zeros=False) == PAPER_ALPHA
                  and mpmath.nstr(l, len(PAPER_LAMBDA) - 1, strip_zeros=False) == PAPER_LAMBDA)
    with mpmath.workdps(dps):
        a, l = +a, +l
    return SeluSolution(mean, second, alpha_closed, a, l, dps,
                        shared_digits(a, PAPER_ALPHA), shared_digits(l, PAPER_LAMBDA), rounds)


# --------------------------------------------------------------------------
# Derivative bounds
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class DerivativeBound:
    slug: str
    sup: sp.Expr  # sup |f'| over the points where f' exists
    where: str  # LaTeX: where it is attained or approached
    jumps: bool  # f has a jump (no derivative there at all)
    where_set: sp.Set  # where it is attained (EmptySet when only approached)
    non_decreasing: bool = True  # f' ≥ 0, so sup |f'| = sup f'
    numerical: bool = False  # sup |f'| computed numerically (properties.NUMERICAL_DIGITS digits)


@_memo
def _derivative_bound(act: Activation) -> DerivativeBound:
    slug = act.slug
    expr = derive.expression(act, defaults=True)
    props = properties.properties(expr)
    # sup |f'| = max(sup f', −inf f'): no assumption that f is non-decreasing.
    if props.derivative_abs_sup == props.derivative_sup:
        sup, where_set, approached = props.derivative_sup, props.derivative_sup_where, props.derivative_sup_approached
    else:
        sup, where_set, approached = -props.derivative_inf, props.derivative_inf_where, props.derivative_inf_approached
    where = approached or _set_latex(where_set)
    jumps = any(k.continuous is False for k in derive.kinks(expr, set()))
    numerical = "derivative" in props.numerical
    return DerivativeBound(slug, sup, where, jumps, where_set, props.monotonic in ("increasing", "non-decreasing"),
                           numerical)


def _set_latex(s: sp.Set) -> str:
    """LaTeX of where a bound is attained; numerical points rounded (tex.approx)."""
    if isinstance(s, sp.FiniteSet) and any(isinstance(v, sp.Float) for v in s):
        return r"\{" + ", ".join(tex.approx(v).replace(r"\approx ", "") for v in sorted(s, key=float)) + r"\}"
    return sp.latex(s)


def derivative_bound(act: Activation) -> DerivativeBound:
    """sup |f'| of an elementwise activation, from :func:`properties.properties`."""
    return _derivative_bound(act)


def derivative_bounds() -> list[DerivativeBound]:
    return [derivative_bound(a) for a in catalog.ACTIVATIONS if a.kind == "elementwise"]


def chain_bound(act: Activation, layers: int) -> sp.Expr:
    """(sup |f'|)^n: bound on |∂a_n/∂a_0| through n layers whose weights have norm ≤ 1."""
    return derivative_bound(act).sup ** layers


# --------------------------------------------------------------------------
# Markdown
# --------------------------------------------------------------------------


def _num(value, digits: int = SHOWN_DIGITS) -> str:
    """``digits`` significant digits, trailing zeros kept (they are digits too); integers as integers."""
    if isinstance(value, sp.Integer) or (isinstance(value, int)):
        return str(value)
    if isinstance(value, sp.Basic):  # mpf(str) so that no digit is lost to the default 15-digit context
        with mpmath.workdps(digits + 10):
            value = mpmath.mpf(str(sp.N(value, digits + 10)))
    return mpmath.nstr(value, digits, strip_zeros=False)


def _sci(value, digits: int = 2) -> str:
    """LaTeX: 9.5 \\times 10^{-7} for small or large numbers, else the plain decimal."""
    if isinstance(value, sp.Integer):
        return str(value)
    v = mpmath.mpf(str(sp.N(value, 30))) if isinstance(value, sp.Basic) else value
    if v != 0 and not (mpmath.mpf("1e-3") <= abs(v) < mpmath.mpf("1e4")):
        exponent = int(mpmath.floor(mpmath.log10(abs(v))))
        mantissa = v / mpmath.mpf(10) ** exponent
        return f"{mpmath.nstr(mantissa, digits, strip_zeros=False)} \\times 10^{{{exponent}}}"
    return mpmath.nstr(v, max(digits, 4))


def _where(text: str) -> str:
    """derive's "x → 0−" as LaTeX."""
    return text.replace("→", r"\to").replace("−", "^-")


def _link(act: Activation) -> str:
    return f"[{act.name}](../activations/{act.slug}.md)"


def _defaults() -> str:
    parts = [f"{a.name} ${sp.latex(sp.Symbol(p.symbol))} = {catalog.shown(p.default)}$"
             for a in catalog.ACTIVATIONS for p in a.params if a.kind not in NO_GAIN_REASONS]
    return ", ".join(parts)


def gains_md() -> str:
    digits = stated_digits()
    md = ("| Activation | $E[f(Z)^2]$ | Variance-preserving gain $1/\\sqrt{E[f(Z)^2]}$ "
          "| PyTorch `calculate_gain` | Note |\n|---|---|---|---|---|\n")
    for act in catalog.ACTIVATIONS:
        if act.kind in NO_GAIN_REASONS:
            md += f"| {_link(act)} | — | — | — | {NO_GAIN_REASONS[act.kind].capitalize()}. |\n"
            continue
        g = variance_gain(act)
        exprs = _outputs(act)
        notes = []
        if act.kind == "concat":
            notes.append(f"Mean of $E[f_k(Z)^2]$ over its {len(exprs)} outputs.")
        torch_cell = "— (`ValueError`: not a name it knows)"
        if act.slug in PYTORCH_GAINS:
            t = PYTORCH_GAINS[act.slug]
            value = t.value
            if value.is_Rational:
                shown = f"${sp.latex(value)}$"
            elif value == sp.sqrt(2):
                shown = f"${sp.latex(value)} \\approx {_num(value)}$"
            else:
                shown = _num(value)
            torch_cell = f'`"{t.nonlinearity}"`: {shown}'
            if torch_gain_agrees(act.slug):
                notes.append("Agrees." + (f" {t.why}" if t.why else ""))
            else:
                notes.append(t.why)
                q = variance_fixed_point(act, t.value)
                if q is not None:
                    notes.append("With PyTorch's gain the pre-activation variance of a deep, wide network "
                                 f"settles at $q^* \\approx {_num(q, 3)}$ instead of 1.")
        if all(positively_homogeneous(e) for e in exprs):
            notes.append("Positively homogeneous, so the gain keeps every input variance, not only 1.")
        md += (f"| {_link(act)} | {_num(g.second_moment)} | {_num(g.gain)} | {torch_cell} | "
               f"{' '.join(notes)} |\n")
    md += (f"\n$Z \\sim \\mathcal{{N}}(0, 1)$; parameters at their defaults ({_defaults()}). "
           "Each expectation is an mpmath quadrature of $f(z)^2 \\varphi(z)$ over each smooth piece of the "
           f"declaration, so no integral crosses a kink or a jump. It is computed at {LOW_DPS} and at "
           f"{HIGH_DPS} significant digits; the two results agree to at least {digits} digits in every row, "
           f"so the {SHOWN_DIGITS} digits shown are correct (accurate to {digits} digits). "
           "$q^*$ is the fixed point of $q \\mapsto g^2\\, E[f(\\sqrt{q}\\, Z)^2]$ reached from $q = 1$: the "
           "variance of one layer's pre-activations given the previous one's, for zero-mean weights of "
           "variance $g^2/\\text{fan-in}$ and no bias, in the limit of wide layers.\n")
    return HEADER + md


def selu_constants_md() -> str:
    s = selu_fixed_point()
    md = ("With $Z \\sim \\mathcal{N}(0, 1)$, SymPy integrates the SELU declaration against the normal density, "
          "piece by piece, with $\\alpha$ and $\\lambda$ left symbolic:\n\n"
          f"$$\n\\begin{{aligned}}\nE[\\operatorname{{SELU}}(Z)] &= {tex.latex(s.mean_condition)} = 0, \\\\\n"
          f"E[\\operatorname{{SELU}}(Z)^2] &= {tex.latex(s.second_moment_condition)} = 1.\n"
          "\\end{aligned}\n$$\n\n"
          "The first condition does not involve $\\lambda$ and fixes $\\alpha$ on its own:\n\n"
          f"$$\n\\alpha = {tex.latex(s.alpha_closed_form)}\n$$\n\n"
          "and the second then gives $\\lambda$. `mpmath.findroot` solves both equations at "
          f"{s.dps} significant digits:\n\n"
          "| Constant | Solved here | Klambauer et al. (2017) | Leading digits that agree |\n|---|---|---|---|\n"
          f"| $\\alpha$ | `{_num(s.alpha, s.dps)}` | `{PAPER_ALPHA}` | {s.alpha_digits} |\n"
          f"| $\\lambda$ | `{_num(s.lamda, s.dps)}` | `{PAPER_LAMBDA}` | {s.lamda_digits} |\n")
    if s.rounds_to_paper:
        n = len(PAPER_ALPHA) - 1
        md += (f"\nRounded to {n} significant digits, the solution is exactly the paper's constants, which are "
               "the ones declared in `scripts/activations.py` and printed in PyTorch's documentation; where "
               "fewer digits agree, the paper's last digit is rounded up.\n")
    return HEADER + md


def _power(base: sp.Expr, n: str) -> str:
    text = tex.approx(base).replace("\\approx ", "")
    return f"{text}^{n}" if base.is_Integer else f"\\left({text}\\right)^{n}"


def _at(bound: DerivativeBound) -> str:
    """LaTeX of where sup f' is attained: x = 0 for one point, x \\in S otherwise."""
    if isinstance(bound.where_set, sp.FiniteSet) and len(bound.where_set) == 1:
        return f"x = {sp.latex(next(iter(bound.where_set)))}"
    return f"x \\in {bound.where}"


def derivative_bounds_md() -> str:
    by = catalog.by_slug()
    bounds = {b.slug: b for b in derivative_bounds()}
    md = ""
    if "sigmoid" in bounds and "tanh" in bounds:
        sig, tanh = bounds["sigmoid"], bounds["tanh"]
        ten = sig.sup ** 10
        md += (f"SymPy finds $\\sup_x |\\sigma'(x)| = {sp.latex(sig.sup)}$, attained at ${_at(sig)}$, and "
               f"$\\sup_x |\\tanh'(x)| = {sp.latex(tanh.sup)}$, attained at ${_at(tanh)}$. Through $n$ "
               "sigmoid layers whose weight matrices have norm at most 1, the gradient is therefore multiplied "
               f"by at most $({sp.latex(sig.sup)})^n$: after 10 layers by at most ${sp.latex(ten)} \\approx "
               f"{_sci(ten)}$. Tanh's bound is 1, and only at ${_at(tanh)}$: it shrinks gradients as soon as "
               "units move away from 0, but far less than sigmoid.\n\n")
    md += ("| Activation | $\\sup_x \\lvert f'(x) \\rvert$ | Attained at | Bound after $n$ layers | $n = 10$ |\n"
           "|---|---|---|---|---|\n")
    for slug, b in bounds.items():
        if b.sup == 0:
            bound = "0: no gradient" + (" (at the jump there is no derivative at all)" if b.jumps else "")
            ten = "0"
        elif b.sup.is_infinite:  # f' grows without bound (the exponential): nothing limits the product
            bound, ten = "none: $f'$ is unbounded", "—"
        else:
            bound = f"${_power(b.sup, 'n')}$" + (" = 1: no decay forced" if b.sup == 1 else "")
            ten = f"${_sci(b.sup ** 10)}$"
        where = f"${_where(b.where)}$" if b.where != sp.latex(sp.S.EmptySet) else "—"
        if b.where.startswith("x "):
            where += " (approached, not attained)"
        label = " (numerical)" if b.numerical else ""
        md += f"| {_link(by[slug])} | ${tex.approx(b.sup)}${label} | {where} | {bound} | {ten} |\n"
    decreasing = [by[b.slug].name for b in bounds.values() if not b.non_decreasing]
    monotone = ("every one of these activations is non-decreasing, so $f' \\ge 0$ and $\\sup |f'| = \\sup f'$"
                if not decreasing else
                "$\\sup |f'| = \\max(\\sup f', -\\inf f')$, since " + ", ".join(decreasing) + " also "
                "decrease somewhere ($f' < 0$)")
    if any(b.numerical for b in bounds.values()):
        monotone += (f"; values marked *numerical* are computed with mpmath to {properties.NUMERICAL_DIGITS} digits, "
                     "SymPy having found no closed form")
    md += ("\nComputed by `properties.properties` from each declaration at its default parameters; " + monotone +
           ". The bound is on "
           "the activation's factor $\\operatorname{diag} f'(z_l)$ of each layer's Jacobian; the weights "
           "multiply it by $\\lVert W_l \\rVert$.\n")
    return HEADER + md


def fragments() -> dict[str, str]:
    """Markdown fragments for build/generated/concepts/<name>."""
    return {
        "gains.md": gains_md(),
        "selu_constants.md": selu_constants_md(),
        "derivative_bounds.md": derivative_bounds_md(),
    }


def main(argv: list[str] | None = None) -> int:
    for name, text in fragments().items():
        print(f"==> {name}\n{text}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
