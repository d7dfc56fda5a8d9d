"""rational: its declaration (see scripts/activations.py for the fields)."""

from activations import Activation, Naive, Param, Reference

KAT = "https://github.com/Adamdad/rational_kat_cu/blob/181bae8baf19075bef94b5f62dac320b3d4b27d3/"
PAU = "https://github.com/ml-research/pau/blob/286ccc5a5d280f5e5ce3c364fb4b78bb192d05f1/"
# KAT's "swish" initialisation (kat_rational/init.json at 181bae8), written out as the exact values
# of the float64 numbers in that file (shown as their shortest spelling, 3.054879741161051e-07 ...),
# so that the tests compare with the very floats the snippet holds. Fitted there for the kernels'
# denominator 1 + Σ|b_k||x|^k: within 1.2e-6 of SiLU on [−3, 3] (the page's example).
_A = ("3.054879741161051094950240787639916817397534032352268695831298828125e-7",
      "0.5000007853744492525294162987847812473773956298828125",
      "0.2499978342282470344937195250167860649526119232177734375",
      "0.053266282732194782101320384981590905226767063140869140625",
      "0.005803034571292243863627202671295890468172729015350341796875",
      "0.0002751961022402341951187398905176451080478727817535400390625")
_B = ("-0.00000411155495595063430989968278339574681012891232967376708984375",
      "0.10652899335007572079181414892445900477468967437744140625",
      "-0.000001269000739979623754304810002990766548691681236959993839263916015625",
      "0.000550233126414055562745930583190556717454455792903900146484375")

ACTIVATION = Activation(
    slug="rational",
    name="Rational (PAU, KAT)",
    family="other",
    symbol=r"\operatorname{R}",
    aliases=("Padé activation unit", "PAU", "safe PAU", "rational activation", "group-rational KAN"),
    expr=("(a0 + a1*x + a2*x**2 + a3*x**3 + a4*x**4 + a5*x**5)"
          "/(1 + Abs(b1)*Abs(x) + Abs(b2)*x**2 + Abs(b3)*Abs(x)**3 + Abs(b4)*x**4)"),
    params=tuple(Param(f"a{k}", f"a{k}", v, f"numerator coefficient of x^{k}", learned=True, assume="real")
                 for k, v in enumerate(_A))
    + tuple(Param(f"b{k}", f"b{k}", v, f"denominator coefficient of |x|^{k}; its absolute value is used",
                  learned=True, assume="real") for k, v in enumerate(_B, start=1)),
    plot_range=(-6, 6),
    # |x| makes a kink at 0 when a0·b1 ≠ 0: f'(0±) = a1 ∓ a0·|b1|. The snippet returns the right-hand
    # value, as KAT's Triton backward (sign(x) := +1 at 0); PAU's returns a1 (torch.sign(0) = 0).
    kink_derivative={"0": "a1 - a0*Abs(b1)"},
    references=(
        Reference("A. Molina, P. Schramowski, K. Kersting", 2019,
                  "Padé activation units: end-to-end learning of flexible activation functions in deep networks",
                  "https://arxiv.org/abs/1907.06732", "Introduced PAU and safe PAU (ICLR 2020). Code: "
                  + PAU + "pau/cuda/python_imp/Pade.py (denominator 1 + Σ|b_k||x|^k)."),
        Reference("X. Yang, X. Wang", 2024, "Kolmogorov–Arnold Transformer", "https://arxiv.org/abs/2409.10594",
                  "Group-rational KAN layers with (5, 4) rational functions (ICLR 2025); kernels and "
                  "initialisations: " + KAT + "kat_rational/init.json."),
    ),
    naive=Naive("(a0 + a1*x + a2*x**2 + a3*x**3 + a4*x**4 + a5*x**5)"
                " / (1 + abs(b1*x) + abs(b2)*x**2 + abs(b3*x**3) + abs(b4)*x**4)",
                "((a1 + 2*a2*x + 3*a3*x**2 + 4*a4*x**3 + 5*a5*x**4)"
                " * (1 + abs(b1*x) + abs(b2)*x**2 + abs(b3*x**3) + abs(b4)*x**4)"
                " - (a0 + a1*x + a2*x**2 + a3*x**3 + a4*x**4 + a5*x**5) * np.sign(x)"
                " * (abs(b1) + 2*abs(b2*x) + 3*abs(b3)*x**2 + 4*abs(b4*x**3)))"
                " / (1 + abs(b1*x) + abs(b2)*x**2 + abs(b3*x**3) + abs(b4)*x**4)**2"),
)
