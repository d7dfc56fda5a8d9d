"""hardtanh: its declaration (see scripts/activations.py for the fields)."""

from activations import (
    Activation, Framework, Identity, JAXDOC, KERAS_ACTIVATIONS, Naive, Param, PT, Reference, UsedIn,
)

ACTIVATION = Activation(
    slug="hardtanh",
    name="Hardtanh",
    family="sigmoid",
    symbol=r"\operatorname{Hardtanh}",
    aliases=("hard tanh", "hard_tanh", "HardTanh", "Htanh", "clip"),
    expr="Piecewise((a, x < a), (x, x < b), (b, True))",
    params=(
        Param("min_val", "a", "-1", "lower bound: the value for x ≤ a", assume="real",
              family=("-1", "-2", "0")),
        Param("max_val", "b", "1", "upper bound: the value for x ≥ b (b > a)", assume="real"),
    ),
    plot_range=(-3, 3),
    kink_derivative={"-1": "0", "1": "0"},
    identities=(
        Identity("With the default bounds it clips to [−1, 1]", "f(x, a=-1, b=1)", "Min(Max(x, -1), 1)"),
        Identity("With bounds 0 and 6 it is ReLU6", "f(x, a=0, b=6)", "relu6(x)"),
    ),
    framework_kink_derivative={
        "-1": {"PyTorch": "0", "Keras": "1", "JAX": "1"},
        "1": {"PyTorch": "0", "Keras": "1", "JAX": "1"},
    },
    frameworks=(
        Framework("PyTorch", ("torch.nn.Hardtanh(min_val=-1.0, max_val=1.0, inplace=False)",
                              "torch.nn.functional.hardtanh(x, min_val=-1.0, max_val=1.0, inplace=False)"),
                  "Any bounds with `min_val < max_val`; the gradient is 0 at both bounds.",
                  PT + "torch.nn.Hardtanh.html"),
        Framework("Keras", ("keras.activations.hard_tanh(x)", "keras.ops.hard_tanh(x)"),
                  "No bound arguments: always [−1, 1]. On the JAX backend the gradient at ±1 is 1, "
                  "as in JAX.", KERAS_ACTIVATIONS),
        Framework("JAX", ("jax.nn.hard_tanh(x)",),
                  "No bound arguments: always [−1, 1]; the gradient at ±1 is 1, not PyTorch's 0.",
                  JAXDOC + "jax.nn.hard_tanh.html"),
    ),
    references=(
        Reference("R. Collobert, J. Weston, L. Bottou, M. Karlen, K. Kavukcuoglu, P. Kuksa", 2011,
                  "Natural language processing (almost) from scratch",
                  "https://arxiv.org/abs/1103.0398",
                  "Uses HardTanh as the cheap hidden non-linearity of its networks (JMLR 12, 2011)."),
        Reference("I. Hubara, M. Courbariaux, D. Soudry, R. El-Yaniv, Y. Bengio", 2016,
                  "Binarized neural networks: training deep neural networks with weights and "
                  "activations constrained to +1 or −1",
                  "https://arxiv.org/abs/1602.02830",
                  "Htanh(x) = clip(x, −1, 1) as the straight-through gradient of the sign function."),
    ),
    used_in=(UsedIn("SENNA (NLP from scratch)", "https://arxiv.org/abs/1103.0398", "Collobert et al. 2011"),
             UsedIn("Binarized neural networks", "https://arxiv.org/abs/1602.02830",
                    "its gradient is the straight-through estimator; Hubara et al. 2016")),
    concepts=("concepts/vanishing-gradients.md", "concepts/dying-relu.md"),
    naive=Naive("np.where(x < min_val, min_val, np.where(x > max_val, max_val, x))",
                "((x > min_val) & (x < max_val)).astype(float)"),
)
