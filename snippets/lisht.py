"""LiSHT: x·tanh(x), the input scaled by its hyperbolic tangent, and its derivative.

Even and ≥ 0, close to |x| for large |x|; np.tanh never overflows.
"""
import numpy as np


def lisht(x):
    """LiSHT(x) = x·tanh(x); even, minimum 0 at x = 0.

    x: number or array_like, any shape. NaN stays NaN.

    >>> lisht([-1.0, 0.0, 1.0])
    array([0.76159416, 0.        , 0.76159416])
    >>> lisht([-np.inf, -1000.0, 1e-200, np.inf, np.nan])
    array([  inf, 1000.,    0.,   inf,   nan])
    """
    x = _float_array(x)
    t = x.astype(np.float64)  # float64 inside, rounded once to the input's dtype
    return (t * np.tanh(t)).astype(x.dtype)[()]  # [()]: a NumPy scalar, not a 0-d array


def lisht_derivative(x):
    """LiSHT'(x) = tanh(x) + x·sech²(x); odd, 0 at x = 0.

    x: number or array_like, any shape. NaN stays NaN. sech²(x) = 4e/(1 + e)² with
    e = exp(−2|x|) ≤ 1, not 1 − tanh²(x), which is 0 in float64 from |x| ≈ 19.

    >>> lisht_derivative([-1.0, 0.0, 1.0, np.nan])
    array([-1.1815685,  0.       ,  1.1815685,        nan])
    >>> float(lisht_derivative(20.0))  # exact 1 + 3.4e−16; 1 − tanh(20)² gives 1.0
    1.0000000000000004
    >>> lisht_derivative([-np.inf, 1e300, np.inf])
    array([-1.,  1.,  1.])
    """
    x = _float_array(x)
    t = np.clip(x.astype(np.float64), -1e300, 1e300)  # no inf·0 (NaN) below
    e = np.exp(-2 * np.minimum(np.abs(t), 400))  # in [0, 1]: cannot overflow
    return (np.tanh(t) + t * (4 * e / (1 + e) ** 2)).astype(x.dtype)[()]


def _float_array(x):
    """x as an ndarray: integers and booleans become float64, float dtypes are kept."""
    x = np.asarray(x)
    return x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)
