"""golu: its declaration (see scripts/activations.py for the fields)."""

from activations import Activation, Identity, Naive, Reference

ACTIVATION = Activation(
    slug="golu",
    name="GoLU",
    family="self_gated",
    symbol=r"\operatorname{GoLU}",
    aliases=("Gompertz linear unit", "Gompertz gated linear unit"),
    expr="x*exp(-exp(-x))",
    plot_range=(-5, 4),
    identities=(
        Identity("The derivative: the Gompertz gate times 1 + x·e^(−x)", "df(x)",
                 "exp(-exp(-x))*(1 + x*exp(-x))"),
        Identity("x minus GoLU is x times the Gompertz complement 1 − exp(−e^(−x))",
                 "x - f(x)", "x*(1 - exp(-exp(-x)))"),
    ),
    references=(
        Reference("I. Das, M. Safari, S. Adriaensen, F. Hutter", 2025,
                  "Gompertz linear units: leveraging asymmetry for enhanced learning dynamics",
                  "https://arxiv.org/abs/2502.03654",
                  "Introduced it; code and a CUDA kernel for PyTorch at https://github.com/automl/GoLU."),
    ),
    naive=Naive("x * np.exp(-np.exp(-x))", "np.exp(-np.exp(-x)) * (1 + x * np.exp(-x))"),
)
