"""What the rational page says about PAU's and KAT's code, re-typed in NumPy and measured:
the forward formulas of PAU (ml-research/pau, pau/cuda/python_imp/Pade.py at 286ccc5) and KAT
(Adamdad/rational_kat_cu, kat_rational/rational_triton.py at 181bae8) are the snippet's
function; their backward passes at the kink x = 0 return a1 (PAU, torch.sign(0) = 0) and
a1 − a0·|b1| (KAT, sign(x) := +1 at 0, the snippet's value); KAT's PyTorch reference
(kat_1dgroup_torch.py) and its fit (fit.py) use other denominators, which is why KAT's "gelu"
initialisation is far from GELU under the kernels' formula. No framework ships it."""

from __future__ import annotations

import importlib
import os

import numpy as np
import pytest

import rational as snippet

# kat_rational/init.json at 181bae8, copied digit for digit
SWISH = ([3.054879741161051e-07, 0.5000007853744493, 0.24999783422824703, 0.05326628273219478,
          0.005803034571292244, 0.0002751961022402342],
         [-4.111554955950634e-06, 0.10652899335007572, -1.2690007399796238e-06, 0.0005502331264140556])
GELU = ([-0.00153969, 0.51692871, 0.44075827, 0.0972553, -0.00884418, -0.00378675],
        [-0.14171056, -0.06481231, -0.0444695, 0.01283776])
NAMES = ("rational", "pade", "padé")


def _kw(a, b):
    return dict(zip(("a0", "a1", "a2", "a3", "a4", "a5", "b1", "b2", "b3", "b4"), [*a, *b]))


def _pau_forward(z, n, d):
    """PADEACTIVATION_F_python.forward: powers by repeated products, |b_k|·|z^k|."""
    d = np.abs(d)
    numerator = z * n[1] + n[0]
    xps = [z]
    for c_n in n[2:]:
        xps.append(xps[-1] * z)
        numerator = numerator + c_n * xps[-1]
    denominator = np.abs(z) * d[0] + 1
    for idx, c_d in enumerate(d[1:]):
        denominator = denominator + c_d * np.abs(xps[idx + 1])
    return numerator / denominator


def _pau_dfdx(x, n, d):
    """PADEACTIVATION_F_python.backward's dfdx, with torch.sign (0 at 0)."""
    ad = np.abs(d)
    xps = [x, x * x, x ** 3, x ** 4, x ** 5]
    P = n[0] + sum(n[k] * xps[k - 1] for k in range(1, 6))
    Q = 1 + sum(ad[k] * np.abs(xps[k]) for k in range(4))
    dfdx1 = (2.0 * n[2] * x + n[1] + sum((i + 3) * n[i + 3] * xp for i, xp in enumerate(xps[1:4]))) / Q
    dfdx2 = 2.0 * ad[1] * np.abs(x) + ad[0] + sum((i + 3) * ad[i + 2] * np.abs(xp) for i, xp in enumerate(xps[1:3]))
    return dfdx1 + dfdx2 * np.sign(x) * (-P / (Q * Q))


def _kat_forward(x, a, b):
    """rational_fwd_kernel: Horner in x for P, in |x| for Q with |b_k| (fma as a·b + c)."""
    b = np.abs(b)
    ax = np.abs(x)
    P = a[5]
    for c in a[4::-1]:
        P = P * x + c
    Q = b[3]
    for c in (b[2], b[1], b[0], 1.0):
        Q = Q * ax + c
    return P / Q


def _kat_dx(x, a, b):
    """rational_bwd_kernel's d_x: R/Q + S·(−P/Q²), S = sign_x·Q'(|x|), sign_x = −1 if x < 0 else 1."""
    b = np.abs(b)
    ax = np.abs(x)
    P = a[0] + a[1] * x + a[2] * x ** 2 + a[3] * x ** 3 + a[4] * x ** 4 + a[5] * x ** 5
    Q = 1.0 + b[0] * ax + b[1] * ax ** 2 + b[2] * ax ** 3 + b[3] * ax ** 4
    R = a[1] + 2.0 * a[2] * x + 3.0 * a[3] * x ** 2 + 4.0 * a[4] * x ** 3 + 5.0 * a[5] * x ** 4
    S = np.where(x < 0, -1.0, 1.0) * (b[0] + 2.0 * b[1] * ax + 3.0 * b[2] * ax ** 2 + 4.0 * b[3] * ax ** 3)
    return R / Q + S * (-P / (Q * Q))


def _kat_torch(x, a, b):
    """Rational_CUDA_A_1DGroup (kat_1dgroup_torch.py): 1 + Σ|b_k|·x^k, x not in absolute value."""
    return np.polyval(a[::-1], x) / (1 + np.polyval([*np.abs(b)[::-1], 0], x))


def _kat_fit(x, a, b):
    """complex_function in fit.py: 1 + |Σ b_k·x^k|."""
    return np.polyval(a[::-1], x) / (1 + np.abs(np.polyval([*b[::-1], 0], x)))


X = np.linspace(-8, 8, 1601)


def test_defaults_are_kats_swish_initialisation():
    defaults = snippet.rational.__defaults__
    assert list(defaults) == SWISH[0] + SWISH[1]


@pytest.mark.parametrize("coefficients", [SWISH, GELU])
def test_pau_and_kat_forwards_are_the_snippet(coefficients):
    a, b = map(np.array, coefficients)
    want = snippet.rational(X, **_kw(a, b))
    np.testing.assert_allclose(_pau_forward(X, a, b), want, rtol=1e-13, atol=1e-15)
    np.testing.assert_allclose(_kat_forward(X, a, b), want, rtol=1e-13, atol=1e-15)


@pytest.mark.parametrize("coefficients", [SWISH, GELU])
def test_backward_passes_are_the_derivative_away_from_0(coefficients):
    a, b = map(np.array, coefficients)
    x = X[X != 0]
    want = snippet.rational_derivative(x, **_kw(a, b))
    np.testing.assert_allclose(_pau_dfdx(x, a, b), want, rtol=1e-11, atol=1e-14)
    np.testing.assert_allclose(_kat_dx(x, a, b), want, rtol=1e-11, atol=1e-14)


@pytest.mark.parametrize("coefficients", [SWISH, GELU])
def test_at_the_kink_pau_returns_a1_and_kat_the_right_hand_derivative(coefficients):
    a, b = map(np.array, coefficients)
    kw = _kw(a, b)
    right, left = a[1] - a[0] * abs(b[0]), a[1] + a[0] * abs(b[0])
    assert _pau_dfdx(np.float64(0.0), a, b) == a[1] == pytest.approx((left + right) / 2, rel=1e-15)
    assert _kat_dx(np.float64(0.0), a, b) == pytest.approx(right, rel=1e-15)
    assert snippet.rational_derivative(0.0, **kw) == pytest.approx(right, rel=1e-15)
    assert snippet.rational_derivative(-1e-300, **kw) == pytest.approx(left, rel=1e-15)


def test_swish_initialisation_fits_silu_best_under_the_kernels_form():
    silu = X / (1 + np.exp(-X))
    inside = np.abs(X) <= 3
    a, b = map(np.array, SWISH)
    error = {form: np.max(np.abs(form(X, a, b) - silu)[inside]) for form in (_kat_forward, _kat_torch, _kat_fit)}
    assert error[_kat_forward] < 1.3e-6 and 7e-6 < error[_kat_torch] < 8e-6 and 1.3e-4 < error[_kat_fit] < 1.4e-4


def test_gelu_initialisation_fits_only_the_fit_scripts_form():
    from math import erf, sqrt
    gelu = X * 0.5 * (1 + np.vectorize(erf)(X / sqrt(2)))
    inside = np.abs(X) <= 3
    a, b = map(np.array, GELU)
    assert np.max(np.abs(_kat_fit(X, a, b) - gelu)[inside]) < 3e-3
    for form in (_kat_forward, _kat_torch):
        assert np.max(np.abs(form(X, a, b) - gelu)[inside]) > 1.46


@pytest.mark.parametrize("path", ["torch.nn", "torch.nn.functional", "jax.nn", "tensorflow.nn",
                                  "keras.activations", "keras.ops", "keras.layers"])
def test_no_framework_ships_it(path):
    if path.startswith("keras"):
        os.environ.setdefault("KERAS_BACKEND", "jax")
    pytest.importorskip(path.split(".")[0])
    module = importlib.import_module(path)
    assert [n for n in dir(module) if any(word in n.lower() for word in NAMES)] == []


def test_transformers_has_no_rational():
    activations = pytest.importorskip("transformers.activations")
    assert not [k for k in activations.ACT2CLS if any(word in k for word in NAMES)]


def test_the_pytorch_module_on_the_page_returns_a1_at_0():
    torch = pytest.importorskip("torch")

    class Rational(torch.nn.Module):  # the page's module, as written there
        def __init__(self, a, b):
            super().__init__()
            self.a = torch.nn.Parameter(torch.as_tensor(a))
            self.b = torch.nn.Parameter(torch.as_tensor(b))

        def forward(self, x):
            a, b, s = self.a, self.b.abs(), x.abs()
            p = a[0] + x * (a[1] + x * (a[2] + x * (a[3] + x * (a[4] + x * a[5]))))
            return p / (1 + s * (b[0] + s * (b[1] + s * (b[2] + s * b[3]))))

    m = Rational(torch.tensor(SWISH[0], dtype=torch.float64), torch.tensor(SWISH[1], dtype=torch.float64))
    x = torch.tensor([0.0, -3.0, 0.5, 4.0], dtype=torch.float64, requires_grad=True)
    y = m(x)
    y.sum().backward()
    xs = x.detach().numpy()
    np.testing.assert_allclose(y.detach().numpy(), snippet.rational(xs), rtol=1e-14)
    assert float(x.grad[0]) == SWISH[0][1]  # a1, the mean of the one-sided derivatives
    np.testing.assert_allclose(x.grad.numpy()[1:], snippet.rational_derivative(xs[1:]), rtol=1e-13)
