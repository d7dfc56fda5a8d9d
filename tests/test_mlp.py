"""The notebooks' MLP library (scripts/mlp.py): backprop, initialisers, training, data.

Backprop is checked against central finite differences for every
elementwise activation of the catalog, so a new declaration (and its
snippet) is covered without touching this file.
"""

from __future__ import annotations

import doctest
import inspect
import io

import numpy as np
import pytest

import activations
import mlp
import reference

ELEMENTWISE = mlp.elementwise_activations()
SLUGS = [a.slug for a in ELEMENTWISE]
ZERO_DERIVATIVE = [s for s in SLUGS if not mlp.has_gradient(s)]
SIZES = [3, 6, 5, 4]  # three inputs, two hidden layers, four outputs


def test_doctests():
    result = doctest.testmod(mlp, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0
    assert result.failed == 0


def test_elementwise_activations_follow_the_catalog():
    expected = [a.slug for a in activations.ACTIVATIONS if a.kind == "elementwise"]
    assert SLUGS == expected
    assert "relu" in SLUGS and "softmax" not in SLUGS and "crelu" not in SLUGS


@pytest.mark.parametrize("slug", SLUGS)
def test_activation_is_the_snippet(slug):
    """mlp imports snippets/<slug>.py itself, as the notebooks do: the same code as the project's loader."""
    module = reference.load_snippet(slug)
    f, df = mlp.activation(slug)
    for got, name in ((f, slug), (df, f"{slug}_derivative")):
        want = getattr(module, name)
        assert got.__name__ == name and inspect.getsourcefile(got) == inspect.getsourcefile(want)
        assert got.__code__.co_code == want.__code__.co_code


def _problem(loss: str, seed: int = 3):
    """A small batch whose pre-activations spread over [-10, 10] (past ReLU6's kink at 6)."""
    rng = np.random.default_rng(seed)
    x = 3.0 * rng.normal(size=(7, SIZES[0]))
    y = rng.integers(0, SIZES[-1], size=7) if loss == "cross_entropy" else rng.normal(size=(7, SIZES[-1]))
    return x, y


def _assert_smooth_points(net, x, h=1e-5):
    """Finite differences need f to be differentiable around every pre-activation."""
    f, df = mlp.activation(net.activation)
    _, cache = mlp.forward(net, x)
    for z in cache.pre[:-1]:
        slope = (f(z + h) - f(z - h)) / (2 * h)
        assert np.allclose(slope, df(z), rtol=1e-6, atol=1e-6), "a pre-activation sits on a kink: change the seed"


@pytest.mark.parametrize("loss", ["cross_entropy", "mse"])
@pytest.mark.parametrize("slug", SLUGS)
def test_backprop_matches_finite_differences(slug, loss):
    net = mlp.init_mlp(SIZES, slug, init="he", seed=11)
    x, y = _problem(loss)
    for _ in range(6):  # an unbounded activation (e^x) overflows on large inputs: shrink them until finite
        with np.errstate(all="ignore"):
            if np.isfinite(mlp.forward(net, x)[0]).all():
                break
        x = x / 10
    _assert_smooth_points(net, x)
    assert mlp.gradient_check(net, x, y, loss) < 1e-6


@pytest.mark.parametrize("slug", ZERO_DERIVATIVE or [pytest.param("none", marks=pytest.mark.skip(
    reason="no activation of the catalog has a derivative that is 0 everywhere"))])
def test_zero_derivative_stops_every_gradient_below_the_last_layer(slug):
    net = mlp.init_mlp(SIZES, slug, seed=11)
    x, y = _problem("cross_entropy")
    _, grads = mlp.loss_and_gradients(net, x, y)
    for g in grads.parameters()[:-2]:
        assert not g.any()
    assert grads.weights[-1].any()


def test_gradient_check_catches_a_wrong_derivative(monkeypatch):
    f, df = mlp.activation("tanh")
    monkeypatch.setattr(mlp, "activation", lambda slug: (f, lambda z: 1.05 * df(z)))
    net = mlp.init_mlp(SIZES, "tanh", seed=11)
    x, y = _problem("cross_entropy")
    assert mlp.gradient_check(net, x, y) > 1e-3


def test_backward_is_the_product_of_jacobians():
    """δ_l = W_{l+1}ᵀ-chain with diagonal f' Jacobians, written out for one example."""
    net = mlp.init_mlp(SIZES, "elu", seed=5)
    x, y = _problem("mse")
    out, cache = mlp.forward(net, x[:1])
    _, d_out = mlp.mse(out, y[:1])
    grads = mlp.backward(net, cache, d_out)
    _, df = mlp.activation("elu")
    delta = d_out[0]
    for l in range(len(net.weights) - 1, 0, -1):
        jacobian = np.diag(df(cache.pre[l - 1][0])) @ net.weights[l]  # ∂z_{l+1}/∂z_l, transposed
        delta = jacobian @ delta
        np.testing.assert_allclose(grads.deltas[l - 1][0], delta, rtol=1e-12)


def test_cross_entropy_is_stable_and_right():
    logits = np.array([[1000.0, 0.0, -1000.0], [1.0, 2.0, 3.0]])
    labels = np.array([2, 0])
    loss, grad = mlp.softmax_cross_entropy(logits, labels)
    p = np.exp(np.array([1.0, 2.0, 3.0]))
    p /= p.sum()
    assert loss == pytest.approx((2000.0 - np.log(p[0])) / 2)
    assert np.all(np.isfinite(grad))
    np.testing.assert_allclose(grad.sum(axis=1), 0, atol=1e-15)


INIT_CASES = [(scheme, dist, mode) for scheme in ("glorot", "xavier", "he", "kaiming", "lecun")
              for dist in ("normal", "uniform") for mode in (None, "fan_in", "fan_out", "fan_avg")]


@pytest.mark.parametrize("scheme, distribution, mode", INIT_CASES,
                         ids=[f"{s}-{d}-{m or 'usual'}" for s, d, m in INIT_CASES])
def test_initialiser_variance(scheme, distribution, mode):
    fan_in, fan_out = 800, 1250  # a million weights; the fans differ, so the modes do
    w = mlp.init_weights(np.random.default_rng(0), fan_in, fan_out, scheme, distribution, mode)
    expected = mlp.init_variance(scheme, fan_in, fan_out, mode)
    assert w.shape == (fan_in, fan_out)
    assert abs(w.var() / expected - 1) < 0.02
    assert abs(w.mean()) < 0.01 * np.sqrt(expected)
    if distribution == "uniform":
        assert np.abs(w).max() <= np.sqrt(3 * expected)


def test_initialiser_formulas():
    assert mlp.init_variance("glorot", 300, 100) == pytest.approx(2 / 400)
    assert mlp.init_variance("xavier", 300, 100) == mlp.init_variance("glorot", 300, 100)
    assert mlp.init_variance("he", 300, 100) == pytest.approx(2 / 300)
    assert mlp.init_variance("kaiming", 300, 100) == mlp.init_variance("he", 300, 100)
    assert mlp.init_variance("lecun", 300, 100) == pytest.approx(1 / 300)
    assert mlp.init_variance("he", 300, 100, mode="fan_out") == pytest.approx(2 / 100)
    with pytest.raises(ValueError):
        mlp.init_weights(np.random.default_rng(0), 2, 2, distribution="cauchy")


@pytest.mark.parametrize("optimizer, batch_size", [("adam", None), ("sgd", 32), ("adam", 50)])
def test_training_is_deterministic(optimizer, batch_size):
    x, y = mlp.moons(200, seed=1)

    def run(seed):
        net = mlp.init_mlp([2, 16, 16, 2], "tanh", init="glorot", seed=seed)
        losses = mlp.train(net, x, y, optimizer=optimizer, lr=0.05 if optimizer == "sgd" else 0.01,
                           steps=150, batch_size=batch_size, seed=seed)
        return losses, net

    first, net_a = run(0)
    second, net_b = run(0)
    assert np.array_equal(first, second)
    for a, b in zip(net_a.parameters(), net_b.parameters()):
        assert np.array_equal(a, b)
    assert not np.array_equal(first, run(1)[0])
    assert first[-10:].mean() < 0.6 * first[0]  # and it learns


def test_training_callback_sees_every_step():
    x, y = mlp.xor_blobs(40, seed=0)
    net = mlp.init_mlp([2, 4, 2], "relu", seed=0)
    seen = []
    losses = mlp.train(net, x, y, steps=7, callback=lambda step, n: seen.append((step, n is net)))
    assert seen == [(s, True) for s in range(1, 8)]
    assert losses.shape == (7,)


@pytest.mark.parametrize("make", [mlp.xor_blobs, mlp.two_spirals, mlp.moons], ids=lambda m: m.__name__)
def test_datasets_are_deterministic(make):
    x1, y1 = make(n=200, seed=4)
    x2, y2 = make(n=200, seed=4)
    assert np.array_equal(x1, x2) and np.array_equal(y1, y2)
    assert x1.shape == (200, 2) and y1.shape == (200,)
    assert set(np.unique(y1)) == {0, 1}
    assert 0.35 < y1.mean() < 0.65
    assert not np.array_equal(x1, make(n=200, seed=5)[0])


def test_setup_matplotlib_gives_byte_identical_svg():
    import matplotlib
    import matplotlib.pyplot as plt

    def svg() -> bytes:
        fig, ax = plt.subplots()
        ax.plot([0, 1, 2], [1, 0, 2], label="a", **mlp.line_style(0))
        ax.set_title("t")
        ax.legend()
        buf = io.BytesIO()
        fig.savefig(buf, format="svg", metadata={"Date": None})
        plt.close(fig)
        return buf.getvalue()

    with matplotlib.rc_context():
        mlp.setup_matplotlib()
        assert matplotlib.rcParams["svg.fonttype"] == "none"
        assert matplotlib.get_backend().lower() == "agg"
        assert svg() == svg()


def test_line_styles_differ():
    styles = [mlp.line_style(i) for i in range(len(SLUGS))]
    for i, a in enumerate(styles):
        for b in styles[i + 1:]:
            assert sum(a[k] != b[k] for k in a) >= 2


def test_show_writes_a_described_deterministic_svg(monkeypatch):
    import base64

    import IPython.display
    import matplotlib
    import matplotlib.pyplot as plt

    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda data, raw: shown.append(data))

    def draw():
        fig, ax = plt.subplots()
        ax.plot([0, 1], [0, 1], label="a & b", **mlp.line_style(1))
        ax.legend()
        mlp.show(fig, 'A rising "line"   from 0 to 1 & back')
        return fig

    with matplotlib.rc_context():
        mlp.setup_matplotlib()
        fig = draw()
        draw()
    assert not plt.fignum_exists(fig.number)  # closed, so Jupyter does not draw it a second time
    first, second = shown
    assert first == second
    html = first["text/html"]
    assert html.startswith('<img alt="A rising &quot;line&quot; from 0 to 1 &amp; back" ')
    svg = base64.b64decode(html.split("base64,", 1)[1].rstrip('">'))
    assert svg.startswith(b"<?xml") and b"<dc:date>" not in svg
