"""tanhexp: its declaration (see scripts/activations.py for the fields)."""

from activations import Activation, Identity, Naive, Reference

ACTIVATION = Activation(
    slug="tanhexp",
    name="TanhExp",
    family="self_gated",
    symbol=r"\operatorname{TanhExp}",
    aliases=("tanh exponential activation", "x·tanh(eˣ)"),
    expr="x*tanh(exp(x))",
    plot_range=(-5, 3),
    identities=(
        Identity("The derivative: the gate tanh(eˣ) plus x·eˣ·sech²(eˣ)", "df(x)",
                 "tanh(exp(x)) + x*exp(x)*(1 - tanh(exp(x))**2)"),
        Identity("The gate as a rational function of e^(2eˣ)", "f(x)",
                 "x*(exp(2*exp(x)) - 1)/(exp(2*exp(x)) + 1)"),
        Identity("x minus TanhExp is x times 1 − tanh(eˣ)", "x - f(x)", "x*(1 - tanh(exp(x)))"),
    ),
    references=(
        Reference("X. Liu, X. Di", 2020,
                  "TanhExp: a smooth activation function with high convergence speed for lightweight "
                  "neural networks", "https://arxiv.org/abs/2003.09855",
                  "Introduced it; the arXiv version says it was accepted by IET Computer Vision."),
    ),
    naive=Naive("x * np.tanh(np.exp(x))",
                "e = np.exp(x); t = np.tanh(e); t + x * e * (1 - t * t)"),
)
