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
    a = np.abs(_float_array(x))
    s = np.minimum(a, 1)  # |x| where |x| ≤ 1
    t = 1 / np.maximum(a, 1)  # 1/|x| where |x| ≥ 1: no division by 0, no overflow
    return np.where(a > 1, t * t / (1 + t * t), 1 / (1 + s * s))[()]


def _float_array(x):
    """x as an ndarray: integers and booleans become float64, float dtypes are kept."""
    x = np.asarray(x)
    return x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)
