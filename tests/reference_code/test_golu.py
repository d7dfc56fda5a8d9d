"""What the GoLU page says about the frameworks, measured: none of PyTorch, JAX, Keras,
TensorFlow or transformers' ACT2FN ships GoLU, and the textbook formula written in PyTorch
gets a NaN gradient once e^(−x) overflows. Each part is skipped without its library."""

from __future__ import annotations

import importlib
import os

import numpy as np
import pytest

import golu as snippet

NAMES = ("golu", "gompertz")


def _public(module) -> list[str]:
    return [n for n in dir(module) if any(word in n.lower() for word in NAMES)]


@pytest.mark.parametrize("path", ["torch.nn", "torch.nn.functional", "jax.nn", "tensorflow.nn",
                                  "keras.activations", "keras.ops", "keras.layers"])
def test_no_framework_ships_golu(path):
    if path.startswith("keras"):
        os.environ.setdefault("KERAS_BACKEND", "jax")
    pytest.importorskip(path.split(".")[0])
    assert _public(importlib.import_module(path)) == []


def test_transformers_has_no_golu():
    activations = pytest.importorskip("transformers.activations")
    assert not [k for k in activations.ACT2CLS if any(word in k for word in NAMES)]


def test_the_textbook_formula_in_pytorch_has_a_nan_gradient_in_the_left_tail():
    torch = pytest.importorskip("torch")
    x = torch.tensor([-100.0, -1.0], requires_grad=True)  # float32: e^100 overflows
    y = x * torch.exp(-torch.exp(-x))
    y.sum().backward()
    assert float(y[0].detach()) == 0.0 and np.isnan(float(x.grad[0]))  # 0 · inf in the backward
    assert float(x.grad[1]) == pytest.approx(float(snippet.golu_derivative(-1.0)), rel=1e-6)
    assert float(snippet.golu_derivative(np.float32(-100.0))) == 0.0


# The authors' CUDA kernel (github.com/automl/GoLU, golu/cuda/golu_cuda_kernel.cu at
# bbac68c169b108c9d1040e80291c4d5d7f307243), re-typed in NumPy float64:
#   forward:  x * alpha * exp(-beta * exp(-gamma * x))
#   backward: dy * alpha * exp(-beta * inner) * (1 + beta * gamma * x * inner), inner = exp(-gamma * x),
#             a NaN gradient replaced by 0. GoLU() sets alpha = beta = gamma = 1.
def _kernel_forward(x, alpha=1.0, beta=1.0, gamma=1.0):
    return x * alpha * np.exp(-beta * np.exp(-gamma * x))


def _kernel_backward(x, alpha=1.0, beta=1.0, gamma=1.0):
    inner = np.exp(-gamma * x)
    grad = alpha * np.exp(-beta * inner) * (1 + beta * gamma * x * inner)
    return np.where(np.isnan(grad), 0.0, grad)


def test_the_reference_kernel_at_its_defaults_is_the_snippet():
    x = np.linspace(-6.0, 30.0, 36001)
    np.testing.assert_allclose(snippet.golu(x), _kernel_forward(x), rtol=1e-13, atol=1e-300)
    far = np.abs(x - snippet.X0) > 1e-3  # the kernel's 1 + x·e^(−x) cancels at X0
    np.testing.assert_allclose(snippet.golu_derivative(x[far]), _kernel_backward(x[far]), rtol=1e-12, atol=1e-300)
    with np.errstate(over="ignore", invalid="ignore"):
        tail = np.array([-800.0, -1e308, -np.inf])
        assert np.all(_kernel_forward(tail[:2]) == 0) and np.all(_kernel_backward(tail) == 0)
    assert np.all(snippet.golu(tail) == 0) and np.all(snippet.golu_derivative(tail) == 0)


def test_within_one_ulp_of_mpmath_in_the_left_tail_and_at_the_minimum():
    """The page's claim: long double keeps both functions within one float64 ULP, where the
    naive formula loses up to 145 ULP (x = −6.5)."""
    mpmath = pytest.importorskip("mpmath")
    xs = np.concatenate([np.linspace(-7.0, 3.0, 401), snippet.X0 + np.linspace(-1e-3, 1e-3, 41)])
    with mpmath.workdps(40):
        exact = [(float(x * mpmath.exp(-mpmath.exp(-x))),
                  float(mpmath.exp(-mpmath.exp(-x)) * (1 + x * mpmath.exp(-x))))
                 for x in map(mpmath.mpf, xs)]
    f, df = np.array(exact).T
    for got, want in ((snippet.golu(xs), f), (snippet.golu_derivative(xs), df)):
        normal = np.abs(want) > np.finfo(np.float64).tiny
        assert np.all(np.abs(got - want)[normal] <= np.spacing(np.abs(want))[normal])
