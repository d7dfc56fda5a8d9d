"""SwiGLU's snippet against the code it describes, re-typed (PyTorch, float64).

- gpt-oss: ``swiglu()`` of openai/gpt-oss, gpt_oss/torch/model.py (commit 7b58334, lines 249-256),
  and transformers 5.24.0's ``GptOssExperts._apply_gate``, run as installed: interleaved halves.
- vLLM's ``SiluAndMul.forward_native`` (vllm/model_executor/layers/activation.py, commit f64c867):
  ``silu(x[..., :d]) * x[..., d:]``.
- transformers' ``LlamaMLP``: ``down_proj(act_fn(gate_proj(x)) * up_proj(x))``, run as installed with
  identity projections.
- ``torch.nn.functional.glu`` gates with the second half: not SwiGLU in either order.
Gradients: PyTorch's autograd against ``swiglu_derivative`` (clamp's gradient at its bounds included).
"""

from __future__ import annotations

import numpy as np
import pytest

from conftest import snippet

torch = pytest.importorskip("torch", reason="needs PyTorch: pip install torch==2.13.0")
sw = snippet("swiglu")
RNG = np.random.default_rng(2002)
# Gates and values over both signs, the clamps ±7 exactly, and entries past them.
A = np.concatenate([RNG.uniform(-12, 12, 2000), [7.0, -7.0, 6.999, 7.001, 0.0, -1.278, 30.0, -30.0]])
B = np.concatenate([RNG.uniform(-12, 12, 2000), [7.0, -7.0, 7.0, -7.0, 1.0, 2.0, -30.0, 30.0]])


def _close(got, want, rtol=1e-13, atol=1e-15):
    np.testing.assert_allclose(got, want, rtol=rtol, atol=atol)


def gpt_oss_swiglu(x, alpha: float = 1.702, limit: float = 7.0):
    """openai/gpt-oss, gpt_oss/torch/model.py, swiglu(), re-typed."""
    x_glu, x_linear = x[..., ::2], x[..., 1::2]
    x_glu = x_glu.clamp(min=None, max=limit)
    x_linear = x_linear.clamp(min=-limit, max=limit)
    out_glu = x_glu * torch.sigmoid(alpha * x_glu)
    return out_glu * (x_linear + 1)


def _interleaved():
    x = np.empty(2 * len(A))
    x[::2], x[1::2] = A, B
    return torch.tensor(x, dtype=torch.float64, requires_grad=True)


def test_gpt_oss_reference_value_and_gradient():
    x = _interleaved()
    y = gpt_oss_swiglu(x)
    y.sum().backward()
    halves = np.concatenate([A, B])  # de-interleaved: gate half first
    _close(y.detach().numpy(), sw.swiglu(halves, variant="gpt-oss"))
    d = sw.swiglu_derivative(halves, variant="gpt-oss")
    grad = x.grad.numpy()
    _close(grad[::2], d[:len(A)], rtol=1e-12)
    _close(grad[1::2], d[len(A):], rtol=1e-12)


def test_transformers_gpt_oss_experts_apply_gate():
    pytest.importorskip("transformers", reason="needs transformers==5.24.0")
    from transformers import GptOssConfig
    from transformers.models.gpt_oss.modeling_gpt_oss import GptOssExperts

    config = GptOssConfig(num_local_experts=1, hidden_size=4, intermediate_size=4)
    experts = GptOssExperts(config)
    assert (experts.alpha, experts.limit) == (1.702, 7.0)
    with torch.no_grad():
        got = experts._apply_gate(_interleaved()).numpy()
    _close(got, sw.swiglu(np.concatenate([A, B]), variant="gpt-oss"))


def test_vllm_silu_and_mul_gates_with_the_first_half():
    x = torch.tensor(np.concatenate([A, B]), dtype=torch.float64, requires_grad=True)
    d = x.shape[-1] // 2
    y = torch.nn.functional.silu(x[..., :d]) * x[..., d:]  # SiluAndMul.forward_native
    y.sum().backward()
    _close(y.detach().numpy(), sw.swiglu(x.detach().numpy()))
    _close(x.grad.numpy(), sw.swiglu_derivative(x.detach().numpy()), rtol=1e-12)


def test_transformers_llama_mlp_is_swiglu_of_gate_then_up():
    pytest.importorskip("transformers", reason="needs transformers==5.24.0")
    from transformers import LlamaConfig
    from transformers.models.llama.modeling_llama import LlamaMLP

    n = 6  # hidden 2n inputs, intermediate n: gate_proj reads x[:, :n], up_proj x[:, n:]
    eye = torch.eye(n, dtype=torch.float64)
    mlp = LlamaMLP(LlamaConfig(hidden_size=2 * n, intermediate_size=n, num_attention_heads=2,
                               num_key_value_heads=2)).double()
    with torch.no_grad():
        mlp.gate_proj.weight.copy_(torch.cat([eye, 0 * eye], 1))
        mlp.up_proj.weight.copy_(torch.cat([0 * eye, eye], 1))
        mlp.down_proj.weight.copy_(torch.cat([eye, 0 * eye], 0))
        x = torch.tensor(np.stack([A[:2 * n], B[:2 * n]]), dtype=torch.float64)
        got = mlp(x).numpy()[:, :n]
    _close(got, sw.swiglu(x.numpy()))


def test_torch_glu_is_the_other_convention():
    x = np.array([1.0, -2.0, 3.0, 0.5])
    glu = torch.nn.functional.glu(torch.tensor(x)).numpy()  # a·σ(b): the second half gates, with σ
    _close(glu, x[:2] / (1 + np.exp(-x[2:])))
    assert not np.allclose(glu, sw.swiglu(x))
