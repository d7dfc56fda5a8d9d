"""The gated and concatenating kinds: Jacobians of diagonal blocks.

``kind="gated"`` (GLU, SwiGLU, GeGLU, ReGLU): the input is split in two halves
along an axis, a (the first) and b (the second), and ``expr`` is in a and b.
``Activation.gate`` says which half is the gate: f = h(value)·g(gate), the
value half entering linearly (h(v) = v, proved: GLU, SwiGLU) or through a
function of its own, written as a factor of ``expr`` (gpt-oss clamps it,
h(v) = clip(v, −7, 7) + 1). The Jacobian of the n outputs with respect to
the 2n inputs is two diagonal blocks, ∂/∂value = h'(value)·g(gate) and
∂/∂gate = h(value)·g'(gate), proved for n = 2, 3, 4 on each smooth piece of
g and h.

``kind="concat"`` (CReLU): the outputs f_1(x), ..., f_k(x) are concatenated
along an axis; the Jacobian is one diagonal block per output
(:func:`concat_facts`).

Both use the helpers of ``vector.py``; ``vector.facts`` is the entry point for
the gated kind (it adds the identities).
"""

from __future__ import annotations

import sympy as sp

import derive
import proofs
import tex
from activations import Activation
from derive import X
from tex import latex
from vector import A, B, NONSMOOTH, SIZES, _error, _parse, _range, decide, inputs, matches
from vector_render import kink_rows, range_latex


def halves(act: Activation) -> tuple[sp.Symbol, sp.Symbol]:
    """(gate, value): the symbols of the two halves."""
    return (A, B) if act.gate == "first" else (B, A)


def gated_expression(act: Activation) -> sp.Expr:
    return _parse(act, act.expr, "expr", {"a": A, "b": B})


def factors(act: Activation) -> tuple[sp.Expr, sp.Expr]:
    """(h, g) in x with f(a, b) = h(value)·g(gate); h is x itself when the value half enters linearly.

    Linear is tried first and proved; otherwise ``expr`` must be a product of a factor in the value
    half alone and one in the gate half alone. The declaration fails naming 'gate' if f is neither.
    """
    f = gated_expression(act)
    gate, value = halves(act)
    g = f.subs(value, 1)
    try:  # pieces whose conditions involve the value half are not a gate of that form
        linear = value not in g.free_symbols and proofs.prove_equal(f.subs(gate, X), (value * g).subs(gate, X))
    except Exception:
        linear = False
    if linear and gate in g.free_symbols:
        return X, g.subs(gate, X)
    g, h = f.as_independent(value, as_Add=False)
    # g linear in the gate (a·σ(b) read with a as the gate) means the halves are swapped
    if (gate in h.free_symbols or value in g.free_symbols or gate not in g.free_symbols or h == value
            or sp.diff(g, gate, 2) == 0):
        other = "second (b)" if act.gate == "first" else "first (a)"
        raise _error(act, "gate", f"with gate={act.gate!r}, {f} must be the {other} half, or a factor in it "
                     f"alone, times a function of the {act.gate} half")
    return h.subs(value, X), g.subs(gate, X)


def gate_function(act: Activation) -> sp.Expr:
    """g(x) with f(a, b) = h(value)·g(gate)."""
    return factors(act)[1]


def value_function(act: Activation) -> sp.Expr:
    """h(x) with f(a, b) = h(value)·g(gate): x itself for GLU and most of its variants."""
    return factors(act)[0]


def _gated_jacobian(act: Activation, size: int) -> None:
    """SymPy's Jacobian of f(a_i, b_i) over (a_1..a_n, b_1..b_n) against the block rule, piece by piece."""
    f, (gate, value) = gated_expression(act), halves(act)
    h, g = factors(act)
    if h != X:  # f = h(value)·g(gate), proved by construction: each pair of smooth pieces
        for hp in derive.pieces(h):
            _gated_jacobian_piece(act, size, hp.expr.subs(X, value) * g.subs(X, gate), hp.expr, g)
        return
    _gated_jacobian_piece(act, size, f, X, g)


def _gated_jacobian_piece(act: Activation, size: int, f: sp.Expr, h: sp.Expr, g: sp.Expr) -> None:
    """The block rule on every smooth piece of g, for one smooth value factor h."""
    gate, value = halves(act)
    a, b = list(sp.symbols(f"a1:{size + 1}", real=True)), list(sp.symbols(f"b1:{size + 1}", real=True))
    g_pieces = derive.pieces(g)
    for piece in derive.pieces(f.subs(gate, X)):
        lo, hi = piece.interval.start, piece.interval.end
        if lo.is_finite and hi.is_finite:
            mid = (lo + hi) / 2
        elif hi.is_finite:
            mid = hi - 1
        else:
            mid = lo + 1 if lo.is_finite else sp.S.Zero
        gp = next(p.expr for p in g_pieces if p.interval.contains(mid) == sp.true)
        fp = piece.expr.subs(X, gate)
        ys = [fp.subs({A: a[r], B: b[r]}, simultaneous=True) for r in range(size)]
        derived = sp.Matrix(ys).jacobian(a + b)
        gates, values = (a, b) if act.gate == "first" else (b, a)
        for r in range(size):
            for c in range(2 * size):
                column = (a + b)[c]
                expected = 0
                if column == values[r]:
                    expected = sp.diff(h, X).subs(X, values[r]) * gp.subs(X, gates[r])
                elif column == gates[r]:
                    expected = h.subs(X, values[r]) * sp.diff(gp, X).subs(X, gates[r])
                if decide(derived[r, c] - expected) is not True:
                    raise _error(act, "gate", f"for n = {size}, SymPy does not show d y_{r + 1} / d {column} = "
                                 f"{derived[r, c]} equal to {expected} (the block rule)")


def gated_facts(act: Activation) -> dict:
    f = gated_expression(act)
    h, g = factors(act)
    gate, value = halves(act)
    for size in SIZES:
        _gated_jacobian(act, size)
    rng = _range(g)
    value_part = {"value_function": None}
    if h != X:
        value_part = {"value_function": tex.cases_latex(derive.pieces(h)),
                      "value_derivative": tex.cases_latex(derive.derivative_pieces(h)),
                      "value_range": range_latex(_range(h)), "value_kinks": kink_rows(h)}
    return value_part | {
        "expression": latex(f),
        "gate": act.gate,
        "gate_symbol": latex(gate),
        "value_symbol": latex(value),
        "gate_function": tex.cases_latex(derive.pieces(g)),
        "gate_derivative": tex.cases_latex(derive.derivative_pieces(g)),
        "gate_at_zero": latex(sp.simplify(g.subs(X, 0))),
        "gate_range": range_latex(rng),
        "gate_matches": matches(g),
        "gate_kinks": kink_rows(g),
        "proved_sizes": list(SIZES),
        "smooth": not g.atoms(*NONSMOOTH) and not h.atoms(*NONSMOOTH),
    }


def concat_facts(act: Activation) -> dict:
    """A concatenation's Jacobian: one diagonal block per output, checked by SymPy on every smooth piece.

    For n inputs and outputs f_1, ..., f_k concatenated along the axis, SymPy differentiates
    (f_o(x_1), ..., f_o(x_n)) with respect to every input on each smooth piece of f_o: the block is
    diag(f_o'(x)), the entries off the diagonal are exactly 0.
    """
    exprs = derive.outputs(act, defaults=True)
    for size in SIZES:
        xs = inputs(size)
        for o, f in enumerate(exprs):
            for piece in derive.pieces(f):
                jac = sp.Matrix([piece.expr.subs(X, v) for v in xs]).jacobian(xs)
                slope = sp.diff(piece.expr, X)
                for r in range(size):
                    for c in range(size):
                        expected = slope.subs(X, xs[r]) if r == c else sp.S.Zero
                        if decide(jac[r, c] - expected) is not True:
                            raise _error(act, "expr", f"output {o + 1}, n = {size}: d y_{r + 1} / d x_{c + 1} = "
                                         f"{jac[r, c]}, not {expected}")
    return {"kind": "concat", "outputs": len(exprs), "proved_sizes": list(SIZES)}
