"""sinusoid: its declaration (see scripts/activations.py for the fields)."""

from activations import Activation, Identity, Naive, Reference

ACTIVATION = Activation(
    slug="sinusoid",
    name="Sinusoid",
    family="periodic",
    symbol=r"\sin",
    aliases=("sine", "sin", "sine activation", "sinusoidal activation"),
    expr="sin(x)",
    plot_range=(-8, 8),
    identities=(
        Identity("It is odd", "f(-x)", "-f(x)"),
        Identity("Its period is 2π", "f(x + 2*pi)", "f(x)"),
        Identity("The derivative is the sine shifted by a quarter period", "df(x)", "f(x + pi/2)"),
    ),
    references=(
        Reference("M. S. Gashler, S. C. Ashmore", 2014,
                  "Training deep Fourier neural networks to fit time-series data",
                  "https://arxiv.org/abs/1405.2262",
                  "Deep networks with sinusoidal activations, initialised from a fast Fourier transform, "
                  "to extrapolate time series."),
        Reference("V. Sitzmann, J. N. P. Martel, A. W. Bergman, D. B. Lindell, G. Wetzstein", 2020,
                  "Implicit neural representations with periodic activation functions",
                  "https://arxiv.org/abs/2006.09661",
                  "SIREN: sin(ω₀·x) after every layer, ω₀ = 30, with an initialisation that keeps the "
                  "activations' distribution from layer to layer (NeurIPS 2020)."),
    ),
    naive=Naive("np.sin(x)", "np.cos(x)"),
)
