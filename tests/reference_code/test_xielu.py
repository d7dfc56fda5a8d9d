"""What the xIELU page says about Hugging Face transformers' implementation, measured.

transformers' ``XIELUActivation`` (``ACT2FN["xielu"]``) stores alpha_p and alpha_n through
softplus, keeps them in bfloat16 by default and computes expm1(min(x, eps)) with
eps = -1e-6; Apertus builds it with the checkpoint's dtype. Skipped without torch and
transformers.
"""

from __future__ import annotations

import inspect
import logging
import math

import numpy as np
import pytest

torch = pytest.importorskip("torch")
activations = pytest.importorskip("transformers.activations")

import xielu as snippet  # noqa: E402  (snippets/ is on the path: pytest.ini)

logging.getLogger("transformers").setLevel(logging.ERROR)  # "CUDA-fused xIELU not available"

GRID = np.unique(np.concatenate([np.linspace(-20, 20, 40001), -np.logspace(-12, -4, 401),
                                 np.logspace(-12, -4, 401), [0.0]]))
# The snippet's keywords for ACT2FN["xielu"], as the declaration's HiddenAct gives them.
HIDDEN_ACT = {"alpha_p": 0.80078125, "alpha_n": 0.80078125, "eps": -1e-6}


def _act(dtype=None):
    return activations.ACT2FN["xielu"] if dtype is None else activations.XIELUActivation(dtype=dtype)


def _alphas(module):
    with torch.no_grad():
        alpha_p = torch.nn.functional.softplus(module.alpha_p)
        alpha_n = module.beta + torch.nn.functional.softplus(module.alpha_n)
    return float(alpha_p[0]), float(alpha_n[0])


def _run(module, x, dtype=torch.float64):
    with torch.no_grad():
        return module(torch.tensor(x, dtype=dtype)).double().numpy()


def test_act2fn_is_xielu_with_bfloat16_parameters():
    module = _act()
    assert type(module) is activations.XIELUActivation
    for t in (module.alpha_p, module.alpha_n, module.beta, module.eps):
        assert t.dtype == torch.bfloat16
    assert isinstance(module.alpha_p, torch.nn.Parameter) and isinstance(module.alpha_n, torch.nn.Parameter)
    assert not isinstance(module.beta, torch.nn.Parameter)  # beta is a buffer: not trained
    assert float(module.beta) == 0.5
    assert float(module.eps) == -9.98377799987793e-07  # -1e-6 rounded to bfloat16


def test_softplus_reparametrisation():
    """Stored: log(expm1(alpha_p)) and log(expm1(alpha_n - beta)); used: softplus(stored),
    beta + softplus(stored). In float64 the defaults come back as 0.8; in bfloat16 as 0.80078125."""
    exact = _act(torch.float64)
    assert math.isclose(float(exact.alpha_p.detach()[0]), math.log(math.expm1(0.8)), rel_tol=1e-14)
    assert math.isclose(float(exact.alpha_n.detach()[0]), math.log(math.expm1(0.8 - 0.5)), rel_tol=1e-14)
    assert all(math.isclose(a, 0.8, rel_tol=1e-14) for a in _alphas(exact))
    assert _alphas(_act()) == (0.80078125, 0.80078125)
    source = inspect.getsource(activations.XIELUActivation._xielu_python)
    assert "nn.functional.softplus(self.alpha_p)" in source
    assert "self.beta + nn.functional.softplus(self.alpha_n)" in source


def test_the_eps_clamp_and_the_jump_at_zero():
    source = inspect.getsource(activations.XIELUActivation._xielu_python)
    assert "torch.expm1(torch.min(x, self.eps))" in source
    assert inspect.signature(activations.XIELUActivation).parameters["eps"].default == -1e-6
    exact = _act(torch.float64)  # alpha_n = 0.8, eps = -1e-6 exactly
    at0 = _run(exact, [0.0, -5e-7, np.nextafter(0.0, -1)])
    assert math.isclose(at0[0], 0.8 * math.expm1(-1e-6), rel_tol=1e-15)  # -7.999996e-7, not 0
    assert math.isclose(at0[0], float(snippet.xielu(0.0, eps=-1e-6)), rel_tol=1e-15)
    assert _run(exact, [1e-300])[0] == pytest.approx(5e-301)  # right of 0: beta·x
    assert float(_run(_act(), [0.0])[0]) == pytest.approx(-7.994818235539563e-07, rel=1e-12)


def test_gradient_in_the_clamped_interval_is_beta_minus_alpha_n():
    exact = _act(torch.float64)
    x = torch.tensor([-9e-7, -5e-7, 0.0], dtype=torch.float64, requires_grad=True)
    exact(x).sum().backward()
    np.testing.assert_allclose(x.grad.numpy(), 0.5 - 0.8, rtol=1e-15)
    np.testing.assert_allclose(snippet.xielu_derivative(x.detach().numpy(), eps=-1e-6), 0.5 - 0.8, rtol=1e-15)
    # at x = eps itself torch.min splits the gradient: 0.5·alpha_n·e^eps + beta − alpha_n
    y = torch.tensor([-1e-6], dtype=torch.float64, requires_grad=True)
    exact(y).sum().backward()
    assert float(y.grad[0]) == pytest.approx(0.5 * 0.8 * math.exp(-1e-6) - 0.3, rel=1e-12)


def test_act2fn_against_the_snippet():
    """With the HiddenAct keywords the only difference is the bfloat16 eps (≤ 1.3e-9); without
    eps it is the clamp itself, 8.0e-7 at 0; the defaults 0.8 are 0.31 away at x = 20."""
    got = _run(_act(), GRID)
    assert np.max(np.abs(got - snippet.xielu(GRID, **HIDDEN_ACT))) < 1.31e-9
    no_eps = {k: v for k, v in HIDDEN_ACT.items() if k != "eps"}
    diff = np.abs(got - snippet.xielu(GRID, **no_eps))
    assert GRID[np.argmax(diff)] == 0.0 and np.max(diff) == pytest.approx(7.994818235539563e-07, rel=1e-12)
    assert np.max(np.abs(got - snippet.xielu(GRID))) == pytest.approx(0.3125)  # 0.00078125·20²
    exact = _run(_act(torch.float64), GRID)
    np.testing.assert_allclose(exact, snippet.xielu(GRID, eps=-1e-6), rtol=1e-13, atol=1e-15)


def test_float32_input_keeps_float32():
    with torch.no_grad():
        y = _act()(torch.tensor([-1.0, 2.0]))
    assert y.dtype == torch.float32
    np.testing.assert_allclose(y.numpy(), snippet.xielu([-1.0, 2.0], **HIDDEN_ACT), rtol=1e-6)


def test_apertus_uses_xielu():
    apertus = pytest.importorskip("transformers.models.apertus.modeling_apertus")
    config = pytest.importorskip("transformers.models.apertus.configuration_apertus")
    assert config.ApertusConfig().hidden_act == "xielu"
    source = inspect.getsource(apertus.ApertusMLP)
    assert 'ACT2CLS["xielu"](dtype=config.dtype)' in source
    assert "self.down_proj(self.act_fn(self.up_proj(x)))" in source  # no gate projection
