"""dyt: its declaration (see scripts/activations.py for the fields)."""

from activations import Activation, Framework, Identity, KERAS_ACTIVATIONS, Naive, Param, PT, Reference, TFDOC, \
    UsedIn

DYT_CODE = "https://github.com/jiachenzhu/DyT/blob/aab5dde0bc1bdd4410f687dad404c87b31808f90/"

ACTIVATION = Activation(
    slug="dyt",
    name="DyT",
    family="sigmoid",
    symbol=r"\operatorname{DyT}",
    aliases=("Dynamic Tanh", "DynamicTanh", "dynamic tanh", "tanh(αx)"),
    expr="tanh(alpha*x)",
    params=(
        Param("alpha", "alpha", "0.5", "scale of the input, one learned scalar per layer; 0.5 is its initial "
              "value in the authors' code, alpha_init_value=0.5", family=("0.25", "0.5", "1", "3"), learned=True),
    ),
    plot_range=(-6, 6),
    identities=(
        Identity("With α = 1 it is tanh", "f(x, alpha=1)", "tanh(x)"),
        Identity("A rescaled sigmoid", "f(x)", "2*sigmoid(2*alpha*x) - 1"),
        Identity("The derivative in terms of the output", "df(x)", "alpha*(1 - f(x)**2)"),
        Identity("DyT is odd", "f(-x)", "-f(x)"),
    ),
    frameworks=(
        Framework("PyTorch", ("torch.tanh(alpha * x)",),
                  "No built-in. The authors' module (`DynamicTanh` in `dynamic_tanh.py`) "
                  "stores α as `nn.Parameter(torch.ones(1) * alpha_init_value)` and applies the "
                  "per-channel `weight` (γ) and `bias` (β) after the tanh.",
                  PT + "torch.tanh.html", setup=("alpha = 0.5",)),
        Framework("Keras", ("keras.ops.tanh(alpha * x)",),
                  "No built-in: write it out, with α a weight of your layer to learn it.",
                  KERAS_ACTIVATIONS, setup=("alpha = 0.5",)),
        Framework("JAX", ("jax.numpy.tanh(alpha * x)",), "No built-in: write it out.",
                  "https://docs.jax.dev/en/latest/_autosummary/jax.numpy.tanh.html", setup=("alpha = 0.5",)),
        Framework("TensorFlow", ("tf.math.tanh(alpha * x)",), "No built-in: write it out.",
                  TFDOC + "tf/math/tanh", setup=("alpha = 0.5",)),
    ),
    references=(
        Reference("J. Zhu, X. Chen, K. He, Y. LeCun, Z. Liu", 2025, "Transformers without normalization",
                  "https://arxiv.org/abs/2503.10622",
                  "CVPR 2025. Introduced DyT(x) = γ·tanh(αx) + β, with α a learnable scalar and γ, β "
                  "per-channel vectors, as a drop-in replacement for LayerNorm and RMSNorm."),
    ),
    used_in=(
        UsedIn("ViT-B/L and ConvNeXt-B/L on ImageNet-1K, in place of every LayerNorm (α₀ = 0.5)",
               DYT_CODE + "dynamic_tanh.py",
               "The paper's experiments: convert_ln_to_dyt replaces each nn.LayerNorm by DynamicTanh"),
        UsedIn("LLaMA 2 7B to 70B trained with DyT in place of RMSNorm",
               DYT_CODE + "other_tasks/LLaMA/README.md",
               "The paper's experiments; α₀ is set per block and shrinks with width: 0.8 (attention) and 0.2 "
               "(feed-forward, final) at 7B, 0.6 and 0.15 at 13B, 0.2 and 0.05 at 34B and 70B"),
        UsedIn("MAE, DINO, DiT, wav2vec 2.0 and DNA models (HyenaDNA, Caduceus), in place of their normalization layers",
               DYT_CODE + "README.md", "The paper's other experiments, each with its patch under other_tasks/"),
    ),
    concepts=("concepts/vanishing-gradients.md",),
    naive=Naive("np.tanh(alpha * x)", "alpha * (1 - np.tanh(alpha * x) ** 2)"),
)
