"""log_softmax: its declaration (see scripts/activations.py for the fields)."""

from activations import (
    Activation, Framework, Identity, JAXDOC, KERAS_ACTIVATIONS, Naive, PT, Reference, TFDOC, UsedIn,
)

ACTIVATION = Activation(
    slug="log_softmax",
    name="Log-softmax",
    family="softmax",
    symbol=r"\log\operatorname{softmax}",
    aliases=("logsoftmax", "log softmax", "log-probabilities"),
    kind="vector",
    expr="x[i] - log(Sum(exp(x[k]), (k, 1, n)))",
    jacobian="KroneckerDelta(i, j) - s[j]",
    plot_range=(-6, 6),
    identities=(
        Identity("Its exponential is softmax (shown for the first of three inputs; the others are alike)",
                 "exp(f(a, b, x)[0])", "softmax(a, b, x)[0]"),
        Identity("Each output is its input minus one number shared by all, the log-sum-exp",
                 "f(a, b, x)[0] - a", "f(a, b, x)[2] - x"),
    ),
    frameworks=(
        Framework("PyTorch", ("torch.nn.LogSoftmax(dim=-1)", "torch.nn.functional.log_softmax(x, dim=-1)"),
                  "Always pass `dim`: its default `None` is deprecated, warns, and picks dim 0 for 1-D and "
                  "3-D input but dim 1 otherwise, as for softmax. Any +inf input gives a row of NaN.",
                  PT + "torch.nn.LogSoftmax.html"),
        Framework("Keras", ("keras.activations.log_softmax(x, axis=-1)", "keras.ops.log_softmax(x, axis=-1)"),
                  "There is no log-softmax layer; `keras.layers.Activation(\"log_softmax\")` wraps the function. "
                  "Any +inf input gives a row of NaN.",
                  KERAS_ACTIVATIONS),
        Framework("JAX", ("jax.nn.log_softmax(x, axis=-1)",),
                  "\"If any input values are +inf, the result will be all NaN\" (its documentation). Its "
                  "`where` mask leaves elements out of the sum; their output is −inf.",
                  JAXDOC + "jax.nn.log_softmax.html"),
        Framework("TensorFlow", ("tf.nn.log_softmax(x, axis=-1)",),
                  "Its default `axis=None` also means the last axis. Any +inf input gives a row of NaN.",
                  TFDOC + "tf/nn/log_softmax"),
    ),
    references=(
        Reference("J. S. Bridle", 1990,
                  "Probabilistic interpretation of feedforward classification network outputs, with relationships "
                  "to statistical pattern recognition", "https://doi.org/10.1007/978-3-642-76153-9_28",
                  "Named softmax, the normalised exponential, and proposed it for network outputs with "
                  "probability scoring in place of the squared error; log-softmax is the log of its outputs."),
        Reference("J. S. Bridle", 1990,
                  "Training stochastic model recognition algorithms as networks can lead to maximum mutual "
                  "information estimation of parameters",
                  "https://proceedings.neurips.cc/paper/1989/hash/0336dcbab05b9d5ad24f4333c7658a0e-Abstract.html",
                  "Advances in Neural Information Processing Systems 2: softmax outputs with a "
                  "probability-based score, equivalent to maximum mutual information training."),
    ),
    used_in=(UsedIn("Cross-entropy losses on logits (PyTorch's CrossEntropyLoss is LogSoftmax then NLLLoss)",
                    "https://docs.pytorch.org/docs/stable/generated/torch.nn.CrossEntropyLoss.html"),),
    concepts=("concepts/choosing.md",),
    naive=Naive("np.log(np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True))",
                "s = np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True); np.eye(x.shape[-1]) - s[..., None, :]"),
    scipy="scipy.special.log_softmax(x, axis=-1)",
)
