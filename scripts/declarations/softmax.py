"""softmax: its declaration (see scripts/activations.py for the fields)."""

from activations import (
    Activation, Framework, JAXDOC, KERAS_ACTIVATIONS, Naive, PT, Reference, TFDOC, UsedIn,
)

ACTIVATION = Activation(
    slug="softmax",
    name="Softmax",
    family="softmax",
    symbol=r"\operatorname{softmax}",
    aliases=("normalized exponential", "softargmax"),
    kind="vector",
    expr="exp(x[i]) / Sum(exp(x[k]), (k, 1, n))",
    jacobian="y[i]*(KroneckerDelta(i, j) - y[j])",
    plot_range=(-6, 6),
    frameworks=(
        Framework("PyTorch", ("torch.nn.Softmax(dim=-1)", "torch.nn.functional.softmax(x, dim=-1)"),
                  "Always pass `dim`: its default `None` is deprecated, warns, and picks dim 0 for 1-D and "
                  "3-D input but dim 1 otherwise. Any +inf input gives a row of NaN.",
                  PT + "torch.nn.Softmax.html"),
        Framework("Keras", ("keras.activations.softmax(x, axis=-1)", "keras.layers.Softmax(axis=-1)"), "",
                  KERAS_ACTIVATIONS),
        Framework("JAX", ("jax.nn.softmax(x, axis=-1)",),
                  "\"If any input values are +inf, the result will be all NaN\" (its documentation).",
                  JAXDOC + "jax.nn.softmax.html"),
        Framework("TensorFlow", ("tf.nn.softmax(x, axis=-1)",),
                  "Its default `axis=None` also means the last axis. A +inf input gives NaN for the whole slice, "
                  "except in float32 with oneDNN's kernels: NaN there and 0 elsewhere. oneDNN's kernels are on by "
                  "default on CPUs with AVX-512 VNNI or BF16, or AMX (as TensorFlow 2.9 announced); "
                  "`TF_ENABLE_ONEDNN_OPTS=0` or `1` chooses.", TFDOC + "tf/nn/softmax"),
    ),
    references=(
        Reference("J. S. Bridle", 1990,
                  "Probabilistic interpretation of feedforward classification network outputs, with relationships "
                  "to statistical pattern recognition", "https://doi.org/10.1007/978-3-642-76153-9_28",
                  "Named it and proposed it for network outputs."),
    ),
    used_in=(UsedIn("Classification outputs with cross-entropy", "https://doi.org/10.1007/978-3-642-76153-9_28"),
             UsedIn("Transformer attention weights", "https://arxiv.org/abs/1706.03762", "Vaswani et al. 2017")),
    concepts=("concepts/choosing.md", "concepts/errata.md"),
    naive=Naive("np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True)",
                   "s = np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True); "
                   "s[..., :, None] * (np.eye(x.shape[-1]) - s[..., None, :])"),
    scipy="scipy.special.softmax(x, axis=-1)",
)
