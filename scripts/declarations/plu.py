"""plu: its declaration (see scripts/activations.py for the fields)."""

from activations import Activation, Identity, Naive, Param, Reference

ACTIVATION = Activation(
    slug="plu",
    name="PLU",
    family="relu",
    symbol=r"\operatorname{PLU}",
    aliases=("piecewise linear unit",),
    expr="Piecewise((alpha*(x + c) - c, x < -c), (x, x <= c), (alpha*(x - c) + c, True))",
    params=(
        Param("alpha", "alpha", "0.1", "slope outside [−c, c]", family=("0.05", "0.1", "0.5")),
        Param("c", "c", "1", "half-width of the interval [−c, c] where PLU is the identity",
              family=("0.5", "1", "2")),
    ),
    plot_range=(-4, 4),
    kink_derivative={"-1": "1", "1": "1"},
    identities=(
        Identity("At α = 0.1, c = 1 it is the max–min formula of the paper",
                 "f(x, alpha=Rational(1, 10), c=1)",
                 "Max((x + 1)/10 - 1, Min((x - 1)/10 + 1, x))"),
        Identity("PLU is odd (shown for c = 1, any α)", "f(-x, c=1)", "-f(x, c=1)"),
        Identity("With α = 1 it is the identity", "f(x, alpha=1)", "x"),
        Identity("With α = 0 it is Hardtanh with bounds ±c",
                 "f(x, alpha=0, c=1)", "hardtanh(x)"),
    ),
    references=(
        Reference("A. Nicolae", 2018, "PLU: the piecewise linear unit activation function",
                  "https://arxiv.org/abs/1809.09534", "Introduced it, as a hybrid of tanh and ReLU."),
    ),
    concepts=("concepts/vanishing-gradients.md",),
    naive=Naive("np.maximum(alpha * (x + c) - c, np.minimum(alpha * (x - c) + c, x))",
                "np.where(np.abs(x) <= c, 1.0, alpha)"),
)
