"""e_swish: its declaration (see scripts/activations.py for the fields)."""

from activations import Activation, Identity, Naive, Param, Reference

ACTIVATION = Activation(
    slug="e_swish",
    name="E-swish",
    family="self_gated",
    symbol=r"\operatorname{E-swish}",
    aliases=("E-swish", "Eswish", "βx·sigmoid(x)"),
    expr="beta*x/(1 + exp(-x))",
    params=(
        Param("beta", "beta", "1.5", "multiplies SiLU; β = 1 is SiLU. Alcaide found 1 ≤ β ≤ 2 to work, "
              "about 1.5 for shallow and mid-sized networks, 1.125 to 1.25 for a deeper CNN",
              family=("1", "1.25", "1.5", "2")),
    ),
    plot_range=(-5, 4),
    identities=(
        Identity("β times SiLU", "f(x)", "beta*silu(x)"),
        Identity("With β = 1 it is SiLU (Swish with β = 1)", "f(x, beta=1)", "silu(x)"),
        Identity("Swish scales the sigmoid's input by β, E-swish the output: one is the other rescaled",
                 "f(x)", "beta**2*swish(x/beta, beta=beta)"),
        Identity("The derivative in terms of the output (Alcaide, eq. 2)", "df(x)",
                 "f(x) + sigmoid(x)*(beta - f(x))"),
        Identity("The odd part is βx/2", "f(x) - f(-x)", "beta*x"),
    ),
    references=(
        Reference("E. Alcaide", 2018, "E-swish: adjusting activations to different network depths",
                  "https://arxiv.org/abs/1801.07145",
                  "Introduced βx·σ(x) with β a fixed hyperparameter in 1 ≤ β ≤ 2; code at "
                  "https://github.com/EricAlcaide/E-swish."),
        Reference("P. Ramachandran, B. Zoph, Q. V. Le", 2017, "Searching for activation functions",
                  "https://arxiv.org/abs/1710.05941", "Swish, x·σ(βx), which E-swish modifies."),
    ),
    naive=Naive("beta * x / (1 + np.exp(-x))",
                "s = 1 / (1 + np.exp(-x)); beta * s * (1 + x * (1 - s))"),
    scipy="1.5 * x * scipy.special.expit(x)",  # at the default β: the call sees only x
)
