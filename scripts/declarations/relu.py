"""relu: its declaration (see scripts/activations.py for the fields)."""

from activations import (
    Activation, HiddenAct, ALL_ZERO, Framework, Identity, JAXDOC, Naive, PT, Reference, TFDOC, TorchGain,
    UsedIn,
)

ACTIVATION = Activation(
    slug="relu",
    name="ReLU",
    family="relu",
    symbol=r"\operatorname{ReLU}",
    aliases=("rectifier", "rectified linear unit", "ramp function", "positive part"),
    expr="Piecewise((0, x < 0), (x, True))",
    plot_range=(-4, 4),
    kink_derivative={"0": "0"},
    identities=(Identity("ReLU is the positive part", "f(x)", "Max(0, x)"),),
    framework_kink_derivative={"0": ALL_ZERO},
    frameworks=(
        Framework("PyTorch", ("torch.nn.ReLU(inplace=False)", "torch.nn.functional.relu(x)"), "",
                  PT + "torch.nn.ReLU.html"),
        Framework("Keras", ("keras.activations.relu(x, negative_slope=0.0, max_value=None, threshold=0.0)",
                            "keras.layers.ReLU(max_value=None, negative_slope=0.0, threshold=0.0)"),
                  "One function covers ReLU, Leaky ReLU (`negative_slope`) and ReLU6 (`max_value=6`).",
                  "https://keras.io/api/layers/activation_layers/relu/"),
        Framework("JAX", ("jax.nn.relu(x)",), "Its documentation states the gradient 0 at x = 0.",
                  JAXDOC + "jax.nn.relu.html"),
        Framework("TensorFlow", ("tf.nn.relu(x)",), "", TFDOC + "tf/nn/relu"),
    ),
    references=(
        Reference("K. Fukushima", 1969,
                  "Visual feature extraction by a multilayered network of analog threshold elements",
                  "https://doi.org/10.1109/TSSC.1969.300225", "Rectifying units in an early vision network."),
        Reference("V. Nair, G. E. Hinton", 2010, "Rectified linear units improve restricted Boltzmann machines",
                  "https://www.cs.toronto.edu/~fritz/absps/reluICML.pdf", "Named it (ICML 2010)."),
        Reference("X. Glorot, A. Bordes, Y. Bengio", 2011, "Deep sparse rectifier neural networks",
                  "https://proceedings.mlr.press/v15/glorot11a.html", "Why it trains deep networks well."),
    ),
    used_in=(UsedIn("AlexNet", "https://doi.org/10.1145/3065386", "Krizhevsky, Sutskever and Hinton 2012"),
             UsedIn("ResNet", "https://arxiv.org/abs/1512.03385", "He et al. 2015"),
             UsedIn("T5 (the original checkpoints)", "https://github.com/google-research/"
                    "text-to-text-transfer-transformer/blob/e081111ccd51df425aa7124e8e311ed6d403d767/t5/models/"
                    "gin/models/bi_v1_shared.gin#L7", "`DenseReluDense` in Google's gin config; transformers' "
                    "`T5Config` default", config="relu", config_key="feed_forward_proj", config_class="T5Config")),
    concepts=("concepts/dying-relu.md", "concepts/initialisation.md", "experiments/dying_relu.py"),
    naive=Naive("np.maximum(0, x)", "(x > 0).astype(float)"),
    torch_gain=TorchGain("relu", "sqrt(2)"),
    hidden_act=(HiddenAct("relu", note="PyTorch's `nn.ReLU`"),),
)
