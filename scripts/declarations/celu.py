"""celu: its declaration (see scripts/activations.py for the fields)."""

from activations import Activation, Framework, Identity, JAXDOC, KERAS_ACTIVATIONS, Naive, Param, PT, Reference

ACTIVATION = Activation(
    slug="celu",
    name="CELU",
    family="exponential",
    symbol=r"\operatorname{CELU}",
    aliases=("continuously differentiable exponential linear unit", "CeLU"),
    expr="Piecewise((alpha*(exp(x/alpha) - 1), x < 0), (x, True))",
    params=(
        Param("alpha", "alpha", "1", "value approached as x → −∞ is −α, and the scale of the curve",
              family=("0.5", "1", "2")),
    ),
    plot_range=(-5, 3),
    identities=(
        Identity("At α = 1 it is ELU", "f(x, alpha=1)", "elu(x, alpha=1)"),
        Identity("The form JAX and the snippet compute", "f(x)",
                 "Max(0, x) + alpha*(exp(Min(0, x)/alpha) - 1)"),
        Identity("The derivative is at most 1", "df(x)", "exp(Min(0, x)/alpha)"),
    ),
    framework_kink_derivative={"0": {"PyTorch": "1", "Keras": "1", "JAX": "1"}},
    frameworks=(
        Framework("PyTorch", ("torch.nn.CELU(alpha=1.0, inplace=False)", "torch.nn.functional.celu(x, alpha=1.0)"),
                  "", PT + "torch.nn.CELU.html"),
        Framework("Keras", ("keras.activations.celu(x, alpha=1.0)", "keras.ops.celu(x, alpha=1.0)"),
                  "No `CELU` layer: use `keras.layers.Activation(\"celu\")` (α = 1). TensorFlow 2.21 has no "
                  "`tf.nn.celu`; its `tf.keras.activations.celu` is this Keras function.",
                  KERAS_ACTIVATIONS),
        Framework("JAX", ("jax.nn.celu(x, alpha=1.0)",), "", JAXDOC + "jax.nn.celu.html"),
    ),
    references=(
        Reference("J. T. Barron", 2017, "Continuously differentiable exponential linear units",
                  "https://arxiv.org/abs/1704.07483", "Introduced it."),
        Reference("D.-A. Clevert, T. Unterthiner, S. Hochreiter", 2015,
                  "Fast and accurate deep network learning by exponential linear units (ELUs)",
                  "https://arxiv.org/abs/1511.07289", "The ELU it reparametrises."),
    ),
    concepts=("concepts/dying-relu.md", "concepts/vanishing-gradients.md"),
    naive=Naive("np.where(x > 0, x, alpha * (np.exp(x / alpha) - 1))", "np.where(x > 0, 1.0, np.exp(x / alpha))"),
)
