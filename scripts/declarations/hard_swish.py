"""hard_swish: its declaration (see scripts/activations.py for the fields)."""

from activations import (
    Activation, HiddenAct, Framework, Identity, JAXDOC, KERAS_ACTIVATIONS, Naive, PT, Reference, UsedIn,
)

ACTIVATION = Activation(
    slug="hard_swish",
    name="Hard swish",
    family="self_gated",
    symbol=r"\operatorname{HardSwish}",
    aliases=("h-swish", "hardswish", "Hardswish", "hard_silu", "hard SiLU"),
    expr="Piecewise((0, x < -3), (x*(x + 3)/6, x < 3), (x, True))",
    plot_range=(-5, 5),
    kink_derivative={"-3": "0", "3": "1"},
    identities=(
        Identity("The input times ReLU6(x + 3)/6, as Howard et al. define it", "f(x)", "x*relu6(x + 3)/6"),
        Identity("The gate is a hard tanh, rescaled to [0, 1]", "f(x)", "x*(hardtanh(x/3) + 1)/2"),
        Identity("With clipping written out", "f(x)", "x*Min(Max(x + 3, 0), 6)/6"),
    ),
    framework_kink_derivative={
        "-3": {"PyTorch": "0", "Keras": "0", "JAX": "0"},
        "3": {"PyTorch": "1", "Keras": "1", "JAX": "1"},
    },
    frameworks=(
        Framework("PyTorch", ("torch.nn.Hardswish(inplace=False)",
                              "torch.nn.functional.hardswish(x, inplace=False)"),
                  "The gradient is 0 at −3 and 1 at 3, the values of the outer pieces.",
                  PT + "torch.nn.Hardswish.html"),
        Framework("Keras", ("keras.activations.hard_silu(x)", "keras.ops.hard_silu(x)"),
                  "`keras.activations.hard_swish` and `keras.ops.hard_swish` are the same function objects. "
                  "TensorFlow has no hard swish in `tf.nn`; `tf.keras.activations.hard_silu` is this Keras "
                  "function.", KERAS_ACTIVATIONS),
        Framework("JAX", ("jax.nn.hard_swish(x)",),
                  "`jax.nn.hard_silu` is the same function object. It is `x * hard_sigmoid(x)`, and "
                  "`relu6`'s gradient 0 at its kinks gives 0 at −3 and 1 at 3, as in PyTorch.",
                  JAXDOC + "jax.nn.hard_swish.html"),
    ),
    references=(
        Reference("A. Howard, M. Sandler, G. Chu, L.-C. Chen, B. Chen, M. Tan, W. Wang, Y. Zhu, R. Pang, "
                  "V. Vasudevan, Q. V. Le, H. Adam", 2019, "Searching for MobileNetV3",
                  "https://arxiv.org/abs/1905.02244",
                  "Introduced h-swish, x·ReLU6(x + 3)/6, as a cheap piecewise stand-in for swish x·σ(x) "
                  "on mobile hardware (ICCV 2019)."),
    ),
    used_in=(UsedIn("MobileNetV3-Large and MobileNetV3-Small", "https://github.com/pytorch/vision/blob/2f7f558158c83c8119a02cd2446d85cd3c4c20e9/torchvision/models/mobilenetv3.py",
                    "torchvision's model: nn.Hardswish in the first and last convolutions, the classifier and "
                    "the deeper blocks (\"HS\"); Howard et al. 2019"),),
    concepts=("concepts/dying-relu.md",),
    naive=Naive("x * np.minimum(np.maximum(x + 3, 0), 6) / 6",
                "np.where(x < -3, 0.0, np.where(x > 3, 1.0, (2 * x + 3) / 6))"),
    hidden_act=(HiddenAct("hardswish", note="PyTorch's `nn.Hardswish`"),),
)
