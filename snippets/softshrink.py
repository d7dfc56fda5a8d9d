"""Softshrink (soft thresholding): x moved lambd towards 0, and 0 for |x| ≤ lambd.

Computed as x − clip(x, −lambd, lambd): one subtraction, exact at the kinks.
"""
import numpy as np


def softshrink(x, lambd=0.5):
    """Softshrink(x) = x − clip(x, −lambd, lambd) = sign(x)·max(|x| − lambd, 0).

    x: number or array_like, any shape. NaN stays NaN (np.clip propagates it).
    lambd: the threshold, lambd ≥ 0; default 0.5.

    >>> softshrink([-2.0, -0.5, 0.0, 0.3, 2.0])
    array([-1.5,  0. ,  0. ,  0. ,  1.5])
    >>> softshrink([-np.inf, np.inf, np.nan])
    array([-inf,  inf,  nan])
    >>> softshrink([0.5, 1.0, 3.0], lambd=1.0)
    array([0., 0., 2.])
    """
    x = _float_array(x)
    return (x - np.clip(x, -lambd, lambd))[()]


def softshrink_derivative(x, lambd=0.5):
    """Softshrink'(x) = 1 if |x| > lambd else 0; 0 at both kinks, as PyTorch and Keras.

    x: number or array_like, any shape. NaN stays NaN.
    lambd: default 0.5.

    >>> softshrink_derivative([-2.0, -0.5, 0.0, 0.5, 2.0])
    array([1., 0., 0., 0., 1.])
    >>> softshrink_derivative([np.nan, -np.inf])
    array([nan,  1.])
    """
    x = _float_array(x)
    # 1.0 outside [−lambd, lambd], 0.0 inside and at both kinks; NaN stays NaN
    outside = np.abs(x) > lambd
    return np.where(np.isnan(x), x, outside).astype(x.dtype)[()]


def _float_array(x):
    """x as an ndarray: integers and booleans become float64, float dtypes are kept."""
    x = np.asarray(x)
    return x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)
