"""geglu: its declaration (see scripts/activations.py for the fields)."""

from activations import Activation, HiddenAct, Identity, Naive, Reference, UsedIn, Variant

TF_T5 = "https://github.com/google-research/text-to-text-transfer-transformer/blob/"
HF = "https://github.com/huggingface/transformers/blob/v5.24.0/src/transformers/models/"
GEMMA = "https://github.com/google-deepmind/gemma/blob/7691fd4e7f26c9ec5db38110dddb3addfab4d767/"

ACTIVATION = Activation(
    slug="geglu",
    name="GeGLU",
    family="gated",
    symbol=r"\operatorname{GeGLU}",
    aliases=("GEGLU", "GELU gated linear unit", "gated GELU", "gated-gelu"),
    kind="gated",
    gate="first",  # Shazeer's GELU(xW) ⊗ xV, T5's wi_0, Gemma's gate_proj: the first half is the gate
    # GELU's tanh form, the one T5 v1.1 (Mesh TensorFlow's mtf.gelu) and Gemma (jax.nn.gelu) compute.
    expr="b*a/2*(1 + tanh(sqrt(2/pi)*(a + 44715*a**3/1000000)))",
    plot_range=(-4, 3),
    variants=(
        Variant(
            label="exact GELU",
            kwargs={"approximate": "none"},
            selected_by=("approximate=False",),
            expr="b*a*Phi(a)",
            description=("The gate through the exact GELU a·Φ(a) instead of its tanh form: what Shazeer's "
                         "paper writes (GELU(x) = xΦ(x)), and what `torch.nn.functional.gelu(a)` gives "
                         "with its default `approximate=\"none\"`. The snippet selects it with "
                         "`approximate=\"none\"` (or `False`)."),
        ),
    ),
    identities=(
        Identity("The tanh form is a sigmoid gate: GeGLU = a·σ(2√(2/π)(a + 0.044715a³))·b", "f(a, b)",
                 "b*a*sigmoid(2*sqrt(2/pi)*(a + 44715*a**3/1000000))"),
        Identity("A gate and its mirror image differ by the product of the halves", "f(a, b) - f(-a, b)",
                 "a*b"),
    ),
    hidden_act=(
        HiddenAct("gelu_pytorch_tanh", kwargs={},
                  note="ACT2FN gives the gate's function, GELU's tanh form (torch.nn.functional.gelu with "
                       "approximate=\"tanh\"); the model multiplies it by the other projection: "
                       "act_fn(gate_proj(x)) * up_proj(x) in Gemma."),
        HiddenAct("gelu_new", kwargs={},
                  note="ACT2FN gives the gate's function, GELU's tanh form written out in PyTorch; T5's "
                       "feed_forward_proj=\"gated-gelu\" selects it, and T5DenseGatedActDense computes "
                       "act(wi_0(x)) * wi_1(x)."),
    ),
    references=(
        Reference("N. Shazeer", 2020, "GLU variants improve Transformer", "https://arxiv.org/abs/2002.05202",
                  "Introduced it as GEGLU(x, W, V, b, c) = GELU(xW + b) ⊗ (xV + c), used without biases in "
                  "T5-style feed-forward layers; the paper writes GELU(x) = xΦ(x), its experiments ran in the "
                  "T5 (Mesh TensorFlow) codebase, whose gelu is the tanh form."),
        Reference("D. Hendrycks, K. Gimpel", 2016, "Gaussian error linear units (GELUs)",
                  "https://arxiv.org/abs/1606.08415", "GELU x·Φ(x) and its tanh approximation."),
        Reference("C. Raffel, N. Shazeer, A. Roberts, K. Lee, S. Narang, M. Matena, Y. Zhou, W. Li, P. J. Liu",
                  2020, "Exploring the limits of transfer learning with a unified text-to-text transformer",
                  "https://arxiv.org/abs/1910.10683",
                  "T5; its v1.1 checkpoints switched the feed-forward layers to GeGLU."),
        Reference("Gemma Team", 2024, "Gemma: open models based on Gemini research and technology",
                  "https://arxiv.org/abs/2403.08295", "GeGLU feed-forward layers (Gemma 1)."),
    ),
    used_in=(
        UsedIn("T5 v1.1 (and mT5): GeGLU feed-forward layers, GELU's tanh form",
               TF_T5 + "e081111ccd51df425aa7124e8e311ed6d403d767/t5/models/gin/models/t5.1.1.base.gin",
               "DenseReluDense.activation = [\"gelu\", \"linear\"]: mtf.gelu (the tanh form) on the first "
               "projection times the second; transformers maps feed_forward_proj=\"gated-gelu\" to "
               "dense_act_fn=\"gelu_new\" (models/t5/configuration_t5.py; MT5Config's default)",
               config="gated-gelu", config_key="feed_forward_proj"),
        UsedIn("Gemma 1: GeGLU feed-forward layers, GELU's tanh form",
               HF + "gemma/configuration_gemma.py",
               "GemmaConfig's hidden_act defaults to gelu_pytorch_tanh and replaces the legacy \"gelu\" of "
               "the first releases by it; GemmaMLP computes act_fn(gate_proj(x)) * up_proj(x)",
               config="gelu_pytorch_tanh", config_key="hidden_act"),
        UsedIn("Gemma 2 and Gemma 3: GeGLU feed-forward layers, GELU's tanh form",
               HF + "gemma2/configuration_gemma2.py",
               "Gemma2Config and Gemma3TextConfig: hidden_activation = \"gelu_pytorch_tanh\"",
               config="gelu_pytorch_tanh", config_key="hidden_activation"),
        UsedIn("Gemma, Google DeepMind's reference code: nn.gelu(gate[..., 0, :]) * gate[..., 1, :]",
               GEMMA + "gemma/gm/nn/_modules.py",
               "FeedForward; Flax's nn.gelu is jax.nn.gelu, approximate=True (the tanh form) by default"),
    ),
    naive=Naive("a, b = np.split(x, 2, axis=-1); "
                "a / 2 * (1 + np.tanh(np.sqrt(2 / np.pi) * (a + 0.044715 * a**3))) * b",
                "a, b = np.split(x, 2, axis=-1); t = np.tanh(np.sqrt(2 / np.pi) * (a + 0.044715 * a**3)); "
                "d = (1 + t) / 2 + a / 2 * (1 - t**2) * np.sqrt(2 / np.pi) * (1 + 3 * 0.044715 * a**2); "
                "np.concatenate([d * b, a / 2 * (1 + t)], axis=-1)"),
)
