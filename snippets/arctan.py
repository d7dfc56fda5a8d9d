"""Arctan, the inverse tangent, in (−π/2, π/2), and its derivative 1/(1 + x²).

np.arctan never overflows; the derivative avoids x², which overflows past |x| = 1.3e154.
"""
import numpy as np


def arctan(x):
    """arctan(x) = the angle in (−π/2, π/2) whose tangent is x.

    x: number or array_like, any shape. ±inf gives ±π/2, NaN stays NaN.

    >>> arctan([-1.0, 0.0, 1.0])
    array([-0.78539816,  0.        ,  0.78539816])
    >>> arctan([-np.inf, 1e308, np.nan])
    array([-1.57079633,  1.57079633,         nan])
    """
    return np.arctan(_float_array(x))


def arctan_derivative(x):
    """arctan'(x) = 1/(1 + x²); for |x| > 1, t²/(1 + t²) with t = 1/x.

    x: number or array_like, any shape. NaN stays NaN.
    Not 1/(1 + x**2) throughout: x² overflows for |x| > 1.3e154 (a warning, then 0).

    >>> arctan_derivative([-1.0, 0.0, 2.0])
    array([0.5, 1. , 0.2])
    >>> arctan_derivative([1e160, np.inf])
    array([1.e-320, 0.e+000])
    """
    # Both cases in one formula r²/(1 + w²), in place (no np.where, few temporaries):
    # |x| ≤ 1: r = 1, w = |x|;  |x| > 1: r = w = 1/|x|. No division by 0, no overflow.
    a = np.asarray(np.abs(_float_array(x)))  # an array for a scalar too (for out=)
    r = np.asarray(np.maximum(a, 1))
    np.divide(1, r, out=r)  # r = 1/max(|x|, 1)
    np.minimum(a, 1, out=a)
    a *= r  # w = min(|x|, 1)/max(|x|, 1), at most 1
    a *= a
    a += 1  # 1 + w²
    r *= r
    r /= a
    return r[()]  # [()]: a NumPy scalar, not a 0-d array


def _float_array(x):
    """x as an ndarray: integers and booleans become float64, float dtypes are kept."""
    x = np.asarray(x)
    return x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)
