"""bipolar_sigmoid: its declaration (see scripts/activations.py for the fields)."""

from activations import Activation, Identity, Naive

ACTIVATION = Activation(
    slug="bipolar_sigmoid",
    name="Bipolar sigmoid",
    family="sigmoid",
    symbol=r"\operatorname{bisig}",
    aliases=("bipolar logistic", "symmetric sigmoid", "2σ(x) − 1"),
    expr="(1 - exp(-x))/(1 + exp(-x))",
    plot_range=(-8, 8),
    identities=(
        Identity("It is tanh at half the input", "f(x)", "tanh(x/2)"),
        Identity("It is the logistic sigmoid stretched to (−1, 1)", "f(x)", "2*sigmoid(x) - 1"),
        Identity("The derivative in terms of the output", "df(x)", "(1 - f(x)**2)/2"),
        Identity("The derivative through the sigmoid", "df(x)", "2*sigmoid(x)*sigmoid(-x)"),
        Identity("The derivative as one fraction", "df(x)", "2*exp(-x)/(1 + exp(-x))**2"),
        Identity("It is odd", "f(-x)", "-f(x)"),
    ),
    no_reference="A textbook name for 2σ(x) − 1 = tanh(x/2), used in neural-network courses and libraries "
                 "(AForge.NET's BipolarSigmoidFunction); we could not check a first source.",
    concepts=("concepts/vanishing-gradients.md",),
    naive=Naive("(1 - np.exp(-x)) / (1 + np.exp(-x))", "2 * np.exp(-x) / (1 + np.exp(-x)) ** 2"),
    numpy_reference="np.tanh(x / 2)",
)
