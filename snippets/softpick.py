"""Softpick relu(e^x_i − 1) / Σ_k |e^x_k − 1| along an axis (Zuhri et al. 2025).
Both sides are scaled by e^-m (m = max(x, 0)), with expm1 where e^x − 1 would cancel.
"""
import numpy as np


def softpick(x, axis=-1):
    """y_i = relu(e^x_i − 1) / Σ_k |e^x_k − 1|; rows may sum to less than 1.
    x: number or array_like, any shape. axis: the axis of the sum, default -1.
    Inputs all ≤ 0 give 0 (all exactly 0: 0/0, read as 0, as the paper's ε does).
    −inf adds 1 to the sum (its limit); +inf entries share the mass, as in softmax.py.

    >>> softpick([1.0, 0.5, -1.0])
    array([0.57292797, 0.21630361, 0.        ])
    >>> softpick([1000.0, -1000.0])  # the naive formula gives [nan, 0]
    array([1., 0.])
    """
    x = np.asarray(x)
    x = x if np.issubdtype(x.dtype, np.floating) else x.astype(float)
    a, pos, _ = _parts(x, axis)
    d = np.sum(a, axis=axis, keepdims=True)
    y = np.where(pos, a, 0) / np.where(d == 0, 1, d)  # d = 0 only for rows of zeros
    if (top := x == np.inf).any():  # the +inf entries of a slice share its mass
        k = np.sum(top, axis=axis, keepdims=True)
        y = np.where(k > 0, top / np.maximum(k, 1), y).astype(y.dtype)
    return y


def softpick_jacobian(x, axis=-1):
    """J[..., i, j] = ∂y_i/∂x_j = (δ_ij·θ(x_i) − y_i·sign(x_j))·e^x_j / Σ_k |e^x_k − 1|.

    x: array_like (a scalar: shape (1,)). axis: the axis of the sum, default -1.
    Returns x's shape without `axis`, then (n, n). θ(0) = ½ (SymPy's); a row of
    zeros gives 0, NaN or +inf in a slice NaN.

    >>> softpick_jacobian([1.0, -1.0])
    array([[0.3110355 , 0.11442357],
           [0.        , 0.        ]])
    >>> float(softpick_jacobian([40.0, -1.0])[0, 0])  # (1 − y_0)·e^40/D, not 0
    2.6854720659566e-18
    """
    x = np.atleast_1d(x)
    x = np.moveaxis(x if np.issubdtype(x.dtype, np.floating) else x + 0.0, axis, -1)
    a, pos, g = _parts(x, -1)  # a_k = |e^x_k − 1|·e^-m, g_k = e^(x_k − m)
    n, d = x.shape[-1], np.sum(a, axis=-1, keepdims=True)
    zero, d = d == 0, np.where(d == 0, 1, d)
    y = np.where(pos, a, 0) / d
    rest = np.sum(np.where(np.eye(n, dtype=bool), 0, a[..., None, :]), -1)  # Σ_k≠i a_k
    bad = np.isnan(d) | (x == np.inf).any(axis=-1, keepdims=True)  # NaN or +inf in it
    with np.errstate(over="ignore"):  # e^x_j / Σ_k |e^x_k − 1| can exceed the range
        jac = y[..., :, None] * (np.sign(x) * g)[..., None, :] / d[..., None]
        kink = np.where((x == 0) & ~zero, g / d / 2, 0)  # θ(0) = ½
        diag = np.where(bad, np.nan, np.where(pos, g * rest / d / d, kink))  # not 1 − y
    jac = 0.0 - jac  # not −jac: no −0.0
    jac[..., np.arange(n), np.arange(n)] = diag
    return np.where(bad[..., np.newaxis], np.nan, jac)


def _parts(x, axis):
    """(a, x > 0, g): a = |e^x − 1|·e^-m, g = e^(x − m), m = max(x, 0) along axis."""
    x = np.where(x == np.inf, 0, x)  # +inf: handled by the callers
    m = np.max(x, axis=axis, keepdims=True, initial=0)  # NaN if a NaN is in
    pos = x > 0
    with np.errstate(over="ignore", invalid="ignore"):
        d = x - m  # rounded (−inf for −1e308 − 1e308); TwoSum: d + lo = x − m exactly
        lo = np.where(np.isfinite(d), (x - (d - (d - x))) - (m + (d - x)), 0)
        g = np.exp(d) + np.exp(d) * lo  # e^(x − m) to an ulp even where x − m is large
        q = -np.expm1(np.where(pos, -x, x))  # 1 − e^-|x|, exact near 0
        a = np.where(pos, g * q, np.exp(-m) * q)  # e^(x−m)(1 − e^-x), or e^-m(1 − e^x)
    return a, pos, g
