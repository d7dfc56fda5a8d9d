"""snake: its declaration (see scripts/activations.py for the fields)."""

from activations import Activation, Framework, Identity, JAXDOC, Naive, Param, PT, Reference, UsedIn

BIGVGAN = "https://github.com/NVIDIA/BigVGAN/blob/7d2b454564a6c7d014227f635b7423881f14bdac/"
DAC = "https://github.com/descriptinc/descript-audio-codec/blob/c7cfc5d2647e26471dc394f95846a0830e7bec34/"

ACTIVATION = Activation(
    slug="snake",
    name="Snake",
    family="periodic",
    symbol=r"\operatorname{snake}",
    aliases=("Snake_a", "x + sin²(x)", "periodic activation"),
    # sin²(αx) = (1 − cos 2αx)/2, so that SymPy's derivative is 1 + sin(2αx): the property
    # bounds then see f' in [0, 2] (AccumBounds of 2·sin·cos + 1 would give [−1, 3]).
    expr="x + (1 - cos(2*alpha*x))/(2*alpha)",
    params=(
        Param("alpha", "alpha", "1", "frequency: the ripple has period π/α and height 1/α; "
              "learned per channel in BigVGAN and DAC, starting at 1",
              family=("0.5", "1", "2"), learned=True),
    ),
    plot_range=(-5, 5),
    identities=(
        Identity("As the paper writes it, with a squared sine", "f(x)", "x + sin(alpha*x)**2/alpha"),
        Identity("Its derivative 1 + sin(2αx) is a square, so snake never decreases", "df(x)", "2*sin(alpha*x + pi/4)**2"),
        Identity("The ripple, snake(x) − x, has period π/α", "f(x + pi/alpha) - (x + pi/alpha)", "f(x) - x"),
    ),
    frameworks=(
        Framework("PyTorch", ("x + (alpha + 1e-9).reciprocal() * torch.sin(alpha * x).pow(2)",),
                  "No Snake in `torch.nn`: this is the expression of DAC's `snake` (`dac/nn/layers.py`) and "
                  "of `Snake1d` in transformers' DAC model, with α one learned value per channel, initialised "
                  "to 1. The `1e-9` keeps a learned α = 0 from dividing by zero; it changes the ripple by a "
                  "relative 10⁻⁹.", PT + "torch.sin.html", setup=("alpha = torch.tensor(1.0)",)),
        Framework("JAX", ("x + jnp.sin(alpha * x) ** 2 / alpha",),
                  "No Snake in `jax.nn`: compose it, with α among the trained parameters.",
                  JAXDOC + "jax.numpy.sin.html", setup=("alpha = 1.0",)),
    ),
    references=(
        Reference("L. Ziyin, T. Hartwig, M. Ueda", 2020,
                  "Neural networks fail to learn periodic functions and how to fix it",
                  "https://arxiv.org/abs/2006.08195",
                  "Introduced it as Snake_a(x) = x + sin²(ax)/a (NeurIPS 2020)."),
        Reference("S.-g. Lee, W. Ping, B. Ginsburg, B. Catanzaro, S. Yoon", 2022,
                  "BigVGAN: a universal neural vocoder with large-scale training",
                  "https://arxiv.org/abs/2206.04658",
                  "Snake with a learned α per channel, behind anti-aliasing filters (ICLR 2023)."),
        Reference("R. Kumar, P. Seetharaman, A. Luebs, I. Kumar, K. Kumar", 2023,
                  "High-fidelity audio compression with improved RVQGAN", "https://arxiv.org/abs/2306.06546",
                  "The Descript Audio Codec (DAC): Snake in its encoder and decoder (NeurIPS 2023)."),
    ),
    used_in=(
        UsedIn("Descript Audio Codec (DAC)", DAC + "dac/nn/layers.py",
               "`Snake1d`: x + sin²(αx)/(α + 10⁻⁹), α of shape (1, channels, 1) initialised to 1, in the "
               "encoder and decoder blocks; transformers' `DacModel` has the same `Snake1d`"),
        UsedIn("BigVGAN", BIGVGAN + "activations.py",
               "`Snake` and `SnakeBeta` (x + sin²(αx)/β, a separate learned height); every configuration in "
               "the repository selects `snakebeta` with α = e^a, β = e^b learned per channel",
               config="snakebeta", config_key="activation"),
    ),
    naive=Naive("x + np.sin(alpha * x) ** 2 / alpha", "1 + np.sin(2 * alpha * x)"),
)
