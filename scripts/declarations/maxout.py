"""maxout: its declaration (see scripts/activations.py for the fields)."""

from activations import Activation, Identity, Naive, Reference

ACTIVATION = Activation(
    slug="maxout",
    name="Maxout",
    family="other",
    symbol=r"\operatorname{maxout}",
    aliases=("maxout unit", "maxout network"),
    kind="gated",
    gate="",  # no gate: max(a, b) is symmetric in its two halves
    expr="Max(a, b)",
    plot_range=(-3, 3),
    # where a = b, each half gets half of the gradient (torch.amax, torch.maximum, jax.numpy.max)
    kink_derivative={"0": "1/2"},
    identities=(
        Identity("Maxout of x and 0 is ReLU", "f(x, 0)", "relu(x)"),
        Identity("Maxout of x and −x is the absolute value", "f(x, -x)", "Abs(x)"),
        Identity("The two halves are interchangeable", "f(a, b)", "f(b, a)"),
    ),
    frameworks=(),
    references=(
        Reference("I. J. Goodfellow, D. Warde-Farley, M. Mirza, A. Courville, Y. Bengio", 2013,
                  "Maxout networks", "https://arxiv.org/abs/1302.4389",
                  "Introduced it (ICML 2013): the maximum over k affine pieces z_ij = xᵀW_ij + b_ij of the "
                  "previous layer, a learned piecewise linear convex function of its input."),
    ),
    naive=Naive("a, b = np.split(x, 2, axis=-1); np.maximum(a, b)",
                "a, b = np.split(x, 2, axis=-1); "
                "np.concatenate([(a > b) + 0.5 * (a == b), (b > a) + 0.5 * (a == b)], axis=-1)"),
)
