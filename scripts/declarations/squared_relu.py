"""squared_relu: its declaration (see scripts/activations.py for the fields)."""

from activations import (
    Activation, Framework, HiddenAct, Identity, JAXDOC, KERAS_ACTIVATIONS, Naive, PT, Reference, TFDOC, UsedIn,
)

TRANSFORMERS = "https://github.com/huggingface/transformers/blob/v5.24.0/src/transformers/"

ACTIVATION = Activation(
    slug="squared_relu",
    name="Squared ReLU",
    family="relu",
    symbol=r"(\operatorname{ReLU}^2)",
    aliases=("ReLU²", "relu2", "relu squared", "ReLU squared", "squared rectifier"),
    expr="Piecewise((0, x < 0), (x**2, True))",
    plot_range=(-3, 3),
    identities=(
        Identity("The square of ReLU", "f(x)", "relu(x)**2"),
        Identity("The derivative is twice ReLU", "df(x)", "2*relu(x)"),
    ),
    frameworks=(
        Framework("PyTorch", ("torch.square(torch.relu(x))",),
                  "No squared ReLU in `torch.nn` or `torch.nn.functional`: compose it, as Hugging Face "
                  "transformers' `relu2` does.", PT + "torch.nn.functional.relu.html"),
        Framework("Keras", ("keras.ops.square(keras.activations.relu(x))",),
                  "No squared ReLU among `keras.activations` or `keras.layers`: compose it.",
                  KERAS_ACTIVATIONS),
        Framework("JAX", ("jnp.square(jax.nn.relu(x))",), "No squared ReLU in `jax.nn`: compose it.",
                  JAXDOC + "jax.nn.relu.html"),
        Framework("TensorFlow", ("tf.square(tf.nn.relu(x))",), "No squared ReLU in `tf.nn`: compose it.",
                  TFDOC + "tf/nn/relu"),
    ),
    hidden_act=(
        HiddenAct("relu2", note="`ReLUSquaredActivation`: `torch.square(nn.functional.relu(x))`."),
    ),
    references=(
        Reference("D. R. So, W. Mańke, H. Liu, Z. Dai, N. Shazeer, Q. V. Le", 2021,
                  "Primer: searching for efficient transformers for language modeling",
                  "https://arxiv.org/abs/2109.08668",
                  "Found it by architecture search for the Transformer's feed-forward block (NeurIPS 2021)."),
    ),
    used_in=(
        UsedIn("Primer", "https://arxiv.org/abs/2109.08668", "So et al. 2021: in the feed-forward blocks"),
        UsedIn("Nemotron-4, Minitron", TRANSFORMERS + "models/nemotron/configuration_nemotron.py",
               "transformers' `NemotronConfig` defaults to it; non-gated MLP `down(act(up(x)))`; the "
               "Nemotron-4 15B report (arXiv:2402.16819) names squared ReLU", config="relu2",
               config_class="NemotronConfig"),
        UsedIn("Nemotron-H", TRANSFORMERS + "models/nemotron_h/configuration_nemotron_h.py",
               "the MLP and expert layers of the hybrid Mamba-Transformer", config="relu2",
               config_key="mlp_hidden_act", config_class="NemotronHConfig"),
        UsedIn("Persimmon-8B (Adept)", TRANSFORMERS + "models/persimmon/configuration_persimmon.py",
               "transformers' `PersimmonConfig` default, checkpoint adept/persimmon-8b-base", config="relu2",
               config_class="PersimmonConfig"),
        UsedIn("BitNet b1.58 2B4T", TRANSFORMERS + "models/bitnet/configuration_bitnet.py",
               "gated: `down(norm(act(gate(x)) · up(x)))`, a squared-ReLU GLU", config="relu2",
               config_class="BitNetConfig"),
        UsedIn("nanochat", TRANSFORMERS + "models/nanochat/configuration_nanochat.py",
               "transformers' `NanoChatConfig` default, checkpoint karpathy/nanochat-d32", config="relu2",
               config_class="NanoChatConfig"),
    ),
    concepts=("concepts/dying-relu.md",),
    naive=Naive("np.maximum(x, 0)**2", "2 * np.maximum(x, 0)"),
)
