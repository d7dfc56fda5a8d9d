"""Parametric ReLU: x for x ≥ 0, a·x for x < 0, where the slope a is learned in training
(initialised to 0.25, as in PyTorch's nn.PReLU): it has a derivative in x and in a.
"""
import numpy as np


def prelu(x, a=0.25):
    """PReLU(x) = max(x, 0) + a·min(x, 0).

    x: number or array_like, any shape.
    a: slope for x < 0, default 0.25; an array broadcasting against x gives a slope
       per channel.

    >>> prelu([-2.0, 0.0, 3.0])
    array([-0.5,  0. ,  3. ])
    >>> prelu([-np.inf, np.inf], a=0.1)
    array([-inf,  inf])
    >>> float(prelu(-np.inf, a=0))  # the limit, not 0·(−inf) = NaN
    0.0
    """
    x = _float_array(x)
    with np.errstate(invalid="ignore"):  # 0·(−inf) is NaN; its limit here is 0
        neg = np.where(np.equal(a, 0), 0, a * np.minimum(x, 0))
    return np.maximum(x, 0) + neg


def prelu_derivative(x, a=0.25):
    """∂PReLU/∂x = 1 if x > 0 else a (also at the kink 0, as PyTorch).

    x: number or array_like, any shape. NaN stays NaN.
    a: slope for x < 0, default 0.25.

    >>> prelu_derivative([-2.0, 0.0, 3.0, np.nan])
    array([0.25, 0.25, 1.  ,  nan])
    >>> float(prelu_derivative(-1e-300, a=0.5))
    0.5
    """
    x = _float_array(x)
    # np.clip(x, a, a) is a, or NaN where x is NaN (x > 0 is False there);
    # + 0 turns the −0.0 that clip keeps for x = −0.0 (when a = 0) into +0.0
    return np.where(x > 0, 1.0, np.clip(x, a, a))[()] + 0


def prelu_derivative_a(x, a=0.25):
    """∂PReLU/∂a = min(x, 0): x for x < 0, else 0. It does not depend on a.

    x: number or array_like, any shape. NaN stays NaN.
    a: slope for x < 0, default 0.25 (unused; the same arguments as prelu).

    >>> prelu_derivative_a([-2.0, 0.0, 3.0, np.nan])
    array([-2.,  0.,  0., nan])
    >>> float(prelu_derivative_a(-np.inf))
    -inf
    """
    return np.minimum(_float_array(x), 0)


def _float_array(x):
    """x as an ndarray: integers and booleans become float64, float dtypes are kept."""
    x = np.asarray(x)
    return x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)
