"""star_relu: its declaration (see scripts/activations.py for the fields)."""

from activations import Activation, Framework, Identity, JAXDOC, Naive, Param, PT, Reference, UsedIn

METAFORMER = "https://github.com/sail-sg/metaformer/blob/64c534ab8f65105fd21713b38e3393a449ca742d/"
# 2/√5 and −1/√5 rounded to float64, written out exactly (every float64 is a finite
# decimal): the reference values the tests compute are then those of the snippet's floats.
# The short decimal 0.8944271909999159 differs from its float by about 1e-17, which the
# cancellation of s·x² + b next to its zero x = 1/√2 amplifies to tens of units.
SCALE = "0.89442719099991585540720961944316513836383819580078125"
BIAS = "-0.447213595499957927703604809721582569181919097900390625"

ACTIVATION = Activation(
    slug="star_relu",
    name="StarReLU",
    family="relu",
    symbol=r"\operatorname{StarReLU}",
    aliases=("star ReLU", "scaled squared ReLU", "s·relu(x)² + b"),
    expr="Piecewise((b, x < 0), (s*x**2 + b, True))",
    params=(
        Param("scale", "s", SCALE,
              "scale of the squared ReLU, 2/√5 ≈ 0.8944 rounded to float64; MetaFormer starts it at 1",
              family=("0.5", "1", "2"), learned=True),
        Param("bias", "b", BIAS,
              "offset, −1/√5 ≈ −0.4472 rounded to float64; MetaFormer starts it at 0",
              family=("-1", "-0.5", "0"), learned=True, assume="real"),
    ),
    plot_range=(-2.5, 2.5),
    identities=(
        Identity("A scaled and shifted squared ReLU", "f(x)", "s*relu(x)**2 + b"),
        Identity("Its derivative is 2s times ReLU", "df(x)", "2*s*relu(x)"),
    ),
    frameworks=(
        Framework("PyTorch", ("scale * torch.nn.functional.relu(x) ** 2 + bias",),
                  "No StarReLU in `torch.nn`: compose it. The reference code's `StarReLU` module "
                  "(sail-sg/metaformer) computes "
                  "`self.scale * self.relu(x)**2 + self.bias` with both scalars learned and initialised "
                  "to `scale_value=1.0`, `bias_value=0.0`, so at initialisation it is squared ReLU.",
                  PT + "torch.nn.functional.relu.html",
                  setup=("scale = 0.8944271909999159", "bias = -0.4472135954999579")),
        Framework("JAX", ("scale * jnp.square(jax.nn.relu(x)) + bias",),
                  "No StarReLU in `jax.nn`: compose it, and keep `scale` and `bias` among the trained "
                  "parameters.", JAXDOC + "jax.nn.relu.html",
                  setup=("scale = 0.8944271909999159", "bias = -0.4472135954999579")),
    ),
    references=(
        Reference("W. Yu, C. Si, P. Zhou, M. Luo, Y. Zhou, J. Feng, S. Yan, X. Wang", 2022,
                  "MetaFormer baselines for vision", "https://arxiv.org/abs/2210.13452",
                  "Introduced it, with s and b chosen for a standard-normal input and then learned "
                  "(IEEE TPAMI 2024, https://doi.org/10.1109/TPAMI.2023.3329173)."),
        Reference("D. R. So, W. Mańke, H. Liu, Z. Dai, N. Shazeer, Q. V. Le", 2021,
                  "Primer: searching for efficient transformers for language modeling",
                  "https://arxiv.org/abs/2109.08668", "Squared ReLU, which StarReLU scales and shifts."),
    ),
    used_in=(
        UsedIn("ConvFormer and CAFormer (MetaFormer baselines)", METAFORMER + "metaformer_baselines.py",
               "the default `act_layer` of every MLP block and the first activation of the separable "
               "convolutions; `StarReLU()` there starts at s = 1, b = 0, both learned"),
        UsedIn("IdentityFormer, RandFormer, PoolFormerV2", METAFORMER + "metaformer_baselines.py",
               "the same `Mlp` block with StarReLU"),
    ),
    concepts=("concepts/selu.md", "concepts/initialisation.md"),
    naive=Naive("scale * np.maximum(x, 0) ** 2 + bias", "2 * scale * np.maximum(x, 0)"),
)
