"""Squareplus (x + √(x² + b))/2, an algebraic softplus, and its derivative, no overflow.

√(x² + b) is np.hypot(x, √b), and x < 0 uses b/4 / f(−x): no x², no cancellation.
"""
import numpy as np


def squareplus(x, b=4.0):
    """squareplus(x) = (x + sqrt(x² + b))/2; for x < 0, (b/4) / squareplus(−x).

    x: number or array_like, any shape.
    b: > 0; squareplus(0) = sqrt(b)/2, and b → 0 gives ReLU; default 4.0.

    >>> squareplus([-1.0, 0.0, 1.0])
    array([0.61803399, 1.        , 1.61803399])
    >>> float(squareplus(-1e10)), float(squareplus(-1e200))  # naive: 0.0 and inf
    (1e-10, 1e-200)
    >>> squareplus([-np.inf, 1e308, np.inf, np.nan])
    array([0.e+000, 1.e+308,     inf,     nan])
    """
    x = _float_array(x)
    m, _ = _positive_half(x, b)
    return np.where(x < 0, (b / 4) / m, m)[()]  # NaN: m is NaN


def squareplus_derivative(x, b=4.0):
    """squareplus'(x) = (1 + x/sqrt(x² + b))/2 = squareplus(x) / sqrt(x² + b).

    x: number or array_like, any shape. NaN stays NaN.
    b: > 0; default 4.0.

    >>> squareplus_derivative([-1.0, 0.0, 1.0, np.nan])
    array([0.2763932, 0.5      , 0.7236068,       nan])
    >>> squareplus_derivative([-1e10, 1e10])  # naive: 0.0 (1 + x/h cancels) and 1.0
    array([1.e-20, 1.e+00])
    >>> squareplus_derivative([-np.inf, np.inf])
    array([0., 1.])
    """
    x = _float_array(x)
    big = np.finfo(x.dtype).max / 4  # past it f' is 0 or 1 to the last bit
    m, h = _positive_half(np.clip(x, -big, big), b)
    return (np.where(x < 0, (b / 4) / m, m) / h)[()]


def _positive_half(x, b):
    """(m, h): m = squareplus(|x|) = |x|/2 + h/2 and h = sqrt(x² + b) = hypot(x, √b).

    Both are sums of positive terms (nothing cancels) and neither overflows before
    the result does; squareplus(x)·squareplus(−x) = b/4 gives the negative side.
    """
    h = np.hypot(x, float(b) ** 0.5)  # a Python float keeps float32 float32
    return np.abs(x) / 2 + h / 2, h


def _float_array(x):
    """x as an ndarray: integers and booleans become float64, float dtypes are kept."""
    x = np.asarray(x)
    return x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)
