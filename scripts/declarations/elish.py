"""elish: its declaration (see scripts/activations.py for the fields)."""

from activations import Activation, Identity, Naive, Reference, Variant

ACTIVATION = Activation(
    slug="elish",
    name="ELiSH",
    family="self_gated",
    symbol=r"\operatorname{ELiSH}",
    aliases=("exponential linear squashing activation",),
    expr="Piecewise(((exp(x) - 1)/(1 + exp(-x)), x < 0), (x/(1 + exp(-x)), True))",
    plot_range=(-5, 4),
    variants=(
        Variant(
            label="HardELiSH",
            kwargs={"form": "hard"},
            expr="Piecewise((0, x < -1), ((exp(x) - 1)*(x + 1)/2, x < 0), (x*(x + 1)/2, x < 1), (x, True))",
            kink_derivative={"-1": "0", "1": "1"},
            description=(
                "Basirat and Roth's hard version: the sigmoid replaced by the hard sigmoid "
                "max(0, min(1, (x + 1)/2)), so it is exactly 0 below −1 and exactly x above 1."),
        ),
    ),
    identities=(
        Identity("SiLU for x ≥ 0, ELU times the sigmoid for x < 0", "f(x)",
                 "Piecewise((elu(x)*sigmoid(x), x < 0), (silu(x), True))"),
        Identity("For x < 0 it is eˣ·tanh(x/2), the form the snippet computes (no cancellation)", "f(x)",
                 "Piecewise((exp(x)*tanh(x/2), x < 0), (x/(1 + exp(-x)), True))"),
    ),
    references=(
        Reference("M. Basirat, P. M. Roth", 2018, "The quest for the golden activation function",
                  "https://arxiv.org/abs/1808.00783",
                  "Introduced ELiSH and HardELiSH, next to a genetic search for activation functions."),
    ),
    naive=Naive("np.where(x >= 0, x, np.exp(x) - 1) / (1 + np.exp(-x))",
                "s = 1 / (1 + np.exp(-x)); "
                "np.where(x >= 0, s * (1 + x * (1 - s)), np.exp(x) * s + (np.exp(x) - 1) * s * (1 - s))"),
)
