"""softplus: its declaration (see scripts/activations.py for the fields)."""

from activations import (
    Activation, Framework, Identity, JAXDOC, KERAS_ACTIVATIONS, Naive, Param, PT, Reference, TFDOC, UsedIn,
    Variant,
)

ACTIVATION = Activation(
    slug="softplus",
    name="Softplus",
    family="relu",
    symbol=r"\operatorname{softplus}",
    aliases=("soft plus", "SoftPlus", "smooth ReLU", "log1pexp", "logaddexp(0, x)"),
    expr="log(1 + exp(beta*x))/beta",
    params=(
        Param("beta", "beta", "1", "sharpness: softplus → ReLU as β → ∞, and the curve at 0 is log(2)/β",
              family=("0.5", "1", "2", "4")),
    ),
    plot_range=(-5, 5),
    identities=(
        Identity("The derivative is the sigmoid of βx", "df(x)", "sigmoid(beta*x)"),
        Identity("The stable form the snippet computes", "f(x)", "Max(x, 0) + log(1 + exp(-beta*Abs(x)))/beta"),
        Identity("Reflection: the odd part is x/2", "f(x) - f(-x)", "x"),
        Identity("Minus the log-sigmoid of −x (β = 1)", "f(x, beta=1)", "-log_sigmoid(-x)"),
    ),
    variants=(
        Variant(
            label="PyTorch threshold",
            kwargs={"threshold": "20"},
            expr="Piecewise((log(1 + exp(beta*x))/beta, beta*x <= 20), (x, True))",
            kink_derivative={"20": "1/(1 + exp(-20))"},
            selected_by=("threshold=20.0",),
            description=(
                "`torch.nn.Softplus(beta=1.0, threshold=20.0)` and `torch.nn.functional.softplus` return x "
                "itself where βx > threshold (20 by default), and backpropagate a gradient of exactly 1 "
                "there. At x = threshold/β the function jumps down by log(1 + e^(−threshold))/β, about "
                "2.06e−9 at the defaults: far below float32's spacing near 20 (1.9e−6), so only float64 "
                "shows it."),
        ),
    ),
    frameworks=(
        Framework("PyTorch", ("torch.nn.Softplus(beta=1.0, threshold=20.0)",
                              "torch.nn.functional.softplus(x, beta=1.0, threshold=20.0)"),
                  "`beta` is β; `threshold` switches to x itself where βx > threshold (the "
                  "\"PyTorch threshold\" variant below), with a gradient of 1 there.",
                  PT + "torch.nn.Softplus.html"),
        Framework("Keras", ("keras.activations.softplus(x)", "keras.ops.softplus(x)"),
                  "No `beta` and no `threshold` argument: β = 1. On the JAX backend both call "
                  "`jax.nn.softplus`.", KERAS_ACTIVATIONS),
        Framework("JAX", ("jax.nn.softplus(x)",),
                  "No `beta` argument: β = 1. Computed as `jnp.logaddexp(x, 0)`, with no threshold.",
                  JAXDOC + "jax.nn.softplus.html"),
        Framework("TensorFlow", ("tf.math.softplus(x)",),
                  "`tf.nn.softplus` is the same function; no `beta` argument: β = 1.",
                  TFDOC + "tf/math/softplus"),
    ),
    references=(
        Reference("C. Dugas, Y. Bengio, F. Bélisle, C. Nadeau, R. Garcia", 2001,
                  "Incorporating second-order functional knowledge for better option pricing",
                  "https://proceedings.neurips.cc/paper_files/paper/2000/hash/"
                  "44968aece94f667e4095002d140b5896-Abstract.html",
                  "Advances in Neural Information Processing Systems 13 (NIPS 2000, published 2001), "
                  "472–478: log(1 + e^x) as a smooth, convex, increasing hidden unit for call-option prices."),
        Reference("X. Glorot, A. Bordes, Y. Bengio", 2011, "Deep sparse rectifier neural networks",
                  "https://proceedings.mlr.press/v15/glorot11a.html",
                  "AISTATS 2011: compared rectifiers with their smooth version, the softplus, in deep networks."),
    ),
    used_in=(
        UsedIn("Mamba: the step size Δ = softplus(parameter + linear(x)) of the selective state space layer",
               "https://arxiv.org/abs/2312.00752", "Gu and Dao 2023, Algorithm 2 (τ_Δ = softplus)"),
    ),
    concepts=("concepts/dying-relu.md", "concepts/errata.md"),
    naive=Naive("np.log(1 + np.exp(beta * x)) / beta", "1 / (1 + np.exp(-beta * x))"),
    scipy="scipy.special.softplus(x)",
)
