"""A small multilayer perceptron in NumPy, written to be read, for the experiment notebooks.

The notebooks in ``docs/experiments/`` import it (they run with ``snippets/``
and ``scripts/`` on the path). No activation function is typed again here:
``f`` and ``f'`` come from the tested snippets ``snippets/<slug>.py``, and the
list of activations comes from the catalog (``activations.ACTIVATIONS``), so
a new declaration shows up in every experiment by itself.

Conventions
-----------
A batch is a matrix ``X`` of shape ``(n, d)``, one example per row. Layer
``l = 1, ..., L`` computes::

    z_l = a_{l-1} W_l + b_l,    a_l = f(z_l),    a_0 = X,

with ``W_l`` of shape ``(fan_in, fan_out)``. The last layer has no
activation: ``z_L`` are the outputs (the logits of a classifier).

Backpropagation is the chain rule written as a product of Jacobians. With
``δ_l = ∂L/∂z_l``, the Jacobian of ``a_l`` with respect to ``z_l`` is the
diagonal matrix ``diag f'(z_l)`` and that of ``z_{l+1}`` with respect to
``a_l`` is ``W_{l+1}ᵀ`` (column vectors), so::

    δ_l = (W_{l+1}ᵀ δ_{l+1}) ⊙ f'(z_l)          (one example, column vectors)
    δ_l = (δ_{l+1} W_{l+1}ᵀ) ⊙ f'(z_l)          (a batch, one example per row)
    ∂L/∂W_l = a_{l-1}ᵀ δ_l,    ∂L/∂b_l = Σ_rows δ_l.

Everything is float64 and every random number comes from a
``numpy.random.Generator`` built from an explicit seed.
"""

from __future__ import annotations

import functools
import importlib
import math
from dataclasses import dataclass
from typing import Callable

import numpy as np

import activations as catalog

# ---------------------------------------------------------------------------
# Activations: from the catalog and the snippets
# ---------------------------------------------------------------------------


@functools.lru_cache(maxsize=None)
def activation(slug: str) -> tuple[Callable, Callable]:
    """``(f, df)``: the snippet's function and derivative, with default parameters.

    >>> f, df = activation("tanh")
    >>> float(f(0.0)), float(df(0.0))
    (0.0, 1.0)
    """
    module = importlib.import_module(slug)
    return getattr(module, slug), getattr(module, f"{slug}_derivative")


def elementwise_activations() -> list[catalog.Activation]:
    """The catalog's elementwise activations, in catalog order (not CReLU, not softmax)."""
    return [a for a in catalog.ACTIVATIONS if a.kind == "elementwise"]


def has_gradient(slug: str) -> bool:
    """False when f' is 0 on a dense grid (binary step): no gradient passes through f."""
    _, df = activation(slug)
    return bool(np.any(df(np.linspace(-10.0, 10.0, 4001)) != 0))


# ---------------------------------------------------------------------------
# Initialisers
# ---------------------------------------------------------------------------

# name: (scale, fan). The weights have mean 0 and variance scale / fan, where
# fan is fan_in, fan_out or fan_avg = (fan_in + fan_out) / 2:
#   glorot (Xavier; Glorot & Bengio 2010): 1 / fan_avg = 2 / (fan_in + fan_out)
#   he (Kaiming; He et al. 2015):          2 / fan_in  (keeps E[z²] through ReLU)
#   lecun (LeCun et al. 1998):             1 / fan_in  (SELU's self-normalisation assumes it)
INITIALISERS: dict[str, tuple[float, str]] = {
    "glorot": (1.0, "fan_avg"),
    "he": (2.0, "fan_in"),
    "lecun": (1.0, "fan_in"),
}
INIT_NAMES = {"glorot": "Glorot", "he": "He", "lecun": "LeCun"}
_ALIASES = {"xavier": "glorot", "kaiming": "he"}


def init_variance(scheme: str, fan_in: int, fan_out: int, mode: str | None = None) -> float:
    """The variance ``scale / fan`` of an initialiser; ``mode`` overrides its usual fan.

    >>> init_variance("glorot", 100, 300)  # 2 / (100 + 300)
    0.005
    >>> init_variance("kaiming", 100, 300), init_variance("he", 100, 300, mode="fan_out")
    (0.02, 0.006666666666666667)
    """
    scale, usual = INITIALISERS[_ALIASES.get(scheme, scheme)]
    fans = {"fan_in": fan_in, "fan_out": fan_out, "fan_avg": (fan_in + fan_out) / 2}
    return scale / fans[mode or usual]


def init_weights(rng: np.random.Generator, fan_in: int, fan_out: int, scheme: str = "he",
                 distribution: str = "normal", mode: str | None = None) -> np.ndarray:
    """A ``(fan_in, fan_out)`` matrix with mean 0 and variance ``init_variance(...)``.

    ``distribution="normal"`` draws N(0, var) (not truncated); ``"uniform"``
    draws U(−r, r) with r = √(3·var), since U(−r, r) has variance r²/3.
    """
    var = init_variance(scheme, fan_in, fan_out, mode)
    if distribution == "normal":
        return rng.normal(0.0, math.sqrt(var), size=(fan_in, fan_out))
    if distribution == "uniform":
        r = math.sqrt(3.0 * var)
        return rng.uniform(-r, r, size=(fan_in, fan_out))
    raise ValueError(f"distribution must be 'normal' or 'uniform', not {distribution!r}")


# ---------------------------------------------------------------------------
# The network
# ---------------------------------------------------------------------------


@dataclass
class MLP:
    """Weights ``W_l`` (fan_in × fan_out) and biases ``b_l`` of each layer.

    Every hidden layer applies the activation ``activation`` (a catalog
    slug); the last layer is linear.
    """

    weights: list[np.ndarray]
    biases: list[np.ndarray]
    activation: str

    @property
    def sizes(self) -> list[int]:
        return [self.weights[0].shape[0]] + [w.shape[1] for w in self.weights]

    def parameters(self) -> list[np.ndarray]:
        """Every parameter array, in the order W_1, b_1, W_2, b_2, ..."""
        return [p for pair in zip(self.weights, self.biases) for p in pair]

    def copy(self) -> MLP:
        return MLP([w.copy() for w in self.weights], [b.copy() for b in self.biases], self.activation)


def init_mlp(sizes: list[int], activation: str, init: str = "he", distribution: str = "normal",
             mode: str | None = None, seed: int | np.random.Generator = 0) -> MLP:
    """A network with layer widths ``sizes`` (inputs first, outputs last); biases start at 0."""
    rng = np.random.default_rng(seed)
    weights = [init_weights(rng, m, n, init, distribution, mode) for m, n in zip(sizes[:-1], sizes[1:])]
    return MLP(weights, [np.zeros(n) for n in sizes[1:]], activation)


@dataclass
class Cache:
    """What the backward pass needs: each layer's input ``a_{l-1}`` and pre-activation ``z_l``."""

    inputs: list[np.ndarray]
    pre: list[np.ndarray]

    @property
    def hidden(self) -> list[np.ndarray]:
        """The hidden layers' activations a_1, ..., a_{L-1}."""
        return self.inputs[1:]


def forward(net: MLP, x: np.ndarray) -> tuple[np.ndarray, Cache]:
    """The outputs ``z_L`` for a batch ``x`` (one example per row), and the cache."""
    f, _ = activation(net.activation)
    last = len(net.weights) - 1
    a, inputs, pre = x, [], []
    for l, (w, b) in enumerate(zip(net.weights, net.biases)):
        z = a @ w + b
        inputs.append(a)
        pre.append(z)
        a = f(z) if l < last else z
    return a, Cache(inputs, pre)


@dataclass
class Gradients:
    """∂L/∂W_l and ∂L/∂b_l per layer, and the backpropagated ``δ_l = ∂L/∂z_l``."""

    weights: list[np.ndarray]
    biases: list[np.ndarray]
    deltas: list[np.ndarray]

    def parameters(self) -> list[np.ndarray]:
        """In the order of :meth:`MLP.parameters`."""
        return [p for pair in zip(self.weights, self.biases) for p in pair]


def backward(net: MLP, cache: Cache, d_out: np.ndarray) -> Gradients:
    """Backpropagate ``d_out = ∂L/∂z_L`` with δ_l = (δ_{l+1} W_{l+1}ᵀ) ⊙ f'(z_l)."""
    _, df = activation(net.activation)
    n_layers = len(net.weights)
    d_w, d_b, deltas = [None] * n_layers, [None] * n_layers, [None] * n_layers
    delta = d_out
    for l in reversed(range(n_layers)):
        deltas[l] = delta
        d_w[l] = cache.inputs[l].T @ delta
        d_b[l] = delta.sum(axis=0)
        if l > 0:  # through W_l (its Jacobian) and then f (a diagonal Jacobian)
            delta = (delta @ net.weights[l].T) * df(cache.pre[l - 1])
    return Gradients(d_w, d_b, deltas)


# ---------------------------------------------------------------------------
# Losses: each returns (mean loss, its gradient with respect to the outputs)
# ---------------------------------------------------------------------------


def log_softmax(z: np.ndarray) -> np.ndarray:
    """log softmax along the last axis, as (z − m) − log Σ exp(z − m) with m the row max (no overflow)."""
    shifted = z - z.max(axis=-1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))


def softmax_cross_entropy(logits: np.ndarray, labels: np.ndarray) -> tuple[float, np.ndarray]:
    """Mean of −log softmax(z)_y over the batch; gradient (softmax(z) − onehot(y)) / n.

    >>> loss, grad = softmax_cross_entropy(np.array([[1000.0, 0.0]]), np.array([1]))
    >>> float(loss)  # a naive log(softmax) would give inf
    1000.0
    """
    n = len(labels)
    rows = np.arange(n)
    loss = -log_softmax(logits)[rows, labels].mean()
    softmax, _ = _softmax()
    grad = softmax(logits)
    grad[rows, labels] -= 1.0
    return float(loss), grad / n


def mse(outputs: np.ndarray, targets: np.ndarray) -> tuple[float, np.ndarray]:
    """Mean over all entries of (z − t)²; gradient 2 (z − t) / (number of entries)."""
    diff = outputs - targets
    return float(np.mean(diff**2)), 2.0 * diff / diff.size


def _softmax():
    module = importlib.import_module("softmax")  # the snippet, like every other activation
    return module.softmax, module.softmax_jacobian


LOSSES = {"cross_entropy": softmax_cross_entropy, "mse": mse}


def loss_and_gradients(net: MLP, x: np.ndarray, y: np.ndarray,
                       loss: str = "cross_entropy") -> tuple[float, Gradients]:
    """One forward and one backward pass: the loss and every gradient."""
    out, cache = forward(net, x)
    value, d_out = LOSSES[loss](out, y)
    return value, backward(net, cache, d_out)


def predict(net: MLP, x: np.ndarray) -> np.ndarray:
    """The most likely class of each row."""
    return forward(net, x)[0].argmax(axis=1)


def accuracy(net: MLP, x: np.ndarray, labels: np.ndarray) -> float:
    return float(np.mean(predict(net, x) == labels))


# ---------------------------------------------------------------------------
# Training
# ---------------------------------------------------------------------------


def train(net: MLP, x: np.ndarray, y: np.ndarray, *, loss: str = "cross_entropy", optimizer: str = "adam",
          lr: float = 0.01, steps: int = 1000, batch_size: int | None = None, seed: int = 0,
          callback: Callable[[int, MLP], None] | None = None) -> np.ndarray:
    """Update ``net`` in place for ``steps`` steps; return the loss before each step.

    ``optimizer`` is ``"sgd"`` (w ← w − lr·g) or ``"adam"`` (Kingma & Ba 2015,
    β₁ = 0.9, β₂ = 0.999, ε = 1e-8, with bias correction). ``batch_size=None``
    uses the whole data set each step; otherwise each pass over the data
    visits it in an order drawn from ``numpy.random.default_rng(seed)``.
    ``callback(step, net)`` runs after each update (step counts from 1).
    """
    if optimizer not in ("sgd", "adam"):
        raise ValueError(f"optimizer must be 'sgd' or 'adam', not {optimizer!r}")
    rng = np.random.default_rng(seed)
    params = net.parameters()
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    n = len(x)
    order, position = np.arange(n), n
    losses = np.empty(steps)
    for step in range(1, steps + 1):
        if batch_size is None:
            xb, yb = x, y
        else:
            if position + batch_size > n:  # a new pass over the data
                order, position = rng.permutation(n), 0
            batch = order[position:position + batch_size]
            position += batch_size
            xb, yb = x[batch], y[batch]
        losses[step - 1], grads = loss_and_gradients(net, xb, yb, loss)
        for p, g, m_p, v_p in zip(params, grads.parameters(), m, v):
            if optimizer == "sgd":
                p -= lr * g
            else:
                m_p *= beta1
                m_p += (1 - beta1) * g
                v_p *= beta2
                v_p += (1 - beta2) * g**2
                m_hat = m_p / (1 - beta1**step)
                v_hat = v_p / (1 - beta2**step)
                p -= lr * m_hat / (np.sqrt(v_hat) + eps)
        if callback is not None:
            callback(step, net)
    return losses


# ---------------------------------------------------------------------------
# Gradient check
# ---------------------------------------------------------------------------


def numerical_gradients(net: MLP, x: np.ndarray, y: np.ndarray, loss: str = "cross_entropy",
                        eps: float = 1e-6) -> list[np.ndarray]:
    """Central differences (L(θ + ε) − L(θ − ε)) / 2ε for every parameter, one at a time.

    In the order of :meth:`MLP.parameters`. Slow (two forward passes per
    parameter): for small networks.
    """

    def value() -> float:
        return LOSSES[loss](forward(net, x)[0], y)[0]

    result = []
    for p in net.parameters():
        g = np.zeros_like(p)
        for i in np.ndindex(p.shape):
            saved = p[i]
            p[i] = saved + eps
            plus = value()
            p[i] = saved - eps
            minus = value()
            p[i] = saved
            g[i] = (plus - minus) / (2 * eps)
        result.append(g)
    return result


def gradient_check(net: MLP, x: np.ndarray, y: np.ndarray, loss: str = "cross_entropy",
                   eps: float = 1e-6) -> float:
    """Relative error ‖g − ĝ‖ / max(‖g‖, ‖ĝ‖) between backprop g and central differences ĝ.

    Both gradients are flattened into one vector over all parameters. Near
    1e-9 in float64 when backprop is right (at points where f is smooth).
    """
    _, grads = loss_and_gradients(net, x, y, loss)
    exact = np.concatenate([g.ravel() for g in grads.parameters()])
    approx = np.concatenate([g.ravel() for g in numerical_gradients(net, x, y, loss, eps)])
    scale = max(np.linalg.norm(exact), np.linalg.norm(approx))
    return 0.0 if scale == 0 else float(np.linalg.norm(exact - approx) / scale)


# ---------------------------------------------------------------------------
# Data sets: two classes in the plane, labels 0 and 1
# ---------------------------------------------------------------------------


def xor_blobs(n: int = 200, noise: float = 0.35, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Noisy XOR: Gaussian blobs around (±1, ±1); class 1 where the signs of the centre differ."""
    rng = np.random.default_rng(seed)
    centres = rng.choice([-1.0, 1.0], size=(n, 2))
    x = centres + noise * rng.normal(size=(n, 2))
    return x, (centres[:, 0] != centres[:, 1]).astype(np.int64)


def two_spirals(n: int = 400, noise: float = 0.1, turns: float = 1.5,
                seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Two interleaved spiral arms of n/2 points each, the second the first turned by π."""
    rng = np.random.default_rng(seed)
    half = n // 2
    t = np.sqrt(rng.uniform(size=half)) * turns * 2 * np.pi  # sqrt: even density along the arm
    radius = t / (turns * 2 * np.pi)
    arm = np.column_stack([radius * np.cos(t), radius * np.sin(t)])
    x = np.concatenate([arm, -arm]) + noise * rng.normal(size=(2 * half, 2))
    return x, np.repeat(np.array([0, 1]), half)


def moons(n: int = 400, noise: float = 0.15, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Two interleaved half circles (as scikit-learn's make_moons), n/2 points each."""
    rng = np.random.default_rng(seed)
    half = n // 2
    t = rng.uniform(0, np.pi, size=half)
    upper = np.column_stack([np.cos(t), np.sin(t)])
    lower = np.column_stack([1 - np.cos(t), 0.5 - np.sin(t)])
    x = np.concatenate([upper, lower]) + noise * rng.normal(size=(2 * half, 2))
    return x, np.repeat(np.array([0, 1]), half)


# ---------------------------------------------------------------------------
# Figures
# ---------------------------------------------------------------------------

# Okabe & Ito (2008): distinguishable with every common colour-vision
# deficiency. Yellow (#F0E442) is left out: too faint on white.
OKABE_ITO = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]
# 7 colours, 13 line styles, 15 markers: pairwise coprime counts, so that two curves among the first
# lcm(7, 13) = 91 differ in at least two of the three.
LINESTYLES = ["-", "--", ":", "-.", (0, (5, 1, 1, 1)), (0, (1, 1)), (0, (8, 2)), (0, (3, 1, 1, 1, 1, 1)),
              (0, (2, 2)), (0, (10, 3)), (0, (5, 2, 1, 2, 1, 2)), (0, (4, 1, 4, 4)), (0, (1, 3))]
MARKERS = ["o", "s", "^", "v", "D", "P", "X", "*", "<", ">", "p", "h", "H", "d", "8"]
CLASS_COLOURS = ("#0072B2", "#E69F00")  # class 0 blue, class 1 orange
CLASS_MARKERS = ("o", "^")

STYLE = {
    # Byte-identical SVG on every run: fixed id salt, text kept as text.
    "svg.hashsalt": "activation-functions-experiments",
    "svg.fonttype": "none",
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],
    "mathtext.fontset": "dejavusans",
    "font.size": 10,
    "axes.titlesize": 11,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.linewidth": 0.5,
    "grid.color": "#d0d7de",
    "lines.linewidth": 1.8,
    "legend.frameon": False,
    "legend.fontsize": 9,
    # White, not transparent: the figures stay readable in the site's dark mode.
    "figure.facecolor": "white",
    "axes.facecolor": "white",
    "savefig.facecolor": "white",
    "figure.dpi": 100,
}


def line_style(i: int) -> dict:
    """Colour, line style and marker of the i-th curve; any two of the first 91 differ in at least two of them."""
    return {"color": OKABE_ITO[i % len(OKABE_ITO)], "linestyle": LINESTYLES[i % len(LINESTYLES)],
            "marker": MARKERS[i % len(MARKERS)]}


def setup_matplotlib() -> None:
    """Deterministic SVG figures in a notebook (Agg when not in IPython).

    In an IPython kernel this is ``%matplotlib inline`` without the magic,
    figures in SVG without a date (so a rebuild gives the same bytes), and
    the style above.
    """
    import matplotlib

    matplotlib.rcParams.update(STYLE)
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython is installed with the notebooks
        get_ipython = lambda: None  # noqa: E731
    shell = get_ipython()
    if shell is None or not hasattr(shell, "kernel"):
        matplotlib.use("Agg")
        return
    from matplotlib_inline.backend_inline import set_matplotlib_formats

    shell.enable_matplotlib("inline")
    matplotlib.rcParams.update(STYLE)  # enable_matplotlib may reset some rcParams
    set_matplotlib_formats("svg", metadata={"Date": None})


def show(fig, alt: str) -> None:
    """Display ``fig`` as an SVG image described by ``alt``, then close it.

    ``plt.show()`` would do, but nbconvert (and so mkdocs-jupyter) turns an
    SVG output into an ``<img>`` without a description. This writes the
    ``<img>`` itself, with ``alt`` for screen readers and the SVG inline as a
    data URL. The bytes are the same on every run (no date; fixed hash salt).
    """
    import base64
    import html
    import io

    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(fig)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    tag = (f'<img alt="{html.escape(" ".join(alt.split()))}" style="max-width: 100%; height: auto" '
           f'src="data:image/svg+xml;base64,{data}">')
    try:
        from IPython.display import display
    except ImportError:  # pragma: no cover - outside Jupyter there is nothing to display on
        return
    display({"text/html": tag, "text/plain": f"[figure: {' '.join(alt.split())}]"}, raw=True)


def plot_decision_boundary(ax, net: MLP, x: np.ndarray, y: np.ndarray, title: str, steps: int = 120,
                           every: int = 1) -> None:
    """The probability of class 1 as shading, the 0.5 contour as a black line, and the data.

    ``every=k`` draws every k-th point only (each point is an element of the SVG).
    """
    from matplotlib.colors import LinearSegmentedColormap

    lo, hi = x.min(axis=0) - 0.5, x.max(axis=0) + 0.5
    gx, gy = np.meshgrid(np.linspace(lo[0], hi[0], steps), np.linspace(lo[1], hi[1], steps))
    grid = np.column_stack([gx.ravel(), gy.ravel()])
    softmax, _ = _softmax()
    p1 = softmax(forward(net, grid)[0])[:, 1].reshape(gx.shape)
    cmap = LinearSegmentedColormap.from_list("classes", ["#a6cee3", "#ffffff", "#fdd49e"])
    # An image, not contourf: a few kB of PNG inside the SVG instead of hundreds of kB of paths.
    ax.imshow(p1, extent=(lo[0], hi[0], lo[1], hi[1]), origin="lower", cmap=cmap, vmin=0, vmax=1,
              interpolation="none", aspect="auto")
    if p1.min() < 0.5 < p1.max():
        ax.contour(gx, gy, p1, levels=[0.5], colors="black", linewidths=1.2)
    for label in (0, 1):
        pts = x[y == label][::every]
        # plot, not scatter: one SVG marker definition reused, not one path per point
        ax.plot(pts[:, 0], pts[:, 1], linestyle="none", marker=CLASS_MARKERS[label], markersize=3.5,
                color=CLASS_COLOURS[label], markeredgewidth=0, label=f"class {label}")
    ax.set_title(title)
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    ax.set_aspect("equal")
    ax.grid(False)


def table(headers: list[str], rows: list[list]) -> str:
    """A plain-text table with aligned columns (floats already formatted by the caller)."""
    cells = [[str(c) for c in headers]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    lines = ["  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths)))
             for r in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)
