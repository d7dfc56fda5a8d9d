"""isru: its declaration (see scripts/activations.py for the fields)."""

from activations import Activation, Identity, Naive, Param, Reference

ACTIVATION = Activation(
    slug="isru",
    name="ISRU",
    family="sigmoid",
    symbol=r"\operatorname{ISRU}",
    aliases=("inverse square root unit",),
    expr="x/sqrt(1 + alpha*x**2)",
    params=(
        Param("alpha", "alpha", "1", "α > 0: the output lies in (−1/√α, 1/√α); the slope at 0 is 1 for every α",
              family=("0.25", "1", "4")),
    ),
    plot_range=(-6, 6),
    identities=(
        Identity("ISRU is odd", "f(-x)", "-f(x)"),
        Identity("The derivative is the cube of f(x)/x", "df(x)", "(1 + alpha*x**2)**(-3/2)"),
        Identity("The derivative in terms of the output", "df(x)", "(1 - alpha*f(x)**2)**(3/2)"),
        Identity("With α = 1 it is x/√(1 + x²)", "f(x, alpha=1)", "x/sqrt(1 + x**2)"),
    ),
    references=(
        Reference("B. Carlile, G. Delamarter, P. Kinney, A. Marti, B. Whitney", 2017,
                  "Improving deep learning by inverse square root linear units (ISRLUs)",
                  "https://arxiv.org/abs/1710.09967",
                  "Introduced ISRU, as a cheaper replacement for tanh and the sigmoid in recurrent networks, "
                  "next to ISRLU (ISRU for x < 0, the identity for x ≥ 0)."),
    ),
    naive=Naive("x / np.sqrt(1 + alpha * x**2)", "(1 / np.sqrt(1 + alpha * x**2)) ** 3"),
)
