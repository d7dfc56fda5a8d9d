"""lecun_tanh: its declaration (see scripts/activations.py for the fields)."""

from activations import Activation, Identity, Naive, Param, Reference

ACTIVATION = Activation(
    slug="lecun_tanh",
    name="LeCun tanh",
    family="sigmoid",
    symbol=r"\operatorname{LeCunTanh}",
    aliases=("scaled tanh", "1.7159 tanh(2x/3)", "recommended sigmoid"),
    expr="A*tanh(2*x/3)",
    constants=(
        Param("SCALE", "A", "1.7159", "A of LeCun et al. (1998), rounded: 1/tanh(2/3) = 1.71590470…"),
    ),
    plot_range=(-6, 6),
    identities=(
        Identity("A scaled tanh, as a scaled sigmoid", "f(x)", "A*(2*sigmoid(4*x/3) - 1)"),
        Identity("The derivative in terms of the output", "df(x)", "2*(A**2 - f(x)**2)/(3*A)"),
        Identity("It is odd", "f(-x)", "-f(x)"),
    ),
    references=(
        Reference("Y. LeCun, L. Bottou, G. B. Orr, K.-R. Müller", 1998, "Efficient BackProp",
                  "https://doi.org/10.1007/3-540-49430-8_2",
                  "Recommends f(x) = 1.7159 tanh(2x/3), with f(±1) = ±1, for inputs normalised to "
                  "variance 1 and targets ±1."),
    ),
    concepts=("concepts/vanishing-gradients.md", "concepts/initialisation.md"),
    naive=Naive("SCALE * np.tanh(2 * x / 3)", "SCALE * 2 / 3 * (1 - np.tanh(2 * x / 3) ** 2)"),
    numpy_reference="1.7159 * np.tanh(x / 1.5)",
)
