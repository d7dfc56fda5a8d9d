"""srelu: its declaration (see scripts/activations.py for the fields)."""

from activations import Activation, Identity, Naive, Param, Reference

ACTIVATION = Activation(
    slug="srelu",
    name="SReLU",
    family="relu",
    symbol=r"\operatorname{SReLU}",
    aliases=("S-shaped rectified linear unit", "S-shaped ReLU"),
    expr="Piecewise((t_l + a_l*(x - t_l), x <= t_l), (x, x < t_r), (t_r + a_r*(x - t_r), True))",
    params=(
        Param("t_l", "t_l", "0", "left threshold: below it the slope is a_l", assume="real",
              family=("-1", "-0.5", "0"), learned=True),
        Param("a_l", "a_l", "0.2", "slope left of t_l",
              assume="nonnegative", family=("0", "0.2", "0.5"), learned=True),
        Param("t_r", "t_r", "1", "right threshold (t_r > t_l): above it the slope is a_r",
              assume="real", family=("0.5", "1", "2"), learned=True),
        Param("a_r", "a_r", "0.5", "slope right of t_r",
              assume="nonnegative", family=("0", "0.5", "2"), learned=True),
    ),
    plot_range=(-3, 3),
    kink_derivative={"0": "a_l", "1": "a_r"},
    identities=(
        Identity("With t_l = 0, a_l = 0.01 and a_r = 1 it is Leaky ReLU",
                 "f(x, t_l=0, a_l=Rational(1, 100), a_r=1)", "leaky_relu(x)"),
        Identity("With a_l = a_r = 0 it clips x to [t_l, t_r] (Hardtanh)",
                 "f(x, t_l=-1, a_l=0, t_r=1, a_r=0)", "hardtanh(x)"),
    ),
    references=(
        Reference("X. Jin, C. Xu, J. Feng, Y. Wei, J. Xiong, S. Yan", 2016,
                  "Deep learning with S-shaped rectified linear activation units",
                  "https://arxiv.org/abs/1512.07030",
                  "Introduced it (AAAI 2016), with four learned parameters per channel, "
                  "held as a leaky ReLU for the first epochs of training."),
    ),
    concepts=("concepts/dying-relu.md",),
    naive=Naive("np.where(x >= t_r, t_r + a_r * (x - t_r), "
                "np.where(x <= t_l, t_l + a_l * (x - t_l), x))",
                "np.where(x >= t_r, a_r, np.where(x <= t_l, a_l, 1.0))"),
)
