"""Sparse plus: 0 for x ≤ −1, (x + 1)²/4 between, x for x ≥ 1, and its derivative.

A ReLU with its corner replaced by a parabola: exactly 0 on the left, C¹ everywhere.
"""
import numpy as np


def sparse_plus(x):
    """sparse_plus(x) = 0 if x ≤ −1, (x + 1)²/4 if −1 < x < 1, x if x ≥ 1.

    x: number or array_like, any shape. NaN stays NaN.

    >>> sparse_plus([-2.0, -1.0, 0.0, 1.0, 2.0])
    array([0.  , 0.  , 0.25, 1.  , 2.  ])
    >>> sparse_plus([-np.inf, -0.5, 1e308, np.inf, np.nan])
    array([0.00e+000, 6.25e-002, 1.00e+308,       inf,       nan])
    """
    x = _float_array(x)
    c = np.clip(x, -1, 1)  # the square of the clipped input cannot overflow
    return np.where(x >= 1, x, (c + 1) ** 2 / 4)[()]


def sparse_plus_derivative(x):
    """sparse_plus'(x) = clip((x + 1)/2, 0, 1), the sparse sigmoid; 0 at −1 and 1 at 1.

    x: number or array_like, any shape. NaN stays NaN.

    >>> sparse_plus_derivative([-2.0, -1.0, 0.0, 1.0, 2.0])
    array([0. , 0. , 0.5, 1. , 1. ])
    >>> sparse_plus_derivative([-np.inf, 1e308, np.inf, np.nan])
    array([ 0.,  1.,  1., nan])
    """
    x = _float_array(x)
    return ((np.clip(x, -1, 1) + 1) / 2)[()]


def _float_array(x):
    """x as an ndarray: integers and booleans become float64, float dtypes are kept."""
    x = np.asarray(x)
    return x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)
