"""arsinh: its declaration (see scripts/activations.py for the fields)."""

from activations import Activation, Framework, Identity, Naive, PT, TFDOC

ACTIVATION = Activation(
    slug="arsinh",
    name="Arsinh",
    family="other",
    symbol=r"\operatorname{arsinh}",
    aliases=("asinh", "arcsinh", "inverse hyperbolic sine", "area hyperbolic sine"),
    expr="asinh(x)",
    plot_range=(-8, 8),
    identities=(
        Identity("Arsinh is odd", "f(-x)", "-f(x)"),
        Identity("It is the inverse of sinh", "sinh(f(x))", "x"),
        Identity("The derivative", "df(x)", "(1 + x**2)**(-1/2)"),
        Identity("The derivative in terms of the output", "df(x)", "sech(f(x))"),
    ),
    frameworks=(
        Framework("PyTorch", ("torch.asinh(x)", "torch.arcsinh(x)"),
                  "A math function, not a module: `torch.nn` has no arsinh activation.",
                  PT + "torch.asinh.html"),
        Framework("Keras", ("keras.ops.arcsinh(x)",), "", "https://keras.io/api/ops/numpy/#arcsinh-function"),
        Framework("JAX", ("jax.numpy.arcsinh(x)",), "",
                  "https://docs.jax.dev/en/latest/_autosummary/jax.numpy.arcsinh.html"),
        Framework("TensorFlow", ("tf.math.asinh(x)",), "", TFDOC + "tf/math/asinh"),
    ),
    no_reference="We found no paper that introduced arsinh as an activation that we could check; it is the "
                 "inverse of sinh, a standard function, listed without a source in Wikipedia's table of "
                 "activation functions.",
    naive=Naive("np.log(x + np.sqrt(x**2 + 1))", "1 / np.sqrt(1 + x**2)"),
    numpy_reference="np.arcsinh(x)",
)
