"""sqnl: its declaration (see scripts/activations.py for the fields)."""

from activations import Activation, Identity, Naive, Reference

ACTIVATION = Activation(
    slug="sqnl",
    name="SQNL",
    family="sigmoid",
    symbol=r"\operatorname{SQNL}",
    aliases=("square nonlinearity", "square non-linearity"),
    expr="Piecewise((-1, x < -2), (x + x**2/4, x < 0), (x - x**2/4, x <= 2), (1, True))",
    plot_range=(-4, 4),
    identities=(
        Identity("SQNL is odd", "f(-x)", "-f(x)"),
        Identity("It is c − c·|c|/4 of the input clipped to [−2, 2], c = Hardtanh(x) with bounds ±2",
                 "f(x)", "hardtanh(x, a=-2, b=2)*(1 - Abs(hardtanh(x, a=-2, b=2))/4)"),
        Identity("Its derivative is a triangle: 1 − |x|/2 on [−2, 2], 0 outside",
                 "df(x)", "Max(1 - Abs(x)/2, 0)"),
    ),
    references=(
        Reference("A. Wuraola, N. Patel", 2018,
                  "SQNL: a new computationally efficient activation function",
                  "https://doi.org/10.1109/IJCNN.2018.8489043",
                  "Introduced it (IJCNN 2018)."),
    ),
    concepts=("concepts/vanishing-gradients.md",),
    naive=Naive("np.where(x > 2, 1.0, np.where(x >= 0, x - x * x / 4, "
                "np.where(x >= -2, x + x * x / 4, -1.0)))",
                "np.where(np.abs(x) <= 2, 1 - np.abs(x) / 2, 0.0)"),
)
