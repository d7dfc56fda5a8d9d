"""crelu: its declaration (see scripts/activations.py for the fields)."""

from activations import Activation, Framework, Identity, Naive, Reference, UsedIn

ACTIVATION = Activation(
    slug="crelu",
    name="CReLU",
    family="relu",
    symbol=r"\operatorname{CReLU}",
    aliases=("concatenated ReLU",),
    kind="concat",
    expr=("Piecewise((0, x < 0), (x, True))", "Piecewise((-x, x < 0), (0, True))"),
    plot_range=(-4, 4),
    kink_derivative={"0": "0"},
    identities=(
        Identity("CReLU concatenates ReLU of x and of −x", "f(x)", "Matrix([relu(x), relu(-x)])"),
    ),
    framework_kink_derivative={"0": {"PyTorch": "0 (both halves)", "Keras": "0 (both halves)",
                                     "TensorFlow": "0 (both halves)", "JAX": "0 (both halves)"}},
    frameworks=(
        Framework("PyTorch", ("torch.cat([torch.relu(x), torch.relu(-x)], dim=-1)",),
                  "No built-in: concatenate along the channel axis, here the last (`dim=-1`; "
                  "`torch.cat` defaults to 0)."),
        Framework("Keras", ("keras.ops.concatenate([keras.ops.relu(x), keras.ops.relu(-x)], axis=-1)",),
                  "No built-in: concatenate along the channel axis, here the last (`axis=-1`; the default "
                  "is 0)."),
        Framework("JAX", ("jax.numpy.concatenate([jax.nn.relu(x), jax.nn.relu(-x)], axis=-1)",),
                  "No built-in: concatenate along the channel axis, here the last (`axis=-1`; the default "
                  "is 0)."),
        Framework("TensorFlow", ("tf.nn.crelu(x, axis=-1)",), "The only framework with a built-in.",
                  "https://tensorflow.org/versions/r2.15/api_docs/python/tf/nn/crelu"),
    ),
    references=(
        Reference("W. Shang, K. Sohn, D. Almeida, H. Lee", 2016,
                  "Understanding and improving convolutional neural networks via concatenated rectified linear units",
                  "https://arxiv.org/abs/1603.05201", "Introduced it (ICML 2016)."),
    ),
    used_in=(UsedIn("PVANet", "https://arxiv.org/abs/1611.08588", "early layers; Hong et al. 2016"),),
    concepts=("concepts/dying-relu.md",),
    naive=Naive("np.concatenate([np.maximum(0, x), np.maximum(0, -x)], axis=-1)",
                   "np.concatenate([(x > 0).astype(float), -(x < 0).astype(float)], axis=-1)"),
)
