"""rrelu: its declaration (see scripts/activations.py for the fields)."""

from activations import (
    Activation, Framework, Identity, JAXDOC, KERAS_ACTIVATIONS, Naive, Param, PT, Reference, Stochastic, TFDOC,
)

# Evaluation mode of the frameworks that have no RReLU: Leaky ReLU at the mean slope
# (1/8 + 1/3)/2 = 11/48, written with the 17 digits that give the same float64.
MEAN = "0.22916666666666666"

ACTIVATION = Activation(
    slug="rrelu",
    name="RReLU",
    family="relu",
    symbol=r"\operatorname{RReLU}",
    aliases=("randomized leaky ReLU", "randomized leaky rectified linear unit", "random ReLU"),
    expr="Piecewise((a*x, x < 0), (x, True))",
    params=(
        Param("lower", "l", "1/8", "lower bound of the random slope", family=("0", "1/8", "0.25"),
              assume="nonnegative"),
        Param("upper", "u", "1/3", "upper bound of the random slope"),
    ),
    stochastic=Stochastic("a", "lower", "upper",
                          "a new slope for every element at every forward pass, as PyTorch draws them"),
    plot_range=(-4, 4),
    kink_derivative={"0": "a"},
    identities=(
        Identity("With a given slope a, it is Leaky ReLU with that slope", "f(x)", "leaky_relu(x, alpha=a)"),
        Identity("In evaluation mode it is Leaky ReLU with the mean slope", "f(x).subs(a, (l + u)/2)",
                 "leaky_relu(x, alpha=(l + u)/2)"),
    ),
    framework_kink_derivative={"0": {
        "PyTorch": "(l + u)/2 (the mean slope in evaluation mode; in training, the element's drawn slope)",
        "Keras": "1 (its Leaky ReLU, on the JAX backend)",
        "TensorFlow": "(l + u)/2 (its Leaky ReLU gives the slope, stored in float32)",
        "JAX": "1 (its Leaky ReLU)",
    }},
    frameworks=(
        Framework("PyTorch", ("torch.nn.RReLU(lower=0.125, upper=0.3333333333333333).eval()",
                              "torch.nn.functional.rrelu(x, lower=0.125, upper=0.3333333333333333, "
                              "training=False)"),
                  "A new `torch.nn.RReLU` is in training mode and draws random slopes: `.eval()` (or "
                  "`model.eval()`) fixes the mean slope. The function's `training` defaults to `False`, the "
                  "opposite: `torch.nn.functional.rrelu(x)` is the evaluation mode unless you pass "
                  "`training=True`. In training, autograd reuses the slopes drawn in the forward pass.",
                  PT + "torch.nn.RReLU.html"),
        Framework("Keras", (f"keras.ops.leaky_relu(x, negative_slope={MEAN})",),
                  "No RReLU in Keras 3 (`keras.activations`, `keras.ops`, `keras.layers`). The evaluation "
                  f"mode is Leaky ReLU with `negative_slope` set to the mean slope (1/8 + 1/3)/2 = 11/48; the "
                  "training mode has to be written as a layer that draws the slopes.",
                  KERAS_ACTIVATIONS),
        Framework("TensorFlow", (f"tf.nn.leaky_relu(x, alpha={MEAN})",),
                  "No RReLU in TensorFlow 2.21. The evaluation mode is Leaky ReLU with `alpha` set to the mean "
                  "slope 11/48 (stored in float32, as for Leaky ReLU).",
                  TFDOC + "tf/nn/leaky_relu"),
        Framework("JAX", (f"jax.nn.leaky_relu(x, negative_slope={MEAN})",),
                  "No RReLU in `jax.nn`. The evaluation mode is Leaky ReLU with `negative_slope` set to the "
                  "mean slope 11/48; in training, draw the slopes with `jax.random.uniform(key, x.shape, "
                  "minval=lower, maxval=upper)` and apply them where `x < 0`.",
                  JAXDOC + "jax.nn.leaky_relu.html"),
    ),
    references=(
        Reference("B. Xu, N. Wang, T. Chen, M. Li", 2015,
                  "Empirical evaluation of rectified activations in convolutional network",
                  "https://arxiv.org/abs/1505.00853",
                  "Introduced and named it (ICML 2015 Deep Learning Workshop)."),
    ),
    concepts=("concepts/dying-relu.md",),
    naive=Naive("np.where(x > 0, x, (lower + upper) / 2 * x)", "np.where(x > 0, 1.0, (lower + upper) / 2)"),
)
