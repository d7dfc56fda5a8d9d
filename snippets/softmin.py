"""Softmin exp(−x_i) / Σ_k exp(−x_k) = softmax(−x) along an axis, and its Jacobian.

The smallest input gets the largest share; −inf entries share the mass, by convention.
"""
import numpy as np


def softmin(x, axis=-1):
    """exp(m − x_i) / Σ_k exp(m − x_k) along axis, with m = min_k x_k.

    x: number or array_like, any shape.
    axis: the axis that sums to 1, default -1 (the last).
    softmax(−x), with softmax.py's conventions mirrored: the −inf entries of a slice
    share its mass (PyTorch's softmin gives NaN); only +inf, or a NaN: NaN.

    >>> softmin([1.0, 2.0, 3.0])
    array([0.66524096, 0.24472847, 0.09003057])
    >>> softmin([-1000.0, 0.0])  # the naive exp(-x) / sum(exp(-x)) gives [nan, 0]
    array([1., 0.])
    >>> softmin([[-np.inf, -np.inf, 0.0], [np.inf, np.inf, np.inf]])
    array([[0.5, 0.5, 0. ],
           [nan, nan, nan]])
    """
    z = -_float_array(x)  # exact
    m = np.max(z, axis=axis, keepdims=True, initial=-np.inf)  # NaN if a NaN is in
    if np.isinf(m).any():  # rare: slices holding −inf, or only +inf (or empty)
        z = np.where(z == np.inf, 0, np.where(m == np.inf, -np.inf, z))
        z = np.where(m == -np.inf, np.nan, z)  # only +inf: NaN, as PyTorch
        m = np.where(np.isinf(m), 0, m)
    with np.errstate(over="ignore", invalid="ignore"):
        d = z - m  # rounded; TwoSum finds what it lost: d + lo = z − m exactly
        lo = np.where(np.isfinite(d), (z - (d - (d - z))) - (m + (d - z)), 0)
        e = np.exp(d)
        e = e + e * lo  # exp(z − m) ≤ 1, to an ulp even where |z − m| is large
    return e / np.sum(e, axis=axis, keepdims=True)


def softmin_jacobian(x, axis=-1):
    """J[..., i, j] = ∂s_i/∂x_j = −s_i·(δ_ij − s_j), with s = softmin(x, axis).

    x: array_like; a scalar counts as shape (1,).
    axis: the softmin axis, of length n, default -1 (the last).
    Returns x's shape with `axis` removed and (n, n) appended. NaN in a slice: NaN.

    >>> softmin_jacobian([0.0, 0.0])
    array([[-0.25,  0.25],
           [ 0.25, -0.25]])
    >>> float(softmin_jacobian([-40.0, 0.0])[0, 0])  # −s_0·(1 − s_0) gives -0.0
    -4.248354255291589e-18
    """
    s = np.moveaxis(softmin(np.atleast_1d(x), axis=axis), axis, -1)
    p = s[..., :, np.newaxis] * s[..., np.newaxis, :]  # s_i·s_j, off the diagonal
    i = np.arange(s.shape[-1])
    p[..., i, i] = 0
    # the diagonal −s_i·(1 − s_i) as −Σ_{j≠i} s_i·s_j: no cancellation when s_i ≈ 1;
    # that sum is empty for n = 1, so NaN is carried over from s
    p[..., i, i] = np.where(np.isnan(s), np.nan, 0.0 - np.sum(p, axis=-1))
    return p


def _float_array(x):
    """x as an ndarray: integers and booleans become float64, floats are kept."""
    x = np.asarray(x)
    return x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)
