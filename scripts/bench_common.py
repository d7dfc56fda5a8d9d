"""What the benchmark runs for each activation, all from its declaration.

For every declared activation: its snippet's functions (loaded by
``reference.load_snippet``), the naive formula it is compared with (the
declaration's ``naive``, or, where it has none, one derived from its SymPy
expression with ``sympy.lambdify``), and how its input is shaped, which
depends on ``act.kind`` only:

- ``"elementwise"``: f applied entry by entry;
- ``"concat"``: each output applied entry by entry, concatenated along the
  last axis (CReLU);
- ``"vector"``: a row (the last axis) maps to a row; the derivative is the
  Jacobian of a row;
- ``"gated"``: the last axis splits into the halves (a, b) and f = value·g(gate);
  the accuracy is that of g, measured through the snippet with the value half
  at 1 (:func:`gate_view`, :func:`gated_functions`), the speed that of the
  whole snippet.

A kind missing from :data:`SHAPES` fails with the activation's name and
the field ``kind``: the benchmark never skips an activation silently.
"""

from __future__ import annotations

import ast
import dataclasses
import sys
from collections.abc import Callable
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent
ROOT = SCRIPTS.parent
if str(SCRIPTS) not in sys.path:
    sys.path.insert(0, str(SCRIPTS))

import numpy as np  # noqa: E402
import sympy as sp  # noqa: E402

import activations  # noqa: E402
import derive  # noqa: E402
import reference  # noqa: E402
import vector  # noqa: E402
from activations import Activation, DeclarationError, number  # noqa: E402

# How the benchmark feeds each kind: "elementwise" (one value in, one value
# per output out) or "rows" (a row of logits in, a row out).
SHAPES: dict[str, str] = {"elementwise": "elementwise", "concat": "elementwise", "vector": "rows",
                          "gated": "gated"}


def shape_of(act: Activation) -> str:
    """"elementwise" or "rows"; an error naming the activation for a kind the benchmark cannot measure."""
    try:
        return SHAPES[act.kind]
    except KeyError:
        raise DeclarationError(act.slug, f"kind {act.kind!r} has no benchmark measurement (scripts/bench_common.py "
                                         f"SHAPES knows {', '.join(sorted(SHAPES))})", "kind") from None


def snippet_functions(act: Activation, root: Path = ROOT) -> tuple[Callable, Callable]:
    """(forward, derivative) of snippets/<slug>.py; for rows the derivative is the Jacobian."""
    module = reference.load_snippet(act.slug, root)
    suffix = "_jacobian" if shape_of(act) == "rows" else "_derivative"
    found = []
    for name in (act.slug, act.slug + suffix):
        fn = getattr(module, name, None)
        if not callable(fn):
            raise DeclarationError(act.slug, f"snippets/{act.slug}.py has no function {name}()")
        found.append(fn)
    return found[0], found[1]


def parameter_namespace(act: Activation) -> dict[str, float]:
    return {p.name: float(activations.number(p.default)) for p in act.params + act.constants}


def _quiet(fn: Callable) -> Callable:
    def call(x):
        with np.errstate(all="ignore"):  # overflow and NaN are what the accuracy section measures
            return fn(x)

    return call


def compile_naive(source: str, act: Activation) -> Callable:
    """A function of x from a naive formula (statements separated by "; ")."""
    *statements, last = [s.strip() for s in source.split(";")]
    body = "".join(f"    {s}\n" for s in statements) + f"    return {last}\n"
    namespace = {"np": np, **parameter_namespace(act)}
    try:
        exec(f"def naive(x):\n{body}", namespace)  # noqa: S102 - the declaration's own text
    except SyntaxError as err:
        raise DeclarationError(act.slug, f"naive formula {source!r} is not Python: {err.msg}", "naive") from None
    return _quiet(namespace["naive"])


@dataclasses.dataclass(frozen=True)
class Naive:
    """The formulas the snippet is compared with, and where they come from."""

    forward: Callable
    derivative: Callable
    forward_text: str
    derivative_text: str
    derived: bool  # True: lambdify of the declared expression, not a declared one-liner


def _same_dtype(fn: Callable) -> Callable:
    """fn(x) in x's floating dtype (reference.numpy_function computes in float64)."""

    def call(x):
        x = np.asarray(x)
        y = fn(x)
        return y.astype(x.dtype) if np.issubdtype(x.dtype, np.floating) else y

    return call


def _elementwise_derived(act: Activation) -> Naive:
    exprs = derive.outputs(act, constants=True, defaults=True)
    forward = [_same_dtype(reference.numpy_function(e)) for e in exprs]
    derivative = [_same_dtype(reference.numpy_function(derive.derivative(e))) for e in exprs]

    def joined(parts):
        if len(parts) == 1:
            return parts[0]
        return lambda x: np.concatenate([p(x) for p in parts], axis=-1)

    text = ", ".join(sp.sstr(e) for e in exprs)
    dtext = ", ".join(sp.sstr(derive.derivative(e)) for e in exprs)
    return Naive(_quiet(joined(forward)), _quiet(joined(derivative)), text, dtext, True)


def _key(act: Activation) -> tuple:
    """What a derived formula depends on (an Activation holds dicts, so it is not hashable)."""
    return act.slug, act.kind, act.expr, act.params, act.constants


_ROWS: dict[tuple, object] = {}  # row components and their lambdified forms, by declaration and n


def row_components(act: Activation, n: int) -> tuple[tuple[sp.Symbol, ...], tuple[sp.Expr, ...]]:
    """The n outputs of a row activation in n symbols (vector.components), at the default parameters."""
    key = (*_key(act), n)
    if key not in _ROWS:
        xs, comps = vector.components(act, n)
        values = derive.parameter_values(act)
        _ROWS[key] = tuple(xs), tuple(c.subs(values) for c in comps)
    return _ROWS[key]


def _row_lambda(act: Activation, n: int, jacobian: bool):
    """lambdify of the n outputs (or of their Jacobian, entry by entry) of a row activation."""
    key = (*_key(act), n, jacobian)
    if key not in _ROWS:
        xs, comps = row_components(act, n)
        exprs = [[sp.diff(c, v) for v in xs] for c in comps] if jacobian else list(comps)
        _ROWS[key] = sp.lambdify(xs, exprs, "numpy", cse=True)
    return _ROWS[key]


def _rows_derived(act: Activation) -> Naive:
    """lambdify of a row activation's components and of their Jacobian, built per row length.

    Expanding the declared Σ costs time that grows fast with the row length
    (seconds at 30, minutes at 100): a row activation that is benchmarked on
    long rows is better off declaring its naive formula, and a projection (sparsemax) must.
    """
    if act.threshold:
        raise DeclarationError(act.slug, "a projection has no formula to derive a naive one from: "
                                         "declare naive=Naive(forward, derivative)", "naive")

    def forward(x):
        x = np.asarray(x, dtype=float)
        f = _row_lambda(act, x.shape[-1], jacobian=False)
        cols = np.broadcast_arrays(*f(*np.moveaxis(x, -1, 0)))
        return np.stack(cols, axis=-1)

    def jacobian(x):
        x = np.asarray(x, dtype=float)
        jac = _row_lambda(act, x.shape[-1], jacobian=True)
        rows = [np.stack(np.broadcast_arrays(*row), axis=-1) for row in jac(*np.moveaxis(x, -1, 0))]
        return np.stack(np.broadcast_arrays(*rows), axis=-2)

    return Naive(_quiet(_same_dtype(forward)), _quiet(_same_dtype(jacobian)), f"{act.expr} for each i",
                 "its Jacobian, each entry differentiated by SymPy", True)


def gate_view(act: Activation) -> Activation:
    """The gate function g of a gated activation (f = value·g(gate), derived by scripts/gated.py)
    as an elementwise declaration at the default parameters."""
    import gated

    g = gated.gate_function(act) if not gated.general(act) else \
        gated.gated_expression(act).subs({vector.A: sp.Symbol("x", real=True), vector.B: 0})  # f(x, 0), no gate
    return dataclasses.replace(act, kind="elementwise", gate="", expr=sp.sstr(g), params=(), constants=(),
                               variants=(), naive=None, kink_derivative={}, framework_kink_derivative={},
                               identities=())


def gated_functions(act: Activation, root: Path = ROOT) -> tuple[Callable, Callable]:
    """g and g' of a gated activation, computed by its snippet with the value half at 1
    (without a gate: f(t, 0) and ∂f/∂a there)."""
    forward, derivative = snippet_functions(act, root)

    def pair(t):
        t = np.atleast_1d(np.asarray(t))
        halves = [t, np.ones_like(t)] if act.gate == "first" else [np.ones_like(t), t]
        if not act.gate:  # no gate (maxout): f(t, 0) and ∂f/∂a there
            halves = [t, np.zeros_like(t)]
        return np.concatenate(halves, axis=-1), t.shape[-1], np.ndim(t)

    def g(t):
        x, n, _ = pair(t)
        return forward(x)

    def dg(t):
        x, n, _ = pair(t)
        d = derivative(x)
        return d[..., :n] if act.gate in ("first", "") else d[..., n:]

    return g, dg


def _gated_derived(act: Activation) -> Naive:
    """lambdify of value·g(gate) and of its two partial derivatives, on the halves of x."""
    import gated

    f = gated.gated_expression(act)
    a, b = vector.A, vector.B
    value = sp.lambdify((a, b), f, "numpy")
    parts = [sp.lambdify((a, b), sp.diff(f, v), "numpy") for v in (a, b)]

    def forward(x):
        x = np.asarray(x, dtype=float)
        return value(*np.split(x, 2, axis=-1))

    def derivative(x):
        x = np.asarray(x, dtype=float)
        halves = np.split(x, 2, axis=-1)
        return np.concatenate([np.broadcast_to(p(*halves), halves[0].shape) for p in parts], axis=-1)

    return Naive(_quiet(_same_dtype(forward)), _quiet(_same_dtype(derivative)), sp.sstr(f) + " on the halves (a, b)",
                 "∂/∂a and ∂/∂b, differentiated by SymPy", True)


def naive_functions(act: Activation) -> Naive:
    """The declared naive formulas, or ones derived from the declared expression."""
    if act.naive is not None:
        return Naive(compile_naive(act.naive.forward, act), compile_naive(act.naive.derivative, act),
                     act.naive.forward, act.naive.derivative, False)
    return {"rows": _rows_derived, "gated": _gated_derived}.get(shape_of(act), _elementwise_derived)(act)


def fmt_x(x: float) -> str:
    return "0" if x == 0 else f"{x:.4g}".replace("e+", "e")


def catalog() -> tuple[Activation, ...]:
    """Every declared activation, each checked to have a kind the benchmark measures."""
    acts = activations.ACTIVATIONS
    for act in acts:
        shape_of(act)
    return acts


def reference_call(act: Activation) -> tuple[str, Callable] | None:
    """The declared scipy.special (or NumPy) call computing the same values, as a function of x."""
    text = act.scipy or act.numpy_reference
    if not text:
        return None
    namespace = {"np": np}
    if "scipy" in text:  # scipy.special.expit(x), x * scipy.special.expit(x), ...
        import scipy.special  # noqa: F401 - makes scipy.special reachable from the name scipy

        namespace["scipy"] = sys.modules["scipy"]
    try:
        return text, eval(f"lambda x: {text}", namespace)  # noqa: S307 - the declaration's own text
    except SyntaxError as err:
        field = "scipy" if act.scipy else "numpy_reference"
        raise DeclarationError(act.slug, f"{text!r} is not a Python expression: {err.msg}", field) from None


def torch_call(act: Activation, torch):
    """The declaration's PyTorch spelling as a callable on a tensor, or (None, reason)."""
    fw = next((f for f in act.frameworks if f.name == "PyTorch"), None)
    if fw is None:
        return None, "no PyTorch entry in the declaration"
    # the declared parameters at their defaults, for a composition that names them (cap * torch.tanh(x / cap))
    namespace = {"torch": torch, **{p.name: float(number(p.default)) for p in act.params}}
    try:
        for statement in fw.setup:
            exec(statement, namespace)  # noqa: S102 - the declaration's own text
    except Exception as err:  # noqa: BLE001 - reported in the table, the rest still runs
        return None, f"its setup fails: {type(err).__name__}: {err}"

    def uses_x(call: str) -> bool:  # an expression in x (torch.sin(alpha * x)), not a module to build
        return any(isinstance(n, ast.Name) and n.id == "x" for n in ast.walk(ast.parse(call, mode="eval")))

    calls = sorted(fw.calls, key=lambda c: not uses_x(c))
    for call in calls:
        if uses_x(call):
            try:
                fn = eval(f"lambda x: {call}", namespace)  # noqa: S307 - the declaration's own text
                fn(torch.zeros(2, dtype=torch.float64))
                return fn, call
            except Exception:  # noqa: BLE001 - e.g. a name the declaration leaves to the reader
                continue
        module = eval(call, namespace)  # noqa: S307
        module = module.to(torch.float64) if hasattr(module, "to") else module

        def apply(x, module=module):
            with torch.no_grad():
                return module(x)

        return apply, call + "(x)"
    return None, "no usable call"


def load_torch():
    """torch with one thread, or None (the benchmark runs without it)."""
    try:
        import torch
    except ImportError:
        return None
    torch.set_num_threads(1)
    return torch
