# ---
# jupyter:
#   description: >-
#     The same small NumPy perceptron trained on two spirals with every elementwise
#     activation: loss curves over three seeds and decision boundaries.
# ---

# %% [markdown]
# # Training the same network with every activation
#
# Two interleaved spirals cannot be separated by a line; a small perceptron with
# two hidden layers of 32 units can learn them. This notebook trains that
# network once per elementwise activation of the catalog, with everything else
# equal:
#
# - the same data: 400 noisy points on two spirals for training, and 400 other
#   points drawn the same way (another seed) to test on;
# - the same initial weights: He initialisation from the same seed, so for a
#   given seed every activation starts from identical weights;
# - the same training: full-batch Adam, learning rate 0.01, 1500 steps,
#   softmax cross-entropy;
# - three seeds (0, 1, 2) per activation, for the spread.
#
# The forward pass, the manual backpropagation (using each snippet's
# derivative) and Adam are in
# [`scripts/mlp.py`](https://github.com/activation-functions/activation-functions/blob/main/scripts/mlp.py).
# PReLU's slope is not trained here: it stays at its initial value 0.25, which
# makes it a Leaky ReLU with slope 0.25.

# %%
# mlp first: it asks for a single BLAS thread, which only works before NumPy loads
from mlp import (
    accuracy, elementwise_activations, init_mlp, line_style, plot_decision_boundary, setup_matplotlib, show,
    table, train, two_spirals
)

import matplotlib.pyplot as plt
import numpy as np

setup_matplotlib()

# %%
x, y = two_spirals(n=400, noise=0.05, seed=0)
x_test, y_test = two_spirals(n=400, noise=0.05, seed=1)

fig, ax = plt.subplots(figsize=(4.5, 4.5))
for label, marker, colour in ((0, "o", "#0072B2"), (1, "^", "#E69F00")):
    ax.scatter(*x[y == label].T, s=12, marker=marker, c=colour, label=f"class {label}")
ax.set_title("Training data: two spirals")
ax.set_xlabel("$x_1$")
ax.set_ylabel("$x_2$")
ax.set_aspect("equal")
ax.legend()
show(fig, "Scatter plot of the training data: 400 points on two interleaved spiral arms, class 0 as blue circles "
          "and class 1 as orange triangles.")

# %%
ACTIVATIONS = elementwise_activations()  # every elementwise activation of the catalog
SEEDS = range(3)
STEPS = 1500

losses, nets, train_acc, test_acc = {}, {}, {}, {}
for act in ACTIVATIONS:
    runs = []
    for seed in SEEDS:
        net = init_mlp([2, 32, 32, 2], act.slug, init="he", seed=seed)
        runs.append(train(net, x, y, optimizer="adam", lr=0.01, steps=STEPS, seed=seed))
        train_acc.setdefault(act.slug, []).append(accuracy(net, x, y))
        test_acc.setdefault(act.slug, []).append(accuracy(net, x_test, y_test))
        if seed == 0:
            nets[act.slug] = net
    losses[act.slug] = np.array(runs)
print("activations:", ", ".join(a.name for a in ACTIVATIONS))

# %% [markdown]
# Loss curves: the line is the mean over the three seeds, the shaded band the
# range from the best to the worst seed.

# %%
fig, ax = plt.subplots(figsize=(7.2, 5.6))  # the width of the page
shown = slice(None, None, 10)  # every 10th step is enough for the eye, and keeps the figure small
steps = np.arange(1, STEPS + 1)[shown]
for i, act in enumerate(ACTIVATIONS):
    style = line_style(i)
    runs = losses[act.slug][:, shown]
    ax.plot(steps, runs.mean(axis=0), label=act.name, markevery=(4 * i, 40), markersize=5, **style)
    ax.fill_between(steps, runs.min(axis=0), runs.max(axis=0), color=style["color"], alpha=0.12, linewidth=0)
ax.axhline(np.log(2), color="grey", linewidth=0.8, linestyle=(0, (1, 2)))
ax.annotate("ln 2: guessing", (STEPS, np.log(2)), xytext=(0, 4), textcoords="offset points", ha="right",
            color="grey")
ax.set_yscale("log")
ax.set_xlabel("Adam step")
ax.set_ylabel("training cross-entropy (log scale)")
ax.set_title("Two spirals: training loss per activation\n(mean and range over 3 seeds)")
ax.legend(title="activation", loc="lower left", ncol=2)
fig.tight_layout()
show(fig, "Training loss on a log scale over 1500 Adam steps for ten activations, mean and range over three seeds. "
          "Identity and binary step stay flat a little below ln 2; sigmoid falls slowly; tanh, ReLU, Leaky ReLU, "
          "PReLU, ELU, SELU and ReLU6 fall far below it, ReLU, ReLU6 and Leaky ReLU fastest at first.")

# %% [markdown]
# Decision boundaries after training (seed 0): the shading is the predicted
# probability of class 1, the black line where it is 50 %. Every second
# training point is drawn; the accuracy in the titles counts all of them.

# %%
columns = 3  # the width of the page
rows = -(-len(ACTIVATIONS) // columns)
fig, axes = plt.subplots(rows, columns, figsize=(2.4 * columns, 2.6 * rows), squeeze=False)
for ax, act in zip(axes.flat, ACTIVATIONS):
    plot_decision_boundary(ax, nets[act.slug], x, y, f"{act.name}: {train_acc[act.slug][0]:.0%} correct",
                           every=2)
for ax in axes.flat[len(ACTIVATIONS):]:
    ax.set_visible(False)
axes[0, 0].legend(loc="lower left", fontsize=9, framealpha=0.8)
fig.suptitle("Decision boundaries on the training data, seed 0")
fig.tight_layout()
show(fig, "Ten decision-boundary maps on the two spirals, one per activation. Identity draws one straight line "
          "and binary step a patchwork of straight stripes, both misclassifying many points; sigmoid's boundary "
          "follows only part of the spiral; the other seven follow both arms.")


# %%
def spread(values, fmt):
    values = np.asarray(values)
    return f"{fmt.format(values.mean())} ({fmt.format(values.min())}–{fmt.format(values.max())})"


print(table(["activation", "final loss", "training accuracy", "test accuracy"],
            [[act.name, spread(losses[act.slug][:, -1], "{:.2g}"), spread(train_acc[act.slug], "{:.1%}"),
              spread(test_acc[act.slug], "{:.1%}")] for act in ACTIVATIONS]))
print("mean over 3 seeds (smallest–largest)")

# %% [markdown]
# ## What it shows
#
# - **Identity** cannot fit the spirals: the network is one linear map, its
#   boundary a straight line, and its loss stays flat not far below ln 2.
#   **Binary step** does no better: its derivative is 0, so the hidden layers
#   never change and only the output layer learns on top of fixed random
#   step features.
# - **Sigmoid** learns, but slowly and unevenly: after the same number of steps
#   its loss is far above the others', and its accuracy differs the most
#   between seeds.
# - **Tanh, ReLU, Leaky ReLU, PReLU, ELU, SELU and ReLU6** all fit the spirals
#   and classify nearly every training and test point correctly. ReLU, ReLU6 and
#   Leaky ReLU bring the loss down fastest at the start, and their boundaries
#   are made of straight pieces; tanh, ELU and SELU draw smoother curves.
#   ReLU and ReLU6 follow nearly the same curve.
# - With Adam at this learning rate some runs have brief loss spikes (most
#   visible for SELU and PReLU), after which the loss comes back down.
