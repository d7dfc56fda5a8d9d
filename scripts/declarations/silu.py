"""silu: its declaration (see scripts/activations.py for the fields)."""

from activations import (
    Activation, HiddenAct, Framework, Identity, JAXDOC, KERAS_ACTIVATIONS, Naive, PT, Reference, TFDOC, UsedIn,
)

ACTIVATION = Activation(
    slug="silu",
    name="SiLU",
    family="self_gated",
    symbol=r"\operatorname{SiLU}",
    aliases=("sigmoid linear unit", "sigmoid-weighted linear unit", "Swish-1"),
    expr="x / (1 + exp(-x))",
    plot_range=(-6, 4),
    identities=(
        Identity("The input times its sigmoid", "f(x)", "x*sigmoid(x)"),
        Identity("The derivative in terms of the sigmoid", "df(x)", "sigmoid(x)*(1 + x*(1 - sigmoid(x)))"),
        Identity("The derivative in terms of the output (Ramachandran et al., with β = 1)", "df(x)",
                 "f(x) + sigmoid(x)*(1 - f(x))"),
        Identity("The odd part is x/2", "f(x) - f(-x)", "x"),
    ),
    frameworks=(
        Framework("PyTorch", ("torch.nn.SiLU(inplace=False)", "torch.nn.functional.silu(x, inplace=False)"),
                  "", PT + "torch.nn.SiLU.html"),
        Framework("Keras", ("keras.activations.silu(x)", "keras.ops.silu(x)"),
                  "`keras.activations.swish` and `keras.ops.swish` are the same functions under another "
                  "name; no β argument.", KERAS_ACTIVATIONS),
        Framework("JAX", ("jax.nn.silu(x)",),
                  "`jax.nn.swish` is the same function; no β argument.", JAXDOC + "jax.nn.silu.html"),
        Framework("TensorFlow", ("tf.nn.silu(x, beta=1.0)",),
                  "`tf.nn.swish` is the same function; `beta` scales the sigmoid's input, x·σ(βx), "
                  "so other values give Swish with that β.", TFDOC + "tf/nn/silu"),
    ),
    references=(
        Reference("D. Hendrycks, K. Gimpel", 2016, "Gaussian error linear units (GELUs)",
                  "https://arxiv.org/abs/1606.08415",
                  "Named x·σ(x) the Sigmoid Linear Unit (SiLU), as a cheaper relative of GELU."),
        Reference("S. Elfwing, E. Uchibe, K. Doya", 2018,
                  "Sigmoid-weighted linear units for neural network function approximation in "
                  "reinforcement learning", "https://doi.org/10.1016/j.neunet.2017.12.012",
                  "Neural Networks 107, 3–11 (arXiv:1702.03118): used it in reinforcement learning agents."),
        Reference("P. Ramachandran, B. Zoph, Q. V. Le", 2017, "Searching for activation functions",
                  "https://arxiv.org/abs/1710.05941",
                  "Found x·σ(βx) by automated search and named it Swish; SiLU is Swish with β = 1."),
    ),
    used_in=(
        UsedIn("LLaMA: SiLU gates the SwiGLU feed-forward layer, w2(silu(w1·x) ⊙ w3·x)",
               "https://github.com/meta-llama/llama/blob/0504cf440a50aab815cadccd10a46e7ba70ff344/llama/model.py",
               "Meta's reference code (FeedForward.forward); Touvron et al. 2023, arXiv:2302.13971"),
    ),
    concepts=("concepts/frameworks.md", "experiments/training_comparison.py"),
    naive=Naive("x / (1 + np.exp(-x))", "s = 1 / (1 + np.exp(-x)); s * (1 + x * (1 - s))"),
    hidden_act=(
        HiddenAct("silu", note="`SiLUActivation` (PyTorch's `silu`); in LLaMA-style models the gate function "
                  "of a SwiGLU MLP"),
        HiddenAct("swish", note="PyTorch's `nn.SiLU`: the same function (no β)"),
    ),
)
