# ---
# jupyter:
#   description: >-
#     Per-layer gradient norms of a 40-layer perceptron at initialisation, for every
#     activation under Glorot, He and LeCun initialisation.
# ---

# %% [markdown]
# # Gradient flow through a deep network at initialisation
#
# Backpropagation multiplies, layer after layer, by a weight matrix and by the
# diagonal matrix of activation slopes $f'(z_l)$:
# $\delta_l = (\delta_{l+1} W_{l+1}^\top) \odot f'(z_l)$ with $\delta_l = \partial L / \partial z_l$.
# If each factor shrinks vectors a little, the gradient reaching the first layers
# vanishes; if each factor stretches them, it explodes. Both depend on the
# activation *and* on the variance of the initial weights.
#
# This notebook builds a 40-layer perceptron (96 units per layer), draws its
# weights with the Glorot, He and LeCun initialisers, passes one batch of random
# inputs with random labels through it, and backpropagates the cross-entropy
# once, for every elementwise activation of the catalog. Nothing is trained:
# this is the gradient of the very first step.
#
# | initialiser | weight variance | designed for |
# |---|---|---|
# | Glorot (Xavier) | $2 / (\text{fan}_\text{in} + \text{fan}_\text{out})$ | tanh, sigmoid |
# | He (Kaiming) | $2 / \text{fan}_\text{in}$ | ReLU |
# | LeCun | $1 / \text{fan}_\text{in}$ | SELU |
#
# Every hidden layer here is square (96 → 96), where Glorot and LeCun give the
# same variance, $1/96$; only the output layer (96 → 10) differs. Every network
# is drawn from the same seed, so that the comparison isolates the activation
# and the variance.

# %%
# mlp first: it asks for a single BLAS thread, which only works before NumPy loads
from mlp import (
    INIT_NAMES, INITIALISERS, elementwise_activations, has_gradient, init_mlp, line_style,
    loss_and_gradients, setup_matplotlib, show, table
)

import matplotlib.pyplot as plt
import numpy as np

setup_matplotlib()

# %% [markdown]
# The activations come from the catalog. An activation whose derivative is 0
# everywhere passes no gradient at all, so there is nothing to plot on a log scale.
# PReLU is used with its initial slope 0.25 (at initialisation it has not
# learned anything yet).

# %%
ACTIVATIONS = []
for act in elementwise_activations():
    if has_gradient(act.slug):
        ACTIVATIONS.append(act)
    else:
        print(f"skipped {act.name}: its derivative is 0 wherever it exists, so every layer but the "
              "output layer gets a gradient of exactly 0")
print("activations:", ", ".join(a.name for a in ACTIVATIONS))

# %%
DEPTH, WIDTH, BATCH, CLASSES = 40, 96, 128, 10
rng = np.random.default_rng(0)
x = rng.normal(size=(BATCH, WIDTH))  # inputs with variance 1
labels = rng.integers(0, CLASSES, size=BATCH)
sizes = [WIDTH] + [WIDTH] * DEPTH + [CLASSES]  # 40 hidden layers and a linear output layer

weight_norms, delta_norms = {}, {}  # (slug, init) -> one norm per layer, input side first
for act in ACTIVATIONS:
    for init in INITIALISERS:
        net = init_mlp(sizes, act.slug, init=init, seed=1)
        with np.errstate(over="ignore", invalid="ignore"):  # x²-like growth overflows: left out below
            _, grads = loss_and_gradients(net, x, labels)
            weight_norms[act.slug, init] = np.array([np.linalg.norm(g) for g in grads.weights])
            delta_norms[act.slug, init] = np.array([np.linalg.norm(d) for d in grads.deltas])
overflowed = [a for a in ACTIVATIONS if not all(np.isfinite(weight_norms[a.slug, i]).all()
                                                and np.isfinite(delta_norms[a.slug, i]).all() for i in INITIALISERS)]
for a in overflowed:
    print(f"left out: {a.name}, whose forward pass overflows float64 within {DEPTH} layers for some "
          "initialiser (it grows like x² for large inputs, and these layers are not normalised)")
ACTIVATIONS = [a for a in ACTIVATIONS if a not in overflowed]
layers = np.arange(1, len(sizes))


# %%
def small_multiples(norms, title, ylabel, alt):
    # one panel per initialiser, stacked: the width of the page; the legend below
    fig, axes = plt.subplots(3, 1, figsize=(7.2, 12), sharex=True, sharey=True)
    for ax, init in zip(axes, INITIALISERS):
        for i, act in enumerate(ACTIVATIONS):
            # markers at staggered layers, so curves lying on top of each other stay visible
            ax.plot(layers, norms[act.slug, init], label=act.name, markevery=(i % 5, 5), markersize=5,
                    **line_style(i))
        ax.set_yscale("log")
        ax.set_title(f"{INIT_NAMES[init]} initialisation")
        ax.set_ylabel(ylabel)
    axes[-1].set_xlabel("layer (1 = next to the input, 41 = output layer)")
    fig.legend(*axes[0].get_legend_handles_labels(), title="activation", loc="lower center", ncol=4)
    fig.suptitle(title)
    fig.tight_layout(rect=(0, 0.09, 1, 1))
    show(fig, alt)


small_multiples(weight_norms, "Gradient of the loss with respect to each layer's weights,\nat initialisation",
                r"$\|\partial L / \partial W_l\|$ (log scale)",
                "Three panels, one per initialiser (Glorot, He, LeCun), of the norm of the weight gradient per layer "
                "on a log scale for nine activations. Sigmoid's falls by more than twenty orders of magnitude from "
                "the output layer to the first. The ReLU family's lines are level but tiny with Glorot and LeCun, "
                "and near 1 with He. Identity's is near 1 with Glorot and LeCun and very large with He.")

# %% [markdown]
# The weight gradient $\partial L/\partial W_l = a_{l-1}^\top \delta_l$ multiplies what
# flows forward (the layer's input $a_{l-1}$) by what flows backward ($\delta_l$).
# The backward part alone, $\|\delta_l\| = \|\partial L/\partial z_l\|$, shows how the
# signal from the loss fades or grows on its way down:

# %%
small_multiples(delta_norms, "Backpropagated gradient with respect to\neach layer's pre-activations",
                r"$\|\partial L / \partial z_l\|$ (log scale)",
                "Three panels, one per initialiser, of the norm of the backpropagated gradient per layer on a log "
                "scale. Sigmoid's falls by more than twenty orders of magnitude towards the input. The ReLU "
                "family's falls steadily, about a millionfold, with Glorot and LeCun, and stays level with He. "
                "Identity's grows about a millionfold towards the input with He.")

# %% [markdown]
# The ratio of the first layer's gradient norm to the output layer's: 1 means the
# gradient reaches the input side undiminished, 1e-6 that it arrives a million
# times weaker.

# %%
print(table(["activation"] + [f"dW {INIT_NAMES[i]}" for i in INITIALISERS]
            + [f"dz {INIT_NAMES[i]}" for i in INITIALISERS],
            [[act.name] + [f"{weight_norms[act.slug, i][0] / weight_norms[act.slug, i][-1]:.1e}" for i in INITIALISERS]
             + [f"{delta_norms[act.slug, i][0] / delta_norms[act.slug, i][-1]:.1e}" for i in INITIALISERS]
             for act in ACTIVATIONS]))
print()
print(table(["activation"] + [f"|dL/dW_1| {INIT_NAMES[i]}" for i in INITIALISERS],
            [[act.name] + [f"{weight_norms[act.slug, i][0]:.1e}" for i in INITIALISERS] for act in ACTIVATIONS]))

# %% [markdown]
# ## What it shows
#
# - **Sigmoid** loses the gradient under every initialiser: from the output layer
#   down to the first layer it shrinks by more than twenty orders of magnitude,
#   so the first layers of a 40-layer sigmoid network get practically nothing.
# - **ReLU, Leaky ReLU, PReLU and ReLU6 with Glorot or LeCun** (variance 1/n
#   here): the backpropagated gradient $\partial L/\partial z_l$ shrinks by a
#   steady factor per layer and arrives at the first layer roughly a million
#   times weaker (PReLU somewhat less). Their *weight* gradients look level across the layers, but at a
#   tiny size in every layer: the forward activations shrink in the same way, and
#   $\partial L/\partial W_l = a_{l-1}^\top \delta_l$ multiplies the two. With
#   **He** initialisation both stay within a small factor of 1 from the output to
#   the input.
# - **Identity** keeps the gradient's size with Glorot or LeCun, and explodes with
#   He: the first layer's backpropagated gradient is about a million times the
#   output layer's, and every weight gradient is huge.
# - **Tanh and ELU** lose a modest factor over the 40 layers with Glorot or LeCun
#   and gain a modest factor with He; **SELU** gains a little with LeCun and
#   much more with He.
# - The Glorot and LeCun panels are almost the same picture: with square hidden
#   layers the two initialisers have the same variance, and they differ only in
#   the output layer.
