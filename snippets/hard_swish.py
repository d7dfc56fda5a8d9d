"""Hard swish (h-swish): x·ReLU6(x + 3)/6, a piecewise-quadratic stand-in for x·σ(x).

0 for x ≤ −3, x(x + 3)/6 between −3 and 3, x for x ≥ 3; no exponential.
"""
import numpy as np


def hard_swish(x):
    """HardSwish(x) = x·min(max(x + 3, 0), 6)/6.

    x: number or array_like, any shape. NaN stays NaN.

    >>> hard_swish([-4.0, -3.0, -1.5, 0.0, 1.5, 3.0, 4.0])
    array([-0.   , -0.   , -0.375,  0.   ,  1.125,  3.   ,  4.   ])
    >>> hard_swish([-np.inf, np.inf, np.nan, 1e308])
    array([-0.e+000,      inf,      nan,  1.e+308])
    """
    x = _float_array(x)
    c = np.clip(x, -3, 3)  # x·(x + 3)/6 on the clipped input: no inf·0, no overflow
    return np.where(x < 3, c * (c + 3) / 6, x)[()]  # NaN: x < 3 is False, gives x


def hard_swish_derivative(x):
    """HardSwish'(x) = (2x + 3)/6 for −3 < x < 3, 0 below, 1 above; 0 at −3 and 1 at 3.

    x: number or array_like, any shape. NaN stays NaN.

    At the kinks it returns the outer pieces' slopes, as PyTorch, Keras and JAX do.

    >>> hard_swish_derivative([-4.0, -3.0, -1.5, 0.0, 3.0, 4.0])
    array([0. , 0. , 0. , 0.5, 1. , 1. ])
    >>> hard_swish_derivative([-np.inf, np.inf, np.nan])
    array([ 0.,  1., nan])
    """
    x = _float_array(x)
    c = np.clip(x, -3, 3)
    d = np.where(x >= 3, 1, np.where(x > -3, (2 * c + 3) / 6, 0))
    return np.where(np.isnan(x), x, d).astype(x.dtype)[()]


def _float_array(x):
    """x as an ndarray: integers and booleans become float64, float dtypes are kept."""
    x = np.asarray(x)
    return x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)
