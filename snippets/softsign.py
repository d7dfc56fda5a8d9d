"""Softsign x / (1 + |x|), Elliott's sigmoid, and its derivative 1 / (1 + |x|)².

No exponential, no overflow; ±inf gives ±1, where x / (1 + |x|) is inf/inf = NaN.
"""
import numpy as np


def softsign(x):
    """softsign(x) = x / (1 + |x|), in (−1, 1).

    x: number or array_like, any shape. ±inf gives ±1, NaN stays NaN.

    >>> softsign([-1.0, 0.0, 3.0])
    array([-0.5 ,  0.  ,  0.75])
    >>> softsign([-np.inf, 1e300, np.inf, np.nan])
    array([-1.,  1.,  1., nan])
    """
    x = _float_array(x)
    big = np.finfo(x.dtype).max
    x = np.clip(x, -big, big)  # ±inf becomes ±max, where max / (1 + max) rounds to 1
    return x / (1 + np.abs(x))


def softsign_derivative(x):
    """softsign'(x) = 1 / (1 + |x|)², computed as t·t with t = 1 / (1 + |x|).

    x: number or array_like, any shape. NaN stays NaN.
    Not 1 / (1 + |x|)**2: the square overflows for |x| > 1.3e154 (a warning, then 0).

    >>> softsign_derivative([-1.0, 0.0, 3.0])
    array([0.25  , 1.    , 0.0625])
    >>> float(softsign_derivative(1e100)), float(softsign_derivative(np.inf))
    (1e-200, 0.0)
    """
    t = 1 / (1 + np.abs(_float_array(x)))  # in [0, 1]: t·t cannot overflow
    return t * t


def _float_array(x):
    """x as an ndarray: integers and booleans become float64, float dtypes are kept."""
    x = np.asarray(x)
    return x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)
