"""geglu: its declaration (see scripts/activations.py for the fields)."""

from activations import (
    Activation, Framework, HiddenAct, Identity, JAXDOC, KERAS_ACTIVATIONS, Naive, PT, Reference, TFDOC, UsedIn,
    Variant,
)

TF_T5 = ("https://github.com/google-research/text-to-text-transfer-transformer/blob/"
         "a9a4c85a6368a9ad8c8b52eefa1564487c92bbee/t5/models/gin/models/t5.1.1.base.gin")
HF = "https://github.com/huggingface/transformers/blob/v5.24.0/src/transformers/models/"
GEMMA = ("https://github.com/google-deepmind/gemma/blob/03258cda22988c84733b813f696ac3a83a5a2fd6/"
         "gemma/gm/nn/_modules.py")

ACTIVATION = Activation(
    slug="geglu",
    name="GeGLU",
    family="gated",
    symbol=r"\operatorname{GeGLU}",
    aliases=("GEGLU", "GELU-gated linear unit", "gated GELU", "gated-gelu"),
    kind="gated",
    gate="first",  # Shazeer's GELU(xW) ⊗ xV, T5's wi_0, Gemma's gate_proj: the first half is the gate
    # GELU's tanh form, what T5 v1.1 (Mesh TensorFlow's mtf.gelu), Gemma and the frameworks' defaults compute.
    expr="b*a/2*(1 + tanh(sqrt(2/pi)*(a + 44715*a**3/1000000)))",
    plot_range=(-4, 3),
    variants=(
        Variant(
            label="exact GELU",
            kwargs={"approximate": "none"},
            selected_by=("approximate=False",),
            expr="b*a*Phi(a)",
            description=("The gate through the exact GELU a·Φ(a) instead of its tanh form: what Shazeer's "
                         "paper writes (GELU(x) = xΦ(x)) and what ModernBERT computes (its "
                         "`hidden_activation=\"gelu\"`, PyTorch's exact `gelu`). The snippet selects it with "
                         "`approximate=\"none\"` (or `False`)."),
        ),
    ),
    identities=(
        Identity("A gate and its mirror image differ by the product of the halves", "f(a, b) - f(-a, b)",
                 "a*b"),
    ),
    frameworks=(
        Framework("PyTorch", ('torch.mul(torch.nn.functional.gelu(x.chunk(2, -1)[0], approximate="tanh"), '
                              'x.chunk(2, -1)[1])',),
                  "No built-in: GELU of the first half times the second. `torch.nn.functional.gelu` "
                  "computes the exact a·Φ(a) unless given `approximate=\"tanh\"`, the form here. "
                  "`x.chunk(2, -1)` splits the last dimension (`dim` defaults to 0) and does not check "
                  "the length.", PT + "torch.nn.functional.gelu.html"),
        Framework("Keras", ("keras.ops.gelu(keras.ops.split(x, 2, -1)[0]) * keras.ops.split(x, 2, -1)[1]",),
                  "No built-in. `keras.ops.gelu` is the tanh form by default (`keras.activations.gelu` the "
                  "exact one). `keras.ops.split` splits along axis 0 unless given the axis, here the last "
                  "(`-1`).", KERAS_ACTIVATIONS),
        Framework("JAX", ("jax.nn.gelu(jnp.split(x, 2, -1)[0]) * jnp.split(x, 2, -1)[1]",),
                  "No built-in. `jax.nn.gelu` is the tanh form by default (`approximate=True`), as Flax's "
                  "`nn.gelu` in Gemma's reference code. `jnp.split` splits along axis 0 unless given the "
                  "axis, here the last (`-1`).", JAXDOC + "jax.nn.gelu.html"),
        Framework("TensorFlow", ("tf.nn.gelu(tf.split(x, 2, -1)[0], approximate=True) * tf.split(x, 2, -1)[1]",),
                  "No built-in. `tf.nn.gelu` computes the exact a·Φ(a) unless given `approximate=True`, the "
                  "form here. `tf.split` splits along axis 0 unless given the axis, here the last (`-1`).",
                  TFDOC + "tf/nn/gelu"),
    ),
    references=(
        Reference("N. Shazeer", 2020, "GLU variants improve Transformer", "https://arxiv.org/abs/2002.05202",
                  "Introduced it as GEGLU(x, W, V, b, c) = GELU(xW + b) ⊗ (xV + c), used without biases in "
                  "T5's feed-forward layers; the paper writes GELU(x) = xΦ(x)."),
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
        UsedIn("T5 v1.1 and mT5", TF_T5,
               "DenseReluDense.activation = [\"gelu\", \"linear\"]: mtf.gelu (the tanh form) on the first "
               "projection times the second; transformers maps feed_forward_proj=\"gated-gelu\" to "
               "dense_act_fn=\"gelu_new\" and T5DenseGatedActDense computes act(wi_0(x)) * wi_1(x)",
               config="gated-gelu", config_key="feed_forward_proj", config_class="MT5Config"),
        UsedIn("Gemma", HF + "gemma/modeling_gemma.py",
               "GemmaMLP: down_proj(act_fn(gate_proj(x)) * up_proj(x)), the tanh form (GemmaConfig replaces "
               "a legacy \"gelu\" by \"gelu_pytorch_tanh\")",
               config="gelu_pytorch_tanh", config_class="GemmaConfig"),
        UsedIn("Gemma 2", HF + "gemma2/modeling_gemma2.py",
               "Gemma2MLP: act_fn(gate_proj(x)) * up_proj(x), the tanh form",
               config="gelu_pytorch_tanh", config_key="hidden_activation", config_class="Gemma2Config"),
        UsedIn("Gemma 3", HF + "gemma3/modeling_gemma3.py",
               "Gemma3MLP: act_fn(gate_proj(x)) * up_proj(x), the tanh form",
               config="gelu_pytorch_tanh", config_key="hidden_activation", config_class="Gemma3TextConfig"),
        UsedIn("Gemma (Google DeepMind's reference code)", GEMMA,
               "FeedForward: nn.gelu(gate[..., 0, :]) * gate[..., 1, :]; Flax's nn.gelu is jax.nn.gelu, "
               "the tanh form by default"),
        UsedIn("ModernBERT", HF + "modernbert/modeling_modernbert.py",
               "ModernBertMLP: input, gate = Wi(x).chunk(2, dim=-1); Wo(act(input) * gate): the first half "
               "goes through the exact GELU (the variant), despite its name \"gate\" for the second",
               config="gelu", config_key="hidden_activation", config_class="ModernBertConfig"),
    ),
    hidden_act=(
        HiddenAct("gelu_pytorch_tanh", note="`GELUTanh`, PyTorch's `gelu(approximate=\"tanh\")`, as the gate "
                  "function: Gemma computes `act_fn(gate_proj(x)) * up_proj(x)`"),
        HiddenAct("gelu_new", note="`NewGELUActivation`, the tanh form written out: T5's "
                  "`feed_forward_proj=\"gated-gelu\"` selects it for `act(wi_0(x)) * wi_1(x)`"),
        HiddenAct("gelu", {"approximate": "none"}, "`GELUActivation`, PyTorch's exact `gelu`, as the gate "
                  "function: ModernBERT's `act(input) * gate`"),
        HiddenAct("gelu_python", {"approximate": "none"}, "the same, written with `math.erf` in Python"),
        HiddenAct("gelu_fast", note="`FastGELUActivation`: the tanh form with √(2/π) rounded to "
                  "0.7978845608, so it differs from the snippet by less than 1e-12", atol=1e-12),
    ),
    concepts=("concepts/vanishing-gradients.md",),
    naive=Naive("a, b = np.split(x, 2, axis=-1); "
                "a / 2 * (1 + np.tanh(np.sqrt(2 / np.pi) * (a + 0.044715 * a**3))) * b",
                "a, b = np.split(x, 2, axis=-1); t = np.tanh(np.sqrt(2 / np.pi) * (a + 0.044715 * a**3)); "
                "d = (1 + t) / 2 + a / 2 * (1 - t**2) * np.sqrt(2 / np.pi) * (1 + 3 * 0.044715 * a**2); "
                "np.concatenate([d * b, a / 2 * (1 + t)], axis=-1)"),
)
