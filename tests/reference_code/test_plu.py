"""What the PLU page says about the frameworks, measured: none of PyTorch, JAX, Keras,
TensorFlow or transformers' ACT2FN ships PLU (softplus, sparse_plus and squareplus aside),
and PyTorch's max/min formula has the gradient 0.55 at the kinks ±c. Each part is
skipped without its library."""

from __future__ import annotations

import importlib
import os

import pytest

import plu as snippet

OTHERS = ("softplus", "sparse_plus", "squareplus")


def _public(module) -> list[str]:
    return [n for n in dir(module) if "plu" in n.lower() and n.lower() not in OTHERS]


@pytest.mark.parametrize("path", ["torch.nn", "torch.nn.functional", "jax.nn", "tensorflow.nn",
                                  "keras.activations", "keras.ops", "keras.layers"])
def test_no_framework_ships_plu(path):
    if path.startswith("keras"):
        os.environ.setdefault("KERAS_BACKEND", "jax")
    pytest.importorskip(path.split(".")[0])
    assert _public(importlib.import_module(path)) == []


def test_transformers_has_no_plu():
    activations = pytest.importorskip("transformers.activations")
    assert not [k for k in activations.ACT2CLS if "plu" in k and not k.endswith(OTHERS)]


def test_pytorch_max_min_formula_splits_the_gradient_at_the_kinks():
    torch = pytest.importorskip("torch")
    alpha, c = 0.1, 1.0
    x = torch.tensor([-1.0, 1.0, -3.0, 0.5, 3.0], dtype=torch.float64, requires_grad=True)
    y = torch.max(alpha * (x + c) - c, torch.min(alpha * (x - c) + c, x))
    y.sum().backward()
    assert x.grad.tolist() == pytest.approx([0.55, 0.55, 0.1, 1.0, 0.1])
    assert y.tolist() == pytest.approx(snippet.plu(x.detach().numpy()).tolist())
    assert snippet.plu_derivative([-1.0, 1.0]).tolist() == [1.0, 1.0]
