"""SoLU x_i·softmax(x)_i along an axis (Elhage et al. 2022), and its Jacobian.

The softmax is max-shifted and exact to an ulp; x·0 is read as 0 where x is infinite.
"""
import numpy as np


def solu(x, axis=-1):
    """y_i = x_i·s_i, s_i = exp(x_i − m) / Σ_k exp(x_k − m), m = max_k x_k.

    x: number or array_like, any shape.
    axis: the axis the softmax runs along, default -1 (the last).
    Infinite entries: −inf gives -0.0 (x·e^x → 0), +inf entries share the mass and
    give inf (softmax.py's convention). Only −inf, or a NaN: NaN for the slice.

    >>> solu([1.0, 2.0, 3.0])
    array([0.09003057, 0.48945694, 1.99572287])
    >>> solu([1000.0, 0.0, -np.inf])  # the naive x * exp(x) / sum(exp(x)) gives NaN
    array([1000.,    0.,   -0.])
    """
    x = _float_array(x)
    t, c = _softmax(x, axis)
    return np.where(t == 0, np.sign(x), x) * t * c  # 0·(±inf) read as ±0


def solu_jacobian(x, axis=-1):
    """J[..., i, j] = ∂y_i/∂x_j = δ_ij·(s_i + y_i) − y_i·s_j, s the softmax of x.

    x: array_like; a scalar counts as shape (1,).
    axis: the axis of the softmax, of length n, default -1 (the last).
    Returns x's shape with `axis` removed and (n, n) appended. NaN in a slice: NaN.

    >>> solu_jacobian([0.0, 1.0])
    array([[ 0.26894142,  0.        ],
           [-0.19661193,  0.92767051]])
    >>> float(solu_jacobian([40.0, 0.0])[0, 0])  # 1 + 40·e^-40, to the last bit
    1.0000000000000002
    """
    x = np.moveaxis(_float_array(np.atleast_1d(x)), axis, -1)
    t, c = _softmax(x, -1)  # s = t·c
    y, tj = np.where(t == 0, np.sign(x), x) * t, t[..., np.newaxis, :]
    p = np.where(tj == 0, 0, y[..., :, np.newaxis]) * tj  # y_i·s_j, inf·0 = 0
    p = p * (c[..., :, np.newaxis] * c[..., np.newaxis, :])
    i = np.arange(t.shape[-1])
    p[..., i, i] = 0
    jac = 0.0 - p  # off the diagonal: −y_i·s_j (0.0 − p: no −0.0)
    jac[..., i, i] = t * c + np.sum(p, axis=-1)  # s_i + Σ_{j≠i} y_i·s_j: no 1 − s_i
    return jac


def _softmax(x, axis):
    """(t, c) with softmax(x) = t·c; c = e^-512 where exp(x − m) would be subnormal."""
    m = np.max(x, axis=axis, keepdims=True, initial=-np.inf)  # NaN if a NaN is in
    if np.isinf(m).any():  # slices holding +inf (they share the mass), or only −inf
        x = np.where(x == np.inf, 0, np.where(m == np.inf, -np.inf, x))
        m = np.where(np.isinf(m), 0, m)  # only −inf: exp(−inf − 0) = 0, 0/0 below
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        d = x - m  # rounded; TwoSum finds what it lost: d + lo = x − m exactly
        lo = np.where(np.isfinite(d), (x - (d - (d - x))) - (m + (d - x)), 0)
        far = d < -700  # e^d subnormal: use e^(d + 512), exact sum, times e^-512 later
        e = np.exp(np.where(far, d + 512, d))
        e = e + e * lo  # exp(x − m) to an ulp even where |x − m| is large
        t = e / np.sum(np.where(far, 0, e), axis=axis, keepdims=True)
    return t, np.where(far, x.dtype.type(np.exp(-512.0)), x.dtype.type(1))


def _float_array(x):
    """x as an ndarray: integers and booleans become float64, floats are kept."""
    x = np.asarray(x)
    return x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)
