"""swish: its declaration (see scripts/activations.py for the fields)."""

from activations import (
    Activation, Framework, Identity, JAXDOC, KERAS_ACTIVATIONS, Naive, Param, PT, Reference, TFDOC,
)

ACTIVATION = Activation(
    slug="swish",
    name="Swish",
    family="self_gated",
    symbol=r"\operatorname{Swish}",
    aliases=("Swish-β", "swish-beta", "swish_beta", "x·sigmoid(βx)"),
    expr="x / (1 + exp(-beta*x))",
    params=(
        Param("beta", "beta", "1", "scales the sigmoid's input; β = 1 is SiLU, β → 0 gives x/2, "
              "β → ∞ gives ReLU", family=("0.5", "1", "2", "10"), learned=True),
    ),
    plot_range=(-5, 4),
    identities=(
        Identity("With β = 1 it is SiLU", "f(x, beta=1)", "silu(x)"),
        Identity("Every β is SiLU rescaled", "f(x)", "silu(beta*x)/beta"),
        Identity("The input times the sigmoid of βx", "f(x)", "x*sigmoid(beta*x)"),
        Identity("The derivative in terms of the output (Ramachandran et al.)", "df(x)",
                 "beta*f(x) + sigmoid(beta*x)*(1 - beta*f(x))"),
        Identity("The derivative is SiLU's derivative at βx", "df(x)",
                 "sigmoid(beta*x)*(1 + beta*x*(1 - sigmoid(beta*x)))"),
        Identity("The odd part is x/2, for every β", "f(x) - f(-x)", "x"),
        Identity("As β → 0 it becomes the linear x/2", "Limit(f(x, beta=beta), beta, 0)", "x/2"),
        Identity("As β → ∞ it becomes ReLU", "Limit(f(x, beta=beta), beta, oo)", "relu(x)"),
    ),
    frameworks=(
        Framework("PyTorch", ("torch.nn.functional.silu(x, inplace=False)", "x * torch.sigmoid(beta * x)"),
                  "No Swish with a β argument: `torch.nn.SiLU` and `torch.nn.functional.silu` are β = 1. "
                  "Written out, as in the second call, any `beta` works, and a `torch.nn.Parameter` "
                  "learns it.", PT + "torch.nn.SiLU.html", setup=("beta = 1.0",)),
        Framework("Keras", ("keras.activations.swish(x)", "keras.ops.swish(x)"),
                  "No β argument: β = 1. `keras.activations.swish` is the same function object as "
                  "`keras.activations.silu`, and `keras.ops.swish` as `keras.ops.silu`.",
                  KERAS_ACTIVATIONS),
        Framework("JAX", ("jax.nn.swish(x)",),
                  "No β argument: β = 1; `jax.nn.swish` is the same function object as `jax.nn.silu`. "
                  "For another β write `x * jax.nn.sigmoid(beta * x)`.", JAXDOC + "jax.nn.swish.html"),
        Framework("TensorFlow", ("tf.nn.silu(x, beta=1.0)", "tf.nn.silu(x, beta=2.0)"),
                  "The only one of the four with a β argument: `beta`, default 1.0; a `tf.Variable` "
                  "there gets its gradient, so β can be trained. `tf.nn.swish` is the same function "
                  "object as `tf.nn.silu`.", TFDOC + "tf/nn/silu"),
    ),
    references=(
        Reference("P. Ramachandran, B. Zoph, Q. V. Le", 2017, "Searching for activation functions",
                  "https://arxiv.org/abs/1710.05941",
                  "Found x·σ(βx) by automated search and named it Swish, with β a constant or trained; "
                  "β = 0 gives x/2 and β → ∞ a ReLU-like function."),
        Reference("S. Elfwing, E. Uchibe, K. Doya", 2018,
                  "Sigmoid-weighted linear units for neural network function approximation in "
                  "reinforcement learning", "https://doi.org/10.1016/j.neunet.2017.12.012",
                  "Neural Networks 107, 3–11 (arXiv:1702.03118, February 2017): x·σ(x), Swish with β = 1, "
                  "as the SiLU of reinforcement-learning agents."),
        Reference("D. Hendrycks, K. Gimpel", 2016, "Gaussian error linear units (GELUs)",
                  "https://arxiv.org/abs/1606.08415",
                  "Named x·σ(x) the Sigmoid Linear Unit (SiLU), before either paper above."),
    ),
    concepts=("concepts/vanishing-gradients.md",),
    naive=Naive("x / (1 + np.exp(-beta * x))",
                "s = 1 / (1 + np.exp(-beta * x)); s * (1 + beta * x * (1 - s))"),
    scipy="x * scipy.special.expit(x)",
)
