"""relu6: its declaration (see scripts/activations.py for the fields)."""

from activations import (
    Activation, HiddenAct, ALL_ZERO, Framework, Identity, JAXDOC, KERAS_ACTIVATIONS, Naive, PT, Reference,
    TFDOC, UsedIn,
)

ACTIVATION = Activation(
    slug="relu6",
    name="ReLU6",
    family="relu",
    symbol=r"\operatorname{ReLU6}",
    aliases=("ReLU capped at 6", "clipped ReLU", "bounded ReLU"),
    expr="Piecewise((0, x < 0), (x, x < 6), (6, True))",
    plot_range=(-3, 9),
    kink_derivative={"0": "0", "6": "0"},
    identities=(
        Identity("ReLU6 clips to [0, 6]", "f(x)", "Min(Max(0, x), 6)"),
        Identity("ReLU6 is ReLU capped at 6", "f(x)", "Min(relu(x), 6)"),
    ),
    framework_kink_derivative={"0": ALL_ZERO, "6": ALL_ZERO},
    frameworks=(
        Framework("PyTorch", ("torch.nn.ReLU6(inplace=False)", "torch.nn.functional.relu6(x)"),
                  "`ReLU6` is `Hardtanh(0, 6)`.", PT + "torch.nn.ReLU6.html"),
        Framework("Keras", ("keras.activations.relu6(x)", "keras.activations.relu(x, max_value=6.0)"),
                  "`relu(x, max_value=6.0)` is the same cap written out; `max_value` takes any cap.",
                  KERAS_ACTIVATIONS),
        Framework("JAX", ("jax.nn.relu6(x)",), "Its documentation states the gradient 0 at 0 and at 6.",
                  JAXDOC + "jax.nn.relu6.html"),
        Framework("TensorFlow", ("tf.nn.relu6(x)",), "", TFDOC + "tf/nn/relu6"),
    ),
    references=(
        Reference("A. Krizhevsky", 2010, "Convolutional deep belief networks on CIFAR-10",
                  "https://www.cs.toronto.edu/~kriz/conv-cifar10-aug2010.pdf", "Introduced the cap at 6."),
        Reference("A. G. Howard et al.", 2017,
                  "MobileNets: efficient convolutional neural networks for mobile vision applications",
                  "https://arxiv.org/abs/1704.04861", "Made it common in mobile networks."),
    ),
    used_in=(UsedIn("MobileNet", "https://arxiv.org/abs/1704.04861"),
             UsedIn("MobileNetV2", "https://arxiv.org/abs/1801.04381", "Sandler et al. 2018")),
    concepts=("concepts/dying-relu.md", "concepts/errata.md"),
    naive=Naive("np.minimum(np.maximum(0, x), 6)", "((x > 0) & (x < 6)).astype(float)"),
    hidden_act=(HiddenAct("relu6", note="PyTorch's `nn.ReLU6`"),),
)
