"""ReGLU: x split in halves a and b along an axis, ReGLU = max(0, a)·b.

The first half a is the gate, as in Shazeer (2020): max(0, xW) ⊗ xV."""
import numpy as np


def reglu(x, axis=-1):
    """ReGLU(x) = max(0, a)·b, with a, b = the first and second halves of x along axis.

    x: array_like with an even length along axis (a scalar has no halves).
    axis: the axis that is split, default -1 (the last); the output is half as long.

    >>> reglu([1.0, -2.0, 3.0, 3.0])  # a = [1, −2] gates b = [3, 3]
    array([3., 0.])
    >>> reglu([[2.0, -1.0], [0.5, 4.0]], axis=0)  # a = x[:1], b = x[1:]
    array([[1., 0.]])
    """
    a, b = _halves(x, axis)
    with np.errstate(over="ignore", invalid="ignore"):  # 1e308·10 = inf; 0·inf: below
        y = np.maximum(a, 0) * b  # NaN where a or b is NaN, and for 0·(±inf)
    fix = np.isnan(y)  # few: no np.where over the whole array
    fix[fix] = (a[fix] <= 0) & ~np.isnan(b[fix])  # 0·(±inf): 0 for a ≤ 0, b = ±inf
    y[fix] = 0
    y += 0  # 0·(−3) is −0.0; + 0 makes it +0.0
    return y


def reglu_derivative(x, axis=-1):
    """ReGLU' = [∂y_k/∂a_k, ∂y_k/∂b_k] = [b if a > 0 else 0, max(0, a)], in x's shape.

    x: array_like with an even length along axis.
    axis: the split axis, default -1. Along it the first half holds the diagonal of
        ∂y/∂a, the second the diagonal of ∂y/∂b (the other entries are 0). At the
        kink a = 0, ∂y/∂a is 0 (ReLU's slope 0 there, as PyTorch's autograd gives).

    >>> reglu_derivative([1.0, 0.0, -2.0, 3.0, 5.0, 7.0])
    array([3., 0., 0., 1., 0., 0.])
    >>> reglu_derivative([2.0, np.nan])  # NaN in a pair spoils both entries
    array([nan, nan])
    """
    a, b = _halves(x, axis)
    bad = np.isnan(a) | np.isnan(b)
    zero = np.zeros_like(b)  # ∂y/∂a = 0 for a ≤ 0, even where b = ±inf
    d_a = np.where(bad, np.nan, np.where(a > 0, b, zero))
    d_b = np.where(bad, np.nan, np.maximum(a, 0))
    return np.concatenate([d_a, d_b], axis=axis)


def _halves(x, axis):
    """The halves (a, b) of x along axis; a ValueError unless that length is even."""
    x = np.asarray(x)
    x = x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)
    n = x.shape[axis] if x.ndim else 1
    if x.ndim == 0 or n % 2:
        raise ValueError(f"reglu: x needs an even length along axis {axis} to split "
                         f"into halves a and b, not {n}")
    return np.split(x, 2, axis=axis)
