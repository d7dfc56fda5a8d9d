"""selu: its declaration (see scripts/activations.py for the fields)."""

from activations import (
    Activation, Framework, Identity, JAXDOC, KERAS_ACTIVATIONS, Naive, Param, PT, Reference, TFDOC,
    TorchGain, UsedIn,
)

ACTIVATION = Activation(
    slug="selu",
    name="SELU",
    family="exponential",
    symbol=r"\operatorname{SELU}",
    aliases=("scaled exponential linear unit", "self-normalizing"),
    expr="Piecewise((lamda*alpha*(exp(x) - 1), x < 0), (lamda*x, True))",
    constants=(
        Param("ALPHA", "alpha", "1.6732632423543772848170429916717", "α of Klambauer et al. (2017)"),
        Param("SCALE", "lamda", "1.0507009873554804934193349852946", "λ of Klambauer et al. (2017)"),
    ),
    plot_range=(-5, 3),
    kink_derivative={"0": "lamda*alpha"},
    identities=(
        Identity("SELU is a scaled ELU", "f(x)", "lamda*elu(x, alpha=alpha)"),
    ),
    framework_kink_derivative={"0": {"PyTorch": "λα", "Keras": "λα", "TensorFlow": "λ", "JAX": "λα"}},
    frameworks=(
        Framework("PyTorch", ("torch.nn.SELU(inplace=False)", "torch.nn.functional.selu(x)"),
                  "Pair it with `torch.nn.AlphaDropout` and LeCun-normal initialisation.",
                  PT + "torch.nn.functional.selu.html"),
        Framework("Keras", ("keras.activations.selu(x)",),
                  "Pair it with `kernel_initializer=\"lecun_normal\"` and `keras.layers.AlphaDropout`.",
                  KERAS_ACTIVATIONS),
        Framework("JAX", ("jax.nn.selu(x)",), "", JAXDOC + "jax.nn.selu.html"),
        Framework("TensorFlow", ("tf.nn.selu(x)",),
                  "Its kernel multiplies by its own λα literal, 1.7580993408473768599…, so `−selu(−inf)` "
                  "is one unit in the last place above PyTorch's and JAX's.", TFDOC + "tf/nn/selu"),
    ),
    references=(
        Reference("G. Klambauer, T. Unterthiner, A. Mayr, S. Hochreiter", 2017, "Self-normalizing neural networks",
                  "https://arxiv.org/abs/1706.02515", "Introduced it and derived α and λ."),
    ),
    used_in=(UsedIn("Self-normalizing networks (SNNs)", "https://arxiv.org/abs/1706.02515"),),
    concepts=("concepts/selu.md", "concepts/initialisation.md",
              "experiments/activation_statistics.py", "concepts/errata.md"),
    naive=Naive("SCALE * np.where(x > 0, x, ALPHA * (np.exp(x) - 1))",
                   "SCALE * np.where(x > 0, 1.0, ALPHA * np.exp(x))"),
    torch_gain=TorchGain(
        "selu", "3/4",
        "$3/4$ was \"found empirically\" (PyTorch's source, pull request 50664) to keep gradients stable in "
        "deep networks; PyTorch's documentation says to use `nonlinearity=\"linear\"` (gain 1) for "
        "self-normalising networks, and the quadrature confirms that 1 is the variance-preserving gain."),
)
