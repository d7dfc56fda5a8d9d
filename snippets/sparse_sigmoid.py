"""Sparse sigmoid: the line (x + 1)/2 clipped to [0, 1], exactly 0 and 1 beyond ±1.

Sparsemax of two inputs (x, 0): the sigmoid's piecewise-linear, sparse twin.
"""
import numpy as np


def sparse_sigmoid(x):
    """sparse_sigmoid(x) = min(max((x + 1)/2, 0), 1).

    x: number or array_like, any shape. NaN stays NaN (np.clip propagates it).
    (x + 1)/2 is rounded once (x + 1, then an exact halving): correctly rounded.

    >>> sparse_sigmoid([-2.0, -1.0, -0.5, 0.0, 0.5, 1.0, 2.0])
    array([0.  , 0.  , 0.25, 0.5 , 0.75, 1.  , 1.  ])
    >>> sparse_sigmoid([-np.inf, np.inf, np.nan])
    array([ 0.,  1., nan])
    """
    x = _float_array(x)
    return np.clip((x + 1) / 2, 0, 1)[()]


def sparse_sigmoid_derivative(x):
    """sparse_sigmoid'(x) = 1/2 if −1 < x < 1 else 0; 0 at both kinks ±1.

    x: number or array_like, any shape. NaN stays NaN.

    JAX (and Keras on JAX) return 1/4 at ±1: half the slope, from its clip.

    >>> sparse_sigmoid_derivative([-2.0, -1.0, 0.0, 1.0, 2.0])
    array([0. , 0. , 0.5, 0. , 0. ])
    >>> sparse_sigmoid_derivative([np.nan, np.inf])
    array([nan,  0.])
    """
    x = _float_array(x)
    # 0.5 strictly inside (−1, 1), 0.0 outside and at both kinks; NaN stays NaN
    inside = (x > -1) & (x < 1)
    return np.where(np.isnan(x), x, inside / 2).astype(x.dtype)[()]


def _float_array(x):
    """x as an ndarray: integers and booleans become float64, float dtypes are kept."""
    x = np.asarray(x)
    return x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)
