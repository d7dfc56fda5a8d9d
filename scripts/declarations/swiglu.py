"""swiglu: its declaration (see scripts/activations.py for the fields)."""

from activations import (
    Activation, Framework, HiddenAct, Identity, JAXDOC, Naive, PT, Reference, TFDOC, UsedIn, Variant,
)

GPT_OSS = ("https://github.com/openai/gpt-oss/blob/7b583341fe16729127f6d5b94a7b09ccae97e1a1/gpt_oss/torch/"
           "model.py#L249-L256")
HF = "https://github.com/huggingface/transformers/blob/v5.24.0/src/transformers/models/"

ACTIVATION = Activation(
    slug="swiglu",
    name="SwiGLU",
    family="gated",
    symbol=r"\operatorname{SwiGLU}",
    aliases=("Swish-gated linear unit", "SiLU and mul", "silu_and_mul"),
    kind="gated",
    gate="first",  # Shazeer's Swish(xW)·xV, LLaMA's act(gate_proj(x))·up_proj(x), vLLM's silu(x[:d])·x[d:]
    expr="a*b/(1 + exp(-a))",
    plot_range=(-8, 8),  # wide enough to show gpt-oss's clamp at 7
    variants=(
        Variant(
            label="gpt-oss clamped",
            kwargs={"variant": "gpt-oss"},
            expr="Min(a, 7)*exp(1702*Min(a, 7)/1000)/(1 + exp(1702*Min(a, 7)/1000))*(Min(Max(b, -7), 7) + 1)",
            # At a = 7: PyTorch's clamp passes the gradient at its bound, so the left value
            # σ(t) + t·σ(t)·σ(−t), t = 7·1.702 = 5957/500 (written as SymPy writes the left quotient).
            kink_derivative={"7": "(6457*exp(5957/500) + 6957*exp(5957/250) + 500*exp(17871/500))"
                                  "/(500*(1 + 3*exp(5957/500) + 3*exp(5957/250) + exp(17871/500)))"},
            description=("The feed-forward experts of OpenAI's gpt-oss (`swiglu(x, alpha=1.702, limit=7.0)` in "
                         "`gpt_oss/torch/model.py`, lines 249–256 at commit 7b58334): the gate g is clamped from "
                         "above at 7, the linear half l clipped to [−7, 7], and the output is "
                         "g·σ(1.702·g)·(l + 1), so the gate function is Swish with β = 1.702 rather than SiLU. "
                         "transformers' `GptOssExperts._apply_gate` computes the same. At the clamps the "
                         "snippet returns PyTorch's one-sided gradients (clamp passes the gradient at its "
                         "bounds). gpt-oss interleaves the two halves (gate `x[..., ::2]`, linear "
                         "`x[..., 1::2]`); the snippet splits halves, so de-interleave first."),
        ),
    ),
    identities=(
        Identity("SwiGLU multiplies SiLU of the first half by the second", "f(a, b)", "silu(a)*b"),
        Identity("Mirroring the gate leaves the bilinear part a·b", "f(a, b) - f(-a, b)", "a*b"),
        Identity("In GLU's convention (the second half gates), SwiGLU is GLU of (a·b, a)", "f(a, b)",
                 "glu(a*b, a)"),
    ),
    frameworks=(
        Framework("PyTorch", ("torch.nn.functional.silu(x.chunk(2, -1)[0]) * x.chunk(2, -1)[1]",),
                  "No built-in (PyTorch has `torch.nn.functional.glu` only, which gates with the sigmoid of "
                  "the *second* half): SiLU of the first half times the second. `x.chunk(2, -1)` splits "
                  "the last dimension (`dim` defaults to 0) and does not check the length: for an odd length its "
                  "halves differ in size and broadcast without an error.",
                  PT + "torch.nn.functional.silu.html"),
        Framework("Keras", ("keras.ops.silu(keras.ops.split(x, 2, -1)[0]) * keras.ops.split(x, 2, -1)[1]",),
                  "No built-in (`keras.ops.glu` gates with the sigmoid of the second half). "
                  "`keras.ops.split` splits along axis 0 unless given the axis, here the last (`-1`)."),
        Framework("JAX", ("jax.nn.silu(jnp.split(x, 2, axis=-1)[0]) * jnp.split(x, 2, axis=-1)[1]",),
                  "No built-in (`jax.nn.glu` gates with the sigmoid of the second half). `jnp.split` splits "
                  "along axis 0 unless given `axis`.", JAXDOC + "jax.nn.silu.html"),
        Framework("TensorFlow", ("tf.nn.silu(tf.split(x, 2, axis=-1)[0]) * tf.split(x, 2, axis=-1)[1]",),
                  "No built-in, and no `tf.nn.glu` either. `tf.split` splits along axis 0 unless given "
                  "`axis`.", TFDOC + "tf/nn/silu"),
    ),
    references=(
        Reference("N. Shazeer", 2020, "GLU variants improve Transformer", "https://arxiv.org/abs/2002.05202",
                  "Introduced it: SwiGLU(x, W, V, b, c, β) = Swish_β(xW + b) ⊗ (xV + c), the activated "
                  "projection written first; FFN_SwiGLU = (Swish_1(xW) ⊗ xV)W_2, with d_ff reduced by 2/3 "
                  "to keep the parameter count."),
        Reference("Y. N. Dauphin, A. Fan, M. Auli, D. Grangier", 2017,
                  "Language modeling with gated convolutional networks", "https://arxiv.org/abs/1612.08083",
                  "GLU, the sigmoid-gated original that SwiGLU varies."),
        Reference("P. Ramachandran, B. Zoph, Q. V. Le", 2017, "Searching for activation functions",
                  "https://arxiv.org/abs/1710.05941", "Swish, x·σ(βx), the gate function (β = 1: SiLU)."),
        Reference("OpenAI", 2025, "gpt-oss-120b & gpt-oss-20b model card", "https://arxiv.org/abs/2508.10925",
                  "The model whose experts use the clamped variant; its code: openai/gpt-oss, "
                  "gpt_oss/torch/model.py, swiglu()."),
    ),
    used_in=(
        UsedIn("PaLM", "https://arxiv.org/abs/2204.02311",
               "Chowdhery et al. 2022: SwiGLU, Swish(xW)·xV, in the MLP"),
        UsedIn("LLaMA", HF + "llama/modeling_llama.py",
               "Touvron et al. 2023 (arXiv:2302.13971): SwiGLU in place of ReLU, hidden size 2/3·4d; "
               "transformers' LlamaMLP: down_proj(act_fn(gate_proj(x)) * up_proj(x))",
               config="silu", config_class="LlamaConfig"),
        UsedIn("Llama 2", "https://github.com/meta-llama/llama/blob/0504cf440a50aab815cadccd10a46e7ba70ff344/"
               "llama/model.py", "FeedForward: w2(silu(w1(x)) * w3(x)); Touvron et al. 2023, arXiv:2307.09288"),
        UsedIn("Llama 3", "https://github.com/meta-llama/llama3/blob/0a3d7172e92f0bb293c297634a8ae0cb320c8d52/"
               "llama/model.py", "FeedForward: w2(silu(w1(x)) * w3(x)); Llama Team 2024, arXiv:2407.21783"),
        UsedIn("Mistral 7B", HF + "mistral/modeling_mistral.py",
               "MistralMLP: down_proj(act_fn(gate_proj(x)) * up_proj(x))",
               config="silu", config_class="MistralConfig"),
        UsedIn("Mixtral", HF + "mixtral/modeling_mixtral.py",
               "each expert: one fused gate_up_proj, gate, up = ….chunk(2, dim=-1), act_fn(gate) * up",
               config="silu", config_class="MixtralConfig"),
        UsedIn("Qwen", "https://arxiv.org/abs/2309.16609",
               "Bai et al. 2023: SwiGLU, feed-forward width 8/3 of the hidden size"),
        UsedIn("Qwen2", HF + "qwen2/modeling_qwen2.py",
               "Qwen2MLP: down_proj(act_fn(gate_proj(x)) * up_proj(x))",
               config="silu", config_class="Qwen2Config"),
        UsedIn("Qwen3", HF + "qwen3/modeling_qwen3.py",
               "Qwen3MLP: down_proj(act_fn(gate_proj(x)) * up_proj(x))",
               config="silu", config_class="Qwen3Config"),
        UsedIn("DeepSeek-V3", HF + "deepseek_v3/modeling_deepseek_v3.py",
               "DeepseekV3MLP (gate_proj, up_proj) and the routed experts (fused gate_up_proj, gate first)",
               config="silu", config_class="DeepseekV3Config"),
        UsedIn("OLMo 2", HF + "olmo2/modeling_olmo2.py",
               "Olmo2MLP: down_proj(act_fn(gate_proj(x)) * up_proj(x))",
               config="silu", config_class="Olmo2Config"),
        UsedIn("Phi-3", HF + "phi3/modeling_phi3.py",
               "Phi3MLP: one fused gate_up_proj, gate, up = ….chunk(2, dim=-1), up * activation_fn(gate)",
               config="silu", config_class="Phi3Config"),
        UsedIn("gpt-oss", GPT_OSS,
               "the clamped variant, swiglu(x, alpha=1.702, limit=7.0), in every expert, halves interleaved; "
               "transformers' GptOssExperts._apply_gate computes the same (its hidden_act \"silu\" is unused)",
               config="7.0", config_key="swiglu_limit", config_class="GptOssConfig"),
    ),
    hidden_act=(
        HiddenAct("silu", note="`SiLUActivation` as the gate function: LLaMA-style MLPs compute "
                  "`act_fn(gate_proj(x)) * up_proj(x)`"),
        HiddenAct("swish", note="PyTorch's `nn.SiLU`: the same gate function"),
    ),
    concepts=("concepts/vanishing-gradients.md",),
    naive=Naive("a, b = np.split(x, 2, axis=-1); a * b / (1 + np.exp(-a))",
                "a, b = np.split(x, 2, axis=-1); s = 1 / (1 + np.exp(-a)); "
                "np.concatenate([b * s * (1 + a * (1 - s)), a * s], axis=-1)"),
)
