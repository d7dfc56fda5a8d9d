"""What the TanhExp page says about the frameworks, measured: none of PyTorch, JAX, Keras or
TensorFlow ships TanhExp. Each module is skipped without its library."""

from __future__ import annotations

import importlib
import os

import pytest

NAMES = ("tanhexp", "tanh_exp")


@pytest.mark.parametrize("path", ["torch.nn", "torch.nn.functional", "jax.nn", "tensorflow.nn",
                                  "tensorflow.math", "keras.activations", "keras.ops", "keras.layers"])
def test_no_framework_ships_it(path):
    if path.startswith("keras"):
        os.environ.setdefault("KERAS_BACKEND", "jax")
    pytest.importorskip(path.split(".")[0])
    module = importlib.import_module(path)
    assert [n for n in dir(module) if any(word in n.lower() for word in NAMES)] == []
