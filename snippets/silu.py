"""SiLU (Swish-1): x·σ(x), the input weighted by its sigmoid, and its derivative.

exp is only taken of −|x| ≤ 0: the naive x / (1 + exp(−x)) is NaN at x = −inf.
"""
import numpy as np

# f' is 0 at X0 + X0_LO (the root of 1 + x + e^x), to twice float64's precision.
X0, X0_LO = -1.2784645427610737, -1.0946994183093437e-16


def silu(x):
    """SiLU(x) = x·σ(x) = x / (1 + exp(−x)); minimum 1 + X0 ≈ −0.2785 at X0 ≈ −1.2785.

    x: number or array_like, any shape.

    >>> silu([-1.0, 0.0, 1.0])
    array([-0.26894142,  0.        ,  0.73105858])
    >>> float(silu(-40.0))  # the tail keeps its full relative precision
    -1.6993417021166355e-16
    >>> silu([-np.inf, -1000.0, np.inf, np.nan])
    array([-0., -0., inf, nan])
    """
    x = _float_array(x)
    t = x.astype(np.float64)  # float64 inside, rounded once to the input's dtype
    c = np.clip(t, -1e300, 1e300)  # no inf·0 (NaN) in the branch not taken
    e, h = np.exp(-np.abs(c)), np.exp(-np.abs(c) / 2)  # in [0, 1]: cannot overflow
    # x/(1 + e) for x ≥ 0, x·e/(1 + e) for x < 0: as (x·h)·h with h = e^(x/2) where
    # e = e^x is subnormal, so that no digits are lost there.
    xe = np.where(t >= 0, t, np.where(e < 1e-300, c * h * h, c * e))
    return (xe / (1 + e)).astype(x.dtype)[()]  # [()]: a NumPy scalar, not a 0-d array


def silu_derivative(x):
    """SiLU'(x) = σ(x)·(1 + x·σ(−x)) = σ(x) + SiLU(x)·σ(−x).

    x: number or array_like, any shape. NaN stays NaN. The derivative is 0 at
    X0 ≈ −1.2785, negative to its left, and peaks at about 1.0998 at x ≈ 2.3994.

    >>> silu_derivative([-1.0, 0.0, 1.0, np.nan])
    array([0.07232949, 0.5       , 0.92767051,        nan])
    >>> silu_derivative([-np.inf, -1000.0, np.inf])
    array([-0., -0.,  1.])
    >>> float(silu_derivative(X0))  # exact: 2.38e-17; 1 + x + exp(x) would cancel
    2.384383475524311e-17
    """
    x = _float_array(x)
    t = np.clip(x.astype(np.float64), -1e300, 1e300)  # in float64 for X0_LO; no inf·0
    e, h = np.exp(-np.abs(t)), np.exp(-np.abs(t) / 2)
    # f' = e^x·g / (1 + e^x)² for x < 0, with g = 1 + x + e^x written around its root
    # (e^X0 = −(1 + X0)); f' = (1 + e + x·e) / (1 + e)² with e = e^(−x) for x ≥ 0.
    d = (np.minimum(t, 0) - X0) - X0_LO  # x − X0 − X0_LO, exact near X0
    g = -X0 * d - (1 + X0) * (np.expm1(d) - d)
    neg = t < 0
    h = np.where(neg, h, 1)
    d = np.where(neg, g, 1 + e + t * e) * h * h / (1 + e) ** 2
    return d.astype(x.dtype)[()]  # [()]: a NumPy scalar, not a 0-d array


def _float_array(x):
    """x as an ndarray: integers and booleans become float64, float dtypes are kept."""
    x = np.asarray(x)
    return x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)
