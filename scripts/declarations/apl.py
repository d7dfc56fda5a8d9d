"""apl: its declaration (see scripts/activations.py for the fields)."""

from activations import Activation, Identity, Naive, Param, Reference

ACTIVATION = Activation(
    slug="apl",
    name="APL",
    family="relu",
    symbol=r"\operatorname{APL}",
    aliases=("adaptive piecewise linear unit", "adaptive piecewise linear"),
    # h(x) = max(0, x) + Σ_s a_s·max(0, −x + b_s), here with S = 2 hinges: kinks at b1, 0, b2.
    # Each hinge is written with x < b_s, so that at x = b_s it is the 0 piece: its derivatives there
    # are those of automatic differentiation through relu (0 at the corner).
    expr="Max(0, x) + a1*Piecewise((b1 - x, x < b1), (0, True)) + a2*Piecewise((b2 - x, x < b2), (0, True))",
    params=(
        Param("a1", "a1", "0.2", "slope added left of the first hinge",
              assume="real", family=("0.1", "0.2", "0.5"), learned=True),
        Param("b1", "b1", "-1", "position of the first hinge",
              assume="real", family=("-2", "-1", "-0.5"), learned=True),
        Param("a2", "a2", "0.5", "slope added left of the second hinge",
              assume="real", family=("0.2", "0.5", "0.8"), learned=True),
        Param("b2", "b2", "1", "position of the second hinge",
              assume="real", family=("0.5", "1", "2"), learned=True),
    ),
    plot_range=(-3, 3),
    kink_derivative={"-1": "-a2", "0": "-a2", "1": "1"},
    identities=(
        Identity("With both hinge slopes 0 it is ReLU", "f(x, a1=0, a2=0)", "relu(x)"),
        Identity("One hinge at 0 with slope 1 makes |x|", "f(x, a1=1, b1=0, a2=0)", "Abs(x)"),
    ),
    references=(
        Reference("F. Agostinelli, M. Hoffman, P. Sadowski, P. Baldi", 2014,
                  "Learning activation functions to improve deep neural networks",
                  "https://arxiv.org/abs/1412.6830",
                  "Introduced it (submitted to ICLR 2015), with S hinges whose slopes a_s and "
                  "positions b_s are learned for each neuron."),
    ),
    concepts=("concepts/dying-relu.md",),
    naive=Naive("np.maximum(0, x) + a1 * np.maximum(0, b1 - x) + a2 * np.maximum(0, b2 - x)",
                "(x > 0) - a1 * (x < b1) - a2 * (x < b2)"),
)
