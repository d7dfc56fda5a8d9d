"""Soft-capping: the snippet's accuracy at several caps against mpmath, and what the page
says about Keras and transformers, checked by running them (skipped where not installed)."""

from __future__ import annotations

import os

import mpmath as mp
import numpy as np
import pytest

import reference
from test_dyt import sample, ulps


@pytest.mark.parametrize("cap", [0.1, 7.3, 30.0, 50.0])
def test_accuracy_against_mpmath(cap):
    soft_cap = reference.load_snippet("soft_cap")
    x = sample(seed=2)
    x = np.concatenate([x, np.clip(x, -1e306, 1e306) * cap])
    c = mp.mpf(cap)
    with mp.workprec(200):
        t = [mp.mpf(float(v)) for v in x]
        assert ulps(soft_cap.soft_cap(x, cap=cap), [c * mp.tanh(v / c) for v in t]) <= 2
        assert ulps(soft_cap.soft_cap_derivative(x, cap=cap), [mp.sech(v / c) ** 2 for v in t]) <= 6


def test_keras_caps_the_reverse_embedding_and_refuses_attention_caps_off_tpu():
    os.environ.setdefault("KERAS_BACKEND", "jax")
    keras = pytest.importorskip("keras")
    if keras.backend.backend() != "jax":
        pytest.skip("the page states Keras' behaviour on the JAX backend")
    layer = keras.layers.ReversibleEmbedding(2, 2, logit_soft_cap=30.0)
    layer.build((None,))
    layer.embeddings.assign(np.eye(2))
    logits = np.asarray(layer(np.array([[60.0, 0.0]]), reverse=True))
    np.testing.assert_allclose(logits, [[30 * np.tanh(2.0), 0.0]], rtol=1e-6)
    q = np.ones((1, 2, 1, 4), dtype="float32")
    with pytest.raises(ValueError, match="TPU"):
        keras.ops.dot_product_attention(q, q, q, attn_logits_soft_cap=50.0)


def test_transformers_gemma_caps():
    transformers = pytest.importorskip("transformers")
    from transformers.models.gemma2 import modeling_gemma2

    assert modeling_gemma2.Gemma2PreTrainedModel._supports_sdpa is False
    text = transformers.Gemma3TextConfig()
    assert text.attn_logit_softcapping is None and text.final_logit_softcapping is None
