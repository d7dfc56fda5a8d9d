"""exponential: its declaration (see scripts/activations.py for the fields)."""

from activations import Activation, Framework, Identity, JAXDOC, KERAS_ACTIVATIONS, Naive, PT, TFDOC, UsedIn

ACTIVATION = Activation(
    slug="exponential",
    name="Exponential",
    family="other",
    symbol=r"\exp",
    aliases=("exp", "exponential activation", "inverse log link"),
    expr="exp(x)",
    plot_range=(-4, 2),
    identities=(
        Identity("It is its own derivative", "df(x)", "f(x)"),
        Identity("Its logarithm is the input (the inverse of the log link)", "log(f(x))", "x"),
        Identity("The odds of the sigmoid", "f(x)", "sigmoid(x)/sigmoid(-x)"),
        Identity("Its value at −x is its reciprocal", "f(x)*f(-x)", "1"),
    ),
    frameworks=(
        Framework("PyTorch", ("torch.exp(x)",),
                  "No activation module or `torch.nn.functional` entry: the tensor function `torch.exp` is "
                  "the activation. Results below the smallest normal float (x < −708.4 in float64) are "
                  "kept as subnormals, as in NumPy.", PT + "torch.exp.html"),
        Framework("Keras", ("keras.activations.exponential(x)", "keras.ops.exp(x)"),
                  "`keras.activations.exponential` returns `keras.ops.exp(x)`; the string "
                  "`\"exponential\"` selects it in a layer. On the JAX backend subnormal results are "
                  "flushed to 0, as in JAX.", KERAS_ACTIVATIONS),
        Framework("JAX", ("jnp.exp(x)",),
                  "`jax.nn` has no exponential activation: `jax.numpy.exp` is it. On the CPU, results "
                  "below the smallest normal float are flushed to 0 (x < −708.4 in float64, "
                  "x < −87.3 in float32), where NumPy and PyTorch return subnormals.",
                  JAXDOC + "jax.numpy.exp.html"),
        Framework("TensorFlow", ("tf.math.exp(x)",),
                  "`tf.exp` is the same function. On the CPU, results below the smallest normal float "
                  "are flushed to 0, as in JAX.", TFDOC + "tf/math/exp"),
    ),
    no_reference=("No paper introduced it as an activation: e^x is the inverse of the logarithm, used "
                  "wherever a positive quantity is modelled on a log scale, such as the log link of Poisson "
                  "regression in generalized linear models (Nelder and Wedderburn 1972, "
                  "https://doi.org/10.2307/2344614)."),
    used_in=(
        UsedIn("Poisson regression and other log-link GLMs", "https://doi.org/10.2307/2344614",
               "Nelder and Wedderburn 1972: the mean is the exponential of a linear predictor"),
        UsedIn("Variational autoencoder (Gaussian encoder and decoder)", "https://arxiv.org/abs/1312.6114",
               "Kingma and Welling 2013, appendix C.2: the network outputs log σ², so σ² is the exponential "
               "of a linear layer"),
    ),
    concepts=("concepts/vanishing-gradients.md",),
    naive=Naive("np.exp(x)", "np.exp(x)"),
    numpy_reference="np.exp(x)",
)
