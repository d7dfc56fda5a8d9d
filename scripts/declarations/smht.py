"""smht: its declaration (see scripts/activations.py for the fields)."""

from activations import Activation, Identity, Naive, Param

ACTIVATION = Activation(
    slug="smht",
    name="SMHT",
    family="sigmoid",
    symbol=r"\operatorname{smht}",
    aliases=("Soboleva modified hyperbolic tangent", "modified hyperbolic tangent", "mtanh"),
    expr="(exp(a*x) - exp(-b*x))/(exp(c*x) + exp(-d*x))",
    params=(
        Param("a", "a", "1", "growth of the numerator on the right; bounded there if a ≤ c",
              family=("1", "2")),
        Param("b", "b", "1", "growth of the numerator on the left; bounded there if b ≤ d",
              family=("1", "2")),
        Param("c", "c", "1", "growth of the denominator on the right", family=("0.5", "1")),
        Param("d", "d", "1", "growth of the denominator on the left", family=("0.5", "1")),
    ),
    plot_range=(-4, 4),
    identities=(
        Identity("With a = b = c = d = 1 it is tanh", "f(x, a=1, b=1, c=1, d=1)", "tanh(x)"),
        Identity("With c = a and d = b it is tanh((a + b)x/2)", "f(x, a=a, b=b, c=a, d=b)",
                 "tanh((a + b)*x/2)"),
        Identity("The derivative without a difference of large terms", "df(x)",
                 "((a - c)*exp((a + c)*x) + (a + d)*exp((a - d)*x) + (b + c)*exp((c - b)*x)"
                 " + (b - d)*exp(-(b + d)*x))/(exp(c*x) + exp(-d*x))**2"),
    ),
    no_reference="Wikipedia credits E. V. Soboleva, who proposed it as a utility function for decision making "
                 "(with V. V. Beskorovainyi, 2008, a Russian-language conference paper of the Ivan Kozhedub "
                 "Kharkiv University of Air Forces); we found no online copy of it, nor of a neural-network "
                 "paper introducing it, that we could check.",
    naive=Naive("(np.exp(a * x) - np.exp(-b * x)) / (np.exp(c * x) + np.exp(-d * x))",
                "(a * np.exp(a * x) + b * np.exp(-b * x)) / (np.exp(c * x) + np.exp(-d * x))"
                " - (np.exp(a * x) - np.exp(-b * x)) * (c * np.exp(c * x) - d * np.exp(-d * x))"
                " / (np.exp(c * x) + np.exp(-d * x)) ** 2"),
)
