"""shifted_softplus: its declaration (see scripts/activations.py for the fields)."""

from activations import Activation, Identity, Naive, Reference

ACTIVATION = Activation(
    slug="shifted_softplus",
    name="Shifted softplus",
    family="relu",
    symbol=r"\operatorname{ssp}",
    aliases=("ssp", "ShiftedSoftplus", "softplus(x) − log 2"),
    expr="log(1 + exp(x)) - log(2)",
    plot_range=(-5, 5),
    identities=(
        Identity("Softplus moved down by log 2, so that it is 0 at 0", "f(x)", "softplus(x) - log(2)"),
        Identity("SchNet's form: the log of the mean of eˣ and 1", "f(x)", "log(exp(x)/2 + Rational(1, 2))"),
        Identity("Near 0 as the snippet computes it: log1p(expm1(x)/2)", "f(x)", "log(1 + (exp(x) - 1)/2)"),
        Identity("The derivative is the sigmoid, as softplus's", "df(x)", "sigmoid(x)"),
        Identity("Reflection: the odd part is x/2", "f(x) - f(-x)", "x"),
    ),
    references=(
        Reference("K. T. Schütt, P.-J. Kindermans, H. E. Sauceda, S. Chmiela, A. Tkatchenko, K.-R. Müller",
                  2017, "SchNet: a continuous-filter convolutional neural network for modeling quantum "
                  "interactions", "https://arxiv.org/abs/1706.08566",
                  "Introduced ssp(x) = ln(0.5eˣ + 0.5) as SchNet's nonlinearity, shifted so that ssp(0) = 0 "
                  "(NeurIPS 2017)."),
    ),
    naive=Naive("np.log(1 + np.exp(x)) - np.log(2)", "1 / (1 + np.exp(-x))"),
    scipy="scipy.special.softplus(x) - np.log(2)",
)
