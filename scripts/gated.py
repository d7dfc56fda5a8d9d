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

``kind="gated"`` without a gate (``gate=""``, maxout): ``expr`` is any
expression f(a, b) of the two halves. SymPy differentiates it with respect to
each half (:func:`partials`); where a derivative jumps, SymPy writes a
Heaviside step θ(t), whose value at t = 0 (the tie of max(a, b)) is the
declared ``kink_derivative["0"]`` (SymPy's own θ(0) = 1/2 otherwise). The
Jacobian is again two diagonal blocks, ∂f/∂a and ∂f/∂b, proved for n = 2, 3, 4
(:func:`general_facts`).

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


def general(act: Activation) -> bool:
    """A gated declaration without a gate: f(a, b) is any expression of the two halves (maxout)."""
    return act.kind == "gated" and not act.gate


def tie_value(act: Activation) -> sp.Expr:
    """θ(0), the value of every Heaviside step of the partial derivatives where its argument is 0."""
    declared = {str(sp.nsimplify(k)): v for k, v in act.kink_derivative.items()}
    return sp.nsimplify(declared["0"]) if "0" in declared else sp.Heaviside(0)


def partials(act: Activation) -> tuple[sp.Expr, sp.Expr]:
    """(∂f/∂a, ∂f/∂b) by SymPy, each Heaviside step taking the declared value at 0 (:func:`tie_value`)."""
    f, h0 = gated_expression(act), tie_value(act)
    return tuple(sp.diff(f, v).replace(sp.Heaviside, lambda t, *_: sp.Heaviside(t, h0)) for v in (A, B))


def steps(act: Activation) -> list[sp.Expr]:
    """The arguments t of the Heaviside steps θ(t) of the partial derivatives: where they jump."""
    found = {h.args[0] for d in partials(act) for h in d.atoms(sp.Heaviside)}
    canonical = {t if sp.Poly(t, A, B).coeffs()[0] > 0 else -t for t in found} if found else set()
    return sorted(canonical, key=sp.default_sort_key)


def _general_jacobian(act: Activation, size: int) -> None:
    """SymPy's Jacobian of f(a_i, b_i) over (a_1..a_n, b_1..b_n) against diag(∂f/∂a), diag(∂f/∂b)."""
    f, (da, db) = gated_expression(act), partials(act)
    h0 = tie_value(act)
    a, b = list(sp.symbols(f"a1:{size + 1}", real=True)), list(sp.symbols(f"b1:{size + 1}", real=True))
    ys = [f.subs({A: a[r], B: b[r]}, simultaneous=True) for r in range(size)]
    derived = sp.Matrix(ys).jacobian(a + b).replace(sp.Heaviside, lambda t, *_: sp.Heaviside(t, h0))
    for r in range(size):
        for c, column in enumerate(a + b):
            expected = 0
            if column == a[r]:
                expected = da.subs({A: a[r], B: b[r]}, simultaneous=True)
            elif column == b[r]:
                expected = db.subs({A: a[r], B: b[r]}, simultaneous=True)
            if sp.simplify(derived[r, c] - expected) != 0:
                raise _error(act, "expr", f"for n = {size}, SymPy does not show d y_{r + 1} / d {column} = "
                             f"{derived[r, c]} equal to {expected} (two diagonal blocks)")


def general_facts(act: Activation) -> dict:
    """A gated activation without a gate: f(a, b), its two partial derivatives and where they jump."""
    import dataclasses

    for gate in ("first", "second"):  # GLU declared without its gate: a forgotten field, not a new kind
        try:
            factors(dataclasses.replace(act, gate=gate))
        except Exception:
            continue
        raise _error(act, "gate", f"{act.expr} is a function of one half times the other: declare gate={gate!r}")
    f, (da, db) = gated_expression(act), partials(act)
    for size in SIZES:
        _general_jacobian(act, size)
    ties = []
    for t in steps(act):
        def side(d, sign):  # d on the side where sign·t > 0, next to t = 0
            step = lambda u, *_: (sp.S.One if sign > 0 else sp.S.Zero) if u == t else \
                (sp.S.Zero if sign > 0 else sp.S.One) if u == -t else sp.Heaviside(u, *_)  # noqa: E731
            return sp.simplify(d.replace(sp.Heaviside, step))
        s = sp.Symbol("s", real=True)
        along = f.subs(A, sp.solve(t, A)[0] + s)  # f across the place, s the distance along a
        continuous = all(sp.simplify(sp.limit(along, s, 0, d) - along.subs(s, 0)) == 0 for d in ("+", "-"))
        ties.append({"where": latex(sp.Eq(t, 0)), "tie": latex(tie_value(act)), "continuous": continuous,
                     "below": [latex(side(d, -1)) for d in (da, db)],
                     "above": [latex(side(d, 1)) for d in (da, db)],
                     "at": [latex(d.replace(sp.Heaviside, lambda u, *_: sp.Heaviside(u, tie_value(act)))
                                  .subs(A, sp.solve(t, A)[0])) for d in (da, db)]})
    return {
        "general": True,
        "gate": "",
        "expression": latex(f),
        "partial_a": latex(da.rewrite(sp.Piecewise)),
        "partial_b": latex(db.rewrite(sp.Piecewise)),
        "ties": ties,
        "at_b_zero_matches": matches(f.subs({A: X, B: 0})),
        "proved_sizes": list(SIZES),
        "smooth": not f.atoms(*NONSMOOTH),
    }


def gated_facts(act: Activation) -> dict:
    if general(act):
        return general_facts(act)
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
