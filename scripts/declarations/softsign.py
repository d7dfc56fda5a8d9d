"""softsign: its declaration (see scripts/activations.py for the fields)."""

from activations import Activation, Framework, Identity, JAXDOC, KERAS_ACTIVATIONS, Naive, PT, Reference, TFDOC

ACTIVATION = Activation(
    slug="softsign",
    name="Softsign",
    family="sigmoid",
    symbol=r"\operatorname{softsign}",
    aliases=("ElliotSig", "Elliott sigmoid", "Elliott symmetric", "soft sign"),
    expr="x/(1 + Abs(x))",
    plot_range=(-8, 8),
    identities=(
        Identity("Softsign is odd", "f(-x)", "-f(x)"),
        Identity("Both pieces of the derivative are one formula", "df(x)", "(1 + Abs(x))**(-2)"),
        Identity("The derivative in terms of the output", "df(x)", "(1 - Abs(f(x)))**2"),
    ),
    framework_kink_derivative={"0": {"PyTorch": "1", "Keras": "1", "TensorFlow": "1", "JAX": "1"}},
    frameworks=(
        Framework("PyTorch", ("torch.nn.Softsign()", "torch.nn.functional.softsign(x)"), "",
                  PT + "torch.nn.Softsign.html"),
        Framework("Keras", ("keras.activations.softsign(x)", "keras.ops.softsign(x)"), "", KERAS_ACTIVATIONS),
        Framework("JAX", ("jax.nn.soft_sign(x)",), "", JAXDOC + "jax.nn.soft_sign.html"),
        Framework("TensorFlow", ("tf.nn.softsign(x)",), "", TFDOC + "tf/nn/softsign"),
    ),
    references=(
        Reference("D. L. Elliott", 1993, "A better activation function for artificial neural networks",
                  "https://hdl.handle.net/1903/5355",
                  "Introduced it (ISR Technical Report TR 93-8, University of Maryland)."),
        Reference("X. Glorot, Y. Bengio", 2010,
                  "Understanding the difficulty of training deep feedforward neural networks",
                  "https://proceedings.mlr.press/v9/glorot10a.html",
                  "Compared it with tanh and the logistic sigmoid in deep feed-forward networks."),
    ),
    concepts=("concepts/vanishing-gradients.md", "concepts/initialisation.md"),
    naive=Naive("x / (1 + np.abs(x))", "1 / (1 + np.abs(x)) ** 2"),
)
