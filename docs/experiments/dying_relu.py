# ---
# jupyter:
#   description: >-
#     How many units die during training at an ordinary and at a high learning rate, for ReLU,
#     Leaky ReLU and ELU, over five seeds.
# ---

# %% [markdown]
# # Dying ReLU
#
# A ReLU unit whose pre-activation $z = a W + b$ is negative for every input
# outputs 0 for every input, and its derivative there is 0 too. No gradient
# reaches its weights or its bias, so gradient descent cannot bring it back: the
# unit is *dead*. (It can only revive if the layers below it change its inputs.)
# A large learning rate makes this likely: one big step can push a bias far
# below every input it will ever see.
#
# Leaky ReLU and ELU were designed against this: for $z < 0$ Leaky ReLU keeps the
# slope 0.01 and ELU the slope $e^z$, so a unit that is negative for every input
# still gets a gradient.
#
# This notebook trains the same network with the three activations, at an
# ordinary and at a high learning rate, and after every 20 steps counts the
# units that are **dead by the same test for all three**: the pre-activation is
# $\le 0$ for every example of a fixed probe batch (here, the 400 training
# points).

# %%
# mlp first: it asks for a single BLAS thread, which only works before NumPy loads
from mlp import (
    accuracy, activation, forward, init_mlp, line_style, setup_matplotlib, show, table, train, two_spirals
)

import matplotlib.pyplot as plt
import numpy as np

setup_matplotlib()

# %% [markdown]
# The set-up: two interleaved spirals; a perceptron with three hidden layers of
# 64 units (192 hidden units in all), He initialisation; Adam on mini-batches of
# 32 points for 1000 steps; five seeds per configuration (the seed sets both the
# initial weights and the order of the mini-batches).

# %%
ACTIVATIONS = {"relu": "ReLU", "leaky_relu": "Leaky ReLU", "elu": "ELU"}  # the subject of this experiment
LEARNING_RATES = {0.003: "ordinary", 0.03: "high"}
SEEDS = range(5)
STEPS, EVERY = 1000, 20
SIZES = [2, 64, 64, 64, 2]

x, y = two_spirals(n=400, noise=0.1, seed=0)
probe = x  # fixed: every check uses the same 400 points


def dead_units(net):
    """One boolean per hidden unit: True if its pre-activation is <= 0 on every probe example."""
    _, cache = forward(net, probe)
    return np.concatenate([(z <= 0).all(axis=0) for z in cache.pre[:-1]])


def gradient_free_units(net):
    """One boolean per hidden unit: True if f'(z) = 0 on every probe example, so no gradient reaches it."""
    _, df = activation(net.activation)
    _, cache = forward(net, probe)
    return np.concatenate([(df(z) == 0).all(axis=0) for z in cache.pre[:-1]])


checkpoints = np.arange(0, STEPS + 1, EVERY)
results = {}  # (slug, lr) -> dict of arrays, one row per seed
for lr in LEARNING_RATES:
    for slug in ACTIVATIONS:
        dead, frozen, revived, acc = [], [], [], []
        for seed in SEEDS:
            net = init_mlp(SIZES, slug, init="he", seed=seed)
            masks = [dead_units(net)]

            def record(step, net):
                if step % EVERY == 0:
                    masks.append(dead_units(net))

            train(net, x, y, optimizer="adam", lr=lr, steps=STEPS, batch_size=32, seed=seed, callback=record)
            masks = np.array(masks)  # (checkpoint, unit)
            dead.append(masks.mean(axis=1))
            frozen.append(gradient_free_units(net).mean())
            revived.append((masks.any(axis=0) & ~masks[-1]).mean())  # dead at some check, alive at the end
            acc.append(accuracy(net, x, y))
        results[slug, lr] = {"dead": np.array(dead), "frozen": np.array(frozen), "revived": np.array(revived),
                             "accuracy": np.array(acc)}

# %%
fig, axes = plt.subplots(2, 1, figsize=(7.2, 8), sharex=True)  # the width of the page
for ax, (lr, speed) in zip(axes, LEARNING_RATES.items()):
    for i, (slug, name) in enumerate(ACTIVATIONS.items()):
        style = line_style(i)
        dead = results[slug, lr]["dead"]
        ax.plot(checkpoints, dead.mean(axis=0), label=f"{name} (mean of 5 seeds)", markevery=(3 * i, 10),
                markersize=5, **style)
        ax.fill_between(checkpoints, dead.min(axis=0), dead.max(axis=0), color=style["color"], alpha=0.18,
                        linewidth=0)
    ax.set_title(f"{speed.capitalize()} learning rate: Adam, lr = {lr}")
    ax.set_xlabel("training step")
    ax.set_ylim(0, 1)
for ax in axes:
    ax.set_ylabel("fraction of hidden units dead\n(pre-activation ≤ 0 on every probe point)")
axes[0].legend(title="shaded: range over seeds", loc="upper right")
fig.suptitle("Dead units during training: ReLU, Leaky ReLU and ELU")
fig.tight_layout()
show(fig, "Two panels, slow learning rate above and fast below, of the fraction of dead hidden units over "
          "1000 training steps for ReLU, Leaky ReLU and ELU, "
          "mean and range over five seeds. At learning rate 0.003 the fractions stay below about a tenth, ELU's "
          "near zero. At 0.03 they jump within the first steps and then stay level or creep up, ending near half "
          "for ReLU, over a third for Leaky ReLU and about a fifth for ELU.")

# %% [markdown]
# At the end of training, per configuration (mean over the five seeds, and the
# smallest and largest value):
#
# - **dead**: pre-activation $\le 0$ on every probe point;
# - **no gradient**: $f'(z) = 0$ on every probe point, so the unit's weights and
#   bias get a gradient of exactly 0;
# - **revived**: dead at one of the checks during training but alive at the end.


# %%
def spread(values, fmt="{:.0%}"):
    return f"{fmt.format(values.mean())} ({fmt.format(values.min())}–{fmt.format(values.max())})"


rows = []
for lr, speed in LEARNING_RATES.items():
    for slug, name in ACTIVATIONS.items():
        r = results[slug, lr]
        rows.append([f"{name}, lr = {lr}", spread(r["dead"][:, -1]), spread(r["frozen"]), spread(r["revived"]),
                     spread(r["accuracy"])])
print(table(["activation, learning rate", "dead", "no gradient", "revived", "training accuracy"], rows))

# %% [markdown]
# ## What it shows
#
# - At the **ordinary** learning rate few units are dead: for ReLU and Leaky
#   ReLU under a tenth, about as many as at initialisation; for ELU almost none.
# - At the **high** learning rate the share jumps within the first few dozen
#   steps and then stays roughly level or creeps up: close to half of the ReLU
#   units end up dead, over a third of the Leaky ReLU units and about a fifth of
#   the ELU units.
# - Only **ReLU**'s dead units receive no gradient at all: its "no gradient"
#   column equals its "dead" column. Leaky ReLU and ELU units that are negative
#   on every input still get a gradient, and at the high learning rate more of
#   them come back to life during training than ReLU units do.
# - By this test Leaky ReLU does not go negative much less often than ReLU.
#   What it changes is that such a unit is not stuck.
# - The training accuracy is about the same in all six configurations: this
#   network has enough spare units for two spirals, so losing many of them does
#   not stop it from fitting the data. It does mean that much of the network's
#   capacity is unused.
