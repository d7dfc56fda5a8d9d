"""bent_identity: its declaration (see scripts/activations.py for the fields)."""

from activations import Activation, Identity, Naive

ACTIVATION = Activation(
    slug="bent_identity",
    name="Bent identity",
    family="other",
    symbol=r"\operatorname{bent}",
    aliases=("bent identity", "BentIdentity"),
    expr="(sqrt(x**2 + 1) - 1)/2 + x",
    plot_range=(-5, 5),
    identities=(
        Identity("The form without cancellation near 0, which the snippet computes", "f(x)",
                 "x + x**2/(2*(sqrt(x**2 + 1) + 1))"),
        Identity("The derivative", "df(x)", "1 + x/(2*sqrt(x**2 + 1))"),
        Identity("Its even part is (√(x²+1) − 1)/2, its odd part x", "f(x) - f(-x)", "2*x"),
    ),
    no_reference="No paper introduces it: it appears without a source in the comparison table of "
                 "Wikipedia's \"Activation function\" article, and libraries that ship it "
                 "(activations-plus, e3x) cite none that we could find.",
    naive=Naive("(np.sqrt(x**2 + 1) - 1) / 2 + x", "x / (2 * np.sqrt(x**2 + 1)) + 1"),
)
