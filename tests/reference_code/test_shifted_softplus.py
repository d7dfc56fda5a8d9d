"""What the shifted softplus page says about the frameworks, measured: none of PyTorch, JAX,
Keras or TensorFlow ships it, and PyTorch Geometric's SchNet module (re-typed below)
subtracts log 2 rounded to float32. Each part is skipped without its library."""

from __future__ import annotations

import importlib
import os

import numpy as np
import pytest

import shifted_softplus as snippet

NAMES = ("shifted", "ssp")


@pytest.mark.parametrize("path", ["torch.nn", "torch.nn.functional", "jax.nn", "tensorflow.nn",
                                  "tensorflow.math", "keras.activations", "keras.ops", "keras.layers"])
def test_no_framework_ships_it(path):
    if path.startswith("keras"):
        os.environ.setdefault("KERAS_BACKEND", "jax")
    pytest.importorskip(path.split(".")[0])
    module = importlib.import_module(path)
    assert [n for n in dir(module) if any(word in n.lower() for word in NAMES)] == []


# torch_geometric/nn/models/schnet.py (pyg-team/pytorch_geometric at
# 03190610cb3019a4f693117646c29cd20aa3bc93), class ShiftedSoftplus:
#   self.shift = torch.log(torch.tensor(2.0)).item()
#   forward: F.softplus(x) - self.shift
def test_pyg_shift_is_log_2_rounded_to_float32():
    torch = pytest.importorskip("torch")
    shift = torch.log(torch.tensor(2.0)).item()
    assert shift == float(np.float32(np.log(2.0))) == 0.6931471824645996
    x = torch.tensor([-3.0, 0.0, 0.5, 4.0], dtype=torch.float64)
    pyg = (torch.nn.functional.softplus(x) - shift).numpy()
    np.testing.assert_allclose(pyg, snippet.shifted_softplus(x.numpy()) + (np.log(2.0) - shift), rtol=1e-15)
    assert float(pyg[1]) == pytest.approx(-1.904654323148236e-09, rel=1e-12)


def test_schnet_form_and_zero_at_zero():
    x = np.linspace(-30.0, 30.0, 601)
    np.testing.assert_allclose(snippet.shifted_softplus(x), np.log(0.5 * np.exp(x) + 0.5), rtol=1e-12,
                               atol=1e-15)
    assert float(snippet.shifted_softplus(0.0)) == 0.0
