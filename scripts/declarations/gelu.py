"""gelu: its declaration (see scripts/activations.py for the fields)."""

from activations import (
    Activation, Framework, Identity, JAXDOC, KERAS_ACTIVATIONS, PT, Reference, TFDOC, UsedIn, Variant,
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
        UsedIn("Hugging Face transformers: \"gelu\" is x·Φ(x), \"gelu_new\" the tanh form (ACT2FN)",
               "https://github.com/huggingface/transformers/blob/00e12e7c54598e50e7bef1540db3408f81916de1/"
               "src/transformers/activations.py",
               "GELUActivation and NewGELUActivation"),
    ),
    concepts=("concepts/frameworks.md", "experiments/training_comparison.py"),
    scipy="x * scipy.special.ndtr(x)",
)
