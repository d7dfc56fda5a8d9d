"""Threshold: x where x > threshold, else a constant value (torch.nn.Threshold).

It jumps at x = threshold unless value == threshold.
"""
import numpy as np


def threshold(x, threshold=1.0, value=0.0):
    """Threshold(x) = x if x > threshold else value.

    x: number or array_like, any shape. NaN stays NaN, as in PyTorch.
    threshold: where the function jumps, any sign; default 1.0. x equal to it
        is replaced.
    value: what replaces every x <= threshold, any sign; default 0.0.

    >>> threshold([-2.0, 0.5, 1.0, 1.5, 3.0])
    array([0. , 0. , 0. , 1.5, 3. ])
    >>> threshold([-np.inf, np.inf, np.nan])
    array([ 0., inf, nan])
    >>> threshold([-1.0, 0.0, 2.0], threshold=0.0, value=0.0)  # ReLU
    array([0., 0., 2.])
    """
    x = _float_array(x)
    # x <= threshold is False for NaN, so NaN keeps its place; a Python float
    # value does not change x's dtype
    return np.where(x <= threshold, value, x).astype(x.dtype)[()]


def threshold_derivative(x, threshold=1.0, value=0.0):
    """Threshold'(x) = 1 if x > threshold else 0; 0 at the jump x = threshold.

    x: number or array_like, any shape. NaN stays NaN.
    threshold: default 1.0.
    value: default 0.0 (the derivative does not depend on it).

    There is no derivative at the jump: 0 is the slope of the constant piece,
    which includes x = threshold, and what PyTorch and Keras return there.

    >>> threshold_derivative([-2.0, 1.0, 1.5, np.nan])
    array([ 0.,  0.,  1., nan])
    >>> float(threshold_derivative(1.0 + 2.0**-52))
    1.0
    """
    x = _float_array(x)
    return np.where(np.isnan(x), x, x > threshold).astype(x.dtype)[()]


def _float_array(x):
    """x as an ndarray: integers and booleans become float64, float dtypes are kept."""
    x = np.asarray(x)
    return x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)
