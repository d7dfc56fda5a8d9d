"""Inverse hyperbolic sine arsinh(x) = log(x + √(x² + 1)), derivative 1/√(1 + x²).

np.arcsinh and the derivative below never overflow; textbook formulas do past 1.3e154.
"""
import numpy as np


def arsinh(x):
    """arsinh(x) = log(x + sqrt(x² + 1)), unbounded, growing like log(2x).

    x: number or array_like, any shape. ±inf gives ±inf, NaN stays NaN.

    >>> arsinh([-1.0, 0.0, 1.0])
    array([-0.88137359,  0.        ,  0.88137359])
    >>> float(arsinh(1e300)), float(arsinh(-1e-300))  # naive: inf and 0.0
    (691.4686750787737, -1e-300)
    """
    return np.arcsinh(_float_array(x))


def arsinh_derivative(x):
    """arsinh'(x) = 1/sqrt(1 + x²); for |x| > 1, t/sqrt(1 + t²) with t = 1/|x|.

    x: number or array_like, any shape. NaN stays NaN.
    Scaled by max(|x|, 1): no x², no overflow, ±inf gives 0.

    >>> arsinh_derivative([-1.0, 0.0, 1.0])
    array([0.70710678, 1.        , 0.70710678])
    >>> arsinh_derivative([1e200, np.inf])  # naive: 0.0 for 1e200
    array([1.e-200, 0.e+000])
    """
    # Both cases in one formula r/sqrt(1 + w²), in place (np.hypot is 2x slower):
    # |x| ≤ 1: r = 1, w = |x|;  |x| > 1: r = w = 1/|x|. No division by 0, no overflow.
    a = np.asarray(np.abs(_float_array(x)))  # an array for a scalar too (for out=)
    r = np.asarray(np.maximum(a, 1))
    np.divide(1, r, out=r)  # r = 1/max(|x|, 1)
    np.minimum(a, 1, out=a)
    a *= r  # w = min(|x|, 1)/max(|x|, 1), at most 1
    a *= a
    a += 1
    np.sqrt(a, out=a)  # sqrt(1 + w²), in [1, √2]
    r /= a
    return r[()]  # [()]: a NumPy scalar, not a 0-d array


def _float_array(x):
    """x as an ndarray: integers and booleans become float64, float dtypes are kept."""
    x = np.asarray(x)
    return x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)
