"""softshrink: its declaration (see scripts/activations.py for the fields)."""

from activations import (
    Activation, Framework, Identity, KERAS_ACTIVATIONS, Naive, Param, PT, Reference, UsedIn,
)

ACTIVATION = Activation(
    slug="softshrink",
    name="Softshrink",
    family="shrinkage",
    symbol=r"\operatorname{Softshrink}",
    aliases=("soft shrink", "soft_shrink", "soft shrinkage", "soft thresholding", "soft-thresholding",
             "shrinkage operator", "Softshrink"),
    expr="Piecewise((x + lamda, x < -lamda), (0, x <= lamda), (x - lamda, True))",
    params=(
        Param("lambd", "lamda", "0.5", "the threshold: inputs in [−λ, λ] give 0, the others move λ "
              "towards 0 (λ ≥ 0)", family=("0.25", "0.5", "1"), keywords=("threshold",)),
    ),
    plot_range=(-3, 3),
    kink_derivative={"-0.5": "0", "0.5": "0"},
    identities=(
        Identity("Two shifted ReLUs (at the default λ = 1/2)", "f(x, lamda=Rational(1, 2))",
                 "relu(x - Rational(1, 2)) - relu(-x - Rational(1, 2))"),
        Identity("The input minus its clipped part, the snippet's form (λ = 1/2)", "f(x, lamda=Rational(1, 2))",
                 "x - hardtanh(x, a=-Rational(1, 2), b=Rational(1, 2))"),
        Identity("The sign times the shrunk magnitude (λ = 1/2)", "f(x, lamda=Rational(1, 2))",
                 "sign(x)*Max(Abs(x) - Rational(1, 2), 0)"),
        Identity("Hardshrink moved λ towards 0 (λ = 1/2)", "f(x, lamda=Rational(1, 2))",
                 "hardshrink(x, lamda=Rational(1, 2)) - sign(hardshrink(x, lamda=Rational(1, 2)))/2"),
        Identity("Softshrink is odd (λ = 1/2)", "f(-x, lamda=Rational(1, 2))", "-f(x, lamda=Rational(1, 2))"),
    ),
    framework_kink_derivative={
        "-0.5": {"PyTorch": "0", "Keras": "0"},
        "0.5": {"PyTorch": "0", "Keras": "0"},
    },
    frameworks=(
        Framework("PyTorch", ("torch.nn.Softshrink(lambd=0.5)", "torch.nn.functional.softshrink(x, lambd=0.5)"),
                  "The parameter is `lambd` (`lambda` is a Python keyword); a negative `lambd` raises an "
                  "error. The gradient is 0 at both kinks.",
                  PT + "torch.nn.Softshrink.html"),
        Framework("Keras", ("keras.activations.soft_shrink(x, threshold=0.5)",
                            "keras.ops.soft_shrink(x, threshold=0.5)"),
                  "The parameter is `threshold`, not PyTorch's `lambd`. On the JAX backend NaN gives 0 "
                  "and the gradient is 0 at both kinks; a negative `threshold` is accepted without an error.", KERAS_ACTIVATIONS),
    ),
    references=(
        Reference("D. L. Donoho", 1995, "De-noising by soft-thresholding",
                  "https://doi.org/10.1109/18.382009",
                  "Soft thresholding of wavelet coefficients, with its risk and smoothness guarantees "
                  "(IEEE Transactions on Information Theory 41(3), 613–627)."),
        Reference("N. Parikh, S. Boyd", 2014, "Proximal algorithms",
                  "https://doi.org/10.1561/2400000003",
                  "Soft thresholding is the proximal operator of λ|x| (Foundations and Trends in "
                  "Optimization 1(3))."),
    ),
    used_in=(
        UsedIn("LISTA (learned iterative shrinkage-thresholding)", "https://icml.cc/Conferences/2010/papers/449.pdf",
               "Gregor and LeCun 2010: ISTA unrolled into a network whose non-linearity is soft "
               "thresholding with learned thresholds"),
    ),
    concepts=("concepts/dying-relu.md",),
    naive=Naive("np.where(x > lambd, x - lambd, np.where(x < -lambd, x + lambd, 0.0))",
                "np.where(np.abs(x) > lambd, 1.0, 0.0)"),
)
