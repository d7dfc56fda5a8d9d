"""tanhshrink: its declaration (see scripts/activations.py for the fields)."""

from activations import Activation, Framework, Identity, KERAS_ACTIVATIONS, Naive, PT

ACTIVATION = Activation(
    slug="tanhshrink",
    name="Tanhshrink",
    family="shrinkage",
    symbol=r"\operatorname{Tanhshrink}",
    aliases=("tanh shrink", "tanh_shrink", "TanhShrink"),
    expr="x - tanh(x)",
    plot_range=(-4, 4),
    identities=(
        Identity("The derivative is the square of tanh", "df(x)", "tanh(x)**2"),
        Identity("The derivative in terms of the output", "df(x)", "(x - f(x))**2"),
        Identity("Tanhshrink is odd", "f(-x)", "-f(x)"),
        Identity("The form the snippet uses for |x| ≥ 1 (both terms are positive for x ≥ 1)", "f(x)",
                 "(x - 1) + 2*exp(-2*x)/(1 + exp(-2*x))"),
    ),
    frameworks=(
        Framework("PyTorch", ("torch.nn.Tanhshrink()", "torch.nn.functional.tanhshrink(x)"),
                  "Computes x − tanh(x) as written: near 0 the subtraction cancels (see below).",
                  PT + "torch.nn.Tanhshrink.html"),
        Framework("Keras", ("keras.activations.tanh_shrink(x)", "keras.ops.tanh_shrink(x)"),
                  "Computes x − tanh(x) as written: near 0 the subtraction cancels (see below).",
                  KERAS_ACTIVATIONS),
    ),
    no_reference=("No paper introduced it as an activation: it is known from the frameworks that ship it, "
                  "PyTorch's `nn.Tanhshrink` and Keras' `tanh_shrink`, whose documentation gives the formula "
                  "x − tanh(x) (PyTorch's also a plot) and no source."),
    concepts=("concepts/vanishing-gradients.md",),
    naive=Naive("x - np.tanh(x)", "np.tanh(x) ** 2"),
)
