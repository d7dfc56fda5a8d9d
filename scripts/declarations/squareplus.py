"""squareplus: its declaration (see scripts/activations.py for the fields)."""

from activations import Activation, Framework, Identity, JAXDOC, KERAS_ACTIVATIONS, Naive, Param, Reference

ACTIVATION = Activation(
    slug="squareplus",
    name="Squareplus",
    family="relu",
    symbol=r"\operatorname{squareplus}",
    aliases=("square plus", "SquarePlus", "algebraic softplus", "algebraic rectifier"),
    expr="(x + sqrt(x**2 + b))/2",
    params=(
        Param("b", "b", "4", "size of the curved region around 0: squareplus(0) = √b/2, and b → 0 gives ReLU",
              family=("1", "4", "16")),
    ),
    plot_range=(-5, 5),
    identities=(
        Identity("Reflection: the odd part is x/2", "f(x) - f(-x)", "x"),
        Identity("The product of f(x) and f(−x) is b/4", "f(x)*f(-x)", "b/4"),
        Identity("The form without cancellation for x < 0, which the snippet computes", "f(x)",
                 "b/(2*(sqrt(x**2 + b) - x))"),
        Identity("The derivative in terms of the output", "df(x)", "f(x)/sqrt(x**2 + b)"),
        Identity("With b = 0 it is ReLU", "f(x, b=0)", "relu(x)"),
    ),
    frameworks=(
        Framework("Keras", ("keras.activations.squareplus(x, b=4)", "keras.ops.squareplus(x, b=4)"),
                  "On the JAX backend both call `jax.nn.squareplus`, with its tails (see the JAX tab). The "
                  "docstring of `keras.activations.squareplus` credits \"Ramachandran et al., 2021\"; the "
                  "paper it links, arXiv:2112.11687, is by J. T. Barron.",
                  KERAS_ACTIVATIONS),
        Framework("JAX", ("jax.nn.squareplus(x, b=4)",),
                  "Computed as written, `(x + jnp.sqrt(jnp.square(x) + b)) / 2`. In float64, x² overflows for "
                  "|x| above about 1.3e154, so `jax.nn.squareplus(-1e200)` is inf (exact: 1e−200), and the sum cancels "
                  "for large negative x: `jax.nn.squareplus(-1e10)` is 0 (exact: 1e−10), where its gradient "
                  "is negative (−1.8e−17; exact: 1e−20).",
                  JAXDOC + "jax.nn.squareplus.html"),
    ),
    references=(
        Reference("J. T. Barron", 2021, "Squareplus: a softplus-like algebraic rectifier",
                  "https://arxiv.org/abs/2112.11687",
                  "Introduced it, as a softplus that needs only addition, multiplication and a square root."),
    ),
    concepts=("concepts/dying-relu.md",),
    naive=Naive("(x + np.sqrt(x**2 + b)) / 2", "(1 + x / np.sqrt(x**2 + b)) / 2"),
)
