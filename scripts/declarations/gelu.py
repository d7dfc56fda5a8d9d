"""gelu: its declaration (see scripts/activations.py for the fields)."""

from activations import (
    Activation, HiddenAct, Framework, Identity, JAXDOC, KERAS_ACTIVATIONS, PT, Reference, TFDOC, UsedIn, Variant,
)

ACTIVATION = Activation(
    slug="gelu",
    name="GELU",
    family="self_gated",
    symbol=r"\operatorname{GELU}",
    aliases=("Gaussian error linear unit", "gelu_new", "approximate GELU", "tanh GELU"),
    expr="x*Phi(x)",
    plot_range=(-4, 3),
    variants=(
        Variant(
            label="tanh approximation",
            kwargs={"approximate": "tanh"},
            selected_by=("approximate=True",),
            expr="x/2*(1 + tanh(sqrt(2/pi)*(x + 44715*x**3/1000000)))",
            description=("Hendrycks and Gimpel's approximation of Φ(x) by (1 + tanh(√(2/π)(x + 0.044715x³)))/2. "
                         "PyTorch selects it with `approximate=\"tanh\"`, Keras, TensorFlow and JAX with "
                         "`approximate=True`; the snippet accepts both (and `False` or `\"none\"` for "
                         "x·Φ(x))."),
        ),
    ),
    identities=(
        Identity("Φ through the error function", "f(x)", "x*(1 + erf(x/sqrt(2)))/2"),
        Identity("The derivative: Φ plus x times the normal density φ", "df(x)",
                 "Phi(x) + x*exp(-x**2/2)/sqrt(2*pi)"),
        Identity("The odd part is x/2 (Φ(x) + Φ(−x) = 1)", "f(x) - f(-x)", "x"),
    ),
    frameworks=(
        Framework("PyTorch", ('torch.nn.GELU(approximate="none")', 'torch.nn.functional.gelu(x, approximate="none")',
                              'torch.nn.functional.gelu(x, approximate="tanh")'),
                  "The default `approximate=\"none\"` is x·Φ(x); `approximate=\"tanh\"` selects the tanh form.",
                  PT + "torch.nn.GELU.html"),
        Framework("Keras", ("keras.activations.gelu(x, approximate=False)", "keras.ops.gelu(x, approximate=True)"),
                  "The two Keras functions differ in their default: `keras.activations.gelu` (and "
                  "`keras.layers.Activation(\"gelu\")`) computes x·Φ(x) unless `approximate=True`, "
                  "`keras.ops.gelu` the tanh form unless `approximate=False`. No GELU layer.",
                  KERAS_ACTIVATIONS),
        Framework("JAX", ("jax.nn.gelu(x, approximate=True)", "jax.nn.gelu(x, approximate=False)"),
                  "The default is the tanh form: `approximate=False` gives x·Φ(x).",
                  JAXDOC + "jax.nn.gelu.html"),
        Framework("TensorFlow", ("tf.nn.gelu(x, approximate=False)", "tf.nn.gelu(x, approximate=True)"),
                  "The default is x·Φ(x); `approximate=True` selects the tanh form.", TFDOC + "tf/nn/gelu"),
    ),
    references=(
        Reference("D. Hendrycks, K. Gimpel", 2016, "Gaussian error linear units (GELUs)",
                  "https://arxiv.org/abs/1606.08415",
                  "Introduced x·Φ(x) and its tanh approximation (and x·σ(1.702x))."),
    ),
    used_in=(
        UsedIn("BERT: the tanh form in the feed-forward layers of Google's reference code",
               "https://github.com/google-research/bert/blob/0017e7ecb4aa6b40e6d21ab7d46d2b055f88f236/modeling.py",
               "modeling.py, gelu(); Devlin et al. 2018, arXiv:1810.04805"),
        UsedIn("BERT (Hugging Face port)", "https://github.com/huggingface/transformers/blob/main/src/transformers/models/bert/configuration_bert.py",
               "exact GELU, as Google's first release (erf); Google's repository switched to the tanh form in "
               "February 2019", config="gelu", config_class="BertConfig"),
        UsedIn("ViT", "https://github.com/huggingface/transformers/blob/main/src/transformers/models/vit/configuration_vit.py",
               "the original JAX code calls flax's `nn.gelu`, the tanh form by default",
               config="gelu", config_class="ViTConfig"),
        UsedIn("ConvNeXt, ConvNeXt V2", "https://github.com/facebookresearch/ConvNeXt/blob/"
               "048efcea897d999aed302f2639b6270aedf8d4c8/models/convnext.py#L31",
               "`nn.GELU()` in the reference code", config="gelu", config_class="ConvNextConfig"),
        UsedIn("Whisper", "https://github.com/openai/whisper/blob/c0d2f624c09dc18e709e37c2ad90c039a4eb72a2/"
               "whisper/model.py#L156", "`nn.GELU()` in OpenAI's code", config="gelu",
               config_key="activation_function", config_class="WhisperConfig"),
        UsedIn("GPT-2", "https://github.com/openai/gpt-2/blob/9b63575ef42771a015060c964af2c3da4cf7c8ab/"
               "src/model.py#L25-L26", "the tanh form in OpenAI's code; GPT-J and GPT-Neo too",
               config="gelu_new", config_key="activation_function", config_class="GPT2Config"),
        UsedIn("Phi-1, Phi-1.5, Phi-2", "https://github.com/huggingface/transformers/blob/main/src/transformers/models/phi/configuration_phi.py", "", config="gelu_new",
               config_class="PhiConfig"),
        UsedIn("SigLIP", "https://github.com/huggingface/transformers/blob/main/src/transformers/models/siglip/configuration_siglip.py", "", config="gelu_pytorch_tanh",
               config_class="SiglipVisionConfig"),
        UsedIn("StarCoder2", "https://github.com/huggingface/transformers/blob/main/src/transformers/models/starcoder2/configuration_starcoder2.py", "", config="gelu_pytorch_tanh",
               config_class="Starcoder2Config"),
    ),
    concepts=("concepts/frameworks.md", "experiments/training_comparison.py"),
    scipy="x * scipy.special.ndtr(x)",
    hidden_act=(
        HiddenAct("gelu", note="`GELUActivation`: PyTorch's exact `gelu`"),
        HiddenAct("gelu_python", note="the same, written with `math.erf` in Python"),
        HiddenAct("gelu_new", {"approximate": "tanh"}, "`NewGELUActivation`: the tanh form, as GPT-2 and "
                  "Google's BERT code write it"),
        HiddenAct("gelu_pytorch_tanh", {"approximate": "tanh"}, "`GELUTanh`: PyTorch's "
                  "`gelu(approximate=\"tanh\")`"),
        HiddenAct("gelu_python_tanh", {"approximate": "tanh"}, "the same, written in Python"),
        HiddenAct("gelu_accurate", {"approximate": "tanh"}, "`AccurateGELUActivation`: despite its name, the "
                  "tanh form, not the exact GELU"),
        HiddenAct("gelu_fast", {"approximate": "tanh"}, "`FastGELUActivation`: the tanh form with √(2/π) rounded "
                  "to 0.7978845608, so it differs from the snippet by about 1e-12", atol=1e-11),
    ),
)
