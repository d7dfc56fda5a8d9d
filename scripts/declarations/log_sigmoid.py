"""log_sigmoid: its declaration (see scripts/activations.py for the fields)."""

from activations import (
    Activation, Framework, Identity, JAXDOC, KERAS_ACTIVATIONS, Naive, PT, Reference, TFDOC, UsedIn,
)

ACTIVATION = Activation(
    slug="log_sigmoid",
    name="Log-sigmoid",
    family="sigmoid",
    symbol=r"(\log\sigma)",
    aliases=("logsigmoid", "log sigmoid", "log_expit"),
    expr="-log(1 + exp(-x))",
    plot_range=(-6, 6),
    identities=(
        Identity("The logarithm of the sigmoid", "f(x)", "log(sigmoid(x))"),
        Identity("The derivative is the sigmoid of −x", "df(x)", "sigmoid(-x)"),
        Identity("The derivative in terms of the output", "df(x)", "1 - exp(f(x))"),
        Identity("Reflection", "f(x) - f(-x)", "x"),
    ),
    frameworks=(
        Framework("PyTorch", ("torch.nn.LogSigmoid()", "torch.nn.functional.logsigmoid(x)"), "",
                  PT + "torch.nn.LogSigmoid.html"),
        Framework("Keras", ("keras.activations.log_sigmoid(x)", "keras.ops.log_sigmoid(x)"), "",
                  KERAS_ACTIVATIONS),
        Framework("JAX", ("jax.nn.log_sigmoid(x)",), "", JAXDOC + "jax.nn.log_sigmoid.html"),
        Framework("TensorFlow", ("tf.math.log_sigmoid(x)",), "", TFDOC + "tf/math/log_sigmoid"),
    ),
    references=(
        Reference("T. Mikolov, I. Sutskever, K. Chen, G. Corrado, J. Dean", 2013,
                  "Distributed representations of words and phrases and their compositionality",
                  "https://arxiv.org/abs/1310.4546",
                  "Negative sampling: the word2vec objective is a sum of log σ terms."),
    ),
    used_in=(
        UsedIn("word2vec skip-gram with negative sampling", "https://arxiv.org/abs/1310.4546",
               "Mikolov et al. 2013"),
        UsedIn("Direct Preference Optimization (DPO) loss", "https://arxiv.org/abs/2305.18290",
               "Rafailov et al. 2023: the loss is −log σ of a scaled log-ratio difference"),
    ),
    concepts=("concepts/vanishing-gradients.md",),
    naive=Naive("np.log(1 / (1 + np.exp(-x)))", "1 - 1 / (1 + np.exp(-x))"),
    scipy="scipy.special.log_expit(x)",
)
