"""solu: its declaration (see scripts/activations.py for the fields)."""

from activations import (
    Activation, Framework, Identity, JAXDOC, KERAS_ACTIVATIONS, Naive, PT, Reference, TFDOC, UsedIn,
)

SOLU_PAPER = "https://transformer-circuits.pub/2022/solu/index.html"
TRANSFORMER_LENS = ("https://github.com/TransformerLensOrg/TransformerLens/blob/"
                    "4cd36aaeb5dad931d085bd5d46a12b402fe15272/"
                    "transformer_lens/utilities/activation_functions.py")

ACTIVATION = Activation(
    slug="solu",
    name="SoLU",
    family="softmax",
    symbol=r"\operatorname{SoLU}",
    aliases=("softmax linear unit",),
    kind="vector",
    expr="x[i]*exp(x[i]) / Sum(exp(x[k]), (k, 1, n))",
    jacobian="KroneckerDelta(i, j)*(s[i] + y[i]) - y[i]*s[j]",
    plot_range=(-6, 6),
    identities=(
        Identity("Each output is its input times the softmax of the inputs (shown for the first of three)",
                 "f(a, b, x)[0]", "a*softmax(a, b, x)[0]"),
        Identity("The outputs add up to the softmax-weighted mean of the inputs",
                 "f(a, b, x)[0] + f(a, b, x)[1] + f(a, b, x)[2]",
                 "a*softmax(a, b, x)[0] + b*softmax(a, b, x)[1] + x*softmax(a, b, x)[2]"),
    ),
    frameworks=(
        Framework("PyTorch", ("x * torch.nn.functional.softmax(x, dim=-1)",),
                  "PyTorch has no SoLU (nothing in `torch`, `torch.nn` or `torch.nn.functional`): the input "
                  "times its softmax is SoLU. Always pass `dim` to softmax: its default `None` is deprecated.",
                  PT + "torch.nn.functional.softmax.html"),
        Framework("Keras", ("x * keras.ops.softmax(x, axis=-1)",),
                  "Keras has no SoLU (no `keras.activations.solu`, `keras.ops.solu` or layer): the input times "
                  "its softmax is SoLU.",
                  KERAS_ACTIVATIONS),
        Framework("JAX", ("x * jax.nn.softmax(x, axis=-1)",),
                  "JAX has no SoLU (no `jax.nn.solu`): the input times its softmax is SoLU.",
                  JAXDOC + "jax.nn.softmax.html"),
        Framework("TensorFlow", ("x * tf.nn.softmax(x, axis=-1)",),
                  "TensorFlow has no SoLU (no `tf.nn.solu` or `tf.math.solu`): the input times its softmax is "
                  "SoLU. The default `axis=None` of `tf.nn.softmax` also means the last axis.",
                  TFDOC + "tf/nn/softmax"),
    ),
    references=(
        Reference("N. Elhage, T. Hume, C. Olsson, N. Nanda, T. Henighan, S. Johnston, S. El Showk, N. Joseph, "
                  "N. DasSarma, B. Mann, D. Hernandez, A. Askell, K. Ndousse, A. Jones, D. Drain, A. Chen, Y. Bai, "
                  "D. Ganguli, L. Lovitt, Z. Hatfield-Dodds, J. Kernion, T. Conerly, S. Kravec, S. Fort, "
                  "S. Kadavath, J. Jacobson, E. Tran-Johnson, J. Kaplan, J. Clark, T. Brown, S. McCandlish, "
                  "D. Amodei, C. Olah", 2022,
                  "Softmax Linear Units", SOLU_PAPER,
                  "Transformer Circuits Thread (Anthropic), 27 June 2022; no arXiv version. Introduced SoLU(x) = "
                  "x·softmax(x) as the MLP activation of a transformer, followed by a LayerNorm, to make more "
                  "neurons interpretable."),
    ),
    used_in=(
        UsedIn("The SoLU transformers of Elhage et al.: the MLP activation, followed by a LayerNorm",
               SOLU_PAPER, "Anthropic, 2022"),
        UsedIn("Neel Nanda's open SoLU models (NeelNanda/SoLU_1L512W_C4_Code and others), loaded by "
               "TransformerLens", TRANSFORMER_LENS,
               "TransformerLens names it act_fn \"solu_ln\": x * softmax(x, dim=-1), then a LayerNorm over the "
               "MLP's hidden units"),
    ),
    concepts=("concepts/choosing.md",),
    naive=Naive("x * np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True)",
                "s = np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True); y = x * s; "
                "np.eye(x.shape[-1]) * (s + y)[..., :, None] - y[..., :, None] * s[..., None, :]"),
)
