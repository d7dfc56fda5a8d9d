# ---
# jupyter:
#   description: >-
#     Mean and variance of the activations through 50 layers for every activation and
#     initialiser: SELU with LeCun, ReLU with Glorot and with He.
# ---

# %% [markdown]
# # Activation statistics through depth
#
# A batch of standard normal inputs (mean 0, variance 1) enters a 50-layer
# perceptron with 128 units per layer. After every layer we measure the mean
# and the variance of the activations $a_l = f(z_l)$ over all units and all
# examples. Whether these stay put, shrink to 0 or blow up depends on the
# activation together with the weight variance of the initialiser:
#
# - **He** initialisation (variance $2/\text{fan}_\text{in}$) was derived for ReLU:
#   ReLU zeroes half of its inputs, and the factor 2 puts that half back;
# - **LeCun** initialisation (variance $1/\text{fan}_\text{in}$) is what SELU's
#   self-normalising property assumes: with it, mean 0 and variance 1 is an
#   attracting fixed point;
# - **Glorot** initialisation (variance $2/(\text{fan}_\text{in}+\text{fan}_\text{out})$)
#   was derived for activations that behave like the identity near 0, such as tanh.
#
# Every layer here is square (128 → 128), and then Glorot's variance equals
# LeCun's, $1/128$. The networks below are drawn from the same seed for every
# initialiser, so the Glorot and LeCun results coincide exactly: what matters
# is the variance, not the name.

# %%
# mlp first: it asks for a single BLAS thread, which only works before NumPy loads
from mlp import (
    INIT_NAMES, INITIALISERS, elementwise_activations, forward, init_mlp, line_style,
    setup_matplotlib, show, table
)

import matplotlib.pyplot as plt
import numpy as np

setup_matplotlib()

# %% [markdown]
# A single random network is a sample: with 128 units per layer its statistics
# drift by a random factor from layer to layer. So every combination is drawn
# eight times (seeds 0 to 7, the same eight for every activation and
# initialiser), and the figures show the median over the eight networks.

# %%
DEPTH, WIDTH, BATCH, NETWORKS = 50, 128, 256, 8
ACTIVATIONS = elementwise_activations()  # every elementwise activation of the catalog
x = np.random.default_rng(0).normal(size=(BATCH, WIDTH))

means, variances = {}, {}  # (slug, init) -> array (network, hidden layer)
for act in ACTIVATIONS:
    for init in INITIALISERS:
        m, v = [], []
        for seed in range(NETWORKS):
            net = init_mlp([WIDTH] * (DEPTH + 1) + [1], act.slug, init=init, seed=seed)  # 50 hidden layers
            with np.errstate(over="ignore", invalid="ignore"):  # x²-like growth overflows: left out below
                _, cache = forward(net, x)
                m.append([a.mean() for a in cache.hidden])
                v.append([a.var() for a in cache.hidden])
        means[act.slug, init], variances[act.slug, init] = np.array(m), np.array(v)
overflowed = [a for a in ACTIVATIONS if not all(np.isfinite(means[a.slug, i]).all()
                                                and np.isfinite(variances[a.slug, i]).all() for i in INITIALISERS)]
for a in overflowed:
    print(f"left out: {a.name}, whose activations overflow float64 within {DEPTH} layers for some "
          "initialiser (it grows like x² for large inputs, and these layers are not normalised)")
ACTIVATIONS = [a for a in ACTIVATIONS if a not in overflowed]
layers = np.arange(1, DEPTH + 1)
print("activations:", ", ".join(a.name for a in ACTIVATIONS))


def median(values):
    return np.median(values, axis=0)


# %% [markdown]
# First the three cases that the initialisers were designed around.

# %%
HIGHLIGHT = [("selu", "lecun"), ("relu", "glorot"), ("relu", "he")]
names = {a.slug: a.name for a in ACTIVATIONS}
fig, (ax_m, ax_v) = plt.subplots(2, 1, figsize=(7.2, 8), sharex=True)
for i, (slug, init) in enumerate(HIGHLIGHT):
    style = line_style(i)
    label = f"{names[slug]} + {INIT_NAMES[init]}"
    for ax, values in ((ax_m, means[slug, init]), (ax_v, variances[slug, init])):
        ax.plot(layers, median(values), label=label, markevery=(2 * i, 6), markersize=5, **style)
        ax.fill_between(layers, values.min(axis=0), values.max(axis=0), color=style["color"], alpha=0.15,
                        linewidth=0)
ax_m.axhline(0, color="grey", linewidth=0.8)
ax_v.axhline(1, color="grey", linewidth=0.8)
ax_m.set_title("Mean of the activations (median and range of 8 networks)")
ax_m.set_ylabel("mean over units and examples")
ax_v.set_yscale("log")
ax_v.set_title("Variance of the activations (median and range)")
ax_v.set_ylabel("variance (log scale)")
for ax in (ax_m, ax_v):
    ax.set_xlabel("layer")
    ax.legend()
fig.suptitle("Through 50 layers: SELU with LeCun, ReLU with Glorot, ReLU with He")
fig.tight_layout()
show(fig, "Two panels over 50 layers. Top, the mean of the activations: SELU with LeCun stays at 0, ReLU with "
          "Glorot falls to 0, ReLU with He stays around 0.5 with a widening spread between networks. Bottom, the "
          "variance on a log scale: SELU with LeCun stays at 1, ReLU with Glorot falls along a straight line to "
          "about 1e-16, ReLU with He stays of the same order with a widening spread.")

# %% [markdown]
# Now every activation under every initialiser. The mean uses a symmetric log
# scale, linear between −1 and 1 and logarithmic beyond, since some means grow
# into the thousands.

# %%
# One row per initialiser, the width of the page, the legend below
fig, axes = plt.subplots(3, 2, figsize=(7.2, 11), sharex=True, sharey="col")
for row, init in enumerate(INITIALISERS):
    for i, act in enumerate(ACTIVATIONS):
        kw = dict(label=act.name, markevery=(i % 5, 5), markersize=4, **line_style(i))
        axes[row, 0].plot(layers, median(means[act.slug, init]), **kw)
        axes[row, 1].plot(layers, median(variances[act.slug, init]), **kw)
    axes[row, 0].set_yscale("symlog", linthresh=1)
    axes[row, 1].set_yscale("log")
    axes[row, 0].set_title(f"{INIT_NAMES[init]}: mean (median of 8)")
    axes[row, 1].set_title(f"{INIT_NAMES[init]}: variance (median of 8)")
    axes[row, 0].set_ylabel("mean (symmetric log scale)")
    axes[row, 1].set_ylabel("variance (log scale)")
for ax in axes[-1]:
    ax.set_xlabel("layer")
fig.legend(*axes[0, 0].get_legend_handles_labels(), title="activation", loc="lower center", ncol=4)
fig.suptitle("Mean and variance of the activations per layer,\nfor every activation and initialiser")
fig.tight_layout(rect=(0, 0.1, 1, 1))
show(fig, "Six panels, one row per initialiser (Glorot, He, LeCun): the median mean (left) and variance (right) of "
          "the activations per layer for every activation; the Glorot and LeCun rows are identical. With "
          "them the variance of the ReLU family falls steadily towards 0. With He, the variance of identity grows "
          "by many orders of magnitude and those of SELU and ELU grow too.")

# %% [markdown]
# The numbers after the 1st, 10th and 50th layer (medians over the eight
# networks), and the smallest and largest variance among the eight after layer 50:

# %%
rows = []
for act in ACTIVATIONS:
    for init in INITIALISERS:
        m, v = median(means[act.slug, init]), median(variances[act.slug, init])
        last = variances[act.slug, init][:, -1]
        rows.append([act.name, INIT_NAMES[init]] + [f"{m[k]:.2g}" for k in (0, 9, 49)]
                    + [f"{v[k]:.2g}" for k in (0, 9, 49)] + [f"{last.min():.2g} to {last.max():.2g}"])
print(table(["activation", "init", "mean 1", "mean 10", "mean 50", "var 1", "var 10", "var 50", "var 50 range"],
            rows))

# %% [markdown]
# ## What it shows
#
# - **SELU with LeCun** initialisation keeps the mean near 0 and the variance
#   near 1 in every layer, in all eight networks: the self-normalising fixed
#   point at work.
# - **ReLU with Glorot** (equal to LeCun here) halves the variance at every
#   layer, and after 50 layers it is around $2^{-50} \approx 10^{-15}$; the mean
#   goes to 0 with it. The signal reaching the last layers is practically
#   zero. Leaky ReLU and ReLU6 do the same; PReLU with slope 0.25 only slightly less.
# - **ReLU with He** keeps the median variance of the same order through all 50
#   layers, but single networks drift: after 50 layers the eight variances spread
#   over more than two orders of magnitude. He initialisation preserves the
#   variance on average over random draws; one draw of a deep and narrow network
#   wanders away from it.
# - The same initialiser suits some activations and not others. With He,
#   **identity** doubles the variance at every layer, and **PReLU**, **ELU** and
#   **SELU** grow too; with Glorot/LeCun, **tanh** and **ELU** shrink, slowly.
#   **Sigmoid** stays at mean 0.5 with a small, steady variance under every
#   initialiser, and **binary step** gives mean 0.5 and variance 0.25 in every
#   layer whatever the weights' scale, since its output depends only on the
#   sign of $z$.
