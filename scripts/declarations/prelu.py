"""prelu: its declaration (see scripts/activations.py for the fields)."""

from activations import Activation, HiddenAct, Framework, Identity, Naive, Param, PT, Reference, UsedIn

ACTIVATION = Activation(
    slug="prelu",
    name="PReLU",
    family="relu",
    symbol=r"\operatorname{PReLU}",
    aliases=("parametric ReLU", "parametric rectifier"),
    expr="Piecewise((a*x, x < 0), (x, True))",
    params=(
        Param(
            "a", "a", "0.25", "initial slope for x < 0",
            family=("0", "0.25", "0.5"), learned=True,
        ),
    ),
    plot_range=(-4, 4),
    kink_derivative={"0": "a"},
    identities=(
        Identity("PReLU is Leaky ReLU with a learned slope", "f(x)", "leaky_relu(x, alpha=a)"),
    ),
    framework_kink_derivative={"0": {
        "PyTorch": "a", "Keras": "0 (for any slope: the layer adds relu(x) and −a·relu(−x))",
        "JAX": "1 (`x >= 0` picks the identity branch at 0)"}},
    frameworks=(
        Framework("PyTorch", ("torch.nn.PReLU(num_parameters=1, init=0.25)",
                              "torch.nn.functional.prelu(x, weight)"),
                  "One learned slope shared by all channels by default; `num_parameters=C` learns one per "
                  "channel. Starts at 0.25.", PT + "torch.nn.PReLU.html",
                  setup=("weight = torch.tensor([0.25])",), values={"a": "0.25"}),
        Framework("Keras", ("keras.layers.PReLU(alpha_initializer=\"zeros\", shared_axes=None)",),
                  "The slope starts at 0, so a new Keras PReLU is a plain ReLU until training moves it; "
                  "`shared_axes` shares slopes (by default one per input element).",
                  "https://keras.io/api/layers/activation_layers/prelu/", values={"a": "0"}),
        Framework("JAX", ("jnp.where(x >= 0, x, a * x)",),
                  "No built-in: write it, and keep `a` among the trained parameters.", setup=("a = 0.25",)),
    ),
    references=(
        Reference("K. He, X. Zhang, S. Ren, J. Sun", 2015,
                  "Delving deep into rectifiers: surpassing human-level performance on ImageNet classification",
                  "https://arxiv.org/abs/1502.01852", "Introduced it, and He initialisation."),
    ),
    used_in=(UsedIn("PReLU-nets (ImageNet 2015)", "https://arxiv.org/abs/1502.01852"),),
    concepts=("concepts/dying-relu.md", "concepts/initialisation.md"),
    naive=Naive("np.where(x > 0, x, a * x)", "np.where(x > 0, 1.0, a)"),
    hidden_act=(HiddenAct("prelu", {"a": "0.25"}, "PyTorch's `nn.PReLU()`: one learned slope, initially 0.25"),),
)
