"""lisht: its declaration (see scripts/activations.py for the fields)."""

from activations import Activation, Identity, Naive, Reference

ACTIVATION = Activation(
    slug="lisht",
    name="LiSHT",
    family="self_gated",
    symbol=r"\operatorname{LiSHT}",
    aliases=("linearly scaled hyperbolic tangent", "x·tanh(x)"),
    expr="x*tanh(x)",
    plot_range=(-3, 3),
    identities=(
        Identity("Even: LiSHT(−x) = LiSHT(x)", "f(-x)", "f(x)"),
        Identity("The derivative: tanh plus x times sech²", "df(x)", "tanh(x) + x*(1 - tanh(x)**2)"),
        Identity("The derivative is odd", "df(-x)", "-df(x)"),
        Identity("tanh as a rescaled sigmoid: x·(2σ(2x) − 1)", "f(x)", "x*(2*sigmoid(2*x) - 1)"),
        Identity("|x| minus LiSHT is |x| times 1 − tanh|x|, the gap to |x| that closes as |x| → ∞",
                 "Abs(x) - f(x)", "Abs(x)*(1 - tanh(Abs(x)))"),
    ),
    references=(
        Reference("S. K. Roy, S. Manna, S. R. Dubey, B. B. Chaudhuri", 2019,
                  "LiSHT: non-parametric linearly scaled hyperbolic tangent activation function for neural "
                  "networks", "https://arxiv.org/abs/1901.05894",
                  "Introduced it (arXiv, January 2019); published in Communications in Computer and "
                  "Information Science 1776, 462–476 (2023), https://doi.org/10.1007/978-3-031-31407-0_35."),
    ),
    naive=Naive("x * np.tanh(x)", "np.tanh(x) + x * (1 - np.tanh(x) ** 2)"),
)
