"""hardshrink: its declaration (see scripts/activations.py for the fields)."""

from activations import Activation, Framework, Identity, Naive, Param, PT, Reference

KERAS_HARD_SHRINK = "https://www.tensorflow.org/api_docs/python/tf/keras/activations/hard_shrink"

ACTIVATION = Activation(
    slug="hardshrink",
    name="Hardshrink",
    family="shrinkage",
    symbol=r"\operatorname{Hardshrink}",
    aliases=("hard shrink", "hard_shrink", "hard shrinkage", "hard thresholding", "hard-thresholding",
             "keep or kill"),
    expr="Piecewise((0, Abs(x) <= lamda), (x, True))",
    params=(
        Param("lambd", "lamda", "0.5",
              "the threshold: inputs of magnitude at most λ give 0, the others are kept (λ ≥ 0)",
              family=("0.25", "0.5", "1"), keywords=("threshold",)),
    ),
    plot_range=(-3, 3),
    kink_derivative={"-1/2": "0", "1/2": "0"},
    identities=(
        Identity("Hardshrink is odd (λ = 1/2)", "f(-x, lamda=Rational(1, 2))", "-f(x, lamda=Rational(1, 2))"),
        Identity("Two one-sided Thresholds (λ = 1/2, value 0)", "f(x, lamda=Rational(1, 2))",
                 "threshold(x, theta=Rational(1, 2), v=0) - threshold(-x, theta=Rational(1, 2), v=0)"),
    ),
    framework_kink_derivative={
        "-1/2": {"PyTorch": "0", "Keras": "0"},
        "1/2": {"PyTorch": "0", "Keras": "0"},
    },
    frameworks=(
        Framework("PyTorch", ("torch.nn.Hardshrink(lambd=0.5)", "torch.nn.functional.hardshrink(x, lambd=0.5)"),
                  "The parameter is `lambd` (`lambda` is a Python keyword). A negative `lambd` is accepted "
                  "without an error and keeps every input. NaN passes through; the gradient is 0 at "
                  "both jumps.",
                  PT + "torch.nn.Hardshrink.html"),
        Framework("Keras", ("keras.activations.hard_shrink(x, threshold=0.5)",
                            "keras.ops.hard_shrink(x, threshold=0.5)"),
                  "The parameter is `threshold`, not PyTorch's `lambd`. NaN gives 0 (it computes "
                  "`where(abs(x) > threshold, x, 0)`), with gradient 0; the gradient is 0 at both jumps "
                  "on the JAX backend.", KERAS_HARD_SHRINK),
    ),
    references=(
        Reference("D. L. Donoho, I. M. Johnstone", 1994, "Ideal spatial adaptation by wavelet shrinkage",
                  "https://doi.org/10.1093/biomet/81.3.425",
                  "Hard and soft thresholding of wavelet coefficients, with their risk bounds "
                  "(Biometrika 81(3), 425–455)."),
    ),
    concepts=("concepts/dying-relu.md",),
    naive=Naive("np.where(np.abs(x) > lambd, x, 0.0)", "np.where(np.abs(x) > lambd, 1.0, 0.0)"),
)
