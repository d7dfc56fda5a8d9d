"""quick_gelu: its declaration (see scripts/activations.py for the fields)."""

from activations import (
    Activation, Framework, HiddenAct, Identity, JAXDOC, Naive, Param, PT, Reference, TFDOC, UsedIn,
)

TRANSFORMERS = "https://github.com/huggingface/transformers/blob/v5.24.0/src/transformers/"
CLIP = "https://github.com/openai/CLIP/blob/0845fc462666c43bda82243874b66a0071464510/clip/model.py"

ACTIVATION = Activation(
    slug="quick_gelu",
    name="QuickGELU",
    family="self_gated",
    symbol=r"\operatorname{QuickGELU}",
    aliases=("quick_gelu", "Quick GELU", "sigmoid GELU", "x·sigmoid(1.702x)", "QuickGELUActivation"),
    expr="x / (1 + exp(-c*x))",
    constants=(
        Param("C", "c", "851/500", "the sigmoid's scale, 1.702 exactly, chosen so that σ(1.702x) is "
              "close to Φ(x)"),
    ),
    plot_range=(-4, 3),
    identities=(
        Identity("Swish with β = 1.702", "f(x)", "swish(x, beta=c)"),
        Identity("SiLU of 1.702x, divided by 1.702", "f(x)", "silu(c*x)/c"),
        Identity("The input times the sigmoid of 1.702x", "f(x)", "x*sigmoid(c*x)"),
        Identity("The derivative is SiLU's derivative at 1.702x", "df(x)",
                 "sigmoid(c*x)*(1 + c*x*(1 - sigmoid(c*x)))"),
        Identity("The odd part is x/2, as for GELU", "f(x) - f(-x)", "x"),
    ),
    frameworks=(
        Framework("PyTorch", ("x * torch.sigmoid(1.702 * x)",),
                  "No built-in: this line is OpenAI CLIP's `QuickGELU.forward` and Hugging Face "
                  "transformers' `QuickGELUActivation`, verbatim.", PT + "torch.sigmoid.html"),
        Framework("Keras", ("x * keras.ops.sigmoid(1.702 * x)",),
                  "No built-in: compose it. `keras.activations.swish` and `keras.ops.silu` take no β.",
                  ),
        Framework("JAX", ("x * jax.nn.sigmoid(1.702 * x)",),
                  "No built-in: compose it; `jax.nn.silu` takes no β.", JAXDOC + "jax.nn.sigmoid.html"),
        Framework("TensorFlow", ("tf.nn.silu(x, beta=1.702)",),
                  "`tf.nn.silu` computes x·σ(βx), so `beta=1.702` is QuickGELU, the only built-in form of "
                  "the four.", TFDOC + "tf/nn/silu"),
    ),
    hidden_act=(
        HiddenAct("quick_gelu", note="`QuickGELUActivation`: `input * torch.sigmoid(1.702 * input)`, with "
                                     "1.702 rounded to the input's dtype."),
    ),
    references=(
        Reference("D. Hendrycks, K. Gimpel", 2016, "Gaussian error linear units (GELUs)",
                  "https://arxiv.org/abs/1606.08415",
                  "GELU, x·Φ(x), and its approximations; the authors' code repository "
                  "(github.com/hendrycks/GELUs) names `sigmoid(1.702 * x) * x` the fast but somewhat "
                  "inaccurate one."),
        Reference("A. Radford, J. W. Kim, C. Hallacy, A. Ramesh, G. Goh, S. Agarwal, G. Sastry, A. Askell, "
                  "P. Mishkin, J. Clark, G. Krueger, I. Sutskever", 2021,
                  "Learning transferable visual models from natural language supervision",
                  "https://arxiv.org/abs/2103.00020",
                  "CLIP; its released code (github.com/openai/CLIP) computes its Transformers' activation as "
                  "`QuickGELU`, x·σ(1.702x)."),
    ),
    used_in=(
        UsedIn("CLIP (OpenAI): the MLP of every residual attention block, text and image encoders", CLIP,
               "`QuickGELU` in `ResidualAttentionBlock`, as the module named \"gelu\"; Radford et al. 2021"),
        UsedIn("CLIP in Hugging Face transformers: the text encoder (openai/clip-vit-base-patch32 and the "
               "other OpenAI checkpoints)", TRANSFORMERS + "models/clip/configuration_clip.py",
               "", config="quick_gelu", config_class="CLIPTextConfig"),
        UsedIn("CLIP in Hugging Face transformers: the image encoder", TRANSFORMERS
               + "models/clip/configuration_clip.py", "", config="quick_gelu",
               config_class="CLIPVisionConfig"),
        UsedIn("X-CLIP (video CLIP)", TRANSFORMERS + "models/x_clip/configuration_x_clip.py",
               "text and vision encoders", config="quick_gelu", config_class="XCLIPVisionConfig"),
        UsedIn("Chinese-CLIP: the image encoder (its text encoder is a BERT with `gelu`)",
               TRANSFORMERS + "models/chinese_clip/configuration_chinese_clip.py", "",
               config="quick_gelu", config_class="ChineseCLIPVisionConfig"),
        UsedIn("OWL-ViT and OWLv2 (open-vocabulary detection on CLIP encoders)",
               TRANSFORMERS + "models/owlvit/configuration_owlvit.py", "also `Owlv2VisionConfig`",
               config="quick_gelu", config_class="OwlViTVisionConfig"),
        UsedIn("Qwen2-VL: the vision encoder", TRANSFORMERS + "models/qwen2_vl/configuration_qwen2_vl.py",
               "", config="quick_gelu", config_class="Qwen2VLVisionConfig"),
    ),
    concepts=("concepts/frameworks.md",),
    naive=Naive("x / (1 + np.exp(-1.702 * x))",
                "s = 1 / (1 + np.exp(-1.702 * x)); s * (1 + 1.702 * x * (1 - s))"),
    scipy="x * scipy.special.expit(1.702 * x)",
)
