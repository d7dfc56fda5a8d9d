"""Mish: x·tanh(softplus(x)) and its derivative, stable in both tails.

tanh(log(1 + e^x)) is n / (n + 2) with n = e^x·(e^x + 2): no log, and exp only of −|x|.
"""
import numpy as np

# f' is 0 at X0 + X0_LO (the root of ω below), to twice float64's precision; E0 = e^X0.
X0, X0_LO, E0 = -1.1924312145154952, -4.8484829848031044e-17, 0.3034825352815289


def mish(x):
    """Mish(x) = x·tanh(softplus(x)) = x·tanh(log(1 + exp(x))); minimum ≈ −0.3088 at X0.

    x: number or array_like, any shape.

    >>> mish([-1.0, 0.0, 1.0])
    array([-0.30340146,  0.        ,  0.86509839])
    >>> float(mish(-40.0))  # ≈ x·e^x: the tail keeps its full relative precision
    -1.6993417021166355e-16
    >>> mish([-np.inf, -1000.0, np.inf, np.nan])
    array([-0., -0., inf, nan])
    """
    x = _float_array(x)
    t = x.astype(np.float64)  # float64 inside, rounded once to the input's dtype
    c = np.clip(t, -1e300, 1e300)  # no inf·0 (NaN) in the branch not taken
    e, h = np.exp(-np.abs(c)), np.exp(-np.abs(c) / 2)  # in [0, 1]: cannot overflow
    # x ≥ 0: tanh = 1 − 2e²/(1 + 2e + 2e²) with e = e^−x; x < 0: e(e + 2)/(e(e + 2) + 2)
    # with e = e^x, and x·e as (x·h)·h, h = e^(x/2), where e^x is subnormal.
    xe = np.where(e < 1e-300, c * h * h, c * e)
    y = np.where(t >= 0, t - c * (2 * e * e / (1 + 2 * e + 2 * e * e)),
                 xe * (e + 2) / (e * (e + 2) + 2))
    return y.astype(x.dtype)[()]  # [()]: a NumPy scalar, not a 0-d array


def mish_derivative(x):
    """Mish'(x) = tanh(softplus(x)) + x·σ(x)·sech²(softplus(x)) = e^x·ω / δ².

    x: number or array_like, any shape. NaN stays NaN. With e = e^x, δ = e·(e + 2) + 2
    and ω = 4(x + 1) + 4e² + e³ + e·(4x + 6), which is 0 at X0 ≈ −1.1924.

    >>> mish_derivative([-1.0, 0.0, 1.0, np.nan])
    array([0.05921676, 0.6       , 1.04903622,        nan])
    >>> mish_derivative([-np.inf, -1000.0, np.inf])
    array([-0., -0.,  1.])
    >>> float(mish_derivative(X0))  # exact: 1.2942924190978498e-17
    1.2942924190978496e-17
    """
    x = _float_array(x)
    t = np.clip(x.astype(np.float64), -1e300, 1e300)  # float64 inside; no inf·0
    e, h = np.exp(-np.abs(t)), np.exp(-np.abs(t) / 2)
    # x < 0: ω around its root X0, with d = x − X0 and e − E0 = E0·expm1(d), is
    # 4d(1 + E0) + (e − E0)·(4x + 6 + E0² + (e + E0)(4 + e)): no cancellation.
    d = (np.minimum(t, 0) - X0) - X0_LO
    w = 4 * d * (1 + E0) + E0 * np.expm1(d) * (4*t + 6 + E0*E0 + (e + E0) * (4 + e))
    neg = w * h / (e * (e + 2) + 2) ** 2 * h  # e^x·ω/δ² as (ω·h)·h: no digits lost
    # x ≥ 0, e = e^−x: (1 + 4e + (4x + 6)e² + 4(x + 1)e³) / (1 + 2e + 2e²)², terms ≥ 0.
    pos = (1 + 4 * e + (4 * t + 6) * e * e + 4 * (t + 1) * e**3) / (1 + 2*e*(1 + e))**2
    return np.where(t >= 0, pos, neg).astype(x.dtype)[()]


def _float_array(x):
    """x as an ndarray: integers and booleans become float64, float dtypes are kept."""
    x = np.asarray(x)
    return x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)
