"""What the ELiSH page says, measured: no framework ships ELiSH or HardELiSH, the formulas
(Papers with Code's transcription of Basirat and Roth, re-typed below) are the snippet's, and
the PyTorch lines of the page need their clamp. Each part is skipped without its library."""

from __future__ import annotations

import importlib
import os

import numpy as np
import pytest

import elish as snippet


@pytest.mark.parametrize("path", ["torch.nn", "torch.nn.functional", "jax.nn", "tensorflow.nn",
                                  "tensorflow.math", "keras.activations", "keras.ops", "keras.layers"])
def test_no_framework_ships_it(path):
    if path.startswith("keras"):
        os.environ.setdefault("KERAS_BACKEND", "jax")
    pytest.importorskip(path.split(".")[0])
    assert [n for n in dir(importlib.import_module(path)) if "elish" in n.lower()] == []


# Papers with Code, "Exponential Linear Squashing Activation" and "HardELiSH":
#   ELiSH:     x/(1 + e^(-x)) if x >= 0, (e^x - 1)/(1 + e^(-x)) if x < 0
#   HardELiSH: x·max(0, min(1, (x + 1)/2)) if x >= 0, (e^x - 1)·max(0, min(1, (x + 1)/2)) if x < 0
def test_the_published_formulas_are_the_snippet():
    x = np.linspace(-20.0, 20.0, 4001)
    soft = np.where(x >= 0, x, np.exp(x) - 1) / (1 + np.exp(-x))
    h = np.maximum(0, np.minimum(1, (x + 1) / 2))
    hard = np.where(x >= 0, x, np.exp(x) - 1) * h
    np.testing.assert_allclose(snippet.elish(x), soft, rtol=1e-9, atol=1e-15)
    np.testing.assert_allclose(snippet.elish(x, form="hard"), hard, rtol=1e-9, atol=1e-15)


def test_minimum_is_2_sqrt_2_minus_3_at_minus_asinh_1():
    assert snippet.X0 == -np.arcsinh(1.0)
    assert float(snippet.elish(snippet.X0)) == pytest.approx(2 * 2**0.5 - 3, rel=1e-15)


def test_the_pytorch_lines_need_their_clamp():
    torch = pytest.importorskip("torch")
    for clamp in (False, True):
        x = torch.tensor([-1.0, 100.0], requires_grad=True)  # float32: e^100 overflows
        n = torch.clamp(x, max=0) if clamp else x
        y = torch.where(x >= 0, torch.nn.functional.silu(x), torch.exp(n) * torch.tanh(n / 2))
        h = torch.clamp((x + 1) / 2, 0, 1)
        z = torch.where(x >= 0, x * h, torch.expm1(n) * h)
        (gy,) = torch.autograd.grad(y.sum(), x, retain_graph=True)
        (gz,) = torch.autograd.grad(z.sum(), x)
        assert np.isnan(float(gy[1])) != clamp and np.isnan(float(gz[1])) != clamp
        assert float(gy[0]) == pytest.approx(float(snippet.elish_derivative(-1.0)), rel=1e-6)
