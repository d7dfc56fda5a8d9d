"""Piecewise linear unit: the identity on [−c, c], lines of slope α outside,
PLU(x) = max(α(x + c) − c, min(α(x − c) + c, x)); by default α = 0.1, c = 1.
"""
import numpy as np


def plu(x, alpha=0.1, c=1.0):
    """PLU(x) = α(x + c) − c for x < −c, x on [−c, c], α(x − c) + c for x > c.

    x: number or array_like, any shape. ±inf stays ±inf (for alpha > 0), NaN stays NaN.
    alpha: slope outside [−c, c], default 0.1.
    c: positive half-width of the identity part, default 1.0.

    >>> plu([-3.0, -1.0, 0.5, 1.0, 11.0])
    array([-1.2, -1. ,  0.5,  1. ,  2. ])
    >>> plu([-np.inf, np.inf, np.nan])
    array([-inf,  inf,  nan])
    >>> plu([-np.inf, 3.0, np.inf], alpha=0.0)  # Hardtanh
    array([-1.,  1.,  1.])
    """
    x = _float_array(x)
    # Each branch sees x clipped to its own side. The outer branches never cancel:
    # α(x − c) ≥ 0 is added to c > 0 (mirrored for x < −c).
    with np.errstate(invalid="ignore"):  # α = 0 at ±inf: 0·inf is NaN, its limit 0
        hi = np.where(np.equal(alpha, 0), 0, alpha * (np.maximum(x, c) - c)) + c
        lo = np.where(np.equal(alpha, 0), 0, alpha * (np.minimum(x, -c) + c)) - c
    return np.where(x > c, hi, np.where(x < -c, lo, x))[()]


def plu_derivative(x, alpha=0.1, c=1.0):
    """PLU'(x) = 1 on [−c, c] (1 at the kinks ±c too), alpha outside.

    x: number or array_like, any shape. NaN stays NaN.
    alpha: default 0.1.
    c: default 1.0.

    >>> plu_derivative([-3.0, -1.0, 0.0, 1.0, 3.0, np.nan])
    array([0.1, 1. , 1. , 1. , 0.1, nan])
    >>> plu_derivative([-np.inf, 2.0, np.inf], alpha=0.5, c=2.0)
    array([0.5, 1. , 0.5])
    """
    x = _float_array(x)
    d = np.where(np.abs(x) <= c, 1, alpha)
    return np.where(np.isnan(x), x, d).astype(x.dtype)[()]


def _float_array(x):
    """x as an ndarray: integers and booleans become float64, float dtypes are kept."""
    x = np.asarray(x)
    return x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)
