# ---
# jupyter:
#   description: >-
#     A linear model cannot fit a noisy XOR; one hidden layer of tanh or ReLU can. Loss curves
#     and decision boundaries of small NumPy networks.
# ---

# %% [markdown]
# # XOR: why a hidden non-linearity is needed
#
# XOR labels a point by whether its two coordinates have the same sign. No
# straight line separates the two classes, so a model whose output is a linear
# function of the input cannot fit it, however it is trained. Here the data are
# a noisy XOR: four Gaussian blobs around (±1, ±1).
#
# Three networks with the same shape (2 inputs, 8 hidden units, 2 outputs) are
# trained in the same way: full-batch Adam on the softmax cross-entropy. They
# differ only in the hidden activation:
#
# - **identity**: the hidden layer does nothing non-linear, so the whole
#   network collapses to one linear map, a linear classifier;
# - **tanh** and **ReLU**: one non-linear hidden layer.
#
# The network, its manual backpropagation and the training loop are in
# [`scripts/mlp.py`](https://github.com/activation-functions/activation-functions/blob/main/scripts/mlp.py);
# the activations and their derivatives come from the site's tested snippets.

# %%
# mlp first: it asks for a single BLAS thread, which only works before NumPy loads
from mlp import (
    INIT_NAMES, accuracy, activation, elementwise_activations, init_mlp, line_style,
    plot_decision_boundary, setup_matplotlib, show, table, train, xor_blobs
)

import matplotlib.pyplot as plt
import numpy as np

setup_matplotlib()

# %% [markdown]
# The data: 200 points, labels balanced up to sampling noise.

# %%
x, y = xor_blobs(n=200, noise=0.35, seed=0)
print(f"{len(x)} points, {np.mean(y == 1):.0%} in class 1")

# %% [markdown]
# Each network is trained from five different initial weights (seeds 0 to 4),
# so the curves show a mean and the spread between the best and the worst seed.
# Glorot initialisation for identity and tanh, He for ReLU.

# %%
MODELS = {"identity": "glorot", "tanh": "glorot", "relu": "he"}  # hidden activation: initialiser
NAMES = {a.slug: a.name for a in elementwise_activations()}  # display names from the catalog
SEEDS = range(5)
STEPS = 400

losses, nets, accuracies = {}, {}, {}
for slug, init in MODELS.items():
    runs = []
    for seed in SEEDS:
        net = init_mlp([2, 8, 2], slug, init=init, seed=seed)
        runs.append(train(net, x, y, optimizer="adam", lr=0.03, steps=STEPS))
        accuracies.setdefault(slug, []).append(accuracy(net, x, y))
        if seed == 0:
            nets[slug] = net
    losses[slug] = np.array(runs)

print(table(["hidden activation", "init", "final loss (mean)", "training accuracy (mean)", "worst seed's accuracy"],
            [[NAMES[slug], INIT_NAMES[init], f"{losses[slug][:, -1].mean():.3f}", f"{np.mean(accuracies[slug]):.1%}",
              f"{np.min(accuracies[slug]):.1%}"] for slug, init in MODELS.items()]))
print(f"ln 2 = {np.log(2):.3f}, the loss of always answering 50 % / 50 %")

# %%
# the width of the page, so that text keeps its size: the loss, then the boundaries
fig, axes = plt.subplots(2, 2, figsize=(7.2, 7.6))
axes = axes.ravel()
ax = axes[0]
steps = np.arange(1, STEPS + 1)
for i, slug in enumerate(MODELS):
    style = line_style(i)
    ax.plot(steps, losses[slug].mean(axis=0), color=style["color"], linestyle=style["linestyle"],
            label=NAMES[slug])
    ax.fill_between(steps, losses[slug].min(axis=0), losses[slug].max(axis=0), color=style["color"], alpha=0.2,
                    linewidth=0)
ax.axhline(np.log(2), color="grey", linewidth=0.8, linestyle=(0, (1, 2)), label="ln 2 (guessing)")
ax.set_yscale("log")
ax.set_title("Training loss (mean and range, 5 seeds)")
ax.set_xlabel("Adam step")
ax.set_ylabel("cross-entropy (log scale)")
ax.legend(title="hidden activation")
for ax, slug in zip(axes[1:], MODELS):
    plot_decision_boundary(ax, nets[slug], x, y, f"{NAMES[slug]}: {accuracy(nets[slug], x, y):.1%} correct (seed 0)")
axes[1].legend(loc="lower left", fontsize=9, framealpha=0.8)
fig.suptitle("Noisy XOR: a linear model against one hidden layer of tanh or ReLU")
fig.tight_layout()
show(fig, "Top left: training loss on a log scale over 400 Adam steps for the identity, tanh and ReLU networks; the "
          "identity network's loss stays flat near ln 2, while tanh's and ReLU's fall far below it. The other "
          "three panels: the decision boundaries on the noisy XOR data: the identity network's is one straight line across "
          "the four blobs, tanh's a smooth curve and ReLU's made of straight pieces, both separating the blobs.")

# %% [markdown]
# Why the identity network is linear: with $f(z) = z$ the two layers compose to
# $z_2 = (x W_1 + b_1) W_2 + b_2 = x (W_1 W_2) + (b_1 W_2 + b_2)$, one matrix and one bias.
# The check below multiplies the trained weights out and gets the same outputs.

# %%
net = nets["identity"]
f, _ = activation("identity")
one_layer = x @ (net.weights[0] @ net.weights[1]) + (net.biases[0] @ net.weights[1] + net.biases[1])
two_layers = f(x @ net.weights[0] + net.biases[0]) @ net.weights[1] + net.biases[1]
print("identity network equals one linear layer:", bool(np.allclose(one_layer, two_layers)))

# %% [markdown]
# ## What it shows
#
# - The network without a hidden non-linearity stays close to the loss of
#   guessing (ln 2) and classifies no better than a coin toss; its
#   decision boundary is a single straight line, which cannot separate the
#   four blobs. Multiplying out its weights gives one linear layer, as the
#   algebra says.
# - With tanh or ReLU in the hidden layer the loss falls far below ln 2 for
#   every seed, and nearly every training point is classified correctly. The
#   boundary bends around the blobs: smooth curves for tanh, straight pieces
#   joined at corners for ReLU (a ReLU network is piecewise linear).
