"""glu: its declaration (see scripts/activations.py for the fields)."""

from activations import (
    Activation, Framework, Identity, JAXDOC, KERAS_ACTIVATIONS, Naive, PT, Reference, UsedIn,
)

ACTIVATION = Activation(
    slug="glu",
    name="GLU",
    family="gated",
    symbol=r"\operatorname{GLU}",
    aliases=("gated linear unit",),
    kind="gated",
    gate="second",  # PyTorch's, Keras' and JAX's convention: the second half b is the gate
    expr="a / (1 + exp(-b))",
    plot_range=(-6, 6),
    identities=(
        Identity("GLU multiplies the first half by the sigmoid of the second", "f(a, b)", "a*sigmoid(b)"),
        Identity("A gate and its mirror image add up to the value", "f(a, b) + f(a, -b)", "a"),
        Identity("With both halves equal to x, GLU is SiLU", "f(x, x)", "silu(x)"),
    ),
    frameworks=(
        Framework("PyTorch", ("torch.nn.GLU(dim=-1)", "torch.nn.functional.glu(x, dim=-1)"),
                  "The second half along `dim` is the gate. An odd length raises `RuntimeError` (\"Halving "
                  "dimension must be even\").", PT + "torch.nn.GLU.html"),
        Framework("Keras", ("keras.ops.glu(x, axis=-1)", "keras.activations.glu(x, axis=-1)"),
                  "The second half along `axis` is the gate. No GLU layer: use "
                  "`keras.layers.Activation(\"glu\")` (last axis). An odd length fails an `assert` "
                  "(`AssertionError`, which `python -O` skips). TensorFlow 2.21 has no `tf.nn.glu`; its "
                  "`tf.keras.activations.glu` is this Keras function.",
                  KERAS_ACTIVATIONS),
        Framework("JAX", ("jax.nn.glu(x, axis=-1)",),
                  "The second half along `axis` is the gate. An odd length fails an `assert` "
                  "(`AssertionError`).", JAXDOC + "jax.nn.glu.html"),
    ),
    references=(
        Reference("Y. N. Dauphin, A. Fan, M. Auli, D. Grangier", 2017,
                  "Language modeling with gated convolutional networks",
                  "https://arxiv.org/abs/1612.08083",
                  "Introduced it (ICML 2017): (X∗W + b) ⊗ σ(X∗V + c), two convolutions of the same input."),
        Reference("N. Shazeer", 2020, "GLU variants improve Transformer", "https://arxiv.org/abs/2002.05202",
                  "Replaced the sigmoid by other functions (SwiGLU, GeGLU, ReGLU) in Transformer "
                  "feed-forward layers."),
    ),
    used_in=(
        UsedIn("ConvS2S (convolutional sequence to sequence)", "https://arxiv.org/abs/1705.03122",
               "Gehring et al. 2017, translation"),
        UsedIn("Conformer", "https://arxiv.org/abs/2005.08100",
               "its convolution module; Gulati et al. 2020, speech recognition"),
    ),
    concepts=("concepts/vanishing-gradients.md",),
    naive=Naive("a, b = np.split(x, 2, axis=-1); a / (1 + np.exp(-b))",
                "a, b = np.split(x, 2, axis=-1); s = 1 / (1 + np.exp(-b)); "
                "np.concatenate([s, a * s * (1 - s)], axis=-1)"),
)
