"""Softplus log(1 + e^(βx))/β, a smooth ReLU, and its derivative σ(βx), no overflow.

exp is only taken of −β|x| ≤ 0; the naive np.log(1 + np.exp(x)) is inf at x = 1000.
"""
import numpy as np


def softplus(x, beta=1.0, threshold=None):
    """softplus(x) = log(1 + exp(beta·x))/beta = max(x, 0) + log1p(exp(−beta|x|))/beta.

    x: number or array_like, any shape.
    beta: > 0; the larger, the closer to ReLU; default 1.0.
    threshold: None (default) for the exact function; a number t returns x itself
        where beta·x > t, as torch.nn.Softplus does with its default t = 20.

    >>> softplus([-1.0, 0.0, 1.0])
    array([0.31326169, 0.69314718, 1.31326169])
    >>> float(softplus(-40.0)), float(softplus(1000.0))  # no underflow to 0, no inf
    (4.248354255291589e-18, 1000.0)
    >>> float(softplus(20.0)), float(softplus(20.0 + 1e-9, threshold=20))  # the jump
    (20.000000002061153, 20.000000001)
    """
    x = _float_array(x)
    t = x.astype(np.float64)  # float64 inside, rounded once to the input's dtype
    y = np.maximum(t, 0) + np.log1p(np.exp(-_scaled(t, beta))) / beta
    if threshold is not None:  # PyTorch's switch: a jump of log1p(exp(−threshold))/beta
        y = np.where(t > float(threshold) / beta, t, y)
    return y.astype(x.dtype)[()]  # [()]: a NumPy scalar, not a 0-d array


def softplus_derivative(x, beta=1.0, threshold=None):
    """softplus'(x) = σ(beta·x): 1/(1 + e) if x ≥ 0, else e/(1 + e), e = exp(−beta|x|).

    x: number or array_like, any shape. NaN stays NaN.
    beta: > 0; default 1.0.
    threshold: None (default), or a number t: 1 where beta·x > t, as in PyTorch.

    >>> softplus_derivative([-1.0, 0.0, 1.0, np.nan])
    array([0.26894142, 0.5       , 0.73105858,        nan])
    >>> float(softplus_derivative(-40.0)), float(softplus_derivative(40.0))
    (4.248354255291589e-18, 1.0)
    >>> float(softplus_derivative(20.0, threshold=20))  # σ(20), then 1 above it
    0.9999999979388463
    >>> softplus_derivative([-np.inf, 20.5, np.inf], threshold=20)
    array([0., 1., 1.])
    """
    x = _float_array(x)
    t = x.astype(np.float64, copy=False)
    e = np.exp(-_scaled(t, beta))  # in [0, 1]: cannot overflow
    d = np.maximum(e, t >= 0)  # 1 where x ≥ 0 (e ≤ 1), else e; NaN: e is NaN
    e += 1  # in place: no more temporaries
    d /= e
    if threshold is not None:
        d = np.where(t > float(threshold) / beta, 1, d)
    return d.astype(x.dtype, copy=False)[()]


def _scaled(t, beta):
    """beta·|t|, cut at 1000 first so that the product cannot overflow.

    exp(−1000) is 0 in every float dtype: nothing is lost.
    """
    return np.minimum(np.abs(t), 1000 / beta) * beta


def _float_array(x):
    """x as an ndarray: integers and booleans become float64, float dtypes are kept."""
    x = np.asarray(x)
    return x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)
