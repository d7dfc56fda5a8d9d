"""elu: its declaration (see scripts/activations.py for the fields)."""

from activations import (
    Activation, Framework, JAXDOC, KERAS_ACTIVATIONS, Naive, Param, PT, Reference, TFDOC,
)

ACTIVATION = Activation(
    slug="elu",
    name="ELU",
    family="exponential",
    symbol=r"\operatorname{ELU}",
    aliases=("exponential linear unit",),
    expr="Piecewise((alpha*(exp(x) - 1), x < 0), (x, True))",
    params=(
        Param("alpha", "alpha", "1", "value approached as x → −∞ is −α",
              family=("0.5", "1", "2")),
    ),
    plot_range=(-5, 3),
    kink_derivative={"0": "alpha"},
    framework_kink_derivative={"0": {"PyTorch": "α", "Keras": "α", "TensorFlow": "1 (α is fixed at 1)",
                                     "JAX": "α"}},
    frameworks=(
        Framework("PyTorch", ("torch.nn.ELU(alpha=1.0, inplace=False)", "torch.nn.functional.elu(x, alpha=1.0)"),
                  "", PT + "torch.nn.ELU.html"),
        Framework("Keras", ("keras.activations.elu(x, alpha=1.0)", "keras.layers.ELU(alpha=1.0)"), "",
                  KERAS_ACTIVATIONS),
        Framework("JAX", ("jax.nn.elu(x, alpha=1.0)",), "", JAXDOC + "jax.nn.elu.html"),
        Framework("TensorFlow", ("tf.nn.elu(x)",), "No `alpha` argument: α = 1.", TFDOC + "tf/nn/elu"),
    ),
    references=(
        Reference("D.-A. Clevert, T. Unterthiner, S. Hochreiter", 2015,
                  "Fast and accurate deep network learning by exponential linear units (ELUs)",
                  "https://arxiv.org/abs/1511.07289", "Introduced it."),
    ),
    concepts=("concepts/dying-relu.md", "concepts/vanishing-gradients.md", "concepts/errata.md"),
    naive=Naive("np.where(x > 0, x, alpha * (np.exp(x) - 1))", "np.where(x > 0, 1.0, alpha * np.exp(x))"),
)
