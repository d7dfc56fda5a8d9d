"""Snake against the models' own modules: DAC's Snake1d and Qwen2.5-Omni's BigVGAN SnakeBeta,
as Hugging Face transformers ships them (the page's "In the frameworks" claims)."""

import numpy as np
import pytest

from snake import snake

torch = pytest.importorskip("torch")
pytest.importorskip("transformers")

X = np.linspace(-6.0, 6.0, 97).reshape(1, 1, -1)  # (batch, channels, time)


def test_dac_snake1d_is_snake_with_alpha_plus_1e_9():
    from transformers.models.dac.modeling_dac import Snake1d

    module = Snake1d(1).double()
    with torch.no_grad():
        module.alpha.fill_(0.7)
        got = module(torch.from_numpy(X)).numpy()
        assert float(module.alpha) == 0.7
    # compare the ripples, f(x) − x: the 1e-9 changes them by a relative 1e-9 / 0.7
    np.testing.assert_allclose(got - X, snake(X, alpha=0.7) - X, rtol=2e-9, atol=1e-300)
    np.testing.assert_allclose(got - X, np.sin(0.7 * X) ** 2 / (0.7 + 1e-9), rtol=1e-12, atol=1e-300)


def test_a_new_snake1d_starts_at_alpha_1():
    from transformers.models.dac.modeling_dac import Snake1d

    assert torch.equal(Snake1d(3).alpha, torch.ones(1, 3, 1))


def test_bigvgan_snakebeta_at_its_initial_log_parameters_is_snake_with_alpha_1():
    from transformers.models.qwen2_5_omni.modeling_qwen2_5_omni import Qwen2_5OmniSnakeBeta

    module = Qwen2_5OmniSnakeBeta(1).double()
    assert torch.equal(module.alpha, torch.zeros(1)) and torch.equal(module.beta, torch.zeros(1))
    with torch.no_grad():
        got = module(torch.from_numpy(X)).numpy()
    np.testing.assert_allclose(got - X, snake(X, alpha=1.0) - X, rtol=2e-9, atol=1e-300)
