"""sinc: its declaration (see scripts/activations.py for the fields)."""

from activations import Activation, Identity, Naive, Reference

ACTIVATION = Activation(
    slug="sinc",
    name="Sinc",
    family="periodic",
    symbol=r"\operatorname{sinc}",
    aliases=("cardinal sine", "unnormalised sinc", "sin(x)/x"),
    # SymPy's sinc is the unnormalised sin(x)/x, with sinc(0) = 1 (not NumPy's np.sinc).
    expr="sinc(x)",
    plot_range=(-15, 15),
    identities=(
        Identity("It is even", "f(-x)", "f(x)"),
        Identity("Away from 0 it is sin(x)/x", "x*f(x)", "sin(x)"),
        Identity("Away from 0 the derivative is (cos x − sinc x)/x", "x*df(x)", "cos(x) - f(x)"),
    ),
    no_reference="No paper we could find introduces it as an activation: it appears without a source "
                 "in the comparison table of Wikipedia's \"Activation function\" article. It is the "
                 "cardinal sine of signal processing, the interpolation kernel of the sampling theorem.",
    naive=Naive("np.sin(x) / x", "(x * np.cos(x) - np.sin(x)) / x**2"),
    numpy_reference="np.sinc(x / np.pi)",
)
