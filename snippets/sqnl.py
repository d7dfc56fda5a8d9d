"""Square nonlinearity (SQNL): x − x²/4 on [0, 2], x + x²/4 on [−2, 0), ±1 outside,
computed as c − (c/2)·|c/2| of c = clip(x, −2, 2): halving is exact and the
subtraction loses at most one bit (c²/4 ≤ |c|/2), so the result is within 0.75 ULP.
"""
import numpy as np


def sqnl(x):
    """SQNL(x) = c − c·|c|/4 with c = clip(x, −2, 2), in [−1, 1].

    x: number or array_like, any shape. ±inf gives ±1, NaN stays NaN.

    >>> sqnl([-3.0, -1.0, 0.0, 1.0, 2.0])
    array([-1.  , -0.75,  0.  ,  0.75,  1.  ])
    >>> sqnl([-np.inf, np.inf, np.nan])
    array([-1.,  1., nan])
    >>> float(sqnl(1e-300))  # x − x²/4 → x near 0
    1e-300
    """
    h = np.clip(_float_array(x), -2, 2) / 2  # NaN stays NaN; h = c/2 exactly
    return (2 * h - h * np.abs(h))[()]


def sqnl_derivative(x):
    """SQNL'(x) = 1 − |x|/2 on [−2, 2], 0 outside: continuous, 0 at ±2 and 1 at 0.

    x: number or array_like, any shape. NaN stays NaN.

    >>> sqnl_derivative([-3.0, -2.0, -1.0, 0.0, 1.5, np.nan])
    array([0.  , 0.  , 0.5 , 1.  , 0.25,  nan])
    >>> sqnl_derivative([-np.inf, np.inf])
    array([0., 0.])
    """
    c = np.clip(_float_array(x), -2, 2)
    return (1 - np.abs(c) / 2)[()]  # |c|/2 is exact; 1 − |c|/2 is exact for |c| ≥ 1


def _float_array(x):
    """x as an ndarray: integers and booleans become float64, float dtypes are kept."""
    x = np.asarray(x)
    return x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)
