"""hard_sigmoid: its declaration (see scripts/activations.py for the fields)."""

from activations import (
    Activation, Framework, Identity, JAXDOC, KERAS_ACTIVATIONS, Naive, Param, PT, Reference, UsedIn, Variant,
)

KERAS2 = "https://github.com/keras-team/keras/blob/v2.15.0/keras/backend.py#L5924-L5942"

ACTIVATION = Activation(
    slug="hard_sigmoid",
    name="Hard sigmoid",
    family="sigmoid",
    symbol=r"\operatorname{HardSigmoid}",
    aliases=("h-sigmoid", "hardsigmoid", "Hardsigmoid", "hard_sigmoid", "piecewise-linear sigmoid"),
    expr="Piecewise((0, x < -L), ((x + L)/(2*L), x < L), (1, True))",
    params=(
        Param("limit", "L", "3", "the ramp runs from 0 at x = −L to 1 at x = L, with slope 1/(2L): "
              "3 in PyTorch, JAX and Keras 3, 2.5 in Keras 2, 1 in BinaryConnect",
              family=("3", "2.5", "1")),
    ),
    plot_range=(-5, 5),
    kink_derivative={"-3": "0", "3": "0"},
    variants=(
        Variant("Keras 2", kwargs={"limit": "2.5"}, kink_derivative={"-5/2": "0", "5/2": "0"},
                description="clip(0.2·x + 0.5, 0, 1), what Keras 2 computed (tf.keras by default up to "
                            "TensorFlow 2.15); Keras 3 computes x/6 + 1/2."),
    ),
    identities=(
        Identity("At the default it is ReLU6(x + 3)/6, as PyTorch, JAX and Keras 3 define it",
                 "f(x, limit=3)", "relu6(x + 3)/6"),
        Identity("Keras 2's clip(0.2x + 0.5, 0, 1) is the case L = 5/2", "f(x, limit=5/2)",
                 "Min(Max(x/5 + Rational(1, 2), 0), 1)"),
        Identity("A hard tanh of x/3, rescaled to [0, 1]", "f(x, limit=3)", "(hardtanh(x/3) + 1)/2"),
        Identity("Times x, it is hard swish", "x*f(x, limit=3)", "hard_swish(x)"),
    ),
    framework_kink_derivative={
        "-3": {"PyTorch": "0", "Keras": "0", "JAX": "0"},
        "3": {"PyTorch": "0", "Keras": "0", "JAX": "0"},
    },
    frameworks=(
        Framework("PyTorch", ("torch.nn.Hardsigmoid(inplace=False)",
                              "torch.nn.functional.hardsigmoid(x, inplace=False)"),
                  "ReLU6(x + 3)/6. Its backward pass uses 1/6 rounded to float32 even for float64 "
                  "input: the gradient between −3 and 3 is 0.1666666716337204, not "
                  "0.16666666666666666. At ±3 it is 0.", PT + "torch.nn.Hardsigmoid.html"),
        Framework("Keras", ("keras.activations.hard_sigmoid(x)", "keras.ops.hard_sigmoid(x)"),
                  "Keras 3 computes x/6 + 1/2, clipped, on every backend; Keras 2 (tf.keras by default "
                  "up to TensorFlow 2.15) computed clip(0.2·x + 0.5, 0, 1), the Keras 2 variant above. "
                  "TensorFlow has no hard sigmoid in `tf.nn`; `tf.keras.activations.hard_sigmoid` is "
                  "this Keras 3 function.", KERAS_ACTIVATIONS),
        Framework("JAX", ("jax.nn.hard_sigmoid(x)",),
                  "`relu6(x + 3.) / 6.`; `relu6`'s gradient 0 at its kinks gives 0 at ±3.",
                  JAXDOC + "jax.nn.hard_sigmoid.html"),
    ),
    references=(
        Reference("A. Howard, M. Sandler, G. Chu, L.-C. Chen, B. Chen, M. Tan, W. Wang, Y. Zhu, R. Pang, "
                  "V. Vasudevan, Q. V. Le, H. Adam", 2019, "Searching for MobileNetV3",
                  "https://arxiv.org/abs/1905.02244",
                  "h-sigmoid, ReLU6(x + 3)/6, the form PyTorch, JAX and Keras 3 use (ICCV 2019)."),
        Reference("M. Courbariaux, Y. Bengio, J.-P. David", 2015,
                  "BinaryConnect: training deep neural networks with binary weights during propagations",
                  "https://arxiv.org/abs/1511.00363",
                  "Called clip((x + 1)/2, 0, 1), the case L = 1, the hard sigmoid."),
        Reference("F. Chollet et al.", 2023, "Keras 2.15: keras/backend.py, hard_sigmoid", KERAS2,
                  "Keras 2's clip(0.2·x + 0.5, 0, 1), the case L = 5/2."),
    ),
    used_in=(UsedIn("MobileNetV3: the gate of its squeeze-and-excitation blocks",
                    "https://github.com/pytorch/vision/blob/2f7f558158c83c8119a02cd2446d85cd3c4c20e9/torchvision/models/mobilenetv3.py",
                    "torchvision's InvertedResidual: SqueezeExcitation(scale_activation=nn.Hardsigmoid)"),),
    concepts=("concepts/vanishing-gradients.md",),
    naive=Naive("np.minimum(np.maximum(x / (2 * limit) + 0.5, 0), 1)",
                "((x > -limit) & (x < limit)) / (2 * limit)"),
)
