"""sparse_sigmoid: its declaration (see scripts/activations.py for the fields)."""

from activations import Activation, Framework, Identity, JAXDOC, KERAS_ACTIVATIONS, Naive, Reference

ACTIVATION = Activation(
    slug="sparse_sigmoid",
    name="Sparse sigmoid",
    family="sigmoid",
    symbol=r"\operatorname{sparse\_sigmoid}",
    aliases=("sparse_sigmoid", "sparsemax sigmoid", "two-class sparsemax"),
    expr="Piecewise((0, x <= -1), ((x + 1)/2, x < 1), (1, True))",
    plot_range=(-3, 3),
    kink_derivative={"-1": "0", "1": "0"},
    framework_kink_derivative={
        "-1": {"JAX": "1/4", "Keras": "1/4"},
        "1": {"JAX": "1/4", "Keras": "1/4"},
    },
    identities=(
        Identity("The line (x + 1)/2 clipped to [0, 1]", "f(x)", "Min(Max((x + 1)/2, 0), 1)"),
        Identity("Hardtanh moved from [−1, 1] to [0, 1]", "f(x)", "(hardtanh(x) + 1)/2"),
        Identity("ReLU6 of 3(x + 1), scaled to [0, 1]", "f(x)", "relu6(3*x + 3)/6"),
        Identity("Symmetric about (0, 1/2), as the sigmoid", "f(x) + f(-x)", "1"),
        Identity("The derivative of the sparse plus, as the sigmoid is the derivative of softplus", "f(x)",
                 "Derivative(sparse_plus(x), x)"),
    ),
    frameworks=(
        Framework("Keras", ("keras.activations.sparse_sigmoid(x)", "keras.ops.sparse_sigmoid(x)"),
                  "No `keras.layers` class. On the JAX backend the gradient at ±1 is 1/4, as in JAX.",
                  KERAS_ACTIVATIONS),
        Framework("JAX", ("jax.nn.sparse_sigmoid(x)",),
                  "Computed as `0.5 * jnp.clip(x + 1.0, 0.0, 2.0)`: at ±1 the clip's bound equals its "
                  "input and autodiff gives half of the slope 1/2 there, 1/4, where the snippet (and the "
                  "definition's closed pieces x ≤ −1 and x ≥ 1) give 0.",
                  JAXDOC + "jax.nn.sparse_sigmoid.html"),
    ),
    references=(
        Reference("M. Blondel, A. F. T. Martins, V. Niculae", 2020, "Learning with Fenchel-Young losses",
                  "https://arxiv.org/abs/1901.02324",
                  "JMLR 21 (2020); its section 6.2, which JAX's and Keras' documentation cite: the sparse "
                  "sigmoid is the two-class case of sparsemax."),
        Reference("A. F. T. Martins, R. F. Astudillo", 2016,
                  "From softmax to sparsemax: a sparse model of attention and multi-label classification",
                  "https://arxiv.org/abs/1602.02068",
                  "Sparsemax (ICML 2016); with two inputs its first output is this function of their difference."),
    ),
    concepts=("concepts/vanishing-gradients.md",),
    naive=Naive("0.5 * np.clip(x + 1, 0, 2)", "np.where(np.abs(x) < 1, 0.5, 0.0)"),
)
