"""xielu: its declaration (see scripts/activations.py for the fields)."""

from activations import Activation, HiddenAct, Identity, Naive, Param, Reference, UsedIn, Variant

_NEG = "alpha_n*(exp(x) - 1 - x) + beta*x"
# ε = -1e-6 as the float64 the code holds (float(EPS) == -1e-6), exactly: the snippet and
# transformers compare x with that float, not with −10⁻⁶.
EPS = "-4722366482869645/4722366482869645213696"

ACTIVATION = Activation(
    slug="xielu",
    name="xIELU",
    family="exponential",
    symbol=r"\operatorname{xIELU}",
    aliases=("expanded integral of the exponential linear unit", "xielu"),
    expr=f"Piecewise((alpha_p*x**2 + beta*x, x > 0), ({_NEG}, True))",
    params=(
        Param("alpha_p", "alpha_p", "0.8",
              "curvature for x > 0, stored as its softplus preimage",
              family=("0.4", "0.8", "1.6"), learned=True),
        Param("alpha_n", "alpha_n", "0.8",
              "weight of the integrated ELU for x ≤ 0 (learned; stored as β + softplus of a "
              "parameter, so α_n > β); the slope tends to β − α_n as x → −∞", learned=True),
        Param("beta", "beta", "0.5", "slope at 0 (fixed, not learned)"),
    ),
    plot_range=(-6, 2),
    identities=(
        Identity("The derivative is the designed gradient: 2α_p·ReLU(x) + α_n·ELU(min(x, 0)) + β",
                 "df(x)", "2*alpha_p*relu(x) + alpha_n*elu(Min(x, 0)) + beta"),
        Identity("At α_n = 0.8, β = 0.5, f′ vanishes at log(1 − β/α_n) = log(3/8)",
                 "df(log(Rational(3, 8)), alpha_n=Rational(4, 5), beta=Rational(1, 2))", "0"),
        Identity("There f has its minimum, −1/2 − (3/10)·log(3/8) ≈ −0.2058",
                 "f(log(Rational(3, 8)), alpha_n=Rational(4, 5), beta=Rational(1, 2))",
                 "-Rational(1, 2) - Rational(3, 10)*log(Rational(3, 8))"),
    ),
    variants=(
        Variant(
            label="ε clamp of the reference code",
            kwargs={"eps": "-1e-6"},
            expr=(f"Piecewise((alpha_p*x**2 + beta*x, x > 0), "
                  f"(alpha_n*(exp({EPS}) - 1 - x) + beta*x, x > {EPS}), "
                  f"({_NEG}, True))"),
            kink_derivative={"0": "beta - alpha_n", EPS: f"alpha_n*(exp({EPS}) - 1) + beta"},
            description=(
                "The paper's reference code, the CUDA kernel package and Hugging Face transformers' "
                "`XIELUActivation` compute `expm1(min(x, eps))` with `eps = -1e-6`, not `expm1(x)`: "
                "for −10⁻⁶ < x ≤ 0 the output is α_n·(expm1(−10⁻⁶) − x) + βx, a line of slope "
                "β − α_n = −0.3, and at x = 0 it is α_n·expm1(−10⁻⁶) ≈ −8.0·10⁻⁷ instead of 0: a jump "
                "of that size at 0, where the exact function is continuous with slope β."),
        ),
    ),
    hidden_act=(
        HiddenAct("xielu", kwargs={"eps": "-1e-6"},
                  note=(
                      "`ACT2FN[\"xielu\"]` is `XIELUActivation()`: it stores log(expm1(α_p)) and "
                      "log(expm1(α_n − β)), computes α_p = softplus(stored) and α_n = β + softplus(stored), "
                      "and uses `expm1(min(x, eps))` with eps = −10⁻⁶, the ε-clamp variant. Built in "
                      "float64 (as the test builds it) it agrees with `xielu(x, eps=-1e-6)` to 4e−16 "
                      "relative. Its default dtype is bfloat16, though: the stored parameters round so "
                      "that α_p and α_n come out as 0.80078125, not 0.8, and eps as −9.98378e−7 "
                      "(measured with transformers 5.24.0). That bfloat16 storage, not the clamp, is "
                      "the 0.1 % difference (0.00078125/0.8) from the defaults at large |x|: "
                      "`xielu(x, alpha_p=0.80078125, alpha_n=0.80078125, eps=-1e-6)` matches the "
                      "bfloat16 module to 1.3e−9. Apertus builds it with the checkpoint's dtype and "
                      "loads its trained per-layer α values.")),
    ),
    references=(
        Reference("A. H. Huang, I. Schlag", 2024, "Deriving activation functions using integration",
                  "https://arxiv.org/abs/2411.13010",
                  "Introduced xIELU (integrating a trainable affine map of ELU), with xIPReLU; "
                  "reference code at https://github.com/Anonymous5823/xielu (src/nanotron/nn/activations.py)."),
        Reference("Swiss AI (A. Hernández-Cano, A. Hägele, A. H. Huang, et al.)", 2025,
                  "Apertus: Democratizing open and compliant LLMs for global language environments",
                  "https://arxiv.org/abs/2509.14233",
                  "The Apertus 8B and 70B models use xIELU in their MLPs."),
    ),
    used_in=(
        UsedIn("Apertus 8B and 70B (Swiss AI, 2025): xIELU in every MLP, ungated, "
               "down_proj(xIELU(up_proj(x)))",
               "https://github.com/huggingface/transformers/blob/v5.24.0/src/transformers/models/"
               "apertus/configuration_apertus.py",
               "transformers' ApertusConfig sets hidden_act = \"xielu\" (checkpoint "
               "swiss-ai/Apertus-8B-Instruct-2509); ApertusMLP builds ACT2CLS[\"xielu\"] with the "
               "model's dtype. Tech report: arXiv:2509.14233.",
               config="xielu", config_class="ApertusConfig"),
    ),
    concepts=("concepts/dying-relu.md",),
    naive=Naive("np.where(x > 0, alpha_p * x * x + beta * x, alpha_n * (np.expm1(x) - x) + beta * x)",
                "np.where(x > 0, 2 * alpha_p * x + beta, alpha_n * np.expm1(x) + beta)"),
)
