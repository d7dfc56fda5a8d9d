"""isrlu: its declaration (see scripts/activations.py for the fields)."""

from activations import Activation, Identity, Naive, Param, Reference

ACTIVATION = Activation(
    slug="isrlu",
    name="ISRLU",
    family="exponential",
    symbol=r"\operatorname{ISRLU}",
    aliases=("inverse square root linear unit",),
    expr="Piecewise((x/sqrt(1 + alpha*x**2), x < 0), (x, True))",
    params=(
        Param("alpha", "alpha", "1", "ISRLU(x) → −1/√α as x → −∞",
              family=("0.25", "1", "4")),
    ),
    plot_range=(-5, 3),
    identities=(
        Identity("For x < 0 it is the inverse square root unit x/√(1 + αx²); for x ≥ 0 the identity",
                 "f(x)", "relu(x) + Min(x, 0)/sqrt(1 + alpha*Min(x, 0)**2)"),
        Identity("The derivative for x < 0 is the cube of f(x)/x",
                 "df(x)", "Piecewise(((1 + alpha*x**2)**Rational(-3, 2), x < 0), (1, True))"),
    ),
    references=(
        Reference("B. Carlile, G. Delamarter, P. Kinney, A. Marti, B. Whitney", 2017,
                  "Improving deep learning by inverse square root linear units (ISRLUs)",
                  "https://arxiv.org/abs/1710.09967",
                  "Introduced ISRLU, and the inverse square root unit (ISRU) x/√(1 + αx²) for RNNs."),
    ),
    concepts=("concepts/dying-relu.md",),
    naive=Naive("np.where(x < 0, x / np.sqrt(1 + alpha * x * x), x)",
                "np.where(x < 0, (1 + alpha * x * x) ** -1.5, 1.0)"),
)
