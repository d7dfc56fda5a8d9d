"""Sparsemax max(x_i − τ, 0): the Euclidean projection onto the probability simplex."""
import numpy as np


def sparsemax(x, axis=-1):
    """y_i = max(x_i − τ, 0) along axis, with τ such that Σ_i y_i = 1.

    x: number or array_like, any shape.
    axis: the axis that sums to 1, default -1 (the last).
    Inputs ≤ τ give exactly 0; +inf entries share the mass; only −inf, or NaN: NaN.

    >>> sparsemax([1.0, 0.5, -1.0])
    array([0.75, 0.25, 0.  ])
    >>> sparsemax([[np.inf, np.inf, 0.0], [-np.inf, 5.0, 4.5]])
    array([[0.5 , 0.5 , 0.  ],
           [0.  , 0.75, 0.25]])
    """
    x = _float_array(x)
    y, _ = _projection(np.moveaxis(np.atleast_1d(x), axis, -1))
    return np.moveaxis(y, -1, axis).reshape(x.shape)[()]


def sparsemax_jacobian(x, axis=-1):
    """J[..., i, j] = ∂y_i/∂x_j = s_i·(δ_ij − s_j/|S|), s = 1 on the support S, else 0.

    x: array_like; a scalar counts as shape (1,).
    axis: the sparsemax axis, of length n, default -1 (the last).
    Returns x's shape with `axis` removed and (n, n) appended; x_i = τ is out of S.

    >>> sparsemax_jacobian([1.0, 0.5, -1.0])
    array([[ 0.5, -0.5,  0. ],
           [-0.5,  0.5,  0. ],
           [ 0. ,  0. ,  0. ]])
    >>> sparsemax_jacobian(np.zeros((3, 5)), axis=0).shape
    (5, 3, 3)
    """
    _, s = _projection(np.moveaxis(np.atleast_1d(_float_array(x)), axis, -1))
    s, m = s[..., None], np.sum(s, axis=-1)[..., None, None]
    return s * np.eye(s.shape[-2], dtype=s.dtype) - s * np.swapaxes(s, -1, -2) / m


def _projection(z):  # y and the support indicator (NaN if NaN), on the last axis
    u = np.max(z, axis=-1, keepdims=True, initial=-np.inf)  # NaN if the slice has NaN
    z = np.where(u == np.inf, np.where(z == np.inf, 0, -np.inf).astype(z.dtype), z)
    u = np.where(u == np.inf, 0, np.where(u == -np.inf, np.nan, u))  # +inf ones share
    c = np.where(np.abs(u) >= 2, u, 0)  # z − c is exact where z > u − 1 (Sterbenz)
    with np.errstate(over="ignore"):  # inputs ≤ u − 1 never are in the support
        d = np.maximum(z - c, u - c - 2)
    v = np.sort(np.where(d == d, d, 0), axis=-1)[..., ::-1]  # f16 sorts NaN to sNaN
    k = np.arange(1, d.shape[-1] + 1, dtype=d.dtype)
    p, q = _cumsum2(v)  # Σ_{j≤k} v_j = p + q
    m = np.sum((1 - p) + k * v - q > 0, axis=-1, keepdims=True).astype(d.dtype) + 0 * u
    pm, qm, vm = np.sum(np.where(k == m, np.stack([p, q, v]), 0), -1, keepdims=True)
    tau = ((pm - 1) + qm) / m  # m is |S|, NaN for a NaN slice
    r, e = _cumsum2(np.concatenate(  # Σ_S (v_j − τ) − 1 = m·(τ_exact − τ)
        [np.where(k <= m, v, 0), np.where(k <= m, -tau, 0), 0 * tau - 1], axis=-1))
    return np.maximum((d - tau) - (r[..., -1:] + e[..., -1:]) / m, 0), (d >= vm) + 0 * d


def _cumsum2(v):  # running sums of v on the last axis as p + q, twice as precise
    p = np.cumsum(v, axis=-1)
    a, b, s = p[..., :-1], v[..., 1:], p[..., 1:]
    e = (a - (s - (s - a))) + (b - (s - a))  # TwoSum: a + b = s + e exactly
    return p, np.cumsum(np.concatenate([0 * v[..., :1], e], axis=-1), axis=-1)


def _float_array(x):
    """x as an ndarray: integers and booleans become float64, floats are kept."""
    x = np.asarray(x)
    return x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)
