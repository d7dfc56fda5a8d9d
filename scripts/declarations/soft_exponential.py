"""soft_exponential: its declaration (see scripts/activations.py for the fields)."""

from activations import Activation, Identity, Naive, Param, Reference

# The three branches depend on the sign of α, not of x. For α < 0 the logarithm is real only
# for x > 1/α − α (where 1 − α(x + α) > 0): the declaration says NaN beyond, as the snippet does.
_LOG = "-log(1 - alpha*(x + alpha))/alpha"
_EXP = "(exp(alpha*x) - 1)/alpha + alpha"

ACTIVATION = Activation(
    slug="soft_exponential",
    name="Soft exponential",
    family="other",
    symbol=r"\operatorname{SoftExp}",
    aliases=("SoftExp", "parametric soft exponential unit", "PSEU"),
    expr=(f"Piecewise(({_LOG}, (alpha < 0) & (x > 1/alpha - alpha)), (nan, alpha < 0), "
          f"(x, Eq(alpha, 0)), ({_EXP}, True))"),
    params=(
        Param("alpha", "alpha", "0.5",
              "any sign: logarithmic for α < 0, the identity at α = 0, exponential for α > 0; "
              "the default 0.5 is this page's choice for its figures, not a published one",
              family=("-0.5", "0.5", "1"), learned=True, assume="real"),
    ),
    plot_range=(-3, 3),
    identities=(
        Identity("At α = 1 it is the exponential", "f(x, alpha=1)", "exp(x)"),
        Identity("At α = −1 it is the natural logarithm (NaN for x ≤ 0)", "f(x, alpha=-1)",
                 "Piecewise((log(x), x > 0), (nan, True))"),
        Identity("f(−α, ·) undoes f(α, ·): here for α = 1/2", "f(f(x, alpha=Rational(1, 2)), alpha=-Rational(1, 2))",
                 "x"),
    ),
    references=(
        Reference("L. B. Godfrey, M. S. Gashler", 2016,
                  "A continuum among logarithmic, linear, and exponential functions, and its potential "
                  "to improve generalization in neural networks",
                  "https://arxiv.org/abs/1602.01321",
                  "Introduced it (KDIR 2015, the 7th International Joint Conference on Knowledge "
                  "Discovery, Knowledge Engineering and Knowledge Management; arXiv February 2016)."),
    ),
    naive=Naive("np.where(alpha < 0, -np.log(1 - alpha * (x + alpha)) / alpha, "
                "np.where(alpha == 0, x, (np.exp(alpha * x) - 1) / alpha + alpha))",
                "np.where(alpha < 0, 1 / (1 - alpha * (x + alpha)), np.exp(alpha * x))"),
)
