"""leaky_relu: its declaration (see scripts/activations.py for the fields)."""

from activations import (
    Activation, HiddenAct, Framework, Identity, JAXDOC, Naive, Param, PT, Reference, TFDOC, TorchGain, UsedIn,
)

ACTIVATION = Activation(
    slug="leaky_relu",
    name="Leaky ReLU",
    family="relu",
    symbol=r"\operatorname{LeakyReLU}",
    aliases=("leaky rectifier", "LReLU"),
    expr="Piecewise((alpha*x, x < 0), (x, True))",
    params=(Param("negative_slope", "alpha", "0.01", "slope for x < 0", family=("0.01", "0.1", "0.3")),),
    plot_range=(-4, 4),
    kink_derivative={"0": "alpha"},
    identities=(
        Identity("With slope 0 it is ReLU", "f(x, alpha=0)", "relu(x)"),
    ),
    framework_kink_derivative={"0": {"PyTorch": "α", "Keras": "1", "TensorFlow": "α", "JAX": "1"}},
    frameworks=(
        Framework("PyTorch", ("torch.nn.LeakyReLU(negative_slope=0.01, inplace=False)",
                              "torch.nn.functional.leaky_relu(x, negative_slope=0.01)"),
                  "Default slope 0.01.", PT + "torch.nn.LeakyReLU.html"),
        Framework("Keras", ("keras.layers.LeakyReLU(negative_slope=0.3)",
                            "keras.activations.leaky_relu(x, negative_slope=0.2)",
                            "keras.ops.leaky_relu(x, negative_slope=0.2)"),
                  "Keras 3 has two defaults, and neither is PyTorch's: 0.3 for the layer, 0.2 for the "
                  "function. Pass the slope explicitly when porting a model.",
                  "https://keras.io/api/layers/activation_layers/leaky_relu/"),
        Framework("JAX", ("jax.nn.leaky_relu(x, negative_slope=0.01)",),
                  "Default 0.01, but at x = 0 its gradient is 1, not the slope.",
                  JAXDOC + "jax.nn.leaky_relu.html"),
        Framework("TensorFlow", ("tf.nn.leaky_relu(x, alpha=0.2)",),
                  "The slope is stored in float32: in float64, `leaky_relu(-1.0)` is −0.20000000298023224.",
                  TFDOC + "tf/nn/leaky_relu"),
    ),
    references=(
        Reference("A. L. Maas, A. Y. Hannun, A. Y. Ng", 2013,
                  "Rectifier nonlinearities improve neural network acoustic models",
                  "https://ai.stanford.edu/~amaas/papers/relu_hybrid_icml2013_final.pdf",
                  "Introduced it, with slope 0.01 (ICML 2013 workshop)."),
    ),
    used_in=(UsedIn("DCGAN discriminator", "https://arxiv.org/abs/1511.06434", "slope 0.2; Radford et al. 2015"),
             UsedIn("YOLOv3 (Darknet-53)", "https://arxiv.org/abs/1804.02767", "slope 0.1; Redmon and Farhadi 2018")),
    concepts=("concepts/dying-relu.md", "concepts/initialisation.md"),
    naive=Naive("np.where(x > 0, x, negative_slope * x)", "np.where(x > 0, 1.0, negative_slope)"),
    torch_gain=TorchGain("leaky_relu", "sqrt(2 / (1 + (1/100)**2))",
                          "`calculate_gain(\"leaky_relu\")` assumes the slope 0.01 (its `param=None`), "
                          "the default here."),
    hidden_act=(HiddenAct("leaky_relu", {"negative_slope": "0.01"}, "PyTorch's `nn.LeakyReLU()`, slope 0.01"),),
)
