"""sigmoid: its declaration (see scripts/activations.py for the fields)."""

from activations import (
    Activation, HiddenAct, Framework, Identity, JAXDOC, KERAS_ACTIVATIONS, Naive, PT, Reference, TFDOC,
    TorchGain, UsedIn,
)

ACTIVATION = Activation(
    slug="sigmoid",
    name="Sigmoid",
    family="sigmoid",
    symbol=r"\sigma",
    aliases=("logistic", "logistic sigmoid", "soft step", "expit"),
    expr="1 / (1 + exp(-x))",
    plot_range=(-8, 8),
    identities=(
        Identity("The derivative in terms of the output", "df(x)", "f(x)*(1 - f(x))"),
        Identity("Symmetry", "f(-x)", "1 - f(x)"),
        Identity("Stable form for the tails", "df(x)", "f(x)*f(-x)"),
    ),
    frameworks=(
        Framework("PyTorch", ("torch.nn.Sigmoid()", "torch.sigmoid(x)"),
                  "Like every framework checked, autograd returns σ'(40) = 0 in float64 "
                  "(exact: 4.25e-18): the backward pass uses σ(1 − σ).", PT + "torch.nn.Sigmoid.html"),
        Framework("Keras", ("keras.activations.sigmoid(x)", "keras.ops.sigmoid(x)"), "", KERAS_ACTIVATIONS),
        Framework("JAX", ("jax.nn.sigmoid(x)",), "", JAXDOC + "jax.nn.sigmoid.html"),
        Framework("TensorFlow", ("tf.nn.sigmoid(x)",), "", TFDOC + "tf/math/sigmoid"),
    ),
    references=(
        Reference("D. E. Rumelhart, G. E. Hinton, R. J. Williams", 1986,
                  "Learning representations by back-propagating errors", "https://doi.org/10.1038/323533a0",
                  "Backpropagation through logistic units."),
        Reference("G. Cybenko", 1989, "Approximation by superpositions of a sigmoidal function",
                  "https://doi.org/10.1007/BF02551274", "Universal approximation with sigmoidal units."),
    ),
    used_in=(UsedIn("LSTM gates", "https://doi.org/10.1162/neco.1997.9.8.1735",
                    "Hochreiter and Schmidhuber 1997"),
             UsedIn("Binary classification outputs (logistic regression)", "https://doi.org/10.1038/323533a0")),
    concepts=("concepts/vanishing-gradients.md", "concepts/initialisation.md", "experiments/gradient_flow.py"),
    naive=Naive("1 / (1 + np.exp(-x))", "s = 1 / (1 + np.exp(-x)); s * (1 - s)"),
    scipy="scipy.special.expit(x)",
    torch_gain=TorchGain(
        "sigmoid", "1",
        "PyTorch documents no derivation for 1: it is neither $1/\\sqrt{E[\\sigma(Z)^2]}$ nor the "
        "linearised $1/\\sigma'(0) = 4$."),
    hidden_act=(HiddenAct("sigmoid", note="PyTorch's `nn.Sigmoid`"),),
)
