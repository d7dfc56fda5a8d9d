"""tanh: its declaration (see scripts/activations.py for the fields)."""

from activations import (
    Activation, HiddenAct, Framework, Identity, KERAS_ACTIVATIONS, Naive, PT, Reference, TFDOC, TorchGain,
    UsedIn,
)

ACTIVATION = Activation(
    slug="tanh",
    name="Tanh",
    family="sigmoid",
    symbol=r"\tanh",
    aliases=("hyperbolic tangent",),
    expr="tanh(x)",
    plot_range=(-4, 4),
    identities=(
        Identity("Tanh is a rescaled sigmoid", "f(x)", "2*sigmoid(2*x) - 1"),
        Identity("The derivative in terms of the output", "df(x)", "1 - f(x)**2"),
        Identity("Tanh is odd", "f(-x)", "-f(x)"),
    ),
    frameworks=(
        Framework("PyTorch", ("torch.nn.Tanh()", "torch.tanh(x)"),
                  "Autograd returns tanh'(20) = 0 in float64 (exact: 1.7e-17), as do TensorFlow and JAX.",
                  PT + "torch.nn.Tanh.html"),
        Framework("Keras", ("keras.activations.tanh(x)", "keras.ops.tanh(x)"), "", KERAS_ACTIVATIONS),
        Framework("JAX", ("jax.numpy.tanh(x)",),
                  "In float64 (`jax_enable_x64`) `jnp.tanh(19.0)` is 0.99999999999999922, six units in "
                  "the last place below the correctly rounded value that PyTorch and TensorFlow return.",
                  "https://docs.jax.dev/en/latest/_autosummary/jax.numpy.tanh.html"),
        Framework("TensorFlow", ("tf.math.tanh(x)",), "", TFDOC + "tf/math/tanh"),
    ),
    references=(
        Reference("Y. LeCun, L. Bottou, G. B. Orr, K.-R. Müller", 1998, "Efficient BackProp",
                  "https://doi.org/10.1007/3-540-49430-8_2",
                  "Why a zero-centred, symmetric activation such as tanh trains faster than the logistic sigmoid."),
    ),
    used_in=(UsedIn("LSTM cell input and output", "https://doi.org/10.1162/neco.1997.9.8.1735",
                    "Hochreiter and Schmidhuber 1997"),),
    concepts=("concepts/vanishing-gradients.md", "concepts/initialisation.md",
              "experiments/activation_statistics.py", "concepts/errata.md"),
    naive=Naive("(np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x))", "1 - np.tanh(x) ** 2"),
    numpy_reference="np.tanh(x)",
    torch_gain=TorchGain(
        "tanh", "5/3",
        "PyTorch documents no derivation for $5/3$; it keeps the variance of deep tanh networks steady, "
        "but not at 1."),
    hidden_act=(HiddenAct("tanh", note="PyTorch's `nn.Tanh`"),),
)
