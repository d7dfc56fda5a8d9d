"""What the SQNL page says about the frameworks, measured: none of PyTorch, JAX, Keras,
TensorFlow or transformers' ACT2FN ships SQNL. Each part is skipped without its
library."""

from __future__ import annotations

import importlib
import os

import pytest

NAMES = ("sqnl",)


def _public(module) -> list[str]:
    return [n for n in dir(module) if any(word in n.lower() for word in NAMES)]


@pytest.mark.parametrize("path", ["torch.nn", "torch.nn.functional", "jax.nn", "tensorflow.nn",
                                  "keras.activations", "keras.ops", "keras.layers"])
def test_no_framework_ships_sqnl(path):
    if path.startswith("keras"):
        os.environ.setdefault("KERAS_BACKEND", "jax")
    pytest.importorskip(path.split(".")[0])
    assert _public(importlib.import_module(path)) == []


def test_transformers_has_no_sqnl():
    activations = pytest.importorskip("transformers.activations")
    assert not [k for k in activations.ACT2CLS if any(word in k for word in NAMES)]


def test_within_three_quarters_of_an_ulp():
    """The page's claim for c − (c/2)·|c/2|, on a dense grid of [−2.5, 2.5] and next to ±2."""
    mpmath = pytest.importorskip("mpmath")
    import numpy as np

    import sqnl as snippet

    x = np.concatenate([np.linspace(-2.5, 2.5, 20001), 2 - np.arange(1, 200) * 2.0 ** -50,
                        np.nextafter(2.0, 0) - np.arange(200) * 1e-13])
    x = np.concatenate([x, -x])
    got = snippet.sqnl(x)
    worst = 0.0
    for xi, yi in zip(x.tolist(), got.tolist()):
        c = mpmath.mpf(min(max(xi, -2.0), 2.0))
        exact = c - c * abs(c) / 4
        if exact != 0:
            worst = max(worst, float(abs(mpmath.mpf(yi) - exact) / np.spacing(abs(float(exact)))))
    assert worst <= 0.75, worst
