"""Bent identity (√(x² + 1) − 1)/2 + x and its derivative: √(x² + 1) is np.hypot(x, 1),
which does not overflow past |x| = 1.3e154, and √(x² + 1) − 1 is written
x²/(√(x² + 1) + 1), which does not cancel near 0."""
import numpy as np


def bent_identity(x):
    """bent_identity(x) = (√(x² + 1) − 1)/2 + x = x + x²/(2(√(x² + 1) + 1)).

    x: number or array_like, any shape.

    >>> bent_identity([-1.0, 0.0, 1.0, 3.0])
    array([-0.79289322,  0.        ,  1.20710678,  4.08113883])
    >>> float(bent_identity(1e-9)), float(bent_identity(-1e200))  # naive: inf at -1e200
    (1.00000000025e-09, -5e+199)
    >>> bent_identity([-np.inf, np.inf, np.nan])
    array([-inf,  inf,  nan])
    """
    x = _float_array(x)
    t = x.astype(np.float64)  # float32 and float16 are rounded once, at the end
    a = np.abs(t)
    h = np.hypot(t, 1)
    with np.errstate(invalid="ignore", over="ignore"):  # inf/inf at ±inf: see below
        q = a * (a / (h + 1))  # = x²/(√(x² + 1) + 1), in [0, |x|): no overflow
        y = np.where(np.isinf(t), t, t + q / 2)  # f(x) > 1.8e308: inf
        return y.astype(x.dtype)[()]  # [()]: a NumPy scalar, not a 0-d array


def bent_identity_derivative(x):
    """bent_identity'(x) = 1 + x/(2√(x² + 1)), in (1/2, 3/2); increasing.

    x: number or array_like, any shape. NaN stays NaN.

    >>> bent_identity_derivative([-1.0, 0.0, 1.0, np.nan])
    array([0.64644661, 1.        , 1.35355339,        nan])
    >>> bent_identity_derivative([-np.inf, -1e200, 1e200, np.inf])  # naive: 1, 1
    array([0.5, 0.5, 1.5, 1.5])
    """
    x = _float_array(x)
    # x/√(x² + 1) is ±1 beyond 1e16, so x is cut at 1e100: x² cannot overflow
    t = np.clip(x.astype(np.float64, copy=False), -1e100, 1e100)
    d = np.asarray(np.sqrt(t * t + 1))  # an array for a scalar too (for out=)
    d *= 2  # in place from here: no more temporaries
    np.divide(t, d, out=d)
    d += 1
    return d.astype(x.dtype, copy=False)[()]


def _float_array(x):
    """x as an ndarray: integers and booleans become float64, float dtypes are kept."""
    x = np.asarray(x)
    return x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)
