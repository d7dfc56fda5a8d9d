"""gcu: its declaration (see scripts/activations.py for the fields)."""

from activations import Activation, Identity, Naive, Reference

ACTIVATION = Activation(
    slug="gcu",
    name="GCU",
    family="periodic",
    symbol=r"\operatorname{GCU}",
    aliases=("growing cosine unit", "x cos x", "oscillatory activation"),
    expr="x*cos(x)",
    plot_range=(-10, 10),
    identities=(
        Identity("It is odd", "f(-x)", "-f(x)"),
        Identity("The derivative", "df(x)", "cos(x) - x*sin(x)"),
        Identity("Shifted by π it changes sign and grows by π cos x", "f(x + pi)", "-f(x) - pi*cos(x)"),
    ),
    references=(
        Reference("M. M. Noel, A. L, A. Trivedi, P. Dutta", 2021,
                  "Growing cosine unit: a novel oscillatory activation function that can speedup "
                  "training and reduce parameters in convolutional neural networks",
                  "https://arxiv.org/abs/2108.12943",
                  "Introduced it as C(z) = z·cos z."),
    ),
    naive=Naive("x * np.cos(x)", "np.cos(x) - x * np.sin(x)"),
)
