"""QuickGELU (CLIP): x·σ(1.702x), a fast approximation of GELU, and its derivative."""
import numpy as np

C = 1.702  # the sigmoid's scale; exactly 1702/1000 = C + C_LO
C_LO = 4.263256414560601e-17
# f' is 0 at (X0 + X0_LO)/1.702: X0 + X0_LO, the root of 1 + u + e^u, in two floats.
X0, X0_LO = -1.2784645427610737, -1.0946994183093437e-16


def quick_gelu(x):
    """QuickGELU(x) = x·σ(1.702x) = x / (1 + exp(−1.702x)), Swish with β = 1.702.

    x: number or array_like, any shape. NaN stays NaN.

    >>> quick_gelu([-np.inf, -1.0, 0.0, 1.0, np.inf, np.nan])
    array([-0.        , -0.15420423,  0.        ,  0.84579577,         inf,
                   nan])
    >>> float(quick_gelu(-400.0))  # 1.702·x is carried exactly, not rounded
    -8.597589621091931e-294
    """
    x, t, c, z, err, k, e, h = _parts(x)
    xe = np.where(z >= 0, t, np.where(e < 1e-300, c * h * h * k, c * e))  # h·h: no
    return (xe / (1 + e)).astype(x.dtype)[()]  # subnormal e^u; [()]: NumPy scalar


def quick_gelu_derivative(x):
    """QuickGELU'(x) = σ(u)·(1 + u·σ(−u)) with u = 1.702x: SiLU' at u.

    x: number or array_like, any shape; NaN stays NaN. It is 0 at X0/1.702.

    >>> quick_gelu_derivative([-np.inf, -1.0, 0.0, 1.0, np.inf, np.nan])
    array([-0.        , -0.06777961,  0.5       ,  1.06777961,  1.        ,
                   nan])
    >>> float(quick_gelu_derivative(X0 / C))  # exact: 2.3747106926953914e-17
    2.374710692695391e-17
    """
    x, t, c, z, err, k, e, h = _parts(x)
    d = (np.minimum(z, 0) - X0) + (err - X0_LO)  # u − X0 − X0_LO: exact near X0
    d = -X0 * d - (1 + X0) * (np.expm1(d) - d)  # 1 + u + e^u as a series around X0
    d = np.where(z < 0, d * h * h * k, 1 + e + z * e) / (1 + e) ** 2
    return d.astype(x.dtype)[()]


def _parts(x):
    """u = 1.702x = z + err (Dekker), e = e^(−|u|) = e^(−|z|)·k, h = e^(−|z|/2)."""
    x = _float_array(x)
    t = x.astype(np.float64)  # float64 inside, rounded once to the input's dtype
    c = np.clip(t, -5e299, 5e299)  # |1.702c| < 1e300: nothing overflows
    pc, pC = 134217729.0 * c, 134217729.0 * C  # Veltkamp's split into 26-bit halves
    ch, Ch = pc - (pc - c), pC - (pC - C)
    z, cl, Cl = C * c, c - ch, C - Ch
    err = ((ch * Ch - z) + ch * Cl + cl * Ch) + cl * Cl + c * C_LO
    err = np.where(np.abs(z) < 1e3, err, 0)
    k = 1 - np.sign(z) * err
    return x, t, c, z, err, k, np.exp(-np.abs(z)) * k, np.exp(-np.abs(z) / 2)


def _float_array(x):
    """x as an ndarray: integers and booleans become float64, float dtypes are kept."""
    x = np.asarray(x)
    return x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)
