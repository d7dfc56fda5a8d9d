"""SoLU: what its page and its framework notes say about third-party code, checked by running it.

The plain test run skips what is not installed (pytest.importorskip).
"""

from __future__ import annotations

import inspect
import re
import os
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[2]


def names(module, part: str) -> list[str]:
    """Names of module that are `part` as a word (solu, SoLU, solu_ln; not absolute)."""
    return [n for n in dir(module) if re.search(rf"(^|_){part}($|_)", n.lower())]


def note(framework: str) -> str:
    import activations

    return next(f.note for f in activations.by_slug()["solu"].frameworks if f.name == framework)


def test_pytorch_has_no_solu_and_its_layer_norm_eps_is_1e_5():
    torch = pytest.importorskip("torch")
    for module in (torch, torch.nn, torch.nn.functional):
        assert names(module, "solu") == [], module
    assert "nothing in `torch`, `torch.nn` or `torch.nn.functional`" in note("PyTorch")
    assert inspect.signature(torch.nn.LayerNorm).parameters["eps"].default == 1e-5
    assert "PyTorch's default\n$\\epsilon = 10^{-5}$" in (ROOT / "docs/activations/solu.md").read_text()
    # The tab's composition is the snippet, batched along the last axis.
    import reference

    solu = reference.load_snippet("solu").solu
    x = np.random.default_rng(0).normal(scale=3, size=(4, 7))
    got = (torch.from_numpy(x) * torch.nn.functional.softmax(torch.from_numpy(x), dim=-1)).numpy()
    np.testing.assert_allclose(got, solu(x), rtol=1e-13, atol=1e-300)


def test_keras_has_no_solu():
    os.environ.setdefault("KERAS_BACKEND", "jax")
    keras = pytest.importorskip("keras")
    for module in (keras.activations, keras.ops, keras.layers):
        assert names(module, "solu") == [], module
    assert "no `keras.activations.solu`, `keras.ops.solu` or layer" in note("Keras")


def test_jax_has_no_solu():
    jax = pytest.importorskip("jax")
    assert names(jax.nn, "solu") == []
    assert "no `jax.nn.solu`" in note("JAX")


def test_tensorflow_has_no_solu():
    tf = pytest.importorskip("tensorflow")
    assert names(tf.nn, "solu") == [] and names(tf.math, "solu") == []
    assert "no `tf.nn.solu` or `tf.math.solu`" in note("TensorFlow")


def test_transformers_has_no_solu_string():
    activations = pytest.importorskip("transformers.activations")
    assert [k for k in activations.ACT2CLS if re.search(r"(^|_)solu($|_)", k)] == []
