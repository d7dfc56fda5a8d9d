"""Softpick: the snippet against an mpmath reference, and against the paper's code, re-typed.

The reference is relu(e^x_i − 1) / Σ_k |e^x_k − 1| evaluated with 80 digits; the snippet must
be within a few ULP of it per entry, batched along any axis, float32 kept, warning-free for
±1000 and ±1e308. The paper's function is re-typed from ``naive_softpick_attn.py`` of
github.com/zaydzuhri/softpick-attention at c97f4dc5f9fcec2e8afc2932db2cba6d7d7e5465; its
ε = 1e-8 is added to the denominator after the scaling by e^-max(x).
"""

from __future__ import annotations

import warnings

import mpmath as mp
import numpy as np
import pytest

import softpick as snippet  # noqa: E402  (snippets/ is on the path: pytest.ini)

RNG = np.random.default_rng(2504)
mp.mp.dps = 80


def exact(row) -> list:
    """The outputs as mpf numbers (a row of zeros: 0, the ε convention); +inf rows are not handled."""
    v = [mp.expm1(mp.mpf(float(t))) if np.isfinite(t) else mp.mpf(-1) for t in row]
    d = mp.fsum(abs(t) for t in v)
    return [mp.mpf(0) if d == 0 else max(t, 0) / d for t in v]


def exact_jacobian(row) -> list:
    """(δ_ij·[x_i > 0] − y_i·sign(x_j))·e^x_j / D; on the diagonal 1 − y_i is Σ_{k≠i} |e^x_k − 1| / D."""
    v = [mp.expm1(mp.mpf(float(t))) for t in row]  # e^x − 1 without rounding 1 + 1e-300 to 1
    e = [mp.exp(mp.mpf(float(t))) for t in row]  # not v + 1, which loses e^-183 next to 1
    d = mp.fsum(abs(t) for t in v)
    y = [max(t, 0) / d for t in v]
    sign = [mp.sign(mp.mpf(float(t))) for t in row]
    n = len(row)

    def entry(i, j):
        if i == j and row[i] > 0:
            return e[i] * mp.fsum(abs(v[k]) for k in range(n) if k != i) / d**2
        if i == j and row[i] == 0:  # θ(0) = ½, SymPy's Heaviside (y_i = 0, sign(0) = 0)
            return e[i] / d / 2
        return -y[i] * sign[j] * e[j] / d

    return [[entry(i, j) for j in range(n)] for i in range(n)]


def ulps(got, want) -> float:
    """|got − want| in units of the last place of want (subnormal spacing at the bottom)."""
    got, want = float(got), mp.mpf(want)
    spacing = max(np.spacing(abs(float(want))), np.finfo(float).smallest_subnormal)
    return float(abs(mp.mpf(got) - want) / spacing)


ROWS = [
    [1.0, 0.5, -1.0], [2.0, -0.5, 0.0, 0.5, -2.0], [3.0, 3.0, 3.0], [1e-9, 0.0], [1e-300, -1e-300],
    [5e-324, 0.0], [40.0, -1.0], [709.0, 709.5, -3.0], [1000.0, -1000.0, 999.0], [1e308, -1e308, 0.0],
    [-1e308, 1e308, 1e307], [0.3, -np.inf, 0.2], [700.0, 1e-5, -1e-5], [1e-5, 2e-5, -3e-5],
    *[list(RNG.normal(scale=s, size=n)) for s in (0.01, 1.0, 5.0, 300.0) for n in (2, 5, 17)],
]


@pytest.mark.parametrize("row", ROWS, ids=lambda r: str(r)[:40])
def test_the_snippet_is_within_a_few_ulp_of_mpmath_per_entry(row):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        got = snippet.softpick(np.array(row))
    for g, w in zip(got, exact(row)):
        assert ulps(g, w) <= 4, (row, g, w)


@pytest.mark.parametrize("row", [r for r in ROWS if max(abs(v) for v in r) < 700], ids=lambda r: str(r)[:40])
def test_the_jacobian_is_within_a_few_ulp_of_mpmath(row):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        got = snippet.softpick_jacobian(np.array(row))
    want = exact_jacobian(row)
    scale = max(abs(float(v)) for r in want for v in r if np.isfinite(float(v)))
    for i in range(len(row)):
        for j in range(len(row)):  # entries within 8 ULP, or far below the largest entry
            if np.isinf(float(want[i][j])):  # beyond the float range: inf
                assert got[i, j] == float(want[i][j])
                continue
            assert ulps(got[i, j], want[i][j]) <= 8 or abs(got[i, j] - float(want[i][j])) <= 1e-15 * scale


def test_rows_need_not_sum_to_one():
    y = snippet.softpick(np.array([[2.0, 1.0, 0.5], [2.0, -1.0, 0.5], [-2.0, -1.0, -0.5], [0.0, 0.0, 0.0]]))
    sums = y.sum(axis=-1)
    assert abs(sums[0] - 1) < 1e-15  # no negative entry: the row sums to 1
    assert sums[1] < 1 and sums[2] == 0 and sums[3] == 0  # a negative entry: below 1; none positive: 0


def test_batched_along_axis_float32_scalars_and_limits():
    x = RNG.normal(scale=3, size=(4, 6, 5))
    for axis in (0, 1, -1):
        moved = np.moveaxis(snippet.softpick(np.moveaxis(x, axis, -1)), -1, axis)
        np.testing.assert_array_equal(snippet.softpick(x, axis=axis), moved)
        jac = snippet.softpick_jacobian(x, axis=axis)
        np.testing.assert_array_equal(jac, snippet.softpick_jacobian(np.moveaxis(x, axis, -1)))
    assert snippet.softpick(np.float32([1, 2, -3])).dtype == np.float32
    assert snippet.softpick_jacobian(np.float32([1, 2, -3])).dtype == np.float32
    np.testing.assert_allclose(snippet.softpick(np.float32([1, 2, -3])), snippet.softpick([1.0, 2.0, -3.0]),
                               rtol=2e-7)
    assert snippet.softpick(3.0) == 1.0 and snippet.softpick(-3.0) == 0.0
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        np.testing.assert_array_equal(snippet.softpick([np.inf, 1.0, np.inf]), [0.5, 0.0, 0.5])
        assert np.isnan(snippet.softpick([[np.nan, 1.0], [1.0, 2.0]])[0]).all()
        assert not np.isnan(snippet.softpick([[np.nan, 1.0], [1.0, 2.0]])[1]).any()
        assert np.isnan(snippet.softpick_jacobian([[np.nan, 1.0], [1.0, 2.0]])[0]).all()
        assert not np.isnan(snippet.softpick_jacobian([[np.nan, 1.0], [1.0, 2.0]])[1]).any()
        for big in (1000.0, 1e308):
            for row in ([big, -big], [-big, big, 0.0], [big, big], [-big, -big]):
                assert np.isfinite(snippet.softpick(row)).all()
                assert np.isfinite(snippet.softpick_jacobian(row)).all()


# --------------------------------------------------------------------------
# The paper's code, re-typed (naive_softpick_attn.py, pinned above)
# --------------------------------------------------------------------------


def paper_softpick(x, dim=-1, eps=1e-8):
    torch = pytest.importorskip("torch")
    x_m = torch.max(x, dim=dim, keepdim=True).values
    x_m_e_m = torch.exp(-x_m)
    x_e_1 = torch.exp(x - x_m) - x_m_e_m
    r_x_e_1 = torch.nn.functional.relu(x_e_1)
    a_x_e_1 = torch.where(x.isfinite(), torch.abs(x_e_1), 0)
    return r_x_e_1 / (torch.sum(a_x_e_1, dim=dim, keepdim=True) + eps)


def test_the_paper_code_without_eps_is_the_snippet():
    torch = pytest.importorskip("torch")
    x = RNG.normal(scale=3, size=(8, 9))
    got = paper_softpick(torch.from_numpy(x), eps=0.0).numpy()
    np.testing.assert_allclose(got, snippet.softpick(x), rtol=1e-13, atol=1e-300)
    # with its ε = 1e-8, the same to about 1e-8 relative for inputs of order 1
    got = paper_softpick(torch.from_numpy(x)).numpy()
    np.testing.assert_allclose(got, snippet.softpick(x), rtol=1e-7)


def test_what_the_page_says_about_eps_and_minus_inf():
    torch = pytest.importorskip("torch")
    t = torch.tensor
    # ε is added after scaling by e^-max(x): for tiny inputs it dominates the denominator
    assert paper_softpick(t([1e-9, 0.0], dtype=torch.float64))[0].item() == pytest.approx(1 / 11, rel=1e-6)
    assert snippet.softpick([1e-9, 0.0])[0] == 1.0
    # a row of zeros: ε gives 0 where the formula is 0/0
    assert paper_softpick(t([0.0, 0.0], dtype=torch.float64)).tolist() == [0.0, 0.0]
    # −inf (a masked key) is left out of the paper's denominator; its limit adds 1 (the snippet)
    assert paper_softpick(t([1.0, -np.inf], dtype=torch.float64), eps=0.0)[0].item() == 1.0
    assert snippet.softpick([1.0, -np.inf])[0] == pytest.approx(np.expm1(1) / (np.expm1(1) + 1), rel=1e-15)
    assert snippet.softpick([1.0])[0] == 1.0  # dropping the −inf entry gives the paper's value


def test_the_jacobian_is_pytorch_autograd_of_the_paper_code_but_at_a_zero_input():
    torch = pytest.importorskip("torch")
    for row in ([1.0, -1.0, 0.5], [2.0, -0.5, 0.0, 0.5, -2.0], [0.0, 1.0], [-1.0, -2.0]):
        x = torch.tensor(row, dtype=torch.float64)
        auto = torch.autograd.functional.jacobian(lambda v: paper_softpick(v, eps=0.0), x).numpy()
        got = snippet.softpick_jacobian(row)
        zero = np.flatnonzero(np.array(row) == 0)
        # at x_i = 0 PyTorch takes relu'(0) = 0; the snippet takes θ(0) = ½ (the declaration's
        # SymPy Heaviside): half the right derivative e^0 / D on that diagonal entry
        d = np.sum(np.abs(np.expm1(row)))
        np.testing.assert_allclose(got[zero, zero], 0.5 / d, rtol=1e-15)
        got[zero, zero] = 0.0
        np.testing.assert_allclose(got, auto, rtol=1e-12, atol=1e-15)


def test_no_framework_ships_softpick():
    torch = pytest.importorskip("torch")
    for module in (torch, torch.nn, torch.nn.functional):
        assert [n for n in dir(module) if "softpick" in n.lower()] == []
    jax = pytest.importorskip("jax")
    assert [n for n in dir(jax.nn) if "softpick" in n.lower()] == []
