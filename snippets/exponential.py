"""The exponential e^x as an activation: positive, unbounded, its own derivative.

Past log(float max), x > 709.78 in float64 or 88.72 in float32, e^x rounds to inf.
"""
import numpy as np


def exponential(x):
    """exponential(x) = e^x, in (0, ∞).

    x: number or array_like, any shape. NaN stays NaN.

    The result is inf, without a warning, where e^x exceeds the largest float
    (x > 709.78 in float64), and 0 where it is below half the smallest one.

    >>> exponential([-1.0, 0.0, 1.0])
    array([0.36787944, 1.        , 2.71828183])
    >>> exponential([709.0, 710.0, -746.0])
    array([8.21840746e+307,             inf, 0.00000000e+000])
    >>> exponential(np.float32(89.0))  # float32 overflows past 88.72
    np.float32(inf)
    """
    x = _float_array(x)
    with np.errstate(over="ignore"):  # e^x above the largest float: inf is its value
        return np.exp(x)


def exponential_derivative(x):
    """exponential'(x) = e^x: the exponential is its own derivative.

    x: number or array_like, any shape. NaN stays NaN.

    >>> exponential_derivative([-np.inf, 0.0, np.inf, np.nan])
    array([ 0.,  1., inf, nan])
    >>> float(exponential_derivative(-708.5))  # subnormal: kept, not flushed to 0
    2.006132305331306e-308
    """
    return exponential(x)


def _float_array(x):
    """x as an ndarray: integers and booleans become float64, float dtypes are kept."""
    x = np.asarray(x)
    return x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)
