"""APL against the paper's formula (re-typed), the PyTorch module on its page, and no framework shipping it."""
import numpy as np
import pytest

from apl import apl, apl_derivative


def paper(x, a, b):
    """Agostinelli et al. 2014, equation 1: h(x) = max(0, x) + Σ_s a_s·max(0, −x + b_s)."""
    return np.maximum(0, x) + sum(a_s * np.maximum(0, -x + b_s) for a_s, b_s in zip(a, b))


def test_matches_the_papers_formula():
    x = np.linspace(-5, 5, 1001)
    for a1, b1, a2, b2 in [(0.2, -1.0, 0.5, 1.0), (-0.3, 0.5, 1.2, -2.0), (0.0, 0.0, 0.0, 0.0)]:
        np.testing.assert_allclose(apl(x, a1=a1, b1=b1, a2=a2, b2=b2), paper(x, (a1, a2), (b1, b2)),
                                   rtol=1e-15, atol=1e-15)


def test_the_pages_pytorch_module_agrees_with_the_snippet():
    torch = pytest.importorskip("torch")

    class APL(torch.nn.Module):  # as on docs/activations/apl.md
        def __init__(self, channels, hinges=2):
            super().__init__()
            self.a = torch.nn.Parameter(torch.zeros(hinges, channels))
            self.b = torch.nn.Parameter(torch.zeros(hinges, channels))

        def forward(self, x):
            return torch.relu(x) + (self.a * torch.relu(self.b - x.unsqueeze(-2))).sum(-2)

    m = APL(1).double()
    with torch.no_grad():
        m.a[:, 0] = torch.tensor([0.2, 0.5], dtype=torch.float64)
        m.b[:, 0] = torch.tensor([-1.0, 1.0], dtype=torch.float64)
    x = np.array([-3.0, -1.0, -0.5, 0.0, 0.5, 1.0, 3.0])
    t = torch.tensor(x[:, None], requires_grad=True)
    y = m(t)
    y.sum().backward()
    np.testing.assert_allclose(y.detach().numpy()[:, 0], apl(x), rtol=1e-15)
    np.testing.assert_allclose(t.grad.numpy()[:, 0], apl_derivative(x), rtol=1e-15)  # corners included


def test_no_framework_ships_it():
    torch = pytest.importorskip("torch")
    names = [n for m in (torch.nn, torch.nn.functional) for n in dir(m)]
    # (torch.nn.CrossMapLRN2d contains the letters "apl": names are matched as words)
    assert not [n for n in names if n.lower().strip("_") == "apl" or "piecewise" in n.lower()]
    jax = pytest.importorskip("jax")
    assert not [n for n in dir(jax.nn) if n.lower() == "apl" or "piecewise" in n.lower()]
    transformers = pytest.importorskip("transformers.activations")
    assert not [k for k in transformers.ACT2FN if k.lower() == "apl"]
