"""sq_rbf: its declaration (see scripts/activations.py for the fields)."""

from activations import Activation, Identity, Naive, Reference

ACTIVATION = Activation(
    slug="sq_rbf",
    name="SQ-RBF",
    family="periodic",
    symbol=r"\operatorname{SQ\text{-}RBF}",
    aliases=("square RBF", "square-law radial basis function", "SQRBF"),
    expr="Piecewise((0, x <= -2), ((2 + x)**2/2, x < -1), (1 - x**2/2, x <= 1), ((2 - x)**2/2, x < 2), (0, True))",
    plot_range=(-3, 3),
    identities=(
        Identity("It is even", "f(-x)", "f(x)"),
        Identity("One formula in |x|, as the authors' code writes it", "f(x)",
                 "Piecewise((1 - Abs(x)**2/2, Abs(x) < 1), ((2 - Abs(x))**2/2, Abs(x) < 2), (0, True))"),
    ),
    references=(
        Reference("A. Wuraola, N. Patel", 2018, "Computationally efficient radial basis function",
                  "https://doi.org/10.1007/978-3-030-04179-3_9",
                  "Introduced SQ-RBF as a Gaussian RBF without the exponential (ICONIP 2018, LNCS 11302); "
                  "the formula here is the authors' MATLAB code, sq_rbf.m in github.com/awur978/Activation-Functions."),
    ),
    naive=Naive("m = np.abs(x); np.where(m < 1, 1 - m**2 / 2, np.where(m < 2, (2 - m)**2 / 2, 0.0))",
                "m = np.abs(x); np.sign(x) * np.where(m < 1, -m, np.where(m < 2, m - 2, 0.0))"),
)
