"""sparse_plus: its declaration (see scripts/activations.py for the fields)."""

from activations import Activation, Framework, Identity, JAXDOC, KERAS_ACTIVATIONS, Naive, Reference

ACTIVATION = Activation(
    slug="sparse_plus",
    name="Sparse plus",
    family="relu",
    symbol=r"\operatorname{sparseplus}",
    aliases=("sparseplus", "SparsePlus", "binary sparsemax loss"),
    expr="Piecewise((0, x <= -1), ((x + 1)**2/4, x < 1), (x, True))",
    plot_range=(-3, 3),
    # Differentiable at both joins (C¹): the snippet returns f'(c) there.
    kink_derivative={"-1": "0", "1": "1"},
    framework_kink_derivative={"-1": {"JAX": "0", "Keras": "0"}, "1": {"JAX": "1", "Keras": "1"}},
    identities=(
        Identity("The derivative is the sparse sigmoid, clip((x + 1)/2, 0, 1)", "df(x)",
                 "Min(Max((x + 1)/2, 0), 1)"),
        Identity("ReLU plus a quadratic bump on (−1, 1)", "f(x)", "relu(x) + Max(0, 1 - Abs(x))**2/4"),
        Identity("Reflection: the odd part is x/2, as for softplus", "f(x) - f(-x)", "x"),
        Identity("The form the snippet computes, with x clipped to [−1, 1] in the square", "f(x)",
                 "Piecewise((x, x >= 1), ((Min(Max(x, -1), 1) + 1)**2/4, True))"),
    ),
    frameworks=(
        Framework("Keras", ("keras.activations.sparse_plus(x)", "keras.ops.sparse_plus(x)"),
                  "On the JAX backend both call `jax.nn.sparse_plus`.", KERAS_ACTIVATIONS),
        Framework("JAX", ("jax.nn.sparse_plus(x)",),
                  "Written with two `jnp.where`, whose gradient also differentiates the branch not taken: "
                  "at x = ±inf, and at x = 1e308 where (x + 1)² overflows, `jax.grad` gives NaN (the "
                  "derivative is 0 or 1 there).",
                  JAXDOC + "jax.nn.sparse_plus.html"),
    ),
    references=(
        Reference("M. Blondel, A. F. T. Martins, V. Niculae", 2020, "Learning with Fenchel-Young losses",
                  "https://arxiv.org/abs/1901.02324",
                  "JMLR 21(35), 1–69. Their binary sparsemax loss of a logit s is sparse_plus(−s) for the "
                  "label 1 and sparse_plus(s) for 0 (as Optax's `sparsemax_loss` computes it, citing section "
                  "4.4); its derivative, the sparse sigmoid, is what JAX's `sparse_sigmoid` cites section 6.2 "
                  "for."),
    ),
    concepts=("concepts/dying-relu.md",),
    naive=Naive("np.where(x <= -1, 0.0, np.where(x >= 1, x, (x + 1)**2 / 4))",
                "np.where(x <= -1, 0.0, np.where(x >= 1, 1.0, (x + 1) / 2))"),
)
