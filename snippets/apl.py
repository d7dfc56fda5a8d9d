"""APL, adaptive piecewise linear: ReLU plus S = 2 learned hinges a_s·max(0, b_s − x);
each parameter has its derivative (apl_derivative_<name>).
"""
import numpy as np


def apl(x, a1=0.2, b1=-1.0, a2=0.5, b2=1.0):
    """APL(x) = max(0, x) + a1·max(0, b1 − x) + a2·max(0, b2 − x).

    x: number or array_like, any shape. NaN stays NaN, ±inf goes to its limit.
    a1: 0.2, b1: -1.0, a2: 0.5, b2: 1.0 (the defaults): hinges at b1 and b2.

    >>> apl([-2.0, -1.0, 0.0, 0.5, 2.0])
    array([1.7 , 1.  , 0.5 , 0.75, 2.  ])
    >>> apl([-np.inf, np.inf, np.nan], a1=0.0)  # a slope 0 times inf: 0
    array([inf, inf, nan])
    """
    x = _float_array(x)
    y = np.maximum(x, 0) + _hinge(x, a1, b1) + _hinge(x, a2, b2)
    return y.astype(x.dtype)[()]  # [()]: a NumPy scalar, not a 0-d array


def apl_derivative(x, a1=0.2, b1=-1.0, a2=0.5, b2=1.0):
    """APL'(x) = [x > 0] − a1·[x < b1] − a2·[x < b2]; at a hinge the value on its
    right, at 0 on the left (a step's derivative 0 at its corner, as PyTorch's relu).

    x: number or array_like, any shape. NaN stays NaN.
    a1: 0.2, b1: -1.0, a2: 0.5, b2: 1.0 (the defaults).

    >>> apl_derivative([-2.0, -1.0, 0.0, 0.5, 1.0, 2.0, np.nan])
    array([-0.7, -0.5, -0.5,  0.5,  1. ,  1. ,  nan])
    >>> apl_derivative(np.float32(-np.inf))
    np.float32(-0.7)
    """
    x = _float_array(x)
    d = (x > 0) - a1 * np.less(x, b1) - a2 * np.less(x, b2)
    return _keep_nan(x, d)


def apl_derivative_a1(x, a1=0.2, b1=-1.0, a2=0.5, b2=1.0):
    """∂APL/∂a1 = max(0, b1 − x).

    x: number or array_like, any shape. NaN stays NaN.
    a1: 0.2, b1: -1.0, a2: 0.5, b2: 1.0 (the defaults).

    >>> apl_derivative_a1([-np.inf, -3.0, 0.0])
    array([inf,  2.,  0.])
    >>> apl_derivative_a1(np.nan)
    np.float64(nan)
    """
    x = _float_array(x)
    return _keep_nan(x, np.maximum(b1 - x, 0))


def apl_derivative_b1(x, a1=0.2, b1=-1.0, a2=0.5, b2=1.0):
    """∂APL/∂b1 = a1 for x < b1, else 0.

    x: number or array_like, any shape. NaN stays NaN.
    a1: 0.2, b1: -1.0, a2: 0.5, b2: 1.0 (the defaults).

    >>> apl_derivative_b1([-3.0, -1.0, 0.0])
    array([0.2, 0. , 0. ])
    >>> apl_derivative_b1(np.nan)
    np.float64(nan)
    """
    x = _float_array(x)
    return _keep_nan(x, a1 * np.less(x, b1))


def apl_derivative_a2(x, a1=0.2, b1=-1.0, a2=0.5, b2=1.0):
    """∂APL/∂a2 = max(0, b2 − x).

    x: number or array_like, any shape. NaN stays NaN.
    a1: 0.2, b1: -1.0, a2: 0.5, b2: 1.0 (the defaults).

    >>> apl_derivative_a2([-np.inf, -3.0, 2.0])
    array([inf,  4.,  0.])
    >>> apl_derivative_a2(np.nan)
    np.float64(nan)
    """
    x = _float_array(x)
    return _keep_nan(x, np.maximum(b2 - x, 0))


def apl_derivative_b2(x, a1=0.2, b1=-1.0, a2=0.5, b2=1.0):
    """∂APL/∂b2 = a2 for x < b2, else 0.

    x: number or array_like, any shape. NaN stays NaN.
    a1: 0.2, b1: -1.0, a2: 0.5, b2: 1.0 (the defaults).

    >>> apl_derivative_b2([-3.0, 1.0, 2.0])
    array([0.5, 0. , 0. ])
    >>> apl_derivative_b2(np.nan)
    np.float64(nan)
    """
    x = _float_array(x)
    return _keep_nan(x, a2 * np.less(x, b2))


def _hinge(x, a, b):
    """a·max(0, b − x), with a slope 0 giving 0 (not 0·inf = NaN) at x = −inf."""
    with np.errstate(invalid="ignore"):
        return np.where(np.equal(a, 0), 0, a * np.maximum(b - x, 0))


def _keep_nan(x, d):
    return np.where(np.isnan(x), x, d).astype(x.dtype)[()]


def _float_array(x):
    """x as an ndarray: integers and booleans become float64, float dtypes are kept."""
    x = np.asarray(x)
    return x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)
