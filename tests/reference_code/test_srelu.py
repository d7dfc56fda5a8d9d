"""What the SReLU page says about the frameworks, measured: none of PyTorch, JAX, Keras,
TensorFlow or transformers' ACT2FN ships SReLU. Each part is skipped without its
library."""

from __future__ import annotations

import importlib
import os

import pytest

NAMES = ("srelu",)


def _public(module) -> list[str]:
    return [n for n in dir(module) if any(word in n.lower() for word in NAMES)]


@pytest.mark.parametrize("path", ["torch.nn", "torch.nn.functional", "jax.nn", "tensorflow.nn",
                                  "keras.activations", "keras.ops", "keras.layers"])
def test_no_framework_ships_srelu(path):
    if path.startswith("keras"):
        os.environ.setdefault("KERAS_BACKEND", "jax")
    pytest.importorskip(path.split(".")[0])
    assert _public(importlib.import_module(path)) == []


def test_transformers_has_no_srelu():
    activations = pytest.importorskip("transformers.activations")
    assert not [k for k in activations.ACT2CLS if any(word in k for word in NAMES)]
