"""Softmax exp(x_i) / Σ_k exp(x_k) along an axis, and its Jacobian.

Subtracting the max keeps every exp ≤ 1; +inf entries share the mass, by convention.
"""
import numpy as np


def softmax(x, axis=-1):
    """exp(x_i − m) / Σ_k exp(x_k − m) along axis, with m = max_k x_k.

    x: number or array_like, any shape.
    axis: the axis that sums to 1, default -1 (the last).
    +inf has no limit to follow: softmax(2t, t, 0) → (1, 0, 0) but softmax(t, t, 0) →
    (½, ½, 0) as t → ∞. By convention the +inf entries of a slice share its mass
    (PyTorch, JAX and TensorFlow give NaN). Only −inf, or a NaN: NaN.

    >>> softmax([1.0, 2.0, 3.0])
    array([0.09003057, 0.24472847, 0.66524096])
    >>> softmax([1000.0, 0.0])  # the naive exp(x) / sum(exp(x)) gives [nan, 0]
    array([1., 0.])
    >>> softmax([[np.inf, np.inf, 0.0], [-np.inf, -np.inf, -np.inf]])
    array([[0.5, 0.5, 0. ],
           [nan, nan, nan]])
    """
    x = _float_array(x)
    m = np.max(x, axis=axis, keepdims=True, initial=-np.inf)  # NaN if the slice has NaN
    if np.isinf(m).any():  # rare: slices holding +inf, or only −inf (or empty)
        x = np.where(x == np.inf, 0, np.where(m == np.inf, -np.inf, x))
        x = np.where(m == -np.inf, np.nan, x)  # only −inf: NaN, as PyTorch
        m = np.where(np.isinf(m), 0, m)
    # exp(x − m) ≤ 1 cannot overflow; x − m can (−1e308 − 1e308 = −inf, exp gives 0)
    with np.errstate(over="ignore"):
        e = np.exp(x - m)
    return e / np.sum(e, axis=axis, keepdims=True)


def softmax_jacobian(x, axis=-1):
    """J[..., i, j] = ∂s_i/∂x_j = s_i·(δ_ij − s_j), with s = softmax(x, axis).

    x: array_like; a scalar counts as shape (1,).
    axis: the softmax axis, of length n, default -1 (the last).
    Returns x's shape with `axis` removed and (n, n) appended: for x of shape
    (n, b) and axis=0, J has shape (b, n, n). NaN in a slice gives NaN.

    >>> softmax_jacobian([0.0, 0.0])
    array([[ 0.25, -0.25],
           [-0.25,  0.25]])
    >>> float(softmax_jacobian([40.0, 0.0])[0, 0])  # s_0·(1 − s_0) gives 0.0
    4.248354255291589e-18
    >>> softmax_jacobian(np.zeros((3, 5)), axis=0).shape
    (5, 3, 3)
    >>> softmax_jacobian(np.nan)
    array([[nan]])
    """
    s = np.moveaxis(softmax(np.atleast_1d(x), axis=axis), axis, -1)
    p = s[..., :, np.newaxis] * s[..., np.newaxis, :]  # s_i·s_j
    i = np.arange(s.shape[-1])
    p[..., i, i] = 0
    # the diagonal s_i·(1 − s_i) as Σ_{j≠i} s_i·s_j: no cancellation when s_i ≈ 1;
    # that sum is empty for n = 1, so NaN is carried over from s
    diagonal = np.where(np.isnan(s), np.nan, np.sum(p, axis=-1))
    np.subtract(0.0, p, out=p)  # in place; not −p: −0.0 where s_i·s_j underflows
    p[..., i, i] = diagonal
    return p


def _float_array(x):
    """x as an ndarray: integers and booleans become float64, floats are kept."""
    x = np.asarray(x)
    return x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)
