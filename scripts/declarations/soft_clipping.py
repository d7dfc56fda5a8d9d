"""soft_clipping: its declaration (see scripts/activations.py for the fields)."""

from activations import Activation, Identity, Naive, Param, Reference

ACTIVATION = Activation(
    slug="soft_clipping",
    name="Soft clipping",
    family="sigmoid",
    symbol=r"\operatorname{SC}",
    aliases=("soft clipping", "softclip", "SC"),
    expr="(log(1 + exp(alpha*x)) - log(1 + exp(alpha*(x - 1))))/alpha",
    params=(
        Param("alpha", "alpha", "2",
              "sharpness: f → clip(x, 0, 1) as α → ∞; the default 2 is this site's choice",
              family=("2", "10", "50")),
    ),
    plot_range=(-1, 2),
    identities=(
        Identity("The paper's form: the logarithm of a ratio",
                 "f(x)", "log((1 + exp(alpha*x))/(1 + exp(alpha*(x - 1))))/alpha"),
        Identity("A difference of two softplus functions with sharpness α",
                 "f(x)", "softplus(x, beta=alpha) - softplus(x - 1, beta=alpha)"),
        Identity("Its derivative is a difference of two sigmoids",
                 "df(x)", "sigmoid(alpha*x) - sigmoid(alpha*(x - 1))"),
    ),
    references=(
        Reference("M. D. Klimek, M. Perelstein", 2020,
                  "Neural network-based approach to phase space integration",
                  "https://arxiv.org/abs/1810.11509",
                  "Introduced the soft clipping function, to keep a network's outputs in the unit "
                  "interval (arXiv 2018, revised 2020; published in SciPost Physics)."),
    ),
    concepts=("concepts/vanishing-gradients.md",),
    naive=Naive("np.log((1 + np.exp(alpha * x)) / (1 + np.exp(alpha * (x - 1)))) / alpha",
                "1 / (1 + np.exp(-alpha * x)) - 1 / (1 + np.exp(-alpha * (x - 1)))"),
)
