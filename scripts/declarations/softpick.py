"""softpick: its declaration (see scripts/activations.py for the fields)."""

from activations import Activation, Framework, JAXDOC, KERAS_ACTIVATIONS, Naive, PT, Reference, TFDOC, UsedIn

SOFTPICK_PAPER = "https://arxiv.org/abs/2504.20966"
REFERENCE_CODE = ("https://github.com/zaydzuhri/softpick-attention/blob/"
                  "c97f4dc5f9fcec2e8afc2932db2cba6d7d7e5465/naive_softpick_attn.py")
D = "Sum(Abs(exp(x[k]) - 1), (k, 1, n))"  # the denominator, Σ_k |e^{x_k} − 1|

ACTIVATION = Activation(
    slug="softpick",
    name="Softpick",
    family="softmax",
    symbol=r"\operatorname{softpick}",
    aliases=("rectified softmax",),
    kind="vector",
    expr=f"Max(exp(x[i]) - 1, 0) / {D}",
    # Heaviside(e^{x_i} − 1) and sign(e^{x_j} − 1) are Heaviside(x_i) and sign(x_j); written as SymPy
    # differentiates them, so that the proof is entry by entry without a step SymPy cannot take.
    jacobian=(f"KroneckerDelta(i, j)*Heaviside(exp(x[i]) - 1)*exp(x[i]) / {D}"
              f" - y[i]*sign(exp(x[j]) - 1)*exp(x[j]) / {D}"),
    plot_range=(-4, 4),
    figure_second=1,  # the slice (x, 1): at (x, 0) softpick is a step and y₂ = 0
    frameworks=(
        Framework("PyTorch", ("softpick(x)",),
                  "No built-in: PyTorch has no softpick (nothing in `torch`, `torch.nn` or "
                  "`torch.nn.functional`). The function scales the numerator and the denominator by "
                  "$e^{-m}$, $m = \\max(0, \\max_k x_k)$, so that no exponential overflows; unlike the "
                  "paper's code it adds no ε (see the NumPy section).",
                  PT + "torch.exp.html",
                  setup=("def softpick(x, dim=-1):\n"
                         "    m = x.amax(dim=dim, keepdim=True).clamp(min=0)\n"
                         "    e = torch.exp(x - m) - torch.exp(-m)\n"
                         "    return torch.relu(e) / e.abs().sum(dim=dim, keepdim=True)",)),
        Framework("Keras", ("softpick(x)",),
                  "No built-in: Keras has no softpick (no `keras.activations.softpick`, `keras.ops.softpick` "
                  "or layer); the function scales by $e^{-m}$ as in the PyTorch tab.",
                  KERAS_ACTIVATIONS,
                  setup=("def softpick(x, axis=-1):\n"
                         "    m = keras.ops.max(x, axis=axis, keepdims=True)\n"
                         "    m = keras.ops.maximum(m, 0.0)\n"
                         "    e = keras.ops.exp(x - m) - keras.ops.exp(-m)\n"
                         "    d = keras.ops.sum(keras.ops.abs(e), axis=axis, keepdims=True)\n"
                         "    return keras.ops.relu(e) / d",)),
        Framework("JAX", ("softpick(x)",),
                  "No built-in: JAX has no softpick (no `jax.nn.softpick`); the function scales by "
                  "$e^{-m}$ as in the PyTorch tab.",
                  JAXDOC + "jax.nn.relu.html",
                  setup=("def softpick(x, axis=-1):\n"
                         "    m = jnp.maximum(jnp.max(x, axis=axis, keepdims=True), 0.0)\n"
                         "    e = jnp.exp(x - m) - jnp.exp(-m)\n"
                         "    return jax.nn.relu(e) / jnp.sum(jnp.abs(e), axis=axis, keepdims=True)",)),
        Framework("TensorFlow", ("softpick(x)",),
                  "No built-in: TensorFlow has no softpick (no `tf.nn.softpick` or `tf.math.softpick`); the "
                  "function scales by $e^{-m}$ as in the PyTorch tab.",
                  TFDOC + "tf/nn/relu",
                  setup=("def softpick(x, axis=-1):\n"
                         "    m = tf.maximum(tf.reduce_max(x, axis=axis, keepdims=True), 0.0)\n"
                         "    e = tf.exp(x - m) - tf.exp(-m)\n"
                         "    return tf.nn.relu(e) / tf.reduce_sum(tf.abs(e), axis=axis, keepdims=True)",)),
    ),
    references=(
        Reference("Z. M. K. Zuhri, E. H. Fuadi, A. F. Aji", 2025,
                  "Softpick: No Attention Sink, No Massive Activations with Rectified Softmax", SOFTPICK_PAPER,
                  "Introduced softpick as a drop-in replacement for softmax in attention, with a small ε added "
                  "to the denominator; reference code at github.com/zaydzuhri/softpick-attention."),
    ),
    used_in=(
        UsedIn("Attention weights of the softpick transformers of Zuhri et al. (340M and 1.8B parameters), "
               "in place of softmax", SOFTPICK_PAPER, "Zuhri et al. 2025"),
    ),
    concepts=("concepts/choosing.md",),
    naive=Naive("np.maximum(np.exp(x) - 1, 0) / np.sum(np.abs(np.exp(x) - 1), axis=-1, keepdims=True)",
                "e = np.exp(x); d = np.sum(np.abs(e - 1), axis=-1, keepdims=True); y = np.maximum(e - 1, 0) / d; "
                "(np.eye(x.shape[-1]) * (np.heaviside(e - 1, 0.5) * e)[..., :, None] "
                "- y[..., :, None] * (np.sign(e - 1) * e)[..., None, :]) / d[..., None]"),
)
