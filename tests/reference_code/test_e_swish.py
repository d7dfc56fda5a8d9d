"""What the E-swish page says, measured: no framework ships it, TensorFlow's tf.nn.silu(x, beta)
is Swish's x·σ(βx), not β·x·σ(x), and the paper's derivative (Alcaide 2018, eq. 2) is the
snippet's. Each part is skipped without its library."""

from __future__ import annotations

import importlib
import os

import numpy as np
import pytest

import e_swish as snippet


@pytest.mark.parametrize("path", ["torch.nn", "torch.nn.functional", "jax.nn", "tensorflow.nn",
                                  "tensorflow.math", "keras.activations", "keras.ops", "keras.layers"])
def test_no_framework_ships_it(path):
    if path.startswith("keras"):
        os.environ.setdefault("KERAS_BACKEND", "jax")
    pytest.importorskip(path.split(".")[0])
    names = [n for n in dir(importlib.import_module(path)) if "eswish" in n.lower() or "e_swish" in n.lower()]
    assert names == []


def test_tensorflow_beta_is_swish_not_e_swish():
    tf = pytest.importorskip("tensorflow")
    x = np.array([-2.0, -0.5, 1.0, 3.0])
    got = tf.nn.silu(tf.constant(x), beta=1.5).numpy()
    np.testing.assert_allclose(got, x / (1 + np.exp(-1.5 * x)), rtol=1e-12)
    assert not np.allclose(got, snippet.e_swish(x, beta=1.5))
    np.testing.assert_allclose(1.5 * tf.nn.silu(tf.constant(x)).numpy(), snippet.e_swish(x), rtol=1e-12)


def test_the_papers_derivative():
    """f'(x) = f(x) + σ(x)·(β − f(x)), Alcaide's equation 2."""
    x = np.linspace(-10.0, 10.0, 201)
    for beta in (1.0, 1.25, 1.5, 2.0):
        f, s = snippet.e_swish(x, beta=beta), 1 / (1 + np.exp(-x))
        np.testing.assert_allclose(snippet.e_swish_derivative(x, beta=beta), f + s * (beta - f),
                                   rtol=1e-12, atol=1e-15)
