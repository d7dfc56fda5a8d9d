"""mish: its declaration (see scripts/activations.py for the fields)."""

from activations import (
    Activation, HiddenAct, Framework, Identity, JAXDOC, KERAS_ACTIVATIONS, Naive, PT, Reference, UsedIn,
)

ACTIVATION = Activation(
    slug="mish",
    name="Mish",
    family="self_gated",
    symbol=r"\operatorname{Mish}",
    aliases=("self regularized non-monotonic activation",),
    expr="x*tanh(log(1 + exp(x)))",
    plot_range=(-6, 4),
    identities=(
        Identity("tanh of softplus is rational in eˣ (the form the snippet computes)", "f(x)",
                 "x*(exp(2*x) + 2*exp(x))/(exp(2*x) + 2*exp(x) + 2)"),
        Identity("The derivative through SiLU: tanh of softplus, plus sech² of softplus times SiLU",
                 "df(x)", "tanh(log(1 + exp(x))) + sech(log(1 + exp(x)))**2*silu(x)"),
        Identity("The derivative as eˣ·ω/δ² with ω = 4(x + 1) + 4e²ˣ + e³ˣ + eˣ(4x + 6) and "
                 "δ = 2eˣ + e²ˣ + 2 (the snippet writes ω around its zero)", "df(x)",
                 "exp(x)*(4*(x + 1) + 4*exp(2*x) + exp(3*x) + exp(x)*(4*x + 6))"
                 "/(2*exp(x) + exp(2*x) + 2)**2"),
    ),
    frameworks=(
        Framework("PyTorch", ("torch.nn.Mish(inplace=False)", "torch.nn.functional.mish(x, inplace=False)"),
                  "", PT + "torch.nn.Mish.html"),
        Framework("Keras", ("keras.activations.mish(x)",),
                  "No `keras.ops.mish` and no Mish layer: use `keras.layers.Activation(\"mish\")`. "
                  "TensorFlow 2.21 has no `tf.nn.mish`; its `tf.keras.activations.mish` is this Keras "
                  "function.", KERAS_ACTIVATIONS),
        Framework("JAX", ("jax.nn.mish(x)",), "", JAXDOC + "jax.nn.mish.html"),
    ),
    references=(
        Reference("D. Misra", 2019, "Mish: a self regularized non-monotonic activation function",
                  "https://arxiv.org/abs/1908.08681",
                  "Introduced it; published at BMVC 2020."),
    ),
    used_in=(
        UsedIn("YOLOv4: Mish in the CSPDarknet53 backbone", "https://arxiv.org/abs/2004.10934",
               "Bochkovskiy, Wang and Liao 2020, 'YOLOv4: Optimal speed and accuracy of object detection'"),
    ),
    concepts=("experiments/gradient_flow.py", "experiments/training_comparison.py"),
    naive=Naive("x * np.tanh(np.log(1 + np.exp(x)))",
                "sp = np.log(1 + np.exp(x)); t = np.tanh(sp); "
                "t + x * (1 - t * t) / (1 + np.exp(-x))"),
    hidden_act=(HiddenAct("mish", note="`MishActivation`: PyTorch's `mish`"),),
)
