"""reglu: its declaration (see scripts/activations.py for the fields)."""

from activations import Activation, Identity, Naive, Reference, UsedIn

ACTIVATION = Activation(
    slug="reglu",
    name="ReGLU",
    family="gated",
    symbol=r"\operatorname{ReGLU}",
    aliases=("ReLU gated linear unit", "ReLU GLU"),
    kind="gated",
    gate="first",  # Shazeer's max(xW, 0) ⊗ xV: the first projection goes through ReLU
    expr="Piecewise((0, a < 0), (a, True))*b",
    plot_range=(-4, 4),
    # ∂y/∂a at a = 0: the snippet takes ReLU's slope there as 0 (PyTorch's and JAX's autograd agree).
    kink_derivative={"0": "0"},
    identities=(
        Identity("ReGLU multiplies the second half by the positive part of the first", "f(a, b)",
                 "Max(0, a)*b"),
        Identity("A gate and its mirror image differ by the product of the halves", "f(a, b) - f(-a, b)",
                 "a*b"),
        Identity("With both halves equal to x, ReGLU is the squared ReLU", "f(x, x)", "Max(0, x)**2"),
    ),
    references=(
        Reference("N. Shazeer", 2020, "GLU variants improve Transformer", "https://arxiv.org/abs/2002.05202",
                  "Introduced it as ReGLU(x, W, V) = max(0, xW) ⊗ xV (with biases b, c in the general form), "
                  "in the feed-forward layers of T5-style Transformers."),
        Reference("Y. N. Dauphin, A. Fan, M. Auli, D. Grangier", 2017,
                  "Language modeling with gated convolutional networks",
                  "https://arxiv.org/abs/1612.08083", "GLU, the sigmoid-gated original of the family."),
        Reference("Y. Gorishniy, I. Rubachev, V. Khrulkov, A. Babenko", 2021,
                  "Revisiting deep learning models for tabular data", "https://arxiv.org/abs/2106.11959",
                  "FT-Transformer, whose feed-forward blocks use ReGLU (NeurIPS 2021)."),
    ),
    used_in=(
        UsedIn("FT-Transformer (tabular data): ReGLU in every feed-forward block of the baseline",
               "https://github.com/yandex-research/rtdl/blob/4ca77be57aae445648df63e9ef3a5566b1f0a835/"
               "rtdl/modules.py",
               "'ffn_activation': 'ReGLU' in FTTransformer.get_baseline_transformer_subconfig; rtdl's reglu "
               "computes a * relu(b), the gate the second half; Gorishniy et al. 2021, arXiv:2106.11959"),
    ),
    naive=Naive("a, b = np.split(x, 2, axis=-1); np.maximum(a, 0) * b",
                "a, b = np.split(x, 2, axis=-1); "
                "np.concatenate([np.where(a > 0, b, 0.0), np.maximum(a, 0)], axis=-1)"),
)
