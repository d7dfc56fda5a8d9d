"""binary_step: its declaration (see scripts/activations.py for the fields)."""

from activations import Activation, Framework, Identity, Naive, PT, Reference, UsedIn

ACTIVATION = Activation(
    slug="binary_step",
    name="Binary step",
    family="classical",
    symbol=r"\operatorname{step}",
    aliases=("Heaviside step", "threshold function", "unit step", "perceptron"),
    expr="Piecewise((0, x < 0), (1, True))",
    plot_range=(-3, 3),
    kink_derivative={"0": "0"},
    identities=(
        Identity("It is Heaviside's step with H(0) = 1", "f(x)", "Heaviside(x, 1)"),
    ),
    framework_kink_derivative={"0": {
        "PyTorch": "no gradient (backward raises: not implemented)", "Keras": "0",
        "TensorFlow": "no gradient (None)", "JAX": "0"}},
    frameworks=(
        Framework("PyTorch", ("torch.heaviside(x, torch.tensor(1.0, dtype=x.dtype))",),
                  "`values` is the value at 0. Backpropagating through it raises "
                  "`derivative for aten::heaviside is not implemented`; `torch.heaviside(nan, ...)` gives 0.",
                  PT + "torch.heaviside.html"),
        Framework("Keras", ("keras.ops.heaviside(x, 1.0)",), "The second argument is the value at 0."),
        Framework("JAX", ("jax.numpy.heaviside(x, 1.0)",), "Its gradient is 0 everywhere, 0 included."),
        Framework("TensorFlow", ("tf.experimental.numpy.heaviside(x, 1.0)",),
                  "Nothing in `tf.nn` or `tf.math`; `GradientTape` returns no gradient (None)."),
    ),
    references=(
        Reference("W. S. McCulloch, W. Pitts", 1943, "A logical calculus of the ideas immanent in nervous activity",
                  "https://doi.org/10.1007/BF02478259", "The threshold neuron."),
        Reference("F. Rosenblatt", 1958,
                  "The perceptron: a probabilistic model for information storage and organization in the brain",
                  "https://doi.org/10.1037/h0042519", "The perceptron, trained with a step output."),
    ),
    used_in=(UsedIn("Rosenblatt's perceptron", "https://doi.org/10.1037/h0042519"),),
    concepts=("concepts/vanishing-gradients.md",),
    naive=Naive("np.where(x >= 0, 1.0, 0.0)", "np.zeros_like(x)"),
)
