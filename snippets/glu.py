"""Gated linear unit: x split in halves a and b along an axis, GLU = a·σ(b).

The second half is the gate, as in PyTorch, Keras and JAX; σ never overflows.
"""
import numpy as np


def glu(x, axis=-1):
    """GLU(x) = a·σ(b), with a, b = the first and second halves of x along axis.

    x: array_like with an even length along axis (a scalar has no halves).
    axis: the axis that is split, default -1 (the last); the output is half as long.

    >>> glu([1.0, 2.0, -1.0, 3.0])  # a = [1, 2] gated by b = [-1, 3]
    array([0.26894142, 1.90514825])
    >>> glu([[2.0, 3.0], [1000.0, -1000.0]], axis=0)  # a = x[:1], b = x[1:]
    array([[2., 0.]])
    """
    a, b = _halves(x, axis)
    with np.errstate(invalid="ignore"):  # ±inf·σ(−inf) = ±inf·0: no limit, NaN
        return a * _sigmoid(b)


def glu_derivative(x, axis=-1):
    """GLU' = [∂y_k/∂a_k, ∂y_k/∂b_k] = [σ(b), a·σ(b)·σ(−b)], in x's shape.

    x: array_like with an even length along axis.
    axis: the split axis, default -1. Along it the first half holds σ(b), the
        diagonal of ∂y/∂a, the second a·σ(b)·σ(−b), the diagonal of ∂y/∂b
        (the other entries are 0): a vector-Jacobian product is g·d[:n], g·d[n:].

    >>> glu_derivative([1.0, 2.0, -1.0, 3.0])
    array([0.26894142, 0.95257413, 0.19661193, 0.09035332])
    >>> glu_derivative([2.0, np.nan])  # NaN in a pair spoils both entries
    array([nan, nan])
    """
    a, b = _halves(x, axis)
    e = np.exp(-np.abs(b))  # σ(b)·σ(−b) = e/(1 + e)²: no cancellation, no overflow
    q = 1 + e
    d_a = np.maximum(e, b >= 0) / q  # σ(b), as _sigmoid, sharing e with ∂y/∂b
    d_a += np.clip(a, 0, 0)  # NaN where a is NaN (clip keeps NaN; else + 0)
    q *= q
    with np.errstate(invalid="ignore"):  # ±inf·0 where |b| = inf: NaN
        d_b = a * (e / q)
    return np.concatenate([d_a, d_b], axis=axis)


def _halves(x, axis):
    """The halves (a, b) of x along axis; a ValueError unless that length is even."""
    x = np.asarray(x)
    x = x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)
    n = x.shape[axis] if x.ndim else 1
    if x.ndim == 0 or n % 2:
        raise ValueError(f"glu: x needs an even length along axis {axis} to split "
                         f"into halves a and b, not {n}")
    return np.split(x, 2, axis=axis)


def _sigmoid(b):
    """σ(b) = 1/(1 + e) for b ≥ 0 and e/(1 + e) for b < 0, with e = exp(−|b|) ≤ 1."""
    e = np.exp(-np.abs(b))
    return np.maximum(e, b >= 0) / (1 + e)
