"""softmin: its declaration (see scripts/activations.py for the fields)."""

from activations import (
    Activation, Framework, Identity, JAXDOC, KERAS_ACTIVATIONS, Naive, PT, Reference, TFDOC,
)

ACTIVATION = Activation(
    slug="softmin",
    name="Softmin",
    family="softmax",
    symbol=r"\operatorname{softmin}",
    aliases=("softargmin", "soft min"),
    kind="vector",
    expr="exp(-x[i]) / Sum(exp(-x[k]), (k, 1, n))",
    jacobian="-y[i]*(KroneckerDelta(i, j) - y[j])",
    plot_range=(-6, 6),
    identities=(
        Identity("Softmin is softmax of the negated inputs", "f(a, b, x)", "softmax(-a, -b, -x)"),
        Identity("With two inputs, softmin gives the first what softmax gives the second",
                 "f(x, 0)[0]", "softmax(x, 0)[1]"),
    ),
    frameworks=(
        Framework("PyTorch", ("torch.nn.Softmin(dim=-1)", "torch.nn.functional.softmin(x, dim=-1)"),
                  "Always pass `dim`: its default `None` is deprecated, warns, and picks dim 0 for 1-D and "
                  "3-D input but dim 1 otherwise, as for softmax. Any −inf input gives a row of NaN.",
                  PT + "torch.nn.Softmin.html"),
        Framework("Keras", ("keras.activations.softmax(-x, axis=-1)", "keras.ops.softmax(-x, axis=-1)"),
                  "Keras has no softmin (no `keras.activations.softmin`, `keras.ops.softmin` or layer): "
                  "softmax of the negated input is softmin. On the JAX backend, any −inf input gives a row of NaN.",
                  KERAS_ACTIVATIONS),
        Framework("JAX", ("jax.nn.softmax(-x, axis=-1)",),
                  "JAX has no softmin (no `jax.nn.softmin`): softmax of the negated input is softmin. "
                  "Any −inf input gives a row of NaN (\"if any input values are +inf, the result will be all "
                  "NaN\", says `jax.nn.softmax`).",
                  JAXDOC + "jax.nn.softmax.html"),
        Framework("TensorFlow", ("tf.nn.softmax(-x, axis=-1)",),
                  "TensorFlow has no softmin (no `tf.nn.softmin` or `tf.math.softmin`): softmax of the negated "
                  "input is softmin. The default `axis=None` of `tf.nn.softmax` also means the last axis. A −inf "
                  "input gives NaN for the whole slice, except in float32 with oneDNN's kernels: NaN there and 0 "
                  "elsewhere. oneDNN's kernels are on by default on CPUs with AVX-512 VNNI or BF16, or AMX (as "
                  "TensorFlow 2.9 announced); `TF_ENABLE_ONEDNN_OPTS=0` or `1` chooses.",
                  TFDOC + "tf/nn/softmax"),
    ),
    references=(
        Reference("J. S. Bridle", 1990,
                  "Probabilistic interpretation of feedforward classification network outputs, with relationships "
                  "to statistical pattern recognition", "https://doi.org/10.1007/978-3-642-76153-9_28",
                  "Named softmax and proposed it for network outputs; softmin is softmax of the negated inputs, "
                  "with no paper of its own."),
    ),
    naive=Naive("np.exp(-x) / np.sum(np.exp(-x), axis=-1, keepdims=True)",
                "s = np.exp(-x) / np.sum(np.exp(-x), axis=-1, keepdims=True); "
                "-s[..., :, None] * (np.eye(x.shape[-1]) - s[..., None, :])"),
    scipy="scipy.special.softmax(-x, axis=-1)",
)
