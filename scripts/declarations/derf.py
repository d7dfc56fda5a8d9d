"""derf: its declaration (see scripts/activations.py for the fields)."""

from activations import Activation, Framework, Identity, KERAS_ACTIVATIONS, Param, PT, Reference, \
    TFDOC, UsedIn

DERF_CODE = "https://github.com/zlab-princeton/Derf/blob/8dd9ea3cc70370f423a80a80af6f72466bc621db/"

ACTIVATION = Activation(
    slug="derf",
    name="Derf",
    family="sigmoid",
    symbol=r"\operatorname{Derf}",
    aliases=("Dynamic erf", "dynamic error function", "Dynamic_erf", "erf(αx + s)"),
    expr="erf(alpha*x + s)",
    params=(
        Param("alpha", "alpha", "0.5", "scale of the input, one learned scalar per layer; 0.5 is its initial "
              "value in the authors' code, alpha_init_value=0.5, and 1.0 for DiT-XL", family=("0.25", "0.5", "1", "3"), learned=True),
        Param("shift", "s", "0", "shift of the input, one learned scalar per layer; 0 is its initial value "
              "in the authors' code, shift_init_value=0.0", family=("-1", "0", "1"), learned=True, assume="real"),
    ),
    plot_range=(-6, 6),
    identities=(
        Identity("The derivative: a Gaussian bump centred at −s/α", "df(x)",
                 "2*alpha*exp(-(alpha*x + s)**2)/sqrt(pi)"),
        Identity("The shift moves the curve by −s/α along x", "f(x - s/alpha)", "erf(alpha*x)"),
        Identity("It is odd about its zero x₀ = −s/α", "f(-x - 2*s/alpha)", "-f(x)"),
        Identity("With α = 1/√2 and s = 0 it is the normal CDF, rescaled to (−1, 1)",
                 "f(x, alpha=sqrt(2)/2, s=0)", "2*Phi(x) - 1"),
        Identity("GELU is x times that normal CDF", "gelu(x)", "x*(1 + f(x, alpha=sqrt(2)/2, s=0))/2"),
        Identity("Through the complementary error function", "f(x)", "1 - erfc(alpha*x + s)"),
    ),
    frameworks=(
        Framework("PyTorch", ("torch.erf(alpha * x + shift)",),
                  "No built-in. The authors' module (`Dynamic_erf` in `dynamic_erf.py`) "
                  "stores α and s as one-element `nn.Parameter`s (initial values 0.5 and 0.0) and "
                  "applies the per-channel `weight` (γ) and `bias` (β) after the erf.",
                  PT + "torch.erf.html", setup=("alpha = 0.5", "shift = 0.0")),
        Framework("Keras", ("keras.ops.erf(alpha * x + shift)",),
                  "No built-in: write it out, with α and s weights of your layer to learn them.",
                  KERAS_ACTIVATIONS, setup=("alpha = 0.5", "shift = 0.0")),
        Framework("JAX", ("jax.lax.erf(alpha * x + shift)",),
                  "No built-in: write it out (`jax.scipy.special.erf` is the same erf).",
                  "https://docs.jax.dev/en/latest/_autosummary/jax.lax.erf.html",
                  setup=("alpha = 0.5", "shift = 0.0")),
        Framework("TensorFlow", ("tf.math.erf(alpha * x + shift)",), "No built-in: write it out.",
                  TFDOC + "tf/math/erf", setup=("alpha = 0.5", "shift = 0.0")),
    ),
    references=(
        Reference("M. Chen, T. Lu, J. Zhu, M. Sun, Z. Liu", 2025, "Stronger normalization-free transformers",
                  "https://arxiv.org/abs/2512.10938",
                  "Introduced Derf(x) = γ·erf(αx + s) + β, with α and s learnable scalars and γ, β "
                  "per-channel vectors, found by a search over point-wise functions as a replacement "
                  "for LayerNorm, RMSNorm and DyT."),
        Reference("J. Zhu, X. Chen, K. He, Y. LeCun, Z. Liu", 2025, "Transformers without normalization",
                  "https://arxiv.org/abs/2503.10622",
                  "DyT, tanh(αx): the point-wise replacement for normalization that Derf builds on."),
    ),
    used_in=(
        UsedIn("ViT-B/L on ImageNet-1K and DiT-B/L/XL image generation, in place of every LayerNorm",
               DERF_CODE + "ViT/dynamic_erf.py",
               "The paper's experiments: convert_ln_to_derf replaces each nn.LayerNorm by Dynamic_erf, "
               "α₀ = 0.5 and s₀ = 0 (DiT/train.py sets α₀ = 1 for DiT-XL)"),
        UsedIn("wav2vec 2.0, HyenaDNA and Caduceus (DNA), GPT-2", DERF_CODE + "README.md",
               "The paper's other experiments, with their patches in the same repository"),
    ),
    scipy="scipy.special.erf(0.5 * x)",
)
