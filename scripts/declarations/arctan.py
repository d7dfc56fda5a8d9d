"""arctan: its declaration (see scripts/activations.py for the fields)."""

from activations import Activation, Framework, Identity, KERAS_ACTIVATIONS, Naive, PT, Reference, TFDOC

ACTIVATION = Activation(
    slug="arctan",
    name="Arctan",
    family="sigmoid",
    symbol=r"\arctan",
    aliases=("ArcTan", "arc tangent", "inverse tangent", "atan"),
    expr="atan(x)",
    plot_range=(-8, 8),
    identities=(
        Identity("Arctan is odd", "f(-x)", "-f(x)"),
        Identity("The derivative is π times the standard Cauchy density", "df(x)", "(1 + x**2)**(-1)"),
        Identity("The derivative in terms of the output", "df(x)", "cos(f(x))**2"),
    ),
    frameworks=(
        Framework("PyTorch", ("torch.atan(x)", "torch.arctan(x)"),
                  "A math function, not a module: `torch.nn` has no arctan activation.",
                  PT + "torch.atan.html"),
        Framework("Keras", ("keras.ops.arctan(x)",), "", "https://keras.io/api/ops/numpy/#arctan-function"),
        Framework("JAX", ("jax.numpy.arctan(x)",), "",
                  "https://docs.jax.dev/en/latest/_autosummary/jax.numpy.arctan.html"),
        Framework("TensorFlow", ("tf.math.atan(x)",), "", TFDOC + "tf/math/atan"),
    ),
    references=(
        Reference("N. Pervan Akman, T. Tümer Sivri, A. Berkol", 2025,
                  "The impact of irrationals on the range of arctan activation function for deep learning models",
                  "https://doi.org/10.19072/ijet.1394093",
                  "Compares arctan and rescaled variants (π, φ, e in the scale) with other activations; "
                  "a recent use, not the first: we found no earlier source we could check."),
    ),
    concepts=("concepts/vanishing-gradients.md",),
    naive=Naive("np.arctan(x)", "1 / (1 + x**2)"),
    numpy_reference="np.arctan(x)",
)
