"""gaussian: its declaration (see scripts/activations.py for the fields)."""

from activations import Activation, Identity, Naive, Reference

ACTIVATION = Activation(
    slug="gaussian",
    name="Gaussian",
    family="periodic",
    symbol=r"\operatorname{gauss}",
    aliases=("Gaussian function", "Gaussian radial basis function", "Gaussian RBF", "bell curve"),
    expr="exp(-x**2)",
    plot_range=(-3, 3),
    identities=(
        Identity("It is even", "f(-x)", "f(x)"),
        Identity("The derivative in terms of the output", "df(x)", "-2*x*f(x)"),
        Identity("A shift by 1 multiplies it by e^(−2x−1)", "f(x + 1)",
                 "f(x)*exp(-2*x - 1)"),
    ),
    references=(
        Reference("D. S. Broomhead, D. Lowe", 1988,
                  "Multivariable functional interpolation and adaptive networks",
                  "https://www.complex-systems.com/abstracts/v02_i03_a05/",
                  "Radial basis function networks, whose hidden units respond to the distance of the "
                  "input from a centre (Complex Systems 2, 321–355)."),
    ),
    naive=Naive("np.exp(-x**2)", "-2 * x * np.exp(-x**2)"),
)
