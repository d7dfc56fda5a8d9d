"""soft_cap: its declaration (see scripts/activations.py for the fields)."""

from activations import Activation, Framework, Identity, KERAS_ACTIVATIONS, Naive, Param, PT, Reference, TFDOC, \
    UsedIn

GEMMA_PYTORCH = ("https://github.com/google/gemma_pytorch/blob/014acb7ac4563a5f77c76d7ff98f31b568c16508/"
                 "gemma/config.py")
HF = "https://github.com/huggingface/transformers/blob/v5.24.0/src/transformers/models/"
GROK1 = "https://github.com/xai-org/grok-1/blob/7050ed204b8206bb8645c7b7bbef7252f79561b0/model.py"

ACTIVATION = Activation(
    slug="soft_cap",
    name="Soft-capping",
    family="sigmoid",
    symbol=r"\operatorname{softcap}",
    aliases=("logit soft-capping", "soft cap", "softcap", "logit softcapping", "tanh soft-capping",
             "attn_logit_softcapping", "final_logit_softcapping"),
    expr="c*tanh(x/c)",
    params=(
        Param("cap", "c", "30", "the bound: outputs stay in (−c, c), and the output is close to x while "
              "|x| ≪ c; Gemma 2 uses 30 for the final logits and 50 for the attention logits",
              family=("10", "30", "50")),
    ),
    plot_range=(-60, 60),
    identities=(
        Identity("c times DyT with α = 1/c", "f(x)", "c*dyt(x, alpha=c**(-1))"),
        Identity("The derivative in terms of the output", "df(x)", "1 - (f(x)/c)**2"),
        Identity("Soft-capping is odd", "f(-x)", "-f(x)"),
        Identity("As c → ∞ it becomes the identity", "Limit(f(x, c=c), c, oo)", "x"),
    ),
    frameworks=(
        Framework("PyTorch", ("cap * torch.tanh(x / cap)",),
                  "No built-in: Hugging Face transformers' Gemma 2 code writes it out as "
                  "three statements, `/ softcap`, `torch.tanh`, `* softcap`, for both the attention "
                  "scores and the final logits.", PT + "torch.tanh.html", setup=("cap = 30.0",)),
        Framework("Keras", ("cap * keras.ops.tanh(x / cap)",),
                  "No built-in activation, but Keras applies it in two places. "
                  "`keras.layers.ReversibleEmbedding(..., logit_soft_cap=30.0)` computes "
                  "`tanh(logits / cap) * cap` on the logits of its reverse (output) call. "
                  "`keras.ops.dot_product_attention(..., attn_logits_soft_cap=50.0)` caps attention "
                  "logits only on the JAX backend on a TPU and raises a ValueError elsewhere; there it "
                  "calls JAX's splash-attention kernel, which computes `tanh(logits / cap) * cap`, "
                  "although the docstring of Keras' JAX backend describes `logits / (1 + |logits| / cap)`.",
                  KERAS_ACTIVATIONS, setup=("cap = 30.0",)),
        Framework("JAX", ("cap * jax.numpy.tanh(x / cap)",), "No built-in: write it out.",
                  "https://docs.jax.dev/en/latest/_autosummary/jax.numpy.tanh.html", setup=("cap = 30.0",)),
        Framework("TensorFlow", ("cap * tf.math.tanh(x / cap)",), "No built-in: write it out.",
                  TFDOC + "tf/math/tanh", setup=("cap = 30.0",)),
    ),
    references=(
        Reference("Gemma Team (M. Riviere, S. Pathak, P. G. Sessa, C. Hardin, S. Bhupatiraju, L. Hussenot, "
                  "T. Mesnard, B. Shahriari, A. Ramé, et al.)", 2024,
                  "Gemma 2: improving open language models at a practical size", "https://arxiv.org/abs/2408.00118",
                  "Caps the logits of every attention layer and of the final layer with c·tanh(x/c): "
                  "c = 50 for the attention logits and 30 for the final logits."),
        Reference("I. Bello, H. Pham, Q. V. Le, M. Norouzi, S. Bengio", 2016,
                  "Neural combinatorial optimization with reinforcement learning", "https://arxiv.org/abs/1611.09940",
                  "An earlier use, there called logit clipping: the pointer network's attention logits u "
                  "replaced by C·tanh(u), which keeps them in (−C, C)."),
    ),
    used_in=(
        UsedIn("Gemma 2 (2B, 9B, 27B): every attention layer's logits", GEMMA_PYTORCH,
               "google/gemma_pytorch: get_config_for_2b_v2, get_config_for_9b and get_config_for_27b; "
               "transformers' Gemma2Config has the same default", config="50.0",
               config_key="attn_logit_softcapping", config_class="Gemma2Config"),
        UsedIn("Gemma 2 (2B, 9B, 27B): the final (vocabulary) logits", GEMMA_PYTORCH,
               "the same configs; transformers' Gemma2Config has the same default", config="30.0",
               config_key="final_logit_softcapping", config_class="Gemma2Config"),
        UsedIn("Gemma 3n: the final (vocabulary) logits", HF + "gemma3n/configuration_gemma3n.py",
               "transformers' Gemma3nTextConfig; Gemma3nForCausalLM applies it to the logits",
               config="30.0", config_key="final_logit_softcapping", config_class="Gemma3nTextConfig"),
        UsedIn("Grok-1 (314B): every attention layer's logits, after scaling them by 1/√128", GROK1,
               "xai-org/grok-1 model.py hard-codes it, not a config setting: max_attn_val = 30.0, "
               "attn_logits = max_attn_val * jnp.tanh(attn_logits / max_attn_val)"),
    ),
    naive=Naive("cap * np.tanh(x / cap)", "1 - np.tanh(x / cap) ** 2"),
)
