"""Soundness of the hand-written NumPy snippets in snippets/<slug>.py.

Every check grows from the declarations (tests/conftest.py derives the API,
the parameter sets and the kinks): the API (names, keyword defaults),
the file style a reader copies, declared constants, dtypes and shapes,
scalars in giving NumPy scalars out, no RuntimeWarning at extreme inputs,
NaN propagation, derivatives against finite differences, and the
concatenation and softmax specifics. Accuracy against the declarations
(grids, kinks, limits) is in tests/test_derivatives.py.

A test dispatches on ``act.kind`` and fails for a kind it does not know.
"""

from __future__ import annotations

import ast
import inspect
import warnings

import numpy as np
import pytest
import sympy as sp

import activations
import derive
import reference
from conftest import (CATALOG, Case, VARIANT_DEFAULT, VECTOR_KINDS, all_cases, api, expressions, ids,
                      is_softmax, kink_points, learned_expressions, snippet, unhandled)

SNIPPETS = reference.ROOT / "snippets"
WITH_PARAMS = [a for a in CATALOG if a.params]
WITH_CONSTANTS = [a for a in CATALOG if a.constants]
WITH_LEARNED = [a for a in CATALOG if any(p.learned for p in a.params)]
CONCAT = [a for a in CATALOG if a.kind == "concat"]
SOFTMAX = [a for a in CATALOG if is_softmax(a.slug)]  # its specific tests below
FLOATS = [np.float64, np.float32, np.float16]


def functions(act):
    module = snippet(act.slug)
    return [(name, getattr(module, name)) for name in api(act)]


def out_shape(act, name: str, shape: tuple) -> tuple:
    """The shape a function of the snippet returns for an input of ``shape`` (axis −1)."""
    if act.kind == "elementwise":
        return shape
    if act.kind == "concat":
        n = len(act.expr)
        return (n,) if shape == () else shape[:-1] + (n * shape[-1],)
    if act.kind in VECTOR_KINDS:
        if name == act.slug:
            return shape
        size = 1 if shape == () else shape[-1]
        return (shape or (1,)) + (size,)
    if act.kind == "gated":  # halves along the last axis: an odd length (a scalar too) is a ValueError
        if shape == () or shape[-1] % 2:
            return None
        return shape[:-1] + (shape[-1] // 2,) if name == act.slug else shape
    unhandled(act, "output shapes")


def adds_an_axis(act, name: str) -> bool:
    return out_shape(act, name, ()) != ()


# ---------------------------------------------------------------------------
# The files: API and the style a reader copies
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("act", CATALOG, ids=ids(CATALOG))
def test_api(act):
    module = snippet(act.slug)
    expected = api(act)
    public = {n for n, v in vars(module).items()
              if inspect.isfunction(v) and not n.startswith("_") and v.__module__ == module.__name__}
    assert public == set(expected), f"{act.slug}: public functions {sorted(public)}, declared {sorted(expected)}"
    for name, defaults in expected.items():
        params = inspect.signature(getattr(module, name)).parameters
        assert list(params) == ["x", *defaults], f"{name}{inspect.signature(getattr(module, name))}"
        assert params["x"].default is inspect.Parameter.empty
        for p, default in defaults.items():
            got = params[p].default
            if default is VARIANT_DEFAULT:
                assert got is not inspect.Parameter.empty, f"{name}: {p} needs a default (the main form)"
                continue
            assert got == default and type(got) is type(default), f"{name}: {p}={got!r}, declared {default!r}"


@pytest.mark.parametrize("act", CATALOG, ids=ids(CATALOG))
def test_file_style(act):
    path = SNIPPETS / f"{act.slug}.py"
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    # 70 lines, and room for each variant's own value and derivative (GELU's tanh form) and for
    # each learned parameter's derivative, a function with its docstring and examples
    room = 70 + 40 * len(act.variants) + 22 * sum(p.learned for p in act.params)
    assert len(lines) <= room, f"{path.name}: {len(lines)} lines"
    assert max(map(len, lines)) <= 88, "lines fit a code block on the page"
    tree = ast.parse(source)
    doc = ast.get_docstring(tree)
    assert doc and 1 <= len(doc.strip().splitlines()) <= 3, "module docstring of 1-3 lines"
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):  # the standard library's math has erf and erfc, NumPy has not
            assert [(a.name, a.asname) for a in node.names] in ([("numpy", "np")], [("math", None)]), \
                "imports numpy (and the standard library's math) only"
        assert not isinstance(node, ast.ImportFrom), "imports numpy (and math) only"
        assert not isinstance(node, (ast.For, ast.While, ast.AsyncFor, ast.ListComp,
                                     ast.SetComp, ast.DictComp, ast.GeneratorExp)), "no Python loops"
        if isinstance(node, ast.Attribute):
            assert node.attr not in ("seterr", "show"), "no global errstate, no plt.show()"
    assert "plt" not in source and "matplotlib" not in source and "print(" not in source
    for name, defaults in api(act).items():
        fdoc = inspect.getdoc(getattr(snippet(act.slug), name))
        assert fdoc, name
        first = fdoc.splitlines()[0]
        assert "=" in first, f"{name}: first docstring line is the formula"
        assert "x:" in fdoc, f"{name}: documents x"
        for p, default in defaults.items():
            assert f"{p}:" in fdoc, f"{name}: documents {p}"
            if default is not VARIANT_DEFAULT:
                assert repr(default) in fdoc, f"{name}: documents the default {p}={default!r}"
        assert fdoc.count(">>>") >= 2, f"{name}: has a few doctest examples"


def test_importing_does_not_touch_errstate():
    before = np.geterr()
    for act in CATALOG:
        reference.load_snippet.__wrapped__(act.slug)  # a fresh import, not the cached module
    assert np.geterr() == before


@pytest.mark.parametrize("act", WITH_CONSTANTS, ids=ids(WITH_CONSTANTS))
def test_constants_are_the_declared_ones(act):
    """A declared constant is a module-level float of the snippet, correctly rounded."""
    module = snippet(act.slug)
    for c in act.constants:
        value = getattr(module, c.name)
        assert value == float(activations.number(c.default)), f"{c.name} = {value!r}, declared {c.default}"
        assert type(value) is float, f"{c.name}: a Python float keeps float32 input float32"


# ---------------------------------------------------------------------------
# dtypes and shapes
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("act", CATALOG, ids=ids(CATALOG))
def test_scalars_give_numpy_scalars(act):
    """A scalar in gives a NumPy scalar (not a 0-d array) of the same float dtype out,
    integers giving float64; functions that add an axis give arrays of that shape."""
    cases = [(3, np.float64), (True, np.float64), (-0.5, np.float64), (np.float64(0.5), np.float64),
             (np.float32(0.5), np.float32), (np.float16(0.5), np.float16),
             (np.array(0.5, dtype=np.float32), np.float32), (np.int8(-2), np.float64)]
    for name, f in functions(act):
        for value, dtype in cases:
            if act.kind == "gated":  # no halves in a scalar: a clear error, and a pair gives one value
                with pytest.raises(ValueError, match="even"):
                    f(value)
                value = np.stack([value, value])
            y = f(value)
            assert y.dtype == dtype, (name, value, y.dtype)
            if act.kind == "gated":
                assert isinstance(y, np.ndarray) and y.shape == out_shape(act, name, (2,)), (name, value)
                continue
            if adds_an_axis(act, name):
                assert isinstance(y, np.ndarray) and y.shape == out_shape(act, name, ()), (name, value)
            else:
                assert type(y) is dtype, (name, value, type(y))


@pytest.mark.parametrize("act", CATALOG, ids=ids(CATALOG))
@pytest.mark.parametrize("dtype", [*FLOATS, np.int64, np.int32, np.bool_], ids=lambda d: np.dtype(d).name)
def test_arrays_keep_float_dtype_and_shape(act, dtype):
    expected = np.dtype(dtype) if np.issubdtype(dtype, np.floating) else np.dtype(np.float64)
    for name, f in functions(act):
        for shape in [(), (1,), (5,), (2, 3), (2, 3, 4), (0, 3), (3, 0), (4,), (3, 2), (0, 2)]:
            x = (np.arange(int(np.prod(shape))).reshape(shape) % 7 - 3).astype(dtype)
            if out_shape(act, name, shape) is None:  # a gated activation of an odd length
                with pytest.raises(ValueError, match="even"):
                    f(x)
                continue
            y = f(x)
            assert np.asarray(y).dtype == expected, (name, shape, np.asarray(y).dtype)
            assert np.shape(y) == out_shape(act, name, shape), (name, shape)
        y = f([[-1, 2, 3, 7], [4, -5, 6, 8]])  # nested lists
        assert y.dtype == np.float64 and y.shape == out_shape(act, name, (2, 4)), name


@pytest.mark.parametrize("act", WITH_PARAMS, ids=ids(WITH_PARAMS))
@pytest.mark.parametrize("dtype", [np.float32, np.float16], ids=["float32", "float16"])
def test_python_float_parameter_keeps_dtype(act, dtype):
    x = np.array([-2.0, -0.5, 0.0, 1.5], dtype=dtype)
    for name, f in functions(act):
        for p in act.params:
            one = -1 if activations.number(p.default) < 0 else 1  # a Python int, of the parameter's sign
            for value in sorted({float(activations.number(v)) for v in (p.default, *p.family)}) + [one]:
                assert f(x, **{p.name: value}).dtype == dtype, (name, p.name, value)
                y = f(dtype(-1.5) if act.kind != "gated" else x[:2], **{p.name: value})
                assert (y.dtype if adds_an_axis(act, name) else type(y)) == dtype, (name, p.name, value)


# ---------------------------------------------------------------------------
# No RuntimeWarning, NaN propagation
# ---------------------------------------------------------------------------

F64_MAX, F32_MAX = float(np.finfo(np.float64).max), float(np.finfo(np.float32).max)
SPECIALS = {
    np.float64: [0.0, -0.0, 1e-300, 5e-324, 1.0, 40.0, 88.0, 89.0, 104.0, 709.0, 710.0, 745.0, 746.0,
                 1000.0, 1e308, F64_MAX, np.inf],
    np.float32: [0.0, -0.0, 1e-38, 1e-45, 1.0, 20.0, 40.0, 88.0, 89.0, 104.0, 1000.0, 3.4e38,
                 F32_MAX, np.inf],
    np.float16: [0.0, -0.0, 6e-8, 1.0, 11.0, 12.0, 18.0, 1000.0, 65504.0, np.inf],
}


def specials(dtype):
    v = np.array(SPECIALS[dtype], dtype=dtype)
    return np.concatenate([v, -v, np.array([np.nan], dtype=dtype)])


def _along_axis_0(act, name):
    return {"axis": 0} if "axis" in inspect.signature(getattr(snippet(act.slug), name)).parameters else {}


@pytest.mark.parametrize("act", CATALOG, ids=ids(CATALOG))
@pytest.mark.parametrize("dtype", FLOATS, ids=["float64", "float32", "float16"])
def test_no_warning_at_extremes(act, dtype):
    x = specials(dtype)
    for name, f in functions(act):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            with np.errstate(over="raise", invalid="raise", divide="raise"):
                if act.kind == "gated":  # every pair (a, b) of specials, and along axis 0
                    pairs = np.stack(np.meshgrid(x, x), axis=-1).reshape(-1, 2)
                    y = f(pairs)
                    f(pairs.T, axis=0)
                    f(pairs.reshape(-1))
                    continue
                y = f(x)
                for v in x:  # one at a time too, as scalars
                    f(v)
                if act.kind == "concat":
                    f(x.reshape(-1, 1), axis=0)
                elif act.kind in VECTOR_KINDS:  # every pair of specials as a row, and a 2-D batch of rows
                    rows = np.stack(np.meshgrid(x, x), axis=-1).reshape(-1, 2)
                    f(rows)
                    f(rows.T, **_along_axis_0(act, name))
                    f(np.concatenate([rows, rows[::-1, :1]], axis=1))
                elif act.kind != "elementwise":
                    unhandled(act, "extreme inputs")
        assert np.asarray(y).dtype == dtype, name


@pytest.mark.parametrize("act", CATALOG, ids=ids(CATALOG))
@pytest.mark.parametrize("dtype", FLOATS, ids=["float64", "float32", "float16"])
def test_nan_propagates(act, dtype):
    """NaN in gives NaN out where it enters, and nowhere else."""
    x = np.array([-1.0, np.nan, 2.0, 0.5], dtype=dtype)
    for name, f in functions(act):
        if act.kind == "gated":  # (a, b) = ([-1, nan], [2, 0.5]): the second pair only
            assert np.isnan(f(np.array([np.nan, np.nan], dtype=dtype))).all(), name
            y = f(x)
            spoiled = [1] if name == act.slug else [1, 3]
            assert np.isnan(y[spoiled]).all() and not np.isnan(np.delete(y, spoiled)).any(), (name, y)
            y = f(x[[0, 2, 1, 3]])  # (a, b) = ([-1, 2], [nan, 0.5]): a NaN in the other half
            spoiled = [0] if name == act.slug else [0, 2]
            assert np.isnan(y[spoiled]).all() and not np.isnan(np.delete(y, spoiled)).any(), (name, y)
            continue
        assert np.isnan(f(dtype(np.nan))).all(), name
        if act.kind == "elementwise":
            y = f(x)
            assert np.isnan(y[1]) and not np.isnan(y[[0, 2, 3]]).any(), (name, y)
        elif act.kind == "concat":
            y = f(x).reshape(len(act.expr), -1)
            assert np.isnan(y[:, 1]).all() and not np.isnan(y[:, [0, 2, 3]]).any(), (name, y)
        elif act.kind in VECTOR_KINDS:  # a NaN spoils its own row (vector) only
            y = f(np.stack([x, np.nan_to_num(x)]))
            assert np.isnan(y[0]).all() and not np.isnan(y[1]).any(), (name, y)
        else:
            unhandled(act, "NaN propagation")


# ---------------------------------------------------------------------------
# Derivatives against finite differences
# ---------------------------------------------------------------------------


def _away_from_kinks(case, x, distance=1e-3):
    points = kink_points(case)
    return x[np.all([np.abs(x - c) > distance for c in points], axis=0)] if points else x


@pytest.mark.parametrize("case", all_cases())
def test_derivative_matches_finite_differences(case):
    act = case.act
    module, kw = snippet(act.slug), case.kwargs()
    f, df = getattr(module, act.slug), getattr(module, f"{act.slug}_derivative")
    lo, hi = act.plot_range
    x = _away_from_kinks(case, np.linspace(min(-9.0, 2 * lo), max(9.0, 2 * hi), 37) + 0.123)
    h = 1e-6
    np.testing.assert_allclose(df(x, **kw), (f(x + h, **kw) - f(x - h, **kw)) / (2 * h), rtol=1e-6, atol=1e-9)
    for name in learned_expressions(case):  # ∂f/∂p against differences in p
        p = float(kw.get(name, next(q.default for q in act.params if q.name == name)))
        fd = (f(x, **{**kw, name: p + h}) - f(x, **{**kw, name: p - h})) / (2 * h)
        np.testing.assert_allclose(getattr(module, f"{act.slug}_derivative_{name}")(x, **kw), fd,
                                   rtol=1e-6, atol=1e-9, err_msg=name)


@pytest.mark.parametrize("act", WITH_LEARNED, ids=ids(WITH_LEARNED))
def test_learned_parameters_can_be_one_per_channel(act):
    """A learned parameter may be an array (one per channel, the last axis) and broadcasts."""
    module = snippet(act.slug)
    x = np.array([[-1.0, -2.0, 3.0], [2.0, -0.5, -4.0]])
    for p in act.params:
        if not p.learned:
            continue
        values = np.array([float(v) for v in (p.family or (p.default,))] * 3)[:3]
        for name in api(act):
            f = getattr(module, name)
            per_channel = f(x, **{p.name: values})
            one_by_one = np.stack([f(x[:, j], **{p.name: float(values[j])}) for j in range(3)], axis=-1)
            np.testing.assert_array_equal(per_channel, one_by_one, err_msg=f"{name}, {p.name}")


# ---------------------------------------------------------------------------
# Concatenations: the declared outputs, joined along any axis
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("act", CONCAT, ids=ids(CONCAT))
def test_concatenation_joins_the_declared_outputs_along_axis(act):
    module = snippet(act.slug)
    exprs = expressions(Case(act.slug, act.slug, ()))
    rng = np.random.default_rng(1)
    x = rng.normal(scale=3, size=(3, 4, 5))
    eps = float(np.finfo(np.float64).eps)
    for name, fn_of in ((act.slug, lambda e: e), (f"{act.slug}_derivative", derive.derivative)):
        f = getattr(module, name)
        parts = [reference.numpy_function(fn_of(e))(x) for e in exprs]
        tol = act.ulp[0 if name == act.slug else 1] * eps
        for axis in (0, 1, 2, -1, -2):
            y = f(x, axis=axis)
            expected_shape = list(x.shape)
            expected_shape[axis] *= len(exprs)
            assert y.shape == tuple(expected_shape), (name, axis)
            np.testing.assert_allclose(y, np.concatenate(parts, axis=axis), rtol=tol, atol=0,
                                       err_msg=f"{name}, axis={axis}")


# ---------------------------------------------------------------------------
# Softmax and its Jacobian (the vector activations SymPy proves equal to softmax)
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("act", SOFTMAX, ids=ids(SOFTMAX))
def test_softmax_overflow_and_batches(act):
    softmax = getattr(snippet(act.slug), act.slug)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for x in ([1000.0, 0.0], [1e308, -1e308], [F64_MAX, -F64_MAX], [710.0, -710.0]):
            y = softmax(np.array(x))
            assert y[0] == 1.0 and 0.0 <= y[1] < 1e-300
        y = softmax(np.array([3e38, -F32_MAX], dtype=np.float32))
        assert y.dtype == np.float32 and y[0] == 1 and y[1] == 0
        assert softmax([-1000.0, -1000.0]).tolist() == [0.5, 0.5]
        assert softmax([-1e308, -1e308, -F64_MAX]).tolist() == [0.5, 0.5, 0.0]
    rng = np.random.default_rng(2)
    batch = rng.normal(scale=10, size=(200, 10))
    assert np.abs(softmax(batch).sum(axis=-1) - 1).max() <= 1e-15
    assert np.abs(softmax(batch.T, axis=0).sum(axis=0) - 1).max() <= 1e-15
    np.testing.assert_array_equal(softmax(batch, axis=0), softmax(batch.T).T)
    np.testing.assert_array_equal(softmax(batch.reshape(20, 10, 10), axis=1)[3],
                                  softmax(batch[30:40].T).T)
    assert softmax(7) == 1.0 and type(softmax(7)) is np.float64
    np.testing.assert_array_equal(softmax([3.0, 3.0, 3.0, 3.0]), [0.25] * 4)


@pytest.mark.parametrize("act", SOFTMAX, ids=ids(SOFTMAX))
def test_softmax_infinities_and_nan(act):
    softmax = getattr(snippet(act.slug), act.slug)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with np.errstate(over="raise", invalid="raise", divide="raise"):
            x = np.array([[np.inf, 0.0, 0.0], [np.inf, np.inf, 0.0], [np.inf, -np.inf, 5.0],
                          [-np.inf, -np.inf, -np.inf], [np.nan, 0.0, 1.0], [np.inf, np.nan, 1.0],
                          [-np.inf, 0.0, -np.inf], [1.0, 2.0, 3.0]])
            for dtype in (np.float64, np.float32):
                y = softmax(x.astype(dtype))
                assert y.dtype == dtype
                np.testing.assert_array_equal(y[:3], [[1, 0, 0], [0.5, 0.5, 0], [1, 0, 0]])
                assert np.isnan(y[3:6]).all()
                np.testing.assert_array_equal(y[6], [0, 1, 0])
                np.testing.assert_allclose(y[7], [0.09003057, 0.24472847, 0.66524096], rtol=1e-6)
                np.testing.assert_array_equal(softmax(x.T.astype(dtype), axis=0), y.T)
            assert softmax([np.inf, 0.0]).tolist() == [1.0, 0.0]
            assert softmax(np.inf) == 1.0 and np.isnan(softmax(-np.inf)) and np.isnan(softmax(np.nan))
            assert softmax(np.zeros((3, 0))).shape == (3, 0)


@pytest.mark.parametrize("act", SOFTMAX, ids=ids(SOFTMAX))
def test_softmax_jacobian_structure(act):
    """Symmetric, rows summing to 0, s_i(δ_ij − s_j), central differences; values are in test_derivatives."""
    module = snippet(act.slug)
    softmax, jacobian = getattr(module, act.slug), getattr(module, f"{act.slug}_jacobian")
    rng = np.random.default_rng(3)
    x = rng.normal(scale=2, size=(4, 3, 5))
    J = jacobian(x)
    assert J.shape == (4, 3, 5, 5)
    np.testing.assert_array_equal(J, np.swapaxes(J, -1, -2))  # symmetric, exactly
    assert np.abs(J.sum(axis=-1)).max() <= 1e-15  # rows sum to 0
    s = softmax(x)
    naive = s[..., :, None] * (np.eye(5) - s[..., None, :])
    np.testing.assert_allclose(J, naive, rtol=1e-12, atol=1e-17)
    h = 1e-6
    for j in range(5):  # column j: ∂s/∂x_j by central differences
        step = np.zeros(5)
        step[j] = h
        fd = (softmax(x + step) - softmax(x - step)) / (2 * h)
        np.testing.assert_allclose(J[..., :, j], fd, rtol=1e-6, atol=1e-9)
    np.testing.assert_array_equal(jacobian(2.0), [[0.0]])
    np.testing.assert_array_equal(jacobian([1000.0, 0.0]), [[0.0, 0.0], [0.0, 0.0]])
    assert np.isnan(jacobian([[np.nan, 1.0], [1.0, 2.0]])[0]).all()
    assert not np.isnan(jacobian([[np.nan, 1.0], [1.0, 2.0]])[1]).any()
    assert jacobian(np.float32([1.0, 2.0])).dtype == np.float32
    if "axis" in inspect.signature(jacobian).parameters:  # the two new axes replace `axis`
        np.testing.assert_array_equal(jacobian(np.moveaxis(x, -1, 0), axis=0), J)


# ---------------------------------------------------------------------------
# Stochastic activations (RReLU): training mode with a numpy Generator
# ---------------------------------------------------------------------------

STOCHASTIC = [a for a in CATALOG if a.stochastic is not None]


@pytest.mark.parametrize("act", STOCHASTIC, ids=ids(STOCHASTIC))
@pytest.mark.parametrize("dtype", [np.float64, np.float32], ids=["float64", "float32"])
def test_training_mode_draws_one_quantity_per_element_from_the_generator(act, dtype):
    """With rng, each element gets its own draw rng.uniform(low, high, size=x.shape) (drawn for every
    element); the value and the derivative are the declaration's at those draws, the same for
    generators in the same state, and new draws on the next call; rng=None is evaluation mode."""
    module = snippet(act.slug)
    f, df = getattr(module, act.slug), getattr(module, f"{act.slug}_derivative")
    syms = derive.symbols(act)
    values = derive.parameter_values(act)  # defaults, the random quantity at its mean
    q = syms[act.stochastic.param]
    expr = derive.expression(act, defaults=False).subs({k: v for k, v in values.items() if k != q})
    points = [k for k in kink_points(Case(act.slug, act.slug, ()))]
    x = np.linspace(-6, 6, 49).astype(dtype)
    x = x[np.all([x != c for c in points], axis=0)] if points else x
    low, high = (float(b.subs(values)) for b in derive.stochastic_bounds(act))
    draws = np.random.default_rng(7).uniform(low, high, size=x.shape)
    value_of = sp.lambdify((derive.X, q), expr, reference.NUMPY)
    slope_of = sp.lambdify((derive.X, q), derive.derivative(expr), reference.NUMPY)
    expected, expected_d = value_of(x.astype(np.float64), draws), slope_of(x.astype(np.float64), draws)
    y, d = f(x, rng=np.random.default_rng(7)), df(x, rng=np.random.default_rng(7))
    assert y.dtype == dtype and d.dtype == dtype
    rtol = 4 * float(np.finfo(dtype).eps)
    np.testing.assert_allclose(y, expected, rtol=rtol, atol=0)
    np.testing.assert_allclose(d, expected_d, rtol=rtol, atol=0)
    g = np.random.default_rng(7)
    first, second = f(x, rng=g), f(x, rng=g)
    assert not np.array_equal(first, second), "a Generator advances: each call draws anew"
    np.testing.assert_array_equal(f(x, rng=None), f(x))  # evaluation mode, the mean
    many = f(np.full(200_000, -1.0), rng=np.random.default_rng(0))
    evaluation = f(-1.0)
    assert abs(many.mean() - evaluation) < 5 * (high - low) / np.sqrt(12 * many.size)
