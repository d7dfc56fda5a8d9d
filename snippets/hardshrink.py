"""Hardshrink (hard thresholding): x where |x| > lambd, else 0.

It jumps at x = ±lambd: small inputs are set to 0, the others kept unchanged.
"""
import numpy as np


def hardshrink(x, lambd=0.5):
    """Hardshrink(x) = x if |x| > lambd else 0.

    x: number or array_like, any shape. NaN stays NaN, as in PyTorch.
    lambd: the threshold λ >= 0; default 0.5. Inputs with |x| = lambd give 0.

    >>> hardshrink([-2.0, -0.5, -0.25, 0.0, 0.5, 0.75])
    array([-2.  ,  0.  ,  0.  ,  0.  ,  0.  ,  0.75])
    >>> hardshrink([-np.inf, np.inf, np.nan])
    array([-inf,  inf,  nan])
    """
    x = _float_array(x)
    # |x| <= lambd is False for NaN, so NaN keeps its place; -0.0 becomes 0.0
    return np.where(np.abs(x) <= lambd, 0, x).astype(x.dtype)[()]


def hardshrink_derivative(x, lambd=0.5):
    """Hardshrink'(x) = 1 if |x| > lambd else 0; 0 at the jumps x = ±lambd.

    x: number or array_like, any shape. NaN stays NaN.
    lambd: default 0.5.

    There is no derivative at a jump: 0 is the slope of the middle piece,
    which includes ±lambd, and what PyTorch and Keras return there.

    >>> hardshrink_derivative([-2.0, -0.5, 0.0, 0.5, 0.75, np.nan])
    array([ 1.,  0.,  0.,  0.,  1., nan])
    >>> hardshrink_derivative(np.float32(-np.inf))
    np.float32(1.0)
    """
    x = _float_array(x)
    return np.where(np.isnan(x), x, np.abs(x) > lambd).astype(x.dtype)[()]


def _float_array(x):
    """x as an ndarray: integers and booleans become float64, float dtypes are kept."""
    x = np.asarray(x)
    return x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)
