"""Log-softmax x_i − log Σ_k exp(x_k) along an axis, and its Jacobian δ_ij − s_j."""
import numpy as np


def log_softmax(x, axis=-1):
    """y_i = x_i − m − log1p(Σ_{x_k < m} exp(x_k − m) + c − 1), m = max, c = count(m).

    Never log(0): the max's own exp(0) = 1 stays out of the sum given to log1p.
    x: number or array_like, any shape.
    axis: the axis along which exp(y) sums to 1, default -1 (the last).
    As in softmax.py, +inf entries share the mass (−log of their number, the others
    −inf; PyTorch, JAX and TensorFlow give NaN); only −inf, or a NaN: NaN.

    >>> log_softmax([1.0, 2.0, 3.0])
    array([-2.40760596, -1.40760596, -0.40760596])
    >>> log_softmax([1000.0, 0.0])  # np.log(softmax(x)) gives [0, -inf]
    array([    0., -1000.])
    >>> float(log_softmax([0.0, -40.0])[0])  # log(1 − 4.2e-18) is not 0
    -4.248354255291589e-18
    >>> log_softmax([[np.inf, np.inf, 0.0], [-np.inf, -np.inf, -np.inf]])
    array([[-0.69314718, -0.69314718,        -inf],
           [        nan,         nan,         nan]])
    """
    return _both(x, axis)[0]


def log_softmax_jacobian(x, axis=-1):
    """J[..., i, j] = ∂y_i/∂x_j = δ_ij − s_j, with s = softmax(x) = exp(y).

    x: array_like; a scalar counts as shape (1,).
    axis: the log-softmax axis, of length n, default -1 (the last).
    Returns x's shape with `axis` removed and (n, n) appended. NaN in a slice: NaN.

    >>> log_softmax_jacobian([0.0, 0.0])
    array([[ 0.5, -0.5],
           [-0.5,  0.5]])
    >>> float(log_softmax_jacobian([40.0, 0.0])[0, 0])  # 1 − s_0 gives 0.0
    4.248354255291589e-18
    """
    y, s = _both(np.atleast_1d(x), axis)
    y, s = np.moveaxis(y, axis, -1), np.moveaxis(s, axis, -1)
    jac = np.zeros_like(s)[..., :, np.newaxis] - s[..., np.newaxis, :]  # −s_j
    i = np.arange(s.shape[-1])
    jac[..., i, i] = 0.0 - np.expm1(y)  # 1 − s_i as −expm1(y_i): no cancellation
    return jac


def _both(x, axis):
    """(log-softmax, softmax), from exp(x − m) with the rounding of x − m undone."""
    x = _float_array(x)
    m = np.max(x, axis=axis, keepdims=True, initial=-np.inf)  # NaN if a NaN is in
    if np.isinf(m).any():  # rare: slices holding +inf, or only −inf (or empty)
        x = np.where(x == np.inf, 0, np.where(m == np.inf, -np.inf, x))
        x = np.where(m == -np.inf, np.nan, x)  # only −inf: NaN, as PyTorch
        m = np.where(np.isinf(m), 0, m)
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        d = x - m  # rounded; TwoSum finds what it lost: d + lo = x − m exactly
        lo = np.where(np.isfinite(d), (x - (d - (d - x))) - (m + (d - x)), 0)
        e = np.exp(d) * (1 + lo)  # exp(x − m) ≤ 1, to an ulp
        top = d == 0  # the entries equal to the max: exp gives exactly 1
        c = np.sum(top, axis=axis, keepdims=True, dtype=x.dtype) - 1  # other maxima
        r = np.where(top, 0, e)  # summed from small to large, which rounds less
        t = np.sum(np.sort(r, axis=axis) if r.ndim else r, axis=axis, keepdims=True) + c
        return d - np.log1p(t) + lo, e / (1 + t)


def _float_array(x):
    """x as an ndarray: integers and booleans become float64, floats are kept."""
    x = np.asarray(x)
    return x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)
