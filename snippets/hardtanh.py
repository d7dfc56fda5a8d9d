"""Hardtanh: x clipped to [min_val, max_val], by default [−1, 1].

A piecewise-linear tanh: the identity between the bounds, constant outside.
"""
import numpy as np


def hardtanh(x, min_val=-1.0, max_val=1.0):
    """Hardtanh(x) = min(max(x, min_val), max_val).

    x: number or array_like, any shape. NaN stays NaN (np.clip propagates it).
    min_val: lower bound, any sign; default -1.0.
    max_val: upper bound, above min_val; default 1.0.

    >>> hardtanh([-2.0, -0.5, 0.0, 0.5, 2.0])
    array([-1. , -0.5,  0. ,  0.5,  1. ])
    >>> hardtanh([-np.inf, np.inf, np.nan])
    array([-1.,  1., nan])
    >>> hardtanh([-1.0, 3.0, 8.0], min_val=0.0, max_val=6.0)  # ReLU6
    array([0., 3., 6.])
    """
    x = _float_array(x)
    return np.clip(x, min_val, max_val)[()]


def hardtanh_derivative(x, min_val=-1.0, max_val=1.0):
    """Hardtanh'(x) = 1 if min_val < x < max_val else 0; 0 at both kinks, as PyTorch.

    x: number or array_like, any shape. NaN stays NaN.
    min_val: default -1.0.
    max_val: default 1.0.

    JAX and Keras return 1 at the kinks instead.

    >>> hardtanh_derivative([-2.0, -1.0, 0.0, 1.0, 2.0])
    array([0., 0., 1., 0., 0.])
    >>> hardtanh_derivative([np.nan, np.inf])
    array([nan,  0.])
    """
    x = _float_array(x)
    # 1.0 strictly inside the bounds, 0.0 outside and at both kinks, in x's float dtype;
    # then NaN copied where x is NaN (faster than np.where, slow on mixed masks)
    d = np.asarray((x > min_val) & (x < max_val), dtype=x.dtype)  # an array, even 0-d
    np.copyto(d, x, where=np.isnan(x))
    return d[()]  # [()]: a NumPy scalar, not a 0-d array


def _float_array(x):
    """x as an ndarray: integers and booleans become float64, float dtypes are kept."""
    x = np.asarray(x)
    return x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)
