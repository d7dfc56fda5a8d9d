"""Squared ReLU, max(x, 0)², and its derivative 2·max(x, 0).

Past 1.34e154 (float64) x² is inf, the correctly rounded result: no warning for it.
"""
import numpy as np


def squared_relu(x):
    """ReLU²(x) = max(x, 0)².

    x: number or array_like, any shape. NaN stays NaN.

    >>> squared_relu([-2.0, 0.0, 0.5, 3.0])
    array([0.  , 0.  , 0.25, 9.  ])
    >>> squared_relu(np.array([-np.inf, 1e30, np.nan], dtype=np.float32))
    array([ 0., inf, nan], dtype=float32)
    >>> float(squared_relu(1e200))  # exact: 1e400, above float64's range
    inf
    """
    r = np.maximum(_float_array(x), 0)
    with np.errstate(over="ignore"):  # x² > 1.8e308 is inf, exactly so
        return np.square(r)[()]  # [()]: a NumPy scalar for scalar input


def squared_relu_derivative(x):
    """ReLU²'(x) = 2·max(x, 0): continuous, 0 at x = 0.

    x: number or array_like, any shape. NaN stays NaN.

    >>> squared_relu_derivative([-2.0, 0.0, 0.5, 3.0, np.nan])
    array([ 0.,  0.,  1.,  6., nan])
    >>> float(squared_relu_derivative(1e308))  # exact: 2e308
    inf
    """
    r = np.maximum(_float_array(x), 0)
    with np.errstate(over="ignore"):  # 2x > 1.8e308 is inf, exactly so
        return (r + r)[()]


def _float_array(x):
    """x as an ndarray: integers and booleans become float64, float dtypes are kept."""
    x = np.asarray(x)
    return x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)
