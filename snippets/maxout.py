"""Maxout of two pieces: x split in halves a and b along an axis, max(a, b).

Where a = b the derivative gives each half 1/2, as torch.amax does.
"""
import numpy as np


def maxout(x, axis=-1):
    """maxout(x) = max(a, b), with a, b = the first and second halves of x along axis.

    x: array_like with an even length along axis (a scalar has no halves).
    axis: the axis that is split, default -1 (the last); the output is half as long.

    >>> maxout([1.0, -2.0, 0.0, 0.0])  # max(x, 0) is ReLU: a = [1, -2], b = 0
    array([1., 0.])
    >>> maxout([[3.0, -1.0], [-3.0, 1.0]], axis=0)  # max(x, -x) is |x|
    array([[3., 1.]])
    """
    a, b = _halves(x, axis)
    return np.maximum(a, b)  # NaN in either half gives NaN


def maxout_derivative(x, axis=-1):
    """maxout' = [∂y_k/∂a_k, ∂y_k/∂b_k] = [1, 0] where a > b, [0, 1] where a < b.

    x: array_like with an even length along axis.
    axis: the split axis, default -1. Along it the first half holds ∂y/∂a,
        the second ∂y/∂b (the diagonals of the two blocks; the other entries
        are 0). Where a = b (a tie) both are 1/2: the gradient is split evenly.

    >>> maxout_derivative([1.0, -2.0, 0.0, 0.0])
    array([1., 0., 0., 1.])
    >>> maxout_derivative([2.0, 2.0])  # a tie
    array([0.5, 0.5])
    >>> maxout_derivative([np.nan, 1.0])  # NaN in a pair spoils both entries
    array([nan, nan])
    """
    a, b = _halves(x, axis)
    d_a = np.clip(np.maximum(a, b), 0, 0)  # 0, or NaN where a or b is NaN
    d_a += a > b  # 1 where a wins (True counts 1); in place, in x's float dtype
    d_a += (a == b) / 2  # 1/2 for a tie
    return np.concatenate([d_a, 1 - d_a], axis=axis)  # ∂y/∂b = 1 − ∂y/∂a; NaN stays NaN


def _halves(x, axis):
    """The halves (a, b) of x along axis; a ValueError unless that length is even."""
    x = np.asarray(x)
    x = x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)
    n = x.shape[axis] if x.ndim else 1
    if x.ndim == 0 or n % 2:
        raise ValueError(f"maxout: x needs an even length along axis {axis} to split "
                         f"into halves a and b, not {n}")
    return np.split(x, 2, axis=axis)
