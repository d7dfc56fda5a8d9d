"""reglu: its declaration (see scripts/activations.py for the fields)."""

from activations import (
    Activation, Framework, Identity, JAXDOC, KERAS_ACTIVATIONS, Naive, PT, Reference, TFDOC, UsedIn,
)

RTDL = "https://github.com/yandex-research/rtdl/blob/"

ACTIVATION = Activation(
    slug="reglu",
    name="ReGLU",
    family="gated",
    symbol=r"\operatorname{ReGLU}",
    aliases=("ReLU-gated linear unit",),
    kind="gated",
    gate="first",  # Shazeer's max(0, xW) ⊗ xV: the first projection goes through ReLU
    expr="Piecewise((0, a < 0), (a, True))*b",
    plot_range=(-4, 4),
    # ∂y/∂a at a = 0: ReLU's slope there taken as 0, as PyTorch's, JAX's and TensorFlow's autograd give.
    kink_derivative={"0": "0"},
    identities=(
        Identity("ReGLU multiplies the second half by the positive part of the first", "f(a, b)",
                 "Max(0, a)*b"),
        Identity("A gate and its mirror image differ by the product of the halves", "f(a, b) - f(-a, b)",
                 "a*b"),
    ),
    frameworks=(
        Framework("PyTorch", ("torch.relu(x.chunk(2, -1)[0]) * x.chunk(2, -1)[1]",),
                  "No built-in: ReLU of the first half times the second. `x.chunk(2, -1)` splits the last "
                  "dimension (`dim` defaults to 0) and does not check the length.",
                  PT + "torch.nn.functional.relu.html"),
        Framework("Keras", ("keras.ops.relu(keras.ops.split(x, 2, -1)[0]) * keras.ops.split(x, 2, -1)[1]",),
                  "No built-in. `keras.ops.split` splits along axis 0 unless given the axis, here the last "
                  "(`-1`).", KERAS_ACTIVATIONS),
        Framework("JAX", ("jax.nn.relu(jnp.split(x, 2, -1)[0]) * jnp.split(x, 2, -1)[1]",),
                  "No built-in. `jnp.split` splits along axis 0 unless given the axis, here the last (`-1`).",
                  JAXDOC + "jax.nn.relu.html"),
        Framework("TensorFlow", ("tf.nn.relu(tf.split(x, 2, -1)[0]) * tf.split(x, 2, -1)[1]",),
                  "No built-in. `tf.split` splits along axis 0 unless given the axis, here the last (`-1`).",
                  TFDOC + "tf/nn/relu"),
    ),
    references=(
        Reference("N. Shazeer", 2020, "GLU variants improve Transformer", "https://arxiv.org/abs/2002.05202",
                  "Introduced it as ReGLU(x, W, V, b, c) = max(0, xW + b) ⊗ (xV + c), in T5's feed-forward "
                  "layers without biases."),
        Reference("Y. N. Dauphin, A. Fan, M. Auli, D. Grangier", 2017,
                  "Language modeling with gated convolutional networks",
                  "https://arxiv.org/abs/1612.08083", "GLU, the sigmoid-gated original of the family."),
        Reference("Y. Gorishniy, I. Rubachev, V. Khrulkov, A. Babenko", 2021,
                  "Revisiting deep learning models for tabular data", "https://arxiv.org/abs/2106.11959",
                  "FT-Transformer, whose feed-forward blocks use ReGLU (NeurIPS 2021)."),
    ),
    used_in=(
        UsedIn("FT-Transformer (tabular data)",
               RTDL + "71a95304be6b90b60c14cf07001252c5d4f06618/rtdl/modules.py",
               "'ffn_activation': 'ReGLU' in FTTransformer.get_baseline_transformer_subconfig; rtdl's reglu "
               "computes a * F.relu(b), ReLU on the second half; Gorishniy et al. 2021, arXiv:2106.11959"),
    ),
    naive=Naive("a, b = np.split(x, 2, axis=-1); np.maximum(a, 0) * b",
                "a, b = np.split(x, 2, axis=-1); "
                "np.concatenate([np.where(a > 0, b, 0.0), np.maximum(a, 0)], axis=-1)"),
)
