"""Leaky ReLU: x for x ≥ 0 and negative_slope·x for x < 0, so x < 0 keeps a gradient."""
import numpy as np


def leaky_relu(x, negative_slope=0.01):
    """LeakyReLU(x) = max(x, 0) + negative_slope·min(x, 0).

    x: number or array_like, any shape.
    negative_slope: slope for x < 0, default 0.01 (as PyTorch and JAX).

    >>> leaky_relu([-2.0, 0.0, 3.0])
    array([-0.02,  0.  ,  3.  ])
    >>> leaky_relu([-2.0, np.inf], negative_slope=0.2)
    array([-0.4,  inf])
    """
    x = _float_array(x)
    a = negative_slope
    with np.errstate(invalid="ignore"):  # 0·(−inf) is NaN; its limit here is 0
        neg = np.where(np.equal(a, 0), 0, a * np.minimum(x, 0))
    return np.maximum(x, 0) + neg


def leaky_relu_derivative(x, negative_slope=0.01):
    """LeakyReLU'(x) = 1 if x > 0 else negative_slope (also at the kink 0, as PyTorch).

    x: number or array_like, any shape. NaN stays NaN.
    negative_slope: slope for x < 0, default 0.01.

    >>> leaky_relu_derivative([-2.0, 0.0, 3.0, np.nan])
    array([0.01, 0.01, 1.  ,  nan])
    >>> leaky_relu_derivative([-np.inf, 1e-300], negative_slope=0.2)
    array([0.2, 1. ])
    """
    x = _float_array(x)
    a = negative_slope
    # np.clip(x, a, a) is a, or NaN where x is NaN (x > 0 is False there);
    # + 0 turns the −0.0 that clip keeps for x = −0.0 (when a = 0) into +0.0
    return np.where(x > 0, 1.0, np.clip(x, a, a))[()] + 0


def _float_array(x):
    """x as an ndarray: integers and booleans become float64, float dtypes are kept."""
    x = np.asarray(x)
    return x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)
