"""Inverse square root linear unit: x for x ≥ 0, x/√(1 + αx²) for x < 0 (→ −1/√α).

For |x| > 1 it uses x/√(1 + αx²) = −1/√(t² + α) with t = 1/|x|: x² never overflows.
"""
import numpy as np


def isrlu(x, alpha=1.0):
    """ISRLU(x) = x if x ≥ 0 else x / sqrt(1 + alpha·x²).

    x: number or array_like, any shape. NaN stays NaN.
    alpha: positive; ISRLU(x) → −1/sqrt(alpha) as x → −∞; default 1.0.

    >>> isrlu([-1.0, 0.0, 2.0])
    array([-0.70710678,  0.        ,  2.        ])
    >>> isrlu([-np.inf, -1e200, np.inf, np.nan])  # x·x would overflow at -1e200
    array([-1., -1., inf, nan])
    >>> float(isrlu(-np.inf, alpha=4.0))
    -0.5
    """
    x = _float_array(x)
    a = np.abs(x)
    s = np.minimum(a, 1)  # |x| where |x| ≤ 1, else 1: s·s cannot overflow
    t = 1 / np.maximum(a, 1)  # 1/|x| where |x| > 1, else 1
    neg = np.where(a > 1, -1 / np.sqrt(t * t + alpha), x / np.sqrt(1 + alpha * s * s))
    return np.where(x < 0, neg, x)[()]  # NaN: x < 0 is False, x is returned


def isrlu_derivative(x, alpha=1.0):
    """ISRLU'(x) = 1 if x ≥ 0 else (1 + alpha·x²)^(−3/2), continuous at 0.

    x: number or array_like, any shape. NaN stays NaN.
    alpha: default 1.0.

    >>> isrlu_derivative([-1.0, 0.0, 2.0, np.nan])
    array([0.35355339, 1.        , 1.        ,        nan])
    >>> float(isrlu_derivative(-1e100)), float(isrlu_derivative(-np.inf))
    (1e-300, 0.0)
    """
    x = _float_array(x)
    a = np.abs(x)
    s = np.minimum(a, 1)
    t = 1 / np.maximum(a, 1)
    # |x| > 1: (1 + αx²)^(−3/2) = t³·(t² + α)^(−3/2), with t = 1/|x|
    big = t * t * t * (t * t + alpha) ** -1.5
    neg = np.where(a > 1, big, (1 + alpha * s * s) ** -1.5)
    return np.where(x < 0, neg, np.where(np.isnan(x), x, 1))[()]


def _float_array(x):
    """x as an ndarray: integers and booleans become float64, float dtypes are kept."""
    x = np.asarray(x)
    return x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)
