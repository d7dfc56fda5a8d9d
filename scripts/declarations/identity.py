"""identity: its declaration (see scripts/activations.py for the fields)."""

from activations import (
    Activation, HiddenAct, Framework, Identity, JAXDOC, KERAS_ACTIVATIONS, Naive, TorchGain, UsedIn,
)

ACTIVATION = Activation(
    slug="identity",
    name="Identity",
    family="classical",
    symbol=r"\operatorname{id}",
    aliases=("linear", "linear activation", "no activation"),
    expr="x",
    plot_range=(-4, 4),
    frameworks=(
        Framework("PyTorch", ("torch.nn.Identity()",), "A module only; there is no functional form."),
        Framework("Keras", ("keras.activations.linear(x)", "keras.layers.Identity()"),
                  "`activation=None` (the default of `Dense`) means the same.", KERAS_ACTIVATIONS),
        Framework("JAX", ("jax.nn.identity(x)",), "", JAXDOC + "jax.nn.identity.html"),
        Framework("TensorFlow", ("tf.identity(x)",)),
    ),
    no_reference=("None: the identity is the absence of an activation (a linear layer), and has no paper "
                  "that introduced it."),
    used_in=(UsedIn("Output layers of regression networks", "https://keras.io/api/layers/core_layers/dense/",
                    "`Dense(activation=None)` in Keras"),),
    concepts=("concepts/why-nonlinearity.md", "experiments/xor.py"),
    naive=Naive("x.copy()", "np.ones_like(x)"),
    torch_gain=TorchGain("linear", "1"),
    hidden_act=(HiddenAct("linear", note="`LinearActivation`: returns its input"),),
)
